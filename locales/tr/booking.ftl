# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = Hangi hizmet için randevu almak istiyorsunuz? Listeden seçin veya bir anahtar kelime yazın.
pick-service-checklist-prompt = Hangi hizmet için gerekli belgeleri öğrenmek istersiniz?
service-not-found = Bununla ilgili bir hizmet bulamadım.
service-ambiguous = Şu hizmetlerden birini mi kastediyorsunuz?
service-in-person-only = Bu hizmet için şahsen gelmeniz gerekir.

checklist-title = “{ $service }” için gerekenler:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (sizin için geçerliyse)
checklist-fee-none = Bu hizmet ücretsizdir.
checklist-fee = Ücret: { $fee }. Ödemeyi görüşmeden sonra rahatça evden yapabilirsiniz.
checklist-duration = Görüntülü görüşmenin süresi: yaklaşık { $duration }.
checklist-tick-hint = Hazır olanları işaretleyin – böylece görevli neyin eksik olduğunu görür.
checklist-all-done = Her şey hazır.
option-tick = Bende var: { $document }
option-untick = Henüz yok: { $document }
option-continue-to-dates = Tarih seçimine geç
option-book-this = Bu hizmet için randevu al

pick-day-prompt = Hangi gün size uygun?
option-later-days = Sonraki günler
option-earlier-days = Önceki günler
no-free-days = Maalesef önümüzdeki { $days ->
        [one] { $days } gün
       *[other] { $days } gün
    } içinde boş randevu yok. Lütfen daha sonra tekrar deneyin.
no-more-days = Daha ileri bir tarih için henüz randevu alınamıyor.
pick-time-prompt = { $date } için hangi saat size uygun?
option-more-times = Daha geç saatler
day-full = Maalesef bu günde boş randevu kalmadı. Lütfen başka bir gün seçin.

slot-held =
    Bu randevuyu { $duration } boyunca sizin için ayırıyorum:
    { $service }
    { $date }, { $time }
    Lütfen randevuyu onaylayın.
option-confirm = Randevuyu onayla
hold-warning = Bu randevuyu sizin için yalnızca { $time } olana kadar ayırıyorum. Daha fazla zamana ihtiyacınız var mı?
hold-extended = Tamam, randevuyu { $time } olana kadar sizin için ayırıyorum.
option-hold-more = Ek süre
option-other-time = Başka bir saat seç
option-abort = Vazgeç
slot-taken = Maalesef bu saat az önce doldu. Lütfen başka bir saat seçin.
booking-aborted = Tamam, randevu alınmadı.

booking-confirmed =
    Randevunuz alındı.
    Randevu numarası: { $reference }
    { $service }
    { $date }, { $time }
    Görüşme görüntülü olarak yapılacak. Lütfen belgelerinizi hazır bulundurun.
