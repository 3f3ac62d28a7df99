payment-request =
    Tariffa per { $service }: { $amount }
    Riferimento di pagamento: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Ora può pagare comodamente da casa.
payment-how-office = Paghi la tariffa secondo quanto concordato con l’operatore durante il colloquio.
payment-invoice-title = Tariffa: { $service }
payment-invoice-description = { $service }, riferimento di pagamento { $reference }
payment-link-label = Paga ora
payment-link-unavailable = Al momento non è possibile creare il link di pagamento. Glielo invieremo a breve.
payment-refused-amount = Questo importo non corrisponde alla tariffa da pagare. Utilizzi il nostro avviso di pagamento più recente.
payment-refused-closed = Questa tariffa è già stata pagata o non è più dovuta.
payment-refused-unknown = Non riconosciamo questo avviso di pagamento. Utilizzi il nostro messaggio più recente.
payment-receipt =
    Grazie, abbiamo ricevuto il suo pagamento.
    Servizio: { $service }
    Importo: { $amount }
    Data: { $date }
    Riferimento di pagamento: { $reference }
    ID pagamento: { $payment }
appointments-open-payment = Tariffa da pagare: { $amount } per { $service } (riferimento di pagamento { $reference })
option-pay = Paga { $amount }
checklist-fee-office = Tariffa: { $fee }. Le modalità di pagamento le verranno indicate durante il colloquio.
payment-state-draft = non ancora inviata
payment-state-open = da pagare
payment-state-paid = pagata
payment-state-refunded = rimborsata
payment-state-cancelled = annullata
desk-fee-set = Tariffa per { $reference }: { $amount }.
desk-fee-at-done = L’avviso di pagamento parte con «done».
desk-fee-sent = L’avviso di pagamento è stato inviato.
desk-fee-no-call = Non c’è nessun colloquio in corso o appena concluso a cui applicare una tariffa.
desk-fee-bad-amount = «{ $input }» non è un importo. Esempio: fee 13,50 autenticazione
desk-fee-paid = La tariffa per { $reference } è già stata pagata ({ $amount }) e non può più essere modificata.
desk-fee-zero = Per { $reference } non è dovuta alcuna tariffa.
desk-paid-line = Pagamento ricevuto: { $reference } ha pagato { $amount } (riferimento di pagamento { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (riferimento di pagamento { $payment })
desk-paid-refunded = di cui rimborsati: { $amount }
desk-payment-unknown = Per { $reference } non c’è nessuna tariffa.
desk-refund-done = Rimborsati { $amount } per { $reference }.
desk-refund-at-provider = La tariffa per { $reference } è stata pagata su Telegram. Effettui il rimborso presso il fornitore del servizio di pagamento (ID pagamento { $payment }).
desk-refund-not-paid = La tariffa per { $reference } non è stata pagata; non c’è nulla da rimborsare.
desk-refund-too-much = Per { $reference } si possono rimborsare ancora al massimo { $amount }.
desk-refund-failed = Il rimborso per { $reference } non è andato a buon fine. Riprovi più tardi.
desk-refund-unsupported = Per { $reference } il rimborso tramite Schalter non è possibile; lo effettui presso il fornitore del servizio di pagamento.
desk-today-payment = · tariffa { $state }
payment-sent-again = Le abbiamo inviato di nuovo l’avviso di pagamento.
payment-service-other = la sua richiesta
desk-paid-twice = Attenzione: per { $reference } è arrivato un ulteriore pagamento ({ $amount }, ID pagamento { $payment }). Rimborsi questo pagamento, per favore.
