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
