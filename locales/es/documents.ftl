# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Este archivo está vacío. Envíe el documento de nuevo, por favor.
document-refused-too-large = Este archivo ocupa más de { $mb } MB. Envíe, por favor, una foto o un escaneo más pequeño, por ejemplo un PDF con menos resolución.
document-refused-not-accepted = Solo puedo aceptar archivos PDF y fotos (JPEG, PNG o HEIC). Envíe el documento en uno de estos formatos, por favor. También sirve una foto de cada página.
document-refused-pdf-active = Este PDF contiene un script, así que no puedo aceptarlo. Envíe en su lugar fotos de las páginas o guarde el documento de nuevo como un PDF nuevo, por favor.
document-refused-pdf-embedded = Este PDF lleva otros archivos adjuntos, así que no puedo aceptarlo. Envíe el documento sin adjuntos o mande fotos de las páginas, por favor.
document-refused-pdf-encrypted = Este PDF está protegido con contraseña, así que el personal de atención no podría abrirlo. Envíelo sin contraseña o mande fotos de las páginas, por favor.
document-refused-unreadable = No he podido leer este archivo. Puede que esté dañado. Envíelo de nuevo o mande fotos de las páginas, por favor.
document-refused-no-booking = Todavía no tiene ninguna cita a la que puedan corresponder documentos. Reserve primero una cita y después envíe aquí los documentos, por favor.
document-refused-full = Esta cita ya tiene { $max ->
    [one] { $max } archivo
   *[other] { $max } archivos
  }, no puedo guardar más. Elimine primero uno: /appointments, luego la cita y después «Documentos».
document-refused-duplicate = Ya ha enviado este archivo, no tiene que hacer nada más. Puede elegir a qué documento corresponde en /appointments y luego «Documentos».
document-refused-duplicate-of = Ya ha enviado este archivo para «{ $document }». No tiene que hacer nada más.
document-refused-unavailable = No he podido obtener este archivo. Envíelo de nuevo, por favor.
document-refused-off = Esta oficina no acepta documentos por el chat. Téngalos preparados para la videollamada, por favor.

# A file arrived and was kept.
document-arrived = Gracias, su archivo ha llegado.
document-kept = Gracias, ya tengo el archivo para «{ $document }».
document-kept-replaced = Gracias, para «{ $document }» ahora vale el archivo nuevo.
document-still-missing = Documentos pendientes: { $documents }.
document-all-sent = Ya están todos los documentos. El personal los verá cuando empiece su videollamada.
document-removed = Se ha eliminado el archivo para «{ $document }».
document-gone = Este archivo ya no está disponible. Envíelo de nuevo, por favor.
# The name of a file whose checklist item is not known yet.
document-unnamed = Documento

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Documentos para su cita { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: enviado ({ $size })
document-list-missing = ⬜ { $document }: aún no enviado
document-list-hint = Envíe aquí una foto o un PDF de cada documento. Como máximo { $mb } MB por archivo y { $max ->
    [one] { $max } archivo
   *[other] { $max } archivos
  } por cita. El personal los verá cuando empiece su videollamada; después de la cita se eliminarán.
document-send-prompt = Envíe ahora «{ $document }» como foto o archivo PDF, por favor.
document-which-prompt = Su archivo ({ $size }) ha llegado. ¿Qué documento es?
option-documents = Documentos ({ $sent } de { $total } enviados)
option-send-document = Enviar «{ $document }»
option-replace-document = Sustituir «{ $document }»
option-remove-document = Eliminar «{ $document }»

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Documento de la cita { $reference }: { $document }, { $size }, enviado el { $date }

# The web chat's form for a document (below the text field).
web-file-title = Enviar un documento
web-file-hint = Una foto o un PDF para su cita, de 10 MB como máximo. El personal lo verá cuando empiece su videollamada.
web-file-label = Elegir un archivo
web-file-send = Subir
