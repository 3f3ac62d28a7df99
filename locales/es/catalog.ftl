# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Empadronamiento (Anmeldung)
service-anmeldung-about = Se ha mudado a Heidelberg y quiere registrar su nueva vivienda. Debe hacerlo en las dos semanas siguientes a la mudanza.
service-anmeldung-keywords = anmeldung, anmelden, empadronamiento, empadronarse, empadronarme, padrón, alta en el padrón, registrar domicilio, registro de domicilio, inscripción domicilio, nueva vivienda, nuevo piso, nuevo domicilio, llegada a heidelberg, residencia principal, segunda residencia

service-ummeldung = Cambio de domicilio dentro de Heidelberg (Ummeldung)
service-ummeldung-about = Se ha mudado dentro de Heidelberg y quiere registrar su nueva dirección.
service-ummeldung-keywords = ummeldung, ummelden, cambio de domicilio, cambio de dirección, cambiar domicilio, cambiar dirección, nueva dirección, mudanza, me he mudado, mudarse, mudanza dentro de heidelberg

service-abmeldung = Baja del padrón (Abmeldung)
service-abmeldung-about = Se va a vivir al extranjero o deja una segunda vivienda.
service-abmeldung-keywords = abmeldung, abmelden, baja, baja del padrón, darse de baja, desempadronarse, extranjero, irse al extranjero, mudanza al extranjero, salir de alemania, emigrar, dejar segunda vivienda

service-meldebescheinigung = Certificado de empadronamiento (Meldebescheinigung)
service-meldebescheinigung-about = Un certificado de su domicilio registrado, por ejemplo para su empleador, su banco o un organismo público. También puede pedir información del registro de habitantes (Melderegister).
service-meldebescheinigung-keywords = meldebescheinigung, certificado de empadronamiento, volante de empadronamiento, certificado de domicilio, justificante de domicilio, comprobante de domicilio, certificado, registro de habitantes, melderegister, información del padrón

service-anwohnerparkausweis = Tarjeta de aparcamiento para residentes (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Una tarjeta de aparcamiento para la zona donde vive. El vehículo debe estar registrado a su nombre o estar a su disposición de forma permanente.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, tarjeta de aparcamiento, aparcamiento para residentes, permiso de aparcamiento, distintivo de residente, aparcar, aparcamiento, estacionar, estacionamiento, parking, coche, carro, auto

service-fuehrungszeugnis = Certificado de antecedentes penales (Führungszeugnis)
service-fuehrungszeugnis-about = Un extracto del Registro Central Federal (Bundeszentralregister), por ejemplo para un nuevo empleo o un voluntariado. Se lo enviamos por correo postal.
service-fuehrungszeugnis-keywords = führungszeugnis, antecedentes penales, certificado de antecedentes penales, certificado de antecedentes, certificado de buena conducta, buena conducta, récord policial, antecedentes, bundeszentralregister

service-personalausweis = Documento de identidad (Personalausweis)
service-personalausweis-about = Solicitar un nuevo documento de identidad alemán.
service-personalausweis-keywords = personalausweis, ausweis, perso, documento de identidad, dni, carnet de identidad, cédula, identificación, solicitar dni, nuevo dni, dni perdido, he perdido el dni
service-personalausweis-where = No puede solicitar el documento de identidad por videollamada: sus huellas dactilares y su foto biométrica se toman en el terminal del Bürgeramt (oficina de atención ciudadana). Acuda en persona al Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Pasaporte (Reisepass)
service-reisepass-about = Solicitar un nuevo pasaporte alemán.
service-reisepass-keywords = reisepass, pasaporte, passport, pasaporte nuevo, solicitar pasaporte, renovar pasaporte, pasaporte infantil, pasaporte para niños, pasaporte perdido
service-reisepass-where = No puede solicitar el pasaporte por videollamada: sus huellas dactilares y su foto biométrica se toman en el terminal del Bürgeramt (oficina de atención ciudadana). Acuda en persona al Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Documento de identidad o pasaporte
doc-id-card-note = en vigor; con pasaporte, también su documento de residencia (Aufenthaltsbescheinigung), si lo tiene
doc-registration-form = Formulario de empadronamiento (Meldeformular)
doc-registration-form-note = rellenado y firmado; lo encontrará en la página web de la ciudad
doc-landlord-confirmation = Confirmación del arrendador (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = firmada por su arrendador; sin ella no es posible el empadronamiento
doc-deregistration-form = Formulario de baja (Abmeldeformular)
doc-deregistration-form-note = rellenado, con su dirección futura
doc-vehicle-registration = Permiso de circulación, parte I (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = el vehículo debe estar registrado en su dirección de Heidelberg
doc-company-car-confirmation = Confirmación de su empresa
doc-company-car-confirmation-note = solo si se trata de un coche de empresa que también puede usar de forma privada
doc-biometric-photo = Foto biométrica de pasaporte
doc-biometric-photo-note = reciente, 35 × 45 mm; también se la pueden hacer en el Bürgeramt
doc-old-id-document = Documento de identidad o pasaporte anterior
doc-old-id-document-note = si lo tiene; en caso de pérdida, la denuncia de pérdida
doc-power-of-attorney = Autorización (Vollmacht)
doc-power-of-attorney-note = firmada por usted, con su documento de identidad o una copia
