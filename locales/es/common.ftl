# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Español
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = español, espanol, spanish, spanisch
pick-language = Elija su idioma, por favor.
language-changed = A partir de ahora le hablaré en español.

welcome = ¡Le damos la bienvenida al Bürgeramt virtual (oficina de atención ciudadana)! Le ayudaré a encontrar el trámite adecuado, le indicaré qué documentos necesita y le reservaré una cita por videollamada.
welcome-back = ¡Hola de nuevo! Sigamos donde lo dejó.
main-menu-prompt = ¿Qué desea hacer?

menu-book = Pedir cita
menu-appointments = Mis citas
menu-checklist = ¿Qué documentos necesito?
menu-help = Ayuda
menu-language = Cambiar idioma

option-back = Atrás
option-main-menu = Menú principal

help-text =
    Así funciona el Bürgeramt virtual:
    • Elija una opción escribiendo su número o pulsando el botón.
    • También puede escribir simplemente lo que necesita, por ejemplo «empadronamiento» o «antecedentes penales».
    • Escriba «menú» en cualquier momento para volver al inicio, o «idioma» para cambiar de idioma.
    • La atención se realiza por videollamada. Solo necesita un smartphone con navegador.

input-empty = Su mensaje estaba vacío.
input-too-long =
    Su mensaje es demasiado largo: como máximo { $max ->
        [one] un carácter
       *[other] { $max } caracteres
    }.
input-unreadable = Lo siento, no puedo leer este mensaje.
input-not-understood = Lo siento, no lo he entendido.
input-hint = Elija un número de la lista o escriba una palabra clave, por favor.
option-expired = Esta opción ya no es válida. Estas son las opciones actuales.
error-temporary = Algo ha fallado por nuestra parte. Inténtelo de nuevo dentro de un momento, por favor.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menú, menú principal, inicio, start, empezar, empezar de nuevo, volver a empezar, reiniciar, desde el principio, principio
keywords-help = ayuda, ayúdeme, ayuda por favor, necesito ayuda, qué puedo hacer, cómo funciona
keywords-language = idioma, idiomas, cambiar idioma, cambiar de idioma, lengua
keywords-back = atrás, volver, regresar, anterior

# Dates and times in office-local time.
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday } { $day } de { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = gratuito

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Lo siento, no puedo leer imágenes, mensajes de voz, stickers ni archivos. Escríbame, por favor.
input-edited = No leo los mensajes editados. Envíe un mensaje nuevo, por favor.
input-undecryptable = No he podido descifrar su último mensaje. Envíelo de nuevo, por favor.
command-unknown = No conozco este comando. Los comandos disponibles son /start, /language, /help, /cancel, /appointments, /privacy, /mydata y /forget.
private-only = Solo funciono en chats privados. Escríbame directamente, por favor.
command-start = Empezar de nuevo
command-language = Cambiar idioma
command-help = Ayuda
command-cancel = Cancelar y volver al menú principal
command-appointments = Mis citas
option-join-video = Unirse a la videollamada
mydata-file = Sus datos en un archivo (JSON):
