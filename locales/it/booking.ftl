# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = Per quale servizio desidera un appuntamento? Scelga dall’elenco o scriva una parola chiave.
pick-service-checklist-prompt = Per quale servizio vuole sapere che cosa deve preparare?
service-not-found = Non ho trovato nessun servizio corrispondente.
service-ambiguous = Intende uno di questi servizi?
service-in-person-only = Questo servizio è disponibile solo di persona.

checklist-title = Per «{ $service }» servono:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (se applicabile)
checklist-fee-none = Questo servizio è gratuito.
checklist-fee = Tariffa: { $fee }. Può pagare comodamente da casa, dopo il colloquio.
checklist-duration = Durata della videochiamata: circa { $duration }.
checklist-tick-hint = Spunti ciò che ha già pronto: così l’operatore vedrà che cosa manca ancora.
checklist-all-done = Ha tutto il necessario.
option-tick = Ce l’ho: { $document }
option-untick = Manca ancora: { $document }
option-continue-to-dates = Avanti: scelta della data
option-book-this = Prenota un appuntamento per questo servizio

pick-day-prompt = Quale giorno preferisce?
option-later-days = Giorni successivi
option-earlier-days = Giorni precedenti
no-free-days = Purtroppo { $days ->
        [one] per il prossimo giorno
       *[other] nei prossimi { $days } giorni
    } non ci sono più appuntamenti liberi. La preghiamo di riprovare più tardi.
no-more-days = Non è ancora possibile prenotare più avanti nel tempo.
pick-time-prompt = Quale orario preferisce per { $date }?
option-more-times = Orari successivi
day-full = Purtroppo in questo giorno non c’è più nulla di libero. Scelga un altro giorno.

slot-held =
    Le riservo questo appuntamento per { $duration }:
    { $service }
    { $date }, { $time }
    Lo confermi, per favore.
option-confirm = Conferma l’appuntamento
hold-warning = Le riservo questo appuntamento solo fino alle { $time }. Le serve più tempo?
hold-extended = Bene, le riservo l’appuntamento fino alle { $time }.
option-hold-more = Più tempo
option-other-time = Un altro orario
option-abort = Annulla
slot-taken = Purtroppo questo orario è appena stato prenotato. Scelga un altro orario.
booking-aborted = D’accordo, non ho prenotato nulla.

booking-confirmed =
    L’appuntamento è prenotato.
    Codice di prenotazione: { $reference }
    { $service }
    { $date }, { $time }
    Il colloquio si svolge in videochiamata. Tenga pronti i suoi documenti.
