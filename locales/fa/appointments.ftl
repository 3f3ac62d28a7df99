# My appointments: list, cancel, reschedule.

appointments-none = در حال حاضر نوبت پیش‌رویی ندارید.
appointments-count =
    { $count ->
        [one] یک نوبت پیش‌رو دارید.
       *[other] { $count } نوبت پیش‌رو دارید.
    }
appointment-line = { $reference } · { $service } · { $date }، { $time }
appointment-detail =
    کد رزرو: { $reference }
    { $service }
    { $date }، { $time }
appointments-pick = نوبتی را که می‌خواهید زمانش را تغییر دهید یا لغوش کنید، انتخاب کنید.
option-cancel-appointment = لغو نوبت
option-reschedule = تغییر زمان نوبت
cancel-confirm-prompt = آیا واقعاً می‌خواهید نوبت { $reference } در روز { $date } را لغو کنید؟
option-yes-cancel = بله، لغو شود
option-no-keep = نه، بماند
appointment-cancelled = نوبت { $reference } لغو شد.
appointment-kept = بسیار خب، نوبت شما به قوت خود باقی است.
appointment-gone = این نوبت دیگر وجود ندارد.
reschedule-intro = یک نوبت جدید برای «{ $service }» انتخاب کنید. نوبت فعلی شما تا وقتی نوبت جدید را تأیید کنید، باقی می‌ماند.
appointment-rescheduled =
    زمان نوبت شما تغییر کرد. کد رزرو همان { $reference } است.
    { $service }
    { $date }، { $time }

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = نوبت شما به‌صورت فایل تقویم: { $service }، { $date }، { $time } (کد رزرو { $reference }). برای افزودن نوبت به تقویم خود، فایل را باز کنید.
calendar-file-cancel = نوبت { $reference } لغو شد. این فایل تقویم را باز کنید تا نوبت از تقویم شما هم حذف شود.
calendar-summary = نوبت تماس تصویری با دفتر خدمات شهروندی: { $service }
calendar-description =
    { $service }
    کد رزرو: { $reference }
    نحوهٔ شرکت: { $minutes } دقیقه پیش از شروع نوبت، در چت برایتان پیام می‌فرستیم و همان‌جا می‌توانید با گزینهٔ «{ option-check-in }» حضورتان را اعلام کنید. پس از آن در اتاق انتظار مجازی منتظر می‌مانید. وقتی نوبتتان برسد، لینک تماس تصویری را در چت دریافت می‌کنید. آن را در مرورگر گوشی یا رایانهٔ خود باز کنید.
    لطفاً مدارک خود را آماده داشته باشید.
calendar-description-cancelled =
    این نوبت لغو شد.
    کد رزرو: { $reference }
