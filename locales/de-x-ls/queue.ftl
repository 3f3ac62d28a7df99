# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Jetzt einchecken: { $service }, { $time }
menu-walk-in = Jetzt mit der Person vom Amt sprechen
option-check-in = Jetzt einchecken
check-in-not-yet =
    Sie können ab { $time } einchecken.
    Das heißt: Sie sagen uns dann: Ich bin da.
check-in-too-late =
    Die Zeit für diesen Termin ist leider vorbei.
    Bitte buchen Sie einen neuen Termin.
walk-in-closed =
    Das Bürger-Amt im Internet ist gerade geschlossen.
    Sie können gern einen Termin buchen.

waiting-status =
    Sie sind jetzt im Warte-Raum im Internet.
    Ihr Platz in der Reihe: { $position }
waiting-eta = Sie warten noch ungefähr { $wait }.
waiting-eta-now = Sie sind gleich dran.
waiting-eta-unknown =
    Gerade arbeitet niemand vom Amt.
    Wir melden uns bei Ihnen, wenn es weitergeht.
waiting-hint =
    Wenn Sie dran sind, bekommen Sie hier einen Link.
    Mit dem Link kommen Sie zum Video-Gespräch.
option-refresh = Neu laden
option-leave-queue = Warte-Raum verlassen
queue-left = Sie haben den Warte-Raum verlassen.

called =
    Sie sind jetzt dran!
    Die Person vom Amt wartet jetzt im Video-Gespräch auf Sie.
called-link = Öffnen Sie diesen Link im Browser auf Ihrem Smartphone: { $url }
called-no-link = Die Person vom Amt meldet sich gleich bei Ihnen.
in-call = Sie sind gerade im Gespräch mit der Person vom Amt.
visit-done = Vielen Dank für Ihren Besuch im Bürger-Amt im Internet!
visit-no-show =
    Die Person vom Amt hat Sie leider nicht erreicht.
    Bitte buchen Sie einen neuen Termin.
back-in-queue =
    Sie sind wieder im Warte-Raum.
    Sie haben wieder Ihren alten Platz.

reminder-day =
    Erinnerung:
    Morgen haben Sie einen Video-Termin.
    { $date }, um { $time }
    „{ $service }“
    Buchungs-Nummer: { $reference }
reminder-soon =
    Ihr Video-Termin „{ $service }“ beginnt um { $time }.
    Bitte legen Sie Ihre Papiere bereit.
check-in-open =
    Ihr Termin „{ $service }“ ist um { $time }.
    Sie können jetzt einchecken.
    Das heißt: Sie sagen uns: Ich bin da.
appointment-missed =
    Sie haben Ihren Termin „{ $service }“ um { $time } leider verpasst.
    Bitte buchen Sie einen neuen Termin.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera =
    Bitte schalten Sie Ihre Kamera ein.
    Tippen Sie dazu im Video-Gespräch auf das Bild von der Kamera.
say-microphone =
    Wir hören Sie leider nicht.
    Bitte schalten Sie Ihr Mikrofon ein.
    Tippen Sie dazu auf das Bild vom Mikrofon.
say-documents = Bitte legen Sie jetzt Ihren Ausweis und Ihre Papiere bereit.
say-moment =
    Einen Moment bitte.
    Ich bin gleich bei Ihnen.
say-link = Bitte öffnen Sie diesen Link zum Video-Gespräch im Browser auf Ihrem Smartphone:
