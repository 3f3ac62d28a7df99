# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Déclaration de domicile (Anmeldung)
service-anmeldung-about = Vous venez d'emménager à Heidelberg et déclarez votre nouveau logement. Cette déclaration doit être faite dans les deux semaines qui suivent l'emménagement.
service-anmeldung-keywords = anmeldung, anmelden, inscription, inscription domicile, déclaration de domicile, declaration de domicile, déclarer mon domicile, enregistrer mon adresse, emménagement, emménagé, arrivée à heidelberg, nouveau logement, nouvel appartement, résidence principale, résidence secondaire

service-ummeldung = Changement d'adresse dans Heidelberg (Ummeldung)
service-ummeldung-about = Vous avez déménagé à l'intérieur de Heidelberg et déclarez votre nouvelle adresse.
service-ummeldung-keywords = ummeldung, ummelden, changement d'adresse, changement adresse, changer d'adresse, changer mon adresse, nouvelle adresse, déménagement, déménagé, déménager, déménagement dans heidelberg

service-abmeldung = Déclaration de départ (Abmeldung)
service-abmeldung-about = Vous partez vivre à l'étranger ou vous quittez une résidence secondaire.
service-abmeldung-keywords = abmeldung, abmelden, déclaration de départ, désinscription, radiation, départ à l'étranger, partir à l'étranger, quitter l'allemagne, étranger, expatriation, émigrer, quitter ma résidence secondaire

service-meldebescheinigung = Attestation de domicile (Meldebescheinigung)
service-meldebescheinigung-about = Une attestation de votre adresse déclarée, par exemple pour votre employeur, votre banque ou une administration. Vous pouvez aussi obtenir des renseignements du registre de la population (Melderegister).
service-meldebescheinigung-keywords = meldebescheinigung, attestation de domicile, justificatif de domicile, certificat de résidence, attestation de résidence, certificat d'enregistrement, attestation, registre de la population, extrait du registre, melderegister, renseignements

service-anwohnerparkausweis = Carte de stationnement résident (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Une carte de stationnement pour votre quartier. Le véhicule doit être immatriculé à votre nom ou être à votre disposition de manière permanente.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, carte de stationnement, stationnement résident, vignette résident, macaron résident, stationnement, stationner, se garer, place de parking, parking, voiture, autorisation de stationnement

service-fuehrungszeugnis = Extrait de casier judiciaire (Führungszeugnis)
service-fuehrungszeugnis-about = Un extrait du registre central fédéral (Bundeszentralregister), par exemple pour un nouvel emploi ou une activité bénévole. Il vous est envoyé par la poste.
service-fuehrungszeugnis-keywords = führungszeugnis, casier judiciaire, extrait de casier judiciaire, bulletin n° 3, certificat de bonne conduite, bonne conduite, antécédents judiciaires, certificat de police, casier, bundeszentralregister

service-personalausweis = Carte d'identité (Personalausweis)
service-personalausweis-about = Demander une nouvelle carte d'identité allemande.
service-personalausweis-keywords = personalausweis, ausweis, perso, carte d'identité, carte d'identite, cni, pièce d'identité, demande de carte d'identité, nouvelle carte d'identité, carte d'identité perdue, perte carte d'identité
service-personalausweis-where = Vous ne pouvez pas demander la carte d'identité par vidéo : vos empreintes digitales et votre photo biométrique sont enregistrées sur le terminal du Bürgeramt (bureau des citoyens). Veuillez vous rendre en personne au Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Passeport (Reisepass)
service-reisepass-about = Demander un nouveau passeport allemand.
service-reisepass-keywords = reisepass, passeport, passport, pass, demande de passeport, nouveau passeport, passeport enfant, passeport pour enfant, passeport perdu
service-reisepass-where = Vous ne pouvez pas demander le passeport par vidéo : vos empreintes digitales et votre photo biométrique sont enregistrées sur le terminal du Bürgeramt (bureau des citoyens). Veuillez vous rendre en personne au Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Carte d'identité ou passeport
doc-id-card-note = en cours de validité ; avec un passeport, également votre document de séjour (Aufenthaltsbescheinigung), si vous en avez un
doc-registration-form = Formulaire de déclaration de domicile (Meldeformular)
doc-registration-form-note = rempli et signé ; vous le trouverez sur le site internet de la ville
doc-landlord-confirmation = Attestation du logeur (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = signée par votre propriétaire ; sans elle, la déclaration de domicile est impossible
doc-deregistration-form = Formulaire de déclaration de départ (Abmeldeformular)
doc-deregistration-form-note = rempli, avec votre future adresse
doc-vehicle-registration = Certificat d'immatriculation, partie I (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = le véhicule doit être immatriculé à votre adresse à Heidelberg
doc-company-car-confirmation = Attestation de l'employeur
doc-company-car-confirmation-note = uniquement pour une voiture de fonction que vous pouvez aussi utiliser à titre privé
doc-biometric-photo = Photo d'identité biométrique
doc-biometric-photo-note = récente, 35 × 45 mm ; elle peut aussi être prise au Bürgeramt
doc-old-id-document = Ancienne carte d'identité ou ancien passeport
doc-old-id-document-note = si vous en avez un ; en cas de perte, la déclaration de perte
doc-power-of-attorney = Procuration (Vollmacht)
doc-power-of-attorney-note = signée par vous, avec votre pièce d’identité ou une copie
