# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = hello, hi, hey, good morning, good afternoon, good evening
question-thanks-keywords = thanks, thank you, many thanks, cheers
question-hours-keywords = opening hours, opening times, when are you open, are you open, office hours, business hours
question-address-keywords = address, where is the office, where are you, location, where do i go, office in person
question-cost-keywords = costs, fee, fees, price, how much, how expensive
question-duration-keywords = how long, duration, take long
question-documents-keywords = bring, documents, what do i need, which papers
question-payment-keywords = pay, payment, paying, pay by card, credit card, bank transfer
question-call-keywords = video call, how does it work, what happens, prepare, camera, microphone
question-proxy-keywords = power of attorney, go for me, someone else, on my behalf, for me instead, another person, represent me

question-greeting = Hello! Good to have you here. I am the virtual counter of your citizens' office.
question-thanks = You're welcome!

question-hours-title = Opening hours of the virtual counter for the next 7 days:
# $day is the date as in the booking ("Tuesday, 2 February"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: closed
question-hours-day-closed = { $day }: closed (public holiday or closing day)
question-hours-open-now = Open now, today until { $until }.
question-hours-closed-now = Closed now. We are back on { $day } at { $time }.
question-hours-closed-now-unknown = Closed now. The next opening hours are not set yet.

question-address = You will find the citizens' office in person here: { $address }

# $fee is "free of charge" or an amount; $duration as in the checklist ("20 minutes").
question-cost-duration = { $service }: { $fee }; the video call takes about { $duration }.
question-cost-duration-in-person = { $service }: { $fee }; the appointment in person takes about { $duration }.
question-cost-all = Fees and duration of our services:
question-cost-all-line = • { $service }: { $fee }, about { $duration }

question-documents = For “{ $service }” you need: { $documents }. You can send them here in the chat before the call.
question-documents-none = For “{ $service }” you need no documents.
question-which-service = For which service? Write, for example, “What do I need for registering an address?” or “power of attorney certificate of good conduct”.

question-payment-online = You pay fees from home: after the call you get a link to the city's payment page here. You will find open fees under “My appointments” at any time.
question-payment-after-call = You pay fees after the call. The clerk will tell you how during the call.

question-call = This is how the video call works: at your appointment time you check in here and wait in the virtual waiting room. When it is your turn, you get a link. It opens the call in your browser, no app needed. Allow the browser to use your camera and microphone, and have your ID and your documents ready.

question-proxy-form = Someone else can do “{ $service }” for you. That person needs: { $form }.
question-proxy-in-person = You have to do “{ $service }” yourself. Nobody else can do it for you.
question-proxy-ask = Whether someone else can do “{ $service }” for you is something the clerk will clarify with you. Please ask during the call.

question-unanswered = I’m afraid I can’t help with that. You can ask me, for example, about the opening hours, what a service costs or how the video call works.
question-unanswered-clerk = The citizens' office is open right now: in the menu you can talk to a clerk straight away (“menu”).

# The questions as buttons on the help screen.
question-button-hours = Opening hours
question-button-address = Where is the office?
question-button-cost = Fees and duration
question-button-call = How does the video call work?
question-button-payment = How do I pay?
question-button-proxy = Can someone go for me?
