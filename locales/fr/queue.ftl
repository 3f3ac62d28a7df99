# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Signaler mon arrivée : { $service }, { $time }
menu-walk-in = Parler à un agent maintenant
option-check-in = Signaler mon arrivée
check-in-not-yet = Vous pourrez signaler votre arrivée à partir de { $time }.
check-in-too-late = L'heure de ce rendez-vous est malheureusement passée. Veuillez prendre un nouveau rendez-vous.
walk-in-closed = Le Bürgeramt virtuel est actuellement fermé. Vous pouvez toutefois prendre rendez-vous.

waiting-status = Vous êtes dans la salle d'attente virtuelle. Votre place dans la file : { $position }.
waiting-eta = Temps d'attente estimé : environ { $wait }.
waiting-eta-now = C'est bientôt votre tour.
waiting-eta-unknown = Aucun agent n'est en service pour le moment. Nous reviendrons vers vous dès que la file avancera.
waiting-hint = Quand ce sera votre tour, vous recevrez ici le lien vers l'entretien vidéo.
option-refresh = Actualiser
option-leave-queue = Quitter la salle d'attente
queue-left = Vous avez quitté la salle d'attente.

called = C'est votre tour ! Un agent vous attend maintenant pour l'entretien vidéo.
called-link = Ouvrez ce lien dans le navigateur de votre smartphone : { $url }
called-no-link = Un agent va vous contacter dans un instant.
in-call = Vous êtes actuellement en entretien avec un agent.
visit-done = Merci de votre visite au Bürgeramt virtuel !
visit-no-show = Malheureusement, l'agent n'a pas pu vous joindre. Veuillez prendre un nouveau rendez-vous.
back-in-queue = Vous êtes de nouveau dans la salle d'attente, à votre place précédente.

reminder-day = Rappel : demain, { $date }, à { $time }, vous avez votre rendez-vous vidéo « { $service } » (numéro de réservation { $reference }).
reminder-soon = Votre rendez-vous vidéo « { $service } » commence à { $time }. Veuillez préparer vos documents.
check-in-open = Vous pouvez maintenant signaler votre arrivée pour votre rendez-vous « { $service } » de { $time }.
appointment-missed = Vous avez malheureusement manqué votre rendez-vous « { $service } » de { $time }. Veuillez prendre un nouveau rendez-vous.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Veuillez activer votre caméra : dans l'appel vidéo, appuyez sur le symbole de la caméra.
say-microphone = Nous ne vous entendons pas. Veuillez activer votre micro : appuyez sur le symbole du micro.
say-documents = Veuillez maintenant préparer votre pièce d'identité et vos documents.
say-moment = Un instant, s'il vous plaît, je suis à vous tout de suite.
say-link = Veuillez ouvrir ce lien vers l'entretien vidéo dans le navigateur de votre smartphone :
