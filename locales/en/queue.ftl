# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Check in now: { $service }, { $time }
menu-walk-in = Talk to a clerk now
option-check-in = Check in now
check-in-not-yet = You can check in from { $time }.
check-in-too-late = Sorry, the time for this appointment has passed. Please book a new appointment.
walk-in-closed = The virtual citizens' office is closed right now. You are welcome to book an appointment.

waiting-status = You are in the virtual waiting room. Your place in the queue: { $position }.
waiting-eta = Expected wait: about { $wait }.
waiting-eta-now = It will be your turn in a moment.
waiting-eta-unknown = No clerk is on duty right now. We will let you know as soon as things move.
waiting-hint = When it is your turn, you will get the link to the video call here.
option-refresh = Refresh
option-leave-queue = Leave the waiting room
queue-left = You have left the waiting room.

called = It is your turn! The clerk is waiting for you in the video call now.
called-link = Open this link in your smartphone's browser: { $url }
called-no-link = The clerk will contact you in a moment.
in-call = You are talking to a clerk right now.
visit-done = Thank you for visiting the virtual citizens' office!
visit-no-show = Sorry, the clerk could not reach you. Please book a new appointment.
back-in-queue = You are back in the waiting room, at your previous place.

reminder-day = Reminder: tomorrow, { $date }, at { $time } you have your video appointment “{ $service }” (booking reference { $reference }).
reminder-soon = Your video appointment “{ $service }” starts at { $time }. Please have your documents ready.
check-in-open = You can now check in for your appointment “{ $service }” at { $time }.
appointment-missed = Sorry, you missed your appointment “{ $service }” at { $time }. Please book a new appointment.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Please turn on your camera – tap the camera symbol in the video call.
say-microphone = Sorry, we cannot hear you. Please turn on your microphone – tap the microphone symbol.
say-documents = Please have your ID and your documents ready now.
say-moment = One moment please, I will be with you shortly.
say-link = Please open this link to the video call in your smartphone's browser:
