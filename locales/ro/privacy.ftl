privacy-line = Protecția datelor: { $url } – mai multe cu /privacy
privacy-notice =
    Protecția datelor
    Operatorul datelor: { $controller }
    Scop: Stocăm ce ne scrieți, programările și taxele dumneavoastră, pentru a vă rezolva solicitarea, a vă reaminti programările și a vă conecta la convorbirea video.
    Durată: Ștergem conversația în care nu ați scris nimic timp de { $idle ->
        [one] o zi
        [few] { $idle } zile
       *[other] { $idle } de zile
    }. La { $appointment ->
        [one] o zi
        [few] { $appointment } zile
       *[other] { $appointment } de zile
    } după o programare rămâne doar ceea ce nu permite identificarea dumneavoastră (serviciul, limba, ziua, timpul de așteptare).
    Drepturile dumneavoastră: /mydata arată ce stocăm despre dumneavoastră; /forget șterge tot.
    Contact pentru protecția datelor: { $contact }
    Mai multe: { $url }
keywords-privacy = protecția datelor, protectia datelor, confidențialitate, confidentialitate, politica de confidențialitate, gdpr, date personale, datenschutz
keywords-mydata = datele mele, ce știți despre mine, ce stiti despre mine, ce date aveți, ce date, acces la date, informații despre datele mele
keywords-forget = ștergeți datele mele, stergeti datele mele, șterge datele mele, ștergerea datelor, uitați-mă, dreptul de a fi uitat, ștergeți tot
mydata-title = Iată ce stocăm despre dumneavoastră:
mydata-conversation = Conversația dumneavoastră cu noi – limba: { $lang }, ultima activitate: { $date }
mydata-booking = Programarea { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = Vizită în sala de așteptare, { $date }: { $service } – { $status }
mydata-payment = Taxa { $reference }: { $amount } – { $state }
mydata-feedback = Evaluarea dumneavoastră: { $rating } din 5 { $comment }
mydata-messages = Mesaje către dumneavoastră (încă nelivrate sau din ultimele zile): { $messages }; mesajele dumneavoastră din ultimele zile (fără text): { $inputs }
mydata-nothing = Nimic.
mydata-retention = Ce ștergem: o conversație după { $idle ->
        [one] o zi
        [few] { $idle } zile
       *[other] { $idle } de zile
    } fără niciun mesaj; tot ce vă poate identifica, la { $appointment ->
        [one] o zi
        [few] { $appointment } zile
       *[other] { $appointment } de zile
    } după programare. Cu /forget ștergeți totul imediat.
mydata-status-held = rezervată provizoriu
mydata-status-confirmed = confirmată
mydata-status-cancelled = anulată
mydata-status-expired = expirată
mydata-status-done = încheiată
mydata-status-no-show = neprezentare
mydata-status-waiting = în așteptare
mydata-status-called = în convorbire
mydata-status-left = renunțare
forget-confirm = Doriți într-adevăr să ștergem tot ce am stocat despre dumneavoastră? Programările viitoare vor fi anulate, iar după aceea nu vă vom mai recunoaște.
option-forget-yes = Da, ștergeți tot
option-forget-no = Nu, nu ștergeți nimic
forget-done = Gata: am șters tot ce știam despre dumneavoastră și am anulat programările viitoare. Dacă ne scrieți din nou, o luăm de la capăt.
booking-limit = Aveți deja { $max ->
        [one] o programare
        [few] { $max } programări
       *[other] { $max } de programări
    }; mai multe în același timp nu sunt posibile. Puteți muta sau anula o programare.
input-rate-limited = Ați trimis foarte multe mesaje într-un timp scurt. Vă rugăm să așteptați un minut și apoi să continuați.
command-privacy = Protecția datelor
command-mydata = Datele mele stocate
command-forget = Ștergeți toate datele mele
