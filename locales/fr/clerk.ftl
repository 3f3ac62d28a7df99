# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Guichet de { $clerk }. Écrivez « help » pour voir les commandes.
desk-not-clerk = { $clerk } ne figure pas parmi les agents (SCHALTER_MATRIX_CLERKS). Seules les personnes inscrites peuvent gérer la salle d'attente.
desk-help =
    Commandes :
    next – appeler la personne suivante
    take REF – appeler une personne précise
    done [note] – terminer l'entretien
    noshow – la personne ne s'est pas présentée
    back – renvoyer la personne en salle d'attente
    queue – afficher la salle d'attente
    today – les rendez-vous du jour
    say KEY – envoyer un message préparé à la personne (camera, microphone, documents, moment, link)
    fee [MONTANT] [motif] – fixer les frais de l'entretien ou ajouter un poste
    paid REF – afficher l'état du paiement
    refund REF [MONTANT] – rembourser un paiement
    away / available – absent / disponible
    help – cette aide
desk-unknown = Je ne connais pas cette commande.
desk-picked =
    Appel : { $reference } · { $service } · { $lang } · attend depuis { $waited } min
    Manque encore : { $open }
desk-video = Vidéo : { $url }
desk-video-invited = La salle vidéo est prête : vous trouverez l'invitation dans Element. Le lien n'est pas affiché ici, car ce salon n'est pas lu uniquement par des agents.
desk-nobody = Personne n'attend.
desk-not-waiting = { $reference } n'est pas en attente en ce moment.
desk-busy = Vous êtes encore en entretien avec { $reference }. Veuillez d'abord le clôturer avec done, noshow ou back.
desk-done = { $reference } : terminé.
desk-noshow = { $reference } : absence enregistrée.
desk-back = { $reference } est de retour en salle d'attente.
desk-no-call = Vous n'êtes actuellement dans aucun entretien.
desk-queue-empty = La salle d'attente est vide.
desk-queue-title = Salle d'attente : { $count } en attente, { $clerks } en service
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · attend depuis { $waited } min · manque encore : { $open }
desk-in-call-line = En entretien : { $reference } avec { $clerk }
desk-away = Votre statut est maintenant « absent » : vous n'êtes pas pris en compte dans le calcul du temps d'attente.
desk-available = Votre statut est maintenant « disponible ».
desk-walk-in = sans rendez-vous
desk-checklist-complete = rien
desk-agenda-title = Bonjour ! Rendez-vous aujourd'hui : { $count }
desk-today-title = Rendez-vous aujourd'hui : { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · guichet { $desk }
desk-say-sent = Envoyé à { $reference } : { $key }
desk-say-keys = Ce message n'existe pas. Messages préparés : { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
