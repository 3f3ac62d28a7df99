# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Wohnung anmelden
service-anmeldung-about =
    Sie sind nach Heidelberg gezogen?
    Dann müssen Sie Ihre neue Wohnung anmelden.
    Das heißt: Sie sagen dem Amt: Hier wohne ich jetzt.
    Dafür haben Sie 2 Wochen Zeit.
    Die 2 Wochen beginnen am Tag von Ihrem Einzug.
service-anmeldung-keywords = anmelden, anmeldung, wohnsitz anmelden, wohnung anmelden, zuzug, eingezogen, neue wohnung, hauptwohnsitz, nebenwohnsitz, neu in heidelberg, zugezogen, hergezogen, wohnung melden, eingezogen in heidelberg

service-ummeldung = Umzug in Heidelberg
service-ummeldung-about =
    Sie sind in Heidelberg umgezogen?
    Also von einer Wohnung in Heidelberg in eine andere Wohnung in Heidelberg?
    Dann melden Sie hier Ihre neue Adresse an.
service-ummeldung-keywords = ummelden, ummeldung, umzug, umgezogen, adresse ändern, neue adresse, adressänderung, umziehen, andere wohnung, wohnung gewechselt, umzug in heidelberg, neue wohnung in heidelberg

service-abmeldung = Wohnung abmelden
service-abmeldung-about =
    Sie ziehen in ein anderes Land?
    Dann melden Sie Ihre Wohnung hier ab.
    Oder Sie haben eine Neben-Wohnung und geben diese Wohnung auf?
    Neben-Wohnung: Das ist eine 2. Wohnung. Meistens wohnen Sie in Ihrer anderen Wohnung.
    Auch dann melden Sie die Wohnung hier ab.
service-abmeldung-keywords = abmelden, abmeldung, wegzug, ausland, auswandern, nebenwohnung aufgeben, wegziehen, anderes land, wohnung abgeben, zweite wohnung aufgeben, weg aus deutschland

service-meldebescheinigung = Melde-Bescheinigung
service-meldebescheinigung-about =
    Melde-Bescheinigung: Ein Papier vom Amt. Darauf steht: Hier wohnen Sie.
    Manche Stellen wollen dieses Papier sehen.
    Zum Beispiel: Ihr Arbeitgeber, Ihre Bank oder ein Amt.
    Sie können hier auch eine Auskunft aus dem Melde-Register bekommen.
    Melde-Register: Das ist eine Liste vom Amt. Darin stehen die Adressen von den Menschen in der Stadt.
service-meldebescheinigung-keywords = meldebescheinigung, meldebestätigung, wohnsitzbescheinigung, bescheinigung, melderegister, auskunft, melderegisterauskunft, melde bescheinigung, papier für adresse, bestätigung adresse, nachweis wohnung, wohnsitz nachweis, adresse bestätigen

service-anwohnerparkausweis = Anwohner-Park-Ausweis
service-anwohnerparkausweis-about =
    Anwohner-Park-Ausweis: Damit dürfen Sie in Ihrem Wohn-Gebiet parken.
    Wohn-Gebiet: Das sind die Straßen um Ihre Wohnung.
    Das Auto muss auf Ihren Namen angemeldet sein.
    Oder Sie dürfen das Auto immer benutzen.
    Zum Beispiel: Sie haben ein Auto von Ihrer Firma.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, bewohnerparkausweis, parkausweis, parken, parkplatz, auto, parkerlaubnis, anwohnerparken, park ausweis, auto parken, parken in meiner straße, parken vor dem haus

service-fuehrungszeugnis = Führungs-Zeugnis
service-fuehrungszeugnis-about =
    Führungs-Zeugnis: Ein Papier vom Amt. Darauf steht: Hat die Person Straf-Taten gemacht?
    Das Papier kommt aus einer Liste vom Staat.
    Die Liste heißt: Bundes-Zentral-Register.
    Manchmal brauchen Sie das Papier.
    Zum Beispiel: Sie haben eine neue Arbeit.
    Oder Sie wollen ein Ehren-Amt machen.
    Ehren-Amt: Das ist eine Arbeit ohne Geld. Sie helfen damit anderen Menschen.
    Das Amt schickt Ihnen das Papier mit der Post.
service-fuehrungszeugnis-keywords = führungszeugnis, polizeiliches führungszeugnis, erweitertes führungszeugnis, strafregister, vorstrafen, bundeszentralregister, führungs zeugnis, straftaten, papier von der polizei, papier für arbeit, polizei zeugnis

service-personalausweis = Personal-Ausweis
service-personalausweis-about =
    Sie brauchen einen neuen Personal-Ausweis?
    Dann können Sie ihn hier beantragen.
    Das heißt: Sie bitten das Amt um einen neuen Ausweis.
