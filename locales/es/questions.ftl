# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = hola, buenos días, buenas tardes, buenas noches, saludos, qué tal, muy buenas
question-thanks-keywords = gracias, muchas gracias, mil gracias, se lo agradezco, muy amable, gracias por todo
question-hours-keywords = horario, horarios, horario de atención, horario de apertura, hora de apertura, qué hora abren, cuándo abren, está abierto, abierto hoy, hasta qué hora
question-address-keywords = dirección, la dirección, dónde están, dónde queda, dónde se encuentra, ubicación, cómo llegar
question-cost-keywords = cuánto cuesta, cuesta algo, precio, el coste, el costo, tasas, cuánto pago, gratis, gratuito
question-duration-keywords = cuánto dura, cuánto tiempo, cuánto tarda, duración, tiempo aproximado, dura mucho, tarda mucho
question-documents-keywords = qué documentos, documentos necesarios, qué necesito, qué llevar, tengo que llevar, qué traer, qué papeles, requisitos
question-payment-keywords = cómo pagar, cómo pago, dónde pagar, puedo pagar, forma de pago, con tarjeta, tarjeta de crédito, transferencia, pagar en línea
question-call-keywords = videollamada, videoconferencia, llamada de vídeo, prepararme, cámara, micrófono, webcam, hay que instalar
question-proxy-keywords = con autorización, una autorización, carta de autorización, poder notarial, otra persona, alguien más, en mi lugar, en mi nombre, representante, apoderado

question-greeting = ¡Hola! Gracias por escribirnos. Soy la ventanilla virtual de su Bürgeramt (oficina de atención ciudadana).
question-thanks = ¡De nada, ha sido un placer!

question-hours-title = Horario de la ventanilla virtual para los próximos 7 días:
# $day is the date as in the booking ("martes 2 de febrero"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: cerrado
question-hours-day-closed = { $day }: cerrado (festivo o día de cierre)
question-hours-open-now = Ahora estamos abiertos, hoy hasta las { $until }.
question-hours-closed-now = Ahora estamos cerrados. Volvemos a abrir el { $day } a las { $time }.
question-hours-closed-now-unknown = Ahora estamos cerrados. Todavía no se ha fijado el próximo horario de apertura.

question-address = Para acudir en persona, el Bürgeramt (oficina de atención ciudadana) está en esta dirección: { $address }

# $fee is "gratuito" or an amount; $duration as in the checklist ("20 minutos").
question-cost-duration = { $service }: { $fee }; la videollamada dura aproximadamente { $duration }.
question-cost-duration-in-person = { $service }: { $fee }; la cita presencial dura aproximadamente { $duration }.
question-cost-all = Tasas y duración de nuestros trámites:
question-cost-all-line = • { $service }: { $fee }, aproximadamente { $duration }

question-documents = Para «{ $service }» necesita: { $documents }. Puede enviarlos aquí, por el chat, antes de la videollamada.
question-documents-none = Para «{ $service }» no necesita ningún documento.
question-which-service = ¿Para qué trámite? Escriba, por ejemplo, «¿Qué necesito para el empadronamiento?» o «¿Puede otra persona pedir mi certificado de antecedentes penales?».

question-payment-online = Las tasas se pagan desde casa: después de la videollamada recibirá aquí un enlace a la página de pago del ayuntamiento. Las tasas pendientes las encontrará en todo momento en «Mis citas».
question-payment-after-call = Las tasas se pagan después de la videollamada. Durante la videollamada, el personal de atención le explicará cómo hacerlo.

question-call = Así funciona la videollamada: a la hora de su cita, haga check-in aquí y espere en la sala de espera virtual. Cuando sea su turno, recibirá un enlace. Este abre la videollamada en su navegador, sin necesidad de instalar ninguna aplicación. Permita que el navegador use la cámara y el micrófono, y tenga a mano su documento de identidad y sus documentos.

question-proxy-form = Otra persona puede hacer el trámite «{ $service }» en su lugar. Esa persona necesitará: { $form }.
question-proxy-in-person = El trámite «{ $service }» debe hacerlo usted personalmente. Nadie más puede hacerlo en su lugar.
question-proxy-ask = El personal de atención le dirá si otra persona puede hacer el trámite «{ $service }» en su lugar. Pregúntelo durante la videollamada.

question-unanswered = Lo siento, no puedo ayudarle con eso. Puede preguntarme, por ejemplo, por el horario, por lo que cuesta un trámite o por cómo funciona la videollamada.
question-unanswered-clerk = El Bürgeramt está abierto ahora mismo: en el menú puede hablar enseguida con el personal de atención («menú»).

# The questions as buttons on the help screen.
question-button-hours = Horario de atención
question-button-address = ¿Dónde se encuentra el Bürgeramt?
question-button-cost = Tasas y duración
question-button-call = ¿Cómo funciona la videollamada?
question-button-payment = ¿Cómo puedo pagar?
question-button-proxy = ¿Puede ir otra persona en mi lugar?
