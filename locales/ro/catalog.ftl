# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Înregistrarea domiciliului (Anmeldung)
service-anmeldung-about = V-ați mutat în Heidelberg și vă înregistrați noua locuință. Acest lucru trebuie făcut în cel mult două săptămâni de la mutare.
service-anmeldung-keywords = înregistrare, înregistrare domiciliu, inregistrare domiciliu, înregistrare adresă, inregistrare adresa, anmeldung, anmelden, mutare în heidelberg, mutare in heidelberg, locuință nouă, locuinta noua, apartament nou, domiciliu, reședință, resedinta

service-ummeldung = Schimbarea adresei în Heidelberg (Ummeldung)
service-ummeldung-about = V-ați mutat în altă locuință din Heidelberg și vă înregistrați noua adresă.
service-ummeldung-keywords = schimbare adresă, schimbare adresa, schimbarea adresei, adresă nouă, adresa noua, mutare, mutare în oraș, mutare in oras, ummeldung, ummelden

service-abmeldung = Radierea domiciliului (Abmeldung)
service-abmeldung-about = Vă mutați în străinătate sau renunțați la o a doua locuință.
service-abmeldung-keywords = radiere, radiere domiciliu, radierea domiciliului, abmeldung, abmelden, mutare în străinătate, mutare in strainatate, plecare din germania, plec din germania, străinătate, strainatate, întoarcere în românia, intoarcere in romania, repatriere, emigrare, renunțare la a doua locuință

service-meldebescheinigung = Adeverință de domiciliu (Meldebescheinigung)
service-meldebescheinigung-about = O adeverință cu adresa dumneavoastră înregistrată, de exemplu pentru angajator, bancă sau o autoritate. Tot aici: informații din registrul de evidență a populației (Melderegister).
service-meldebescheinigung-keywords = adeverință de domiciliu, adeverinta de domiciliu, certificat de domiciliu, dovada adresei, dovadă domiciliu, confirmare adresă, meldebescheinigung, adeverință, adeverinta, evidența populației, melderegister, extras din registru

service-anwohnerparkausweis = Permis de parcare pentru rezidenți (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Un permis de parcare pentru zona în care locuiți. Vehiculul trebuie să fie înmatriculat pe numele dumneavoastră sau să vă stea permanent la dispoziție.
service-anwohnerparkausweis-keywords = permis de parcare, permisul de parcare, parcare, parcare rezidenți, parcare rezidenti, loc de parcare, abonament parcare, mașină, masina, autoturism, anwohnerparkausweis, parkausweis

service-fuehrungszeugnis = Certificat de cazier judiciar (Führungszeugnis)
service-fuehrungszeugnis-about = Un extras din Registrul Central Federal (Bundeszentralregister), de exemplu pentru un loc de muncă nou sau pentru voluntariat. Vi se trimite prin poștă.
service-fuehrungszeugnis-keywords = cazier, cazierul, cazier judiciar, cazierul judiciar, certificat de cazier, certificat de cazier judiciar, cazier de la poliție, antecedente penale, führungszeugnis, fuehrungszeugnis, polizeiliches führungszeugnis, bundeszentralregister

service-personalausweis = Carte de identitate (Personalausweis)
service-personalausweis-about = Solicitarea unei noi cărți de identitate germane.
service-personalausweis-keywords = carte de identitate, buletin, buletinul, act de identitate, buletin nou, buletin pierdut, carte de identitate pierdută, personalausweis, ausweis, perso
service-personalausweis-where = Cartea de identitate nu poate fi solicitată prin video: pentru amprente și fotografia biometrică este nevoie de terminalul din biroul pentru cetățeni (Bürgeramt). Vă rugăm să veniți personal la Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Pașaport (Reisepass)
service-reisepass-about = Solicitarea unui nou pașaport german.
service-reisepass-keywords = pașaport, pasaport, pașaport nou, pasaport nou, pașaport pentru copii, pașaport copil, document de călătorie, reisepass, kinderreisepass, pass, passport
service-reisepass-where = Pașaportul nu poate fi solicitat prin video: pentru amprente și fotografia biometrică este nevoie de terminalul din biroul pentru cetățeni (Bürgeramt). Vă rugăm să veniți personal la Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Carte de identitate sau pașaport
doc-id-card-note = în termen de valabilitate; pentru pașaport, și adeverința de ședere (Aufenthaltsbescheinigung), dacă o aveți
doc-registration-form = Formular de înregistrare (Meldeformular)
doc-registration-form-note = completat și semnat; îl găsiți pe site-ul orașului
doc-landlord-confirmation = Confirmarea proprietarului locuinței (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = semnată de proprietar; fără ea înregistrarea nu este posibilă
doc-deregistration-form = Formular de radiere (Abmeldeformular)
doc-deregistration-form-note = completat, cu adresa dumneavoastră viitoare
doc-vehicle-registration = Certificat de înmatriculare, partea I (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = vehiculul trebuie să fie înmatriculat la adresa dumneavoastră din Heidelberg
doc-company-car-confirmation = Confirmarea angajatorului
doc-company-car-confirmation-note = doar pentru o mașină de serviciu pe care o puteți folosi și în scop personal
doc-biometric-photo = Fotografie biometrică pentru acte
doc-biometric-photo-note = recentă, 35 × 45 mm; poate fi făcută și la Bürgeramt
doc-old-id-document = Cartea de identitate sau pașaportul anterior
doc-old-id-document-note = dacă îl aveți; în caz de pierdere, declarația de pierdere (Verlustanzeige)
doc-power-of-attorney = Procură (Vollmacht)
doc-power-of-attorney-note = semnată de dumneavoastră, împreună cu actul de identitate sau o copie a acestuia
