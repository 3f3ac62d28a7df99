# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Intrați în sala de așteptare: { $service }, { $time }
menu-walk-in = Vorbiți acum cu un funcționar
option-check-in = Intrați acum în sala de așteptare
check-in-not-yet = Puteți intra în sala de așteptare începând cu ora { $time }.
check-in-too-late = Din păcate, ora acestei programări a trecut. Vă rugăm să faceți o programare nouă.
walk-in-closed = Biroul virtual pentru cetățeni este închis în acest moment. Puteți face însă oricând o programare.

waiting-status = Sunteți în sala de așteptare virtuală. Locul dumneavoastră în rând: { $position }.
waiting-eta = Timp de așteptare estimat: aproximativ { $wait }.
waiting-eta-now = Imediat vine rândul dumneavoastră.
waiting-eta-unknown = Momentan nu este niciun funcționar de serviciu. Vă anunțăm imediat ce se reia activitatea.
waiting-hint = Când va veni rândul dumneavoastră, veți primi aici linkul către convorbirea video.
option-refresh = Actualizați
option-leave-queue = Ieșiți din sala de așteptare
queue-left = Ați ieșit din sala de așteptare.

called = Este rândul dumneavoastră! Funcționarul vă așteaptă acum în convorbirea video.
called-link = Deschideți acest link în browserul telefonului: { $url }
called-no-link = Funcționarul vă va contacta imediat.
in-call = Sunteți acum în convorbire cu funcționarul.
visit-done = Vă mulțumim pentru vizita la biroul virtual pentru cetățeni!
visit-no-show = Din păcate, funcționarul nu a reușit să vă contacteze. Vă rugăm să faceți o programare nouă.
back-in-queue = Sunteți din nou în sala de așteptare, pe locul pe care îl aveați.

reminder-day = Memento: mâine, { $date }, la ora { $time }, aveți programarea video „{ $service }” (numărul programării { $reference }).
reminder-soon = Programarea video „{ $service }” începe la ora { $time }. Vă rugăm să aveți documentele la îndemână.
check-in-open = Acum puteți intra în sala de așteptare pentru programarea „{ $service }” de la ora { $time }.
appointment-missed = Din păcate, ați pierdut programarea „{ $service }” de la ora { $time }. Vă rugăm să faceți o programare nouă.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Vă rugăm să porniți camera – atingeți simbolul camerei în convorbirea video.
say-microphone = Din păcate, nu vă auzim. Vă rugăm să porniți microfonul – atingeți simbolul microfonului.
say-documents = Vă rugăm să pregătiți acum actul de identitate și documentele.
say-moment = Un moment, vă rog, sunt imediat cu dumneavoastră.
say-link = Vă rugăm să deschideți acest link către convorbirea video în browserul telefonului:
