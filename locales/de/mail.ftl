# E-Mails an Bürgerinnen und Bürger im Web-Chat, die für einen Termin eine Adresse angegeben
# haben, und die Seiten ihrer Links. Nie ein Videolink, nie etwas, das jemand geschrieben hat.

mail-confirm-subject = Bitte bestätigen Sie Ihre E-Mail-Adresse
mail-confirm-body =
    Sie haben im Chat des Bürgeramts diese Adresse angegeben, um Erinnerungen an Ihren Termin zu bekommen: { $service } am { $date } um { $time }.

    Bitte bestätigen Sie sie mit dem Link unten. Erst dann schicken wir Ihnen E-Mails.

    Waren Sie das nicht? Dann müssen Sie nichts tun. Ohne Bestätigung bekommen Sie nichts mehr von uns, und die Adresse wird nach einem Tag gelöscht.
mail-confirm-action = Adresse bestätigen

mail-booked-subject = Ihr Termin: { $service } am { $date }
mail-booked-body =
    Ihr Termin ist gebucht: { $service } am { $date } um { $time }. Ihre Vorgangsnummer: { $reference }.

    Den Termin für Ihren Kalender finden Sie im Anhang. Einchecken können Sie ab { $minutes } Minuten vor dem Termin im Chat.
mail-booked-action = Zum Chat

mail-remind-subject = Erinnerung: { $service } am { $date } um { $time }
mail-remind-body =
    Wir erinnern Sie an Ihren Termin: { $service } am { $date } um { $time }.

    Einchecken können Sie ab { $minutes } Minuten vor dem Termin im Chat.
mail-remind-action = Zum Chat

mail-checkin-subject = Sie können jetzt einchecken
mail-checkin-body =
    Ihr Termin beginnt bald: { $service } um { $time }.

    Öffnen Sie den Chat und checken Sie ein. Dann kommen Sie in den virtuellen Warteraum.
mail-checkin-action = Zum Chat und einchecken

mail-called-subject = Die Sachbearbeitung ruft Sie jetzt an
mail-called-body =
    Sie sind an der Reihe: { $service }.

    Öffnen Sie jetzt den Chat. Dort finden Sie den Link zum Videogespräch.
mail-called-action = Zurück zum Chat

mail-footer = Sie bekommen diese E-Mail, weil Sie die Adresse im Chat für Ihren Termin { $reference } angegeben haben. Nach dem Termin löschen wir sie.
mail-stop = Keine E-Mails mehr bekommen

mydata-mail = E-Mail-Adresse für Erinnerungen: { $address } ({ $state })
mydata-mail-pending = noch nicht bestätigt
mydata-mail-confirmed = bestätigt
mydata-mail-bounced = nicht zustellbar

web-mail-title = Erinnerung per E-Mail
web-mail-hint = Freiwillig. Nur für Ihren nächsten Termin: Bestätigung, Erinnerungen und Nachricht, wenn Sie an der Reihe sind. Nach dem Termin wird die Adresse gelöscht.
web-mail-label = Ihre E-Mail-Adresse
web-mail-send = Link zur Bestätigung senden
web-mail-sent = Wir haben einen Link an { $address } geschickt. Bitte öffnen Sie ihn, um die Adresse zu bestätigen.
web-mail-confirmed-already = Diese Adresse ist für Ihren Termin schon bestätigt.
web-mail-bounced = An diese Adresse konnten wir nicht zustellen. Bitte geben Sie eine andere an.
web-mail-no-booking = Buchen Sie zuerst einen Termin. Dann können Sie Erinnerungen per E-Mail bekommen.
web-mail-invalid = Das ist keine E-Mail-Adresse, die wir erreichen können. Beispiel: name@beispiel.de
web-mail-link-invalid = Dieser Link gilt nicht mehr. Er ist abgelaufen oder wurde schon benutzt. Im Chat können Sie Ihre Adresse noch einmal angeben.
web-mail-confirm-title = E-Mail-Adresse bestätigen
web-mail-confirm-text = Mit der Bestätigung bekommen Sie E-Mails zu Ihrem Termin: die Bestätigung mit Kalenderdatei, Erinnerungen und eine Nachricht, wenn Sie an der Reihe sind.
web-mail-confirm-button = Adresse bestätigen
web-mail-confirm-done = Danke! Ihre Adresse ist bestätigt. Die Terminbestätigung mit Kalenderdatei kommt gleich per E-Mail.
web-mail-stop-title = Keine E-Mails mehr
web-mail-stop-text = Sie bekommen dann keine E-Mails mehr zu diesem Termin, und wir löschen Ihre Adresse. Ihr Termin bleibt bestehen.
web-mail-stop-button = E-Mails abbestellen
web-mail-stop-done = Erledigt. Ihre Adresse ist gelöscht, Sie bekommen keine E-Mails mehr. Ihr Termin bleibt bestehen.
web-back-title = Zurück zum Chat
web-back-text = Damit öffnen Sie Ihr Gespräch mit dem Bürgeramt in diesem Browser.
web-back-button = Chat öffnen
