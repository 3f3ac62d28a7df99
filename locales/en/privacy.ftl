privacy-line = Privacy: { $url } – more with /privacy
privacy-notice =
    Privacy
    Responsible: { $controller }
    Data protection officer: { $contact }
    Why: We store what you write to us, your appointments, your visits to the waiting room and your fees. We use them to handle your request, to remind you of appointments and to bring you into the video call. Rating the call afterwards is up to you.
    Legal basis: { $legal_basis ->
        [none] Art. 6(1)(e) GDPR (a task carried out in the public interest)
       *[other] { $legal_basis }
    }
    Who receives the data: the messenger you write on (Telegram: Telegram FZ-LLC in Dubai, outside the EU; there is no EU adequacy decision for the United Arab Emirates; Matrix: the city's Matrix server); in the web chat nobody but us (if you give an e-mail address there, also the city's mail server that delivers the e-mails); the video service for the call; the payment provider if you pay online (Stripe Payments Europe, Dublin).
    How long: A conversation in which you have not written for { $idle } days is deleted. { $appointment } days after an appointment, only what says nothing about you remains (service, language, day, waiting time). Delivered messages are deleted after { $delivered } days, the clerks' notes after { $notes } days. An e-mail address for reminders is deleted once the appointment is over (unconfirmed: after one day).
    Your rights: access – /mydata shows what we store about you. Erasure – /forget deletes everything. Rectification, restriction and objection: write to the data protection officer.
    Complaints: you may complain to the supervisory authority: { $authority ->
        [none] the data protection authority of your federal state.
       *[other] { $authority }
    }
    More: { $url }
keywords-privacy = privacy, data protection, privacy policy
keywords-mydata = my data, what do you know about me, which data, data access
keywords-forget = delete my data, forget me, erase my data, delete everything
mydata-title = This is what we store about you:
mydata-conversation = Your conversation with us: language { $lang }, last on { $date }
mydata-booking = Appointment { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = In the waiting room on { $date }: { $service } – { $status }
mydata-payment = Fee { $reference }: { $amount } – { $state }
mydata-feedback = Your rating: { $rating } of 5 { $comment }
mydata-messages = Messages to you (not yet delivered or from the last days): { $messages }; your inputs of the last days (without text): { $inputs }
mydata-nothing = Nothing.
mydata-retention = Deleted: a conversation after { $idle } days without a message, everything that identifies you { $appointment } days after the appointment. With /forget you delete everything now.
mydata-status-held = reserved
mydata-status-confirmed = booked
mydata-status-cancelled = cancelled
mydata-status-expired = expired
mydata-status-done = done
mydata-status-no-show = did not come
mydata-status-waiting = waiting
mydata-status-called = in the call
mydata-status-left = left
forget-confirm = Shall we really delete everything we store about you? Your future appointments will be cancelled, and we will no longer know you.
option-forget-yes = Yes, delete everything
option-forget-no = No, delete nothing
forget-done = Done: we have deleted everything about you and cancelled your future appointments. If you write to us again, we start afresh.
booking-limit = You already have { $max } appointments booked; more at the same time are not possible. You can reschedule or cancel an appointment.
input-rate-limited = You have sent very many messages in a short time. Please wait a minute and then carry on.
command-privacy = Privacy
command-mydata = My stored data
command-forget = Delete all my data
