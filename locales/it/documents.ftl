# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Questo file è vuoto. Invii di nuovo il documento, per favore.
document-refused-too-large = Questo file è più grande di { $mb } MB. Invii una foto o una scansione più leggera, ad esempio un PDF con una risoluzione più bassa.
document-refused-not-accepted = Posso accettare solo file PDF e foto (JPEG, PNG o HEIC). Invii il documento in uno di questi formati, per favore. Va bene anche una foto di ogni pagina.
document-refused-pdf-active = Questo PDF contiene uno script, quindi non posso accettarlo. Invii invece le foto delle pagine, oppure salvi il documento come nuovo PDF.
document-refused-pdf-embedded = A questo PDF sono allegati altri file, quindi non posso accettarlo. Invii il documento senza allegati, oppure invii le foto delle pagine.
document-refused-pdf-encrypted = Questo PDF è protetto da password, quindi l’operatore non potrebbe aprirlo. Lo invii senza password, oppure invii le foto delle pagine.
document-refused-unreadable = Non riesco a leggere questo file. Forse è danneggiato. Lo invii di nuovo, oppure invii le foto delle pagine.
document-refused-no-booking = Non ha ancora un appuntamento a cui collegare dei documenti. Prenoti prima un appuntamento, poi invii qui i documenti.
document-refused-full = Per questo appuntamento { $max ->
    [one] c’è già { $max } file
   *[other] ci sono già { $max } file
  }, non posso conservarne altri. Ne elimini prima uno: /appointments, poi l’appuntamento, poi «Documenti».
document-refused-duplicate = Ha già inviato questo file, non deve fare altro. Può scegliere a quale documento si riferisce in /appointments, poi «Documenti».
document-refused-duplicate-of = Ha già inviato questo file per «{ $document }». Non deve fare altro.
document-refused-unavailable = Non è stato possibile recuperare questo file. Lo invii di nuovo, per favore.
document-refused-off = Questo ufficio non accetta documenti in chat. Li tenga pronti per il colloquio, per favore.

# A file arrived and was kept.
document-arrived = Grazie, il suo file è arrivato.
document-kept = Grazie, ho ricevuto il file per «{ $document }».
document-kept-replaced = Grazie, per «{ $document }» ora vale il nuovo file.
document-still-missing = Ancora da inviare: { $documents }.
document-all-sent = Tutti i documenti sono arrivati. L’operatore li vedrà all’inizio del colloquio.
document-removed = Il file per «{ $document }» è stato eliminato.
document-gone = Questo file non è più disponibile. Lo invii di nuovo, per favore.
# The name of a file whose checklist item is not known yet.
document-unnamed = Documento

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Documenti per il suo appuntamento { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: inviato ({ $size })
document-list-missing = ⬜ { $document }: non ancora inviato
document-list-hint = Invii qui una foto o un PDF di ciascun documento. Al massimo { $mb } MB per file e { $max } file per appuntamento. L’operatore li vedrà all’inizio del colloquio; dopo l’appuntamento verranno eliminati.
document-send-prompt = Invii ora «{ $document }» come foto o file PDF, per favore.
document-which-prompt = Il suo file ({ $size }) è arrivato. Di quale documento si tratta?
option-documents = Documenti ({ $sent } di { $total } inviati)
option-send-document = Invia «{ $document }»
option-replace-document = Sostituisci «{ $document }»
option-remove-document = Elimina «{ $document }»

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Documento per l’appuntamento { $reference }: { $document }, { $size }, inviato il { $date }

# The web chat's form for a document (below the text field).
web-file-title = Invia un documento
web-file-hint = Una foto o un PDF per il suo appuntamento, al massimo 10 MB. L’operatore lo vedrà all’inizio del colloquio.
web-file-label = Scegli un file
web-file-send = Carica
