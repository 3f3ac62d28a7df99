privacy-line = Daten-Schutz: { $url } – mehr mit /privacy
privacy-notice =
    Daten-Schutz
    Das heißt: Wir schützen Ihre Daten.
    Hier steht: Was machen wir mit Ihren Daten?
    Wer ist verantwortlich für Ihre Daten?
    { $controller }
    Wer passt im Amt auf den Daten-Schutz auf?
    { $contact }
    Welche Daten speichern wir?
    • Was Sie uns schreiben
    • Ihre Termine
    • Wann Sie im Warte-Raum waren
    • Ihr Geld für das Amt
    Wozu brauchen wir die Daten?
    Damit kümmern wir uns um Ihre Sache beim Amt.
    Damit erinnern wir Sie an Ihre Termine.
    Damit holen wir Sie in das Video-Gespräch.
    Nach dem Gespräch können Sie uns eine Bewertung geben.
    Das ist freiwillig. Das heißt: Sie entscheiden selbst.
    Welches Gesetz erlaubt uns das?
    { $legal_basis ->
        [none] Artikel 6 Absatz 1 Buchstabe e DSGVO. Die DSGVO ist ein Gesetz von der EU. Nach dem Gesetz dürfen wir das: Wir machen eine Aufgabe für alle Menschen.
       *[other] { $legal_basis }
    }
    Wer bekommt Ihre Daten?
    • Der Messenger: Das ist die App. Damit schreiben Sie uns.
    Telegram: Die Firma heißt Telegram FZ-LLC. Die Firma ist in Dubai.
    Dubai ist in den Vereinigten Arabischen Emiraten. Das Land ist nicht in der EU.
    Für dieses Land gibt es keinen Angemessenheits-Beschluss von der EU-Kommission.
    Das heißt: Die EU hat nicht bestätigt: Ihre Daten sind dort so gut geschützt wie in der EU.
    Matrix: Der Matrix-Server von der Stadt bekommt Ihre Daten.
    Web-Chat: Nur wir bekommen Ihre Daten.
    Sie geben im Web-Chat eine E-Mail-Adresse an?
    Dann bekommt auch der Mail-Server von der Stadt Ihre Daten. Er schickt die E-Mails.
    • Der Video-Dienst für das Gespräch.
    • Sie bezahlen online? Dann bekommt auch die Firma für das Bezahlen Ihre Daten.
    Die Firma heißt Stripe Payments Europe. Sie ist in Dublin.
    Wie lange speichern wir Ihre Daten?
    Sie schreiben uns { $idle } Tage lang nichts? Dann löschen wir das Gespräch.
    { $appointment } Tage nach einem Termin löschen wir fast alles.
    Wir behalten nur diese Daten:
    • Dienst
    • Sprache
    • Tag
    • Warte-Zeit
    Daran kann niemand Sie erkennen.
    Nachrichten an Sie löschen wir { $delivered } Tage nach dem Schicken.
    Notizen von der Person vom Amt löschen wir nach { $notes } Tagen.
    Sie geben uns eine E-Mail-Adresse für Erinnerungen? Dann löschen wir die Adresse nach dem Termin.
    Sie bestätigen die E-Mail-Adresse nicht? Dann löschen wir die Adresse nach 1 Tag.
    Ihre Rechte:
    Sie wollen wissen: Was speichern wir über Sie? Dann schreiben Sie /mydata.
    Wir sollen alles über Sie löschen? Dann schreiben Sie /forget.
    Wir sollen falsche Daten richtig machen?
    Oder wir sollen weniger mit Ihren Daten machen?
    Oder Sie sind dagegen: Wir sollen Ihre Daten nicht mehr benutzen?
    Dann schreiben Sie an die Stelle für Daten-Schutz. Die Adresse steht oben.
    Beschwerde:
    Sie wollen sich beschweren? Das geht bei der Aufsichts-Behörde.
    Aufsichts-Behörde: Das ist ein Amt. Es passt auf: Halten sich alle an den Daten-Schutz?
    { $authority ->
        [none] Das ist die Aufsichts-Behörde für Daten-Schutz in Ihrem Bundes-Land.
       *[other] { $authority }
    }
    Mehr Infos: { $url }
keywords-privacy =
    datenschutz
    datenschutzerklärung
    privatsphäre
    daten schutz
keywords-mydata =
    meine daten
    was wissen sie über mich
    welche daten
    datenauskunft
    auskunft über meine daten
    was speichern sie
    was habt ihr über mich
    meine infos
keywords-forget =
    daten löschen
    meine daten löschen
    lösch meine daten
    vergiss mich
    alles löschen
    daten weg
    alles über mich löschen
mydata-title = Das speichern wir über Sie:
mydata-conversation = Ihr Gespräch mit uns: Sprache { $lang }, zuletzt am { $date }
mydata-booking = Termin { $reference }: { $service } am { $date } um { $time } – { $status }
mydata-visit = Im Warte-Raum am { $date }: { $service } – { $status }
mydata-payment = Geld für das Amt ({ $reference }): { $amount } – { $state }
mydata-feedback = Ihre Bewertung: { $rating } von 5 { $comment }
mydata-messages =
    Nachrichten an Sie: { $messages }
    Das sind Nachrichten aus den letzten Tagen. Und Nachrichten: Sie haben sie noch nicht bekommen.
    Ihre Eingaben aus den letzten Tagen: { $inputs }
    Den Text von Ihren Eingaben speichern wir nicht.
mydata-nothing = Nichts.
mydata-retention =
    Wann löschen wir Ihre Daten?
    Sie schreiben uns { $idle } Tage lang nichts? Dann löschen wir das Gespräch.
    { $appointment } Tage nach dem Termin löschen wir alles, woran man Sie erkennen kann.
    Mit /forget löschen Sie sofort alles.
mydata-status-held = reserviert
mydata-status-confirmed = gebucht
mydata-status-cancelled = abgesagt
mydata-status-expired = abgelaufen
mydata-status-done = erledigt
mydata-status-no-show = nicht gekommen
mydata-status-waiting = wartet
mydata-status-called = im Gespräch
mydata-status-left = Warte-Raum verlassen
forget-confirm =
    Sollen wir wirklich alles über Sie löschen?
    Dann sagen wir auch Ihre Termine ab.
    Und wir kennen Sie danach nicht mehr.
option-forget-yes = Ja, alles löschen
option-forget-no = Nein, nichts löschen
forget-done =
    Fertig: Wir haben alles über Sie gelöscht.
    Wir haben auch Ihre Termine abgesagt.
    Sie können uns wieder schreiben. Dann fangen wir neu an.
booking-limit =
    Sie haben schon { $max } Termine gebucht.
    Mehr Termine auf einmal sind nicht möglich.
    Sie können einen Termin verschieben oder absagen.
input-rate-limited =
    Sie haben sehr viele Nachrichten in kurzer Zeit geschickt.
    Bitte warten Sie 1 Minute.
    Dann können Sie weiter schreiben.
command-privacy = Daten-Schutz
command-mydata = Meine gespeicherten Daten
command-forget = Alle meine Daten löschen
