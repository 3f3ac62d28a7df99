privacy-line = Protecția datelor: { $url } – mai multe cu /privacy
privacy-notice =
    Protecția datelor
    Operatorul datelor: { $controller }
    Responsabilul cu protecția datelor: { $contact }
    Scop: Stocăm ce ne scrieți, programările dumneavoastră, vizitele în sala de așteptare și taxele dumneavoastră. Astfel vă rezolvăm solicitarea, vă reamintim programările și vă conectăm la convorbirea video. Evaluarea convorbirii, după încheierea ei, este opțională.
    Temei juridic: { $legal_basis ->
        [none] art. 6 alin. (1) lit. (e) din GDPR (îndeplinirea unei sarcini care servește unui interes public)
       *[other] { $legal_basis }
    }
    Cine primește datele: aplicația de mesagerie prin care ne scrieți (Telegram: Telegram FZ-LLC, cu sediul în Dubai, adică în afara UE; Comisia Europeană nu a adoptat o decizie privind caracterul adecvat al protecției datelor în Emiratele Arabe Unite; Matrix: serverul Matrix al orașului); în chatul web, nimeni în afară de noi (dacă indicați acolo o adresă de e-mail, și serverul de e-mail al orașului, care livrează e-mailurile); serviciul video folosit pentru convorbire; furnizorul de plăți, dacă plătiți online (Stripe Payments Europe, Dublin).
    Durată: Ștergem conversația în care nu ați scris nimic timp de { $idle ->
        [one] o zi
        [few] { $idle } zile
       *[other] { $idle } de zile
    }. La { $appointment ->
        [one] o zi
        [few] { $appointment } zile
       *[other] { $appointment } de zile
    } după o programare rămâne doar ceea ce nu permite identificarea dumneavoastră (serviciul, limba, ziua, timpul de așteptare). Mesajele livrate le ștergem după { $delivered ->
        [one] o zi
        [few] { $delivered } zile
       *[other] { $delivered } de zile
    }, iar notițele funcționarilor după { $notes ->
        [one] o zi
        [few] { $notes } zile
       *[other] { $notes } de zile
    }. Adresa de e-mail pentru mementouri o ștergem imediat ce programarea a trecut (dacă nu a fost confirmată, după o zi).
    Drepturile dumneavoastră: acces – /mydata arată ce stocăm despre dumneavoastră. Ștergere – /forget șterge tot. Rectificare, restricționare și opoziție: scrieți responsabilului cu protecția datelor.
    Plângeri: Puteți depune o plângere la autoritatea de supraveghere: { $authority ->
        [none] autoritatea de supraveghere a protecției datelor din landul dumneavoastră.
       *[other] { $authority }
    }
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
