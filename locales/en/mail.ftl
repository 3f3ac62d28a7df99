# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Please confirm your e-mail address
mail-confirm-body =
    You gave this address in the citizens' office chat to get reminders of your appointment: { $service } on { $date } at { $time }.

    Please confirm it with the link below. Only then will we send you e-mails.

    Wasn't this you? Then there is nothing to do. Without a confirmation you will get nothing more from us, and the address is deleted after one day.
mail-confirm-action = Confirm address

mail-booked-subject = Your appointment: { $service } on { $date }
mail-booked-body =
    Your appointment is booked: { $service } on { $date } at { $time }. Your reference: { $reference }.

    The appointment for your calendar is attached. You can check in in the chat from { $minutes } minutes before the appointment.
mail-booked-action = Open the chat

mail-remind-subject = Reminder: { $service } on { $date } at { $time }
mail-remind-body =
    This is a reminder of your appointment: { $service } on { $date } at { $time }.

    You can check in in the chat from { $minutes } minutes before the appointment.
mail-remind-action = Open the chat

mail-checkin-subject = You can check in now
mail-checkin-body =
    Your appointment starts soon: { $service } at { $time }.

    Open the chat and check in. Then you enter the virtual waiting room.
mail-checkin-action = Open the chat and check in

mail-called-subject = The clerk is calling you now
mail-called-body =
    It is your turn: { $service }.

    Open the chat now. You will find the link to the video call there.
mail-called-action = Back to the chat

mail-footer = You get this e-mail because you gave this address in the chat for your appointment { $reference }. We delete it after the appointment.
mail-stop = Stop these e-mails

mydata-mail = E-mail address for reminders: { $address } ({ $state })
mydata-mail-pending = not confirmed yet
mydata-mail-confirmed = confirmed
mydata-mail-bounced = undeliverable

web-mail-title = Reminders by e-mail
web-mail-hint = Optional. Only for your next appointment: the confirmation, reminders and a message when it is your turn. The address is deleted after the appointment.
web-mail-label = Your e-mail address
web-mail-send = Send confirmation link
web-mail-sent = We sent a link to { $address }. Please open it to confirm the address.
web-mail-confirmed-already = This address is already confirmed for your appointment.
web-mail-bounced = We could not deliver to this address. Please give another one.
web-mail-no-booking = Book an appointment first. Then you can get reminders by e-mail.
web-mail-invalid = This is not an e-mail address we can reach. Example: name@example.org
web-mail-link-invalid = This link no longer works. It has expired or was used already. You can give your address again in the chat.
web-mail-confirm-title = Confirm your e-mail address
web-mail-confirm-text = Once confirmed, you get e-mails about your appointment: the confirmation with a calendar file, reminders and a message when it is your turn.
web-mail-confirm-button = Confirm address
web-mail-confirm-done = Thank you! Your address is confirmed. The confirmation of your appointment with its calendar file follows by e-mail.
web-mail-stop-title = No more e-mails
web-mail-stop-text = You will get no more e-mails about this appointment, and we delete your address. Your appointment stays booked.
web-mail-stop-button = Stop e-mails
web-mail-stop-done = Done. Your address is deleted and you will get no more e-mails. Your appointment stays booked.
web-back-title = Back to the chat
web-back-text = This opens your conversation with the citizens' office in this browser.
web-back-button = Open the chat
