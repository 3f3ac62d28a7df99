# The admin page (/admin/).

admin-title = Schalter – الإدارة
admin-sign-in = تسجيل الدخول
admin-token-hint = أدخلوا رمز API (أو رمز SCHALTER_ADMIN_TOKEN القديم). يُحفَظ في علامة التبويب هذه من المتصفح فقط.
admin-sign-in-button = دخول
admin-translations = الترجمات
admin-locale = اللغة
admin-messages = النصوص
admin-complete = نسبة الاكتمال
admin-missing = ما زال ناقصًا
admin-edit = تعديل نص
admin-message = النص
admin-reference = النص الألماني المرجعي:
admin-sample-vars = قيم تجريبية للمعاينة (JSON):
admin-save = حفظ
admin-preview = معاينة:
admin-history = سجل التغييرات
admin-restore = استعادة
admin-from-file = (من الملف)
admin-saved = تم الحفظ – قيد الاستخدام الآن.
admin-catalogue = دليل الخدمات
admin-save-catalogue = حفظ الدليل
admin-waiting-room = غرفة الانتظار
admin-queue-summary = في الانتظار: { $waiting } · في محادثة: { $calls } · موظفون مناوبون: { $clerks }
admin-col-reference = رقم الحجز
admin-col-service = الخدمة
admin-col-lang = اللغة
admin-col-waited = مدة الانتظار
admin-col-expected = المدة المتوقعة
admin-walk-in = بدون موعد
admin-chart-title = مدة الانتظار اليوم (بالدقائق)
admin-payments = الرسوم
admin-col-day = اليوم
admin-col-paid = المدفوع (بعد خصم المبالغ المستردة)

