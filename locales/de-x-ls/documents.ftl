# Warum ein Dokument, das jemand für die Checkliste geschickt hat, nicht angenommen wurde, und was stattdessen geht.
document-refused-empty =
    Diese Datei ist leer.
    Bitte schicken Sie das Dokument noch einmal.
document-refused-too-large =
    Diese Datei ist zu groß.
    Eine Datei darf höchstens { $mb } MB groß sein.
    MB heißt Megabyte. Das ist die Größe von einer Datei.
    Bitte schicken Sie ein kleineres Foto oder einen kleineren Scan.
    Zum Beispiel: ein PDF in kleinerer Auflösung.
document-refused-not-accepted =
    Ich kann nur diese Dateien annehmen:
    PDF-Dateien und Fotos (JPEG, PNG oder HEIC).
    Bitte schicken Sie das Dokument als PDF oder als Foto.
    Sie können auch von jeder Seite ein Foto schicken.
document-refused-pdf-active =
    In diesem PDF ist ein Skript.
    Das ist ein kleines Computer-Programm.
    Deshalb kann ich das PDF nicht annehmen.
    Bitte schicken Sie stattdessen ein Foto von den Seiten.
    Oder speichern Sie das Dokument als neues PDF.
document-refused-pdf-embedded =
    An diesem PDF hängen noch andere Dateien.
    Deshalb kann ich das PDF nicht annehmen.
    Bitte schicken Sie das Dokument ohne die anderen Dateien.
    Oder schicken Sie ein Foto von den Seiten.
document-refused-pdf-encrypted =
    Dieses PDF hat ein Passwort.
    Die Person vom Amt kann das PDF dann nicht öffnen.
    Bitte schicken Sie das PDF ohne Passwort.
    Oder schicken Sie ein Foto von den Seiten.
document-refused-unreadable =
    Ich konnte diese Datei nicht lesen.
    Vielleicht ist die Datei kaputt.
    Bitte schicken Sie die Datei noch einmal.
    Oder schicken Sie ein Foto von den Seiten.
document-refused-no-booking =
    Sie haben noch keinen Termin.
    Die Unterlagen sind aber für einen Termin.
    Unterlagen: Das sind Ihre Papiere für den Termin.
    Bitte buchen Sie zuerst einen Termin.
    Dann schicken Sie die Unterlagen hier.
document-refused-full =
    Für diesen Termin habe ich schon { $max } Dateien.
    Mehr Dateien kann ich nicht speichern.
    Bitte löschen Sie zuerst eine Datei.
    So geht das:
    Schreiben Sie /appointments.
    Wählen Sie dann den Termin.
    Wählen Sie dann „Unterlagen“.
document-refused-duplicate =
    Diese Datei haben Sie schon geschickt.
    Sie müssen nichts mehr tun.
    Sie können noch wählen: Für welche Unterlage ist die Datei?
    Schreiben Sie dafür /appointments.
    Wählen Sie dann „Unterlagen“.
document-refused-duplicate-of =
    Diese Datei haben Sie schon für „{ $document }“ geschickt.
    Sie müssen nichts mehr tun.
document-refused-unavailable =
    Ich konnte diese Datei nicht bekommen.
    Bitte schicken Sie die Datei noch einmal.
document-refused-off =
    Dieses Amt nimmt im Chat keine Unterlagen an.
    Bitte legen Sie Ihre Unterlagen für das Video-Gespräch bereit.

# A file arrived and was kept.
document-arrived =
    Danke.
    Ihre Datei ist angekommen.
document-kept =
    Danke.
    Ich habe die Datei für „{ $document }“ bekommen.
document-kept-replaced =
    Danke.
    Für „{ $document }“ gilt jetzt die neue Datei.
document-still-missing = Diese Unterlagen fehlen noch: { $documents }.
document-all-sent =
    Alle Unterlagen sind da.
    Die Person vom Amt sieht die Unterlagen im Video-Gespräch.
document-removed = Die Datei für „{ $document }“ ist jetzt gelöscht.
document-gone =
    Diese Datei ist nicht mehr da.
    Bitte schicken Sie die Datei noch einmal.
# The name of a file whose checklist item is not known yet.
document-unnamed = Unterlage

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title =
    Unterlagen für Ihren Termin:
    Buchungs-Nummer: { $reference }
    { $service }
    { $date }
document-list-sent = ✅ { $document }: geschickt ({ $size })
document-list-missing = ⬜ { $document }: noch nicht geschickt
document-list-hint =
    Schicken Sie hier von jeder Unterlage ein Foto oder eine PDF-Datei.
    Jede Datei darf höchstens { $mb } MB groß sein.
    Sie können höchstens { $max } Dateien für einen Termin schicken.
    Die Person vom Amt sieht die Unterlagen im Video-Gespräch.
    Nach dem Termin löschen wir die Unterlagen.
document-send-prompt = Bitte schicken Sie jetzt „{ $document }“ als Foto oder als PDF-Datei.
document-which-prompt =
    Ihre Datei ({ $size }) ist angekommen.
    Welche Unterlage ist das?
option-documents = Unterlagen ({ $sent } von { $total } geschickt)
option-send-document = { $document } schicken
option-replace-document = { $document } neu schicken
option-remove-document = { $document } löschen

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Unterlage für den Termin { $reference }: { $document } ({ $size }), geschickt am { $date }

# The web chat's form for a document (below the text field).
web-file-title = Unterlage schicken
web-file-hint =
    Ein Foto oder eine PDF-Datei für Ihren Termin.
    Die Datei darf höchstens 10 MB groß sein.
    Die Person vom Amt sieht die Datei im Video-Gespräch.
web-file-label = Datei auswählen
web-file-send = Hochladen
