# My appointments: list, cancel, reschedule.

appointments-none = Sie haben im Moment keinen Termin.
appointments-count =
    { $count ->
        [one] Sie haben 1 Termin.
       *[other] Sie haben { $count } Termine.
    }
appointment-line = { $reference } · { $service } · { $date }, um { $time }
appointment-detail =
    Buchungs-Nummer: { $reference }
    { $service }
    { $date }, um { $time }
appointments-pick =
    Bitte wählen Sie einen Termin.
    Dann können Sie den Termin absagen.
    Oder Sie können den Termin verschieben.
    Das heißt: Sie wählen eine andere Zeit.
option-cancel-appointment = Termin absagen
option-reschedule = Termin verschieben
cancel-confirm-prompt = Möchten Sie den Termin { $reference } am { $date } wirklich absagen?
option-yes-cancel = Ja, absagen
option-no-keep = Nein, behalten
appointment-cancelled = Der Termin { $reference } ist abgesagt.
appointment-kept =
    Gut.
    Ihr Termin bleibt.
appointment-gone = Diesen Termin gibt es nicht mehr.
reschedule-intro =
    Bitte wählen Sie einen neuen Termin für „{ $service }“.
    Ihr alter Termin bleibt erst einmal gebucht.
    Sie bestätigen den neuen Termin.
    Dann sagen wir den alten Termin ab.
appointment-rescheduled =
    Ihr Termin ist verschoben.
    Die Buchungs-Nummer bleibt gleich: { $reference }
    { $service }
    { $date }, um { $time }

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request =
    Hier ist Ihr Termin als Kalender-Datei.
    { $service }
    { $date }, um { $time }
    Buchungs-Nummer: { $reference }
    Öffnen Sie die Datei.
    Dann steht der Termin in Ihrem Kalender.
calendar-file-cancel =
    Der Termin { $reference } ist abgesagt.
    Öffnen Sie diese Kalender-Datei.
    Dann ist der Termin auch aus Ihrem Kalender gelöscht.
calendar-summary = Video-Termin beim Bürger-Amt: { $service }
calendar-description =
    { $service }
    Buchungs-Nummer: { $reference }
    So machen Sie mit:
    { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } vor dem Termin schreiben wir Ihnen im Chat.
    Dann können Sie im Chat einchecken.
    Das heißt: Sie sagen uns: Ich bin da.
    Tippen Sie dafür auf „{ option-check-in }“.
    Dann warten Sie im Warte-Raum im Internet.
    Wenn Sie dran sind: Dann bekommen Sie im Chat einen Link zum Video-Gespräch.
    Öffnen Sie den Link im Browser auf Ihrem Smartphone oder Computer.
    Bitte legen Sie Ihre Papiere bereit.
calendar-description-cancelled =
    Dieser Termin ist abgesagt.
    Buchungs-Nummer: { $reference }
