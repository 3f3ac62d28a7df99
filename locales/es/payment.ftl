payment-request =
    Tasa por { $service }: { $amount }
    Referencia de pago: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Ya puede pagar cómodamente desde casa.
payment-how-office = Pague la tasa tal como lo acordó con el personal durante la videollamada, por favor.
payment-invoice-title = Tasa: { $service }
payment-invoice-description = { $service }, referencia de pago { $reference }
payment-link-label = Pagar ahora
payment-link-unavailable = Ahora mismo no se puede generar el enlace de pago. Se lo enviaremos en breve.
payment-refused-amount = Este importe no coincide con la tasa pendiente. Utilice nuestra última solicitud de pago, por favor.
payment-refused-closed = Esta tasa ya está pagada o ya no hay que pagarla.
payment-refused-unknown = No reconocemos esta solicitud de pago. Utilice nuestro último mensaje, por favor.
payment-receipt =
    Muchas gracias, hemos recibido su pago.
    Trámite: { $service }
    Importe: { $amount }
    Fecha: { $date }
    Referencia de pago: { $reference }
    ID de pago: { $payment }
appointments-open-payment = Tasa pendiente: { $amount } por { $service } (referencia de pago { $reference })
option-pay = Pagar { $amount }
checklist-fee-office = Tasa: { $fee }. En la videollamada le explicarán cómo pagarla.
payment-state-draft = aún no enviada
payment-state-open = pendiente
payment-state-paid = pagada
payment-state-refunded = reembolsada
payment-state-cancelled = anulada
desk-fee-set = Tasa para { $reference }: { $amount }.
desk-fee-at-done = La solicitud de pago se enviará con «done».
desk-fee-sent = La solicitud de pago se ha enviado.
desk-fee-no-call = No hay ninguna videollamada en curso o recién terminada a la que se pueda aplicar una tasa.
desk-fee-bad-amount = «{ $input }» no es un importe. Ejemplo: fee 13,50 compulsa
desk-fee-paid = { $reference } ya está pagado ({ $amount }); la tasa ya no se puede cambiar.
desk-fee-zero = No corresponde ninguna tasa para { $reference }.
desk-paid-line = Pago recibido: { $reference } ha pagado { $amount } (referencia de pago { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (referencia de pago { $payment })
desk-paid-refunded = de ello, reembolsado: { $amount }
desk-payment-unknown = No hay ninguna tasa para { $reference }.
desk-refund-done = Reembolsado: { $amount } a { $reference }.
desk-refund-at-provider = { $reference } se pagó en Telegram. Haga el reembolso a través del proveedor de pagos (ID de pago { $payment }).
desk-refund-not-paid = { $reference } no está pagado; no hay nada que reembolsar.
desk-refund-too-much = A { $reference } solo se le pueden reembolsar como máximo { $amount } más.
desk-refund-failed = No se ha podido hacer el reembolso a { $reference }. Inténtelo de nuevo más tarde.
desk-refund-unsupported = Schalter no puede reembolsar { $reference }; haga el reembolso a través del proveedor de pagos.
desk-today-payment = · tasa { $state }
payment-sent-again = Le hemos vuelto a enviar la solicitud de pago.
payment-service-other = su trámite
desk-paid-twice = Atención: { $reference } se ha pagado una vez más ({ $amount }, ID de pago { $payment }). Reembolse este pago, por favor.
