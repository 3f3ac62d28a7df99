# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = İkamet kaydı (Anmeldung)
service-anmeldung-about = Heidelberg'e taşındınız ve yeni evinizin kaydını yaptırıyorsunuz. Bu kayıt, taşındıktan sonra iki hafta içinde yapılmalıdır.
service-anmeldung-keywords = kayıt, ikamet kaydı, adres kaydı, anmeldung, anmelden, taşındım, yeni ev, yeni daire, yerleşim kaydı

service-ummeldung = Heidelberg içinde adres değişikliği (Ummeldung)
service-ummeldung-about = Heidelberg içinde taşındınız ve yeni adresinizi bildiriyorsunuz.
service-ummeldung-keywords = ummeldung, ummelden, adres değişikliği, adres değiştirme, şehir içi taşınma, heidelberg içinde taşınma, ev değiştirdim, yeni adres bildirimi

service-abmeldung = İkamet kaydını sildirme (Abmeldung)
service-abmeldung-about = Yurt dışına taşınıyorsunuz veya ikinci evinizi bırakıyorsunuz.
service-abmeldung-keywords = abmeldung, abmelden, kaydı sildirme, yurt dışına taşınma, yurtdışı, almanyadan ayrılma, kesin dönüş, ikinci evi bırakma

service-meldebescheinigung = Yerleşim yeri belgesi (Meldebescheinigung)
service-meldebescheinigung-about = Kayıtlı adresinizi gösteren bir belge; örneğin işvereniniz, bankanız veya bir resmi kurum için. Ayrıca adres kayıt sisteminden (Melderegister) bilgi de alabilirsiniz.
service-meldebescheinigung-keywords = meldebescheinigung, yerleşim yeri belgesi, ikametgah, ikametgah belgesi, adres belgesi, adres kanıtı, adres teyidi, melderegister

service-anwohnerparkausweis = Bölge sakini park izni (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Oturduğunuz bölge için bir park izni. Araç sizin adınıza kayıtlı olmalı veya sürekli olarak kullanımınızda olmalıdır.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, park izni, park kartı, sakin park izni, park yeri, park etmek, otopark, araba, araç

service-fuehrungszeugnis = İyi hal belgesi (Führungszeugnis)
service-fuehrungszeugnis-about = Federal Merkez Sicil'den (Bundeszentralregister) bir döküm; örneğin yeni bir iş veya gönüllü çalışma için. Size posta ile gönderilir.
service-fuehrungszeugnis-keywords = führungszeugnis, iyi hal belgesi, sabıka kaydı, sabıka belgesi, adli sicil, adli sicil kaydı, sicil belgesi, polis belgesi

service-personalausweis = Kimlik kartı (Personalausweis)
service-personalausweis-about = Yeni kimlik kartı başvurusu.
service-personalausweis-keywords = personalausweis, ausweis, kimlik, kimlik kartı, alman kimliği, kimlik başvurusu, yeni kimlik, kimliğimi kaybettim, nüfus cüzdanı
service-personalausweis-where = Kimlik kartı başvurusu görüntülü görüşmeyle yapılamaz: Parmak izi ve biyometrik fotoğraf için Vatandaş Hizmetleri Bürosundaki terminal gereklidir. Lütfen şahsen şu adrese gelin: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Pasaport (Reisepass)
service-reisepass-about = Yeni pasaport başvurusu.
service-reisepass-keywords = reisepass, pasaport, passport, pasaport başvurusu, yeni pasaport, alman pasaportu, çocuk pasaportu, kinderreisepass
service-reisepass-where = Pasaport başvurusu görüntülü görüşmeyle yapılamaz: Parmak izi ve biyometrik fotoğraf için Vatandaş Hizmetleri Bürosundaki terminal gereklidir. Lütfen şahsen şu adrese gelin: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Kimlik kartı veya pasaport
doc-id-card-note = geçerli olmalı; pasaportla gelirseniz, varsa oturum belgenizi (Aufenthaltsbescheinigung) de getirin
doc-registration-form = Kayıt formu (Meldeformular)
doc-registration-form-note = doldurulmuş ve imzalanmış olmalı; formu belediyenin internet sitesinde bulabilirsiniz
doc-landlord-confirmation = Ev sahibi onay belgesi (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = ev sahibiniz tarafından imzalanmış olmalı; bu belge olmadan kayıt yapılamaz
doc-deregistration-form = Kayıt silme formu (Abmeldeformular)
doc-deregistration-form-note = doldurulmuş olmalı; taşınacağınız adresi de yazın
doc-vehicle-registration = Araç ruhsatı (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = araç, Heidelberg'deki adresinize kayıtlı olmalı
doc-company-car-confirmation = İşvereninizden onay yazısı
doc-company-car-confirmation-note = yalnızca özel olarak da kullanmanıza izin verilen bir şirket aracı için
doc-biometric-photo = Biyometrik vesikalık fotoğraf
doc-biometric-photo-note = yeni çekilmiş, 35 × 45 mm; Vatandaş Hizmetleri Bürosunda da çekilebilir
doc-old-id-document = Eski kimlik kartınız veya pasaportunuz
doc-old-id-document-note = varsa; kaybolduysa kayıp bildirimi (Verlustanzeige)
doc-power-of-attorney = Vekâletname (Vollmacht)
doc-power-of-attorney-note = sizin tarafınızdan imzalanmış, kimlik kartınız veya fotokopisiyle birlikte
