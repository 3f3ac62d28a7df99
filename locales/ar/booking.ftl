# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = لأي خدمة تريدون حجز موعد؟ اختاروا من القائمة أو اكتبوا كلمة مفتاحية.
pick-service-checklist-prompt = لأي خدمة تريدون معرفة المستندات المطلوبة؟
service-not-found = لم أجد خدمة تناسب طلبكم.
service-ambiguous = هل تقصدون إحدى هذه الخدمات؟
service-in-person-only = هذه الخدمة متاحة بالحضور الشخصي فقط.

checklist-title = المستندات المطلوبة لخدمة «{ $service }»:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (إن كان ذلك ينطبق عليكم)
checklist-fee-none = هذه الخدمة مجانية.
checklist-fee = الرسوم: { $fee }. يمكنكم الدفع بسهولة من المنزل بعد المحادثة.
checklist-duration = المدة التقريبية لمكالمة الفيديو: { $duration }.
checklist-tick-hint = ضعوا علامة على ما هو جاهز لديكم، وبذلك يرى الموظف المختص ما الذي لا يزال ناقصًا.
checklist-all-done = كل شيء جاهز لديكم.
option-tick = متوفر لديّ: { $document }
option-untick = لا يزال ناقصًا: { $document }
option-continue-to-dates = متابعة إلى اختيار الموعد
option-book-this = حجز موعد لهذه الخدمة

pick-day-prompt = أي يوم يناسبكم؟
option-later-days = أيام لاحقة
option-earlier-days = أيام سابقة
no-free-days = للأسف لا توجد مواعيد متاحة خلال { $days ->
        [zero] الأيام القادمة
        [one] اليوم القادم
        [two] اليومين القادمين
        [few] الأيام الـ{ $days } القادمة
        [many] الأيام الـ{ $days } القادمة
       *[other] الأيام الـ{ $days } القادمة
    }. يُرجى المحاولة مرة أخرى لاحقًا.
no-more-days = لا يمكن الحجز لمواعيد أبعد من ذلك حاليًا.
pick-time-prompt = ما الوقت الذي يناسبكم يوم { $date }؟
option-more-times = أوقات لاحقة
day-full = للأسف لم يعد هناك أي موعد متاح في هذا اليوم. يُرجى اختيار يوم آخر.

slot-held =
    هذا الموعد محجوز لكم مؤقتًا:
    { $service }
    { $date }، { $time }
    يُرجى تأكيده. مهلة التأكيد: { $duration }.
option-confirm = تأكيد الموعد
hold-warning = سيبقى هذا الموعد محجوزًا لكم حتى { $time } فقط. هل تحتاجون إلى مزيد من الوقت؟
hold-extended = حسنًا، سيبقى الموعد محجوزًا لكم حتى { $time }.
option-hold-more = مزيد من الوقت
option-other-time = اختيار وقت آخر
option-abort = إلغاء
slot-taken = للأسف، حُجز هذا الموعد للتو. يُرجى اختيار وقت آخر.
booking-aborted = حسنًا، لم أحجز أي موعد.

booking-confirmed =
    تم حجز موعدكم.
    رقم الحجز: { $reference }
    { $service }
    { $date }، { $time }
    تتم المحادثة عبر الفيديو. يُرجى تجهيز مستنداتكم.
