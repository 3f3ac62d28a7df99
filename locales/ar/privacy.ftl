privacy-line = حماية البيانات: { $url } – للمزيد: /privacy
privacy-notice =
    حماية البيانات
    الجهة المسؤولة عن معالجة البيانات: { $controller }
    الغرض: نحفظ ما تكتبونه إلينا وبيانات مواعيدكم ورسومكم، لكي ننجز طلبكم ونذكّركم بمواعيدكم وندعوكم إلى مكالمة الفيديو.
    مدة الحفظ: نحذف المحادثة التي لم تكتبوا فيها شيئًا مدة { $idle } يومًا. وبعد { $appointment } يومًا من الموعد لا يبقى منه إلا ما لا يدل على هويتكم (الخدمة، اللغة، اليوم، مدة الانتظار).
    حقوقكم: الأمر /mydata يعرض ما نحفظه عنكم، والأمر /forget يحذف كل شيء.
    للاستفسارات المتعلقة بحماية البيانات: { $contact }
    للمزيد: { $url }
# Keep the ASCII comma "," as the separator here, not the Arabic comma.
keywords-privacy = حماية البيانات, حماية البيانات الشخصية, الخصوصية, سياسة الخصوصية, معالجة البيانات
keywords-mydata = بياناتي, بياناتي الشخصية, بياناتي المحفوظة, معلوماتي, ما هي بياناتي, اعرض بياناتي, أظهر بياناتي, أريد رؤية بياناتي, ماذا تعرفون عني, ما البيانات المحفوظة عني
keywords-forget = احذف بياناتي, احذفوا بياناتي, حذف بياناتي, امسح بياناتي, احذف كل بياناتي, احذف جميع بياناتي, حذف جميع بياناتي, أريد حذف بياناتي, احذف كل شيء, انسوني, انسني
mydata-title = هذا ما نحفظه عنكم:
mydata-conversation = محادثتكم معنا: اللغة { $lang }، آخر رسالة يوم { $date }
mydata-booking = الموعد { $reference }: { $service }، { $date }، { $time } – { $status }
mydata-visit = غرفة الانتظار يوم { $date }: { $service } – { $status }
mydata-payment = الرسوم { $reference }: { $amount } – { $state }
mydata-feedback = تقييمكم: { $rating } من 5 { $comment }
mydata-messages = عدد الرسائل الموجّهة إليكم (التي لم تُسلَّم بعد أو من الأيام الأخيرة): { $messages }؛ عدد ما أدخلتموه في الأيام الأخيرة (دون النص): { $inputs }
mydata-nothing = لا شيء.
mydata-retention = ما يُحذف ومتى: المحادثة بعد { $idle ->
        [zero] { $idle } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $idle } أيام
        [many] { $idle } يومًا
       *[other] { $idle } يوم
    } دون رسائل، وكل ما يدل على هويتكم بعد { $appointment ->
        [zero] { $appointment } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $appointment } أيام
        [many] { $appointment } يومًا
       *[other] { $appointment } يوم
    } من الموعد. ويمكنكم حذف كل شيء فورًا بالأمر /forget.
mydata-status-held = محجوز مؤقتًا
mydata-status-confirmed = تم الحجز
mydata-status-cancelled = تم الإلغاء
mydata-status-expired = انتهت مهلة التأكيد
mydata-status-done = اكتمل
mydata-status-no-show = لم تحضروا
mydata-status-waiting = في الانتظار
mydata-status-called = المحادثة جارية
mydata-status-left = غادرتم غرفة الانتظار
forget-confirm = هل تريدون فعلًا أن نحذف كل ما نحفظه عنكم؟ ستُلغى عندئذٍ مواعيدكم القادمة، ولن نتعرّف عليكم بعد ذلك.
option-forget-yes = نعم، حذف كل شيء
option-forget-no = لا، الإبقاء على كل شيء
forget-done = تم ذلك: حذفنا كل ما يخصكم وألغينا مواعيدكم القادمة. وإذا كتبتم إلينا مجددًا، فسنبدأ من جديد.
booking-limit = لديكم بالفعل { $max ->
        [zero] { $max } موعد محجوز
        [one] موعد واحد محجوز
        [two] موعدان محجوزان
        [few] { $max } مواعيد محجوزة
        [many] { $max } موعدًا محجوزًا
       *[other] { $max } موعد محجوز
    }، ولا يمكن حجز المزيد في الوقت نفسه. يمكنكم تغيير وقت أحد مواعيدكم أو إلغاؤه.
input-rate-limited = لقد أرسلتم عددًا كبيرًا جدًا من الرسائل في وقت قصير. يُرجى الانتظار دقيقة ثم المتابعة.
command-privacy = حماية البيانات
command-mydata = بياناتي المحفوظة
command-forget = حذف جميع بياناتي
