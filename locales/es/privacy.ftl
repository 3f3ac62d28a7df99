privacy-line = Protección de datos: { $url } – más información con /privacy
privacy-notice =
    Protección de datos
    Responsable del tratamiento: { $controller }
    Delegado de protección de datos: { $contact }
    Finalidad: guardamos lo que nos escribe, sus citas, sus visitas a la sala de espera y sus tasas. Con ello tramitamos su solicitud, le recordamos sus citas y le damos acceso a la videollamada. Valorar la atención después de la videollamada es voluntario.
    Base jurídica: { $legal_basis ->
        [none] art. 6, apartado 1, letra e), del RGPD (cumplimiento de una misión realizada en interés público)
       *[other] { $legal_basis }
    }
    Quién recibe los datos: la aplicación de mensajería desde la que nos escribe (Telegram: Telegram FZ-LLC en Dubai, es decir, fuera de la UE; la Comisión Europea no ha adoptado ninguna decisión de adecuación para los Emiratos Árabes Unidos; Matrix: el servidor Matrix de la ciudad); en el chat web, nadie más que nosotros (si indica allí una dirección de correo electrónico, también el servidor de correo de la ciudad, que envía los correos electrónicos); el servicio de vídeo de la videollamada; el proveedor de pagos si paga en línea (Stripe Payments Europe, Dublin).
    Plazo de conservación: borramos las conversaciones en las que no haya escrito nada durante { $idle } días. { $appointment } días después de una cita, solo se conserva lo que no permite identificarle (trámite, idioma, día, tiempo de espera). Los mensajes entregados se borran a los { $delivered } días, y las notas del personal de atención, a los { $notes } días. La dirección de correo electrónico para recordatorios se borra una vez pasada la cita (si no se ha confirmado, al cabo de un día).
    Sus derechos: acceso – /mydata muestra lo que guardamos sobre usted. Supresión – /forget lo borra todo. Rectificación, limitación y oposición: escriba al delegado de protección de datos.
    Reclamaciones: puede presentar una reclamación ante la autoridad de control: { $authority ->
        [none] la autoridad de protección de datos de su estado federado.
       *[other] { $authority }
    }
    Más información: { $url }
keywords-privacy = protección de datos, privacidad, política de privacidad, aviso de privacidad, datos personales, rgpd
keywords-mydata = mis datos, mis datos personales, qué saben de mí, qué datos tienen, qué datos guardan, acceso a mis datos, ver mis datos
keywords-forget = borrar mis datos, eliminar mis datos, borren mis datos, borrar todos mis datos, olvídenme, borrar todo, eliminar todo, derecho al olvido
mydata-title = Esto es lo que guardamos sobre usted:
mydata-conversation = Su conversación con nosotros: idioma { $lang }, último mensaje el { $date }
mydata-booking = Cita { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = En la sala de espera el { $date }: { $service } – { $status }
mydata-payment = Tasa { $reference }: { $amount } – { $state }
mydata-feedback = Su valoración: { $rating } de 5 { $comment }
mydata-messages = Mensajes para usted (aún no entregados o de los últimos días): { $messages }; sus entradas de los últimos días (sin el texto): { $inputs }
mydata-nothing = Nada.
mydata-retention = Se borra: una conversación tras { $idle } días sin mensajes; todo lo que permite identificarle, { $appointment } días después de la cita. Con /forget lo borra todo de inmediato.
mydata-status-held = reservada provisionalmente
mydata-status-confirmed = reservada
mydata-status-cancelled = cancelada
mydata-status-expired = caducada
mydata-status-done = realizada
mydata-status-no-show = no se presentó
mydata-status-waiting = en espera
mydata-status-called = en videollamada
mydata-status-left = salió de la sala de espera
forget-confirm = ¿Seguro que quiere que borremos todo lo que tenemos guardado sobre usted? Sus próximas citas se cancelarán y después ya no sabremos quién es usted.
option-forget-yes = Sí, borrar todo
option-forget-no = No, no borrar nada
forget-done = Hecho: hemos borrado todos sus datos y cancelado sus próximas citas. Si nos vuelve a escribir, empezaremos de cero.
booking-limit = Ya tiene { $max ->
        [one] una cita reservada
       *[other] { $max } citas reservadas
    }; no es posible tener más al mismo tiempo. Puede cambiar o cancelar una cita.
input-rate-limited = Ha enviado muchos mensajes en poco tiempo. Espere un minuto y luego continúe, por favor.
command-privacy = Protección de datos
command-mydata = Mis datos guardados
command-forget = Borrar todos mis datos
