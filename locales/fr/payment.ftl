payment-request =
    Frais pour { $service } : { $amount }
    Référence de paiement : { $reference }
payment-item = · { $label } : { $amount }
payment-how-online = Vous pouvez maintenant payer facilement depuis chez vous.
payment-how-office = Veuillez régler les frais comme convenu avec l'agent pendant l'entretien.
payment-invoice-title = Frais : { $service }
payment-invoice-description = { $service }, référence de paiement { $reference }
payment-link-label = Payer maintenant
payment-link-unavailable = Le lien de paiement ne peut pas être créé pour le moment. Nous vous l'enverrons sous peu.
payment-refused-amount = Ce montant ne correspond pas aux frais à régler. Veuillez utiliser notre dernière demande de paiement.
payment-refused-closed = Ces frais ont déjà été payés ou ne sont plus dus.
payment-refused-unknown = Nous ne connaissons pas cette demande de paiement. Veuillez utiliser notre dernier message.
payment-receipt =
    Merci, nous avons bien reçu votre paiement.
    Démarche : { $service }
    Montant : { $amount }
    Date : { $date }
    Référence de paiement : { $reference }
    Identifiant du paiement : { $payment }
appointments-open-payment = Frais à régler : { $amount } pour { $service } (référence de paiement { $reference })
option-pay = Payer { $amount }
checklist-fee-office = Frais : { $fee }. Vous saurez pendant l'entretien comment payer.
payment-state-draft = pas encore envoyés
payment-state-open = à régler
payment-state-paid = payés
payment-state-refunded = remboursés
payment-state-cancelled = annulés
desk-fee-set = Frais pour { $reference } : { $amount }.
desk-fee-at-done = La demande de paiement partira avec « done ».
desk-fee-sent = La demande de paiement a été envoyée.
desk-fee-no-call = Il n'y a aucun entretien en cours ou tout juste terminé auquel des frais pourraient s'appliquer.
desk-fee-bad-amount = « { $input } » n'est pas un montant. Exemple : fee 13,50 légalisation
desk-fee-paid = { $reference } est déjà payé ({ $amount }) ; les frais ne peuvent plus être modifiés.
desk-fee-zero = Pas de frais à régler pour { $reference }.
desk-paid-line = Paiement reçu : { $reference } a payé { $amount } (référence de paiement { $payment }).
desk-paid-state = { $reference } : { $amount }, { $state } (référence de paiement { $payment })
desk-paid-refunded = dont remboursé : { $amount }
desk-payment-unknown = Il n'y a pas de frais pour { $reference }.
desk-refund-done = Remboursement effectué : { $amount } pour { $reference }.
desk-refund-at-provider = { $reference } a été payé dans Telegram. Veuillez effectuer le remboursement auprès du prestataire de paiement (identifiant du paiement { $payment }).
desk-refund-not-paid = { $reference } n'est pas payé ; il n'y a rien à rembourser.
desk-refund-too-much = Pour { $reference }, il reste au maximum { $amount } à rembourser.
desk-refund-failed = Le remboursement pour { $reference } a échoué. Veuillez réessayer plus tard.
desk-refund-unsupported = Schalter ne peut pas rembourser { $reference } ; veuillez effectuer le remboursement auprès du prestataire de paiement.
desk-today-payment = · frais { $state }
payment-sent-again = Nous vous avons renvoyé la demande de paiement.
payment-service-other = votre démarche
desk-paid-twice = Attention : { $reference } a été payé une fois de plus ({ $amount }, identifiant du paiement { $payment }). Veuillez rembourser ce paiement.
