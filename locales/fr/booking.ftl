# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = Pour quelle démarche souhaitez-vous un rendez-vous ? Choisissez dans la liste ou écrivez un mot-clé.
pick-service-checklist-prompt = Pour quelle démarche souhaitez-vous savoir ce qu'il faut apporter ?
service-not-found = Je n'ai trouvé aucune démarche correspondante.
service-ambiguous = Pensez-vous à l'une de ces démarches ?
service-in-person-only = Cette démarche n'est possible que sur place.

checklist-title = Pour « { $service } », il vous faut :
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (le cas échéant)
checklist-fee-none = Cette démarche est gratuite.
checklist-fee = Frais : { $fee }. Vous payez facilement depuis chez vous, après l'entretien.
checklist-duration = Durée de l'entretien vidéo : environ { $duration }.
checklist-tick-hint = Cochez ce que vous avez déjà sous la main : l'agent verra ainsi ce qui manque encore.
checklist-all-done = Vous avez tout ce qu'il faut.
option-tick = J'ai : { $document }
option-untick = Il me manque : { $document }
option-continue-to-dates = Choisir une date
option-book-this = Prendre rendez-vous pour cette démarche

pick-day-prompt = Quel jour vous convient ?
option-later-days = Jours suivants
option-earlier-days = Jours précédents
no-free-days = Malheureusement, il n'y a plus de rendez-vous disponible { $days ->
        [one] pour le prochain jour
       *[other] dans les { $days } prochains jours
    }. Veuillez réessayer plus tard.
no-more-days = Il n'est pas encore possible de réserver plus loin à l'avance.
pick-time-prompt = Quelle heure vous convient le { $date } ?
option-more-times = Horaires plus tardifs
day-full = Malheureusement, il n'y a plus de créneau libre ce jour-là. Veuillez choisir un autre jour.

slot-held =
    Je vous réserve ce créneau pendant { $duration } :
    { $service }
    { $date }, { $time }
    Veuillez le confirmer.
option-confirm = Confirmer le rendez-vous
hold-warning = Je ne vous réserve ce créneau que jusqu'à { $time }. Avez-vous besoin de plus de temps ?
hold-extended = Très bien, je vous réserve ce créneau jusqu'à { $time }.
option-hold-more = Plus de temps
option-other-time = Choisir une autre heure
option-abort = Annuler
slot-taken = Désolé, ce créneau vient d'être pris. Veuillez choisir une autre heure.
booking-aborted = D'accord, je n'ai rien réservé.

booking-confirmed =
    Votre rendez-vous est réservé.
    Numéro de réservation : { $reference }
    { $service }
    { $date }, { $time }
    L'entretien a lieu par vidéo. Veuillez préparer vos documents.
