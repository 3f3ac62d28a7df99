# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Görüşmeden önce kameranızı, mikrofonunuzu ve sesi test edin (2 dakika sürer): { $link }
device-check-try = Kameranızın ve mikrofonunuzun çalışıp çalışmadığını önceden buradan test edebilirsiniz: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = Teknik kontrolde bir sorun çıktı: { $parts }. Lütfen beklerken tekrar test edin: { $link }
device-part-camera = kamera
device-part-microphone = mikrofon
device-part-speaker = hoparlör
device-part-connection = bağlantı

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone veya iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = uygulama içi tarayıcı
device-platform-desktop = bilgisayar
device-platform-other = diğer cihaz

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = teknik kontrol yapılmadı
desk-device-camera-ok = ✓ kamera
desk-device-camera-failed = ⚠ kamera yok
desk-device-microphone-ok = ✓ mikrofon
desk-device-microphone-failed = ⚠ mikrofon yok
desk-device-speaker-ok = ✓ ses
desk-device-speaker-failed = ⚠ ses yok
desk-device-connection-ok = ✓ bağlantı
desk-device-connection-failed = ⚠ bağlantı yok

## The page.
check-title = Görüntülü görüşmeniz için teknik kontrol
check-intro = 2 dakikada kameranızı, mikrofonunuzu ve sesi kontrol ediyoruz. Böylece görevliyle görüşmeniz sorunsuz olur.
# $service, $date, $time: the booked appointment.
check-appointment = Randevunuz: { $service }, { $date }, { $time }
check-privacy = Görüntü ve ses cihazınızda kalır. Hiçbir şey kaydedilmez veya gönderilmez.
check-privacy-saved = Yalnızca her bölümün çalışıp çalışmadığını ve ne tür bir cihaz kullandığınızı kaydederiz. Görevli bunu randevunuzda görür.
check-expired = Bu bağlantı artık geçerli değil: Randevunun zamanı geçmiş veya randevu iptal edilmiş. Yine de cihazınızı burada test edebilirsiniz.
check-permission-note = Tarayıcınız birazdan bu sayfanın kamerayı ve mikrofonu kullanıp kullanamayacağını soracak. “İzin ver” seçeneğine dokunun.
check-start = Kontrolü başlat
check-again = Tekrar dene
check-noscript = Kontrol için tarayıcınızda JavaScript gerekir. JavaScript'i açın veya sayfayı başka bir tarayıcıda açın.

check-camera = Kamera
check-microphone = Mikrofon
check-speaker = Hoparlör
check-connection = Görüntülü görüşme hizmetine bağlantı
check-camera-preview = Kameranızın görüntüsü
check-state-waiting = Henüz kontrol edilmedi.
check-state-running = Kontrol ediliyor …
check-state-ok = Çalışıyor.
check-state-failed = Çalışmıyor.

check-level-label = Mikrofonunuzun ses seviyesi
check-level-none = Henüz bir şey duymuyoruz. Lütfen birkaç kelime söyleyin.
check-level-low = Sesiniz çok kısık geliyor. Biraz daha yüksek sesle veya cihaza daha yakından konuşun.
check-level-good = Sizi iyi duyuyoruz.

check-speaker-play = Test sesini çal
check-speaker-question = Sesi duydunuz mu?
check-speaker-yes = Evet, duydum
check-speaker-no = Hayır
check-speaker-help = Sesi açın ve sessiz modu kapatın. Kulaklık kullanıyorsanız: Kulaklık bağlı mı? Ardından sesi tekrar çalın.

check-connection-ok = Görüntülü görüşme hizmetine ulaşılabiliyor.
check-connection-failed = Görüntülü görüşme hizmetine buradan ulaşılamıyor. Başka bir ağ deneyin, örneğin mobil veri yerine Wi-Fi ya da tam tersi.
check-connection-unsupported = Bu tarayıcı görüntülü görüşme yapamıyor. Lütfen sayfayı güncel bir tarayıcıda açın.

## Why something failed, and what to do.
check-fail-denied = Erişime izin verilmedi. İzni şöyle verebilirsiniz:
check-fail-missing = Cihazınızda kamera veya mikrofon bulamıyoruz. Bir akıllı telefon kullanın ya da bir kamera veya mikrofonlu kulaklık takın.
check-fail-busy = Şu anda başka bir uygulama kamerayı veya mikrofonu kullanıyor, örneğin başka bir görüntülü görüşme. Bu uygulamayı kapatın ve tekrar deneyin.
check-fail-unsupported = Bu tarayıcı, kamerayı ve mikrofonu web sayfalarının kullanımına açamıyor. Sayfayı Safari'de (iPhone) veya Chrome'da (Android) açın.
check-fail-silent = Hiçbir şey duymuyoruz. Mikrofon sessize mi alınmış? Birkaç kelime söyleyin.
check-steps-title = Cihazınızda şöyle yapabilirsiniz:
check-steps-more = Diğer cihazlar için talimatlar
check-in-app = Bu sayfayı bir uygulamanın içinde açtınız, örneğin Telegram veya Instagram'da. Orada kamera çoğu zaman çalışmaz.
check-copy-link = Kopyalamak için bağlantı:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Adres çubuğunun solundaki “aA” simgesine dokunun.
    “Web Sitesi Ayarları” seçeneğine dokunun.
    Kamera ve Mikrofon için “İzin Ver” seçeneğini seçin.
    Bu sayfayı yeniden yükleyin.
check-steps-android =
    Adresin solundaki, ayar çubukları olan simgeye dokunun.
    “İzinler” seçeneğine dokunun.
    Kamerayı ve mikrofonu açın.
    Bu sayfayı yeniden yükleyin.
check-steps-samsung =
    Alttaki üç çizgili menüye dokunun.
    “Ayarlar” seçeneğine, ardından “Siteler ve indirmeler” seçeneğine dokunun.
    “Site izinleri” seçeneğine dokunun ve bu sayfa için kameraya ve mikrofona izin verin.
    Bu sayfayı yeniden yükleyin.
check-steps-firefox =
    Adres çubuğunun solundaki kilit simgesine dokunun veya tıklayın.
    Orada kameraya ve mikrofona izin verin.
    Bu sayfayı yeniden yükleyin.
check-steps-in-app =
    Sağ üstteki menüye dokunun (⋮ veya …).
    “Tarayıcıda aç” seçeneğini seçin.
    Kontrolü orada yeniden başlatın.
check-steps-desktop =
    Adres çubuğunun solundaki simgeye (kilit veya kamera) tıklayın.
    Bu sayfa için kameraya ve mikrofona izin verin.
    Bu sayfayı yeniden yükleyin.
check-steps-other =
    Tarayıcınızın ayarlarını açın.
    Bu sayfa için kameraya ve mikrofona izin verin.
    Bu sayfayı yeniden yükleyin.

check-done-ready = Görüntülü görüşmeniz için her şey hazır. Bu sayfayı artık kapatabilirsiniz.
check-done-problems = Henüz her şey çalışmıyor. Lütfen yukarıdaki açıklamaları okuyun.
check-saved = Sonuç kaydedildi.
check-error-save = Sonuç kaydedilemedi. Lütfen tekrar deneyin.
check-error-input = Bu bilgileri okuyamıyorum. Lütfen sayfayı yeniden yükleyin.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = { $reference } için teknik kontrol: { $result }
