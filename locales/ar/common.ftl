# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = العربية
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = العربية, عربي, عربى, arabic, arabisch
pick-language = يُرجى اختيار لغتكم.
language-changed = سأتحدث معكم من الآن فصاعدًا باللغة العربية.

welcome = أهلًا بكم في مكتب خدمات المواطنين الافتراضي (Bürgeramt)! سأساعدكم في العثور على الخدمة المناسبة، وأبيّن لكم المستندات المطلوبة، وأحجز لكم موعدًا لمكالمة الفيديو.
welcome-back = أهلًا بعودتكم! لنتابع من حيث توقفتم.
main-menu-prompt = ماذا تودّون أن تفعلوا؟

menu-book = حجز موعد
menu-appointments = مواعيدي
menu-checklist = ما المستندات المطلوبة؟
menu-help = مساعدة
menu-language = تغيير اللغة

option-back = رجوع
option-main-menu = القائمة الرئيسية

help-text =
    كيف يعمل مكتب خدمات المواطنين الافتراضي:
    • اختاروا أحد الخيارات بكتابة رقمه أو بالضغط على الزر الخاص به.
    • يمكنكم أيضًا أن تكتبوا ببساطة ما تحتاجونه، مثلًا «تسجيل السكن» أو «شهادة حسن السيرة والسلوك».
    • اكتبوا «القائمة» في أي وقت للعودة إلى البداية، أو «اللغة» لتغيير اللغة.
    • تتم المحادثة مع الموظف المختص عبر الفيديو. كل ما تحتاجونه هو هاتف ذكي فيه متصفح إنترنت.

input-empty = رسالتكم فارغة.
input-too-long =
    رسالتكم طويلة جدًا: الحد الأقصى { $max ->
        [zero] { $max } حرف
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }.
input-unreadable = عذرًا، لا أستطيع قراءة هذه الرسالة.
input-not-understood = عذرًا، لم أفهم ذلك.
input-hint = يُرجى اختيار رقم من القائمة أو كتابة كلمة مفتاحية.
option-expired = هذا الخيار لم يعد صالحًا. إليكم الخيارات الحالية.
error-temporary = حدث خطأ لدينا. يُرجى المحاولة مرة أخرى بعد قليل.

# Words that work at any step, comma-separated, matched forgivingly in every language.
# Keep the ASCII comma "," as the separator here, not the Arabic comma.
keywords-menu = القائمة, القائمة الرئيسية, قائمة, منيو, البداية, ابدأ, ابدأ من جديد, من البداية
keywords-help = مساعدة, ساعدني, مساعده, ماذا يمكنني أن أفعل
keywords-language = اللغة, لغة, تغيير اللغة
keywords-back = رجوع, الرجوع, ارجع, عودة

# Dates and times in office-local time.
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday }، { $day } { $month }
time-of-day = الساعة { $time }
duration-minutes =
    { $minutes ->
        [zero] { $minutes } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } يورو
fee-none = مجانًا

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = عذرًا، لا أستطيع قراءة الصور والرسائل الصوتية والملصقات والملفات. يُرجى الكتابة إليّ.
input-edited = لا أقرأ الرسائل المعدّلة. يُرجى إرسال رسالة جديدة.
input-undecryptable = تعذّر عليّ فكّ تشفير رسالتكم الأخيرة. يُرجى إرسالها مرة أخرى.
command-unknown = لا أعرف هذا الأمر. الأوامر المتاحة هي: /start، /language، /help، /cancel، /appointments، /privacy، /mydata، /forget.
private-only = أعمل في المحادثات الخاصة فقط. يُرجى الكتابة إليّ مباشرةً.
command-start = البدء من جديد
command-language = تغيير اللغة
command-help = مساعدة
command-cancel = إلغاء والعودة إلى القائمة الرئيسية
command-appointments = مواعيدي
option-join-video = الانضمام إلى مكالمة الفيديو
mydata-file = بياناتكم في ملف (JSON):
