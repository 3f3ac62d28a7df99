# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = merhaba, merhabalar, selam, selamlar, günaydın, iyi günler, iyi akşamlar, kolay gelsin, iyi çalışmalar
question-thanks-keywords = teşekkürler, teşekkür ederim, çok teşekkürler, sağ olun, sağolun, çok sağ olun, eyvallah, mersi
question-hours-keywords = çalışma saatleri, çalışma saatleriniz, mesai saatleri, açılış saatleri, ne zaman açık, açık mısınız, kaçta açılıyor, kaça kadar açık, hangi günler açık
question-address-keywords = adresiniz, adres nedir, neredesiniz, büro nerede, bürosu nerede, bürgeramt nerede, nereye gelmeliyim, konumunuz, yol tarifi
question-cost-keywords = ücret, fiyat, kaç para, kaç euro, ne kadar tutar, harç, masraf, ücretli mi, ücretsiz mi
question-duration-keywords = ne kadar sürer, ne kadar sürüyor, ne kadar zaman, kaç dakika, kaç saat sürer, süresi nedir, uzun sürer mi
question-documents-keywords = hangi belgeler, gerekli belgeler, hangi evraklar, gerekli evraklar, ne gerekiyor, ne lazım, ne getirmeliyim, yanımda ne
question-payment-keywords = ödeme, nasıl öderim, nasıl ödeyebilirim, ödeyebilir miyim, ödeme yöntemi, kredi kartı, kartıyla, havale, nakit
question-call-keywords = görüntülü görüşme, görüntülü arama, video görüşme, görüşme nasıl, nasıl işliyor, kamera, mikrofon, nasıl hazırlanırım, uygulama gerekli
question-proxy-keywords = vekaletname, vekalet, vekil, yerime, benim yerime, başka biri, başkası gidebilir, başkası gelebilir, eşim gidebilir

question-greeting = Merhaba, hoş geldiniz! Ben Vatandaş Hizmetleri Bürosunun sanal gişesiyim.
question-thanks = Rica ederim!

question-hours-title = Sanal gişenin önümüzdeki 7 gündeki çalışma saatleri:
# $day is the date as in the booking ("2 Şubat Salı"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: kapalı
question-hours-day-closed = { $day }: kapalı (resmî tatil veya kapalı gün)
question-hours-open-now = Şu anda açığız. Bugün kapanış saati: { $until }.
question-hours-closed-now = Şu anda kapalıyız. Yeniden açılış: { $day }, saat { $time }.
question-hours-closed-now-unknown = Şu anda kapalıyız. Sonraki çalışma saatleri henüz belli değil.

question-address = Vatandaş Hizmetleri Bürosuna şahsen bu adresten ulaşabilirsiniz: { $address }

# $fee is "ücretsiz" or an amount; $duration as in the checklist ("20 dakika").
question-cost-duration = { $service }: { $fee }; görüntülü görüşme yaklaşık { $duration } sürer.
question-cost-duration-in-person = { $service }: { $fee }; büroda yapılan randevu yaklaşık { $duration } sürer.
question-cost-all = Hizmetlerimizin ücretleri ve süreleri:
question-cost-all-line = • { $service }: { $fee }, yaklaşık { $duration }

question-documents = “{ $service }” için gerekenler: { $documents }. Belgeleri görüşmeden önce buradan, sohbet üzerinden gönderebilirsiniz.
question-documents-none = “{ $service }” için herhangi bir belge gerekmiyor.
question-which-service = Hangi hizmet için? Örneğin “İkamet kaydı için ne gerekiyor?” veya “vekaletname iyi hal belgesi” yazın.

question-payment-online = Ücretleri evden ödersiniz: Görüşmeden sonra burada belediyenin ödeme sayfasına giden bir bağlantı alırsınız. Ödenmemiş ücretleri istediğiniz zaman “Randevularım” bölümünde bulabilirsiniz.
question-payment-after-call = Ücreti görüşmeden sonra ödersiniz. Nasıl ödeyeceğinizi görevli size görüşme sırasında söyler.

question-call = Görüntülü görüşme şöyle işler: Randevu saatinizde burada check-in yapar ve sanal bekleme odasında beklersiniz. Sıra size geldiğinde bir bağlantı alırsınız. Bu bağlantı görüşmeyi tarayıcınızda açar, uygulama gerekmez. Tarayıcının kameranızı ve mikrofonunuzu kullanmasına izin verin. Kimliğinizi ve belgelerinizi hazır bulundurun.

question-proxy-form = “{ $service }” işlemini sizin yerinize başka biri de yapabilir. Bunun için o kişinin yanında şu belge olmalı: { $form }.
question-proxy-in-person = “{ $service }” işlemini kendiniz yapmanız gerekir. Başka biri bunu sizin yerinize yapamaz.
question-proxy-ask = “{ $service }” işlemini sizin yerinize başka birinin yapıp yapamayacağını görevli sizinle birlikte netleştirir. Lütfen görüşme sırasında sorun.

question-unanswered = Bu konuda maalesef yardımcı olamıyorum. Bana örneğin çalışma saatlerini, bir hizmetin ücretini ya da görüntülü görüşmenin nasıl yapıldığını sorabilirsiniz.
question-unanswered-clerk = Vatandaş Hizmetleri Bürosu şu anda açık: Menüden hemen bir görevliyle görüşebilirsiniz (“menü”).

# The questions as buttons on the help screen.
question-button-hours = Çalışma saatleri
question-button-address = Büro nerede?
question-button-cost = Ücret ve süre
question-button-call = Görüntülü görüşme nasıl işler?
question-button-payment = Nasıl öderim?
question-button-proxy = Yerime başkası gidebilir mi?
