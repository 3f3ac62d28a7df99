# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = تسجيل الحضور الآن: { $service }، { $time }
menu-walk-in = التحدث مع الموظف المختص الآن
option-check-in = تسجيل الحضور الآن
check-in-not-yet = يمكنكم تسجيل الحضور ابتداءً من { $time }.
check-in-too-late = للأسف، فات وقت هذا الموعد. يُرجى حجز موعد جديد.
walk-in-closed = مكتب خدمات المواطنين الافتراضي مغلق حاليًا. يمكنكم حجز موعد إن أردتم.

waiting-status = أنتم الآن في غرفة الانتظار الافتراضية. ترتيبكم في الدور: { $position }.
waiting-eta = مدة الانتظار المتوقعة: نحو { $wait }.
waiting-eta-now = سيحين دوركم بعد قليل.
waiting-eta-unknown = لا يوجد أي موظف مناوب حاليًا. سنبلغكم فور استئناف الخدمة.
waiting-hint = عندما يحين دوركم، سيصلكم هنا رابط مكالمة الفيديو.
option-refresh = تحديث
option-leave-queue = مغادرة غرفة الانتظار
queue-left = لقد غادرتم غرفة الانتظار.

called = حان دوركم! الموظف المختص بانتظاركم الآن في مكالمة الفيديو.
called-link = افتحوا هذا الرابط في متصفح هاتفكم الذكي: { $url }
called-no-link = سيتواصل معكم الموظف المختص بعد قليل.
in-call = أنتم الآن في محادثة مع الموظف المختص.
visit-done = شكرًا لزيارتكم مكتب خدمات المواطنين الافتراضي!
visit-no-show = للأسف، لم يتمكن الموظف المختص من الوصول إليكم. يُرجى حجز موعد جديد.
back-in-queue = لقد عدتم إلى غرفة الانتظار، في مكانكم السابق نفسه.

reminder-day = تذكير: موعدكم عبر الفيديو لخدمة «{ $service }» غدًا، { $date }، { $time } (رقم الحجز: { $reference }).
reminder-soon = يبدأ موعدكم عبر الفيديو لخدمة «{ $service }» { $time }. يُرجى تجهيز مستنداتكم.
check-in-open = يمكنكم الآن تسجيل الحضور لموعدكم لخدمة «{ $service }»، { $time }.
appointment-missed = للأسف، فاتكم موعدكم لخدمة «{ $service }»، { $time }. يُرجى حجز موعد جديد.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = يُرجى تشغيل الكاميرا، وذلك بالضغط على رمز الكاميرا في مكالمة الفيديو.
say-microphone = للأسف، لا نسمعكم. يُرجى تشغيل الميكروفون بالضغط على رمز الميكروفون.
say-documents = يُرجى تجهيز بطاقة هويتكم ومستنداتكم الآن.
say-moment = لحظة من فضلكم، سأكون معكم حالًا.
say-link = يُرجى فتح رابط مكالمة الفيديو هذا في متصفح هاتفكم الذكي:
