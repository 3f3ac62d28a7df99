# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Hacer check-in ahora: { $service }, { $time }
menu-walk-in = Hablar ahora con el personal de atención
option-check-in = Hacer check-in ahora
check-in-not-yet = Podrá hacer check-in a partir de las { $time }.
check-in-too-late = Lo sentimos, la hora de esta cita ya ha pasado. Pida una cita nueva, por favor.
walk-in-closed = El Bürgeramt virtual está cerrado en este momento. Si lo desea, puede pedir una cita.

waiting-status = Está en la sala de espera virtual. Su posición en la cola: { $position }.
waiting-eta = Tiempo de espera estimado: aproximadamente { $wait }.
waiting-eta-now = Enseguida será su turno.
waiting-eta-unknown = Ahora mismo no hay personal de servicio. Le avisaremos en cuanto la cola avance.
waiting-hint = Cuando sea su turno, recibirá aquí el enlace a la videollamada.
option-refresh = Actualizar
option-leave-queue = Salir de la sala de espera
queue-left = Ha salido de la sala de espera.

called = ¡Es su turno! Le están esperando ahora en la videollamada.
called-link = Abra este enlace en el navegador de su smartphone: { $url }
called-no-link = El personal de atención se pondrá en contacto con usted enseguida.
in-call = Ahora mismo está en videollamada con el personal de atención.
visit-done = ¡Muchas gracias por su visita al Bürgeramt virtual!
visit-no-show = Lo sentimos, el personal de atención no ha podido contactar con usted. Pida una cita nueva, por favor.
back-in-queue = Ha vuelto a la sala de espera, en su posición anterior.

reminder-day = Recordatorio: mañana, { $date }, a las { $time }, tiene su cita por videollamada «{ $service }» (número de reserva { $reference }).
reminder-soon = Su cita por videollamada «{ $service }» empieza a las { $time }. Tenga sus documentos a mano, por favor.
check-in-open = Ya puede hacer check-in para su cita «{ $service }» de las { $time }.
appointment-missed = Lo sentimos, ha perdido su cita «{ $service }» de las { $time }. Pida una cita nueva, por favor.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Active su cámara, por favor: pulse el símbolo de la cámara en la videollamada.
say-microphone = Lo sentimos, no le oímos. Active su micrófono, por favor: pulse el símbolo del micrófono.
say-documents = Tenga ahora a mano su documento de identidad y sus documentos, por favor.
say-moment = Un momento, por favor, enseguida le atiendo.
say-link = Abra este enlace a la videollamada en el navegador de su smartphone, por favor:
