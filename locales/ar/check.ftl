# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = اختبروا الكاميرا والميكروفون والصوت قبل المكالمة (يستغرق ذلك دقيقتين): { $link }
device-check-try = يمكنكم أن تختبروا هنا مسبقًا ما إذا كانت الكاميرا والميكروفون يعملان: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = لم يعمل شيء ما في الفحص التقني: { $parts }. يُرجى الاختبار مرة أخرى أثناء انتظاركم: { $link }
device-part-camera = الكاميرا
device-part-microphone = الميكروفون
device-part-speaker = مكبّر الصوت
device-part-connection = الاتصال

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone أو iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = متصفح داخل تطبيق
device-platform-desktop = حاسوب
device-platform-other = جهاز آخر

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = لم يُجرَ الفحص التقني
desk-device-camera-ok = ✓ الكاميرا
desk-device-camera-failed = ⚠ لا كاميرا
desk-device-microphone-ok = ✓ الميكروفون
desk-device-microphone-failed = ⚠ لا ميكروفون
desk-device-speaker-ok = ✓ الصوت
desk-device-speaker-failed = ⚠ لا صوت
desk-device-connection-ok = ✓ الاتصال
desk-device-connection-failed = ⚠ لا اتصال

## The page.
check-title = الفحص التقني لمكالمة الفيديو
check-intro = خلال دقيقتين نفحص الكاميرا والميكروفون والصوت، لكي تنجح مكالمتكم مع الموظف المختص.
# $service, $date, $time: the booked appointment.
check-appointment = موعدكم: { $service }، { $date }، { $time }
check-privacy = تبقى الصورة والصوت على جهازكم. لا يُسجَّل أي شيء ولا يُرسَل.
check-privacy-saved = لا نحفظ إلا ما إذا كان كل جزء قد عمل، ونوع الجهاز الذي تستخدمونه. ويرى الموظف المختص ذلك مع موعدكم.
check-expired = هذا الرابط لم يعد صالحًا: فقد انتهى الموعد أو أُلغي. ومع ذلك يمكنكم اختبار جهازكم هنا.
check-permission-note = سيسألكم المتصفح بعد قليل ما إذا كان يُسمح لهذه الصفحة باستخدام الكاميرا والميكروفون. اضغطوا على «السماح».
check-start = بدء الفحص
check-again = المحاولة مرة أخرى
check-noscript = يحتاج الفحص إلى JavaScript في متصفحكم. فعّلوه، أو افتحوا الصفحة في متصفح آخر.

check-camera = الكاميرا
check-microphone = الميكروفون
check-speaker = مكبّر الصوت
check-connection = الاتصال بخدمة الفيديو
check-camera-preview = صورة الكاميرا
check-state-waiting = لم يُفحص بعد.
check-state-running = جارٍ الفحص …
check-state-ok = يعمل.
check-state-failed = لا يعمل.

check-level-label = مستوى صوت الميكروفون
check-level-none = لا نسمع شيئًا بعد. يُرجى قول بضع كلمات.
check-level-low = نسمعكم بصوت منخفض. تحدثوا بصوت أعلى قليلًا أو اقتربوا من الجهاز.
check-level-good = نسمعكم جيدًا.

check-speaker-play = تشغيل صوت الاختبار
check-speaker-question = هل سمعتم الصوت؟
check-speaker-yes = نعم، سمعته
check-speaker-no = لا
check-speaker-help = ارفعوا مستوى الصوت وألغوا كتم الصوت. إذا كنتم تستخدمون سماعات: هل هي متصلة؟ ثم شغّلوا الصوت مرة أخرى.

check-connection-ok = يمكن الوصول إلى خدمة الفيديو.
check-connection-failed = لا يمكن الوصول إلى خدمة الفيديو من هنا. جرّبوا شبكة أخرى، مثلًا Wi-Fi بدلًا من بيانات الجوال، أو العكس.
check-connection-unsupported = لا يستطيع هذا المتصفح إجراء مكالمات الفيديو. يُرجى فتح الصفحة في متصفح حديث.

## Why something failed, and what to do.
check-fail-denied = لم يُسمح بالوصول. هكذا تسمحون به:
check-fail-missing = لا نجد كاميرا أو ميكروفونًا في جهازكم. استخدموا هاتفًا ذكيًا، أو وصّلوا كاميرا أو سماعة رأس بميكروفون.
check-fail-busy = يستخدم تطبيق آخر الكاميرا أو الميكروفون الآن، مثل مكالمة فيديو أخرى. أغلقوا هذا التطبيق وحاولوا مرة أخرى.
check-fail-unsupported = لا يستطيع هذا المتصفح إتاحة الكاميرا والميكروفون لصفحات الويب. افتحوا الصفحة في Safari (على iPhone) أو Chrome (على Android).
check-fail-silent = لا نسمع شيئًا. هل الميكروفون مكتوم؟ قولوا بضع كلمات.
check-steps-title = هكذا تفعلون ذلك على جهازكم:
check-steps-more = التعليمات لأجهزة أخرى
check-in-app = فتحتم هذه الصفحة داخل تطبيق، مثل Telegram أو Instagram. وغالبًا لا تعمل الكاميرا هناك.
check-copy-link = رابط للنسخ:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    اضغطوا على «aA» في بداية شريط العنوان.
    اضغطوا على «إعدادات موقع الويب».
    اضبطوا الكاميرا والميكروفون على «السماح».
    أعيدوا تحميل هذه الصفحة.
check-steps-android =
    اضغطوا على الرمز ذي أشرطة الضبط في بداية شريط العنوان.
    اضغطوا على «الأذونات».
    فعّلوا الكاميرا والميكروفون.
    أعيدوا تحميل هذه الصفحة.
check-steps-samsung =
    اضغطوا على القائمة ذات الخطوط الثلاثة في أسفل الشاشة.
    اضغطوا على «الإعدادات» ثم على «المواقع والتنزيلات».
    اضغطوا على «أذونات المواقع» واسمحوا لهذه الصفحة باستخدام الكاميرا والميكروفون.
    أعيدوا تحميل هذه الصفحة.
check-steps-firefox =
    اضغطوا أو انقروا على رمز القفل في بداية شريط العنوان.
    اسمحوا هناك باستخدام الكاميرا والميكروفون.
    أعيدوا تحميل هذه الصفحة.
check-steps-in-app =
    اضغطوا على القائمة في أعلى الشاشة (⋮ أو …).
    اختاروا «فتح في المتصفح».
    ابدؤوا الفحص هناك مرة أخرى.
check-steps-desktop =
    انقروا على الرمز في بداية شريط العنوان (القفل أو الكاميرا).
    اسمحوا لهذه الصفحة باستخدام الكاميرا والميكروفون.
    أعيدوا تحميل هذه الصفحة.
check-steps-other =
    افتحوا إعدادات متصفحكم.
    اسمحوا لهذه الصفحة باستخدام الكاميرا والميكروفون.
    أعيدوا تحميل هذه الصفحة.

check-done-ready = كل شيء جاهز لمكالمة الفيديو. يمكنكم الآن إغلاق هذه الصفحة.
check-done-problems = لا يعمل كل شيء بعد. يُرجى قراءة الإرشادات أعلاه.
check-saved = تم حفظ النتيجة.
check-error-save = تعذّر حفظ النتيجة. يُرجى المحاولة مرة أخرى.
check-error-input = لا أستطيع قراءة هذه البيانات. يُرجى إعادة تحميل الصفحة.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = الفحص التقني للموعد { $reference }: { $result }
