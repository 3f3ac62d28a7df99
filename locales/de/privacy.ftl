privacy-line = Datenschutz: { $url } – mehr mit /privacy
privacy-notice =
    Datenschutz
    Verantwortlich: { $controller }
    Datenschutzbeauftragte Stelle: { $contact }
    Wozu: Wir speichern, was Sie uns schreiben, Ihre Termine, Ihre Besuche im Warteraum und Ihre Gebühren. Damit bearbeiten wir Ihr Anliegen, erinnern Sie an Termine und holen Sie ins Videogespräch. Ihre Bewertung nach dem Gespräch ist freiwillig.
    Rechtsgrundlage: { $legal_basis ->
        [none] Art. 6 Abs. 1 Buchst. e DSGVO (Erfüllung einer Aufgabe im öffentlichen Interesse)
       *[other] { $legal_basis }
    }
    Wer die Daten erhält: der Messenger, über den Sie schreiben (Telegram: Telegram FZ-LLC in Dubai, also außerhalb der EU; für die Vereinigten Arabischen Emirate gibt es keinen Angemessenheitsbeschluss der EU-Kommission; Matrix: der Matrix-Server der Stadt); im Web-Chat niemand außer uns (geben Sie dort eine E-Mail-Adresse an, auch der Mail-Server der Stadt, der die E-Mails zustellt); der Videodienst für das Gespräch; der Zahlungsdienstleister, wenn Sie online bezahlen (Stripe Payments Europe, Dublin).
    Wie lange: Ein Gespräch, in dem Sie { $idle } Tage nichts geschrieben haben, löschen wir. { $appointment } Tage nach einem Termin bleibt davon nur, was keine Rückschlüsse auf Sie zulässt (Dienst, Sprache, Tag, Wartezeit). Zugestellte Nachrichten löschen wir nach { $delivered } Tagen, Notizen der Sachbearbeitung nach { $notes } Tagen. Eine E-Mail-Adresse für Erinnerungen löschen wir, sobald der Termin vorbei ist (unbestätigt nach einem Tag).
    Ihre Rechte: Auskunft – /mydata zeigt, was wir über Sie speichern. Löschung – /forget löscht alles. Berichtigung, Einschränkung und Widerspruch: Schreiben Sie an die datenschutzbeauftragte Stelle.
    Beschwerde: Sie können sich bei der Aufsichtsbehörde beschweren: { $authority ->
        [none] bei der Datenschutz-Aufsichtsbehörde Ihres Bundeslandes.
       *[other] { $authority }
    }
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
