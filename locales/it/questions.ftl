# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = buongiorno, buonasera, buona sera, buon pomeriggio, buondì, ciao, salve
question-thanks-keywords = grazie, grazie mille, molte grazie, grazie tante, la ringrazio, ti ringrazio
question-hours-keywords = orari, orari di apertura, orario di apertura, orari dello sportello, siete aperti, quando aprite, quando chiudete, aperto oggi, apertura
question-address-keywords = indirizzo, dove siete, dove si trova, dove vi trovate, dove devo andare, la sede, come arrivare
question-cost-keywords = quanto costa, costa qualcosa, prezzo, tariffa, tariffe, quanto si paga, quanto pago, gratis, gratuito
question-duration-keywords = quanto dura, durata, quanto tempo, quanto ci vuole, ci vuole molto, tempo necessario
question-documents-keywords = quali documenti, che documenti, documenti necessari, cosa devo portare, cosa portare, cosa mi serve, cosa serve, cosa occorre
question-payment-keywords = pagare, pagamento, come pagare, come si paga, come pago, carta di credito, bonifico, pagare online
question-call-keywords = videochiamata, come si svolge, prepararmi, prepararsi, videocamera, telecamera, microfono, webcam
question-proxy-keywords = delega, delegare, altra persona, qualcun altro, al posto mio, al mio posto, per conto mio, procura, farmi rappresentare

question-greeting = Buongiorno! Che piacere averla qui. Sono lo sportello virtuale per i cittadini (Bürgeramt) del suo Comune.
question-thanks = Prego, si figuri!

question-hours-title = Orari dello sportello virtuale nei prossimi 7 giorni:
# $day is the date as in the booking ("martedì 2 febbraio"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: chiuso
question-hours-day-closed = { $day }: chiuso (giorno festivo o di chiusura)
question-hours-open-now = Ora siamo aperti, oggi fino alle { $until }.
question-hours-closed-now = Ora siamo chiusi. Riapriamo { $day } alle { $time }.
question-hours-closed-now-unknown = Ora siamo chiusi. I prossimi orari di apertura non sono ancora stati fissati.

question-address = Lo sportello per i cittadini (Bürgeramt), dove può recarsi di persona, si trova qui: { $address }

# $fee is "gratis" or an amount; $duration as in the checklist ("20 minuti").
question-cost-duration = { $service }: { $fee }; la videochiamata dura circa { $duration }.
question-cost-duration-in-person = { $service }: { $fee }; l’appuntamento di persona dura circa { $duration }.
question-cost-all = Tariffe e durata dei nostri servizi:
question-cost-all-line = • { $service }: { $fee }, circa { $duration }

question-documents = Per «{ $service }» servono: { $documents }. Può inviarli qui in chat prima del colloquio.
question-documents-none = Per «{ $service }» non servono documenti.
question-which-service = Per quale servizio? Scriva ad esempio «Cosa mi serve per la residenza?» oppure «delega casellario giudiziale».

question-payment-online = Le tariffe si pagano da casa: dopo il colloquio riceverà qui un link alla pagina dei pagamenti del Comune. Le tariffe ancora da pagare le trova in qualsiasi momento in «I miei appuntamenti».
question-payment-after-call = Le tariffe si pagano dopo il colloquio. Come pagare, glielo dirà l’operatore durante il colloquio.

question-call = Ecco come si svolge la videochiamata: all’ora dell’appuntamento entri qui nella sala d’attesa virtuale e attenda. Quando sarà il suo turno, riceverà un link. Il link apre la videochiamata nel browser, senza bisogno di app. Consenta al browser di usare videocamera e microfono e tenga pronti il suo documento d’identità e gli altri documenti.

question-proxy-form = Per «{ $service }» può incaricare anche un’altra persona. La persona incaricata dovrà avere: { $form }.
question-proxy-in-person = Di «{ $service }» deve occuparsi lei personalmente: nessun altro può farlo al posto suo.
question-proxy-ask = Se un’altra persona può occuparsi di «{ $service }» al posto suo, glielo dirà l’operatore. Lo chieda durante il colloquio.

question-unanswered = Purtroppo su questo non so risponderle. Può chiedermi, ad esempio, gli orari di apertura, quanto costa un servizio o come si svolge la videochiamata.
question-unanswered-clerk = Lo sportello per i cittadini è aperto proprio ora: dal menu può parlare subito con un operatore («menu»).

# The questions as buttons on the help screen.
question-button-hours = Orari di apertura
question-button-address = Dove si trova lo sportello?
question-button-cost = Costi e durata
question-button-call = Come si svolge la videochiamata?
question-button-payment = Come si paga?
question-button-proxy = Può venire qualcun altro al posto mio?
