# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Desk of { $clerk }. Type “help” for the commands.
desk-not-clerk = { $clerk } is not registered as a clerk (SCHALTER_MATRIX_CLERKS). Only registered clerks can work the waiting room.
desk-help =
    Commands:
    next – call the next citizen
    take REF – call a particular citizen
    done [note] – end the call
    noshow – the citizen did not show up
    back – send the citizen back to the waiting room
    queue – show the waiting room
    today – today's appointments
    say KEY – a prepared message to the citizen (camera, microphone, documents, moment, link)
    fee [AMOUNT] [reason] – set the call's fee or add an item
    paid REF – show the payment state
    refund REF [AMOUNT] – refund a payment
    away / available – away / available
    help – this help
desk-unknown = I do not know this command.
desk-picked =
    Called: { $reference } · { $service } · { $lang } · waiting for { $waited } min
    Still missing: { $open }
desk-video = Video: { $url }
desk-video-invited = The video room is ready: you will find the invitation in Element. The link is not posted here because people other than clerks can read this room.
desk-nobody = Nobody is waiting.
desk-not-waiting = { $reference } is not waiting right now.
desk-busy = You are still in a call with { $reference }. Please finish it first with done, noshow or back.
desk-done = { $reference } is done.
desk-noshow = { $reference } is marked as not shown up.
desk-back = { $reference } is back in the waiting room.
desk-no-call = You are not in a call right now.
desk-queue-empty = The waiting room is empty.
desk-queue-title = Waiting room: { $count } waiting, { $clerks } on duty
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · waiting for { $waited } min · still missing: { $open }
desk-in-call-line = In a call: { $reference } with { $clerk }
desk-away = You are away now and do not count for waiting times.
desk-available = You are available now.
desk-walk-in = without appointment
desk-checklist-complete = nothing
desk-agenda-title = Good morning! Appointments today: { $count }
desk-today-title = Appointments today: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · desk { $desk }
desk-say-sent = Sent to { $reference }: { $key }
desk-say-keys = There is no such message. Prepared are: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
