# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = هذا الملف فارغ. يُرجى إرسال المستند مرة أخرى.
document-refused-too-large = حجم هذا الملف أكبر من { $mb } MB. يُرجى إرسال صورة أو نسخة ممسوحة ضوئيًا بحجم أصغر، مثلًا ملف PDF بدقة أقل.
document-refused-not-accepted = لا يمكنني قبول سوى ملفات PDF والصور (JPEG أو PNG أو HEIC). يُرجى إرسال المستند بإحدى هذه الصيغ. يمكنكم أيضًا إرسال صورة لكل صفحة.
document-refused-pdf-active = يحتوي ملف PDF هذا على برنامج نصي (سكريبت)، لذلك لا يمكنني قبوله. يُرجى إرسال صور للصفحات بدلًا منه، أو حفظه مرة أخرى كملف PDF جديد.
document-refused-pdf-embedded = ملف PDF هذا مرفقة به ملفات أخرى، لذلك لا يمكنني قبوله. يُرجى إرسال المستند من دون مرفقات، أو إرسال صور للصفحات.
document-refused-pdf-encrypted = ملف PDF هذا محمي بكلمة مرور، لذلك لن يتمكن الموظف المختص من فتحه. يُرجى إرساله بعد إزالة كلمة المرور، أو إرسال صور للصفحات.
document-refused-unreadable = لم أتمكن من قراءة هذا الملف. ربما يكون تالفًا. يُرجى إرساله مرة أخرى، أو إرسال صور للصفحات.
document-refused-no-booking = ليس لديكم بعد موعد يمكن إرسال المستندات له. يُرجى حجز موعد أولًا، ثم إرسال المستندات هنا.
document-refused-full = وصل عدد الملفات المحفوظة لهذا الموعد إلى الحد الأقصى ({ $max })، ولا يمكنني حفظ المزيد. يُرجى حذف أحدها أولًا: /appointments، ثم الموعد، ثم «المستندات».
document-refused-duplicate = لقد أرسلتم هذا الملف من قبل، ولا يلزمكم فعل أي شيء آخر. يمكنكم تحديد المستند الذي يخصه هذا الملف عبر /appointments، ثم «المستندات».
document-refused-duplicate-of = لقد سبق أن أرسلتم هذا الملف بخصوص «{ $document }». لا يلزمكم فعل أي شيء آخر.
document-refused-unavailable = لم أتمكن من جلب هذا الملف. يُرجى إرساله مرة أخرى.
document-refused-off = لا تستقبل هذه الجهة المستندات عبر الدردشة. يُرجى تجهيزها للمحادثة.

# A file arrived and was kept.
document-arrived = شكرًا لكم، لقد وصل ملفكم.
document-kept = شكرًا لكم، لقد استلمت ملف «{ $document }».
document-kept-replaced = شكرًا لكم، أصبح الملف الجديد هو المعتمد الآن بخصوص «{ $document }».
document-still-missing = لا يزال ناقصًا: { $documents }.
document-all-sent = وصلت جميع المستندات. سيطّلع عليها الموظف المختص عند بدء محادثتكم.
document-removed = تم حذف ملف «{ $document }».
document-gone = هذا الملف لم يعد موجودًا. يُرجى إرساله مرة أخرى.
# The name of a file whose checklist item is not known yet.
document-unnamed = مستند

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = مستندات موعدكم { $reference } ({ $service }، { $date }):
document-list-sent = ✅ { $document }: تم الإرسال ({ $size })
document-list-missing = ⬜ { $document }: لم يُرسَل بعد
document-list-hint = أرسلوا هنا صورة أو ملف PDF لكل مستند. يمكن أن يصل حجم الملف الواحد إلى { $mb } MB، وعدد الملفات لكل موعد إلى { $max } كحد أقصى. يطّلع عليها الموظف المختص عند بدء محادثتكم، وتُحذف بعد الموعد.
document-send-prompt = يُرجى الآن إرسال «{ $document }» على شكل صورة أو ملف PDF.
document-which-prompt = وصل ملفكم ({ $size }). لأي مستند هذا الملف؟
option-documents = المستندات (أُرسل { $sent } من { $total })
option-send-document = إرسال: { $document }
option-replace-document = استبدال: { $document }
option-remove-document = حذف: { $document }

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = مستند للموعد { $reference }: { $document }، { $size }، أُرسل بتاريخ { $date }

# The web chat's form for a document (below the text field).
web-file-title = إرسال مستند
web-file-hint = صورة أو ملف PDF لموعدكم، بحجم أقصاه 10 MB. سيطّلع عليه الموظف المختص عند بدء محادثتكم.
web-file-label = اختيار ملف
web-file-send = رفع
