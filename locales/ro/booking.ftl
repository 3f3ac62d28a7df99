# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = Pentru ce serviciu doriți o programare? Alegeți din listă sau scrieți un cuvânt-cheie.
pick-service-checklist-prompt = Pentru ce serviciu doriți să aflați ce trebuie să aveți pregătit?
service-not-found = Nu am găsit niciun serviciu potrivit.
service-ambiguous = Vă referiți la unul dintre aceste servicii?
service-in-person-only = Acest serviciu este disponibil doar la ghișeu, în persoană.

checklist-title = Pentru „{ $service }” aveți nevoie de:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (dacă este cazul)
checklist-fee-none = Acest serviciu este gratuit.
checklist-fee = Taxă: { $fee }. Puteți plăti comod de acasă, după convorbire.
checklist-duration = Durata convorbirii video: aproximativ { $duration }.
checklist-tick-hint = Bifați ce aveți deja pregătit – astfel funcționarul vede ce mai lipsește.
checklist-all-done = Aveți tot ce vă trebuie.
option-tick = Am: { $document }
option-untick = Încă lipsește: { $document }
option-continue-to-dates = Mai departe, la alegerea datei
option-book-this = Faceți o programare pentru acest serviciu

pick-day-prompt = Ce zi vă convine?
option-later-days = Zilele următoare
option-earlier-days = Zilele anterioare
no-free-days = Din păcate, { $days ->
        [one] în ziua următoare
        [few] în următoarele { $days } zile
       *[other] în următoarele { $days } de zile
    } nu mai este liberă nicio programare. Vă rugăm să încercați din nou mai târziu.
no-more-days = Deocamdată nu se pot face programări mai departe în viitor.
pick-time-prompt = Ce oră vă convine { $date }?
option-more-times = Ore mai târzii
day-full = Din păcate, în această zi nu mai este nimic liber. Vă rugăm să alegeți altă zi.

slot-held =
    Vă rezerv această programare timp de { $duration }:
    { $service }
    { $date }, { $time }
    Vă rugăm să o confirmați.
option-confirm = Confirmați programarea
hold-warning = Vă mai rezerv această programare doar până la ora { $time }. Aveți nevoie de mai mult timp?
hold-extended = Bine, vă rezerv programarea până la ora { $time }.
option-hold-more = Mai mult timp
option-other-time = Alegeți altă oră
option-abort = Renunțați
slot-taken = Din păcate, această oră tocmai a fost ocupată. Vă rugăm să alegeți altă oră.
booking-aborted = În regulă, nu am făcut nicio programare.

booking-confirmed =
    Programarea este confirmată.
    Numărul programării: { $reference }
    { $service }
    { $date }, { $time }
    Convorbirea are loc prin video. Vă rugăm să aveți documentele la îndemână.
