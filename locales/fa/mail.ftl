# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = لطفاً نشانی ایمیل خود را تأیید کنید
mail-confirm-body =
    شما این نشانی را در گفتگو با دفتر خدمات شهروندی وارد کرده‌اید تا یادآوری‌های نوبت خود را دریافت کنید: { $service }، { $date }، { $time }.

    لطفاً آن را با لینک زیر تأیید کنید. فقط پس از آن برایتان ایمیل می‌فرستیم.

    این نشانی را شما وارد نکرده‌اید؟ در این صورت لازم نیست کاری انجام دهید. بدون تأیید دیگر چیزی از ما دریافت نمی‌کنید و نشانی پس از یک روز حذف می‌شود.
mail-confirm-action = تأیید نشانی

mail-booked-subject = نوبت شما: { $service }، { $date }
mail-booked-body =
    نوبت شما رزرو شد: { $service }، { $date }، { $time }. کد رزرو شما: { $reference }.

    فایل نوبت برای تقویم شما پیوست این ایمیل است. از { $minutes } دقیقه پیش از نوبت می‌توانید در گفتگو اعلام حضور کنید.
mail-booked-action = رفتن به گفتگو

mail-remind-subject = یادآوری: { $service }، { $date }، { $time }
mail-remind-body =
    نوبت شما را یادآوری می‌کنیم: { $service }، { $date }، { $time }.

    از { $minutes } دقیقه پیش از نوبت می‌توانید در گفتگو اعلام حضور کنید.
mail-remind-action = رفتن به گفتگو

mail-checkin-subject = اکنون می‌توانید اعلام حضور کنید
mail-checkin-body =
    نوبت شما به‌زودی شروع می‌شود: { $service }، { $time }.

    گفتگو را باز کنید و اعلام حضور کنید. سپس وارد اتاق انتظار مجازی می‌شوید.
mail-checkin-action = رفتن به گفتگو و اعلام حضور

mail-called-subject = کارشناس اکنون با شما تماس می‌گیرد
mail-called-body =
    نوبت شماست: { $service }.

    همین حالا گفتگو را باز کنید. لینک تماس تصویری را آنجا پیدا می‌کنید.
mail-called-action = بازگشت به گفتگو

mail-footer = این ایمیل را دریافت می‌کنید، چون این نشانی را در گفتگو برای نوبت { $reference } وارد کرده‌اید. پس از نوبت آن را حذف می‌کنیم.
mail-stop = لغو دریافت ایمیل

mydata-mail = نشانی ایمیل برای یادآوری‌ها: { $address } ({ $state })
mydata-mail-pending = هنوز تأیید نشده
mydata-mail-confirmed = تأییدشده
mydata-mail-bounced = قابل تحویل نیست

web-mail-title = یادآوری از طریق ایمیل
web-mail-hint = اختیاری. فقط برای نوبت بعدی شما: تأیید، یادآوری‌ها و پیامی هنگامی که نوبت شما می‌رسد. نشانی پس از نوبت حذف می‌شود.
web-mail-label = نشانی ایمیل شما
web-mail-send = ارسال لینک تأیید
web-mail-sent = لینکی به { $address } فرستادیم. لطفاً آن را باز کنید تا نشانی تأیید شود.
web-mail-confirmed-already = این نشانی برای نوبت شما قبلاً تأیید شده است.
web-mail-bounced = نتوانستیم ایمیل را به این نشانی برسانیم. لطفاً نشانی دیگری وارد کنید.
web-mail-no-booking = ابتدا یک نوبت بگیرید. پس از آن می‌توانید یادآوری‌ها را از طریق ایمیل دریافت کنید.
web-mail-invalid = این نشانی ایمیلی نیست که بتوانیم به آن ایمیل بفرستیم. نمونه: name@example.org
web-mail-link-invalid = این لینک دیگر معتبر نیست: یا منقضی شده یا قبلاً از آن استفاده شده است. می‌توانید نشانی خود را دوباره در گفتگو وارد کنید.
web-mail-confirm-title = تأیید نشانی ایمیل
web-mail-confirm-text = با تأیید، ایمیل‌هایی درباره نوبت خود دریافت می‌کنید: تأیید نوبت همراه با فایل تقویم، یادآوری‌ها و پیامی هنگامی که نوبت شما می‌رسد.
web-mail-confirm-button = تأیید نشانی
web-mail-confirm-done = سپاسگزاریم! نشانی شما تأیید شد. تأیید نوبت همراه با فایل تقویم به‌زودی با ایمیل به دستتان می‌رسد.
web-mail-stop-title = لغو دریافت ایمیل
web-mail-stop-text = در این صورت دیگر ایمیلی درباره این نوبت دریافت نمی‌کنید و نشانی شما را حذف می‌کنیم. نوبت شما به قوت خود باقی است.
web-mail-stop-button = لغو ایمیل‌ها
web-mail-stop-done = انجام شد. نشانی شما حذف شد و دیگر ایمیلی دریافت نمی‌کنید. نوبت شما به قوت خود باقی است.
web-back-title = بازگشت به گفتگو
web-back-text = با این کار گفتگوی خود با دفتر خدمات شهروندی را در این مرورگر باز می‌کنید.
web-back-button = باز کردن گفتگو
