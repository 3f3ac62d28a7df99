payment-request =
    Fee for { $service }: { $amount }
    Payment reference: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = You can now pay conveniently from home.
payment-how-office = Please pay the fee as agreed with the clerk during your call.
payment-invoice-title = Fee: { $service }
payment-invoice-description = { $service }, payment reference { $reference }
payment-link-label = Pay now
payment-link-unavailable = The payment link cannot be created right now. We will send it to you shortly.
payment-refused-amount = This amount does not match the open fee. Please use our latest payment request.
payment-refused-closed = This fee has already been paid or is no longer due.
payment-refused-unknown = We do not know this payment request. Please use our latest message.
payment-receipt =
    Thank you, your payment has arrived.
    Service: { $service }
    Amount: { $amount }
    Date: { $date }
    Payment reference: { $reference }
    Payment ID: { $payment }
appointments-open-payment = Open fee: { $amount } for { $service } (payment reference { $reference })
option-pay = Pay { $amount }
checklist-fee-office = Fee: { $fee }. You will learn in the call how to pay.
payment-state-draft = not sent yet
payment-state-open = open
payment-state-paid = paid
payment-state-refunded = refunded
payment-state-cancelled = cancelled
desk-fee-set = Fee for { $reference }: { $amount }.
desk-fee-at-done = The payment request goes out with “done”.
desk-fee-sent = The payment request has been sent.
desk-fee-no-call = There is no current or just finished call a fee could apply to.
desk-fee-bad-amount = “{ $input }” is not an amount. Example: fee 13.50 certification
desk-fee-paid = { $reference } is paid already ({ $amount }); the fee can no longer change.
desk-fee-zero = No fee is due for { $reference }.
desk-paid-line = Payment received: { $reference } paid { $amount } (payment reference { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (payment reference { $payment })
desk-paid-refunded = refunded: { $amount }
desk-payment-unknown = There is no fee for { $reference }.
desk-refund-done = Refunded { $amount } for { $reference }.
desk-refund-at-provider = { $reference } was paid in Telegram. Please refund at the payment provider (payment ID { $payment }).
desk-refund-not-paid = { $reference } is not paid; there is nothing to refund.
desk-refund-too-much = At most { $amount } can still be refunded for { $reference }.
desk-refund-failed = The refund for { $reference } did not go through. Please try again later.
desk-refund-unsupported = Schalter cannot refund { $reference }; please refund at the payment provider.
desk-today-payment = · fee { $state }
payment-sent-again = We have sent you the payment request again.
payment-service-other = your request
desk-paid-twice = Attention: { $reference } was paid once more ({ $amount }, payment ID { $payment }). Please refund this payment.
