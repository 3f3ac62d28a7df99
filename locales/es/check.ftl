# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Antes de la videollamada, pruebe su cámara, su micrófono y el sonido (tarda 2 minutos): { $link }
device-check-try = Puede comprobar aquí antes si su cámara y su micrófono funcionan: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = En la prueba técnica algo no ha funcionado: { $parts }. Vuelva a hacer la prueba mientras espera, por favor: { $link }
device-part-camera = cámara
device-part-microphone = micrófono
device-part-speaker = altavoz
device-part-connection = conexión

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone o iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = navegador dentro de una aplicación
device-platform-desktop = ordenador
device-platform-other = otro dispositivo

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = equipo sin comprobar
desk-device-camera-ok = ✓ cámara
desk-device-camera-failed = ⚠ sin cámara
desk-device-microphone-ok = ✓ micrófono
desk-device-microphone-failed = ⚠ sin micrófono
desk-device-speaker-ok = ✓ sonido
desk-device-speaker-failed = ⚠ sin sonido
desk-device-connection-ok = ✓ conexión
desk-device-connection-failed = ⚠ sin conexión

## The page.
check-title = Prueba técnica para su videollamada
check-intro = En 2 minutos comprobamos su cámara, su micrófono y el sonido. Así la videollamada con el personal de atención funcionará bien.
# $service, $date, $time: the booked appointment.
check-appointment = Su cita: { $service }, { $date }, { $time }
check-privacy = La imagen y el sonido se quedan en su dispositivo. No se graba ni se envía nada.
check-privacy-saved = Solo guardamos si cada parte ha funcionado y qué tipo de dispositivo usa. El personal de atención lo ve junto a su cita.
check-expired = Este enlace ya no es válido: la cita ya ha pasado o se ha cancelado. Aun así, puede probar aquí su dispositivo.
check-permission-note = Su navegador le preguntará ahora si esta página puede usar la cámara y el micrófono. Pulse «Permitir».
check-start = Iniciar la prueba
check-again = Intentarlo de nuevo
check-noscript = Para la prueba, su navegador necesita JavaScript. Actívelo o abra esta página en otro navegador.

check-camera = Cámara
check-microphone = Micrófono
check-speaker = Altavoz
check-connection = Conexión con el servicio de vídeo
check-camera-preview = Imagen de su cámara
check-state-waiting = Todavía sin comprobar.
check-state-running = Comprobando …
check-state-ok = Funciona.
check-state-failed = No funciona.

check-level-label = Volumen de su micrófono
check-level-none = Todavía no oímos nada. Diga unas palabras, por favor.
check-level-low = Le oímos bajo. Hable un poco más alto o más cerca del dispositivo.
check-level-good = Le oímos bien.

check-speaker-play = Reproducir sonido de prueba
check-speaker-question = ¿Ha oído el sonido?
check-speaker-yes = Sí, lo he oído
check-speaker-no = No
check-speaker-help = Suba el volumen y desactive el modo silencio. Si usa auriculares: ¿están conectados? Después, vuelva a reproducir el sonido.

check-connection-ok = Se puede acceder al servicio de vídeo.
check-connection-failed = Desde aquí no se puede acceder al servicio de vídeo. Pruebe con otra red, por ejemplo, wifi en lugar de datos móviles, o al revés.
check-connection-unsupported = Este navegador no puede hacer videollamadas. Abra la página en un navegador actualizado, por favor.

## Why something failed, and what to do.
check-fail-denied = No se ha permitido el acceso. Así puede permitirlo:
check-fail-missing = No encontramos ninguna cámara ni ningún micrófono en su dispositivo. Use un smartphone o conecte una cámara o unos auriculares con micrófono.
check-fail-busy = Otra aplicación está usando ahora la cámara o el micrófono, por ejemplo, otra videollamada. Cierre esa aplicación e inténtelo de nuevo.
check-fail-unsupported = Este navegador no puede dar a las páginas web acceso a la cámara y al micrófono. Abra la página en Safari (iPhone) o Chrome (Android).
check-fail-silent = No oímos nada. ¿Está silenciado el micrófono? Diga unas palabras.
check-steps-title = Así se hace en su dispositivo:
check-steps-more = Instrucciones para otros dispositivos
check-in-app = Ha abierto esta página dentro de una aplicación, por ejemplo, Telegram o Instagram. Ahí la cámara a menudo no funciona.
check-copy-link = Enlace para copiar:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    En la barra de direcciones, pulse «aA» a la izquierda.
    Pulse «Ajustes del sitio web».
    Ponga Cámara y Micrófono en «Permitir».
    Vuelva a cargar esta página.
check-steps-android =
    Pulse el icono de los controles deslizantes, a la izquierda de la dirección.
    Pulse «Permisos».
    Active Cámara y Micrófono.
    Vuelva a cargar esta página.
check-steps-samsung =
    Pulse el menú de las tres rayas, en la parte de abajo.
    Pulse «Ajustes» y después «Sitios y descargas».
    Pulse «Permisos de sitios» y permita la cámara y el micrófono para esta página.
    Vuelva a cargar esta página.
check-steps-firefox =
    Pulse o haga clic en el candado, a la izquierda de la barra de direcciones.
    Permita ahí la cámara y el micrófono.
    Vuelva a cargar esta página.
check-steps-in-app =
    Pulse el menú de arriba a la derecha (⋮ o …).
    Elija «Abrir en el navegador».
    Vuelva a iniciar allí la prueba.
check-steps-desktop =
    Haga clic en el icono a la izquierda de la barra de direcciones (candado o cámara).
    Permita la cámara y el micrófono para esta página.
    Vuelva a cargar esta página.
check-steps-other =
    Abra los ajustes de su navegador.
    Permita la cámara y el micrófono para esta página.
    Vuelva a cargar esta página.

check-done-ready = Todo está listo para su videollamada. Ya puede cerrar esta página.
check-done-problems = Todavía no funciona todo. Lea las indicaciones de arriba, por favor.
check-saved = El resultado se ha guardado.
check-error-save = No se ha podido guardar el resultado. Inténtelo de nuevo, por favor.
check-error-input = No puedo leer estos datos. Vuelva a cargar la página, por favor.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Prueba técnica para { $reference }: { $result }
