# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = پیش از گفتگو، دوربین، میکروفون و صدا را آزمایش کنید (۲ دقیقه طول می‌کشد): { $link }
device-check-try = می‌توانید از قبل همین‌جا بررسی کنید که دوربین و میکروفون شما کار می‌کنند یا نه: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = در بررسی فنی چیزی کار نکرد: { $parts }. لطفاً تا وقتی منتظر هستید، دوباره آزمایش کنید: { $link }
device-part-camera = دوربین
device-part-microphone = میکروفون
device-part-speaker = بلندگو
device-part-connection = اتصال

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone یا iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = مرورگر داخل یک برنامه
device-platform-desktop = رایانه
device-platform-other = دستگاه دیگر

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = تجهیزات بررسی نشده
desk-device-camera-ok = ✓ دوربین
desk-device-camera-failed = ⚠ بدون دوربین
desk-device-microphone-ok = ✓ میکروفون
desk-device-microphone-failed = ⚠ بدون میکروفون
desk-device-speaker-ok = ✓ صدا
desk-device-speaker-failed = ⚠ بدون صدا
desk-device-connection-ok = ✓ اتصال
desk-device-connection-failed = ⚠ بدون اتصال

## The page.
check-title = بررسی فنی برای تماس تصویری شما
check-intro = در ۲ دقیقه دوربین، میکروفون و صدای دستگاه شما را بررسی می‌کنیم تا گفتگو با کارشناس بدون مشکل انجام شود.
# $service, $date, $time: the booked appointment.
check-appointment = نوبت شما: { $service }، { $date }، { $time }
check-privacy = تصویر و صدا روی دستگاه شما می‌مانند. هیچ چیزی ضبط یا ارسال نمی‌شود.
check-privacy-saved = فقط ذخیره می‌کنیم که هر بخش کار کرده است یا نه و از چه نوع دستگاهی استفاده می‌کنید. کارشناس این را همراه با نوبت شما می‌بیند.
check-expired = این لینک دیگر معتبر نیست: زمان نوبت گذشته یا نوبت لغو شده است. با این حال می‌توانید دستگاه خود را همین‌جا آزمایش کنید.
check-permission-note = مرورگر شما به‌زودی می‌پرسد که آیا این صفحه اجازه دارد از دوربین و میکروفون استفاده کند. روی «اجازه دادن» بزنید.
check-start = شروع بررسی
check-again = دوباره امتحان کنید
check-noscript = مرورگر شما برای این بررسی به JavaScript نیاز دارد. آن را روشن کنید یا این صفحه را در مرورگر دیگری باز کنید.

check-camera = دوربین
check-microphone = میکروفون
check-speaker = بلندگو
check-connection = اتصال به سرویس تماس تصویری
check-camera-preview = تصویر دوربین شما
check-state-waiting = هنوز بررسی نشده است.
check-state-running = در حال بررسی …
check-state-ok = کار می‌کند.
check-state-failed = کار نمی‌کند.

check-level-label = بلندی صدای میکروفون شما
check-level-none = هنوز صدایی نمی‌شنویم. لطفاً چند کلمه صحبت کنید.
check-level-low = صدای شما را آهسته می‌شنویم. کمی بلندتر یا نزدیک‌تر به دستگاه صحبت کنید.
check-level-good = صدای شما را خوب می‌شنویم.

check-speaker-play = پخش صدای آزمایشی
check-speaker-question = آیا صدا را شنیدید؟
check-speaker-yes = بله، شنیدم
check-speaker-no = خیر
check-speaker-help = صدای دستگاه را بلندتر کنید و حالت بی‌صدا را خاموش کنید. اگر از هدفون استفاده می‌کنید: آیا وصل است؟ سپس صدا را دوباره پخش کنید.

