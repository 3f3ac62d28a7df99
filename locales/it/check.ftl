# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Prima del colloquio verifichi videocamera, microfono e audio (ci vogliono 2 minuti): { $link }
device-check-try = Può verificare prima qui se videocamera e microfono funzionano: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = Nella verifica tecnica qualcosa non ha funzionato: { $parts }. Ripeta la verifica mentre attende, per favore: { $link }
device-part-camera = videocamera
device-part-microphone = microfono
device-part-speaker = altoparlante
device-part-connection = connessione

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone o iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = browser all’interno di un’app
device-platform-desktop = computer
device-platform-other = altro dispositivo

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = dispositivi non verificati
desk-device-camera-ok = ✓ videocamera
desk-device-camera-failed = ⚠ niente videocamera
desk-device-microphone-ok = ✓ microfono
desk-device-microphone-failed = ⚠ niente microfono
desk-device-speaker-ok = ✓ audio
desk-device-speaker-failed = ⚠ niente audio
desk-device-connection-ok = ✓ connessione
desk-device-connection-failed = ⚠ niente connessione

## The page.
check-title = Verifica tecnica per la sua videochiamata
check-intro = In 2 minuti verifichiamo videocamera, microfono e audio. Così il colloquio con l’operatore andrà senza problemi.
# $service, $date, $time: the booked appointment.
check-appointment = Il suo appuntamento: { $service }, { $date }, { $time }
check-privacy = Immagine e audio restano sul suo dispositivo. Nulla viene registrato o inviato.
check-privacy-saved = Salviamo solo se ogni parte ha funzionato e che tipo di dispositivo usa. L’operatore vede queste informazioni insieme al suo appuntamento.
check-expired = Questo link non è più valido: l’appuntamento è passato o è stato disdetto. Può comunque verificare qui il suo dispositivo.
check-permission-note = Tra poco il browser le chiederà se questa pagina può usare videocamera e microfono. Tocchi «Consenti».
check-start = Avvia la verifica
check-again = Riprova
check-noscript = Per la verifica il browser ha bisogno di JavaScript. Lo attivi oppure apra la pagina in un altro browser.

check-camera = Videocamera
check-microphone = Microfono
check-speaker = Altoparlante
check-connection = Connessione al servizio video
check-camera-preview = Immagine della sua videocamera
check-state-waiting = Non ancora verificato.
check-state-running = Verifica in corso …
check-state-ok = Funziona.
check-state-failed = Non funziona.

check-level-label = Volume del suo microfono
check-level-none = Non sentiamo ancora nulla. Dica qualche parola, per favore.
check-level-low = La sentiamo piano. Parli un po’ più forte o più vicino al dispositivo.
check-level-good = La sentiamo bene.

check-speaker-play = Riproduci il suono di prova
check-speaker-question = Ha sentito il suono?
check-speaker-yes = Sì, l’ho sentito
check-speaker-no = No
check-speaker-help = Alzi il volume e disattivi la modalità silenziosa. Se usa le cuffie: sono collegate? Poi riproduca di nuovo il suono.

check-connection-ok = Il servizio video è raggiungibile.
check-connection-failed = Il servizio video non è raggiungibile da qui. Provi con un’altra rete, per esempio il Wi-Fi invece dei dati mobili, o viceversa.
check-connection-unsupported = Questo browser non supporta le videochiamate. Apra la pagina in un browser aggiornato, per favore.

## Why something failed, and what to do.
check-fail-denied = L’accesso non è stato consentito. Ecco come consentirlo:
check-fail-missing = Non troviamo né una videocamera né un microfono sul suo dispositivo. Usi uno smartphone oppure colleghi una videocamera o delle cuffie con microfono.
check-fail-busy = Un’altra app sta usando la videocamera o il microfono, per esempio un’altra videochiamata. Chiuda quell’app e riprovi.
check-fail-unsupported = Questo browser non può dare alle pagine web l’accesso a videocamera e microfono. Apra la pagina in Safari (iPhone) o Chrome (Android).
check-fail-silent = Non sentiamo nulla. Il microfono è disattivato? Dica qualche parola.
check-steps-title = Ecco come fare sul suo dispositivo:
check-steps-more = Istruzioni per altri dispositivi
check-in-app = Ha aperto questa pagina all’interno di un’app, per esempio Telegram o Instagram. Lì spesso la videocamera non funziona.
check-copy-link = Link da copiare:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Nella barra degli indirizzi tocchi «aA» a sinistra.
    Tocchi «Impostazioni sito web».
    Imposti Fotocamera e Microfono su «Consenti».
    Ricarichi questa pagina.
check-steps-android =
    Tocchi l’icona con i cursori a sinistra dell’indirizzo.
    Tocchi «Autorizzazioni».
    Attivi Fotocamera e Microfono.
    Ricarichi questa pagina.
check-steps-samsung =
    Tocchi in basso il menu con le tre linee.
    Tocchi «Impostazioni» e poi «Siti e download».
    Tocchi «Autorizzazioni siti» e consenta fotocamera e microfono per questa pagina.
    Ricarichi questa pagina.
check-steps-firefox =
    Tocchi o clicchi il lucchetto a sinistra nella barra degli indirizzi.
    Lì consenta videocamera e microfono.
    Ricarichi questa pagina.
check-steps-in-app =
    Tocchi il menu in alto a destra (⋮ o …).
    Scelga «Apri nel browser».
    Lì avvii di nuovo la verifica.
check-steps-desktop =
    Clicchi l’icona a sinistra nella barra degli indirizzi (lucchetto o videocamera).
    Consenta videocamera e microfono per questa pagina.
    Ricarichi questa pagina.
check-steps-other =
    Apra le impostazioni del suo browser.
    Consenta videocamera e microfono per questa pagina.
    Ricarichi questa pagina.

check-done-ready = È tutto pronto per la sua videochiamata. Ora può chiudere questa pagina.
check-done-problems = Non funziona ancora tutto. Legga le indicazioni qui sopra, per favore.
check-saved = Il risultato è stato salvato.
check-error-save = Non è stato possibile salvare il risultato. Riprovi, per favore.
check-error-input = Non riesco a leggere questi dati. Ricarichi la pagina, per favore.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Verifica tecnica per { $reference }: { $result }
