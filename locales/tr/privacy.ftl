privacy-line = Kişisel verilerin korunması: { $url } – ayrıntılar için /privacy
privacy-notice =
    Kişisel verilerin korunması
    Veri sorumlusu: { $controller }
    Veri koruma görevlisi: { $contact }
    Amaç: Bize yazdıklarınızı, randevularınızı, bekleme odasına girişlerinizi ve ücretlerinizi saklıyoruz. Bunlarla talebinizi işleme alır, size randevularınızı hatırlatır ve sizi görüntülü görüşmeye bağlarız. Görüşmeden sonra değerlendirme yapıp yapmamak size kalmıştır.
    Hukuki dayanak: { $legal_basis ->
        [none] Genel Veri Koruma Tüzüğü (GDPR) madde 6 fıkra 1 bent e (kamu yararına yürütülen bir görevin yerine getirilmesi)
       *[other] { $legal_basis }
    }
    Verileri kimler alır: üzerinden yazdığınız mesajlaşma uygulaması (Telegram: Dubai'deki Telegram FZ-LLC, yani AB dışında; Avrupa Komisyonu'nun Birleşik Arap Emirlikleri için verdiği bir yeterlilik kararı yoktur; Matrix: belediyenin Matrix sunucusu); web sohbetinde bizden başka hiç kimse (orada bir e-posta adresi verirseniz, e-postaları ileten belediyenin e-posta sunucusu da); görüşme için kullanılan görüntülü görüşme hizmeti; çevrimiçi ödeme yaparsanız ödeme sağlayıcısı (Stripe Payments Europe, Dublin).
    Saklama süresi: { $idle } gün boyunca hiçbir şey yazmadığınız bir yazışmayı sileriz. Randevudan { $appointment } gün sonra o randevudan geriye yalnızca sizinle ilişkilendirilemeyecek bilgiler kalır (hizmet, dil, gün, bekleme süresi). İletilen mesajları { $delivered } gün sonra, görevlilerin notlarını { $notes } gün sonra sileriz. Hatırlatmalar için verdiğiniz e-posta adresini randevu sona erer ermez sileriz (onaylanmamışsa bir gün sonra).
    Haklarınız: Erişim – /mydata hakkınızda neleri sakladığımızı gösterir. Silme – /forget her şeyi siler. Düzeltme, kısıtlama ve itiraz için veri koruma görevlisine yazın.
    Şikâyet: Denetim makamına şikâyette bulunabilirsiniz: { $authority ->
        [none] eyaletinizdeki veri koruma denetim makamı.
       *[other] { $authority }
    }
    Ayrıntılar: { $url }
keywords-privacy = gizlilik, veri koruma, veri gizliliği, gizlilik politikası, kişisel verilerin korunması, veri koruma bildirimi, aydınlatma metni
keywords-mydata = verilerim, kişisel verilerim, kayıtlı verilerim, bilgilerim, verilerimi göster, verilerimi görmek istiyorum, hakkımda ne biliyorsunuz, hakkımda hangi veriler var, hangi verilerimi saklıyorsunuz
keywords-forget = verilerimi sil, verilerimi silin, tüm verilerimi sil, kişisel verilerimi sil, bilgilerimi sil, verilerimi silmek istiyorum, beni unutun, beni unut, her şeyi sil, hesabımı sil
mydata-title = Hakkınızda sakladığımız bilgiler:
mydata-conversation = Bizimle yazışmanız: dil { $lang }, son yazışma { $date }
mydata-booking = Randevu { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = Bekleme odası, { $date }: { $service } – { $status }
mydata-payment = Ücret { $reference }: { $amount } – { $state }
mydata-feedback = Değerlendirmeniz: 5 üzerinden { $rating } { $comment }
mydata-messages = Size gönderilen mesajlar (henüz iletilmemiş veya son günlere ait): { $messages }; son günlerde yaptığınız girişler (metinleri olmadan): { $inputs }
mydata-nothing = Hiçbir şey.
mydata-retention = Silme süreleri: { $idle } gün boyunca mesaj yazılmayan bir yazışma silinir; kimliğinizi belli eden her şey randevudan { $appointment } gün sonra silinir. /forget ile her şeyi hemen silebilirsiniz.
mydata-status-held = onay bekliyor
mydata-status-confirmed = onaylandı
mydata-status-cancelled = iptal edildi
mydata-status-expired = süresi doldu
mydata-status-done = tamamlandı
mydata-status-no-show = katılınmadı
mydata-status-waiting = bekliyor
mydata-status-called = görüşmede
mydata-status-left = sıradan çıkıldı
forget-confirm = Hakkınızda sakladığımız her şeyi gerçekten silelim mi? Bu durumda yaklaşan randevularınız iptal edilir ve sizi bundan sonra tanımayız.
option-forget-yes = Evet, her şeyi sil
option-forget-no = Hayır, hiçbir şeyi silme
forget-done = Tamamlandı: Hakkınızdaki her şeyi sildik ve yaklaşan randevularınızı iptal ettik. Bize tekrar yazarsanız her şeye baştan başlarız.
booking-limit = Şu anda { $max } randevunuz var; aynı anda bundan fazla randevu alınamıyor. Randevularınızdan birinin zamanını değiştirebilir veya onu iptal edebilirsiniz.
input-rate-limited = Kısa sürede çok sayıda mesaj gönderdiniz. Lütfen bir dakika bekleyin, ardından yazmaya devam edin.
command-privacy = Veri koruma
command-mydata = Kayıtlı verilerim
command-forget = Tüm verilerimi sil
