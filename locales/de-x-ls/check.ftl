# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer =
    Testen Sie vor dem Video-Gespräch Ihre Kamera, Ihr Mikrofon und den Ton.
    Das dauert 2 Minuten.
    Hier ist der Link: { $link }
device-check-try =
    Sie können vorher testen: Funktionieren Kamera und Mikrofon?
    Hier ist der Link: { $link }
# $parts: what did not work, e.g. "Kamera, Mikrofon".
device-check-nudge =
    Beim Technik-Test hat etwas nicht funktioniert: { $parts }.
    Bitte testen Sie es noch einmal.
    Das können Sie machen, während Sie warten.
    Hier ist der Link: { $link }
device-part-camera = Kamera
device-part-microphone = Mikrofon
device-part-speaker = Lautsprecher
device-part-connection = Verbindung

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone oder iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = Browser in einer App
device-platform-desktop = Computer
device-platform-other = anderes Gerät

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ Kamera ✓ Mikrofon ⚠ kein Ton"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = Technik nicht geprüft
desk-device-camera-ok = ✓ Kamera
desk-device-camera-failed = ⚠ keine Kamera
desk-device-microphone-ok = ✓ Mikrofon
desk-device-microphone-failed = ⚠ kein Mikrofon
desk-device-speaker-ok = ✓ Ton
desk-device-speaker-failed = ⚠ kein Ton
desk-device-connection-ok = ✓ Verbindung
desk-device-connection-failed = ⚠ keine Verbindung

## The page.
check-title = Technik-Test für Ihr Video-Gespräch
check-intro =
    Wir prüfen Ihre Kamera, Ihr Mikrofon und den Ton.
    Das dauert 2 Minuten.
    Dann klappt das Video-Gespräch mit der Person vom Amt.
# $service, $date, $time: the booked appointment.
check-appointment =
    Ihr Termin: { $service }
    am { $date } um { $time }
check-privacy =
    Bild und Ton bleiben auf Ihrem Gerät.
    Wir nehmen nichts auf.
    Wir schicken nichts weg.
check-privacy-saved =
    Wir speichern nur 2 Dinge:
    Hat jeder Teil funktioniert?
    Welche Art von Gerät benutzen Sie?
    Die Person vom Amt sieht das bei Ihrem Termin.
check-expired =
    Dieser Link gilt nicht mehr.
    Der Termin ist vorbei oder abgesagt.
    Sie können Ihr Gerät trotzdem hier testen.
check-permission-note =
    Ihr Browser fragt gleich: Darf diese Seite Kamera und Mikrofon benutzen?
    Tippen Sie dann auf „Erlauben“.
check-start = Test starten
check-again = Noch einmal versuchen
check-noscript =
    Für den Test braucht Ihr Browser JavaScript.
    Schalten Sie JavaScript in den Einstellungen vom Browser ein.
    Oder öffnen Sie die Seite in einem anderen Browser.

check-camera = Kamera
check-microphone = Mikrofon
check-speaker = Lautsprecher
check-connection = Verbindung zum Video-Dienst
check-camera-preview = Bild von Ihrer Kamera
check-state-waiting = Noch nicht geprüft.
check-state-running = Wir prüfen gerade …
check-state-ok = Funktioniert.
check-state-failed = Funktioniert nicht.

check-level-label = Lautstärke von Ihrem Mikrofon
check-level-none =
    Wir hören noch nichts.
    Bitte sprechen Sie ein paar Worte.
check-level-low =
    Wir hören Sie nur leise.
    Bitte sprechen Sie lauter.
    Oder gehen Sie näher an das Gerät.
check-level-good = Wir hören Sie gut.

check-speaker-play = Test-Ton abspielen
check-speaker-question = Haben Sie den Ton gehört?
check-speaker-yes = Ja, gehört
check-speaker-no = Nein
check-speaker-help =
    Stellen Sie den Ton lauter.
    Schalten Sie die Stumm-Schaltung aus.
    Benutzen Sie Kopf-Hörer? Dann prüfen Sie: Sind die Kopf-Hörer verbunden?
    Spielen Sie dann den Ton noch einmal ab.

