# My appointments: list, cancel, reschedule.

appointments-none = Al momento non ha appuntamenti in programma.
appointments-count =
    { $count ->
        [one] Ha un appuntamento in programma.
       *[other] Ha { $count } appuntamenti in programma.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Codice di prenotazione: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Scelga l’appuntamento da spostare o disdire.
option-cancel-appointment = Disdici l’appuntamento
option-reschedule = Sposta l’appuntamento
cancel-confirm-prompt = Vuole davvero disdire l’appuntamento { $reference } previsto per { $date }?
option-yes-cancel = Sì, disdico
option-no-keep = No, lo mantengo
appointment-cancelled = L’appuntamento { $reference } è stato disdetto.
appointment-kept = Bene, l’appuntamento resta confermato.
appointment-gone = Questo appuntamento non esiste più.
reschedule-intro = Scelga un nuovo appuntamento per «{ $service }». L’appuntamento attuale resta valido finché non avrà confermato quello nuovo.
appointment-rescheduled =
    L’appuntamento è stato spostato. Il codice di prenotazione resta { $reference }.
    { $service }
    { $date }, { $time }

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Il suo appuntamento come file di calendario: { $service }, { $date }, { $time } (codice di prenotazione { $reference }). Apra il file per aggiungere l’appuntamento al suo calendario.
calendar-file-cancel = L’appuntamento { $reference } è stato disdetto. Apra questo file di calendario perché venga tolto anche dal suo calendario.
calendar-summary = Videochiamata con lo sportello per i cittadini: { $service }
calendar-description =
    { $service }
    Codice di prenotazione: { $reference }
    Come partecipare: { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    } prima dell’inizio le scriveremo in chat e lì potrà entrare in sala d’attesa («{ option-check-in }»). Quando sarà il suo turno, riceverà in chat il link alla videochiamata. Lo apra nel browser del suo smartphone o del suo computer.
    Tenga pronti i suoi documenti, per favore.
calendar-description-cancelled =
    Questo appuntamento è stato disdetto.
    Codice di prenotazione: { $reference }
