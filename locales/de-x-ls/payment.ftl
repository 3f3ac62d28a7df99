payment-request =
    Sie müssen Geld an das Amt bezahlen.
    Das Geld ist für: { $service }
    Betrag: { $amount }
    Ihre Zahlungs-Nummer: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Sie können jetzt einfach von zu Hause bezahlen.
payment-how-office =
    Bitte bezahlen Sie das Geld für das Amt.
    Bezahlen Sie so, wie Sie es mit der Person vom Amt besprochen haben.
payment-invoice-title = Bezahlen: { $service }
payment-invoice-description = { $service }. Zahlungs-Nummer: { $reference }
payment-link-label = Jetzt bezahlen
payment-link-unavailable =
    Es gibt gerade ein Problem mit dem Link zum Bezahlen.
    Wir schicken Ihnen den Link bald.
payment-refused-amount =
    Dieser Betrag passt nicht.
    Sie müssen einen anderen Betrag bezahlen.
    Bitte nehmen Sie unsere neueste Nachricht zum Bezahlen.
payment-refused-closed =
    Sie müssen dieses Geld nicht bezahlen.
    Vielleicht haben Sie es schon bezahlt.
    Oder das Amt braucht das Geld nicht mehr.
payment-refused-unknown =
    Diese Nachricht zum Bezahlen kennen wir nicht.
    Bitte nehmen Sie unsere neueste Nachricht zum Bezahlen.
payment-receipt =
    Vielen Dank!
    Wir haben Ihr Geld bekommen.
    Das Geld ist für: { $service }
    Betrag: { $amount }
    Datum: { $date }
    Zahlungs-Nummer: { $reference }
    Zahlungs-ID: { $payment }
appointments-open-payment = Noch zu bezahlen: { $amount } für { $service }. Zahlungs-Nummer: { $reference }
option-pay = { $amount } bezahlen
checklist-fee-office =
    Geld für das Amt: { $fee }
    Im Gespräch sagen wir Ihnen: So bezahlen Sie.
payment-state-draft = noch nicht geschickt
payment-state-open = noch nicht bezahlt
payment-state-paid = bezahlt
payment-state-refunded = zurück-gezahlt
payment-state-cancelled = abgesagt
desk-fee-set = { $reference } muss { $amount } bezahlen.
desk-fee-at-done = Die Nachricht zum Bezahlen geht los, wenn Sie „done“ schreiben.
desk-fee-sent = Die Nachricht zum Bezahlen ist verschickt.
desk-fee-no-call =
    Sie haben gerade kein Gespräch.
    Sie hatten auch eben kein Gespräch.
    Geld für das Amt geht nur mit einem Gespräch.
desk-fee-bad-amount =
    „{ $input }“ ist kein Betrag.
    Schreiben Sie zum Beispiel: fee 13,50 Beglaubigung
desk-fee-paid =
    { $reference } hat schon bezahlt: { $amount }
    Sie können den Betrag jetzt nicht mehr ändern.
desk-fee-zero = { $reference } muss kein Geld bezahlen.
desk-paid-line = Geld ist da: { $reference } hat { $amount } bezahlt. Zahlungs-ID: { $payment }
desk-paid-state = { $reference }: { $amount } · { $state } · Zahlungs-ID: { $payment }
desk-paid-refunded = davon zurück-gezahlt: { $amount }
desk-payment-unknown = Für { $reference } gibt es keine Zahlung.
desk-refund-done = { $reference } bekommt { $amount } zurück.
desk-refund-at-provider =
    { $reference } hat in Telegram bezahlt.
    Bitte zahlen Sie das Geld beim Zahlungs-Anbieter zurück.
    Zahlungs-ID: { $payment }
desk-refund-not-paid =
    { $reference } hat noch nicht bezahlt.
    Sie können also nichts zurück-zahlen.
desk-refund-too-much = Für { $reference } können Sie höchstens noch { $amount } zurück-zahlen.
desk-refund-failed =
    Das Zurück-Zahlen für { $reference } hat nicht geklappt.
    Bitte versuchen Sie es später noch einmal.
desk-refund-unsupported =
    Schalter kann das Geld für { $reference } nicht zurück-zahlen.
    Bitte zahlen Sie das Geld beim Zahlungs-Anbieter zurück.
desk-today-payment = · Zahlung: { $state }
payment-sent-again = Wir haben Ihnen die Nachricht zum Bezahlen noch einmal geschickt.
payment-service-other = Ihre Sache beim Amt
desk-paid-twice =
    Achtung: { $reference } hat noch einmal bezahlt.
    Betrag: { $amount }
    Zahlungs-ID: { $payment }
    Bitte zahlen Sie dieses Geld zurück.
