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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Your appointment as a calendar file: { $service }, { $date }, { $time } (booking reference { $reference }). Open the file to add the appointment to your calendar.
calendar-file-cancel = Appointment { $reference } has been cancelled. Open this calendar file to remove it from your calendar as well.
calendar-summary = Video appointment at the citizens' office: { $service }
calendar-description =
    { $service }
    Booking reference: { $reference }
    How to join: { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    } before the start, we will message you in the chat, and you can check in there (“{ option-check-in }”). You will then wait in the virtual waiting room. When it is your turn, you will get the link to the video call in the chat. Open it in the browser of your smartphone or computer.
    Please have your documents ready.
calendar-description-cancelled =
    This appointment has been cancelled.
    Booking reference: { $reference }
