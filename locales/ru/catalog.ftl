# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = Регистрация по месту жительства (Anmeldung)
service-anmeldung-about = Вы переехали в Гейдельберг и регистрируете новое жильё. Это нужно сделать в течение двух недель после заселения.
service-anmeldung-keywords = регистрация, регистрация по месту жительства, зарегистрироваться, прописка, прописаться, anmeldung, переезд в гейдельберг, новая квартира, заселение

service-ummeldung = Смена адреса в Гейдельберге (Ummeldung)
service-ummeldung-about = Вы переехали в пределах Гейдельберга и регистрируете новый адрес.
service-ummeldung-keywords = ummeldung, перерегистрация, смена адреса, изменение адреса, сменить адрес, переезд внутри города, переезд в пределах гейдельберга

service-abmeldung = Снятие с регистрации (Abmeldung)
service-abmeldung-about = Вы уезжаете за границу или отказываетесь от второго жилья.
service-abmeldung-keywords = abmeldung, снятие с регистрации, сняться с регистрации, выписаться, выезд за границу, переезд за границу, уезжаю из германии, отказ от второго жилья

service-meldebescheinigung = Справка о регистрации (Meldebescheinigung)
service-meldebescheinigung-about = Справка о Вашем зарегистрированном адресе, например для работодателя, банка или госучреждения. Также можно получить сведения из реестра жителей (Melderegister).
service-meldebescheinigung-keywords = meldebescheinigung, справка о регистрации, справка о прописке, подтверждение регистрации, подтверждение адреса, справка с места жительства, реестр жителей, melderegister

service-anwohnerparkausweis = Парковочное разрешение для жителей (Anwohnerparkausweis)
service-anwohnerparkausweis-about = Разрешение на парковку в Вашем жилом районе. Автомобиль должен быть зарегистрирован на Вас или постоянно находиться в Вашем распоряжении.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, парковочное разрешение, разрешение на парковку, парковка, парковка для жителей, парковочная карта, парковочное место, машина, автомобиль

service-fuehrungszeugnis = Справка о несудимости (Führungszeugnis)
service-fuehrungszeugnis-about = Выписка из Федерального центрального реестра (Bundeszentralregister), например для новой работы или волонтёрской деятельности. Её присылают Вам по почте.
service-fuehrungszeugnis-keywords = führungszeugnis, справка о несудимости, несудимость, судимость, полицейская справка, справка из полиции, проверка на судимость

service-personalausweis = Удостоверение личности (Personalausweis)
service-personalausweis-about = Оформление нового удостоверения личности.
service-personalausweis-keywords = personalausweis, ausweis, аусвайс, удостоверение личности, id карта, id-карта, айди карта, новое удостоверение, потеря удостоверения
service-personalausweis-where = Удостоверение личности нельзя оформить по видеосвязи: для отпечатков пальцев и биометрического фото нужен терминал в бюро по делам граждан. Пожалуйста, приходите лично: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = Паспорт (Reisepass)
service-reisepass-about = Оформление нового паспорта.
service-reisepass-keywords = reisepass, паспорт, загранпаспорт, заграничный паспорт, новый паспорт, детский паспорт, kinderreisepass, passport
service-reisepass-where = Паспорт нельзя оформить по видеосвязи: для отпечатков пальцев и биометрического фото нужен терминал в бюро по делам граждан. Пожалуйста, приходите лично: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = Удостоверение личности или паспорт
doc-id-card-note = документ должен быть действительным; к паспорту также приложите справку о пребывании (Aufenthaltsbescheinigung), если она у Вас есть
doc-registration-form = Бланк регистрации (Meldeformular)
doc-registration-form-note = заполненный и подписанный; его можно найти на сайте города
doc-landlord-confirmation = Подтверждение арендодателя (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = подписанное Вашим арендодателем; без него регистрация невозможна
doc-deregistration-form = Бланк снятия с регистрации (Abmeldeformular)
doc-deregistration-form-note = заполненный, с указанием Вашего будущего адреса
doc-vehicle-registration = Свидетельство о регистрации автомобиля (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = автомобиль должен быть зарегистрирован по Вашему адресу в Гейдельберге
doc-company-car-confirmation = Подтверждение от работодателя
doc-company-car-confirmation-note = только для служебного автомобиля, которым Вам разрешено пользоваться и в личных целях
doc-biometric-photo = Биометрическое фото на паспорт
doc-biometric-photo-note = свежее, 35 × 45 мм; его также можно сделать в бюро по делам граждан
doc-old-id-document = Прежнее удостоверение личности или паспорт
doc-old-id-document-note = если есть; при утере — заявление об утере (Verlustanzeige)
doc-power-of-attorney = Доверенность (Vollmacht)
doc-power-of-attorney-note = подписанная вами, вместе с вашим удостоверением личности или его копией
