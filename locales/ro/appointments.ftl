# My appointments: list, cancel, reschedule.

appointments-none = Momentan nu aveți nicio programare.
appointments-count =
    { $count ->
        [one] Aveți o programare.
        [few] Aveți { $count } programări.
       *[other] Aveți { $count } de programări.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Numărul programării: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Alegeți o programare pentru a o muta sau a o anula.
option-cancel-appointment = Anulați programarea
option-reschedule = Mutați programarea
cancel-confirm-prompt = Doriți într-adevăr să anulați programarea { $reference } din { $date }?
option-yes-cancel = Da, o anulez
option-no-keep = Nu, o păstrez
appointment-cancelled = Programarea { $reference } a fost anulată.
appointment-kept = Bine, programarea rămâne valabilă.
appointment-gone = Această programare nu mai există.
reschedule-intro = Alegeți o nouă dată pentru „{ $service }”. Programarea actuală rămâne valabilă până când o confirmați pe cea nouă.
appointment-rescheduled =
    Programarea a fost mutată. Numărul programării rămâne { $reference }.
    { $service }
    { $date }, { $time }

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Programarea dumneavoastră ca fișier de calendar: { $service }, { $date }, { $time } (numărul programării { $reference }). Deschideți fișierul pentru a adăuga programarea în calendarul dumneavoastră.
calendar-file-cancel = Programarea { $reference } a fost anulată. Deschideți acest fișier de calendar pentru ca programarea să dispară și din calendarul dumneavoastră.
calendar-summary = Programare video la biroul pentru cetățeni: { $service }
calendar-description =
    { $service }
    Numărul programării: { $reference }
    Cum participați: cu { $minutes ->
        [one] un minut
        [few] { $minutes } minute
       *[other] { $minutes } de minute
    } înainte de începere vă scriem în chat, iar acolo puteți intra în sala de așteptare virtuală („{ option-check-in }”). Când vine rândul dumneavoastră, primiți în chat linkul către convorbirea video. Deschideți-l în browserul telefonului sau al calculatorului.
    Vă rugăm să aveți documentele la îndemână.
calendar-description-cancelled =
    Această programare a fost anulată.
    Numărul programării: { $reference }
