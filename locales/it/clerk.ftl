# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Sportello di { $clerk }. Scriva «help» per l’elenco dei comandi.
desk-not-clerk = { $clerk } non risulta nell’elenco degli operatori (SCHALTER_MATRIX_CLERKS). Solo chi è nell’elenco può gestire la sala d’attesa.
desk-help =
    Comandi:
    next – chiama la persona successiva
    take REF – chiama una persona specifica
    done [nota] – termina il colloquio
    noshow – la persona non si è presentata
    back – rimanda la persona in sala d’attesa
    queue – mostra la sala d’attesa
    today – gli appuntamenti di oggi
    say KEY – un messaggio predefinito per la persona (camera, microphone, documents, moment, link)
    fee [IMPORTO] [motivo] – stabilisce la tariffa del colloquio o aggiunge una voce
    paid REF – mostra lo stato del pagamento
    refund REF [IMPORTO] – rimborsa un pagamento
    away / available – assente / disponibile
    help – questo aiuto
desk-unknown = Non conosco questo comando.
desk-picked =
    Ora tocca a: { $reference } · { $service } · { $lang } · in attesa da { $waited } min
    Manca ancora: { $open }
desk-video = Video: { $url }
desk-video-invited = La stanza video è pronta: trova l’invito in Element. Il link non è riportato qui perché questa stanza non è letta solo dagli operatori.
desk-nobody = Nessuno in attesa.
desk-not-waiting = { $reference } al momento non è in attesa.
desk-busy = È ancora in colloquio con { $reference }. Lo concluda prima con done, noshow o back.
desk-done = { $reference }: concluso.
desk-noshow = { $reference }: mancata presentazione registrata.
desk-back = { $reference } è di nuovo in sala d’attesa.
desk-no-call = Al momento non è in nessun colloquio.
desk-queue-empty = La sala d’attesa è vuota.
desk-queue-title = Sala d’attesa: { $count } in attesa, { $clerks } in servizio
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · in attesa da { $waited } min · manca ancora: { $open }
desk-in-call-line = In colloquio: { $reference } con { $clerk }
desk-away = Ora risulta assente e non conta per il calcolo dei tempi di attesa.
desk-available = Ora risulta disponibile.
desk-walk-in = senza appuntamento
desk-checklist-complete = niente
desk-agenda-title = Buongiorno! Appuntamenti di oggi: { $count }
desk-today-title = Appuntamenti di oggi: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · postazione { $desk }
desk-say-sent = Inviato a { $reference }: { $key }
desk-say-keys = Questo messaggio non esiste. Quelli predefiniti sono: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
