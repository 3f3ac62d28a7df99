# My appointments: list, cancel, reschedule.

appointments-none = ليس لديكم أي مواعيد قادمة حاليًا.
appointments-count =
    { $count ->
        [zero] ليس لديكم أي مواعيد قادمة.
        [one] لديكم موعد واحد قادم.
        [two] لديكم موعدان قادمان.
        [few] لديكم { $count } مواعيد قادمة.
        [many] لديكم { $count } موعدًا قادمًا.
       *[other] لديكم { $count } موعد قادم.
    }
appointment-line = { $reference } · { $service } · { $date }، { $time }
appointment-detail =
    رقم الحجز: { $reference }
    { $service }
    { $date }، { $time }
appointments-pick = اختاروا موعدًا لتغيير وقته أو لإلغائه.
option-cancel-appointment = إلغاء الموعد
option-reschedule = تغيير وقت الموعد
cancel-confirm-prompt = هل تريدون فعلًا إلغاء الموعد { $reference } يوم { $date }؟
option-yes-cancel = نعم، إلغاء الموعد
option-no-keep = لا، الإبقاء على الموعد
appointment-cancelled = تم إلغاء الموعد { $reference }.
appointment-kept = حسنًا، يبقى موعدكم كما هو.
appointment-gone = هذا الموعد لم يعد موجودًا.
reschedule-intro = اختاروا موعدًا جديدًا لخدمة «{ $service }». يبقى موعدكم الحالي قائمًا إلى أن تؤكدوا الموعد الجديد.
appointment-rescheduled =
    تم تغيير وقت موعدكم. يبقى رقم الحجز كما هو: { $reference }
    { $service }
    { $date }، { $time }
