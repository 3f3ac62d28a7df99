# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = مكتب { $clerk }. اكتبوا «help» لعرض الأوامر.
desk-not-clerk = { $clerk } غير مسجَّل كموظف مختص (SCHALTER_MATRIX_CLERKS). لا يستطيع إدارة غرفة الانتظار إلا الأشخاص المسجَّلون.
desk-help =
    الأوامر:
    next – استدعاء الشخص التالي
    take REF – استدعاء شخص محدد
    done [ملاحظة] – إنهاء المحادثة
    noshow – الشخص لم يحضر
    back – إعادة الشخص إلى غرفة الانتظار
    queue – عرض غرفة الانتظار
    today – مواعيد اليوم
    say KEY – إرسال رسالة جاهزة إلى الشخص (camera, microphone, documents, moment, link)
    fee [المبلغ] [السبب] – تحديد رسوم المحادثة أو إضافة بند
    paid REF – عرض حالة الدفع
    refund REF [المبلغ] – ردّ مبلغ مدفوع
    away / available – غير متاح / متاح
    help – هذه المساعدة
desk-unknown = لا أعرف هذا الأمر.
desk-picked =
    تم الاستدعاء: { $reference } · { $service } · { $lang } · ينتظر منذ { $waited } دقيقة
    ما زال ناقصًا: { $open }
desk-video = رابط الفيديو: { $url }
desk-video-invited = غرفة الفيديو جاهزة: ستجد الدعوة في Element. لم يُنشر الرابط هنا لأن أشخاصًا غير الموظفين يستطيعون قراءة هذه الغرفة.
desk-nobody = لا أحد ينتظر.
desk-not-waiting = { $reference } ليس في الانتظار حاليًا.
desk-busy = ما زلتم في محادثة مع { $reference }. يُرجى إنهاؤها أولًا باستخدام done أو noshow أو back.
desk-done = اكتملت معاملة { $reference }.
desk-noshow = سُجِّل { $reference } على أنه لم يحضر.
desk-back = عاد { $reference } إلى غرفة الانتظار.
desk-no-call = لستم في أي محادثة حاليًا.
desk-queue-empty = غرفة الانتظار فارغة.
desk-queue-title = غرفة الانتظار — في الانتظار: { $count }، موظفون مناوبون: { $clerks }
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · ينتظر منذ { $waited } دقيقة · ما زال ناقصًا: { $open }
desk-in-call-line = في محادثة: { $reference } مع { $clerk }
desk-away = أنتم الآن غير متاحين، ولا تُحتسبون في تقدير مدة الانتظار.
desk-available = أنتم الآن متاحون.
desk-walk-in = بدون موعد
desk-checklist-complete = لا شيء
desk-agenda-title = صباح الخير! عدد مواعيد اليوم: { $count }
desk-today-title = عدد مواعيد اليوم: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · مكتب { $desk }
desk-say-sent = تم الإرسال إلى { $reference }: { $key }
desk-say-keys = لا توجد رسالة بهذا الاسم. الرسائل الجاهزة: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
