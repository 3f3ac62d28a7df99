# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Bu dosya boş. Lütfen belgeyi tekrar gönderin.
document-refused-too-large = Bu dosya { $mb } MB sınırını aşıyor. Lütfen daha küçük bir fotoğraf veya tarama gönderin, örneğin daha düşük çözünürlüklü bir PDF.
document-refused-not-accepted = Yalnızca PDF dosyalarını ve fotoğrafları (JPEG, PNG veya HEIC) kabul edebiliyorum. Lütfen belgeyi bu biçimlerden birinde gönderin. Her sayfanın fotoğrafını da gönderebilirsiniz.
document-refused-pdf-active = Bu PDF dosyası bir betik (script) içeriyor, bu yüzden kabul edemiyorum. Lütfen bunun yerine sayfaların fotoğraflarını gönderin ya da dosyayı yeni bir PDF olarak tekrar kaydedin.
document-refused-pdf-embedded = Bu PDF dosyasına başka dosyalar eklenmiş, bu yüzden kabul edemiyorum. Lütfen belgeyi ekleri olmadan gönderin ya da sayfaların fotoğraflarını gönderin.
document-refused-pdf-encrypted = Bu PDF dosyası şifreyle korunuyor, bu yüzden görevli dosyayı açamaz. Lütfen dosyayı şifresiz gönderin ya da sayfaların fotoğraflarını gönderin.
document-refused-unreadable = Bu dosyayı okuyamadım. Dosya bozuk olabilir. Lütfen dosyayı tekrar gönderin ya da sayfaların fotoğraflarını gönderin.
