# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Puesto de { $clerk }. Escriba «help» para ver los comandos.
desk-not-clerk = { $clerk } no figura en la lista del personal de atención (SCHALTER_MATRIX_CLERKS). Solo las personas de esa lista pueden atender la sala de espera.
desk-help =
    Comandos:
    next – llamar a la siguiente persona
    take REF – llamar a una persona concreta
    done [nota] – terminar la videollamada
    noshow – la persona no se ha presentado
    back – devolver a la persona a la sala de espera
    queue – mostrar la sala de espera
    today – las citas de hoy
    say KEY – enviar un mensaje preparado a la persona (camera, microphone, documents, moment, link)
    fee [IMPORTE] [motivo] – fijar la tasa de la videollamada o añadir un concepto
    paid REF – mostrar el estado del pago
    refund REF [IMPORTE] – reembolsar un pago
    away / available – ausente / disponible
    help – esta ayuda
desk-unknown = No conozco este comando.
desk-picked =
    Llamada: { $reference } · { $service } · { $lang } · esperando desde hace { $waited } min
    Falta todavía: { $open }
desk-video = Vídeo: { $url }
desk-video-invited = La sala de vídeo está lista: encontrará la invitación en Element. El enlace no se publica aquí porque esta sala no la lee solo el personal de atención.
desk-nobody = No hay nadie esperando.
desk-not-waiting = { $reference } no está esperando en este momento.
desk-busy = Todavía está en videollamada con { $reference }. Ciérrela primero con done, noshow o back.
desk-done = { $reference }: atención terminada.
desk-noshow = { $reference }: registrado como no presentado.
desk-back = { $reference } ha vuelto a la sala de espera.
desk-no-call = En este momento no está en ninguna videollamada.
desk-queue-empty = La sala de espera está vacía.
desk-queue-title = Sala de espera: { $count } en espera, { $clerks } de servicio
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · esperando desde hace { $waited } min · falta: { $open }
desk-in-call-line = En videollamada: { $reference } con { $clerk }
desk-away = Ahora figura como ausente y no cuenta para el cálculo del tiempo de espera.
desk-available = Ahora figura como disponible.
desk-walk-in = sin cita
desk-checklist-complete = nada
desk-agenda-title = ¡Buenos días! Citas de hoy: { $count }
desk-today-title = Citas de hoy: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · puesto { $desk }
desk-say-sent = Enviado a { $reference }: { $key }
desk-say-keys = Ese mensaje no existe. Mensajes preparados: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
