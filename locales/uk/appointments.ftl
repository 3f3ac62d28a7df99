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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Ваш запис як файл календаря: { $service }, { $date }, { $time } (номер запису { $reference }). Відкрийте файл, щоб додати запис до свого календаря.
calendar-file-cancel = Запис { $reference } скасовано. Відкрийте цей файл календаря, щоб запис зник і з вашого календаря.
calendar-summary = Відеоприйом у бюро у справах громадян: { $service }
calendar-description =
    { $service }
    Номер запису: { $reference }
    Як долучитися: за { $minutes ->
        [one] { $minutes } хвилину
        [few] { $minutes } хвилини
       *[many] { $minutes } хвилин
    } до початку ми напишемо вам у чаті, і там ви зможете відмітитися («{ option-check-in }»). Після цього ви чекатимете у віртуальній залі очікування. Коли настане ваша черга, ви отримаєте в чаті посилання на відеорозмову. Відкрийте його в браузері смартфона або комп’ютера.
    Будь ласка, підготуйте документи.
calendar-description-cancelled =
    Цей запис скасовано.
    Номер запису: { $reference }
