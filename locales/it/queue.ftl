# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Entra in sala d’attesa: { $service }, { $time }
menu-walk-in = Parla ora con un operatore
option-check-in = Entra ora in sala d’attesa
check-in-not-yet = Potrà entrare in sala d’attesa dalle { $time }.
check-in-too-late = Purtroppo l’orario di questo appuntamento è già passato. Prenoti un nuovo appuntamento, per favore.
walk-in-closed = Al momento lo sportello virtuale per i cittadini è chiuso. Può comunque prenotare un appuntamento.

waiting-status = Si trova nella sala d’attesa virtuale. La sua posizione in coda: { $position }.
waiting-eta = Attesa prevista: circa { $wait }.
waiting-eta-now = Tra pochissimo sarà il suo turno.
waiting-eta-unknown = Al momento nessun operatore è in servizio. Ci faremo sentire appena la coda riparte.
waiting-hint = Quando sarà il suo turno, riceverà qui il link alla videochiamata.
option-refresh = Aggiorna
option-leave-queue = Esci dalla sala d’attesa
queue-left = Ha lasciato la sala d’attesa.

called = È il suo turno! L’operatore la sta aspettando in videochiamata.
called-link = Apra questo link nel browser del suo smartphone: { $url }
called-no-link = L’operatore la contatterà a momenti.
in-call = Sta parlando con l’operatore in questo momento.
visit-done = Grazie per aver visitato lo sportello virtuale per i cittadini!
visit-no-show = Purtroppo l’operatore non è riuscito a raggiungerla. Prenoti un nuovo appuntamento, per favore.
back-in-queue = È di nuovo in sala d’attesa, al posto che aveva prima.

reminder-day = Promemoria: domani, { $date }, alle { $time } ha l’appuntamento in videochiamata «{ $service }» (codice di prenotazione { $reference }).
reminder-soon = Il suo appuntamento in videochiamata «{ $service }» inizia alle { $time }. Tenga pronti i suoi documenti, per favore.
check-in-open = Ora può entrare in sala d’attesa per l’appuntamento «{ $service }» delle { $time }.
appointment-missed = Purtroppo ha perso l’appuntamento «{ $service }» delle { $time }. Prenoti un nuovo appuntamento, per favore.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Accenda la videocamera, per favore: tocchi il simbolo della videocamera nella videochiamata.
say-microphone = Purtroppo non la sentiamo. Accenda il microfono, per favore: tocchi il simbolo del microfono.
say-documents = Tenga pronti ora il suo documento d’identità e gli altri documenti, per favore.
say-moment = Un momento, per favore, sono subito da lei.
say-link = Apra questo link alla videochiamata nel browser del suo smartphone, per favore:
