# The service catalogue (deploy/catalog.toml): names, short descriptions, keywords, documents.
# Keywords are comma-separated; the bot also understands them with typos and without accents.

service-anmeldung = ثبت نشانی محل سکونت (Anmeldung)
service-anmeldung-about = به هایدلبرگ نقل مکان کرده‌اید و می‌خواهید محل سکونت جدید خود را ثبت کنید. این کار باید ظرف دو هفته پس از اسباب‌کشی انجام شود.
service-anmeldung-keywords = anmeldung, anmelden, انملدونگ, ثبت نشانی, ثبت آدرس, ثبت محل سکونت, ثبت سکونت, ثبت اقامتگاه, خانه جدید, آپارتمان جدید, نقل مکان به هایدلبرگ, آمدن به هایدلبرگ, محل سکونت اصلی, محل سکونت دوم

service-ummeldung = تغییر نشانی در داخل هایدلبرگ (Ummeldung)
service-ummeldung-about = در داخل هایدلبرگ اسباب‌کشی کرده‌اید و می‌خواهید نشانی جدید خود را ثبت کنید.
service-ummeldung-keywords = ummeldung, ummelden, اوملدونگ, تغییر نشانی, تغییر آدرس, عوض کردن آدرس, نشانی جدید, آدرس جدید, اسباب‌کشی, اسبابکشی, جابه‌جایی, جابجایی, نقل مکان

service-abmeldung = لغو ثبت نشانی (Abmeldung)
service-abmeldung-about = به خارج از کشور نقل مکان می‌کنید یا محل سکونت دوم خود را واگذار می‌کنید.
service-abmeldung-keywords = abmeldung, abmelden, آبملدونگ, لغو ثبت نشانی, لغو ثبت آدرس, ابطال ثبت نشانی, خروج از آلمان, ترک آلمان, رفتن به خارج, خارج از کشور, مهاجرت, واگذاری محل سکونت دوم

service-meldebescheinigung = گواهی ثبت نشانی (Meldebescheinigung)
service-meldebescheinigung-about = گواهی نشانی ثبت‌شده شما، مثلاً برای کارفرما، بانک یا یک اداره. همچنین استعلام از دفتر ثبت ساکنان (Melderegister).
service-meldebescheinigung-keywords = meldebescheinigung, گواهی ثبت نشانی, گواهی سکونت, گواهی محل سکونت, گواهی آدرس, تأییدیه آدرس, گواهی, استعلام, استعلام نشانی, دفتر ثبت ساکنان, melderegister

service-anwohnerparkausweis = مجوز پارک ساکنان (Anwohnerparkausweis)
service-anwohnerparkausweis-about = مجوز پارک خودرو در محله محل سکونت شما. خودرو باید به نام شما ثبت شده باشد یا به‌طور دائم در اختیار شما باشد.
service-anwohnerparkausweis-keywords = anwohnerparkausweis, مجوز پارک, کارت پارک, پارک ساکنان, مجوز پارکینگ, پارکینگ, پارک کردن, جای پارک, ماشین, خودرو, اتومبیل

service-fuehrungszeugnis = گواهی عدم سوءپیشینه (Führungszeugnis)
service-fuehrungszeugnis-about = گزیده‌ای از دفتر ثبت مرکزی فدرال (Bundeszentralregister)، مثلاً برای شغل جدید یا کار داوطلبانه. این گواهی از طریق پست برایتان فرستاده می‌شود.
service-fuehrungszeugnis-keywords = führungszeugnis, گواهی عدم سوءپیشینه, عدم سوءپیشینه, عدم سوء پیشینه, سوءپیشینه, سوء پیشینه, سو پیشینه, سوپیشینه, سابقه کیفری, سوابق کیفری, پیشینه کیفری, bundeszentralregister

service-personalausweis = کارت شناسایی (Personalausweis)
service-personalausweis-about = درخواست کارت شناسایی جدید آلمانی.
service-personalausweis-keywords = personalausweis, ausweis, perso, آوسوایس, کارت شناسایی, کارت هویت, کارت ملی, کارت شناسایی جدید, کارت شناسایی گم شده, گم شدن کارت شناسایی
service-personalausweis-where = کارت شناسایی را نمی‌توان از طریق تماس تصویری درخواست کرد: اثر انگشت و عکس بیومتریک شما با دستگاه ویژه دفتر خدمات شهروندی (Bürgeramt) گرفته می‌شود. لطفاً شخصاً به این نشانی مراجعه کنید: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

service-reisepass = گذرنامه (Reisepass)
service-reisepass-about = درخواست گذرنامه جدید آلمانی.
service-reisepass-keywords = reisepass, passport, پاسپورت, گذرنامه, گذرنامه جدید, پاسپورت جدید, درخواست گذرنامه, گذرنامه کودک, پاسپورت بچه, پاسپورت گم شده
service-reisepass-where = گذرنامه را نمی‌توان از طریق تماس تصویری درخواست کرد: اثر انگشت و عکس بیومتریک شما با دستگاه ویژه دفتر خدمات شهروندی (Bürgeramt) گرفته می‌شود. لطفاً شخصاً به این نشانی مراجعه کنید: Bürgeramt Mitte, Bergheimer Straße 69, 69115 Heidelberg.

doc-id-card = کارت شناسایی یا گذرنامه
doc-id-card-note = معتبر؛ اگر گذرنامه می‌آورید، مدرک اقامت (Aufenthaltsbescheinigung) را هم در صورت داشتن همراه بیاورید
doc-registration-form = فرم ثبت نشانی (Meldeformular)
doc-registration-form-note = تکمیل‌شده و امضاشده؛ آن را در وب‌سایت شهر پیدا می‌کنید
doc-landlord-confirmation = تأییدیه صاحب‌خانه (Wohnungsgeberbestätigung)
doc-landlord-confirmation-note = با امضای صاحب‌خانه؛ بدون آن ثبت نشانی ممکن نیست
doc-deregistration-form = فرم لغو ثبت نشانی (Abmeldeformular)
doc-deregistration-form-note = تکمیل‌شده، همراه با نشانی آینده شما
doc-vehicle-registration = گواهی ثبت خودرو، بخش ۱ (Zulassungsbescheinigung Teil I، Fahrzeugschein)
doc-vehicle-registration-note = خودرو باید به نشانی شما در هایدلبرگ ثبت شده باشد
doc-company-car-confirmation = تأییدیه کارفرما
doc-company-car-confirmation-note = فقط برای خودروی شرکتی که اجازه استفاده شخصی از آن را هم دارید
doc-biometric-photo = عکس بیومتریک پاسپورتی
doc-biometric-photo-note = جدید، ۳۵ × ۴۵ میلی‌متر؛ می‌توان آن را در دفتر خدمات شهروندی هم گرفت
doc-old-id-document = کارت شناسایی یا گذرنامه قبلی
doc-old-id-document-note = در صورت داشتن؛ در صورت مفقود شدن، گواهی اعلام مفقودی
doc-power-of-attorney = وکالت‌نامه (Vollmacht)
doc-power-of-attorney-note = امضاشده توسط شما، همراه با کارت شناسایی شما یا رونوشت آن
