# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Этот файл пустой. Пожалуйста, отправьте документ ещё раз.
document-refused-too-large = Этот файл больше { $mb } МБ. Пожалуйста, отправьте фото или скан меньшего размера, например PDF с более низким разрешением.
document-refused-not-accepted = Я могу принять только файлы PDF и фото (JPEG, PNG или HEIC). Пожалуйста, отправьте документ в одном из этих форматов. Можно также прислать фото каждой страницы.
document-refused-pdf-active = Этот PDF содержит скрипт, поэтому я не могу его принять. Пожалуйста, отправьте вместо него фото страниц или сохраните документ заново как новый PDF.
document-refused-pdf-embedded = К этому PDF прикреплены другие файлы, поэтому я не могу его принять. Пожалуйста, отправьте документ без вложений или пришлите фото страниц.
document-refused-pdf-encrypted = Этот PDF защищён паролем, поэтому сотрудник не сможет его открыть. Пожалуйста, отправьте его без пароля или пришлите фото страниц.
document-refused-unreadable = Мне не удалось прочитать этот файл. Возможно, он повреждён. Пожалуйста, отправьте его ещё раз или пришлите фото страниц.
document-refused-no-booking = У Вас пока нет записи, к которой можно было бы приложить документы. Пожалуйста, сначала запишитесь на приём, а затем отправьте документы сюда.
document-refused-full = Для этой записи уже есть { $max ->
    [one] { $max } файл
    [few] { $max } файла
    [many] { $max } файлов
   *[other] { $max } файла
  }, больше сохранить я не могу. Пожалуйста, сначала удалите один из них: /appointments, затем запись, затем «Документы».
document-refused-duplicate = Вы уже отправляли этот файл, больше ничего делать не нужно. К какому документу он относится, можно выбрать в /appointments, затем «Документы».
document-refused-duplicate-of = Вы уже отправляли этот файл для документа «{ $document }». Больше ничего делать не нужно.
document-refused-unavailable = Мне не удалось получить этот файл. Пожалуйста, отправьте его ещё раз.
document-refused-off = Это учреждение не принимает документы в чате. Пожалуйста, подготовьте их к разговору.

# A file arrived and was kept.
document-arrived = Спасибо, Ваш файл получен.
document-kept = Спасибо, файл для документа «{ $document }» получен.
document-kept-replaced = Спасибо, для документа «{ $document }» теперь действует новый файл.
document-still-missing = Ещё не хватает: { $documents }.
document-all-sent = Все документы получены. Сотрудник увидит их, когда начнётся Ваш разговор.
document-removed = Файл для документа «{ $document }» удалён.
document-gone = Этого файла больше нет. Пожалуйста, отправьте его ещё раз.
# The name of a file whose checklist item is not known yet.
document-unnamed = Документ

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Документы к Вашей записи { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: отправлено ({ $size })
document-list-missing = ⬜ { $document }: ещё не отправлено
document-list-hint = Отправьте сюда фото или PDF-файл каждого документа. Не более { $mb } МБ на файл и не более { $max ->
    [one] { $max } файла
    [few] { $max } файлов
    [many] { $max } файлов
   *[other] { $max } файла
  } на одну запись. Сотрудник увидит их, когда начнётся Ваш разговор; после приёма они будут удалены.
document-send-prompt = Пожалуйста, отправьте сейчас документ «{ $document }» в виде фото или PDF-файла.
document-which-prompt = Ваш файл ({ $size }) получен. Какой это документ?
option-documents = Документы (отправлено { $sent } из { $total })
option-send-document = Отправить: { $document }
option-replace-document = Заменить: { $document }
option-remove-document = Удалить: { $document }

# A file's size.
size-kb = { $kb } КБ
size-mb = { $mb } МБ

# /mydata
mydata-document = Документ к записи { $reference }: { $document }, { $size }, отправлен { $date }

# The web chat's form for a document (below the text field).
web-file-title = Отправить документ
web-file-hint = Фото или PDF-файл к Вашей записи, не более 10 МБ. Сотрудник увидит его, когда начнётся Ваш разговор.
web-file-label = Выберите файл
web-file-send = Загрузить
