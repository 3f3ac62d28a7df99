# Warum ein Dokument, das jemand für die Checkliste geschickt hat, nicht angenommen wurde, und was stattdessen geht.
document-refused-empty = Diese Datei ist leer. Bitte schicken Sie das Dokument noch einmal.
document-refused-too-large = Diese Datei ist größer als { $mb } MB. Bitte schicken Sie ein kleineres Foto oder einen kleineren Scan, zum Beispiel ein PDF mit geringerer Auflösung.
document-refused-not-accepted = Ich kann nur PDF-Dateien und Fotos (JPEG, PNG oder HEIC) annehmen. Bitte schicken Sie das Dokument in einem dieser Formate. Ein Foto jeder Seite geht auch.
document-refused-pdf-active = Dieses PDF enthält ein Skript, deshalb kann ich es nicht annehmen. Bitte schicken Sie stattdessen ein Foto der Seiten oder speichern Sie es als neues PDF.
document-refused-pdf-embedded = An diesem PDF hängen weitere Dateien, deshalb kann ich es nicht annehmen. Bitte schicken Sie das Dokument ohne Anhänge oder ein Foto der Seiten.
document-refused-pdf-encrypted = Dieses PDF ist mit einem Passwort geschützt, die Sachbearbeitung könnte es nicht öffnen. Bitte schicken Sie es ohne Schutz oder ein Foto der Seiten.
document-refused-unreadable = Ich konnte diese Datei nicht lesen. Vielleicht ist sie beschädigt. Bitte schicken Sie sie noch einmal oder ein Foto der Seiten.
document-refused-no-booking = Sie haben noch keinen Termin, für den Unterlagen gedacht sein könnten. Bitte buchen Sie zuerst einen Termin und senden Sie die Unterlagen dann hier.
document-refused-full = Für diesen Termin liegen schon { $max } Dateien vor, mehr kann ich nicht aufbewahren. Bitte löschen Sie zuerst eine: /appointments, dann der Termin, dann „Unterlagen“.
document-refused-duplicate = Diese Datei haben Sie schon gesendet, Sie müssen nichts weiter tun. Für welche Unterlage sie ist, können Sie unter /appointments, dann „Unterlagen“ wählen.
document-refused-duplicate-of = Diese Datei haben Sie schon für „{ $document }“ gesendet. Sie müssen nichts weiter tun.
document-refused-unavailable = Ich konnte diese Datei nicht abrufen. Bitte senden Sie sie noch einmal.
document-refused-off = Dieses Amt nimmt im Chat keine Unterlagen an. Bitte halten Sie sie für das Gespräch bereit.

# A file arrived and was kept.
document-arrived = Danke, Ihre Datei ist angekommen.
document-kept = Danke, die Datei für „{ $document }“ liegt mir vor.
document-kept-replaced = Danke, für „{ $document }“ gilt jetzt die neue Datei.
document-still-missing = Es fehlt noch: { $documents }.
document-all-sent = Alle Unterlagen sind da. Die Sachbearbeitung sieht sie, wenn Ihr Gespräch beginnt.
document-removed = Die Datei für „{ $document }“ ist gelöscht.
document-gone = Diese Datei ist nicht mehr da. Bitte senden Sie sie noch einmal.
# The name of a file whose checklist item is not known yet.
document-unnamed = Unterlage

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Unterlagen für Ihren Termin { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: gesendet ({ $size })
document-list-missing = ⬜ { $document }: noch nicht gesendet
document-list-hint = Senden Sie hier ein Foto oder eine PDF-Datei jeder Unterlage. Höchstens { $mb } MB pro Datei und { $max } Dateien pro Termin. Die Sachbearbeitung sieht sie, wenn Ihr Gespräch beginnt; nach dem Termin werden sie gelöscht.
document-send-prompt = Bitte senden Sie jetzt „{ $document }“ als Foto oder PDF-Datei.
document-which-prompt = Ihre Datei ({ $size }) ist angekommen. Welche Unterlage ist das?
option-documents = Unterlagen ({ $sent } von { $total } gesendet)
option-send-document = { $document } senden
option-replace-document = { $document } ersetzen
option-remove-document = { $document } löschen

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Unterlage zum Termin { $reference }: { $document }, { $size }, gesendet am { $date }

# The web chat's form for a document (below the text field).
web-file-title = Unterlage senden
web-file-hint = Ein Foto oder eine PDF-Datei für Ihren Termin, höchstens 10 MB. Die Sachbearbeitung sieht sie, wenn Ihr Gespräch beginnt.
web-file-label = Datei auswählen
web-file-send = Hochladen
