payment-request =
    “{ $service }” için ücret: { $amount }
    Ödeme referansı: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Ödemeyi artık rahatça evden yapabilirsiniz.
payment-how-office = Lütfen ücreti, görüşme sırasında görevliyle kararlaştırdığınız şekilde ödeyin.
payment-invoice-title = Ücret: { $service }
payment-invoice-description = { $service }, ödeme referansı { $reference }
payment-link-label = Şimdi öde
payment-link-unavailable = Ödeme bağlantısı şu anda oluşturulamıyor. Bağlantıyı kısa süre içinde size göndereceğiz.
payment-refused-amount = Bu tutar, ödenmemiş ücretle uyuşmuyor. Lütfen size gönderdiğimiz en son ödeme talebini kullanın.
payment-refused-closed = Bu ücret zaten ödenmiş veya artık ödenmesi gerekmiyor.
payment-refused-unknown = Bu ödeme talebini tanımıyoruz. Lütfen size gönderdiğimiz en son mesajı kullanın.
payment-receipt =
    Teşekkür ederiz, ödemeniz bize ulaştı.
    Hizmet: { $service }
    Tutar: { $amount }
    Tarih: { $date }
    Ödeme referansı: { $reference }
    İşlem numarası: { $payment }
appointments-open-payment = Ödenmemiş ücret: “{ $service }” için { $amount } (ödeme referansı: { $reference })
option-pay = { $amount } öde
checklist-fee-office = Ücret: { $fee }. Nasıl ödeyeceğinizi görüşmede öğreneceksiniz.
payment-state-draft = henüz gönderilmedi
payment-state-open = ödeme bekleniyor
payment-state-paid = ödendi
payment-state-refunded = iade edildi
payment-state-cancelled = iptal edildi
desk-fee-set = { $reference } için ücret: { $amount }.
desk-fee-at-done = Ödeme talebi “done” ile gönderilecek.
desk-fee-sent = Ödeme talebi gönderildi.
desk-fee-no-call = Ücretin uygulanabileceği, devam eden veya az önce biten bir görüşme yok.
desk-fee-bad-amount = “{ $input }” geçerli bir tutar değil. Örnek: fee 13,50 tasdik
desk-fee-paid = { $reference } zaten ödendi ({ $amount }); ücret artık değiştirilemez.
desk-fee-zero = { $reference } için ödenmesi gereken bir ücret yok.
desk-paid-line = Ödeme alındı: { $reference }, { $amount } ödedi (ödeme referansı { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (ödeme referansı { $payment })
desk-paid-refunded = iade edilen: { $amount }
desk-payment-unknown = { $reference } için kayıtlı bir ücret yok.
desk-refund-done = { $reference } için { $amount } iade edildi.
desk-refund-at-provider = { $reference } ödemesi Telegram üzerinden yapıldı. Lütfen iadeyi ödeme sağlayıcısı üzerinden yapın (işlem numarası { $payment }).
desk-refund-not-paid = { $reference } için ödeme yapılmamış; iade edilecek bir şey yok.
desk-refund-too-much = { $reference } için en fazla { $amount } daha iade edilebilir.
desk-refund-failed = { $reference } için iade gerçekleştirilemedi. Lütfen daha sonra tekrar deneyin.
desk-refund-unsupported = { $reference } için Schalter üzerinden iade yapılamıyor; lütfen iadeyi ödeme sağlayıcısı üzerinden yapın.
desk-today-payment = · ücret: { $state }
payment-sent-again = Ödeme talebini size tekrar gönderdik.
payment-service-other = başvurunuz
desk-paid-twice = Dikkat: { $reference } bir kez daha ödendi ({ $amount }, işlem numarası { $payment }). Lütfen bu ödemeyi iade edin.
