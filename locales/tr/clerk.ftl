# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Gişe: { $clerk }. Komutları görmek için “help” yazın.
desk-not-clerk = { $clerk } görevli olarak kayıtlı değil (SCHALTER_MATRIX_CLERKS). Bekleme odasını yalnızca kayıtlı görevliler yönetebilir.
desk-help =
    Komutlar:
    next – sıradaki kişiyi çağır
    take REF – belirli bir kişiyi çağır
    done [not] – görüşmeyi bitir
    noshow – gelmedi olarak işaretle
    back – kişiyi bekleme odasına geri gönder
    queue – bekleme odasını göster
    today – bugünkü randevular
    say KEY – kişiye hazır bir mesaj gönder (camera, microphone, documents, moment, link)
    fee [TUTAR] [açıklama] – görüşmenin ücretini belirle veya bir kalem ekle
    paid REF – ödeme durumunu göster
    refund REF [TUTAR] – ödemeyi iade et
    away / available – müsait değil / müsait
    help – bu yardım metni
desk-unknown = Bu komutu tanımıyorum.
desk-picked =
    Çağrıldı: { $reference } · { $service } · { $lang } · { $waited } dk'dır bekliyor
    Eksik: { $open }
desk-video = Video: { $url }
desk-video-invited = Video odası hazır: Daveti Element'te bulabilirsiniz. Bu odayı yalnızca memurlar okumadığı için bağlantı buraya gönderilmedi.
desk-nobody = Bekleyen kimse yok.
desk-not-waiting = { $reference } şu anda sırada değil.
desk-busy = Hâlâ { $reference } ile görüşmedesiniz. Lütfen önce görüşmeyi done, noshow veya back ile kapatın.
desk-done = { $reference } tamamlandı.
desk-noshow = { $reference } gelmedi olarak işaretlendi.
desk-back = { $reference } bekleme odasına geri gönderildi.
desk-no-call = Şu anda bir görüşmede değilsiniz.
desk-queue-empty = Bekleme odası boş.
desk-queue-title = Bekleme odası: { $count } kişi bekliyor, { $clerks } görevli hizmette
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · { $waited } dk'dır bekliyor · eksik: { $open }
desk-in-call-line = Görüşmede: { $reference }, { $clerk } ile
desk-away = Artık müsait değilsiniz; bekleme süresi hesabına katılmıyorsunuz.
desk-available = Artık müsaitsiniz.
desk-walk-in = randevusuz
desk-checklist-complete = yok
desk-agenda-title = Günaydın! Bugün { $count } randevu var.
desk-today-title = Bugünkü randevular: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · gişe { $desk }
desk-say-sent = Mesaj gönderildi ({ $reference }): { $key }
desk-say-keys = Böyle bir mesaj yok. Hazır mesajlar: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
