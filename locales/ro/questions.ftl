# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = bună ziua, bună dimineața, bună seara, salut, salutare, servus, neața, hei
question-thanks-keywords = mulțumesc, vă mulțumesc, mulțumesc frumos, mulțumim, mersi, mersi frumos, mulțam
question-hours-keywords = program, programul, program de lucru, programul de funcționare, ore de deschidere, când sunteți deschiși, sunteți deschiși, când deschideți, până la ce oră
question-address-keywords = adresa, adresa biroului, unde se află, unde sunteți, unde vă găsesc, unde este biroul, locația, sediul
question-cost-keywords = cât costă, cât mă costă, cât plătesc, taxa, prețul, tariful, gratuit
question-duration-keywords = cât durează, durează, durata, cât timp, cât timp durează
question-documents-keywords = ce documente, ce acte, documente necesare, acte necesare, ce să aduc, ce trebuie adus, ce îmi trebuie, ce am nevoie
question-payment-keywords = plătesc, cum plătesc, cum se plătește, plata online, plata taxei, plata cu cardul, transfer bancar, ordin de plată
question-call-keywords = convorbirea video, apel video, apelul video, cum decurge, cum se desfășoară, mă pregătesc, camera, microfon
question-proxy-keywords = procură, împuternicire, împuternicit, altcineva, altă persoană, în locul meu, reprezentant, să mă reprezinte

question-greeting = Bună ziua! Mă bucur că ne scrieți. Sunt ghișeul virtual al biroului dumneavoastră pentru cetățeni (Bürgeramt).
question-thanks = Cu plăcere!

question-hours-title = Programul ghișeului virtual în următoarele 7 zile:
# $day is the date as in the booking ("marți, 2 februarie"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: închis
question-hours-day-closed = { $day }: închis (sărbătoare legală sau zi în care biroul este închis)
question-hours-open-now = Acum suntem deschiși, astăzi până la ora { $until }.
question-hours-closed-now = Acum suntem închiși. Revenim { $day }, la ora { $time }.
question-hours-closed-now-unknown = Acum suntem închiși. Următorul program nu a fost încă stabilit.

question-address = Sediul biroului pentru cetățeni (Bürgeramt), unde puteți veni în persoană: { $address }

# $fee is "gratuit" or an amount; $duration as in the checklist ("20 de minute").
question-cost-duration = { $service }: { $fee }; convorbirea video durează aproximativ { $duration }.
question-cost-duration-in-person = { $service }: { $fee }; programarea la ghișeu durează aproximativ { $duration }.
question-cost-all = Taxele și durata serviciilor noastre:
question-cost-all-line = • { $service }: { $fee }, aproximativ { $duration }

question-documents = Pentru „{ $service }” aveți nevoie de: { $documents }. Le puteți trimite aici, în chat, înainte de convorbire.
question-documents-none = Pentru „{ $service }” nu aveți nevoie de niciun document.
question-which-service = Pentru ce serviciu? Scrieți, de exemplu, „Ce acte îmi trebuie pentru înregistrarea domiciliului?” sau „procură cazier judiciar”.

question-payment-online = Taxele le plătiți de acasă: după convorbire primiți aici un link către pagina de plăți a orașului. Taxele neachitate le găsiți oricând la „Programările mele”.
question-payment-after-call = Taxele se plătesc după convorbire. Cum anume, vă spune funcționarul în timpul convorbirii.

question-call = Iată cum decurge convorbirea video: la ora programării intrați aici în sala de așteptare virtuală și așteptați. Când vine rândul dumneavoastră, primiți un link. Acesta deschide convorbirea în browser, fără nicio aplicație. Permiteți browserului să folosească camera și microfonul și aveți la îndemână actul de identitate și documentele.

question-proxy-form = De „{ $service }” se poate ocupa și altcineva în locul dumneavoastră. Persoana respectivă are nevoie de: { $form }.
question-proxy-in-person = De „{ $service }” trebuie să vă ocupați personal. Altă persoană nu poate face acest lucru în locul dumneavoastră.
question-proxy-ask = Funcționarul vă va spune dacă altcineva se poate ocupa de „{ $service }” în locul dumneavoastră. Întrebați-l în timpul convorbirii.

question-unanswered = Din păcate, nu vă pot ajuta cu asta. Mă puteți întreba, de exemplu, despre program, despre taxa unui serviciu sau despre cum decurge convorbirea video.
question-unanswered-clerk = Biroul pentru cetățeni este deschis acum: din meniu puteți vorbi imediat cu un funcționar („meniu”).

# The questions as buttons on the help screen.
question-button-hours = Program de lucru
question-button-address = Unde se află biroul?
question-button-cost = Taxe și durată
question-button-call = Cum decurge convorbirea video?
question-button-payment = Cum plătesc?
question-button-proxy = Poate veni altcineva în locul meu?
