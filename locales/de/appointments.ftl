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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Ihr Termin als Kalenderdatei: { $service }, { $date }, { $time } (Buchungsnummer { $reference }). Öffnen Sie die Datei, um den Termin in Ihren Kalender einzutragen.
calendar-file-cancel = Der Termin { $reference } ist abgesagt. Öffnen Sie diese Kalenderdatei, damit er auch aus Ihrem Kalender gelöscht wird.
calendar-summary = Videotermin beim Bürgeramt: { $service }
calendar-description =
    { $service }
    Buchungsnummer: { $reference }
    So nehmen Sie teil: { $minutes ->
        [one] Eine Minute
       *[other] { $minutes } Minuten
    } vor Beginn schreiben wir Ihnen im Chat, und Sie können dort einchecken („{ option-check-in }“). Danach warten Sie im virtuellen Warteraum. Sobald Sie an der Reihe sind, bekommen Sie im Chat den Link zum Videogespräch. Öffnen Sie ihn im Browser Ihres Smartphones oder Computers.
    Bitte halten Sie Ihre Unterlagen bereit.
calendar-description-cancelled =
    Dieser Termin ist abgesagt.
    Buchungsnummer: { $reference }
