# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = این فایل خالی است. لطفاً مدرک را دوباره بفرستید.
document-refused-too-large = حجم این فایل بیشتر از { $mb } MB است. لطفاً عکس یا اسکن کوچک‌تری بفرستید، مثلاً یک PDF با وضوح کمتر.
document-refused-not-accepted = فقط فایل‌های PDF و عکس (JPEG، PNG یا HEIC) را می‌توانم قبول کنم. لطفاً مدرک را در یکی از این قالب‌ها بفرستید. می‌توانید از هر صفحه هم یک عکس بفرستید.
document-refused-pdf-active = این فایل PDF اسکریپت دارد، برای همین نمی‌توانم آن را قبول کنم. لطفاً به‌جای آن از صفحه‌ها عکس بفرستید یا مدرک را دوباره به‌صورت یک PDF جدید ذخیره کنید.
document-refused-pdf-embedded = به این فایل PDF فایل‌های دیگری پیوست شده است، برای همین نمی‌توانم آن را قبول کنم. لطفاً مدرک را بدون پیوست بفرستید یا از صفحه‌ها عکس بفرستید.
document-refused-pdf-encrypted = این فایل PDF رمز عبور دارد، برای همین کارشناس نمی‌تواند آن را باز کند. لطفاً آن را بدون رمز عبور بفرستید یا از صفحه‌ها عکس بفرستید.
document-refused-unreadable = نتوانستم این فایل را بخوانم. شاید خراب شده باشد. لطفاً آن را دوباره بفرستید یا از صفحه‌ها عکس بفرستید.
document-refused-no-booking = هنوز نوبتی ندارید که بتوان مدارک را برای آن فرستاد. لطفاً اول نوبت بگیرید و بعد مدارک را همین‌جا بفرستید.
document-refused-full = برای این نوبت از قبل { $max } فایل ثبت شده است و بیشتر از این نمی‌توانم نگه دارم. لطفاً اول یکی را حذف کنید: /appointments، سپس نوبت، سپس «مدارک».
document-refused-duplicate = این فایل را قبلاً فرستاده‌اید و لازم نیست کار دیگری انجام دهید. می‌توانید در /appointments و سپس «مدارک» انتخاب کنید که این فایل مربوط به کدام مدرک است.
document-refused-duplicate-of = این فایل را قبلاً برای «{ $document }» فرستاده‌اید. لازم نیست کار دیگری انجام دهید.
document-refused-unavailable = نتوانستم این فایل را دریافت کنم. لطفاً آن را دوباره بفرستید.
document-refused-off = این اداره در چت مدرک نمی‌پذیرد. لطفاً مدارک را برای گفتگوی تصویری آماده داشته باشید.

# A file arrived and was kept.
document-arrived = متشکرم، فایل شما رسید.
document-kept = متشکرم، فایل مربوط به «{ $document }» به دستم رسید.
document-kept-replaced = متشکرم، از این پس فایل جدید برای «{ $document }» معتبر است.
document-still-missing = هنوز ارسال نشده: { $documents }.
document-all-sent = همهٔ مدارک رسیده است. کارشناس وقتی گفتگوی شما شروع شود آن‌ها را می‌بیند.
document-removed = فایل مربوط به «{ $document }» حذف شد.
document-gone = این فایل دیگر موجود نیست. لطفاً آن را دوباره بفرستید.
# The name of a file whose checklist item is not known yet.
document-unnamed = مدرک

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = مدارک نوبت { $reference } شما ({ $service }، { $date }):
document-list-sent = ✅ { $document }: ارسال شد ({ $size })
document-list-missing = ⬜ { $document }: هنوز ارسال نشده
document-list-hint = از هر مدرک یک عکس یا فایل PDF همین‌جا بفرستید. حداکثر { $mb } مگابایت برای هر فایل و { $max } فایل برای هر نوبت. کارشناس وقتی گفتگوی شما شروع شود آن‌ها را می‌بیند؛ پس از نوبت، فایل‌ها حذف می‌شوند.
document-send-prompt = لطفاً اکنون «{ $document }» را به‌صورت عکس یا فایل PDF بفرستید.
document-which-prompt = فایل شما ({ $size }) رسید. این کدام مدرک است؟
option-documents = مدارک ({ $sent } از { $total } ارسال شده)
option-send-document = ارسال: { $document }
option-replace-document = جایگزینی: { $document }
option-remove-document = حذف: { $document }

# A file's size.
size-kb = { $kb } کیلوبایت
size-mb = { $mb } مگابایت

# /mydata
mydata-document = مدرک نوبت { $reference }: { $document }، { $size }، ارسال‌شده در { $date }

# The web chat's form for a document (below the text field).
web-file-title = ارسال مدرک
web-file-hint = یک عکس یا فایل PDF برای نوبت شما، حداکثر 10 مگابایت. کارشناس وقتی گفتگوی شما شروع شود آن را می‌بیند.
web-file-label = انتخاب فایل
web-file-send = بارگذاری
