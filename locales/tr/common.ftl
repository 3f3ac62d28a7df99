# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Türkçe
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = türkçe, turkish, türkisch, turkce
pick-language = Lütfen dilinizi seçin.
language-changed = Bundan sonra sizinle Türkçe konuşacağım.

welcome = Sanal Vatandaş Hizmetleri Bürosuna (Bürgeramt) hoş geldiniz! Doğru hizmeti bulmanıza yardımcı olurum, hangi belgelere ihtiyacınız olduğunu gösteririm ve görüntülü görüşme için randevunuzu alırım.
welcome-back = Tekrar hoş geldiniz! Kaldığınız yerden devam edelim.
main-menu-prompt = Ne yapmak istersiniz?

menu-book = Randevu al
menu-appointments = Randevularım
menu-checklist = Hangi belgeler gerekli?
menu-help = Yardım
menu-language = Dili değiştir

option-back = Geri
option-main-menu = Ana menü

help-text =
    Sanal Vatandaş Hizmetleri Bürosu şöyle çalışır:
    • Bir seçeneğin numarasını yazarak veya düğmesine dokunarak seçim yapın.
    • İhtiyacınızı kendi sözlerinizle de yazabilirsiniz, örneğin “ikamet kaydı” veya “sabıka kaydı”.
    • İstediğiniz zaman “menü” yazarak başa dönebilir, “dil” yazarak dili değiştirebilirsiniz.
    • Görevliyle görüşme görüntülü olarak yapılır. İnternet tarayıcısı olan bir akıllı telefon yeterlidir.

input-empty = Mesajınız boş.
input-too-long =
    Mesajınız çok uzun: en fazla { $max ->
        [one] { $max } karakter
       *[other] { $max } karakter
    } olabilir.
input-unreadable = Maalesef bu mesajı okuyamıyorum.
input-not-understood = Maalesef bunu anlayamadım.
input-hint = Lütfen listeden bir numara seçin veya bir anahtar kelime yazın.
option-expired = Bu seçim artık geçerli değil. Güncel seçenekler aşağıdadır.
error-temporary = Şu anda bizde bir sorun oluştu. Lütfen birazdan tekrar deneyin.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menü, ana menü, başla, baştan başla, yeniden başla, başa dön, en başa
keywords-help = yardım, yardım edin, yardım lütfen, ne yapabilirim, nasıl çalışıyor
keywords-language = dil, dil değiştir, dili değiştir, lisan
keywords-back = geri, geri dön, önceki

# Dates and times in office-local time.
weekday-1 = Pazartesi
weekday-2 = Salı
weekday-3 = Çarşamba
weekday-4 = Perşembe
weekday-5 = Cuma
weekday-6 = Cumartesi
weekday-7 = Pazar
month-1 = Ocak
month-2 = Şubat
month-3 = Mart
month-4 = Nisan
month-5 = Mayıs
month-6 = Haziran
month-7 = Temmuz
month-8 = Ağustos
month-9 = Eylül
month-10 = Ekim
month-11 = Kasım
month-12 = Aralık
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $day } { $month } { $weekday }
time-of-day = saat { $time }
duration-minutes =
    { $minutes ->
        [one] { $minutes } dakika
       *[other] { $minutes } dakika
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = ücretsiz

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Maalesef resimleri, sesli mesajları, çıkartmaları ve dosyaları okuyamıyorum. Lütfen bana yazın.
input-edited = Düzenlenmiş mesajları okumuyorum. Lütfen yeni bir mesaj gönderin.
input-undecryptable = Son mesajınızın şifresini çözemedim. Lütfen tekrar gönderin.
command-unknown = Bu komutu tanımıyorum. Kullanabileceğiniz komutlar: /start, /language, /help, /cancel, /appointments, /privacy, /mydata ve /forget.
private-only = Yalnızca özel sohbette çalışıyorum. Lütfen bana doğrudan yazın.
command-start = Baştan başla
command-language = Dili değiştir
command-help = Yardım
command-cancel = İptal et ve ana menüye dön
command-appointments = Randevularım
option-join-video = Görüntülü görüşmeye katıl
mydata-file = Verileriniz dosya olarak (JSON):
