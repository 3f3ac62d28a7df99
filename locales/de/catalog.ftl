# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Anmeldung einer Wohnung
service-anmeldung-about = Sie sind nach Heidelberg gezogen und melden Ihre neue Wohnung an. Das muss innerhalb von zwei Wochen nach dem Einzug geschehen.
service-anmeldung-keywords = anmelden, anmeldung, wohnsitz anmelden, wohnung anmelden, zuzug, eingezogen, neue wohnung, hauptwohnsitz, nebenwohnsitz

service-ummeldung = Ummeldung innerhalb Heidelbergs
service-ummeldung-about = Sie sind innerhalb von Heidelberg umgezogen und melden Ihre neue Adresse an.
service-ummeldung-keywords = ummelden, ummeldung, umzug, umgezogen, adresse ändern, neue adresse, adressänderung

service-abmeldung = Abmeldung einer Wohnung
service-abmeldung-about = Sie ziehen ins Ausland oder geben eine Nebenwohnung auf.
service-abmeldung-keywords = abmelden, abmeldung, wegzug, ausland, auswandern, nebenwohnung aufgeben

service-meldebescheinigung = Meldebescheinigung
service-meldebescheinigung-about = Eine Bescheinigung über Ihre gemeldete Adresse, etwa für den Arbeitgeber, die Bank oder eine Behörde. Auch eine Auskunft aus dem Melderegister.
service-meldebescheinigung-keywords = meldebescheinigung, meldebestätigung, wohnsitzbescheinigung, bescheinigung, melderegister, auskunft, melderegisterauskunft

service-anwohnerparkausweis = Anwohnerparkausweis
service-anwohnerparkausweis-about = Ein Parkausweis für Ihr Wohngebiet. Das Fahrzeug muss auf Sie zugelassen sein oder Ihnen dauerhaft zur Verfügung stehen.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, bewohnerparkausweis, parkausweis, parken, parkplatz, auto, parkerlaubnis, anwohnerparken

service-fuehrungszeugnis = Führungszeugnis
service-fuehrungszeugnis-about = Ein Auszug aus dem Bundeszentralregister, etwa für einen neuen Arbeitsplatz oder ein Ehrenamt. Es wird Ihnen per Post geschickt.
service-fuehrungszeugnis-keywords = führungszeugnis, polizeiliches führungszeugnis, erweitertes führungszeugnis, strafregister, vorstrafen, bundeszentralregister

service-personalausweis = Personalausweis
service-personalausweis-about = Einen neuen Personalausweis beantragen.
service-personalausweis-keywords = personalausweis, ausweis, perso, id karte, ausweis beantragen, ausweis verloren
service-personalausweis-where = Den Personalausweis können Sie nicht per Video beantragen: Für Fingerabdrücke und das biometrische Foto brauchen Sie das Terminal im Bürgeramt. Bitte kommen Sie persönlich ins Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Reisepass
service-reisepass-about = Einen neuen Reisepass beantragen.
service-reisepass-keywords = reisepass, pass, passport, pass beantragen, kinderreisepass
service-reisepass-where = Den Reisepass können Sie nicht per Video beantragen: Für Fingerabdrücke und das biometrische Foto brauchen Sie das Terminal im Bürgeramt. Bitte kommen Sie persönlich ins Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Personalausweis oder Reisepass
doc-id-card-note = gültig; bei einem Reisepass zusätzlich die Aufenthaltsbescheinigung, falls vorhanden
doc-registration-form = Meldeformular
doc-registration-form-note = ausgefüllt und unterschrieben; Sie finden es auf der Website der Stadt
doc-landlord-confirmation = Wohnungsgeberbestätigung
doc-landlord-confirmation-note = von Ihrem Vermieter unterschrieben; ohne sie ist die Anmeldung nicht möglich
doc-deregistration-form = Abmeldeformular
doc-deregistration-form-note = ausgefüllt, mit Ihrer künftigen Adresse
doc-vehicle-registration = Zulassungsbescheinigung Teil I (Fahrzeugschein)
doc-vehicle-registration-note = das Fahrzeug muss unter Ihrer Heidelberger Adresse zugelassen sein
doc-company-car-confirmation = Bestätigung des Arbeitgebers
doc-company-car-confirmation-note = nur bei einem Firmenwagen, den Sie auch privat nutzen dürfen
doc-biometric-photo = Biometrisches Passfoto
doc-biometric-photo-note = aktuell, 35 × 45 mm; es kann auch im Bürgeramt aufgenommen werden
doc-old-id-document = Bisheriger Ausweis oder Pass
doc-old-id-document-note = falls vorhanden; bei Verlust die Verlustanzeige
doc-power-of-attorney = Vollmacht
doc-power-of-attorney-note = unterschrieben von Ihnen, dazu Ihr Ausweis oder eine Kopie davon
