privacy-line = Privacy: { $url } – maggiori informazioni con /privacy
privacy-notice =
    Protezione dei dati
    Titolare del trattamento: { $controller }
    Responsabile della protezione dei dati: { $contact }
    Finalità: conserviamo ciò che ci scrive, i suoi appuntamenti, i suoi accessi alla sala d’attesa e le sue tariffe. Ci servono per gestire la sua richiesta, ricordarle gli appuntamenti e farla entrare nella videochiamata. Valutare il colloquio al termine è facoltativo.
    Base giuridica: { $legal_basis ->
        [none] art. 6, par. 1, lett. e) del GDPR (esecuzione di un compito di interesse pubblico)
       *[other] { $legal_basis }
    }
    Chi riceve i dati: il servizio di messaggistica con cui ci scrive (Telegram: Telegram FZ-LLC a Dubai, quindi fuori dall’UE; per gli Emirati Arabi Uniti non esiste una decisione di adeguatezza della Commissione europea; Matrix: il server Matrix della città); nella chat web nessuno oltre a noi (se lì indica un indirizzo e-mail, anche il server di posta della città che recapita le e-mail); il servizio video usato per il colloquio; il fornitore del servizio di pagamento, se paga online (Stripe Payments Europe, Dublin).
    Durata: cancelliamo una conversazione in cui non ci ha scritto nulla per { $idle ->
        [one] un giorno
       *[other] { $idle } giorni
    }. { $appointment ->
        [one] Un giorno
       *[other] { $appointment } giorni
    } dopo un appuntamento resta solo ciò che non permette di risalire a lei (servizio, lingua, giorno, tempo di attesa). Cancelliamo i messaggi consegnati dopo { $delivered ->
        [one] un giorno
       *[other] { $delivered } giorni
    } e le note degli operatori dopo { $notes ->
        [one] un giorno
       *[other] { $notes } giorni
    }. Cancelliamo l’indirizzo e-mail per i promemoria non appena l’appuntamento si è concluso (se non è stato confermato, dopo un giorno).
    I suoi diritti: accesso – /mydata mostra che cosa conserviamo su di lei. Cancellazione – /forget cancella tutto. Rettifica, limitazione e opposizione: scriva al responsabile della protezione dei dati.
    Reclami: può presentare reclamo all’autorità di controllo: { $authority ->
        [none] l’autorità di controllo per la protezione dei dati del Land in cui risiede.
       *[other] { $authority }
    }
    Maggiori informazioni: { $url }
keywords-privacy = privacy, protezione dei dati, protezione dati, informativa privacy, informativa sulla privacy, dati personali, gdpr, datenschutz
keywords-mydata = i miei dati, cosa sapete di me, quali dati avete, quali dati, accesso ai dati, informazioni sui miei dati
keywords-forget = cancella i miei dati, cancellare i miei dati, elimina i miei dati, dimenticami, diritto all’oblio, cancella tutto
mydata-title = Ecco che cosa conserviamo su di lei:
mydata-conversation = La sua conversazione con noi – lingua: { $lang }, ultima attività: { $date }
mydata-booking = Appuntamento { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = Accesso alla sala d’attesa, { $date }: { $service } – { $status }
mydata-payment = Tariffa { $reference }: { $amount } – { $state }
mydata-feedback = La sua valutazione: { $rating } su 5 { $comment }
mydata-messages = Messaggi per lei (non ancora consegnati o degli ultimi giorni): { $messages }; suoi messaggi degli ultimi giorni (senza testo): { $inputs }
mydata-nothing = Nulla.
mydata-retention = Cancelliamo: una conversazione dopo { $idle ->
        [one] un giorno
       *[other] { $idle } giorni
    } senza messaggi; tutto ciò che permette di identificarla, { $appointment ->
        [one] un giorno
       *[other] { $appointment } giorni
    } dopo l’appuntamento. Con /forget cancella tutto subito.
mydata-status-held = riservato provvisoriamente
mydata-status-confirmed = confermato
mydata-status-cancelled = annullato
mydata-status-expired = scaduto
mydata-status-done = concluso
mydata-status-no-show = mancata presentazione
mydata-status-waiting = in attesa
mydata-status-called = in colloquio
mydata-status-left = rinuncia
forget-confirm = Vuole davvero che cancelliamo tutto ciò che abbiamo conservato su di lei? I suoi appuntamenti futuri verranno disdetti e in seguito non la riconosceremo più.
option-forget-yes = Sì, cancellate tutto
option-forget-no = No, non cancellate nulla
forget-done = Fatto: abbiamo cancellato tutti i suoi dati e disdetto i suoi appuntamenti futuri. Se ci scriverà di nuovo, ricominceremo da zero.
booking-limit = Ha già { $max ->
        [one] un appuntamento prenotato
       *[other] { $max } appuntamenti prenotati
    }; non è possibile averne di più contemporaneamente. Può spostare o disdire un appuntamento.
input-rate-limited = Ha inviato moltissimi messaggi in poco tempo. Attenda un minuto e poi continui pure.
command-privacy = Privacy
command-mydata = I miei dati memorizzati
command-forget = Cancella tutti i miei dati