# Search, one message in every language, translations to review.
admin-search-title = البحث في النصوص
admin-search-hint = معرّف النص أو كلمات منه، بأي لغة
admin-search-button = بحث
admin-show-to-review = عرض كل الترجمات التي تحتاج إلى مراجعة
admin-search-none = لا توجد نتائج.
admin-search-more = أول { $shown } من أصل { $total } نتيجة – يُرجى تضييق نطاق البحث.
admin-col-id = المعرّف
admin-col-file = الملف
admin-col-texts = النصوص
admin-col-state = الحالة
admin-side-by-side = كل اللغات جنبًا إلى جنب
admin-state-reference = النص المرجعي
admin-state-reviewed = تمت المراجعة
admin-state-to-review = بحاجة إلى مراجعة
admin-state-missing = ناقص
admin-to-review-hint = تغيّر النص الألماني المرجعي بعد كتابة هذه الترجمة. يُرجى التحقق مما إذا كانت لا تزال مناسبة، ثم تأكيدها أو تعديلها.
admin-reviewed-reference = النص الألماني المرجعي عند آخر مراجعة:
admin-confirm = لا تزال مناسبة – تأكيد
admin-confirmed = تم التأكيد – تُعدّ الترجمة الآن مُراجَعة.
admin-open = تعديل
admin-role-translator = الترجمة
admin-role-catalogue-editor = دليل الخدمات
admin-role-queue-supervisor = قائمة الانتظار
admin-role-data-protection = حماية البيانات
admin-role-operator = تشغيل تقنية المعلومات
admin-forbidden-role = لا يسمح دوركم بهذا الإجراء. الدور المطلوب: { $role }.
admin-forbidden-locale = لا يحق لكم تعديل النصوص بلغة { $language }. يسمح دوركم بلغات أخرى.
admin-forbidden-token = لا يمكن لرمز API إنشاء رموز API. يُرجى تسجيل الدخول بحسابكم الشخصي.
admin-forbidden-more-than-own = لا يمكن أن تكون لرمزٍ صلاحيات أكثر من صلاحياتكم أنتم.
admin-forbidden-not-yours = لا يستطيع إلغاء هذا الرمز إلا من أنشأه أو فريق تشغيل تقنية المعلومات.
admin-sign-out = تسجيل الخروج
admin-signed-out = تم تسجيل خروجكم.
admin-signed-in = تم تسجيل الدخول باسم { $name }.
admin-continue = المتابعة إلى صفحة الإدارة
admin-login-again = تسجيل الدخول مجددًا
admin-login-name = الاسم
admin-login-password = كلمة المرور
admin-login-missing = يُرجى إدخال اسمكم وكلمة المرور.
admin-login-wrong = الاسم أو كلمة المرور غير صحيحة.
admin-login-locked = { $minutes ->
    [zero] أُدخلت كلمة مرور خاطئة مرات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة، أو طلب كلمة مرور جديدة من فريق تشغيل تقنية المعلومات.
    [one] أُدخلت كلمة مرور خاطئة مرات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد دقيقة واحدة، أو طلب كلمة مرور جديدة من فريق تشغيل تقنية المعلومات.
    [two] أُدخلت كلمة مرور خاطئة مرات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد دقيقتين، أو طلب كلمة مرور جديدة من فريق تشغيل تقنية المعلومات.
    [few] أُدخلت كلمة مرور خاطئة مرات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقائق، أو طلب كلمة مرور جديدة من فريق تشغيل تقنية المعلومات.
    [many] أُدخلت كلمة مرور خاطئة مرات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة، أو طلب كلمة مرور جديدة من فريق تشغيل تقنية المعلومات.
   *[other] أُدخلت كلمة مرور خاطئة مرات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة، أو طلب كلمة مرور جديدة من فريق تشغيل تقنية المعلومات.
}
admin-login-slow-down = محاولات كثيرة جدًا. يُرجى الانتظار دقيقة ثم المحاولة مرة أخرى.
admin-login-failed = تعذّر تسجيل الدخول بسبب خلل من جهتنا. يُرجى المحاولة مرة أخرى لاحقًا.
admin-login-provider-down = لا يمكن الوصول إلى خدمة تسجيل الدخول حاليًا. يُرجى المحاولة مرة أخرى بعد بضع دقائق.
admin-login-expired = انتهت صلاحية عملية تسجيل الدخول هذه أو سبق استخدامها. يُرجى البدء من جديد.
admin-login-refused = تم رفض تسجيل الدخول. يُرجى المحاولة مرة أخرى. وإذا تكرر ذلك، فأبلغوا قسم تقنية المعلومات لديكم.
admin-login-no-role = لقد سجّلتم الدخول، لكن ليس لديكم أي دور في صفحة الإدارة هذه. يُرجى طلب دور من قسم تقنية المعلومات لديكم.
admin-login-no-provider = لا تستخدم هذه الدائرة خدمة لتسجيل الدخول. يُرجى تسجيل الدخول بحساب الموظف الخاص بكم.
admin-login-use-provider = تسجّل هذه الدائرة دخول موظفيها عبر خدمة تسجيل الدخول الخاصة بها. يُرجى استخدام زر تسجيل الدخول.
admin-login-cross-site = مرفوض: لم يصدر هذا الطلب عن صفحة الإدارة. يُرجى فتح صفحة الإدارة والمحاولة مرة أخرى.
admin-signin-link = تسجيل الدخول بحسابكم
admin-token-alternative = أو استخدموا رمز API:
admin-you = تم تسجيل الدخول باسم { $name } · { $roles }
admin-audit = سجل التدقيق
admin-audit-export-json = تصدير بصيغة JSON
admin-audit-export-csv = تصدير بصيغة CSV
admin-col-when = متى
admin-col-who = مَن
admin-col-action = الإجراء
admin-col-target = الموضوع
admin-erase-title = حذف بيانات شخص
admin-erase-hint = كما في الأمر /forget: تُلغى المواعيد القادمة ويُحذف كل ما هو محفوظ عن المحادثة. يُرجى إدخال المحادثة بصيغة القناة:المعرّف، مثل telegram:12345.
admin-erase-label = المحادثة
admin-erase-button = حذف
admin-erased = تم الحذف. المواعيد الملغاة: { $bookings }.
admin-tokens = رموز API
admin-tokens-hint = للبرامج النصية وأدوات الترجمة. لا يحمل الرمز من الأدوار أكثر مما لديكم، ولا يُعرض إلا مرة واحدة عند إنشائه.
admin-token-name = الاسم
admin-token-days = مدة الصلاحية (بالأيام)
admin-token-create = إنشاء رمز
admin-token-created = رمزكم الجديد. انسخوه الآن: لن يُعرض مرة أخرى.
admin-token-revoke = إلغاء
admin-token-revoked = ملغى
admin-col-roles = الأدوار
admin-col-made-by = أنشأه
admin-col-expires = صالح حتى
admin-col-last-used = آخر استخدام
admin-never = لم يُستخدم بعد

# Documents citizens sent: counts and sizes per day, never the files.
admin-documents = المستندات
admin-documents-hint = عدد الملفات التي أرسلها المواطنون في كل يوم وحجمها. لا يمكن الاطلاع على الملفات نفسها هنا.
admin-documents-caption = الملفات الواردة في كل يوم (آخر 14 يومًا)
admin-col-files-kept = الملفات المحفوظة
admin-col-size-kept = حجم المحفوظ
admin-col-refused = المرفوضة
admin-documents-none = لم تصل أي مستندات في آخر 14 يومًا.
admin-documents-bad-days = يجب أن يكون عدد الأيام (days) عددًا صحيحًا من 1 إلى 90.
