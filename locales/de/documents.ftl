# Warum ein Dokument, das jemand für die Checkliste geschickt hat, nicht angenommen wurde, und was stattdessen geht.
document-refused-empty = Diese Datei ist leer. Bitte schicken Sie das Dokument noch einmal.
document-refused-too-large = Diese Datei ist größer als { $mb } MB. Bitte schicken Sie ein kleineres Foto oder einen kleineren Scan, zum Beispiel ein PDF mit geringerer Auflösung.
document-refused-not-accepted = Ich kann nur PDF-Dateien und Fotos (JPEG, PNG oder HEIC) annehmen. Bitte schicken Sie das Dokument in einem dieser Formate. Ein Foto jeder Seite geht auch.
document-refused-pdf-active = Dieses PDF enthält ein Skript, deshalb kann ich es nicht annehmen. Bitte schicken Sie stattdessen ein Foto der Seiten oder speichern Sie es als neues PDF.
document-refused-pdf-embedded = An diesem PDF hängen weitere Dateien, deshalb kann ich es nicht annehmen. Bitte schicken Sie das Dokument ohne Anhänge oder ein Foto der Seiten.
document-refused-pdf-encrypted = Dieses PDF ist mit einem Passwort geschützt, die Sachbearbeitung könnte es nicht öffnen. Bitte schicken Sie es ohne Schutz oder ein Foto der Seiten.
document-refused-unreadable = Ich konnte diese Datei nicht lesen. Vielleicht ist sie beschädigt. Bitte schicken Sie sie noch einmal oder ein Foto der Seiten.
