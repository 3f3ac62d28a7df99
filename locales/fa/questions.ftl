# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.
# Keep the ASCII comma "," as the separator in the keyword lists, not the Persian comma.

question-greeting-keywords = سلام, سلام علیکم, صبح بخیر, عصر بخیر, روز بخیر, وقت بخیر, خسته نباشید
question-thanks-keywords = ممنون, خیلی ممنون, مرسی, متشکرم, سپاس, سپاسگزارم, تشکر, دستتون درد نکنه
question-hours-keywords = ساعت کاری, ساعات کاری, ساعات اداری, کی باز هستید, کی باز است, کی بازه, باز هستید, تا چه ساعتی, تعطیل هستید
question-address-keywords = آدرس, آدرس دفتر, نشانی دفتر, کجا هستید, دفتر کجاست, کجا بیایم, کجا باید بروم, محل دفتر
question-cost-keywords = چقدر هزینه, هزینه‌اش, قیمت, چقدر است, چقدر میشه, کارمزد, رایگان, پولی است
question-duration-keywords = چقدر طول, طول میکشد, طول میکشه, چه مدت, مدت زمان, چقدر زمان, چقدر وقت
question-documents-keywords = چه مدارکی, مدارک لازم, مدارک مورد نیاز, چه مدرکی, چه چیزی لازم, چی لازم دارم, چی بیارم, همراه بیاورم, با خودم بیاورم
question-payment-keywords = پرداخت, نحوه پرداخت, چطور پرداخت, چگونه پرداخت, کارت بانکی, کارت اعتباری, واریز, انتقال بانکی, پرداخت اینترنتی
question-call-keywords = تماس تصویری, تماس ویدیویی, گفتگوی تصویری, ویدیو کال, روند گفتگو, چطور کار میکند, چطور آماده شوم, دوربین, میکروفون
question-proxy-keywords = وکالت, وکالتنامه, شخص دیگری, کس دیگری, کسی دیگر, به جای من, بجای من, از طرف من, نماینده

question-greeting = سلام! خوشحالم که اینجا هستید. من پیشخوان مجازی دفتر خدمات شهروندی (Bürgeramt) شما هستم.
question-thanks = خواهش می‌کنم!

question-hours-title = ساعات کاری پیشخوان مجازی در ۷ روز آینده:
# $day is the date as in the booking ("سه‌شنبه، ۲ فوریه"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from } تا { $to }
question-hours-day-none = { $day }: تعطیل
question-hours-day-closed = { $day }: تعطیل (تعطیل رسمی یا روز تعطیلی دفتر)
question-hours-open-now = هم‌اکنون باز هستیم، امروز تا ساعت { $until }.
question-hours-closed-now = هم‌اکنون بسته‌ایم. دوباره روز { $day }، ساعت { $time } در خدمت شما هستیم.
question-hours-closed-now-unknown = هم‌اکنون بسته‌ایم. ساعات کاری بعدی هنوز مشخص نشده است.

question-address = نشانی دفتر خدمات شهروندی (Bürgeramt) برای مراجعه حضوری: { $address }

# $fee is "رایگان" or an amount; $duration as in the checklist ("۲۰ دقیقه").
question-cost-duration = { $service }: { $fee }؛ تماس تصویری حدود { $duration } طول می‌کشد.
question-cost-duration-in-person = { $service }: { $fee }؛ نوبت حضوری حدود { $duration } طول می‌کشد.
question-cost-all = هزینه و مدت خدمات ما:
question-cost-all-line = • { $service }: { $fee }، حدود { $duration }

question-documents = برای «{ $service }» به این مدارک نیاز دارید: { $documents }. می‌توانید پیش از گفتگو آن‌ها را همین‌جا در چت بفرستید.
question-documents-none = برای «{ $service }» به هیچ مدرکی نیاز ندارید.
question-which-service = برای کدام خدمت؟ مثلاً بنویسید «برای ثبت نشانی چه مدارکی لازم است؟» یا «وکالت عدم سوءپیشینه».

question-payment-online = هزینه‌ها را از خانه پرداخت می‌کنید: پس از گفتگو، همین‌جا لینک صفحه پرداخت شهر را دریافت می‌کنید. هزینه‌های پرداخت‌نشده را هر زمان در «نوبت‌های من» پیدا می‌کنید.
question-payment-after-call = هزینه‌ها پس از گفتگو پرداخت می‌شوند. کارشناس در طول گفتگو نحوه پرداخت را به شما می‌گوید.

question-call = تماس تصویری این‌گونه انجام می‌شود: در زمان نوبت، همین‌جا اعلام حضور می‌کنید و در اتاق انتظار مجازی منتظر می‌مانید. وقتی نوبتتان برسد، یک لینک دریافت می‌کنید. این لینک گفتگو را در مرورگر باز می‌کند و به هیچ برنامه‌ای نیاز نیست. به مرورگر اجازه دسترسی به دوربین و میکروفون بدهید و کارت شناسایی و مدارک خود را آماده داشته باشید.

question-proxy-form = «{ $service }» را شخص دیگری هم می‌تواند به جای شما انجام دهد. آن شخص به این مدرک نیاز دارد: { $form }.
question-proxy-in-person = «{ $service }» را باید خودتان انجام دهید. شخص دیگری نمی‌تواند آن را به جای شما انجام دهد.
question-proxy-ask = کارشناس به شما می‌گوید که آیا شخص دیگری می‌تواند «{ $service }» را به جای شما انجام دهد یا نه. لطفاً در گفتگو این را بپرسید.

question-unanswered = متأسفانه در این مورد نمی‌توانم کمکی کنم. می‌توانید مثلاً درباره ساعات کاری، هزینه یک خدمت یا نحوه انجام تماس تصویری از من بپرسید.
question-unanswered-clerk = دفتر خدمات شهروندی هم‌اکنون باز است: از منو می‌توانید همین حالا با کارشناس گفتگو کنید («منو»).

# The questions as buttons on the help screen.
question-button-hours = ساعات کاری
question-button-address = دفتر خدمات شهروندی کجاست؟
question-button-cost = هزینه و مدت
question-button-call = تماس تصویری چگونه انجام می‌شود؟
question-button-payment = چطور پرداخت کنم؟
question-button-proxy = آیا شخص دیگری می‌تواند به جای من بیاید؟
