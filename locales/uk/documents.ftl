# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Цей файл порожній. Будь ласка, надішліть документ ще раз.
document-refused-too-large = Цей файл більший за { $mb } МБ. Будь ласка, надішліть фото чи скан меншого розміру, наприклад PDF з нижчою роздільною здатністю.
document-refused-not-accepted = Я можу прийняти лише файли PDF і фото (JPEG, PNG або HEIC). Будь ласка, надішліть документ в одному з цих форматів. Можна також надіслати фото кожної сторінки.
document-refused-pdf-active = Цей PDF містить скрипт, тому я не можу його прийняти. Будь ласка, надішліть натомість фото сторінок або збережіть документ як новий PDF.
document-refused-pdf-embedded = До цього PDF додано інші файли, тому я не можу його прийняти. Будь ласка, надішліть документ без вкладень або надішліть фото сторінок.
document-refused-pdf-encrypted = Цей PDF захищено паролем, тому працівник не зможе його відкрити. Будь ласка, надішліть його без пароля або надішліть фото сторінок.
document-refused-unreadable = Мені не вдалося прочитати цей файл. Можливо, він пошкоджений. Будь ласка, надішліть його ще раз або надішліть фото сторінок.
document-refused-no-booking = У вас ще немає запису, до якого можна було б надіслати документи. Будь ласка, спочатку запишіться на прийом, а потім надішліть документи сюди.
document-refused-full = Для цього запису вже є { $max ->
    [one] { $max } файл
    [few] { $max } файли
    [many] { $max } файлів
   *[other] { $max } файлу
  }, більше зберегти я не можу. Будь ласка, спочатку видаліть один із них: /appointments, потім запис, потім «Документи».
document-refused-duplicate = Ви вже надсилали цей файл, більше нічого робити не потрібно. До якого документа він належить, можна вибрати в /appointments, потім «Документи».
document-refused-duplicate-of = Ви вже надсилали цей файл для документа «{ $document }». Більше нічого робити не потрібно.
document-refused-unavailable = Мені не вдалося отримати цей файл. Будь ласка, надішліть його ще раз.
document-refused-off = Ця установа не приймає документи в чаті. Будь ласка, підготуйте їх до розмови.

# A file arrived and was kept.
document-arrived = Дякую, ваш файл надійшов.
document-kept = Дякую, файл для документа «{ $document }» отримано.
document-kept-replaced = Дякую, для документа «{ $document }» тепер діє новий файл.
document-still-missing = Ще бракує: { $documents }.
document-all-sent = Усі документи надійшли. Працівник побачить їх, коли почнеться ваша розмова.
document-removed = Файл для документа «{ $document }» видалено.
document-gone = Цього файлу більше немає. Будь ласка, надішліть його ще раз.
# The name of a file whose checklist item is not known yet.
document-unnamed = Документ

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Документи до вашого запису { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: надіслано ({ $size })
document-list-missing = ⬜ { $document }: ще не надіслано
document-list-hint = Надішліть сюди фото або PDF-файл кожного документа. Не більше { $mb } МБ на файл і не більше { $max ->
    [one] { $max } файлу
    [few] { $max } файлів
    [many] { $max } файлів
   *[other] { $max } файлу
  } на один запис. Працівник побачить їх, коли почнеться ваша розмова; після прийому їх буде видалено.
document-send-prompt = Будь ласка, надішліть зараз документ «{ $document }» як фото або PDF-файл.
document-which-prompt = Ваш файл ({ $size }) надійшов. Який це документ?
option-documents = Документи (надіслано { $sent } з { $total })
option-send-document = Надіслати: { $document }
option-replace-document = Замінити: { $document }
option-remove-document = Видалити: { $document }

# A file's size.
size-kb = { $kb } КБ
size-mb = { $mb } МБ

# /mydata
mydata-document = Документ до запису { $reference }: { $document }, { $size }, надіслано { $date }

# The web chat's form for a document (below the text field).
web-file-title = Надіслати документ
web-file-hint = Фото або PDF-файл до вашого запису, не більше 10 МБ. Працівник побачить його, коли почнеться ваша розмова.
web-file-label = Виберіть файл
web-file-send = Завантажити
