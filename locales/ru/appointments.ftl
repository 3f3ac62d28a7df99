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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Ваша запись в виде файла календаря: { $service }, { $date }, { $time } (номер записи { $reference }). Откройте файл, чтобы добавить запись в свой календарь.
calendar-file-cancel = Запись { $reference } отменена. Откройте этот файл календаря, чтобы запись исчезла и из Вашего календаря.
calendar-summary = Видеоприём в бюро по делам граждан: { $service }
calendar-description =
    { $service }
    Номер записи: { $reference }
    Как подключиться: за { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    } до начала мы напишем Вам в чате, и там Вы сможете отметиться («{ option-check-in }»). Затем Вы будете ждать в виртуальном зале ожидания. Когда подойдёт Ваша очередь, Вы получите в чате ссылку на видеоразговор. Откройте её в браузере смартфона или компьютера.
    Пожалуйста, подготовьте документы.
calendar-description-cancelled =
    Эта запись отменена.
    Номер записи: { $reference }
