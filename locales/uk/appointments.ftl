# My appointments: list, cancel, reschedule.

appointments-none = Наразі у вас немає запланованих записів.
appointments-count =
    { $count ->
        [one] У вас { $count } запланований запис.
        [few] У вас { $count } заплановані записи.
        [many] У вас { $count } запланованих записів.
       *[other] У вас { $count } запланованого запису.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Номер запису: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Оберіть запис, щоб перенести або скасувати його.
option-cancel-appointment = Скасувати запис
option-reschedule = Перенести запис
cancel-confirm-prompt = Ви дійсно хочете скасувати запис { $reference } ({ $date })?
option-yes-cancel = Так, скасувати
option-no-keep = Ні, залишити
appointment-cancelled = Запис { $reference } скасовано.
appointment-kept = Добре, запис залишається в силі.
appointment-gone = Цього запису більше немає.
reschedule-intro = Оберіть новий час для послуги «{ $service }». Поточний запис збережеться, доки ви не підтвердите новий.
appointment-rescheduled =
    Ваш запис перенесено. Номер запису залишається тим самим: { $reference }
    { $service }
    { $date }, { $time }
