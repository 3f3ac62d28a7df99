# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Şimdi check-in yap: { $service }, { $time }
menu-walk-in = Şimdi bir görevliyle görüş
option-check-in = Şimdi check-in yap
check-in-not-yet = { $time } itibarıyla check-in yapabilirsiniz.
check-in-too-late = Maalesef bu randevunun saati geçti. Lütfen yeni bir randevu alın.
walk-in-closed = Sanal Vatandaş Hizmetleri Bürosu şu anda kapalı. Dilerseniz bir randevu alabilirsiniz.

waiting-status = Sanal bekleme odasındasınız. Sıradaki yeriniz: { $position }.
waiting-eta = Tahmini bekleme süresi: yaklaşık { $wait }.
waiting-eta-now = Birazdan sıra size gelecek.
waiting-eta-unknown = Şu anda hizmet veren görevli yok. Sıra ilerlemeye başlayınca size haber vereceğiz.
waiting-hint = Sıra size geldiğinde görüntülü görüşmenin bağlantısını burada alacaksınız.
option-refresh = Yenile
option-leave-queue = Bekleme odasından çık
queue-left = Bekleme odasından çıktınız.

called = Sıra sizde! Görevli sizi şimdi görüntülü görüşmede bekliyor.
called-link = Bu bağlantıyı akıllı telefonunuzun tarayıcısında açın: { $url }
called-no-link = Görevli birazdan sizinle iletişime geçecek.
in-call = Şu anda görevliyle görüşüyorsunuz.
visit-done = Sanal Vatandaş Hizmetleri Bürosunu ziyaret ettiğiniz için teşekkür ederiz!
visit-no-show = Maalesef görevli size ulaşamadı. Lütfen yeni bir randevu alın.
back-in-queue = Bekleme odasına geri döndünüz; sıradaki yeriniz korundu.

reminder-day = Hatırlatma: “{ $service }” için görüntülü randevunuz yarın: { $date }, { $time } (randevu numarası: { $reference }).
reminder-soon = “{ $service }” için görüntülü randevunuz yakında başlıyor: { $time }. Lütfen belgelerinizi hazır bulundurun.
check-in-open = “{ $service }” randevunuz ({ $time }) için artık check-in yapabilirsiniz.
appointment-missed = Maalesef “{ $service }” randevunuzu ({ $time }) kaçırdınız. Lütfen yeni bir randevu alın.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Lütfen kameranızı açın – bunun için görüntülü görüşmede kamera simgesine dokunun.
say-microphone = Maalesef sizi duyamıyoruz. Lütfen mikrofonunuzu açın – mikrofon simgesine dokunun.
say-documents = Lütfen şimdi kimlik kartınızı ve belgelerinizi hazır bulundurun.
say-moment = Lütfen biraz bekleyin, birazdan sizinleyim.
say-link = Lütfen görüntülü görüşmeye ait bu bağlantıyı akıllı telefonunuzun tarayıcısında açın:
