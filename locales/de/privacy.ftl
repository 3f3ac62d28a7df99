privacy-line = Datenschutz: { $url } – mehr mit /privacy
privacy-notice =
    Datenschutz
    Verantwortlich: { $controller }
    Wozu: Wir speichern, was Sie uns schreiben, Ihre Termine und Gebühren, um Ihr Anliegen zu bearbeiten, Sie zu erinnern und Sie ins Videogespräch zu holen.
    Wie lange: Ein Gespräch, in dem Sie { $idle } Tage nichts geschrieben haben, löschen wir. { $appointment } Tage nach einem Termin bleibt davon nur, was keine Rückschlüsse auf Sie zulässt (Dienst, Sprache, Tag, Wartezeit).
    Ihre Rechte: /mydata zeigt, was wir über Sie speichern; /forget löscht alles.
    Kontakt Datenschutz: { $contact }
    Mehr: { $url }
keywords-privacy = datenschutz, datenschutzerklärung, privatsphäre
keywords-mydata = meine daten, was wissen sie über mich, welche daten, datenauskunft, auskunft über meine daten
keywords-forget = daten löschen, meine daten löschen, lösch meine daten, vergiss mich, alles löschen
mydata-title = Das speichern wir über Sie:
mydata-conversation = Ihr Gespräch mit uns: Sprache { $lang }, zuletzt am { $date }
mydata-booking = Termin { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = Im Warteraum am { $date }: { $service } – { $status }
mydata-payment = Gebühr { $reference }: { $amount } – { $state }
mydata-feedback = Ihre Bewertung: { $rating } von 5 { $comment }
mydata-messages = Nachrichten an Sie (noch nicht zugestellt oder aus den letzten Tagen): { $messages }; Ihre Eingaben aus den letzten Tagen (ohne Text): { $inputs }
mydata-nothing = Nichts.
mydata-retention = Gelöscht wird: ein Gespräch nach { $idle } Tagen ohne Nachricht, alles, was Sie erkennbar macht, { $appointment } Tage nach dem Termin. Mit /forget löschen Sie alles sofort.
mydata-status-held = vorgemerkt
mydata-status-confirmed = gebucht
mydata-status-cancelled = abgesagt
mydata-status-expired = verfallen
mydata-status-done = erledigt
mydata-status-no-show = nicht erschienen
mydata-status-waiting = wartet
mydata-status-called = im Gespräch
mydata-status-left = verlassen
forget-confirm = Sollen wir wirklich alles löschen, was wir über Sie gespeichert haben? Ihre künftigen Termine werden dann abgesagt, und wir kennen Sie danach nicht mehr.
option-forget-yes = Ja, alles löschen
option-forget-no = Nein, nichts löschen
forget-done = Erledigt: Wir haben alles über Sie gelöscht und Ihre künftigen Termine abgesagt. Wenn Sie uns wieder schreiben, fangen wir neu an.
booking-limit = Sie haben bereits { $max } Termine gebucht; mehr sind gleichzeitig nicht möglich. Sie können einen Termin verschieben oder absagen.
input-rate-limited = Sie haben in kurzer Zeit sehr viele Nachrichten geschickt. Bitte warten Sie eine Minute und schreiben Sie dann weiter.
command-privacy = Datenschutz
command-mydata = Meine gespeicherten Daten
command-forget = Alle meine Daten löschen
