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
