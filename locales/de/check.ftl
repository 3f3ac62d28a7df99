# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Testen Sie vor dem Gespräch Kamera, Mikrofon und Ton (dauert 2 Minuten): { $link }
device-check-try = Ob Kamera und Mikrofon funktionieren, können Sie vorher hier testen: { $link }
# $parts: what did not work, e.g. "Kamera, Mikrofon".
device-check-nudge = Beim Technik-Check hat etwas nicht funktioniert: { $parts }. Testen Sie es bitte noch einmal, während Sie warten: { $link }
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
check-title = Technik-Check für Ihr Videogespräch
check-intro = In 2 Minuten prüfen wir Kamera, Mikrofon und Ton. Dann klappt das Gespräch mit der Sachbearbeitung.
# $service, $date, $time: the booked appointment.
check-appointment = Ihr Termin: { $service }, { $date }, { $time }
check-privacy = Bild und Ton bleiben auf Ihrem Gerät. Nichts wird aufgenommen oder gesendet.
check-privacy-saved = Gespeichert wird nur, ob jeder Teil funktioniert hat, und welche Art Gerät Sie benutzen. Die Sachbearbeitung sieht das bei Ihrem Termin.
check-expired = Dieser Link gilt nicht mehr: Der Termin ist vorbei oder abgesagt. Sie können Ihr Gerät trotzdem hier testen.
check-permission-note = Ihr Browser fragt gleich, ob diese Seite Kamera und Mikrofon benutzen darf. Tippen Sie auf „Erlauben“.
check-start = Check starten
check-again = Noch einmal versuchen
check-noscript = Für den Check braucht Ihr Browser JavaScript. Schalten Sie es ein, oder öffnen Sie die Seite in einem anderen Browser.

check-camera = Kamera
check-microphone = Mikrofon
check-speaker = Lautsprecher
check-connection = Verbindung zum Videodienst
check-camera-preview = Bild Ihrer Kamera
check-state-waiting = Noch nicht geprüft.
check-state-running = Wird geprüft …
check-state-ok = Funktioniert.
check-state-failed = Funktioniert nicht.

check-level-label = Lautstärke Ihres Mikrofons
check-level-none = Wir hören noch nichts. Sprechen Sie bitte ein paar Worte.
check-level-low = Wir hören Sie leise. Sprechen Sie etwas lauter oder näher am Gerät.
check-level-good = Wir hören Sie gut.

check-speaker-play = Testton abspielen
check-speaker-question = Haben Sie den Ton gehört?
check-speaker-yes = Ja, gehört
check-speaker-no = Nein
check-speaker-help = Stellen Sie den Ton lauter und schalten Sie die Stummschaltung aus. Wenn Sie Kopfhörer benutzen: Sind sie verbunden? Spielen Sie den Ton dann noch einmal ab.

check-connection-ok = Der Videodienst ist erreichbar.
check-connection-failed = Der Videodienst ist von hier aus nicht erreichbar. Versuchen Sie ein anderes Netz, zum Beispiel WLAN statt mobiler Daten, oder umgekehrt.
check-connection-unsupported = Dieser Browser kann keine Videogespräche führen. Öffnen Sie die Seite bitte in einem aktuellen Browser.

## Why something failed, and what to do.
check-fail-denied = Der Zugriff wurde nicht erlaubt. So erlauben Sie ihn:
check-fail-missing = Wir finden an Ihrem Gerät keine Kamera oder kein Mikrofon. Benutzen Sie ein Smartphone, oder schließen Sie eine Kamera oder ein Headset an.
check-fail-busy = Eine andere App benutzt gerade Kamera oder Mikrofon, zum Beispiel ein anderes Videogespräch. Schließen Sie diese App und versuchen Sie es noch einmal.
check-fail-unsupported = Dieser Browser kann Kamera und Mikrofon nicht für Webseiten freigeben. Öffnen Sie die Seite in Safari (iPhone) oder Chrome (Android).
check-fail-silent = Wir hören nichts. Ist das Mikrofon stumm geschaltet? Sprechen Sie ein paar Worte.
check-steps-title = So geht es auf Ihrem Gerät:
check-steps-more = Anleitung für andere Geräte
check-in-app = Sie haben diese Seite in einer App geöffnet, zum Beispiel in Telegram oder Instagram. Dort funktioniert die Kamera oft nicht.
check-copy-link = Link zum Kopieren:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Tippen Sie in der Adresszeile links auf „aA“.
    Tippen Sie auf „Website-Einstellungen“.
    Stellen Sie Kamera und Mikrofon auf „Erlauben“.
    Laden Sie diese Seite neu.
check-steps-android =
    Tippen Sie links neben der Adresse auf das Symbol mit den Reglern.
    Tippen Sie auf „Berechtigungen“.
    Schalten Sie Kamera und Mikrofon ein.
    Laden Sie diese Seite neu.
check-steps-samsung =
    Tippen Sie unten auf das Menü mit den drei Strichen.
    Tippen Sie auf „Einstellungen“ und dann auf „Websites und Downloads“.
    Tippen Sie auf „Website-Berechtigungen“ und erlauben Sie Kamera und Mikrofon für diese Seite.
    Laden Sie diese Seite neu.
check-steps-firefox =
    Tippen oder klicken Sie links in der Adresszeile auf das Schloss.
    Erlauben Sie dort Kamera und Mikrofon.
    Laden Sie diese Seite neu.
check-steps-in-app =
    Tippen Sie oben rechts auf das Menü (⋮ oder …).
    Wählen Sie „Im Browser öffnen“.
    Starten Sie den Check dort noch einmal.
check-steps-desktop =
    Klicken Sie links in der Adresszeile auf das Symbol (Schloss oder Kamera).
    Erlauben Sie Kamera und Mikrofon für diese Seite.
    Laden Sie diese Seite neu.
check-steps-other =
    Öffnen Sie die Einstellungen Ihres Browsers.
    Erlauben Sie Kamera und Mikrofon für diese Seite.
    Laden Sie diese Seite neu.

check-done-ready = Alles bereit für Ihr Videogespräch. Sie können diese Seite jetzt schließen.
check-done-problems = Noch funktioniert nicht alles. Lesen Sie bitte die Hinweise oben.
check-saved = Das Ergebnis ist gespeichert.
check-error-save = Das Ergebnis konnte nicht gespeichert werden. Versuchen Sie es bitte noch einmal.
check-error-input = Diese Angaben kann ich nicht lesen. Laden Sie die Seite bitte neu.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Technik-Check für { $reference }: { $result }
