# E-Mails an Bürgerinnen und Bürger im Web-Chat, die für einen Termin eine Adresse angegeben
# haben, und die Seiten ihrer Links. Nie ein Videolink, nie etwas, das jemand geschrieben hat.

mail-confirm-subject = Bitte bestätigen Sie Ihre E-Mail-Adresse
mail-confirm-body =
    Sie haben im Chat vom Bürger-Amt diese E-Mail-Adresse angegeben.
    Sie möchten Erinnerungen an Ihren Termin bekommen.
    Ihr Termin: { $service } am { $date } um { $time }.

    Bitte bestätigen Sie die Adresse.
    Klicken Sie dafür auf den Link unten.
    Erst dann schicken wir Ihnen E-Mails.

    Haben Sie die Adresse nicht angegeben? Dann müssen Sie nichts tun.
    Ohne Bestätigung bekommen Sie keine E-Mails mehr von uns.
    Wir löschen die Adresse nach 1 Tag.
mail-confirm-action = Adresse bestätigen

mail-booked-subject = Ihr Termin: { $service } am { $date }
mail-booked-body =
    Ihr Termin ist gebucht:
    { $service } am { $date } um { $time }
    Ihre Vorgangs-Nummer: { $reference }
    Mit dieser Nummer finden wir Ihren Termin.

    Im Anhang finden Sie den Termin für Ihren Kalender.
    Der Anhang ist eine Datei bei dieser E-Mail.
    Sie können ab { $minutes } Minuten vor dem Termin im Chat einchecken.
    Das heißt: Sie sagen uns: Ich bin da.
mail-booked-action = Zum Chat

mail-remind-subject = Erinnerung: { $service } am { $date } um { $time }
mail-remind-body =
    Wir erinnern Sie an Ihren Termin:
    { $service } am { $date } um { $time }

    Sie können ab { $minutes } Minuten vor dem Termin im Chat einchecken.
    Das heißt: Sie sagen uns: Ich bin da.
mail-remind-action = Zum Chat

mail-checkin-subject = Sie können jetzt einchecken
mail-checkin-body =
    Ihr Termin beginnt bald:
    { $service } um { $time }

    Öffnen Sie den Chat und checken Sie ein.
    Das heißt: Sie sagen uns: Ich bin da.
    Dann kommen Sie in den Warte-Raum im Internet.
mail-checkin-action = Zum Chat und einchecken

mail-called-subject = Die Person vom Amt ruft Sie jetzt an
mail-called-body =
    Sie sind jetzt dran: { $service }

    Öffnen Sie jetzt den Chat.
    Dort finden Sie den Link zum Video-Gespräch.
mail-called-action = Zurück zum Chat

mail-footer =
    Sie haben diese E-Mail-Adresse im Chat angegeben.
    Das war für Ihren Termin { $reference }.
    Darum bekommen Sie diese E-Mail.
    Nach dem Termin löschen wir die Adresse.
mail-stop = Keine E-Mails mehr bekommen

mydata-mail = E-Mail-Adresse für Erinnerungen: { $address } ({ $state })
mydata-mail-pending = noch nicht bestätigt
mydata-mail-confirmed = bestätigt
mydata-mail-bounced = E-Mails kommen nicht an

web-mail-title = Erinnerung per E-Mail
web-mail-hint =
    Das ist freiwillig.
    Das gilt nur für Ihren nächsten Termin.
    Sie bekommen dann eine Bestätigung und Erinnerungen per E-Mail.
    Und Sie bekommen eine Nachricht, wenn Sie dran sind.
    Nach dem Termin löschen wir die Adresse.
web-mail-label = Ihre E-Mail-Adresse
web-mail-send = Link zur Bestätigung senden
web-mail-sent =
    Wir haben einen Link an { $address } geschickt.
    Bitte öffnen Sie den Link.
    Damit bestätigen Sie die Adresse.
web-mail-confirmed-already = Diese Adresse ist für Ihren Termin schon bestätigt.
web-mail-bounced =
    An diese Adresse kommen unsere E-Mails nicht an.
    Bitte geben Sie eine andere Adresse an.
web-mail-no-booking =
    Bitte buchen Sie zuerst einen Termin.
    Dann können Sie Erinnerungen per E-Mail bekommen.
web-mail-invalid =
    Diese E-Mail-Adresse können wir nicht erreichen.
    Ein Beispiel für eine E-Mail-Adresse: name@beispiel.de
web-mail-link-invalid =
    Dieser Link gilt nicht mehr.
    Die Zeit für den Link ist vorbei. Oder Sie haben den Link schon benutzt.
    Sie können Ihre Adresse im Chat noch einmal angeben.
web-mail-confirm-title = E-Mail-Adresse bestätigen
web-mail-confirm-text =
    Bitte bestätigen Sie Ihre Adresse.
    Dann bekommen Sie E-Mails zu Ihrem Termin.
    Sie bekommen die Termin-Bestätigung mit einer Datei für Ihren Kalender.
    Sie bekommen Erinnerungen an den Termin.
    Und Sie bekommen eine Nachricht, wenn Sie dran sind.
web-mail-confirm-button = Adresse bestätigen
web-mail-confirm-done =
    Danke! Ihre Adresse ist bestätigt.
    Gleich bekommen Sie eine E-Mail mit der Termin-Bestätigung.
    Dabei ist eine Datei für Ihren Kalender.
web-mail-stop-title = Keine E-Mails mehr
web-mail-stop-text =
    Dann bekommen Sie keine E-Mails mehr zu diesem Termin.
    Wir löschen Ihre Adresse.
    Ihr Termin bleibt.
web-mail-stop-button = E-Mails abbestellen
web-mail-stop-done =
    Erledigt.
    Wir haben Ihre Adresse gelöscht.
    Sie bekommen keine E-Mails mehr.
    Ihr Termin bleibt.
web-back-title = Zurück zum Chat
web-back-text =
    Damit öffnen Sie Ihr Gespräch mit dem Bürger-Amt.
    Das Gespräch öffnet sich in diesem Browser.
web-back-button = Chat öffnen
