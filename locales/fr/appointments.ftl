# My appointments: list, cancel, reschedule.

appointments-none = Vous n'avez actuellement aucun rendez-vous à venir.
appointments-count =
    { $count ->
        [one] Vous avez un rendez-vous à venir.
       *[other] Vous avez { $count } rendez-vous à venir.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Numéro de réservation : { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Choisissez un rendez-vous pour le déplacer ou l'annuler.
option-cancel-appointment = Annuler le rendez-vous
option-reschedule = Déplacer le rendez-vous
cancel-confirm-prompt = Voulez-vous vraiment annuler le rendez-vous { $reference } du { $date } ?
option-yes-cancel = Oui, annuler
option-no-keep = Non, le garder
appointment-cancelled = Le rendez-vous { $reference } est annulé.
appointment-kept = Très bien, votre rendez-vous est maintenu.
appointment-gone = Ce rendez-vous n'existe plus.
reschedule-intro = Choisissez un nouveau rendez-vous pour « { $service } ». Votre rendez-vous actuel reste valable jusqu'à ce que vous confirmiez le nouveau.
appointment-rescheduled =
    Votre rendez-vous a été déplacé. Le numéro de réservation reste { $reference }.
    { $service }
    { $date }, { $time }
