# My appointments: list, cancel, reschedule.

appointments-none = You have no upcoming appointments.
appointments-count =
    { $count ->
        [one] You have one upcoming appointment.
       *[other] You have { $count } upcoming appointments.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Booking reference: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Choose an appointment to reschedule or cancel it.
option-cancel-appointment = Cancel appointment
option-reschedule = Reschedule appointment
cancel-confirm-prompt = Do you really want to cancel appointment { $reference } on { $date }?
option-yes-cancel = Yes, cancel it
option-no-keep = No, keep it
appointment-cancelled = Appointment { $reference } has been cancelled.
appointment-kept = Fine, your appointment stays as it is.
appointment-gone = This appointment no longer exists.
reschedule-intro = Choose a new appointment for “{ $service }”. Your current appointment stays until you confirm the new one.
appointment-rescheduled =
    Your appointment has been moved. The booking reference stays { $reference }.
    { $service }
    { $date }, { $time }
