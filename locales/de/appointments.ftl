# My appointments: list, cancel, reschedule.

appointments-none = Sie haben zurzeit keine anstehenden Termine.
appointments-count =
    { $count ->
        [one] Sie haben einen anstehenden Termin.
       *[other] Sie haben { $count } anstehende Termine.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Buchungsnummer: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Wählen Sie einen Termin, um ihn zu verschieben oder abzusagen.
option-cancel-appointment = Termin absagen
option-reschedule = Termin verschieben
cancel-confirm-prompt = Möchten Sie den Termin { $reference } am { $date } wirklich absagen?
option-yes-cancel = Ja, absagen
option-no-keep = Nein, behalten
appointment-cancelled = Der Termin { $reference } ist abgesagt.
appointment-kept = Gut, der Termin bleibt bestehen.
appointment-gone = Diesen Termin gibt es nicht mehr.
reschedule-intro = Wählen Sie einen neuen Termin für „{ $service }“. Ihr bisheriger Termin bleibt bestehen, bis Sie den neuen bestätigt haben.
appointment-rescheduled =
    Ihr Termin ist verschoben. Die Buchungsnummer bleibt { $reference }.
    { $service }
    { $date }, { $time }
