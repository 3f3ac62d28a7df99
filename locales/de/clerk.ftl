# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Schalter für { $clerk }. Schreiben Sie „help“ für die Befehle.
desk-not-clerk = { $clerk } ist nicht als Sachbearbeitung eingetragen (SCHALTER_MATRIX_CLERKS). Nur eingetragene Personen können den Warteraum bedienen.
desk-help =
    Befehle:
    next – die nächste Person aufrufen
    take REF – eine bestimmte Person aufrufen
    done [Notiz] – Gespräch beenden
    noshow – Person nicht erschienen
    back – Person zurück in den Warteraum
    queue – den Warteraum zeigen
    today – die Termine von heute
    say KEY – eine vorbereitete Nachricht an die Person (camera, microphone, documents, moment, link)
    fee [BETRAG] [Grund] – Gebühr des Gesprächs festlegen oder einen Posten hinzufügen
    paid REF – Zahlungsstand zeigen
    refund REF [BETRAG] – Zahlung erstatten
    away / available – abwesend / verfügbar
    help – diese Hilfe
desk-unknown = Diesen Befehl kenne ich nicht.
desk-picked =
    Aufgerufen: { $reference } · { $service } · { $lang } · wartet seit { $waited } min
    Noch offen: { $open }
desk-video = Video: { $url }
desk-video-invited = Der Videoraum ist bereit: Die Einladung finden Sie in Element. Der Link steht nicht hier, weil diesen Raum nicht nur Sachbearbeitende lesen.
desk-nobody = Niemand wartet.
desk-not-waiting = { $reference } wartet gerade nicht.
desk-busy = Sie sind noch im Gespräch mit { $reference }. Bitte zuerst mit done, noshow oder back abschließen.
desk-done = { $reference } ist erledigt.
desk-noshow = { $reference } ist als nicht erschienen vermerkt.
desk-back = { $reference } ist zurück im Warteraum.
desk-no-call = Sie sind gerade in keinem Gespräch.
desk-queue-empty = Der Warteraum ist leer.
desk-queue-title = Warteraum: { $count } wartend, { $clerks } im Dienst
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · wartet seit { $waited } min · noch offen: { $open }
desk-in-call-line = Im Gespräch: { $reference } bei { $clerk }
desk-away = Sie sind jetzt abwesend und zählen nicht für die Wartezeit.
desk-available = Sie sind jetzt verfügbar.
desk-walk-in = ohne Termin
desk-checklist-complete = nichts
desk-agenda-title = Guten Morgen! Termine heute: { $count }
desk-today-title = Termine heute: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · Platz { $desk }
desk-say-sent = An { $reference } geschickt: { $key }
desk-say-keys = Diese Nachricht gibt es nicht. Vorbereitet sind: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
