privacy-line = Protection des données : { $url } – plus d'informations avec /privacy
privacy-notice =
    Protection des données
    Responsable du traitement : { $controller }
    Délégué à la protection des données : { $contact }
    Finalité : nous enregistrons ce que vous nous écrivez, vos rendez-vous, vos passages en salle d'attente et vos frais. Cela nous permet de traiter votre demande, de vous rappeler vos rendez-vous et de vous faire entrer dans l'entretien vidéo. Évaluer l'entretien ensuite est facultatif.
    Base juridique : { $legal_basis ->
        [none] article 6, paragraphe 1, point e), du RGPD (exécution d'une mission d'intérêt public)
       *[other] { $legal_basis }
    }
    Qui reçoit les données : l'application de messagerie par laquelle vous nous écrivez (Telegram : Telegram FZ-LLC à Dubai, donc hors de l'UE ; la Commission européenne n'a pas adopté de décision d'adéquation pour les Émirats arabes unis ; Matrix : le serveur Matrix de la ville) ; dans le chat web, personne d'autre que nous (si vous y indiquez une adresse e-mail, également le serveur de messagerie de la ville, qui achemine les e-mails) ; le service vidéo utilisé pour l'entretien ; le prestataire de paiement si vous payez en ligne (Stripe Payments Europe, Dublin).
    Durée de conservation : nous supprimons une conversation dans laquelle vous n'avez rien écrit pendant { $idle } jours. { $appointment } jours après un rendez-vous, il n'en reste que ce qui ne permet pas de vous identifier (démarche, langue, jour, temps d'attente). Nous supprimons les messages remis après { $delivered } jours et les notes des agents après { $notes } jours. Nous supprimons l'adresse e-mail pour les rappels dès que le rendez-vous est passé (si elle n'a pas été confirmée, au bout d'un jour).
    Vos droits : accès – /mydata affiche ce que nous enregistrons sur vous. Effacement – /forget supprime tout. Rectification, limitation et opposition : écrivez au délégué à la protection des données.
    Réclamations : vous pouvez introduire une réclamation auprès de l'autorité de contrôle : { $authority ->
        [none] l'autorité de protection des données de votre Land.
       *[other] { $authority }
    }
    En savoir plus : { $url }
keywords-privacy = protection des données, données personnelles, confidentialité, politique de confidentialité, vie privée, rgpd
keywords-mydata = mes données, mes données personnelles, que savez-vous sur moi, quelles données, accès à mes données, droit d'accès, afficher mes données
keywords-forget = supprimer mes données, supprimez mes données, effacer mes données, supprimer toutes mes données, oubliez-moi, tout supprimer, tout effacer, droit à l'oubli
mydata-title = Voici ce que nous enregistrons sur vous :
mydata-conversation = Votre conversation avec nous : langue { $lang }, dernier échange le { $date }
mydata-booking = Rendez-vous { $reference } : { $service }, { $date }, { $time } – { $status }
mydata-visit = En salle d'attente le { $date } : { $service } – { $status }
mydata-payment = Frais { $reference } : { $amount } – { $state }
mydata-feedback = Votre évaluation : { $rating } sur 5 { $comment }
mydata-messages = Messages qui vous sont adressés (pas encore remis ou des derniers jours) : { $messages } ; vos saisies des derniers jours (sans le texte) : { $inputs }
mydata-nothing = Rien.
mydata-retention = Suppression : une conversation après { $idle } jours sans message ; tout ce qui permet de vous identifier, { $appointment } jours après le rendez-vous. Avec /forget, vous supprimez tout immédiatement.
mydata-status-held = réservé provisoirement
mydata-status-confirmed = réservé
mydata-status-cancelled = annulé
mydata-status-expired = expiré
mydata-status-done = terminé
mydata-status-no-show = non honoré
mydata-status-waiting = en attente
mydata-status-called = en entretien
mydata-status-left = sortie de la salle d'attente
forget-confirm = Voulez-vous vraiment que nous supprimions tout ce que nous avons enregistré sur vous ? Vos rendez-vous à venir seront alors annulés, et nous ne vous connaîtrons plus.
option-forget-yes = Oui, tout supprimer
option-forget-no = Non, ne rien supprimer
forget-done = C'est fait : nous avons supprimé tout ce qui vous concerne et annulé vos rendez-vous à venir. Si vous nous écrivez à nouveau, nous repartirons de zéro.
booking-limit = Vous avez déjà { $max ->
        [one] { $max } rendez-vous réservé
       *[other] { $max } rendez-vous réservés
    } ; il n'est pas possible d'en avoir davantage en même temps. Vous pouvez déplacer ou annuler un rendez-vous.
input-rate-limited = Vous avez envoyé beaucoup de messages en peu de temps. Veuillez patienter une minute avant de continuer.
command-privacy = Protection des données
command-mydata = Mes données enregistrées
command-forget = Supprimer toutes mes données
