# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Lütfen e-posta adresinizi onaylayın
mail-confirm-body =
    Randevunuzla ilgili hatırlatma almak için Vatandaş Hizmetleri Bürosu ile sohbette bu adresi verdiniz: { $service }, { $date }, { $time }.

    Lütfen adresi aşağıdaki bağlantıyla onaylayın. Size ancak bundan sonra e-posta göndeririz.

    Bu adresi siz vermediyseniz bir şey yapmanıza gerek yok. Onay olmadan bizden başka bir şey almazsınız ve adres bir gün sonra silinir.
mail-confirm-action = Adresi onayla

mail-booked-subject = Randevunuz: { $service }, { $date }
mail-booked-body =
    Randevunuz alındı: { $service }, { $date }, { $time }. Randevu numaranız: { $reference }.

    Takviminize ekleyebileceğiniz randevu dosyası ektedir. Randevudan { $minutes } dakika önceden itibaren sohbette check-in yapabilirsiniz.
mail-booked-action = Sohbete git

mail-remind-subject = Hatırlatma: { $service }, { $date }, { $time }
mail-remind-body =
    Randevunuzu hatırlatmak isteriz: { $service }, { $date }, { $time }.

    Randevudan { $minutes } dakika önceden itibaren sohbette check-in yapabilirsiniz.
mail-remind-action = Sohbete git

mail-checkin-subject = Artık check-in yapabilirsiniz
mail-checkin-body =
    Randevunuz birazdan başlıyor: { $service }, { $time }.

    Sohbeti açın ve check-in yapın. Ardından sanal bekleme odasına geçersiniz.
mail-checkin-action = Sohbete git ve check-in yap

mail-called-subject = Görevli sizi şimdi arıyor
mail-called-body =
    Sıra sizde: { $service }.

    Lütfen şimdi sohbeti açın. Görüntülü görüşmenin bağlantısını orada bulacaksınız.
mail-called-action = Sohbete dön

mail-footer = Bu e-postayı, { $reference } numaralı randevunuz için sohbette bu adresi verdiğiniz için alıyorsunuz. Adresinizi randevudan sonra sileriz.
mail-stop = E-posta almayı durdur

mydata-mail = Hatırlatmalar için e-posta adresi: { $address } ({ $state })
mydata-mail-pending = henüz onaylanmadı
mydata-mail-confirmed = onaylandı
mydata-mail-bounced = teslim edilemiyor

web-mail-title = E-posta ile hatırlatma
web-mail-hint = İsteğe bağlı. Yalnızca bir sonraki randevunuz için: onay, hatırlatmalar ve sıra size geldiğinde bir bildirim. Adres randevudan sonra silinir.
web-mail-label = E-posta adresiniz
web-mail-send = Onay bağlantısı gönder
web-mail-sent = { $address } adresine bir bağlantı gönderdik. Adresi onaylamak için lütfen bu bağlantıyı açın.
web-mail-confirmed-already = Bu adres randevunuz için zaten onaylandı.
web-mail-bounced = Bu adrese e-posta teslim edemedik. Lütfen başka bir adres girin.
web-mail-no-booking = Önce bir randevu alın. Ardından hatırlatmaları e-posta ile alabilirsiniz.
web-mail-invalid = Bu, ulaşabileceğimiz bir e-posta adresi değil. Örnek: name@example.org
web-mail-link-invalid = Bu bağlantı artık geçerli değil. Süresi dolmuş ya da daha önce kullanılmış. Adresinizi sohbette yeniden girebilirsiniz.
web-mail-confirm-title = E-posta adresini onaylayın
web-mail-confirm-text = Onayladığınızda randevunuzla ilgili e-postalar alırsınız: takvim dosyalı onay, hatırlatmalar ve sıra size geldiğinde bir bildirim.
web-mail-confirm-button = Adresi onayla
web-mail-confirm-done = Teşekkürler! Adresiniz onaylandı. Takvim dosyalı randevu onayı birazdan e-posta ile gelecek.
web-mail-stop-title = E-posta bildirimlerini durdurun
web-mail-stop-text = Bu durumda bu randevuyla ilgili artık e-posta almazsınız ve adresinizi sileriz. Randevunuz geçerliliğini korur.
web-mail-stop-button = E-postaları durdur
web-mail-stop-done = Tamamlandı. Adresiniz silindi, artık e-posta almayacaksınız. Randevunuz geçerliliğini koruyor.
web-back-title = Sohbete dön
web-back-text = Böylece Vatandaş Hizmetleri Bürosu ile sohbetinizi bu tarayıcıda açarsınız.
web-back-button = Sohbeti aç
