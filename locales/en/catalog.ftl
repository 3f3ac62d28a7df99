# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.

service-anmeldung = Registering your address
service-anmeldung-about = You have moved to Heidelberg and register your new home. This has to be done within two weeks of moving in.
service-anmeldung-keywords = register, registration, register address, anmeldung, new address, moved in, new flat, new apartment, residence registration

service-ummeldung = Change of address within Heidelberg
service-ummeldung-about = You have moved within Heidelberg and register your new address.
service-ummeldung-keywords = change of address, address change, moved, moving, relocation, ummeldung, new address in heidelberg

service-abmeldung = Deregistering your address
service-abmeldung-about = You are moving abroad or giving up a second home.
service-abmeldung-keywords = deregister, deregistration, abmeldung, moving abroad, leaving germany, move out, emigrate

service-meldebescheinigung = Certificate of registration
service-meldebescheinigung-about = A certificate of your registered address, for example for your employer, your bank or an authority. Also information from the population register.
service-meldebescheinigung-keywords = certificate of registration, registration certificate, proof of address, meldebescheinigung, register extract, population register

service-anwohnerparkausweis = Resident parking permit
service-anwohnerparkausweis-about = A parking permit for the area where you live. The vehicle must be registered to you or be permanently at your disposal.
service-anwohnerparkausweis-keywords = parking permit, resident parking, parking, car, park, anwohnerparkausweis, parking card

service-fuehrungszeugnis = Certificate of good conduct
service-fuehrungszeugnis-about = An extract from the Federal Central Register, for example for a new job or volunteer work. It is sent to you by post.
service-fuehrungszeugnis-keywords = certificate of good conduct, police certificate, criminal record, background check, fuehrungszeugnis, good conduct

service-personalausweis = Identity card
service-personalausweis-about = Apply for a new German identity card.
service-personalausweis-keywords = identity card, id card, id, personalausweis, new id, lost id
service-personalausweis-where = You cannot apply for an identity card by video: your fingerprints and biometric photo are taken at the terminal in the citizens' office. Please come in person to Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Passport
service-reisepass-about = Apply for a new German passport.
service-reisepass-keywords = passport, reisepass, new passport, travel document, children's passport
service-reisepass-where = You cannot apply for a passport by video: your fingerprints and biometric photo are taken at the terminal in the citizens' office. Please come in person to Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Identity card or passport
doc-id-card-note = valid; with a passport also your residence permit, if you have one
doc-registration-form = Registration form
doc-registration-form-note = filled in and signed; you can find it on the city's website
doc-landlord-confirmation = Landlord's confirmation (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = signed by your landlord; without it we cannot register you
doc-deregistration-form = Deregistration form
doc-deregistration-form-note = filled in, with your future address
doc-vehicle-registration = Vehicle registration certificate part I
doc-vehicle-registration-note = the vehicle must be registered at your Heidelberg address
doc-company-car-confirmation = Confirmation from your employer
doc-company-car-confirmation-note = only for a company car that you may also use privately
doc-biometric-photo = Biometric passport photo
doc-biometric-photo-note = recent, 35 × 45 mm; it can also be taken at the citizens' office
doc-old-id-document = Your previous identity card or passport
doc-old-id-document-note = if you have one; if it was lost, the police report
doc-power-of-attorney = Power of attorney (Vollmacht)
doc-power-of-attorney-note = signed by you, with your ID card or a copy of it
