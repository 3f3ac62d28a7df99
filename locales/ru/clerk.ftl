# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Рабочее место: { $clerk }. Напишите «help», чтобы увидеть список команд.
desk-not-clerk = { $clerk } нет в списке сотрудников (SCHALTER_MATRIX_CLERKS). Обслуживать зал ожидания могут только сотрудники из этого списка.
desk-help =
    Команды:
    next – вызвать следующего посетителя
    take REF – вызвать конкретного посетителя
    done [заметка] – завершить разговор
    noshow – отметить неявку
    back – вернуть посетителя в зал ожидания
    queue – показать зал ожидания
    today – записи на сегодня
    say KEY – отправить посетителю подготовленное сообщение (camera, microphone, documents, moment, link)
    fee [СУММА] [причина] – назначить плату за разговор или добавить позицию
    paid REF – показать статус оплаты
    refund REF [СУММА] – вернуть платёж
    away / available – нет на месте / на месте
    help – эта справка
desk-unknown = Такой команды я не знаю.
desk-picked =
    Вызов: { $reference } · { $service } · { $lang } · ждёт { $waited } мин.
    Не хватает: { $open }
desk-video = Видео: { $url }
desk-video-invited = Видеокомната готова: приглашение вы найдёте в Element. Ссылка здесь не публикуется, потому что эту комнату читают не только сотрудники.
desk-nobody = Никто не ждёт.
desk-not-waiting = { $reference } сейчас не в очереди.
desk-busy = Вы ещё разговариваете с { $reference }. Сначала завершите разговор командой done, noshow или back.
desk-done = { $reference } — обслуживание завершено.
desk-noshow = { $reference } — отмечена неявка.
desk-back = { $reference } снова в зале ожидания.
desk-no-call = Сейчас у Вас нет активного разговора.
desk-queue-empty = Зал ожидания пуст.
desk-queue-title = Зал ожидания: ждут — { $count }, на смене — { $clerks }
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · ждёт { $waited } мин. · не хватает: { $open }
desk-in-call-line = Идёт разговор: { $reference } — { $clerk }
desk-away = Теперь Вы недоступны и не учитываетесь при расчёте времени ожидания.
desk-available = Теперь Вы доступны.
desk-walk-in = без записи
desk-checklist-complete = ничего
desk-agenda-title = Доброе утро! Записей на сегодня: { $count }
desk-today-title = Записей на сегодня: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · окно { $desk }
desk-say-sent = Отправлено посетителю { $reference }: { $key }
desk-say-keys = Такого сообщения нет. Доступные подготовленные сообщения: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
