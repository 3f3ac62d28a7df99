# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Testați camera, microfonul și sunetul înainte de convorbire (durează 2 minute): { $link }
device-check-try = Puteți testa dinainte aici dacă funcționează camera și microfonul: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = La verificarea tehnică ceva nu a funcționat: { $parts }. Vă rugăm să testați din nou cât timp așteptați: { $link }
device-part-camera = camera
device-part-microphone = microfonul
device-part-speaker = difuzorul
device-part-connection = conexiunea

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone sau iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = browser dintr-o aplicație
device-platform-desktop = calculator
device-platform-other = alt dispozitiv

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = echipament neverificat
desk-device-camera-ok = ✓ cameră
desk-device-camera-failed = ⚠ fără cameră
desk-device-microphone-ok = ✓ microfon
desk-device-microphone-failed = ⚠ fără microfon
desk-device-speaker-ok = ✓ sunet
desk-device-speaker-failed = ⚠ fără sunet
desk-device-connection-ok = ✓ conexiune
desk-device-connection-failed = ⚠ fără conexiune

## The page.
check-title = Verificarea tehnică pentru convorbirea video
check-intro = În 2 minute verificăm camera, microfonul și sunetul. Astfel, convorbirea cu funcționarul va decurge fără probleme.
# $service, $date, $time: the booked appointment.
check-appointment = Programarea dumneavoastră: { $service }, { $date }, { $time }
check-privacy = Imaginea și sunetul rămân pe dispozitivul dumneavoastră. Nimic nu este înregistrat sau trimis.
check-privacy-saved = Stocăm doar dacă fiecare parte a funcționat și ce tip de dispozitiv folosiți. Funcționarul vede aceste informații la programarea dumneavoastră.
check-expired = Acest link nu mai este valabil: programarea a trecut sau a fost anulată. Puteți totuși să vă testați aici dispozitivul.
check-permission-note = Browserul vă va întreba imediat dacă această pagină poate folosi camera și microfonul. Atingeți „Permite”.
check-start = Începeți verificarea
check-again = Încercați din nou
check-noscript = Pentru verificare, browserul are nevoie de JavaScript. Vă rugăm să îl activați sau să deschideți pagina în alt browser.

check-camera = Camera
check-microphone = Microfonul
check-speaker = Difuzorul
check-connection = Conexiunea la serviciul video
check-camera-preview = Imaginea camerei dumneavoastră
check-state-waiting = Încă neverificat.
check-state-running = Se verifică …
check-state-ok = Funcționează.
check-state-failed = Nu funcționează.

check-level-label = Volumul microfonului dumneavoastră
check-level-none = Încă nu auzim nimic. Vă rugăm să spuneți câteva cuvinte.
check-level-low = Vă auzim încet. Vorbiți puțin mai tare sau mai aproape de dispozitiv.
check-level-good = Vă auzim bine.

check-speaker-play = Redați sunetul de test
check-speaker-question = Ați auzit sunetul?
check-speaker-yes = Da, l-am auzit
check-speaker-no = Nu
check-speaker-help = Dați sunetul mai tare și opriți modul silențios. Dacă folosiți căști: sunt conectate? Apoi redați din nou sunetul.

check-connection-ok = Serviciul video este accesibil.
check-connection-failed = Serviciul video nu este accesibil de aici. Încercați altă rețea, de exemplu Wi-Fi în loc de date mobile, sau invers.
check-connection-unsupported = Acest browser nu poate face convorbiri video. Vă rugăm să deschideți pagina într-un browser actualizat.

## Why something failed, and what to do.
check-fail-denied = Accesul nu a fost permis. Iată cum îl permiteți:
check-fail-missing = Nu găsim nicio cameră și niciun microfon pe dispozitivul dumneavoastră. Folosiți un smartphone sau conectați o cameră ori căști cu microfon.
check-fail-busy = O altă aplicație folosește acum camera sau microfonul, de exemplu o altă convorbire video. Închideți acea aplicație și încercați din nou.
check-fail-unsupported = Acest browser nu poate da paginilor web acces la cameră și microfon. Deschideți pagina în Safari (iPhone) sau Chrome (Android).
check-fail-silent = Nu auzim nimic. Este microfonul dezactivat? Spuneți câteva cuvinte.
check-steps-title = Iată cum procedați pe dispozitivul dumneavoastră:
check-steps-more = Instrucțiuni pentru alte dispozitive
check-in-app = Ați deschis această pagină într-o aplicație, de exemplu în Telegram sau Instagram. Acolo camera adesea nu funcționează.
check-copy-link = Link de copiat:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    În bara de adrese, atingeți „aA” în stânga.
    Atingeți „Configurări site web”.
    Setați Cameră și Microfon pe „Permite”.
    Reîncărcați această pagină.
check-steps-android =
    Atingeți simbolul cu glisoare din stânga adresei.
    Atingeți „Permisiuni”.
    Activați Cameră și Microfon.
    Reîncărcați această pagină.
check-steps-samsung =
    Atingeți meniul cu trei linii din partea de jos.
    Atingeți „Setări”, apoi „Site-uri și descărcări”.
    Atingeți „Permisiuni site-uri” și permiteți camera și microfonul pentru această pagină.
    Reîncărcați această pagină.
check-steps-firefox =
    Atingeți sau faceți clic pe lacătul din stânga barei de adrese.
    Permiteți acolo camera și microfonul.
    Reîncărcați această pagină.
check-steps-in-app =
    Atingeți meniul din dreapta sus (⋮ sau …).
    Alegeți „Deschide în browser”.
    Porniți din nou verificarea acolo.
check-steps-desktop =
    Faceți clic pe simbolul din stânga barei de adrese (lacăt sau cameră).
    Permiteți camera și microfonul pentru această pagină.
    Reîncărcați această pagină.
check-steps-other =
    Deschideți setările browserului.
    Permiteți camera și microfonul pentru această pagină.
    Reîncărcați această pagină.

check-done-ready = Totul este pregătit pentru convorbirea video. Acum puteți închide această pagină.
check-done-problems = Încă nu funcționează totul. Vă rugăm să citiți indicațiile de mai sus.
check-saved = Rezultatul a fost salvat.
check-error-save = Rezultatul nu a putut fi salvat. Vă rugăm să încercați din nou.
check-error-input = Nu pot citi aceste date. Vă rugăm să reîncărcați pagina.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Verificarea tehnică pentru { $reference }: { $result }
