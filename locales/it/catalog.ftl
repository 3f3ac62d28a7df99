# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Iscrizione anagrafica (Anmeldung)
service-anmeldung-about = Ha traslocato a Heidelberg e registra la sua nuova abitazione. Va fatto entro due settimane dal trasloco.
service-anmeldung-keywords = iscrizione anagrafica, residenza, registrare la residenza, registrazione residenza, cambio di residenza, anagrafe, trasferimento a heidelberg, nuova casa, nuovo appartamento, anmeldung, anmelden

service-ummeldung = Cambio di indirizzo a Heidelberg (Ummeldung)
service-ummeldung-about = Ha traslocato all’interno di Heidelberg e comunica il nuovo indirizzo.
service-ummeldung-keywords = cambio di indirizzo, cambio indirizzo, variazione di indirizzo, nuovo indirizzo, trasloco, ho traslocato, trasloco in città, ummeldung, ummelden

service-abmeldung = Cancellazione anagrafica (Abmeldung)
service-abmeldung-about = Si trasferisce all’estero o rinuncia a una seconda abitazione.
service-abmeldung-keywords = cancellazione anagrafica, cancellazione residenza, abmeldung, abmelden, trasferimento all’estero, trasferirsi all’estero, mi trasferisco all’estero, estero, lasciare la germania, rientro in italia, emigrare, rinuncia alla seconda casa

service-meldebescheinigung = Certificato di residenza (Meldebescheinigung)
service-meldebescheinigung-about = Un certificato con il suo indirizzo registrato, ad esempio per il datore di lavoro, la banca o un ente pubblico. Anche informazioni dal registro anagrafico (Melderegister).
service-meldebescheinigung-keywords = certificato di residenza, certificato residenza, attestato di residenza, prova di residenza, certificato anagrafico, certificato, meldebescheinigung, registro anagrafico, melderegister, estratto anagrafico

service-anwohnerparkausweis = Permesso di sosta per residenti (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Un permesso di sosta per la zona in cui abita. Il veicolo deve essere immatricolato a suo nome o essere stabilmente a sua disposizione.
service-anwohnerparkausweis-keywords = permesso di sosta, permesso parcheggio, parcheggio, pass residenti, sosta residenti, contrassegno, posto auto, macchina, automobile, anwohnerparkausweis, parkausweis

service-fuehrungszeugnis = Certificato del casellario giudiziale (Führungszeugnis)
service-fuehrungszeugnis-about = Un estratto del Registro centrale federale (Bundeszentralregister), ad esempio per un nuovo lavoro o per il volontariato. Le viene inviato per posta.
service-fuehrungszeugnis-keywords = casellario giudiziale, certificato del casellario, certificato penale, fedina penale, precedenti penali, carichi pendenti, führungszeugnis, fuehrungszeugnis, polizeiliches führungszeugnis, bundeszentralregister

service-personalausweis = Carta d’identità (Personalausweis)
service-personalausweis-about = Richiesta di una nuova carta d’identità tedesca.
service-personalausweis-keywords = carta d’identità, carta di identità, carta identità, documento d’identità, cie, nuova carta d’identità, carta d’identità smarrita, personalausweis, ausweis, perso
service-personalausweis-where = La carta d’identità non si può richiedere in videochiamata: per le impronte digitali e la foto biometrica serve il terminale dello sportello per i cittadini (Bürgeramt). Si rechi di persona al Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Passaporto (Reisepass)
service-reisepass-about = Richiesta di un nuovo passaporto tedesco.
service-reisepass-keywords = passaporto, nuovo passaporto, passaporto per bambini, passaporto per minori, documento di viaggio, reisepass, kinderreisepass, pass, passport
service-reisepass-where = Il passaporto non si può richiedere in videochiamata: per le impronte digitali e la foto biometrica serve il terminale dello sportello per i cittadini (Bürgeramt). Si rechi di persona al Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Carta d’identità o passaporto
doc-id-card-note = in corso di validità; con il passaporto anche l’attestato di soggiorno (Aufenthaltsbescheinigung), se ce l’ha
doc-registration-form = Modulo di registrazione (Meldeformular)
doc-registration-form-note = compilato e firmato; lo trova sul sito del Comune
doc-landlord-confirmation = Dichiarazione del locatore (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = firmata dal locatore; senza questa dichiarazione l’iscrizione non è possibile
doc-deregistration-form = Modulo di cancellazione (Abmeldeformular)
doc-deregistration-form-note = compilato, con il suo futuro indirizzo
doc-vehicle-registration = Carta di circolazione, parte I (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = il veicolo deve essere immatricolato al suo indirizzo di Heidelberg
doc-company-car-confirmation = Dichiarazione del datore di lavoro
doc-company-car-confirmation-note = solo per un’auto aziendale che può usare anche privatamente
doc-biometric-photo = Fototessera biometrica
doc-biometric-photo-note = recente, 35 × 45 mm; può essere scattata anche allo sportello (Bürgeramt)
doc-old-id-document = Carta d’identità o passaporto precedente
doc-old-id-document-note = se ce l’ha; in caso di smarrimento, la denuncia di smarrimento (Verlustanzeige)
doc-power-of-attorney = Delega (Vollmacht)
doc-power-of-attorney-note = firmata da Lei, con la Sua carta d’identità o una copia
