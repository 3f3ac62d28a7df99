# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Veuillez confirmer votre adresse e-mail
mail-confirm-body =
    Vous avez indiqué cette adresse dans le chat du Bürgeramt pour recevoir des rappels de votre rendez-vous : { $service }, le { $date } à { $time }.

    Veuillez la confirmer à l'aide du lien ci-dessous. Ce n'est qu'ensuite que nous vous enverrons des e-mails.

    Ce n'était pas vous ? Dans ce cas, vous n'avez rien à faire. Sans confirmation, vous ne recevrez plus rien de notre part, et l'adresse sera supprimée au bout d'un jour.
mail-confirm-action = Confirmer l'adresse

mail-booked-subject = Votre rendez-vous : { $service }, le { $date }
mail-booked-body =
    Votre rendez-vous est réservé : { $service }, le { $date } à { $time }. Votre numéro de réservation : { $reference }.

    Vous trouverez en pièce jointe le rendez-vous sous forme de fichier d'agenda. Vous pourrez signaler votre arrivée dans le chat à partir de { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    } avant le rendez-vous.
mail-booked-action = Aller au chat

mail-remind-subject = Rappel : { $service }, le { $date } à { $time }
mail-remind-body =
    Nous vous rappelons votre rendez-vous : { $service }, le { $date } à { $time }.

    Vous pourrez signaler votre arrivée dans le chat à partir de { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    } avant le rendez-vous.
mail-remind-action = Aller au chat

mail-checkin-subject = Vous pouvez maintenant signaler votre arrivée
mail-checkin-body =
    Votre rendez-vous commence bientôt : { $service } à { $time }.

    Ouvrez le chat et signalez votre arrivée. Vous entrerez alors dans la salle d'attente virtuelle.
mail-checkin-action = Aller au chat et signaler mon arrivée

mail-called-subject = Un agent vous appelle maintenant
mail-called-body =
    C'est votre tour : { $service }.

    Ouvrez le chat dès maintenant. Vous y trouverez le lien vers l'entretien vidéo.
mail-called-action = Retour au chat

mail-footer = Vous recevez cet e-mail parce que vous avez indiqué cette adresse dans le chat pour votre rendez-vous { $reference }. Nous la supprimerons après le rendez-vous.
mail-stop = Ne plus recevoir d'e-mails

mydata-mail = Adresse e-mail pour les rappels : { $address } ({ $state })
mydata-mail-pending = pas encore confirmée
mydata-mail-confirmed = confirmée
mydata-mail-bounced = non distribuable

web-mail-title = Rappels par e-mail
web-mail-hint = Facultatif. Uniquement pour votre prochain rendez-vous : la confirmation, des rappels et un message quand ce sera votre tour. L'adresse est supprimée après le rendez-vous.
web-mail-label = Votre adresse e-mail
web-mail-send = Envoyer le lien de confirmation
web-mail-sent = Nous avons envoyé un lien à { $address }. Veuillez l'ouvrir pour confirmer l'adresse.
web-mail-confirmed-already = Cette adresse est déjà confirmée pour votre rendez-vous.
web-mail-bounced = Nous n'avons pas pu distribuer de message à cette adresse. Veuillez en indiquer une autre.
web-mail-no-booking = Prenez d'abord rendez-vous. Vous pourrez ensuite recevoir des rappels par e-mail.
web-mail-invalid = Ce n'est pas une adresse e-mail à laquelle nous pouvons écrire. Exemple : name@example.org
web-mail-link-invalid = Ce lien n'est plus valable : il a expiré ou a déjà été utilisé. Vous pouvez indiquer à nouveau votre adresse dans le chat.
web-mail-confirm-title = Confirmer votre adresse e-mail
web-mail-confirm-text = Une fois l'adresse confirmée, vous recevrez des e-mails concernant votre rendez-vous : la confirmation avec un fichier d'agenda, des rappels et un message quand ce sera votre tour.
web-mail-confirm-button = Confirmer l'adresse
web-mail-confirm-done = Merci ! Votre adresse est confirmée. La confirmation de votre rendez-vous, avec son fichier d'agenda, va vous parvenir par e-mail dans un instant.
web-mail-stop-title = Ne plus recevoir d'e-mails
web-mail-stop-text = Vous ne recevrez plus d'e-mails concernant ce rendez-vous, et nous supprimerons votre adresse. Votre rendez-vous est maintenu.
web-mail-stop-button = Se désabonner des e-mails
web-mail-stop-done = C'est fait. Votre adresse a été supprimée et vous ne recevrez plus d'e-mails. Votre rendez-vous est maintenu.
web-back-title = Retour au chat
web-back-text = Ce lien ouvre votre conversation avec le Bürgeramt dans ce navigateur.
web-back-button = Ouvrir le chat
