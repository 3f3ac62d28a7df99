# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated (ASCII comma); the bot also understands them with typos and without accents.

service-anmeldung = تسجيل السكن (Anmeldung)
service-anmeldung-about = انتقلتم إلى هايدلبرغ وتريدون تسجيل مسكنكم الجديد. يجب القيام بذلك خلال أسبوعين من الانتقال إليه.
service-anmeldung-keywords = تسجيل, تسجيل السكن, تسجيل العنوان, تسجيل الإقامة, anmeldung, انملدونغ, سكن جديد, شقة جديدة, انتقلت إلى هايدلبرغ

service-ummeldung = تغيير العنوان داخل هايدلبرغ (Ummeldung)
service-ummeldung-about = انتقلتم إلى مسكن آخر داخل هايدلبرغ وتريدون تسجيل عنوانكم الجديد.
service-ummeldung-keywords = ummeldung, اوملدونغ, تغيير العنوان, تعديل العنوان, تغيير السكن, الانتقال داخل المدينة, انتقال داخل هايدلبرغ, عنوان جديد في هايدلبرغ

service-abmeldung = إلغاء تسجيل السكن (Abmeldung)
service-abmeldung-about = ستنتقلون إلى الخارج أو تتخلّون عن مسكن ثانوي.
service-abmeldung-keywords = abmeldung, ابملدونغ, إلغاء التسجيل, إلغاء تسجيل السكن, شطب القيد, الانتقال إلى الخارج, السفر إلى الخارج, مغادرة ألمانيا, ترك المسكن الثانوي

service-meldebescheinigung = شهادة السكن (Meldebescheinigung)
service-meldebescheinigung-about = شهادة تثبت عنوانكم المسجَّل، مثلًا لصاحب العمل أو البنك أو إحدى الجهات الرسمية. ويمكن أيضًا الحصول على معلومات من سجل السكان (Melderegister).
service-meldebescheinigung-keywords = meldebescheinigung, شهادة السكن, إثبات السكن, إثبات العنوان, إفادة سكن, ورقة السكن, سجل السكان, melderegister

service-anwohnerparkausweis = تصريح وقوف السيارات للسكان (Anwohnerparkausweis)
service-anwohnerparkausweis-about = تصريح لركن السيارة في منطقة سكنكم. يجب أن تكون السيارة مسجلة باسمكم أو متاحة لكم بشكل دائم.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, تصريح وقوف, تصريح ركن, وقوف السيارات, ركن السيارة, موقف سيارات, بطاقة الموقف, باركن, سيارة

service-fuehrungszeugnis = شهادة حسن السيرة والسلوك (Führungszeugnis)
service-fuehrungszeugnis-about = مستخرج من السجل المركزي الاتحادي (Bundeszentralregister)، مثلًا لعمل جديد أو لعمل تطوعي. يُرسَل إليكم بالبريد.
service-fuehrungszeugnis-keywords = führungszeugnis, شهادة حسن السيرة والسلوك, حسن السيرة والسلوك, حسن سيرة وسلوك, لا حكم عليه, عدم محكومية, السجل الجنائي, صحيفة الحالة الجنائية, سجل عدلي

service-personalausweis = بطاقة الهوية الشخصية (Personalausweis)
service-personalausweis-about = تقديم طلب للحصول على بطاقة هوية شخصية جديدة.
service-personalausweis-keywords = personalausweis, ausweis, اوسفايس, بطاقة الهوية, الهوية, هوية شخصية, بطاقة شخصية, هوية جديدة, فقدت الهوية
service-personalausweis-where = لا يمكن تقديم طلب بطاقة الهوية الشخصية عبر الفيديو، لأن أخذ بصمات الأصابع والصورة البيومترية يتطلب الجهاز الموجود في مكتب خدمات المواطنين. يُرجى الحضور شخصيًا إلى: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = جواز السفر (Reisepass)
service-reisepass-about = تقديم طلب للحصول على جواز سفر جديد.
service-reisepass-keywords = reisepass, passport, جواز السفر, جواز سفر, جواز, باسبور, جواز سفر جديد, جواز سفر للأطفال
service-reisepass-where = لا يمكن تقديم طلب جواز السفر عبر الفيديو، لأن أخذ بصمات الأصابع والصورة البيومترية يتطلب الجهاز الموجود في مكتب خدمات المواطنين. يُرجى الحضور شخصيًا إلى: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = بطاقة الهوية أو جواز السفر
doc-id-card-note = ساري المفعول؛ ومع جواز السفر يُرجى إحضار وثيقة الإقامة (Aufenthaltsbescheinigung) أيضًا إن وُجدت
doc-registration-form = استمارة التسجيل (Meldeformular)
doc-registration-form-note = معبّأة وموقّعة؛ تجدونها على الموقع الإلكتروني للمدينة
doc-landlord-confirmation = تأكيد المؤجِّر (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = موقّع من المؤجِّر؛ لا يمكن تسجيل السكن بدونه
doc-deregistration-form = استمارة إلغاء التسجيل (Abmeldeformular)
doc-deregistration-form-note = معبّأة، مع عنوانكم المستقبلي
doc-vehicle-registration = شهادة تسجيل المركبة، الجزء الأول (Zulassungsbescheinigung Teil I, Fahrzeugschein)
doc-vehicle-registration-note = يجب أن تكون المركبة مسجلة على عنوانكم في هايدلبرغ
doc-company-car-confirmation = تأكيد من صاحب العمل
doc-company-car-confirmation-note = فقط في حالة سيارة الشركة التي يُسمح لكم باستخدامها لأغراض شخصية أيضًا
doc-biometric-photo = صورة بيومترية لجواز السفر
doc-biometric-photo-note = حديثة، بمقاس 35 × 45 مم؛ ويمكن التقاطها أيضًا في مكتب خدمات المواطنين
doc-old-id-document = بطاقة الهوية أو جواز السفر السابق
doc-old-id-document-note = إن وُجد؛ وفي حال فقدانه، محضر الإبلاغ عن الفقدان (Verlustanzeige)
doc-power-of-attorney = توكيل (Vollmacht)
doc-power-of-attorney-note = موقّع منك، مع بطاقة هويتك أو نسخة منها
