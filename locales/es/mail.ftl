# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Confirme su dirección de correo electrónico, por favor
mail-confirm-body =
    Ha indicado esta dirección en el chat del Bürgeramt para recibir recordatorios de su cita: { $service }, el { $date } a las { $time }.

    Confírmela con el enlace de abajo, por favor. Solo entonces le enviaremos correos electrónicos.

    ¿No ha sido usted? Entonces no tiene que hacer nada. Sin confirmación no recibirá nada más de nuestra parte, y la dirección se borrará al cabo de un día.
mail-confirm-action = Confirmar la dirección

mail-booked-subject = Su cita: { $service }, el { $date }
mail-booked-body =
    Su cita está reservada: { $service }, el { $date } a las { $time }. Su número de reserva: { $reference }.

    En el archivo adjunto encontrará la cita para su calendario. Podrá hacer check-in en el chat desde { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } antes de la cita.
mail-booked-action = Ir al chat

mail-remind-subject = Recordatorio: { $service }, el { $date } a las { $time }
mail-remind-body =
    Le recordamos su cita: { $service }, el { $date } a las { $time }.

    Podrá hacer check-in en el chat desde { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } antes de la cita.
mail-remind-action = Ir al chat

mail-checkin-subject = Ya puede hacer check-in
mail-checkin-body =
    Su cita empieza pronto: { $service }, a las { $time }.

    Abra el chat y haga check-in. Así pasará a la sala de espera virtual.
mail-checkin-action = Ir al chat y hacer check-in

mail-called-subject = El personal de atención le está llamando
mail-called-body =
    Es su turno: { $service }.

    Abra ahora el chat. Allí encontrará el enlace a la videollamada.
mail-called-action = Volver al chat

mail-footer = Recibe este correo electrónico porque indicó esta dirección en el chat para su cita { $reference }. La borraremos después de la cita.
mail-stop = Dejar de recibir estos correos

mydata-mail = Dirección de correo electrónico para recordatorios: { $address } ({ $state })
mydata-mail-pending = aún no confirmada
mydata-mail-confirmed = confirmada
mydata-mail-bounced = no se puede entregar

web-mail-title = Recordatorios por correo electrónico
web-mail-hint = Opcional. Solo para su próxima cita: la confirmación, recordatorios y un aviso cuando sea su turno. La dirección se borra después de la cita.
web-mail-label = Su dirección de correo electrónico
web-mail-send = Enviar enlace de confirmación
web-mail-sent = Hemos enviado un enlace a { $address }. Ábralo para confirmar la dirección, por favor.
web-mail-confirmed-already = Esta dirección ya está confirmada para su cita.
web-mail-bounced = No hemos podido entregar correos a esta dirección. Indique otra, por favor.
web-mail-no-booking = Pida primero una cita. Después podrá recibir recordatorios por correo electrónico.
web-mail-invalid = Esta no es una dirección de correo electrónico a la que podamos escribir. Ejemplo: name@example.org
web-mail-link-invalid = Este enlace ya no es válido: ha caducado o ya se ha utilizado. Puede indicar de nuevo su dirección en el chat.
web-mail-confirm-title = Confirmar la dirección de correo electrónico
web-mail-confirm-text = Una vez confirmada, recibirá correos electrónicos sobre su cita: la confirmación con un archivo de calendario, recordatorios y un aviso cuando sea su turno.
web-mail-confirm-button = Confirmar la dirección
web-mail-confirm-done = ¡Gracias! Su dirección está confirmada. En breve recibirá por correo electrónico la confirmación de la cita con el archivo de calendario.
web-mail-stop-title = No recibir más correos
web-mail-stop-text = Dejará de recibir correos electrónicos sobre esta cita y borraremos su dirección. Su cita se mantiene.
web-mail-stop-button = Dejar de recibir correos
web-mail-stop-done = Hecho. Su dirección se ha borrado y ya no recibirá más correos electrónicos. Su cita se mantiene.
web-back-title = Volver al chat
web-back-text = Así abrirá su conversación con el Bürgeramt en este navegador.
web-back-button = Abrir el chat
