# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Робоче місце: { $clerk }. Напишіть «help», щоб побачити список команд.
desk-not-clerk = { $clerk } немає у списку працівників (SCHALTER_MATRIX_CLERKS). Обслуговувати залу очікування можуть лише особи з цього списку.
desk-help =
    Команди:
    next – викликати наступного відвідувача
    take REF – викликати конкретного відвідувача
    done [нотатка] – завершити розмову
    noshow – позначити неявку
    back – повернути відвідувача до зали очікування
    queue – показати залу очікування
    today – записи на сьогодні
    say KEY – надіслати відвідувачу підготовлене повідомлення (camera, microphone, documents, moment, link)
    fee [СУМА] [причина] – призначити плату за розмову або додати позицію
    paid REF – показати стан оплати
    refund REF [СУМА] – повернути платіж
    away / available – не на місці / на місці
    help – ця довідка
desk-unknown = Такої команди я не знаю.
desk-picked =
    Виклик: { $reference } · { $service } · { $lang } · чекає { $waited } хв
    Бракує: { $open }
desk-video = Відео: { $url }
desk-video-invited = Відеокімната готова: запрошення ви знайдете в Element. Посилання тут не публікується, бо цю кімнату читають не лише працівники.
desk-nobody = Ніхто не чекає.
desk-not-waiting = { $reference } зараз не в черзі.
desk-busy = Ви ще розмовляєте з { $reference }. Спочатку завершіть розмову командою done, noshow або back.
desk-done = { $reference } — обслуговування завершено.
desk-noshow = { $reference } — зафіксовано неявку.
desk-back = { $reference } знову в залі очікування.
desk-no-call = Зараз у вас немає активної розмови.
desk-queue-empty = Зала очікування порожня.
desk-queue-title = Зала очікування: чекають — { $count }, на зміні — { $clerks }
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · чекає { $waited } хв · бракує: { $open }
desk-in-call-line = Триває розмова: { $reference } — { $clerk }
desk-away = Тепер ви недоступні й не враховуєтеся в розрахунку часу очікування.
desk-available = Тепер ви доступні.
desk-walk-in = без запису
desk-checklist-complete = нічого
desk-agenda-title = Доброго ранку! Записів на сьогодні: { $count }
desk-today-title = Записів на сьогодні: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · вікно { $desk }
desk-say-sent = Надіслано відвідувачу { $reference }: { $key }
desk-say-keys = Такого повідомлення немає. Доступні підготовлені повідомлення: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
