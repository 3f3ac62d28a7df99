# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = فارسی
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = فارسی, farsi, persian, persisch
pick-language = لطفاً زبان خود را انتخاب کنید.
language-changed = از این به بعد با شما به فارسی صحبت می‌کنم.

welcome = به دفتر خدمات شهروندی مجازی (Bürgeramt) خوش آمدید! به شما کمک می‌کنم خدمت مناسب را پیدا کنید، نشان می‌دهم به چه مدارکی نیاز دارید و برای گفتگوی تصویری برایتان نوبت می‌گیرم.
welcome-back = دوباره خوش آمدید! از همان جایی که قبلاً متوقف شدید ادامه می‌دهیم.
main-menu-prompt = چه کاری می‌خواهید انجام دهید؟

menu-book = گرفتن نوبت
menu-appointments = نوبت‌های من
menu-checklist = چه مدارکی لازم دارم؟
menu-help = راهنما
menu-language = تغییر زبان

option-back = بازگشت
option-main-menu = منوی اصلی

help-text =
    دفتر خدمات شهروندی مجازی این‌گونه کار می‌کند:
    • برای انتخاب یک گزینه، شماره آن را بنویسید یا روی دکمه آن بزنید.
    • می‌توانید به‌سادگی بنویسید چه می‌خواهید، مثلاً «ثبت نشانی» یا «عدم سوءپیشینه».
    • هر وقت «منو» بنویسید به ابتدا برمی‌گردید و با نوشتن «زبان» می‌توانید زبان را تغییر دهید.
    • گفتگو با کارشناس به صورت تماس تصویری انجام می‌شود. فقط به یک گوشی هوشمند با مرورگر نیاز دارید.

input-empty = پیام شما خالی بود.
input-too-long =
    پیام شما بیش از حد طولانی است: حداکثر { $max } کاراکتر.
input-unreadable = متأسفانه نمی‌توانم این پیام را بخوانم.
input-not-understood = متأسفانه متوجه نشدم.
input-hint = لطفاً یک شماره از فهرست انتخاب کنید یا یک کلیدواژه بنویسید.
option-expired = این گزینه دیگر معتبر نیست. گزینه‌های فعلی اینها هستند.
error-temporary = متأسفانه در سامانه ما مشکلی پیش آمد. لطفاً چند لحظه دیگر دوباره امتحان کنید.

# Words that work at any step, comma-separated, matched forgivingly in every language.
# Keep the ASCII comma "," as the separator here, not the Persian comma.
keywords-menu = منو, منوی اصلی, فهرست, شروع, شروع دوباره, از اول, از نو, صفحه اصلی, start
keywords-help = راهنما, راهنمایی, کمک, کمک کنید, کمک لازم دارم, چه کار می‌توانم بکنم, چکار کنم
keywords-language = زبان, تغییر زبان, عوض کردن زبان, زبان ها
keywords-back = بازگشت, برگشت, قبلی, عقب

# Dates and times in office-local time.
weekday-1 = دوشنبه
weekday-2 = سه‌شنبه
weekday-3 = چهارشنبه
weekday-4 = پنجشنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
month-1 = ژانویه
month-2 = فوریه
month-3 = مارس
month-4 = آوریل
month-5 = مه
month-6 = ژوئن
month-7 = ژوئیه
month-8 = اوت
month-9 = سپتامبر
month-10 = اکتبر
month-11 = نوامبر
month-12 = دسامبر
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday }، { $day } { $month }
time-of-day = ساعت { $time }
duration-minutes =
    { $minutes } دقیقه
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } یورو
fee-none = رایگان

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = متأسفانه نمی‌توانم عکس، پیام صوتی، استیکر یا فایل را بخوانم. لطفاً برایم بنویسید.
input-edited = پیام‌های ویرایش‌شده را نمی‌خوانم. لطفاً پیام تازه‌ای بفرستید.
input-undecryptable = نتوانستم آخرین پیام شما را رمزگشایی کنم. لطفاً آن را دوباره بفرستید.
command-unknown = این دستور را نمی‌شناسم. دستورهای موجود: /start، /language، /help، /cancel، /appointments، /privacy، /mydata و /forget.
private-only = فقط در گفتگوی خصوصی کار می‌کنم. لطفاً مستقیماً به من پیام دهید.
command-start = شروع دوباره
command-language = تغییر زبان
command-help = راهنما
command-cancel = انصراف و بازگشت به منوی اصلی
command-appointments = نوبت‌های من
option-join-video = ورود به تماس تصویری
mydata-file = داده‌های شما در قالب فایل (JSON):
