# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = Für welchen Dienst möchten Sie einen Termin? Wählen Sie aus der Liste oder schreiben Sie ein Stichwort.
pick-service-checklist-prompt = Für welchen Dienst möchten Sie wissen, was Sie mitbringen müssen?
service-not-found = Dazu habe ich keinen Dienst gefunden.
service-ambiguous = Meinen Sie einen dieser Dienste?
service-in-person-only = Dieser Dienst ist nur vor Ort möglich.

checklist-title = Für „{ $service }“ brauchen Sie:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (falls zutreffend)
checklist-fee-none = Dieser Dienst ist gebührenfrei.
checklist-fee = Gebühr: { $fee }. Sie bezahlen bequem von zu Hause, nach dem Gespräch.
checklist-duration = Dauer des Videogesprächs: etwa { $duration }.
checklist-tick-hint = Haken Sie ab, was Sie schon bereitliegen haben – die Sachbearbeitung sieht dann, was noch fehlt.
checklist-all-done = Sie haben alles beisammen.
option-tick = Habe ich: { $document }
option-untick = Fehlt noch: { $document }
option-continue-to-dates = Weiter zur Terminwahl
option-book-this = Termin für diesen Dienst buchen

pick-day-prompt = An welchem Tag passt es Ihnen?
option-later-days = Spätere Tage
option-earlier-days = Frühere Tage
no-free-days = Leider ist in den nächsten { $days ->
        [one] Tag
       *[other] { $days } Tagen
    } kein Termin mehr frei. Bitte versuchen Sie es später noch einmal.
no-more-days = Weiter im Voraus kann man noch nicht buchen.
pick-time-prompt = Welche Uhrzeit passt Ihnen am { $date }?
option-more-times = Spätere Uhrzeiten
day-full = An diesem Tag ist leider nichts mehr frei. Bitte wählen Sie einen anderen Tag.

slot-held =
    Ich halte diesen Termin { $duration } lang für Sie frei:
    { $service }
    { $date }, { $time }
    Bitte bestätigen Sie ihn.
option-confirm = Termin bestätigen
hold-warning = Ich halte diesen Termin nur noch bis { $time } für Sie frei. Brauchen Sie mehr Zeit?
hold-extended = Gut, ich halte den Termin bis { $time } für Sie frei.
option-hold-more = Mehr Zeit
option-other-time = Andere Uhrzeit wählen
option-abort = Abbrechen
slot-taken = Dieser Termin ist leider gerade vergeben worden. Bitte wählen Sie eine andere Uhrzeit.
booking-aborted = In Ordnung, ich habe nichts gebucht.

booking-confirmed =
    Ihr Termin ist gebucht.
    Buchungsnummer: { $reference }
    { $service }
    { $date }, { $time }
    Das Gespräch findet per Video statt. Halten Sie bitte Ihre Unterlagen bereit.
