privacy-line = Protección de datos: { $url } – más información con /privacy
privacy-notice =
    Protección de datos
    Responsable del tratamiento: { $controller }
    Finalidad: guardamos lo que nos escribe, sus citas y sus tasas para tramitar su solicitud, enviarle recordatorios y darle acceso a la videollamada.
    Plazo de conservación: borramos las conversaciones en las que no haya escrito nada durante { $idle } días. { $appointment } días después de una cita, solo se conserva lo que no permite identificarle (trámite, idioma, día, tiempo de espera).
    Sus derechos: /mydata muestra lo que guardamos sobre usted; /forget lo borra todo.
    Contacto de protección de datos: { $contact }
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
