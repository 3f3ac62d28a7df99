# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Bu dosya boş. Lütfen belgeyi tekrar gönderin.
document-refused-too-large = Bu dosya { $mb } MB sınırını aşıyor. Lütfen daha küçük bir fotoğraf veya tarama gönderin, örneğin daha düşük çözünürlüklü bir PDF.
document-refused-not-accepted = Yalnızca PDF dosyalarını ve fotoğrafları (JPEG, PNG veya HEIC) kabul edebiliyorum. Lütfen belgeyi bu biçimlerden birinde gönderin. Her sayfanın fotoğrafını da gönderebilirsiniz.
document-refused-pdf-active = Bu PDF dosyası bir betik (script) içeriyor, bu yüzden kabul edemiyorum. Lütfen bunun yerine sayfaların fotoğraflarını gönderin ya da dosyayı yeni bir PDF olarak tekrar kaydedin.
document-refused-pdf-embedded = Bu PDF dosyasına başka dosyalar eklenmiş, bu yüzden kabul edemiyorum. Lütfen belgeyi ekleri olmadan gönderin ya da sayfaların fotoğraflarını gönderin.
document-refused-pdf-encrypted = Bu PDF dosyası şifreyle korunuyor, bu yüzden görevli dosyayı açamaz. Lütfen dosyayı şifresiz gönderin ya da sayfaların fotoğraflarını gönderin.
document-refused-unreadable = Bu dosyayı okuyamadım. Dosya bozuk olabilir. Lütfen dosyayı tekrar gönderin ya da sayfaların fotoğraflarını gönderin.
document-refused-no-booking = Henüz belge gönderebileceğiniz bir randevunuz yok. Lütfen önce bir randevu alın, ardından belgeleri buradan gönderin.
document-refused-full = Bu randevu için zaten { $max } dosya var, daha fazlasını saklayamıyorum. Lütfen önce birini silin: /appointments yazın, ardından randevuyu ve “Belgeler” seçeneğini seçin.
document-refused-duplicate = Bu dosyayı zaten gönderdiniz, başka bir şey yapmanıza gerek yok. Dosyanın hangi belgeye ait olduğunu /appointments yazıp ardından “Belgeler” seçeneğinden belirleyebilirsiniz.
document-refused-duplicate-of = Bu dosyayı “{ $document }” için zaten gönderdiniz. Başka bir şey yapmanıza gerek yok.
document-refused-unavailable = Bu dosyayı alamadım. Lütfen tekrar gönderin.
document-refused-off = Bu birim sohbet üzerinden belge kabul etmiyor. Lütfen belgeleri görüşme için hazır bulundurun.

# A file arrived and was kept.
document-arrived = Teşekkürler, dosyanız ulaştı.
document-kept = Teşekkürler, “{ $document }” için gönderdiğiniz dosyayı aldım.
document-kept-replaced = Teşekkürler, “{ $document }” için artık yeni dosya geçerli.
document-still-missing = Hâlâ eksik: { $documents }.
document-all-sent = Tüm belgeler tamam. Görevli, görüşmeniz başladığında bunları görecek.
document-removed = “{ $document }” için gönderilen dosya silindi.
document-gone = Bu dosya artık mevcut değil. Lütfen tekrar gönderin.
# The name of a file whose checklist item is not known yet.
document-unnamed = Belge

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = { $reference } numaralı randevunuz için belgeler ({ $service }, { $date }):
document-list-sent = ✅ { $document }: gönderildi ({ $size })
document-list-missing = ⬜ { $document }: henüz gönderilmedi
document-list-hint = Her belgenin fotoğrafını veya PDF dosyasını buradan gönderin. Dosya başına en fazla { $mb } MB, randevu başına en fazla { $max } dosya gönderebilirsiniz. Görevli, görüşmeniz başladığında bunları görür; dosyalar randevudan sonra silinir.
document-send-prompt = Lütfen şimdi “{ $document }” belgesini fotoğraf veya PDF dosyası olarak gönderin.
document-which-prompt = Dosyanız ({ $size }) ulaştı. Bu hangi belge?
option-documents = Belgeler ({ $sent }/{ $total } gönderildi)
option-send-document = Gönder: { $document }
option-replace-document = Değiştir: { $document }
option-remove-document = Sil: { $document }

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = { $reference } numaralı randevu için belge: { $document }, { $size }, gönderilme tarihi: { $date }

# The web chat's form for a document (below the text field).
web-file-title = Belge gönder
web-file-hint = Randevunuz için bir fotoğraf veya PDF dosyası, en fazla 10 MB. Görevli, görüşmeniz başladığında bunu görür.
web-file-label = Dosya seçin
web-file-send = Yükle
