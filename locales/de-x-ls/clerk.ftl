# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome =
    Schalter für { $clerk }.
    Schreiben Sie „help“: Dann sehen Sie alle Befehle.
desk-not-clerk =
    { $clerk } ist nicht als Person vom Amt eingetragen.
    Die Liste steht in SCHALTER_MATRIX_CLERKS.
    Nur Personen auf dieser Liste können den Warte-Raum bedienen.
desk-help =
    Befehle:
    next – die nächste Person aufrufen
    take REF – eine bestimmte Person aufrufen
    done [Notiz] – das Gespräch beenden
    noshow – die Person ist nicht gekommen
    back – die Person zurück in den Warte-Raum schicken
    queue – den Warte-Raum zeigen
    today – die Termine von heute zeigen
    say KEY – eine fertige Nachricht an die Person schicken
    KEY ist eins von diesen Wörtern: camera · microphone · documents · moment · link
    fee [BETRAG] [Grund] – das Geld für das Gespräch festlegen oder einen Posten dazu-schreiben
    paid REF – zeigen: Ist das Geld bezahlt?
    refund REF [BETRAG] – Geld zurück-zahlen
    away – Sie sind weg
    available – Sie sind wieder da
    help – diese Hilfe zeigen
desk-unknown = Diesen Befehl kenne ich nicht.
desk-picked =
    Aufgerufen: { $reference } · { $service } · { $lang } · wartet seit { $waited } Minuten
    Noch offen: { $open }
desk-video = Video: { $url }
desk-video-invited =
    Der Video-Raum ist bereit.
    Die Einladung finden Sie in Element.
    Der Link steht nicht hier.
    Denn hier lesen nicht nur Personen vom Amt mit.
desk-nobody = Gerade wartet niemand.
desk-not-waiting = { $reference } wartet gerade nicht.
desk-busy =
    Sie sind noch im Gespräch mit { $reference }.
    Bitte schreiben Sie zuerst done oder noshow oder back.
desk-done = Das Gespräch mit { $reference } ist fertig.
desk-noshow = Wir haben notiert: { $reference } ist nicht gekommen.
desk-back = { $reference } ist wieder im Warte-Raum.
desk-no-call = Sie haben gerade kein Gespräch.
desk-queue-empty = Der Warte-Raum ist leer.
desk-queue-title = Warte-Raum: { $count } wartend · { $clerks } im Dienst
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · wartet seit { $waited } Minuten · noch offen: { $open }
desk-in-call-line = Im Gespräch: { $reference } bei { $clerk }
desk-away =
    Sie sind jetzt weg.
    Die Warte-Zeit rechnen wir jetzt ohne Sie.
desk-available = Sie sind jetzt wieder da und bereit für Gespräche.
desk-walk-in = ohne Termin
desk-checklist-complete = nichts
desk-agenda-title = Guten Morgen! Termine heute: { $count }
desk-today-title = Termine heute: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · Platz { $desk }
desk-say-sent = Geschickt an { $reference }: { $key }
desk-say-keys =
    Diese Nachricht gibt es nicht.
    Es gibt diese fertigen Nachrichten: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