check-connection-ok = Wir erreichen den Video-Dienst.
check-connection-failed =
    Wir erreichen den Video-Dienst von hier aus nicht.
    Versuchen Sie ein anderes Netz.
    Zum Beispiel: WLAN statt mobile Daten.
    Oder umgekehrt: mobile Daten statt WLAN.
check-connection-unsupported =
    Mit diesem Browser gehen keine Video-Gespräche.
    Bitte öffnen Sie die Seite in einem anderen Browser.
    Der Browser muss auf dem neuesten Stand sein.

## Why something failed, and what to do.
check-fail-denied =
    Die Seite darf Kamera und Mikrofon noch nicht benutzen.
    So erlauben Sie es:
check-fail-missing =
    Wir finden an Ihrem Gerät keine Kamera oder kein Mikrofon.
    Benutzen Sie ein Smartphone.
    Oder schließen Sie eine Kamera oder Kopf-Hörer mit Mikrofon an.
check-fail-busy =
    Eine andere App benutzt gerade die Kamera oder das Mikrofon.
    Zum Beispiel ein anderes Video-Gespräch.
    Schließen Sie diese App.
    Versuchen Sie es dann noch einmal.
check-fail-unsupported =
    Dieser Browser kann Kamera und Mikrofon nicht für Web-Seiten freigeben.
    Öffnen Sie die Seite in einem anderen Browser:
    Auf dem iPhone in Safari.
    Auf Android in Chrome.
check-fail-silent =
    Wir hören nichts.
    Ist das Mikrofon stumm geschaltet? Dann schalten Sie es ein.
    Sprechen Sie ein paar Worte.
check-steps-title = So geht es auf Ihrem Gerät:
check-steps-more = Anleitung für andere Geräte
check-in-app =
    Sie haben diese Seite in einer App geöffnet.
    Zum Beispiel in Telegram oder Instagram.
    Dort funktioniert die Kamera oft nicht.
check-copy-link = Link zum Kopieren:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Tippen Sie in der Adress-Zeile links auf „aA“.
    Tippen Sie auf „Website-Einstellungen“.
    Stellen Sie Kamera und Mikrofon auf „Erlauben“.
    Laden Sie diese Seite neu.
check-steps-android =
    Tippen Sie links neben der Adresse auf das Zeichen mit den Reglern.
    Tippen Sie auf „Berechtigungen“.
    Schalten Sie Kamera und Mikrofon ein.
    Laden Sie diese Seite neu.
check-steps-samsung =
    Tippen Sie unten auf das Menü mit den 3 Strichen.
    Tippen Sie auf „Einstellungen“. Dann tippen Sie auf „Websites und Downloads“.
    Tippen Sie auf „Website-Berechtigungen“. Erlauben Sie Kamera und Mikrofon für diese Seite.
    Laden Sie diese Seite neu.
check-steps-firefox =
    Tippen oder klicken Sie links in der Adress-Zeile auf das Schloss.
    Erlauben Sie dort Kamera und Mikrofon.
    Laden Sie diese Seite neu.
check-steps-in-app =
    Tippen Sie oben rechts auf das Menü (⋮ oder …).
    Wählen Sie „Im Browser öffnen“.
    Starten Sie den Test dort noch einmal.
check-steps-desktop =
    Klicken Sie links in der Adress-Zeile auf das Zeichen. Das ist ein Schloss oder eine Kamera.
    Erlauben Sie Kamera und Mikrofon für diese Seite.
    Laden Sie diese Seite neu.
check-steps-other =
    Öffnen Sie die Einstellungen von Ihrem Browser.
    Erlauben Sie Kamera und Mikrofon für diese Seite.
    Laden Sie diese Seite neu.

check-done-ready =
    Alles ist bereit für Ihr Video-Gespräch.
    Sie können diese Seite jetzt schließen.
check-done-problems =
    Noch funktioniert nicht alles.
    Bitte lesen Sie die Hinweise oben.
check-saved = Das Ergebnis ist gespeichert.
check-error-save =
    Wir konnten das Ergebnis nicht speichern.
    Bitte versuchen Sie es noch einmal.
check-error-input =
    Diese Angaben kann ich nicht lesen.
    Bitte laden Sie die Seite neu.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Technik-Test für Termin { $reference }: { $result }
