# My appointments: list, cancel, reschedule.

appointments-none = Şu anda yaklaşan bir randevunuz yok.
appointments-count =
    { $count ->
        [one] Yaklaşan bir randevunuz var.
       *[other] Yaklaşan { $count } randevunuz var.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Randevu numarası: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Zamanını değiştirmek veya iptal etmek istediğiniz randevuyu seçin.
option-cancel-appointment = Randevuyu iptal et
option-reschedule = Randevu zamanını değiştir
cancel-confirm-prompt = { $date } tarihli { $reference } numaralı randevuyu gerçekten iptal etmek istiyor musunuz?
option-yes-cancel = Evet, iptal et
option-no-keep = Hayır, kalsın
appointment-cancelled = { $reference } numaralı randevu iptal edildi.
appointment-kept = Peki, randevunuz geçerli kalıyor.
appointment-gone = Bu randevu artık mevcut değil.
reschedule-intro = “{ $service }” için yeni bir randevu seçin. Yeni randevuyu onaylayana kadar mevcut randevunuz geçerli kalır.
appointment-rescheduled =
    Randevunuzun zamanı değiştirildi. Randevu numarası aynı kalıyor: { $reference }
    { $service }
    { $date }, { $time }

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Takvim dosyası olarak randevunuz: { $service }, { $date }, { $time } (randevu numarası { $reference }). Randevuyu takviminize eklemek için dosyayı açın.
calendar-file-cancel = { $reference } numaralı randevu iptal edildi. Randevunun takviminizden de silinmesi için bu takvim dosyasını açın.
calendar-summary = Vatandaş Hizmetleri Bürosu ile görüntülü randevu: { $service }
calendar-description =
    { $service }
    Randevu numarası: { $reference }
    Nasıl katılırsınız: Randevu başlamadan { $minutes } dakika önce size sohbette bir mesaj göndeririz; orada check-in yapabilirsiniz (“{ option-check-in }”). Ardından sanal bekleme odasında beklersiniz. Sıra size geldiğinde görüntülü görüşmenin bağlantısını sohbette alırsınız. Bağlantıyı akıllı telefonunuzun ya da bilgisayarınızın tarayıcısında açın.
    Lütfen belgelerinizi hazır bulundurun.
calendar-description-cancelled =
    Bu randevu iptal edildi.
    Randevu numarası: { $reference }
