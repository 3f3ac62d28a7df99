# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = hallo, hi, hey, guten tag, guten morgen, guten abend, servus, grüß gott, grüezi, hallo zusammen, guten mittag, grüß dich
question-thanks-keywords = danke, vielen dank, dankeschön, danke schön, besten dank, danke sehr, merci, danke dir
question-hours-keywords = öffnungszeiten, geöffnet, wann offen, wann habt ihr offen, sprechzeiten, erreichbar, wann kann ich kommen, öffnungs zeiten, heute offen, uhrzeiten
question-address-keywords = adresse, anschrift, wo ist das bürgeramt, wo ist das amt, standort, wo seid ihr, wo sind sie, wo finde ich das bürgeramt, wo ist das bürger amt, wie komme ich hin, wo muss ich hin, ort vom amt, welche straße
question-cost-keywords = kosten, kostet, gebühr, gebühren, preis, wie teuer, wie viel geld, was kostet das, wie viel kostet
question-duration-keywords = wie lange, dauer, dauert, wie viel zeit
question-documents-keywords = mitbringen, unterlagen, was brauche ich, welche dokumente, welche papiere, papiere, dokumente, was muss ich mitbringen, welche zettel
question-payment-keywords = bezahlen, zahlen, bezahlung, zahlung, zahlungsart, mit karte, kartenzahlung, überweisung, wie bezahle ich, bar zahlen, bar bezahlen, rechnung, geld bezahlen
question-call-keywords = videogespräch, wie läuft, ablauf, vorbereiten, kamera, mikrofon, videoanruf, video gespräch, video anruf, wie geht video, handy kamera, link öffnen
question-proxy-keywords = vollmacht, für mich kommen, für mich gehen, für mich erledigen, jemand anderes, andere person, vertreten, stellvertretend, bevollmächtigen, statt mir, voll macht, jemand anders, für mich machen, anderer mensch

question-greeting =
    Hallo!
    Schön, dass Sie da sind.
    Ich bin der Schalter im Internet von Ihrem Bürger-Amt.
    Das Bürger-Amt ist ein Amt von der Stadt.
question-thanks = Gern geschehen!

question-hours-title = Öffnungs-Zeiten vom Schalter im Internet in den nächsten 7 Tagen:
# $day is the date as in the booking ("Dienstag, 2. Februar"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from } bis { $to } Uhr
question-hours-day-none = { $day }: geschlossen
question-hours-day-closed = { $day }: geschlossen (Feiertag oder freier Tag vom Amt)
question-hours-open-now =
    Jetzt ist der Schalter offen.
    Heute ist er bis { $until } Uhr offen.
question-hours-closed-now =
    Jetzt ist der Schalter zu.
    Wir sind wieder da am { $day } um { $time } Uhr.
question-hours-closed-now-unknown =
    Jetzt ist der Schalter zu.
    Wann der Schalter wieder offen ist, wissen wir noch nicht.

question-address = Hier finden Sie das Bürger-Amt in der Stadt: { $address }

# $fee is "gebührenfrei" or an amount; $duration as in the checklist ("20 Minuten").
question-cost-duration =
    { $service }
    Kosten: { $fee }
    Das Video-Gespräch dauert ungefähr { $duration }.
question-cost-duration-in-person =
    { $service }
    Kosten: { $fee }
    Der Termin im Bürger-Amt dauert ungefähr { $duration }.
question-cost-all =
    Das kosten unsere Dienste.
    Und so lange dauern sie:
question-cost-all-line = • { $service }: { $fee }, ungefähr { $duration }

question-documents =
    Für „{ $service }“ brauchen Sie diese Unterlagen: { $documents }.
    Sie können die Unterlagen vor dem Gespräch hier im Chat schicken.
question-documents-none = Für „{ $service }“ brauchen Sie keine Unterlagen.
question-which-service =
    Für welchen Dienst möchten Sie das wissen?
    Schreiben Sie zum Beispiel: „Was brauche ich für die Anmeldung?“
    Oder schreiben Sie: „Kosten Reisepass“.

question-payment-online =
    Das Geld für das Amt bezahlen Sie von zu Hause.
    Nach dem Gespräch bekommen Sie hier einen Link.
    Der Link führt zur Bezahl-Seite von der Stadt.
    Unter „Meine Termine“ sehen Sie immer: Was müssen Sie noch bezahlen?
question-payment-after-call =
    Das Geld für das Amt bezahlen Sie nach dem Gespräch.
    Die Person vom Amt sagt Ihnen im Gespräch: So bezahlen Sie.

question-call =
    So geht das Video-Gespräch:
    Zur Zeit von Ihrem Termin sagen Sie hier: Ich bin da.
    Dann warten Sie im Warte-Raum im Internet.
    Wenn Sie dran sind, bekommen Sie einen Link.
    Der Link öffnet das Gespräch im Browser.
    Browser: Das ist das Programm für das Internet.
    Sie brauchen keine App.
    Erlauben Sie dem Browser: Kamera und Mikrofon.
    Halten Sie Ihren Ausweis und Ihre Unterlagen bereit.

question-proxy-form =
    „{ $service }“ kann auch eine andere Person für Sie machen.
    Die Person braucht dafür: { $form }.
question-proxy-in-person =
    „{ $service }“ müssen Sie selbst machen.
    Eine andere Person darf das nicht für Sie machen.
question-proxy-ask =
    Darf eine andere Person „{ $service }“ für Sie machen?
    Das klärt die Person vom Amt mit Ihnen.
    Fragen Sie im Gespräch danach.

question-unanswered =
    Dazu kann ich Ihnen leider nichts sagen.
    Sie können mich zum Beispiel fragen:
    Wann ist der Schalter offen?
    Was kostet ein Dienst?
    Wie geht das Video-Gespräch?
question-unanswered-clerk =
    Das Bürger-Amt ist gerade offen.
    Sie können jetzt gleich mit der Person vom Amt sprechen.
    Schreiben Sie dafür: Menü

# The questions as buttons on the help screen.
question-button-hours = Öffnungs-Zeiten
question-button-address = Wo ist das Bürger-Amt?
question-button-cost = Kosten und Dauer
question-button-call = Wie geht das Video-Gespräch?
question-button-payment = Wie bezahle ich?
question-button-proxy = Kann jemand für mich kommen?
