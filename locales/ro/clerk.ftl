# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Ghișeu: { $clerk }. Scrieți „help” pentru lista de comenzi.
desk-not-clerk = { $clerk } nu figurează pe lista funcționarilor (SCHALTER_MATRIX_CLERKS). Doar persoanele de pe listă pot gestiona sala de așteptare.
desk-help =
    Comenzi:
    next – chemați următoarea persoană
    take REF – chemați o anumită persoană
    done [notă] – încheiați convorbirea
    noshow – persoana nu s-a prezentat
    back – trimiteți persoana înapoi în sala de așteptare
    queue – afișați sala de așteptare
    today – programările de azi
    say KEY – un mesaj pregătit pentru persoană (camera, microphone, documents, moment, link)
    fee [SUMĂ] [motiv] – stabiliți taxa convorbirii sau adăugați o poziție
    paid REF – afișați starea plății
    refund REF [SUMĂ] – rambursați o plată
    away / available – în pauză / la dispoziție
    help – acest ajutor
desk-unknown = Nu cunosc această comandă.
desk-picked =
    Chemat: { $reference } · { $service } · { $lang } · așteaptă de { $waited } min
    Încă lipsă: { $open }
desk-video = Video: { $url }
desk-video-invited = Sala pentru convorbirea video este pregătită: invitația o găsiți în Element. Linkul nu este afișat aici, deoarece această cameră nu este citită doar de funcționari.
desk-nobody = Nu așteaptă nimeni.
desk-not-waiting = { $reference } nu este în așteptare acum.
desk-busy = Sunteți încă în convorbire cu { $reference }. Vă rugăm să o încheiați mai întâi cu done, noshow sau back.
desk-done = { $reference }: rezolvat.
desk-noshow = { $reference }: neprezentare înregistrată.
desk-back = { $reference } este din nou în sala de așteptare.
desk-no-call = Momentan nu sunteți în nicio convorbire.
desk-queue-empty = Sala de așteptare este goală.
desk-queue-title = Sala de așteptare – în așteptare: { $count }, de serviciu: { $clerks }
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · așteaptă de { $waited } min · încă lipsă: { $open }
desk-in-call-line = În convorbire: { $reference } cu { $clerk }
desk-away = Acum sunteți în pauză și nu intrați în calculul timpului de așteptare.
desk-available = Acum sunteți la dispoziție.
desk-walk-in = fără programare
desk-checklist-complete = nimic
desk-agenda-title = Bună dimineața! Programări azi: { $count }
desk-today-title = Programări azi: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · ghișeul { $desk }
desk-say-sent = Trimis către { $reference }: { $key }
desk-say-keys = Acest mesaj nu există. Mesaje pregătite: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