check-connection-ok = سرویس تماس تصویری در دسترس است.
check-connection-failed = سرویس تماس تصویری از اینجا در دسترس نیست. شبکه دیگری را امتحان کنید، مثلاً وای‌فای به جای اینترنت همراه، یا برعکس.
check-connection-unsupported = این مرورگر نمی‌تواند تماس تصویری برقرار کند. لطفاً صفحه را در یک مرورگر به‌روز باز کنید.

## Why something failed, and what to do.
check-fail-denied = اجازه دسترسی داده نشد. این‌طور می‌توانید اجازه دهید:
check-fail-missing = روی دستگاه شما دوربین یا میکروفونی پیدا نمی‌کنیم. از یک گوشی هوشمند استفاده کنید، یا یک دوربین یا هدست به دستگاه وصل کنید.
check-fail-busy = برنامه دیگری در حال حاضر از دوربین یا میکروفون استفاده می‌کند، مثلاً یک تماس تصویری دیگر. آن برنامه را ببندید و دوباره امتحان کنید.
check-fail-unsupported = این مرورگر نمی‌تواند دوربین و میکروفون را در اختیار صفحه‌های وب بگذارد. صفحه را در Safari (iPhone) یا Chrome (Android) باز کنید.
check-fail-silent = صدایی نمی‌شنویم. آیا میکروفون بی‌صداست؟ چند کلمه صحبت کنید.
check-steps-title = روش انجام این کار روی دستگاه شما:
check-steps-more = راهنما برای دستگاه‌های دیگر
check-in-app = این صفحه را داخل یک برنامه باز کرده‌اید، مثلاً Telegram یا Instagram. در آنجا دوربین اغلب کار نمی‌کند.
check-copy-link = لینک برای کپی:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    در نوار نشانی، روی «aA» در سمت چپ بزنید.
    روی «Website Settings» (تنظیمات وب‌سایت) بزنید.
    دوربین (Camera) و میکروفون (Microphone) را روی «Allow» (اجازه دادن) بگذارید.
    این صفحه را دوباره بارگذاری کنید.
check-steps-android =
    روی نماد لغزنده‌ها در کنار نشانی وب بزنید.
    روی «مجوزها» بزنید.
    دوربین و میکروفون را روشن کنید.
    این صفحه را دوباره بارگذاری کنید.
check-steps-samsung =
    روی منوی سه‌خط در پایین صفحه بزنید.
    روی «تنظیمات» و سپس روی «سایت‌ها و دانلودها» بزنید.
    روی «مجوزهای سایت» بزنید و دوربین و میکروفون را برای این صفحه مجاز کنید.
    این صفحه را دوباره بارگذاری کنید.
check-steps-firefox =
    روی نماد قفل در کنار نوار نشانی بزنید یا کلیک کنید.
    در آنجا دوربین و میکروفون را مجاز کنید.
    این صفحه را دوباره بارگذاری کنید.
check-steps-in-app =
    روی منو در بالای صفحه (⋮ یا …) بزنید.
    «باز کردن در مرورگر» را انتخاب کنید.
    بررسی را در آنجا دوباره شروع کنید.
check-steps-desktop =
    روی نماد کنار نوار نشانی (قفل یا دوربین) کلیک کنید.
    دوربین و میکروفون را برای این صفحه مجاز کنید.
    این صفحه را دوباره بارگذاری کنید.
check-steps-other =
    تنظیمات مرورگر خود را باز کنید.
    دوربین و میکروفون را برای این صفحه مجاز کنید.
    این صفحه را دوباره بارگذاری کنید.

check-done-ready = همه‌چیز برای تماس تصویری شما آماده است. اکنون می‌توانید این صفحه را ببندید.
check-done-problems = هنوز همه‌چیز کار نمی‌کند. لطفاً راهنمایی‌های بالا را بخوانید.
check-saved = نتیجه ذخیره شد.
check-error-save = نتیجه ذخیره نشد. لطفاً دوباره امتحان کنید.
check-error-input = این اطلاعات را نمی‌توانم بخوانم. لطفاً صفحه را دوباره بارگذاری کنید.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = بررسی فنی برای { $reference }: { $result }
