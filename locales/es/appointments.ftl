# My appointments: list, cancel, reschedule.

appointments-none = En este momento no tiene citas pendientes.
appointments-count =
    { $count ->
        [one] Tiene una cita pendiente.
       *[other] Tiene { $count } citas pendientes.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Número de reserva: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Elija una cita para cambiarla o cancelarla.
option-cancel-appointment = Cancelar la cita
option-reschedule = Cambiar la cita
cancel-confirm-prompt = ¿Seguro que desea cancelar la cita { $reference } del { $date }?
option-yes-cancel = Sí, cancelarla
option-no-keep = No, mantenerla
appointment-cancelled = La cita { $reference } ha sido cancelada.
appointment-kept = De acuerdo, su cita se mantiene.
appointment-gone = Esta cita ya no existe.
reschedule-intro = Elija una nueva cita para «{ $service }». Su cita actual se mantiene hasta que confirme la nueva.
appointment-rescheduled =
    Su cita se ha cambiado. El número de reserva sigue siendo { $reference }.
    { $service }
    { $date }, { $time }

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Su cita como archivo de calendario: { $service }, { $date }, { $time } (número de reserva { $reference }). Abra el archivo para añadir la cita a su calendario.
calendar-file-cancel = La cita { $reference } ha sido cancelada. Abra este archivo de calendario para que también desaparezca de su calendario.
calendar-summary = Cita por videollamada en el Bürgeramt: { $service }
calendar-description =
    { $service }
    Número de reserva: { $reference }
    Cómo participar: { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } antes del comienzo le escribiremos en el chat y allí podrá hacer check-in («{ option-check-in }»). Después esperará en la sala de espera virtual. Cuando sea su turno, recibirá en el chat el enlace a la videollamada. Ábralo en el navegador de su smartphone o de su ordenador.
    Tenga sus documentos a mano, por favor.
calendar-description-cancelled =
    Esta cita ha sido cancelada.
    Número de reserva: { $reference }
