# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Questo file è vuoto. Invii di nuovo il documento, per favore.
document-refused-too-large = Questo file è più grande di { $mb } MB. Invii una foto o una scansione più leggera, ad esempio un PDF con una risoluzione più bassa.
document-refused-not-accepted = Posso accettare solo file PDF e foto (JPEG, PNG o HEIC). Invii il documento in uno di questi formati, per favore. Va bene anche una foto di ogni pagina.
document-refused-pdf-active = Questo PDF contiene uno script, quindi non posso accettarlo. Invii invece le foto delle pagine, oppure salvi il documento come nuovo PDF.
document-refused-pdf-embedded = A questo PDF sono allegati altri file, quindi non posso accettarlo. Invii il documento senza allegati, oppure invii le foto delle pagine.
document-refused-pdf-encrypted = Questo PDF è protetto da password, quindi l’operatore non potrebbe aprirlo. Lo invii senza password, oppure invii le foto delle pagine.
document-refused-unreadable = Non riesco a leggere questo file. Forse è danneggiato. Lo invii di nuovo, oppure invii le foto delle pagine.
