# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = برای کدام خدمت نوبت می‌خواهید؟ از فهرست انتخاب کنید یا یک کلیدواژه بنویسید.
pick-service-checklist-prompt = برای کدام خدمت می‌خواهید بدانید چه مدارکی باید همراه داشته باشید؟
service-not-found = برای این مورد خدمتی پیدا نکردم.
service-ambiguous = منظورتان یکی از این خدمات است؟
service-in-person-only = این خدمت فقط به صورت حضوری ارائه می‌شود.

checklist-title = برای «{ $service }» به این مدارک نیاز دارید:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (در صورت لزوم)
checklist-fee-none = این خدمت رایگان است.
checklist-fee = هزینه: { $fee }. پس از گفتگو می‌توانید به‌راحتی از خانه پرداخت کنید.
checklist-duration = مدت تماس تصویری: حدود { $duration }.
checklist-tick-hint = مدارکی را که آماده دارید علامت بزنید – به این ترتیب کارشناس می‌بیند چه چیزی هنوز کم است.
checklist-all-done = همه مدارک را آماده دارید.
option-tick = دارم: { $document }
option-untick = هنوز ندارم: { $document }
option-continue-to-dates = ادامه و انتخاب تاریخ
option-book-this = گرفتن نوبت برای این خدمت

pick-day-prompt = چه روزی برایتان مناسب است؟
option-later-days = روزهای بعد
option-earlier-days = روزهای قبل
no-free-days = متأسفانه در { $days } روز آینده هیچ نوبت خالی وجود ندارد. لطفاً بعداً دوباره امتحان کنید.
no-more-days = فعلاً امکان رزرو برای تاریخ‌های دورتر وجود ندارد.
pick-time-prompt = روز { $date } چه ساعتی برایتان مناسب است؟
option-more-times = ساعت‌های دیرتر
day-full = متأسفانه در این روز دیگر نوبت خالی وجود ندارد. لطفاً روز دیگری انتخاب کنید.

slot-held =
    این نوبت را به مدت { $duration } برایتان نگه می‌دارم:
    { $service }
    { $date }، { $time }
    لطفاً آن را تأیید کنید.
option-confirm = تأیید نوبت
hold-warning = این نوبت را فقط تا { $time } برایتان نگه می‌دارم. به زمان بیشتری نیاز دارید؟
hold-extended = بسیار خب، نوبت را تا { $time } برایتان نگه می‌دارم.
option-hold-more = زمان بیشتر
option-other-time = انتخاب ساعت دیگر
option-abort = انصراف
slot-taken = متأسفانه این نوبت همین الان رزرو شد. لطفاً ساعت دیگری انتخاب کنید.
booking-aborted = بسیار خب، چیزی رزرو نکردم.

booking-confirmed =
    نوبت شما رزرو شد.
    کد رزرو: { $reference }
    { $service }
    { $date }، { $time }
    گفتگو به صورت تماس تصویری انجام می‌شود. لطفاً مدارک خود را آماده داشته باشید.
