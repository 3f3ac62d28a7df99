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
