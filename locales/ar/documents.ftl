# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = هذا الملف فارغ. يُرجى إرسال المستند مرة أخرى.
document-refused-too-large = حجم هذا الملف أكبر من { $mb } MB. يُرجى إرسال صورة أو نسخة ممسوحة ضوئيًا بحجم أصغر، مثلًا ملف PDF بدقة أقل.
document-refused-not-accepted = لا يمكنني قبول سوى ملفات PDF والصور (JPEG أو PNG أو HEIC). يُرجى إرسال المستند بإحدى هذه الصيغ. يمكنكم أيضًا إرسال صورة لكل صفحة.
document-refused-pdf-active = يحتوي ملف PDF هذا على برنامج نصي (سكريبت)، لذلك لا يمكنني قبوله. يُرجى إرسال صور للصفحات بدلًا منه، أو حفظه مرة أخرى كملف PDF جديد.
document-refused-pdf-embedded = ملف PDF هذا مرفقة به ملفات أخرى، لذلك لا يمكنني قبوله. يُرجى إرسال المستند من دون مرفقات، أو إرسال صور للصفحات.
document-refused-pdf-encrypted = ملف PDF هذا محمي بكلمة مرور، لذلك لن يتمكن الموظف المختص من فتحه. يُرجى إرساله بعد إزالة كلمة المرور، أو إرسال صور للصفحات.
document-refused-unreadable = لم أتمكن من قراءة هذا الملف. ربما يكون تالفًا. يُرجى إرساله مرة أخرى، أو إرسال صور للصفحات.
