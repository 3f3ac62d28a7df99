# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Confermi il suo indirizzo e-mail, per favore
mail-confirm-body =
    Nella chat dello sportello per i cittadini ha indicato questo indirizzo per ricevere promemoria del suo appuntamento: { $service }, { $date } alle { $time }.

    Lo confermi con il link qui sotto, per favore. Solo allora le invieremo e-mail.

    Non ha indicato lei questo indirizzo? Allora non deve fare nulla. Senza conferma non riceverà più nulla da noi e l’indirizzo verrà cancellato dopo un giorno.
mail-confirm-action = Conferma l’indirizzo

mail-booked-subject = Il suo appuntamento: { $service }, { $date }
mail-booked-body =
    Il suo appuntamento è prenotato: { $service }, { $date } alle { $time }. Il suo codice di prenotazione: { $reference }.

    In allegato trova l’appuntamento come file di calendario. Potrà entrare in sala d’attesa nella chat a partire da { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    } prima dell’appuntamento.
mail-booked-action = Vai alla chat

mail-remind-subject = Promemoria: { $service }, { $date } alle { $time }
mail-remind-body =
    Le ricordiamo il suo appuntamento: { $service }, { $date } alle { $time }.

    Potrà entrare in sala d’attesa nella chat a partire da { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    } prima dell’appuntamento.
mail-remind-action = Vai alla chat

mail-checkin-subject = Ora può entrare in sala d’attesa
mail-checkin-body =
    Il suo appuntamento inizia tra poco: { $service } alle { $time }.

    Apra la chat ed entri nella sala d’attesa virtuale. Lì attenderà il suo turno.
mail-checkin-action = Vai alla chat ed entra in sala d’attesa

mail-called-subject = L’operatore la sta chiamando
mail-called-body =
    È il suo turno: { $service }.

    Apra subito la chat. Lì trova il link alla videochiamata.
mail-called-action = Torna alla chat

mail-footer = Riceve questa e-mail perché nella chat ha indicato questo indirizzo per il suo appuntamento { $reference }. Lo cancelleremo dopo l’appuntamento.
mail-stop = Non ricevere più e-mail

mydata-mail = Indirizzo e-mail per i promemoria: { $address } ({ $state })
mydata-mail-pending = non ancora confermato
mydata-mail-confirmed = confermato
mydata-mail-bounced = non recapitabile

web-mail-title = Promemoria via e-mail
web-mail-hint = Facoltativo. Solo per il suo prossimo appuntamento: la conferma, i promemoria e un messaggio quando sarà il suo turno. Dopo l’appuntamento l’indirizzo viene cancellato.
web-mail-label = Il suo indirizzo e-mail
web-mail-send = Invia il link di conferma
web-mail-sent = Abbiamo inviato un link a { $address }. Lo apra per confermare l’indirizzo, per favore.
web-mail-confirmed-already = Questo indirizzo è già confermato per il suo appuntamento.
web-mail-bounced = Non siamo riusciti a recapitare messaggi a questo indirizzo. Ne indichi un altro, per favore.
web-mail-no-booking = Prenoti prima un appuntamento. Poi potrà ricevere promemoria via e-mail.
web-mail-invalid = Questo non è un indirizzo e-mail a cui possiamo scrivere. Esempio: name@example.org
web-mail-link-invalid = Questo link non è più valido: è scaduto o è già stato usato. Può indicare di nuovo il suo indirizzo nella chat.
web-mail-confirm-title = Conferma dell’indirizzo e-mail
web-mail-confirm-text = Con la conferma riceverà e-mail sul suo appuntamento: la conferma con il file di calendario, i promemoria e un messaggio quando sarà il suo turno.
web-mail-confirm-button = Conferma l’indirizzo
web-mail-confirm-done = Grazie! Il suo indirizzo è confermato. La conferma dell’appuntamento con il file di calendario le arriverà a breve via e-mail.
web-mail-stop-title = Nessun’altra e-mail
web-mail-stop-text = Non riceverà più e-mail su questo appuntamento e cancelleremo il suo indirizzo. Il suo appuntamento resta valido.
web-mail-stop-button = Disattiva le e-mail
web-mail-stop-done = Fatto. Il suo indirizzo è stato cancellato e non riceverà più e-mail. Il suo appuntamento resta valido.
web-back-title = Torna alla chat
web-back-text = Così apre in questo browser la sua conversazione con lo sportello per i cittadini.
web-back-button = Apri la chat
