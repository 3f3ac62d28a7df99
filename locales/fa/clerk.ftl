# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = میز کار { $clerk }. برای دیدن دستورها «help» بنویسید.
desk-not-clerk = { $clerk } به عنوان کارشناس ثبت نشده است (SCHALTER_MATRIX_CLERKS). فقط افراد ثبت‌شده می‌توانند اتاق انتظار را اداره کنند.
desk-help =
    دستورها:
    next – فراخواندن نفر بعدی
    take REF – فراخواندن یک فرد مشخص
    done [یادداشت] – پایان گفتگو
    noshow – فرد حاضر نشد
    back – بازگرداندن فرد به اتاق انتظار
    queue – نمایش اتاق انتظار
    today – نوبت‌های امروز
    say KEY – فرستادن پیام آماده به فرد (camera, microphone, documents, moment, link)
    fee [مبلغ] [علت] – تعیین هزینه گفتگو یا افزودن یک قلم
    paid REF – نمایش وضعیت پرداخت
    refund REF [مبلغ] – بازپرداخت وجه
    away / available – غایب / در دسترس
    help – همین راهنما
desk-unknown = این دستور را نمی‌شناسم.
desk-picked =
    فراخوانده شد: { $reference } · { $service } · { $lang } · { $waited } دقیقه در انتظار
    هنوز کم است: { $open }
desk-video = ویدیو: { $url }
desk-video-invited = اتاق ویدیویی آماده است: دعوت‌نامه را در Element پیدا می‌کنید. لینک اینجا گذاشته نمی‌شود، چون این اتاق را فقط کارشناسان نمی‌خوانند.
desk-nobody = کسی در انتظار نیست.
desk-not-waiting = { $reference } در حال حاضر در انتظار نیست.
desk-busy = هنوز با { $reference } در گفتگو هستید. لطفاً ابتدا آن را با done، noshow یا back به پایان برسانید.
desk-done = کار { $reference } انجام شد.
desk-noshow = { $reference } به عنوان «حاضر نشده» ثبت شد.
desk-back = { $reference } به اتاق انتظار برگشت.
desk-no-call = در حال حاضر در هیچ گفتگویی نیستید.
desk-queue-empty = اتاق انتظار خالی است.
desk-queue-title = اتاق انتظار: { $count } نفر در انتظار، { $clerks } کارشناس حاضر
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · { $waited } دقیقه در انتظار · هنوز کم است: { $open }
desk-in-call-line = در گفتگو: { $reference } با { $clerk }
desk-away = اکنون غایب هستید و در محاسبه زمان انتظار به حساب نمی‌آیید.
desk-available = اکنون در دسترس هستید.
desk-walk-in = بدون نوبت
desk-checklist-complete = هیچ
desk-agenda-title = صبح بخیر! نوبت‌های امروز: { $count }
desk-today-title = نوبت‌های امروز: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · باجه { $desk }
desk-say-sent = برای { $reference } فرستاده شد: { $key }
desk-say-keys = چنین پیامی وجود ندارد. پیام‌های آماده: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
