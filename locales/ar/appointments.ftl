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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = موعدكم كملف تقويم: { $service }، { $date }، { $time } (رقم الحجز { $reference }). افتحوا الملف لإضافة الموعد إلى تقويمكم.
calendar-file-cancel = تم إلغاء الموعد { $reference }. افتحوا ملف التقويم هذا ليُحذف الموعد من تقويمكم أيضًا.
calendar-summary = موعد عبر الفيديو لدى مكتب خدمات المواطنين: { $service }
calendar-description =
    { $service }
    رقم الحجز: { $reference }
    طريقة المشاركة: قبل { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } من بدء الموعد نرسل إليكم رسالة في المحادثة، ويمكنكم تسجيل الحضور هناك («{ option-check-in }»). بعد ذلك تنتظرون في غرفة الانتظار الافتراضية. وعندما يحين دوركم، يصلكم رابط مكالمة الفيديو في المحادثة. افتحوه في متصفح هاتفكم الذكي أو حاسوبكم.
    يُرجى تجهيز مستنداتكم.
calendar-description-cancelled =
    تم إلغاء هذا الموعد.
    رقم الحجز: { $reference }
