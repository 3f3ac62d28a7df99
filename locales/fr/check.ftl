# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Avant l'entretien, testez votre caméra, votre micro et le son (cela prend 2 minutes) : { $link }
device-check-try = Vous pouvez vérifier ici à l'avance si votre caméra et votre micro fonctionnent : { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = Lors du test technique, quelque chose n'a pas fonctionné : { $parts }. Veuillez refaire le test pendant que vous patientez : { $link }
device-part-camera = caméra
device-part-microphone = micro
device-part-speaker = haut-parleur
device-part-connection = connexion

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone ou iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = navigateur intégré à une application
device-platform-desktop = ordinateur
device-platform-other = autre appareil

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = matériel non testé
desk-device-camera-ok = ✓ caméra
desk-device-camera-failed = ⚠ pas de caméra
desk-device-microphone-ok = ✓ micro
desk-device-microphone-failed = ⚠ pas de micro
desk-device-speaker-ok = ✓ son
desk-device-speaker-failed = ⚠ pas de son
desk-device-connection-ok = ✓ connexion
desk-device-connection-failed = ⚠ pas de connexion

## The page.
check-title = Test technique pour votre entretien vidéo
check-intro = En 2 minutes, nous vérifions votre caméra, votre micro et le son. Ainsi, votre entretien avec l'agent se passera bien.
# $service, $date, $time: the booked appointment.
check-appointment = Votre rendez-vous : { $service }, { $date }, { $time }
check-privacy = L'image et le son restent sur votre appareil. Rien n'est enregistré ni envoyé.
check-privacy-saved = Nous enregistrons seulement si chaque élément a fonctionné et quel type d'appareil vous utilisez. L'agent le voit avec votre rendez-vous.
check-expired = Ce lien n'est plus valable : le rendez-vous est passé ou a été annulé. Vous pouvez quand même tester votre appareil ici.
check-permission-note = Votre navigateur va vous demander si cette page peut utiliser votre caméra et votre micro. Appuyez sur « Autoriser ».
check-start = Lancer le test
check-again = Réessayer
check-noscript = Pour le test, votre navigateur a besoin de JavaScript. Activez-le, ou ouvrez cette page dans un autre navigateur.

check-camera = Caméra
check-microphone = Micro
check-speaker = Haut-parleur
check-connection = Connexion au service vidéo
check-camera-preview = Image de votre caméra
check-state-waiting = Pas encore vérifié.
check-state-running = Vérification en cours …
check-state-ok = Fonctionne.
check-state-failed = Ne fonctionne pas.

check-level-label = Volume de votre micro
check-level-none = Nous n'entendons encore rien. Veuillez dire quelques mots.
check-level-low = Nous vous entendons faiblement. Parlez un peu plus fort ou plus près de l'appareil.
check-level-good = Nous vous entendons bien.

check-speaker-play = Écouter le son de test
check-speaker-question = Avez-vous entendu le son ?
check-speaker-yes = Oui, je l'ai entendu
check-speaker-no = Non
check-speaker-help = Montez le volume et désactivez le mode silencieux. Si vous utilisez des écouteurs : sont-ils bien connectés ? Écoutez ensuite le son à nouveau.

check-connection-ok = Le service vidéo est joignable.
check-connection-failed = Le service vidéo n'est pas joignable d'ici. Essayez un autre réseau, par exemple le Wi-Fi au lieu des données mobiles, ou l'inverse.
check-connection-unsupported = Ce navigateur ne permet pas les appels vidéo. Veuillez ouvrir la page dans un navigateur à jour.

## Why something failed, and what to do.
check-fail-denied = L'accès n'a pas été autorisé. Voici comment l'autoriser :
check-fail-missing = Nous ne trouvons ni caméra ni micro sur votre appareil. Utilisez un smartphone, ou branchez une caméra ou un casque avec micro.
check-fail-busy = Une autre application utilise en ce moment la caméra ou le micro, par exemple un autre appel vidéo. Fermez cette application et réessayez.
check-fail-unsupported = Ce navigateur ne peut pas donner aux pages web l'accès à la caméra et au micro. Ouvrez la page dans Safari (iPhone) ou Chrome (Android).
check-fail-silent = Nous n'entendons rien. Votre micro est-il coupé ? Dites quelques mots.
check-steps-title = Voici comment faire sur votre appareil :
check-steps-more = Instructions pour d'autres appareils
check-in-app = Vous avez ouvert cette page dans une application, par exemple Telegram ou Instagram. La caméra n'y fonctionne souvent pas.
check-copy-link = Lien à copier :

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Dans la barre d'adresse, appuyez sur « aA » à gauche.
    Appuyez sur « Réglages du site web ».
    Réglez Caméra et Micro sur « Autoriser ».
    Rechargez cette page.
check-steps-android =
    Appuyez sur l'icône avec les curseurs, à gauche de l'adresse.
    Appuyez sur « Autorisations ».
    Activez Caméra et Micro.
    Rechargez cette page.
check-steps-samsung =
    Appuyez sur le menu à trois traits, en bas de l'écran.
    Appuyez sur « Paramètres », puis sur « Sites et téléchargements ».
    Appuyez sur « Autorisations des sites » et autorisez la caméra et le micro pour cette page.
    Rechargez cette page.
check-steps-firefox =
    Appuyez ou cliquez sur le cadenas, à gauche dans la barre d'adresse.
    Autorisez-y la caméra et le micro.
    Rechargez cette page.
check-steps-in-app =
    Appuyez sur le menu en haut à droite (⋮ ou …).
    Choisissez « Ouvrir dans le navigateur ».
    Relancez le test dans le navigateur.
check-steps-desktop =
    Cliquez sur l'icône à gauche dans la barre d'adresse (cadenas ou caméra).
    Autorisez la caméra et le micro pour cette page.
    Rechargez cette page.
check-steps-other =
    Ouvrez les paramètres de votre navigateur.
    Autorisez la caméra et le micro pour cette page.
    Rechargez cette page.

check-done-ready = Tout est prêt pour votre entretien vidéo. Vous pouvez maintenant fermer cette page.
check-done-problems = Tout ne fonctionne pas encore. Veuillez lire les conseils ci-dessus.
check-saved = Le résultat est enregistré.
check-error-save = Le résultat n'a pas pu être enregistré. Veuillez réessayer.
check-error-input = Je ne peux pas lire ces informations. Veuillez recharger la page.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Test technique pour { $reference } : { $result }
