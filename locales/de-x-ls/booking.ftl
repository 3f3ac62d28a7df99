# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt =
    Wofür brauchen Sie einen Termin?
    Wählen Sie aus der Liste.
    Oder schreiben Sie ein Wort dazu.
    Zum Beispiel: anmelden.
pick-service-checklist-prompt =
    Was möchten Sie beim Amt machen?
    Dann zeige ich Ihnen: Diese Papiere müssen Sie mitbringen.
service-not-found = Dazu habe ich leider nichts gefunden.
service-ambiguous = Meinen Sie einen von diesen Diensten?
service-in-person-only =
    Das geht leider nur im Amt.
    Dafür müssen Sie selbst zum Amt kommen.

checklist-title = Für „{ $service }“ brauchen Sie diese Papiere:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (nur wenn das für Sie gilt)
checklist-fee-none = Das ist kostenlos.
checklist-fee =
    Das kostet: { $fee }
    Sie bezahlen das Geld nach dem Video-Gespräch.
    Sie können bequem von zu Hause bezahlen.
checklist-duration = Das Video-Gespräch dauert ungefähr { $duration }.
checklist-tick-hint =
    Haben Sie ein Papier schon bereit?
    Dann machen Sie einen Haken daran.
    So sieht die Person vom Amt: Diese Papiere fehlen noch.
checklist-all-done = Sie haben alle Papiere zusammen.
option-tick = Habe ich: { $document }
option-untick = Fehlt noch: { $document }
option-continue-to-dates = Weiter: Tag für den Termin wählen
option-book-this = Termin dafür buchen

pick-day-prompt = Welcher Tag passt für Sie?
option-later-days = Spätere Tage
option-earlier-days = Frühere Tage
no-free-days =
    Leider sind alle Termine schon vergeben.
    Wir haben { $days ->
        [one] den nächsten Tag
       *[other] die nächsten { $days } Tage
    } angeschaut.
    Bitte versuchen Sie es später noch einmal.
no-more-days = Spätere Tage können Sie jetzt noch nicht buchen.
pick-time-prompt = Welche Uhrzeit passt für Sie am { $date }?
option-more-times = Spätere Uhrzeiten
day-full =
    An diesem Tag sind leider alle Termine vergeben.
    Bitte wählen Sie einen anderen Tag.

slot-held =
    Ich halte diesen Termin für Sie frei:
    { $service }
    { $date }, um { $time }
    Der Termin bleibt { $duration } lang für Sie frei.
    Bitte bestätigen Sie den Termin in dieser Zeit.
option-confirm = Termin bestätigen
hold-warning =
    Ich halte diesen Termin nur noch bis { $time } für Sie frei.
    Brauchen Sie mehr Zeit?
hold-extended =
    Gut.
    Ich halte den Termin jetzt bis { $time } für Sie frei.
option-hold-more = Mehr Zeit
option-other-time = Andere Uhrzeit wählen
option-abort = Abbrechen
slot-taken =
    Diesen Termin hat gerade eine andere Person gebucht.
    Bitte wählen Sie eine andere Uhrzeit.
booking-aborted =
    In Ordnung.
    Ich habe nichts gebucht.

booking-confirmed =
    Ihr Termin ist gebucht.
    { $service }
    { $date }, um { $time }
    Buchungs-Nummer: { $reference }
    Das ist die Nummer von Ihrem Termin.
    Das Gespräch ist ein Video-Gespräch.
    Bitte legen Sie Ihre Papiere bereit.
