# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Jetzt einchecken: { $service }, { $time }
menu-walk-in = Jetzt mit der Sachbearbeitung sprechen
option-check-in = Jetzt einchecken
check-in-not-yet = Einchecken können Sie ab { $time }.
check-in-too-late = Die Zeit für diesen Termin ist leider vorbei. Bitte buchen Sie einen neuen Termin.
walk-in-closed = Das virtuelle Bürgeramt ist gerade geschlossen. Gern können Sie einen Termin buchen.

waiting-status = Sie sind im virtuellen Warteraum. Ihr Platz in der Reihe: { $position }.
waiting-eta = Voraussichtliche Wartezeit: etwa { $wait }.
waiting-eta-now = Sie sind gleich an der Reihe.
waiting-eta-unknown = Gerade ist niemand im Dienst. Sobald es weitergeht, melden wir uns.
waiting-hint = Wenn Sie an der Reihe sind, bekommen Sie hier den Link zum Videogespräch.
option-refresh = Aktualisieren
option-leave-queue = Warteraum verlassen
queue-left = Sie haben den Warteraum verlassen.

called = Sie sind an der Reihe! Die Sachbearbeitung erwartet Sie jetzt im Videogespräch.
called-link = Öffnen Sie diesen Link im Browser Ihres Smartphones: { $url }
called-no-link = Die Sachbearbeitung meldet sich gleich bei Ihnen.
in-call = Sie sind gerade im Gespräch mit der Sachbearbeitung.
visit-done = Vielen Dank für Ihren Besuch im virtuellen Bürgeramt!
visit-no-show = Die Sachbearbeitung konnte Sie leider nicht erreichen. Bitte buchen Sie einen neuen Termin.
back-in-queue = Sie sind wieder im Warteraum, an Ihrem bisherigen Platz.

reminder-day = Erinnerung: Morgen, { $date }, um { $time } ist Ihr Videotermin „{ $service }“ (Buchungsnummer { $reference }).
reminder-soon = Ihr Videotermin „{ $service }“ beginnt um { $time }. Bitte halten Sie Ihre Unterlagen bereit.
check-in-open = Sie können jetzt für Ihren Termin „{ $service }“ um { $time } einchecken.
appointment-missed = Sie haben Ihren Termin „{ $service }“ um { $time } leider verpasst. Bitte buchen Sie einen neuen Termin.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Bitte schalten Sie Ihre Kamera ein – tippen Sie dazu im Videogespräch auf das Kamerasymbol.
say-microphone = Wir hören Sie leider nicht. Bitte schalten Sie Ihr Mikrofon ein – tippen Sie auf das Mikrofonsymbol.
say-documents = Bitte halten Sie jetzt Ihren Ausweis und Ihre Unterlagen bereit.
say-moment = Einen Moment bitte, ich bin gleich bei Ihnen.
say-link = Bitte öffnen Sie diesen Link zum Videogespräch im Browser Ihres Smartphones:
