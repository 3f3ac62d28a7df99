# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Este archivo está vacío. Envíe el documento de nuevo, por favor.
document-refused-too-large = Este archivo ocupa más de { $mb } MB. Envíe, por favor, una foto o un escaneo más pequeño, por ejemplo un PDF con menos resolución.
document-refused-not-accepted = Solo puedo aceptar archivos PDF y fotos (JPEG, PNG o HEIC). Envíe el documento en uno de estos formatos, por favor. También sirve una foto de cada página.
document-refused-pdf-active = Este PDF contiene un script, así que no puedo aceptarlo. Envíe en su lugar fotos de las páginas o guarde el documento de nuevo como un PDF nuevo, por favor.
document-refused-pdf-embedded = Este PDF lleva otros archivos adjuntos, así que no puedo aceptarlo. Envíe el documento sin adjuntos o mande fotos de las páginas, por favor.
document-refused-pdf-encrypted = Este PDF está protegido con contraseña, así que el personal de atención no podría abrirlo. Envíelo sin contraseña o mande fotos de las páginas, por favor.
document-refused-unreadable = No he podido leer este archivo. Puede que esté dañado. Envíelo de nuevo o mande fotos de las páginas, por favor.
