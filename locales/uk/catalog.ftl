# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Реєстрація місця проживання (Anmeldung)
service-anmeldung-about = Ви переїхали до Гайдельберга й реєструєте нове житло. Це потрібно зробити протягом двох тижнів після заселення.
service-anmeldung-keywords = реєстрація, зареєструватися, реєстрація місця проживання, прописка, прописатися, anmeldung, переїзд до гайдельберга, нова квартира, заселення

service-ummeldung = Зміна адреси в межах Гайдельберга (Ummeldung)
service-ummeldung-about = Ви переїхали в межах Гайдельберга й реєструєте нову адресу.
service-ummeldung-keywords = ummeldung, перереєстрація, зміна адреси, змінити адресу, переїзд у межах міста, переїзд у межах гайдельберга, нова адреса в гайдельберзі

service-abmeldung = Зняття з реєстрації (Abmeldung)
service-abmeldung-about = Ви переїжджаєте за кордон або відмовляєтеся від другого житла.
service-abmeldung-keywords = abmeldung, зняття з реєстрації, знятися з реєстрації, виписатися, виїзд за кордон, переїзд за кордон, виїжджаю з німеччини, відмова від другого житла

service-meldebescheinigung = Довідка про реєстрацію (Meldebescheinigung)
service-meldebescheinigung-about = Довідка про вашу зареєстровану адресу, наприклад для роботодавця, банку чи державної установи. Також можна отримати відомості з реєстру мешканців (Melderegister).
service-meldebescheinigung-keywords = meldebescheinigung, довідка про реєстрацію, довідка про прописку, підтвердження реєстрації, підтвердження адреси, довідка з місця проживання, реєстр мешканців, melderegister

service-anwohnerparkausweis = Дозвіл на паркування для мешканців (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Дозвіл на паркування у вашому житловому районі. Автомобіль має бути зареєстрований на вас або постійно перебувати у вашому розпорядженні.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, дозвіл на паркування, паркувальний дозвіл, паркування, паркування для мешканців, парковка, паркомісце, автомобіль, машина

service-fuehrungszeugnis = Довідка про несудимість (Führungszeugnis)
service-fuehrungszeugnis-about = Витяг із Федерального центрального реєстру (Bundeszentralregister), наприклад для нової роботи чи волонтерства. Її надсилають вам поштою.
service-fuehrungszeugnis-keywords = führungszeugnis, довідка про несудимість, несудимість, судимість, поліцейська довідка, довідка з поліції, перевірка на судимість

service-personalausweis = Посвідчення особи (Personalausweis)
service-personalausweis-about = Оформлення нового посвідчення особи.
service-personalausweis-keywords = personalausweis, ausweis, аусвайс, посвідчення особи, id-картка, id картка, айді картка, нове посвідчення, втрата посвідчення
service-personalausweis-where = Посвідчення особи не можна оформити через відеозв’язок: для відбитків пальців і біометричного фото потрібен термінал у бюро у справах громадян. Будь ласка, приходьте особисто: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Паспорт (Reisepass)
service-reisepass-about = Оформлення нового паспорта.
service-reisepass-keywords = reisepass, паспорт, закордонний паспорт, закордонний, новий паспорт, дитячий паспорт, kinderreisepass, passport
service-reisepass-where = Паспорт не можна оформити через відеозв’язок: для відбитків пальців і біометричного фото потрібен термінал у бюро у справах громадян. Будь ласка, приходьте особисто: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Посвідчення особи або паспорт
doc-id-card-note = документ має бути дійсним; до паспорта також додайте довідку про перебування (Aufenthaltsbescheinigung), якщо вона у вас є
doc-registration-form = Реєстраційний бланк (Meldeformular)
doc-registration-form-note = заповнений і підписаний; його можна знайти на сайті міста
doc-landlord-confirmation = Підтвердження від орендодавця (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = підписане вашим орендодавцем; без нього реєстрація неможлива
doc-deregistration-form = Бланк зняття з реєстрації (Abmeldeformular)
doc-deregistration-form-note = заповнений, із зазначенням вашої майбутньої адреси
doc-vehicle-registration = Свідоцтво про реєстрацію автомобіля (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = автомобіль має бути зареєстрований за вашою адресою в Гайдельберзі
doc-company-car-confirmation = Підтвердження від роботодавця
doc-company-car-confirmation-note = лише для службового автомобіля, яким вам дозволено користуватися й в особистих цілях
doc-biometric-photo = Біометричне фото на паспорт
doc-biometric-photo-note = свіже, 35 × 45 мм; його також можна зробити в бюро у справах громадян
doc-old-id-document = Попереднє посвідчення особи або паспорт
doc-old-id-document-note = якщо є; у разі втрати — заява про втрату (Verlustanzeige)
doc-power-of-attorney = Довіреність (Vollmacht)
doc-power-of-attorney-note = підписана вами, разом із вашим посвідченням особи або його копією
