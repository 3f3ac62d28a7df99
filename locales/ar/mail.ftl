# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = يُرجى تأكيد عنوان بريدكم الإلكتروني
mail-confirm-body =
    أدخلتم هذا العنوان في الدردشة مع مكتب خدمات المواطنين لتصلكم تذكيرات بموعدكم: { $service } يوم { $date }، { $time }.

    يُرجى تأكيده عبر الرابط أدناه. لن نرسل إليكم رسائل بالبريد الإلكتروني إلا بعد ذلك.

    إن لم تكونوا أنتم من أدخل هذا العنوان، فلا داعي لأي إجراء. من دون تأكيد لن يصلكم منا أي شيء بعد ذلك، وسيُحذف العنوان بعد يوم واحد.
mail-confirm-action = تأكيد العنوان

mail-booked-subject = موعدكم: { $service } يوم { $date }
mail-booked-body =
    تم حجز موعدكم: { $service } يوم { $date }، { $time }. رقم الحجز: { $reference }.

    تجدون الموعد مرفقًا كملف تقويم يمكنكم إضافته إلى تقويمكم. ويمكنكم تسجيل الحضور في الدردشة ابتداءً من { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } قبل الموعد.
mail-booked-action = الانتقال إلى الدردشة

mail-remind-subject = تذكير: { $service } يوم { $date }، { $time }
mail-remind-body =
    نذكّركم بموعدكم: { $service } يوم { $date }، { $time }.

    يمكنكم تسجيل الحضور في الدردشة ابتداءً من { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } قبل الموعد.
mail-remind-action = الانتقال إلى الدردشة

mail-checkin-subject = يمكنكم الآن تسجيل الحضور
mail-checkin-body =
    يبدأ موعدكم قريبًا: { $service }، { $time }.

    افتحوا الدردشة وسجّلوا حضوركم. بعد ذلك تدخلون غرفة الانتظار الافتراضية.
mail-checkin-action = الانتقال إلى الدردشة وتسجيل الحضور

mail-called-subject = الموظف المختص يتصل بكم الآن
mail-called-body =
    حان دوركم: { $service }.

    افتحوا الدردشة الآن. ستجدون هناك رابط مكالمة الفيديو.
mail-called-action = العودة إلى الدردشة

mail-footer = تصلكم هذه الرسالة لأنكم أدخلتم هذا العنوان في الدردشة لموعدكم (رقم الحجز { $reference }). سنحذف العنوان بعد الموعد.
mail-stop = إيقاف رسائل البريد الإلكتروني

mydata-mail = عنوان البريد الإلكتروني للتذكيرات: { $address } ({ $state })
mydata-mail-pending = لم يُؤكَّد بعد
mydata-mail-confirmed = مؤكَّد
mydata-mail-bounced = يتعذّر التسليم إليه

web-mail-title = التذكير عبر البريد الإلكتروني
web-mail-hint = اختياري. لموعدكم القادم فقط: التأكيد، والتذكيرات، ورسالة عندما يحين دوركم. يُحذف العنوان بعد الموعد.
web-mail-label = عنوان بريدكم الإلكتروني
web-mail-send = إرسال رابط التأكيد
web-mail-sent = أرسلنا رابطًا إلى { $address }. يُرجى فتحه لتأكيد العنوان.
web-mail-confirmed-already = هذا العنوان مؤكَّد بالفعل لموعدكم.
web-mail-bounced = تعذّر علينا التسليم إلى هذا العنوان. يُرجى إدخال عنوان آخر.
web-mail-no-booking = احجزوا موعدًا أولًا. بعد ذلك يمكنكم تلقي التذكيرات عبر البريد الإلكتروني.
web-mail-invalid = هذا ليس عنوان بريد إلكتروني يمكننا الوصول إليه. مثال: name@example.org
web-mail-link-invalid = هذا الرابط لم يعد صالحًا، فقد انتهت صلاحيته أو سبق استخدامه. يمكنكم إدخال عنوانكم مرة أخرى في الدردشة.
web-mail-confirm-title = تأكيد عنوان البريد الإلكتروني
web-mail-confirm-text = بعد التأكيد تصلكم رسائل بالبريد الإلكتروني بشأن موعدكم: التأكيد مع ملف التقويم، والتذكيرات، ورسالة عندما يحين دوركم.
web-mail-confirm-button = تأكيد العنوان
web-mail-confirm-done = شكرًا! تم تأكيد عنوانكم. سيصلكم تأكيد الموعد مع ملف التقويم عبر البريد الإلكتروني بعد قليل.
web-mail-stop-title = إيقاف رسائل البريد الإلكتروني
web-mail-stop-text = لن تصلكم بعد ذلك أي رسائل بالبريد الإلكتروني بشأن هذا الموعد، وسنحذف عنوانكم. يبقى موعدكم قائمًا.
web-mail-stop-button = إيقاف الرسائل
web-mail-stop-done = تم. حُذف عنوانكم ولن تصلكم أي رسائل بالبريد الإلكتروني بعد الآن. يبقى موعدكم قائمًا.
web-back-title = العودة إلى الدردشة
web-back-text = بهذا تفتحون محادثتكم مع مكتب خدمات المواطنين في هذا المتصفح.
web-back-button = فتح الدردشة
