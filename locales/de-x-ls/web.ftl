# The web chat's page and widget: everything around the conversation itself.
web-page-title = Chat mit dem Bürger-Amt
web-intro =
    Hier schreiben Sie mit dem Bürger-Amt.
    Das Bürger-Amt ist ein Amt von der Stadt.
    Hier finden Sie das richtige Angebot vom Amt.
    Sie buchen einen Termin.
    Zur Termin-Zeit sprechen Sie mit uns per Video.
    Dafür brauchen Sie nur diesen Browser.
web-privacy-before =
    Bevor Sie beginnen:
    Bitte lesen Sie, was wir speichern und wie lange.
web-privacy-link = Hinweise zum Daten-Schutz
web-start = Chat starten
web-start-note =
    Erst drücken Sie auf „Chat starten“.
    Dann speichern wir ein Cookie.
    Das ist eine kleine Datei in Ihrem Browser.
    Damit erkennen wir Ihr Gespräch wieder.
    Sie brauchen das Cookie für den Chat.
web-log-label = Gespräch mit dem Bürger-Amt
web-you = Sie
web-office = Bürger-Amt
web-input-label = Ihre Nachricht
web-send = Senden
web-options-label = Bitte wählen Sie
web-download = Datei herunterladen: { $name }
web-open-link = { $label } (öffnet sich in diesem Fenster)
web-launcher = Chat mit dem Bürger-Amt
web-close = Chat schließen
web-status-connecting = Wir verbinden Sie …
web-status-connected = Verbunden.
web-status-offline =
    Die Verbindung ist unterbrochen.
    Wir versuchen es weiter.
    Danach sehen Sie alle Nachrichten, die Sie verpasst haben.
web-status-sending = Wir senden Ihre Nachricht …
web-status-calling =
    Die Person vom Amt ruft Sie jetzt an.
    Öffnen Sie den Link zum Video-Anruf.
web-error-origin =
    Diese Seite darf den Chat nicht zeigen.
    Bitte öffnen Sie den Chat auf der Seite vom Bürger-Amt.
web-error-session =
    Ihr Gespräch ist beendet. Oder wir finden es nicht.
    Bitte starten Sie den Chat neu.
web-error-too-long =
    Ihre Nachricht ist zu lang.
    Sie darf höchstens { $max } Zeichen haben.
    Bitte schreiben Sie eine kürzere Nachricht.
web-error-empty =
    Bitte schreiben Sie eine Nachricht.
    Oder wählen Sie eine Antwort.
web-error-too-many =
    Sie haben zu viele Nachrichten auf einmal geschickt.
    Bitte warten Sie einen Moment.
    Versuchen Sie es dann noch einmal.
web-error-too-large =
    Die Nachricht ist zu groß.
    Bitte senden Sie eine kürzere Nachricht.
web-error-unknown =
    Das hat nicht geklappt.
    Bitte versuchen Sie es noch einmal.
web-ended =
    Ihr Gespräch ist beendet.
    Wir haben Ihre Daten gelöscht.
    Sie können jederzeit einen neuen Chat starten.
web-noscript =
    Der Chat geht auch ohne JavaScript.
    Dann lädt die Seite bei jeder Antwort neu.
web-language-label = Sprache
web-language-choose = Sprache wählen
