payment-request =
    Taxă – { $service }: { $amount }
    Referința plății: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Acum puteți plăti comod de acasă.
payment-how-office = Vă rugăm să plătiți taxa așa cum ați stabilit cu funcționarul în timpul convorbirii.
payment-invoice-title = Taxă: { $service }
payment-invoice-description = { $service }, referința plății { $reference }
payment-link-label = Plătiți acum
payment-link-unavailable = Momentan nu putem genera linkul de plată. Vi-l trimitem în curând.
payment-refused-amount = Această sumă nu corespunde taxei neachitate. Vă rugăm să folosiți cea mai recentă solicitare de plată de la noi.
payment-refused-closed = Această taxă a fost deja plătită sau nu mai este datorată.
payment-refused-unknown = Nu recunoaștem această solicitare de plată. Vă rugăm să folosiți cel mai recent mesaj de la noi.
payment-receipt =
    Vă mulțumim, plata dumneavoastră a fost primită.
    Serviciu: { $service }
    Sumă: { $amount }
    Data: { $date }
    Referința plății: { $reference }
    ID-ul plății: { $payment }
appointments-open-payment = Taxă neachitată: { $amount } – { $service } (referința plății { $reference })
option-pay = Plătiți { $amount }
checklist-fee-office = Taxă: { $fee }. Cum se plătește veți afla în timpul convorbirii.
payment-state-draft = încă netrimisă
payment-state-open = neachitată
payment-state-paid = plătită
payment-state-refunded = rambursată
payment-state-cancelled = anulată
desk-fee-set = Taxă pentru { $reference }: { $amount }.
desk-fee-at-done = Solicitarea de plată se trimite la comanda „done”.
desk-fee-sent = Solicitarea de plată a fost trimisă.
desk-fee-no-call = Nu există nicio convorbire în curs sau abia încheiată căreia să i se poată aplica o taxă.
desk-fee-bad-amount = „{ $input }” nu este o sumă. Exemplu: fee 13,50 legalizare
desk-fee-paid = Taxa pentru { $reference } este deja plătită ({ $amount }) și nu mai poate fi modificată.
desk-fee-zero = Pentru { $reference } nu se datorează nicio taxă.
desk-paid-line = Plată primită: { $reference } a plătit { $amount } (referința plății { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (referința plății { $payment })
desk-paid-refunded = din care rambursat: { $amount }
desk-payment-unknown = Pentru { $reference } nu există nicio taxă.
desk-refund-done = Rambursare efectuată: { $amount } pentru { $reference }.
desk-refund-at-provider = Taxa pentru { $reference } a fost plătită prin Telegram. Vă rugăm să faceți rambursarea la furnizorul de plăți (ID-ul plății { $payment }).
desk-refund-not-paid = Taxa pentru { $reference } nu este plătită; nu există nimic de rambursat.
desk-refund-too-much = Pentru { $reference } se mai pot rambursa cel mult { $amount }.
desk-refund-failed = Rambursarea pentru { $reference } nu a reușit. Vă rugăm să încercați din nou mai târziu.
desk-refund-unsupported = Pentru { $reference } rambursarea nu este posibilă prin Schalter; vă rugăm să o faceți la furnizorul de plăți.
desk-today-payment = · taxă: { $state }
payment-sent-again = V-am trimis din nou solicitarea de plată.
payment-service-other = Solicitarea dumneavoastră
desk-paid-twice = Atenție: pentru { $reference } s-a plătit încă o dată ({ $amount }, ID-ul plății { $payment }). Vă rugăm să rambursați această plată.
