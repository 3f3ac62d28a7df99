# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Test your camera, microphone and sound before the call (takes 2 minutes): { $link }
device-check-try = You can test beforehand whether your camera and microphone work: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = Something did not work in your device check: { $parts }. Please test it again while you wait: { $link }
device-part-camera = camera
device-part-microphone = microphone
device-part-speaker = speaker
device-part-connection = connection

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone or iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = browser inside an app
device-platform-desktop = computer
device-platform-other = other device

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = devices not checked
desk-device-camera-ok = ✓ camera
desk-device-camera-failed = ⚠ no camera
desk-device-microphone-ok = ✓ microphone
desk-device-microphone-failed = ⚠ no microphone
desk-device-speaker-ok = ✓ sound
desk-device-speaker-failed = ⚠ no sound
desk-device-connection-ok = ✓ connection
desk-device-connection-failed = ⚠ no connection

## The page.
check-title = Device check for your video call
check-intro = In 2 minutes we check your camera, microphone and sound, so that your call with the clerk goes smoothly.
# $service, $date, $time: the booked appointment.
check-appointment = Your appointment: { $service }, { $date }, { $time }
check-privacy = Picture and sound stay on your device. Nothing is recorded or sent.
check-privacy-saved = We only keep whether each part worked and what kind of device you use. The clerk sees this with your appointment.
check-expired = This link is no longer valid: the appointment is over or was cancelled. You can still test your device here.
check-permission-note = Your browser will ask whether this page may use your camera and microphone. Tap “Allow”.
check-start = Start the check
check-again = Try again
check-noscript = The check needs JavaScript. Please turn it on, or open this page in another browser.

check-camera = Camera
check-microphone = Microphone
check-speaker = Speaker
check-connection = Connection to the video service
check-camera-preview = Picture from your camera
check-state-waiting = Not checked yet.
check-state-running = Checking …
check-state-ok = Works.
check-state-failed = Does not work.

check-level-label = Volume of your microphone
check-level-none = We cannot hear anything yet. Please say a few words.
check-level-low = We hear you quietly. Speak a little louder or closer to the device.
check-level-good = We hear you well.

check-speaker-play = Play test sound
check-speaker-question = Did you hear the sound?
check-speaker-yes = Yes, I heard it
check-speaker-no = No
check-speaker-help = Turn the volume up and switch off silent mode. If you use headphones: are they connected? Then play the sound again.

check-connection-ok = The video service can be reached.
check-connection-failed = The video service cannot be reached from here. Try another network, for example Wi-Fi instead of mobile data, or the other way round.
check-connection-unsupported = This browser cannot make video calls. Please open the page in an up-to-date browser.

## Why something failed, and what to do.
check-fail-denied = Access was not allowed. This is how to allow it:
check-fail-missing = We cannot find a camera or microphone on your device. Use a smartphone, or connect a camera or headset.
check-fail-busy = Another app is using the camera or microphone right now, for example another video call. Close that app and try again.
check-fail-unsupported = This browser cannot give the camera and microphone to web pages. Open the page in Safari (iPhone) or Chrome (Android).
check-fail-silent = We cannot hear anything. Is the microphone muted? Say a few words.
check-steps-title = How to do it on your device:
check-steps-more = Steps for other devices
check-in-app = You opened this page inside an app, for example Telegram or Instagram. The camera often does not work there.
check-copy-link = Link to copy:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    In the address bar, tap “aA” on the left.
    Tap “Website Settings”.
    Set Camera and Microphone to “Allow”.
    Reload this page.
check-steps-android =
    Tap the icon with the sliders to the left of the address.
    Tap “Permissions”.
    Turn on Camera and Microphone.
    Reload this page.
check-steps-samsung =
    Tap the menu with the three lines at the bottom.
    Tap “Settings”, then “Sites and downloads”.
    Tap “Site permissions” and allow Camera and Microphone for this page.
    Reload this page.
check-steps-firefox =
    Tap or click the padlock on the left of the address bar.
    Allow Camera and Microphone there.
    Reload this page.
check-steps-in-app =
    Tap the menu at the top right (⋮ or …).
    Choose “Open in browser”.
    Start the check there again.
check-steps-desktop =
    Click the icon on the left of the address bar (padlock or camera).
    Allow Camera and Microphone for this page.
    Reload this page.
check-steps-other =
    Open your browser's settings.
    Allow Camera and Microphone for this page.
    Reload this page.

check-done-ready = Everything is ready for your video call. You can close this page now.
check-done-problems = Not everything works yet. Please read the hints above.
check-saved = The result has been saved.
check-error-save = The result could not be saved. Please try again.
check-error-input = I cannot read this. Please reload the page.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Device check for { $reference }: { $result }
