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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Votre rendez-vous sous forme de fichier d'agenda : { $service }, { $date }, { $time } (numéro de réservation { $reference }). Ouvrez le fichier pour ajouter le rendez-vous à votre agenda.
calendar-file-cancel = Le rendez-vous { $reference } est annulé. Ouvrez ce fichier d'agenda pour qu'il soit aussi supprimé de votre agenda.
calendar-summary = Rendez-vous vidéo au Bürgeramt : { $service }
calendar-description =
    { $service }
    Numéro de réservation : { $reference }
    Comment participer : { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    } avant le début, nous vous écrirons dans la conversation, et vous pourrez y signaler votre arrivée (« { option-check-in } »). Vous patienterez ensuite dans la salle d'attente virtuelle. Quand ce sera votre tour, vous recevrez dans la conversation le lien vers l'entretien vidéo. Ouvrez-le dans le navigateur de votre smartphone ou de votre ordinateur.
    Veuillez préparer vos documents.
calendar-description-cancelled =
    Ce rendez-vous est annulé.
    Numéro de réservation : { $reference }
