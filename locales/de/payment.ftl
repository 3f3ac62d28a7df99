payment-request =
    Gebühr für { $service }: { $amount }
    Zahlungsreferenz: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Sie können jetzt bequem von zu Hause bezahlen.
payment-how-office = Bitte bezahlen Sie die Gebühr so, wie Sie es im Gespräch mit der Sachbearbeitung besprochen haben.
payment-invoice-title = Gebühr: { $service }
payment-invoice-description = { $service }, Zahlungsreferenz { $reference }
payment-link-label = Jetzt bezahlen
payment-link-unavailable = Der Zahlungslink lässt sich gerade nicht erstellen. Wir schicken ihn Ihnen in Kürze.
payment-refused-amount = Dieser Betrag passt nicht zur offenen Gebühr. Bitte nutzen Sie unsere neueste Zahlungsaufforderung.
payment-refused-closed = Diese Gebühr ist bereits bezahlt oder nicht mehr fällig.
payment-refused-unknown = Diese Zahlungsaufforderung kennen wir nicht. Bitte nutzen Sie unsere neueste Nachricht.
payment-receipt =
    Vielen Dank, Ihre Zahlung ist eingegangen.
    Dienst: { $service }
    Betrag: { $amount }
    Datum: { $date }
    Zahlungsreferenz: { $reference }
    Zahlungs-ID: { $payment }
appointments-open-payment = Offene Gebühr: { $amount } für { $service } (Zahlungsreferenz { $reference })
option-pay = { $amount } bezahlen
checklist-fee-office = Gebühr: { $fee }. Wie Sie bezahlen, erfahren Sie im Gespräch.
payment-state-draft = noch nicht verschickt
payment-state-open = offen
payment-state-paid = bezahlt
payment-state-refunded = erstattet
payment-state-cancelled = storniert
desk-fee-set = Gebühr für { $reference }: { $amount }.
desk-fee-at-done = Die Zahlungsaufforderung geht mit „done“ hinaus.
desk-fee-sent = Die Zahlungsaufforderung ist verschickt.
desk-fee-no-call = Es gibt kein laufendes oder gerade beendetes Gespräch, für das eine Gebühr gelten könnte.
desk-fee-bad-amount = „{ $input }“ ist kein Betrag. Beispiel: fee 13,50 Beglaubigung
desk-fee-paid = { $reference } ist bereits bezahlt ({ $amount }); die Gebühr lässt sich nicht mehr ändern.
desk-fee-zero = Für { $reference } ist keine Gebühr fällig.
desk-paid-line = Zahlung eingegangen: { $reference } hat { $amount } bezahlt (Zahlungsreferenz { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (Zahlungsreferenz { $payment })
desk-paid-refunded = davon erstattet: { $amount }
desk-payment-unknown = Zu { $reference } gibt es keine Gebühr.
desk-refund-done = { $amount } für { $reference } erstattet.
desk-refund-at-provider = { $reference } wurde in Telegram bezahlt. Erstatten Sie bitte beim Zahlungsanbieter (Zahlungs-ID { $payment }).
desk-refund-not-paid = { $reference } ist nicht bezahlt; es gibt nichts zu erstatten.
desk-refund-too-much = Für { $reference } lassen sich höchstens noch { $amount } erstatten.
desk-refund-failed = Die Erstattung für { $reference } hat nicht geklappt. Bitte versuchen Sie es später noch einmal.
desk-refund-unsupported = Für { $reference } ist keine Erstattung über Schalter möglich; bitte beim Zahlungsanbieter erstatten.
desk-today-payment = · Gebühr { $state }
payment-sent-again = Wir haben Ihnen die Zahlungsaufforderung noch einmal geschickt.
payment-service-other = Ihr Anliegen
desk-paid-twice = Achtung: { $reference } wurde ein weiteres Mal bezahlt ({ $amount }, Zahlungs-ID { $payment }). Bitte erstatten Sie diese Zahlung.
