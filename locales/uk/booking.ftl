# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = На яку послугу ви хочете записатися? Оберіть зі списку або напишіть ключове слово.
pick-service-checklist-prompt = Для якої послуги ви хочете дізнатися, які документи потрібні?
service-not-found = За цим запитом послугу не знайдено.
service-ambiguous = Ви мали на увазі одну з цих послуг?
service-in-person-only = Ця послуга доступна лише під час особистого візиту.

checklist-title = Для послуги «{ $service }» вам знадобиться:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (якщо це стосується вас)
checklist-fee-none = Ця послуга безкоштовна.
checklist-fee = Вартість: { $fee }. Оплатити можна зручно з дому після розмови.
checklist-duration = Тривалість відеорозмови: приблизно { $duration }.
checklist-tick-hint = Позначте те, що у вас уже є, — тоді працівник побачить, чого ще бракує.
checklist-all-done = У вас усе готово.
option-tick = Є: { $document }
option-untick = Ще немає: { $document }
option-continue-to-dates = Перейти до вибору дати
option-book-this = Записатися на цю послугу

pick-day-prompt = Який день вам зручний?
option-later-days = Пізніші дні
option-earlier-days = Раніші дні
no-free-days = На жаль, у { $days ->
        [one] найближчий { $days } день
        [few] найближчі { $days } дні
        [many] найближчі { $days } днів
       *[other] найближчі { $days } дня
    } немає вільного часу для запису. Будь ласка, спробуйте пізніше.
no-more-days = На пізніші дати записатися поки що неможливо.
pick-time-prompt = Який час вам зручний ({ $date })?
option-more-times = Пізніший час
day-full = На жаль, на цей день вільного часу вже немає. Будь ласка, оберіть інший день.

slot-held =
    Цей час зарезервовано для вас:
    { $service }
    { $date }, { $time }
    Будь ласка, підтвердьте запис. Час на підтвердження: { $duration }.
option-confirm = Підтвердити запис
hold-warning = Цей час зарезервовано для вас лише до { $time }. Вам потрібно більше часу?
hold-extended = Гаразд, тепер цей час зарезервовано для вас до { $time }.
option-hold-more = Більше часу
option-other-time = Обрати інший час
option-abort = Скасувати
slot-taken = На жаль, цей час щойно зайняли. Будь ласка, оберіть інший час.
booking-aborted = Гаразд, запис не оформлено.

booking-confirmed =
    Вас записано.
    Номер запису: { $reference }
    { $service }
    { $date }, { $time }
    Прийом відбудеться через відеозв’язок. Будь ласка, підготуйте документи.
