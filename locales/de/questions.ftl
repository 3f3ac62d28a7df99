# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = hallo, hi, hey, guten tag, guten morgen, guten abend, servus, grüß gott, grüezi
question-thanks-keywords = danke, vielen dank, dankeschön, danke schön, besten dank
question-hours-keywords = öffnungszeiten, geöffnet, wann offen, wann habt ihr offen, sprechzeiten, erreichbar, wann kann ich kommen
question-address-keywords = adresse, anschrift, wo ist das bürgeramt, wo ist das amt, standort, wo seid ihr, wo sind sie, wo finde ich das bürgeramt
question-cost-keywords = kosten, kostet, gebühr, gebühren, preis, wie teuer
question-duration-keywords = wie lange, dauer, dauert
question-documents-keywords = mitbringen, unterlagen, was brauche ich, welche dokumente, welche papiere
question-payment-keywords = bezahlen, zahlen, bezahlung, zahlung, zahlungsart, mit karte, kartenzahlung, überweisung
question-call-keywords = videogespräch, wie läuft, ablauf, vorbereiten, kamera, mikrofon, videoanruf
question-proxy-keywords = vollmacht, für mich kommen, für mich gehen, für mich erledigen, jemand anderes, andere person, vertreten, stellvertretend, bevollmächtigen, statt mir

question-greeting = Hallo! Schön, dass Sie da sind. Ich bin der virtuelle Schalter Ihres Bürgeramts.
question-thanks = Gern geschehen!

question-hours-title = Öffnungszeiten des virtuellen Schalters in den nächsten 7 Tagen:
# $day is the date as in the booking ("Dienstag, 2. Februar"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to } Uhr
question-hours-day-none = { $day }: geschlossen
question-hours-day-closed = { $day }: geschlossen (Feiertag oder Schließtag)
question-hours-open-now = Jetzt geöffnet, heute bis { $until } Uhr.
question-hours-closed-now = Jetzt geschlossen. Wir sind wieder da am { $day } um { $time } Uhr.
question-hours-closed-now-unknown = Jetzt geschlossen. Die nächsten Öffnungszeiten stehen noch nicht fest.

question-address = Das Bürgeramt vor Ort finden Sie hier: { $address }

# $fee is "gebührenfrei" or an amount; $duration as in the checklist ("20 Minuten").
question-cost-duration = { $service }: { $fee }, das Videogespräch dauert etwa { $duration }.
question-cost-duration-in-person = { $service }: { $fee }, der Termin vor Ort dauert etwa { $duration }.
question-cost-all = Gebühren und Dauer unserer Dienste:
question-cost-all-line = • { $service }: { $fee }, etwa { $duration }

question-documents = Für „{ $service }“ brauchen Sie: { $documents }. Sie können die Unterlagen vor dem Gespräch hier im Chat schicken.
question-documents-none = Für „{ $service }“ brauchen Sie keine Unterlagen.
question-which-service = Für welchen Dienst? Schreiben Sie zum Beispiel „Was brauche ich für die Anmeldung?“ oder „Vollmacht Führungszeugnis“.

question-payment-online = Gebühren bezahlen Sie von zu Hause: Nach dem Gespräch bekommen Sie hier einen Link zur Bezahlseite der Stadt. Unter „Meine Termine“ finden Sie offene Gebühren jederzeit wieder.
question-payment-after-call = Gebühren bezahlen Sie nach dem Gespräch. Die Sachbearbeitung sagt Ihnen im Gespräch, wie.

question-call = So läuft das Videogespräch: Zur Terminzeit checken Sie hier ein und warten im virtuellen Wartezimmer. Wenn Sie dran sind, bekommen Sie einen Link. Er öffnet das Gespräch im Browser, ohne App. Erlauben Sie dem Browser Kamera und Mikrofon, und halten Sie Ihren Ausweis und Ihre Unterlagen bereit.

question-proxy-form = „{ $service }“ kann auch jemand anderes für Sie erledigen. Die Person braucht dafür: { $form }.
question-proxy-in-person = „{ $service }“ müssen Sie selbst erledigen. Eine andere Person kann das nicht für Sie tun.
question-proxy-ask = Ob jemand anderes „{ $service }“ für Sie erledigen kann, klärt die Sachbearbeitung mit Ihnen. Fragen Sie im Gespräch danach.

question-unanswered = Dazu kann ich Ihnen leider nichts sagen. Fragen Sie mich zum Beispiel nach den Öffnungszeiten, nach den Kosten eines Dienstes oder danach, wie das Videogespräch abläuft.
question-unanswered-clerk = Das Bürgeramt ist gerade geöffnet: Im Menü können Sie jetzt gleich mit der Sachbearbeitung sprechen („Menü“).

# The questions as buttons on the help screen.
question-button-hours = Öffnungszeiten
question-button-address = Wo ist das Bürgeramt?
question-button-cost = Kosten und Dauer
question-button-call = Wie läuft das Videogespräch?
question-button-payment = Wie bezahle ich?
question-button-proxy = Kann jemand für mich kommen?
