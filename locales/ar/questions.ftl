# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = مرحبا, اهلا, اهلا وسهلا, السلام عليكم, سلام, صباح الخير, مساء الخير, هلا
question-thanks-keywords = شكرا, شكرا جزيلا, شكرا لكم, مشكور, مشكورين, يعطيكم العافية, جزاكم الله خيرا, ممنون
question-hours-keywords = ساعات العمل, اوقات العمل, مواعيد العمل, اوقات الدوام, الدوام, متى تفتحون, متى يفتح, هل انتم مفتوحون, المكتب مفتوح
question-address-keywords = عنوانكم, ما العنوان, اين المكتب, اين تقع, وين المكتب, اين انتم, وينكم, موقعكم, كيف اصل, اين يقع
question-cost-keywords = الرسوم, كم الرسوم, التكلفة, كم يكلف, كم تكلف, السعر, كم السعر, مجاني
question-duration-keywords = كم المدة, المدة, كم من الوقت, كم يستغرق, كم تستغرق, كم دقيقة, مدة الموعد
question-documents-keywords = المستندات المطلوبة, الاوراق المطلوبة, الوثائق المطلوبة, ما المطلوب, ماذا احتاج, ماذا احضر, ما الاوراق, شو بدي جيب, ايش احتاج
question-payment-keywords = الدفع, كيف ادفع, طريقة الدفع, الدفع بالبطاقة, بطاقة بنكية, بطاقة ائتمان, تحويل بنكي, نقدا, كاش
question-call-keywords = مكالمة الفيديو, مكالمة فيديو, اتصال فيديو, كيف تتم المكالمة, الكاميرا, الميكروفون, المايك, كيف استعد, احتاج تطبيق
question-proxy-keywords = توكيل, وكالة, تفويض, شخص اخر, شخص غيري, احد غيري, بدلا عني, نيابة عني, يروح عني

question-greeting = مرحبًا بكم! يسعدنا تواصلكم معنا. أنا الشباك الافتراضي لمكتب خدمات المواطنين.
question-thanks = على الرحب والسعة!

question-hours-title = ساعات عمل الشباك الافتراضي خلال الأيام السبعة القادمة:
# $day is the date as in the booking ("الثلاثاء، 2 فبراير"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = من { $from } إلى { $to }
question-hours-day-none = { $day }: مغلق
question-hours-day-closed = { $day }: مغلق (عطلة رسمية أو يوم إغلاق)
question-hours-open-now = مفتوح الآن، اليوم حتى الساعة { $until }.
question-hours-closed-now = مغلق الآن. نعود إليكم يوم { $day }، الساعة { $time }.
question-hours-closed-now-unknown = مغلق الآن. لم تُحدَّد ساعات العمل القادمة بعد.

question-address = تجدون مقر مكتب خدمات المواطنين للحضور الشخصي على هذا العنوان: { $address }

# $fee is "مجانًا" or an amount; $duration as in the checklist ("20 دقيقة").
question-cost-duration = { $service }: { $fee }، ومدة مكالمة الفيديو { $duration } تقريبًا.
question-cost-duration-in-person = { $service }: { $fee }، ومدة الموعد بالحضور الشخصي { $duration } تقريبًا.
question-cost-all = رسوم خدماتنا ومدتها:
question-cost-all-line = • { $service }: { $fee }، { $duration } تقريبًا

question-documents = لخدمة «{ $service }» تحتاجون إلى: { $documents }. يمكنكم إرسال المستندات هنا في المحادثة قبل المكالمة.
question-documents-none = لا تحتاجون إلى أي مستندات لخدمة «{ $service }».
question-which-service = لأي خدمة؟ اكتبوا مثلًا «ماذا أحتاج لتسجيل السكن؟» أو «توكيل شهادة حسن السيرة والسلوك».

question-payment-online = تدفعون الرسوم من المنزل: بعد المكالمة يصلكم هنا رابط إلى صفحة الدفع الخاصة بالمدينة. وتجدون الرسوم المستحقة في أي وقت ضمن «مواعيدي».
question-payment-after-call = تدفعون الرسوم بعد المكالمة. وسيخبركم الموظف المختص خلال المكالمة بطريقة الدفع.

question-call = هكذا تتم مكالمة الفيديو: في وقت موعدكم تسجّلون الحضور هنا، ثم تنتظرون في غرفة الانتظار الافتراضية. وعندما يحين دوركم يصلكم رابط يفتح المكالمة في المتصفح دون الحاجة إلى تطبيق. اسمحوا للمتصفح باستخدام الكاميرا والميكروفون، وجهّزوا بطاقة هويتكم ومستنداتكم.

question-proxy-form = يمكن لشخص آخر أن يُنجز «{ $service }» نيابةً عنكم. ويحتاج هذا الشخص إلى: { $form }.
question-proxy-in-person = عليكم إنجاز «{ $service }» بأنفسكم، ولا يمكن لأي شخص آخر القيام بذلك نيابةً عنكم.
question-proxy-ask = سيوضّح لكم الموظف المختص ما إذا كان بإمكان شخص آخر إنجاز «{ $service }» نيابةً عنكم. اسألوا عن ذلك خلال المكالمة.

question-unanswered = للأسف لا أستطيع المساعدة في هذا. يمكنكم أن تسألوني مثلًا عن ساعات العمل أو رسوم خدمة ما أو كيف تتم مكالمة الفيديو.
question-unanswered-clerk = مكتب خدمات المواطنين مفتوح الآن: يمكنكم من القائمة التحدث مع الموظف المختص فورًا («القائمة»).

# The questions as buttons on the help screen.
question-button-hours = ساعات العمل
question-button-address = أين يقع المكتب؟
question-button-cost = الرسوم والمدة
question-button-call = كيف تتم مكالمة الفيديو؟
question-button-payment = كيف أدفع؟
question-button-proxy = هل يمكن أن يحضر شخص آخر عني؟
