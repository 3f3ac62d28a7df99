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
