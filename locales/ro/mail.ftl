# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Vă rugăm să vă confirmați adresa de e-mail
mail-confirm-body =
    Ați indicat această adresă în chatul biroului pentru cetățeni pentru a primi mementouri despre programarea dumneavoastră: { $service }, { $date }, la ora { $time }.

    Vă rugăm să o confirmați folosind linkul de mai jos. Abia după aceea vă vom trimite e-mailuri.

    Nu ați fost dumneavoastră? Atunci nu trebuie să faceți nimic. Fără confirmare nu veți mai primi nimic de la noi, iar adresa va fi ștearsă după o zi.
mail-confirm-action = Confirmați adresa

mail-booked-subject = Programarea dumneavoastră: { $service }, { $date }
mail-booked-body =
    Programarea dumneavoastră este confirmată: { $service }, { $date }, la ora { $time }. Numărul programării: { $reference }.

    În atașament găsiți programarea ca fișier de calendar. Puteți intra în sala de așteptare din chat cu { $minutes ->
        [one] un minut
        [few] { $minutes } minute
       *[other] { $minutes } de minute
    } înainte de programare.
mail-booked-action = Mergeți la chat

mail-remind-subject = Memento: { $service }, { $date }, la ora { $time }
mail-remind-body =
    Vă reamintim de programarea dumneavoastră: { $service }, { $date }, la ora { $time }.

    Puteți intra în sala de așteptare din chat cu { $minutes ->
        [one] un minut
        [few] { $minutes } minute
       *[other] { $minutes } de minute
    } înainte de programare.
mail-remind-action = Mergeți la chat

mail-checkin-subject = Acum puteți intra în sala de așteptare
mail-checkin-body =
    Programarea dumneavoastră începe în curând: { $service }, la ora { $time }.

    Deschideți chatul și intrați în sala de așteptare virtuală. Acolo așteptați până vine rândul dumneavoastră.
mail-checkin-action = Mergeți la chat și intrați în sala de așteptare

mail-called-subject = Funcționarul vă apelează acum
mail-called-body =
    Este rândul dumneavoastră: { $service }.

    Deschideți acum chatul. Acolo găsiți linkul către convorbirea video.
mail-called-action = Înapoi la chat

mail-footer = Primiți acest e-mail pentru că ați indicat această adresă în chat pentru programarea { $reference }. O ștergem după programare.
mail-stop = Nu mai doresc să primesc e-mailuri

mydata-mail = Adresa de e-mail pentru mementouri: { $address } ({ $state })
mydata-mail-pending = neconfirmată încă
mydata-mail-confirmed = confirmată
mydata-mail-bounced = nu poate fi livrată

web-mail-title = Mementouri prin e-mail
web-mail-hint = Opțional. Doar pentru următoarea dumneavoastră programare: confirmarea, mementouri și un mesaj când vine rândul dumneavoastră. Adresa se șterge după programare.
web-mail-label = Adresa dumneavoastră de e-mail
web-mail-send = Trimiteți linkul de confirmare
web-mail-sent = Am trimis un link la { $address }. Vă rugăm să îl deschideți pentru a confirma adresa.
web-mail-confirmed-already = Această adresă este deja confirmată pentru programarea dumneavoastră.
web-mail-bounced = Nu am putut livra mesaje la această adresă. Vă rugăm să indicați alta.
web-mail-no-booking = Faceți mai întâi o programare. Apoi puteți primi mementouri prin e-mail.
web-mail-invalid = Aceasta nu este o adresă de e-mail la care vă putem scrie. Exemplu: name@example.org
web-mail-link-invalid = Acest link nu mai este valabil: a expirat sau a fost deja folosit. Puteți indica din nou adresa în chat.
web-mail-confirm-title = Confirmați adresa de e-mail
web-mail-confirm-text = După confirmare primiți e-mailuri despre programarea dumneavoastră: confirmarea cu fișierul de calendar, mementouri și un mesaj când vine rândul dumneavoastră.
web-mail-confirm-button = Confirmați adresa
web-mail-confirm-done = Vă mulțumim! Adresa dumneavoastră este confirmată. Confirmarea programării, cu fișierul de calendar, vă va sosi imediat prin e-mail.
web-mail-stop-title = Dezabonare de la e-mailuri
web-mail-stop-text = Nu veți mai primi e-mailuri despre această programare, iar noi vă vom șterge adresa. Programarea dumneavoastră rămâne valabilă.
web-mail-stop-button = Dezabonați-vă
web-mail-stop-done = Gata. Adresa dumneavoastră a fost ștearsă și nu veți mai primi e-mailuri. Programarea dumneavoastră rămâne valabilă.
web-back-title = Înapoi la chat
web-back-text = Astfel deschideți în acest browser conversația dumneavoastră cu biroul pentru cetățeni.
web-back-button = Deschideți chatul
