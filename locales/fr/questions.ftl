# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = bonjour, bonsoir, salut, coucou, bonjour madame, bonjour monsieur
question-thanks-keywords = merci, merci beaucoup, merci bien, je vous remercie, mille mercis, un grand merci
question-hours-keywords = horaires, horaires d'ouverture, heures d'ouverture, ouverture, vous êtes ouverts, c'est ouvert, ouvert aujourd'hui, quand ouvrez-vous, jusqu'à quelle heure
question-address-keywords = adresse, où êtes-vous, où vous trouver, où se trouve, où se situe, comment venir, plan d'accès
question-cost-keywords = combien ça coûte, combien coûte, ça coûte, frais, quel tarif, les tarifs, quel prix, payant, gratuit
question-duration-keywords = combien de temps, durée, ça dure, dure combien, combien de minutes, temps nécessaire
question-documents-keywords = apporter, quels documents, documents nécessaires, quels papiers, pièces à fournir, pièces justificatives, ai-je besoin, documents à fournir
question-payment-keywords = payer, paiement, comment payer, régler les frais, carte bancaire, carte bleue, virement, payer en ligne
question-call-keywords = entretien vidéo, appel vidéo, en visio, visioconférence, comment se déroule, déroulement, se préparer, caméra, micro, webcam
question-proxy-keywords = procuration, quelqu'un d'autre, autre personne, à ma place, mandataire, mandater, me faire représenter, représentant

question-greeting = Bonjour et bienvenue ! Je suis le guichet virtuel de votre Bürgeramt (bureau des citoyens).
question-thanks = Je vous en prie !

question-hours-title = Horaires du guichet virtuel pour les 7 prochains jours :
# $day is the date as in the booking ("mardi 2 février"); $hours one or more spans.
question-hours-day = { $day } : { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day } : fermé
question-hours-day-closed = { $day } : fermé (jour férié ou jour de fermeture)
question-hours-open-now = Ouvert en ce moment, aujourd'hui jusqu'à { $until }.
question-hours-closed-now = Fermé en ce moment. Nous serons de retour le { $day } à { $time }.
question-hours-closed-now-unknown = Fermé en ce moment. Les prochains horaires d'ouverture ne sont pas encore fixés.

question-address = Pour venir sur place, le Bürgeramt (bureau des citoyens) se trouve à cette adresse : { $address }

# $fee is "gratuit" or an amount; $duration as in the checklist ("20 minutes").
question-cost-duration = { $service } : { $fee } ; l'entretien vidéo dure environ { $duration }.
question-cost-duration-in-person = { $service } : { $fee } ; le rendez-vous sur place dure environ { $duration }.
question-cost-all = Frais et durée de nos démarches :
question-cost-all-line = • { $service } : { $fee }, environ { $duration }

question-documents = Pour « { $service } », il vous faut : { $documents }. Vous pouvez les envoyer ici, dans la conversation, avant l'entretien.
question-documents-none = Pour « { $service } », aucun document n'est nécessaire.
question-which-service = Pour quelle démarche ? Écrivez par exemple « Quels documents pour la déclaration de domicile ? » ou « procuration casier judiciaire ».

question-payment-online = Vous réglez les frais depuis chez vous : après l'entretien, vous recevez ici un lien vers la page de paiement de la ville. Vous retrouvez à tout moment les frais à régler sous « Mes rendez-vous ».
question-payment-after-call = Vous réglez les frais après l'entretien. L'agent vous expliquera comment pendant l'entretien.

question-call = Voici comment se déroule l'entretien vidéo : à l'heure de votre rendez-vous, vous signalez votre arrivée ici, puis vous patientez dans la salle d'attente virtuelle. Quand c'est votre tour, vous recevez un lien. Il ouvre l'entretien dans votre navigateur, sans application. Autorisez le navigateur à utiliser la caméra et le micro, et gardez votre pièce d'identité et vos documents à portée de main.

question-proxy-form = Quelqu'un d'autre peut faire la démarche « { $service } » à votre place. Cette personne aura besoin de : { $form }.
question-proxy-in-person = Vous devez faire la démarche « { $service } » vous-même. Personne d'autre ne peut la faire à votre place.
question-proxy-ask = L'agent vous dira si quelqu'un d'autre peut faire la démarche « { $service } » à votre place. Posez-lui la question pendant l'entretien.

question-unanswered = Je ne peux malheureusement pas vous répondre sur ce point. Vous pouvez par exemple me demander les horaires d'ouverture, le coût d'une démarche ou comment se déroule l'entretien vidéo.
question-unanswered-clerk = Le Bürgeramt est ouvert en ce moment : dans le menu, vous pouvez parler tout de suite à un agent (« menu »).

# The questions as buttons on the help screen.
question-button-hours = Horaires d'ouverture
question-button-address = Où se trouve le Bürgeramt ?
question-button-cost = Frais et durée
question-button-call = Comment se déroule l'entretien vidéo ?
question-button-payment = Comment payer ?
question-button-proxy = Quelqu'un peut-il venir à ma place ?
