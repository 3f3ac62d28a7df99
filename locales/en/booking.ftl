# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = Which service would you like an appointment for? Choose from the list or type a keyword.
pick-service-checklist-prompt = For which service would you like to know what to bring?
service-not-found = I could not find a service for that.
service-ambiguous = Did you mean one of these services?
service-in-person-only = This service is only available in person.

checklist-title = For “{ $service }” you need:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (if it applies to you)
checklist-fee-none = This service is free of charge.
checklist-fee = Fee: { $fee }. You pay conveniently from home after the call.
checklist-duration = Length of the video call: about { $duration }.
checklist-tick-hint = Tick off what you already have ready – the clerk will then see what is still missing.
checklist-all-done = You have everything together.
option-tick = I have: { $document }
option-untick = Still missing: { $document }
option-continue-to-dates = Continue to choose a date
option-book-this = Book an appointment for this service

pick-day-prompt = Which day suits you?
option-later-days = Later days
option-earlier-days = Earlier days
no-free-days = Sorry, there are no free appointments in the next { $days ->
        [one] day
       *[other] { $days } days
    }. Please try again later.
no-more-days = You cannot book further ahead yet.
pick-time-prompt = Which time suits you on { $date }?
option-more-times = Later times
day-full = Sorry, this day is fully booked now. Please choose another day.

slot-held =
    I am holding this appointment for you for { $duration }:
    { $service }
    { $date }, { $time }
    Please confirm it.
option-confirm = Confirm appointment
hold-warning = I am holding this appointment for you only until { $time }. Do you need more time?
hold-extended = Fine, I am holding the appointment for you until { $time }.
option-hold-more = More time
option-other-time = Choose another time
option-abort = Cancel
slot-taken = Sorry, this time has just been taken. Please choose another time.
booking-aborted = All right, I have not booked anything.

booking-confirmed =
    Your appointment is booked.
    Booking reference: { $reference }
    { $service }
    { $date }, { $time }
    The appointment takes place by video. Please have your documents ready.
