# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Zameldowanie (Anmeldung)
service-anmeldung-about = Po przeprowadzce do Heidelbergu meldujesz się w nowym mieszkaniu. Trzeba to zrobić w ciągu dwóch tygodni od wprowadzenia się.
service-anmeldung-keywords = zameldowanie, zameldować się, zameldowac, meldunek, meldowanie, anmeldung, anmelden, zameldowanie mieszkania, przeprowadzka do heidelbergu, nowe mieszkanie, wprowadzenie się, wprowadziłem się, wprowadziłam się, miejsce zamieszkania, pobyt stały

service-ummeldung = Zmiana adresu w Heidelbergu (Ummeldung)
service-ummeldung-about = Po przeprowadzce w obrębie Heidelbergu zgłaszasz nowy adres.
service-ummeldung-keywords = zmiana adresu, zmienić adres, zmiana zameldowania, przemeldowanie, przemeldować się, przeprowadzka, przeprowadziłem się, przeprowadziłam się, przeprowadzka w heidelbergu, nowy adres, ummeldung, ummelden

service-abmeldung = Wymeldowanie (Abmeldung)
service-abmeldung-about = Wyprowadzasz się za granicę lub rezygnujesz z drugiego mieszkania.
service-abmeldung-keywords = wymeldowanie, wymeldować się, wymeldowac, abmeldung, abmelden, wyjazd za granicę, wyprowadzka za granicę, wyjazd z niemiec, powrót do polski, emigracja, rezygnacja z drugiego mieszkania

service-meldebescheinigung = Zaświadczenie o zameldowaniu (Meldebescheinigung)
service-meldebescheinigung-about = Zaświadczenie o Twoim adresie zameldowania, np. dla pracodawcy, banku lub urzędu. Także informacja z rejestru mieszkańców (Melderegister).
service-meldebescheinigung-keywords = zaświadczenie o zameldowaniu, potwierdzenie zameldowania, potwierdzenie adresu, meldebescheinigung, zaświadczenie, zaswiadczenie, rejestr mieszkańców, melderegister, informacja z rejestru, wyciąg z rejestru

service-anwohnerparkausweis = Zezwolenie na parkowanie dla mieszkańców (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Zezwolenie na parkowanie w okolicy, w której mieszkasz. Pojazd musi być zarejestrowany na Ciebie lub być stale do Twojej dyspozycji.
service-anwohnerparkausweis-keywords = parkowanie, zezwolenie na parkowanie, abonament parkingowy, abonament mieszkańca, identyfikator parkingowy, karta parkingowa, parking, miejsce parkingowe, samochód, samochod, anwohnerparkausweis, parkausweis

service-fuehrungszeugnis = Zaświadczenie o niekaralności (Führungszeugnis)
service-fuehrungszeugnis-about = Wyciąg z Federalnego Rejestru Centralnego (Bundeszentralregister), np. dla nowego pracodawcy lub do wolontariatu. Zaświadczenie zostanie wysłane pocztą.
service-fuehrungszeugnis-keywords = zaświadczenie o niekaralności, niekaralność, zaswiadczenie o niekaralnosci, niekaralnosc, karalność, rejestr karny, zaświadczenie z policji, führungszeugnis, polizeiliches führungszeugnis, bundeszentralregister

service-personalausweis = Dowód osobisty (Personalausweis)
service-personalausweis-about = Wniosek o nowy niemiecki dowód osobisty.
service-personalausweis-keywords = dowód osobisty, dowód, nowy dowód, wyrobienie dowodu, zgubiony dowód, utrata dowodu, personalausweis, ausweis, perso, id
service-personalausweis-where = Wniosku o dowód osobisty nie można złożyć przez wideo: do pobrania odcisków palców i zrobienia zdjęcia biometrycznego potrzebny jest terminal w urzędzie (Bürgeramt). Przyjdź osobiście do Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Paszport (Reisepass)
service-reisepass-about = Wniosek o nowy niemiecki paszport.
service-reisepass-keywords = paszport, nowy paszport, wyrobienie paszportu, paszport dla dziecka, paszport dziecięcy, dokument podróży, reisepass, kinderreisepass, pass, passport
service-reisepass-where = Wniosku o paszport nie można złożyć przez wideo: do pobrania odcisków palców i zrobienia zdjęcia biometrycznego potrzebny jest terminal w urzędzie (Bürgeramt). Przyjdź osobiście do Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Dowód osobisty lub paszport
doc-id-card-note = ważny; przy paszporcie również zaświadczenie o pobycie (Aufenthaltsbescheinigung), jeśli je masz
doc-registration-form = Formularz meldunkowy (Meldeformular)
doc-registration-form-note = wypełniony i podpisany; znajdziesz go na stronie internetowej miasta
doc-landlord-confirmation = Zaświadczenie od wynajmującego (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = podpisane przez wynajmującego; bez niego zameldowanie nie jest możliwe
doc-deregistration-form = Formularz wymeldowania (Abmeldeformular)
doc-deregistration-form-note = wypełniony, z Twoim przyszłym adresem
doc-vehicle-registration = Dowód rejestracyjny, część I (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = pojazd musi być zarejestrowany pod Twoim adresem w Heidelbergu
doc-company-car-confirmation = Zaświadczenie od pracodawcy
doc-company-car-confirmation-note = tylko w przypadku samochodu służbowego, z którego możesz korzystać także prywatnie
doc-biometric-photo = Zdjęcie biometryczne do dokumentów
doc-biometric-photo-note = aktualne, 35 × 45 mm; można je też zrobić w urzędzie (Bürgeramt)
doc-old-id-document = Dotychczasowy dowód osobisty lub paszport
doc-old-id-document-note = jeśli go masz; w razie utraty – zgłoszenie utraty (Verlustanzeige)
doc-power-of-attorney = Pełnomocnictwo (Vollmacht)
doc-power-of-attorney-note = podpisane przez Pana/Panią, wraz z dowodem osobistym lub jego kopią
