# My appointments: list, cancel, reschedule.

appointments-none = Сейчас у Вас нет предстоящих записей.
appointments-count =
    { $count ->
        [one] У Вас { $count } предстоящая запись.
        [few] У Вас { $count } предстоящие записи.
        [many] У Вас { $count } предстоящих записей.
       *[other] У Вас { $count } предстоящей записи.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Номер записи: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Выберите запись, чтобы перенести или отменить её.
option-cancel-appointment = Отменить запись
option-reschedule = Перенести запись
cancel-confirm-prompt = Вы действительно хотите отменить запись { $reference } ({ $date })?
option-yes-cancel = Да, отменить
option-no-keep = Нет, оставить
appointment-cancelled = Запись { $reference } отменена.
appointment-kept = Хорошо, запись остаётся в силе.
appointment-gone = Этой записи больше нет.
reschedule-intro = Выберите новое время для услуги «{ $service }». Текущая запись сохранится, пока Вы не подтвердите новую.
appointment-rescheduled =
    Ваша запись перенесена. Номер записи остаётся прежним: { $reference }
    { $service }
    { $date }, { $time }