service-personalausweis-keywords = personalausweis, ausweis, perso, id karte, ausweis beantragen, ausweis verloren, personal ausweis, neuer ausweis, ausweis neu, ausweis kaputt, ausweis abgelaufen, ausweis gestohlen, ausweis weg
service-personalausweis-where =
    Für den Personal-Ausweis müssen Sie selbst ins Bürger-Amt kommen.
    Per Video geht das leider nicht.
    Das Amt braucht Ihre Finger-Abdrücke.
    Und das Amt braucht ein biometrisches Foto von Ihnen.
    Biometrisches Foto: Das ist ein besonderes Pass-Foto. Ein Computer kann darauf Ihr Gesicht gut erkennen.
    Für Finger-Abdrücke und Foto gibt es im Bürger-Amt ein besonderes Gerät.
    Bitte kommen Sie ins Bürger-Amt Mitte.
    Die Adresse ist: Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Reise-Pass
service-reisepass-about =
    Sie brauchen einen neuen Reise-Pass?
    Dann können Sie ihn hier beantragen.
    Das heißt: Sie bitten das Amt um einen neuen Pass.
service-reisepass-keywords = reisepass, pass, passport, pass beantragen, kinderreisepass, reise pass, neuer pass, pass neu, pass abgelaufen, pass verloren, pass für kind, pass für reise
service-reisepass-where =
    Für den Reise-Pass müssen Sie selbst ins Bürger-Amt kommen.
    Per Video geht das leider nicht.
    Das Amt braucht Ihre Finger-Abdrücke.
    Und das Amt braucht ein biometrisches Foto von Ihnen.
    Biometrisches Foto: Das ist ein besonderes Pass-Foto. Ein Computer kann darauf Ihr Gesicht gut erkennen.
    Für Finger-Abdrücke und Foto gibt es im Bürger-Amt ein besonderes Gerät.
    Bitte kommen Sie ins Bürger-Amt Mitte.
    Die Adresse ist: Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Personal-Ausweis oder Reise-Pass
doc-id-card-note = Der Ausweis muss gültig sein. Das heißt: Sie dürfen ihn noch benutzen. Sie kommen mit einem Reise-Pass? Dann bringen Sie auch Ihre Aufenthalts-Bescheinigung mit. Das ist ein Papier vom Amt. Darauf steht: Sie dürfen hier wohnen. Sie haben keine Aufenthalts-Bescheinigung? Dann ist das auch in Ordnung.
doc-registration-form = Melde-Formular
doc-registration-form-note = Das ist ein Blatt vom Amt. Darauf schreiben Sie: Hier wohne ich jetzt. Füllen Sie das Blatt aus. Dann unterschreiben Sie es. Sie finden das Blatt auf der Internet-Seite von der Stadt.
doc-landlord-confirmation = Wohnungs-Geber-Bestätigung
doc-landlord-confirmation-note = Ein Zettel von Ihrem Vermieter. Darauf steht: Sie wohnen jetzt in der Wohnung. Ihr Vermieter muss den Zettel unterschreiben. Sie brauchen den Zettel unbedingt für die Anmeldung.
doc-deregistration-form = Abmelde-Formular
doc-deregistration-form-note = Das ist ein Blatt vom Amt für die Abmeldung. Füllen Sie das Blatt aus. Schreiben Sie auch Ihre neue Adresse darauf.
doc-vehicle-registration = Zulassungs-Bescheinigung Teil 1 (Fahrzeug-Schein)
doc-vehicle-registration-note = Das ist ein Papier für Ihr Auto. Darin steht: Auf wen ist das Auto angemeldet? Das Auto muss mit Ihrer Adresse in Heidelberg angemeldet sein.
doc-company-car-confirmation = Bestätigung von Ihrem Arbeitgeber
doc-company-car-confirmation-note = Das ist ein Brief von Ihrer Firma. Darin steht: Sie dürfen das Firmen-Auto auch in Ihrer Frei-Zeit fahren. Sie brauchen den Brief nur für ein Auto von Ihrer Firma.
doc-biometric-photo = Biometrisches Pass-Foto
doc-biometric-photo-note = Das ist ein besonderes Pass-Foto. Ein Computer kann darauf Ihr Gesicht gut erkennen. Das Foto muss neu sein. Es ist 35 × 45 Millimeter groß. Sie können das Foto auch im Bürger-Amt machen lassen.
doc-old-id-document = Ihr alter Ausweis oder Pass
doc-old-id-document-note = Sie haben einen alten Ausweis oder Pass? Dann bringen Sie ihn mit. Sie haben ihn verloren? Dann bringen Sie die Verlust-Anzeige mit. Das ist ein Papier. Darauf steht: Ich habe meinen Ausweis verloren.
doc-power-of-attorney = Voll-Macht
doc-power-of-attorney-note = Ein Brief von Ihnen. Darin steht: Diese Person darf das für mich machen. Sie unterschreiben den Brief. Die Person bringt auch Ihren Ausweis mit. Oder eine Kopie von Ihrem Ausweis.
