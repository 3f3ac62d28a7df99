# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Перед розмовою перевірте камеру, мікрофон і звук (це займе 2 хвилини): { $link }
device-check-try = Чи працюють камера й мікрофон, ви можете заздалегідь перевірити тут: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = Під час перевірки техніки щось не спрацювало: { $parts }. Будь ласка, перевірте ще раз, поки чекаєте: { $link }
device-part-camera = камера
device-part-microphone = мікрофон
device-part-speaker = динамік
device-part-connection = з’єднання

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone або iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = браузер у застосунку
device-platform-desktop = комп’ютер
device-platform-other = інший пристрій

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = техніку не перевірено
desk-device-camera-ok = ✓ камера
desk-device-camera-failed = ⚠ немає камери
desk-device-microphone-ok = ✓ мікрофон
desk-device-microphone-failed = ⚠ немає мікрофона
desk-device-speaker-ok = ✓ звук
desk-device-speaker-failed = ⚠ немає звуку
desk-device-connection-ok = ✓ з’єднання
desk-device-connection-failed = ⚠ немає з’єднання

## The page.
check-title = Перевірка техніки перед відеорозмовою
check-intro = За 2 хвилини ми перевіримо камеру, мікрофон і звук. Тоді розмова з працівником пройде без проблем.
# $service, $date, $time: the booked appointment.
check-appointment = Ваш запис: { $service }, { $date }, { $time }
check-privacy = Зображення і звук залишаються на вашому пристрої. Нічого не записується і не надсилається.
check-privacy-saved = Ми зберігаємо лише те, чи спрацювала кожна частина перевірки, і який тип пристрою ви використовуєте. Працівник побачить це разом із вашим записом.
check-expired = Це посилання більше не дійсне: час прийому минув або запис скасовано. Ви все одно можете перевірити свій пристрій тут.
check-permission-note = Зараз браузер запитає, чи може ця сторінка користуватися камерою й мікрофоном. Натисніть «Дозволити».
check-start = Почати перевірку
check-again = Спробувати ще раз
check-noscript = Для перевірки у вашому браузері має бути ввімкнено JavaScript. Увімкніть його або відкрийте сторінку в іншому браузері.

check-camera = Камера
check-microphone = Мікрофон
check-speaker = Динамік
check-connection = З’єднання з відеосервісом
check-camera-preview = Зображення з вашої камери
check-state-waiting = Ще не перевірено.
check-state-running = Перевіряємо …
check-state-ok = Працює.
check-state-failed = Не працює.

check-level-label = Гучність вашого мікрофона
check-level-none = Ми ще нічого не чуємо. Будь ласка, скажіть кілька слів.
check-level-low = Ми чуємо вас тихо. Говоріть трохи голосніше або ближче до пристрою.
check-level-good = Ми добре вас чуємо.

check-speaker-play = Відтворити тестовий звук
check-speaker-question = Ви почули звук?
check-speaker-yes = Так, чути
check-speaker-no = Ні
check-speaker-help = Збільште гучність і вимкніть беззвучний режим. Якщо ви користуєтеся навушниками: чи вони підключені? Потім відтворіть звук ще раз.

check-connection-ok = Відеосервіс доступний.
check-connection-failed = Відеосервіс звідси недоступний. Спробуйте іншу мережу, наприклад Wi-Fi замість мобільного інтернету, або навпаки.
check-connection-unsupported = Цей браузер не підтримує відеорозмови. Будь ласка, відкрийте сторінку в сучасному браузері.

## Why something failed, and what to do.
check-fail-denied = Доступ не дозволено. Ось як його дозволити:
check-fail-missing = Ми не знаходимо на вашому пристрої камери або мікрофона. Скористайтеся смартфоном або підключіть камеру чи гарнітуру.
check-fail-busy = Камерою або мікрофоном зараз користується інший застосунок, наприклад інша відеорозмова. Закрийте цей застосунок і спробуйте ще раз.
check-fail-unsupported = Цей браузер не може надати вебсторінкам доступ до камери й мікрофона. Відкрийте сторінку в Safari (iPhone) або Chrome (Android).
check-fail-silent = Ми нічого не чуємо. Можливо, мікрофон вимкнено? Скажіть кілька слів.
check-steps-title = Як це зробити на вашому пристрої:
check-steps-more = Інструкції для інших пристроїв
check-in-app = Ви відкрили цю сторінку в застосунку, наприклад у Telegram чи Instagram. Там камера часто не працює.
check-copy-link = Посилання, щоб скопіювати:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Торкніться «aA» ліворуч в адресному рядку.
    Торкніться «Параметри вебсайту».
    Для камери й мікрофона оберіть «Дозволити».
    Перезавантажте цю сторінку.
check-steps-android =
    Торкніться значка з повзунками ліворуч від адреси.
    Торкніться «Дозволи».
    Увімкніть камеру й мікрофон.
    Перезавантажте цю сторінку.
check-steps-samsung =
    Торкніться меню з трьома рисками внизу.
    Торкніться «Налаштування», а потім «Сайти та завантаження».
    Торкніться «Дозволи сайтів» і дозвольте цій сторінці доступ до камери й мікрофона.
    Перезавантажте цю сторінку.
check-steps-firefox =
    Торкніться або клацніть значок замка ліворуч в адресному рядку.
    Дозвольте там доступ до камери й мікрофона.
    Перезавантажте цю сторінку.
check-steps-in-app =
    Торкніться меню вгорі праворуч (⋮ або …).
    Оберіть «Відкрити в браузері».
    Почніть перевірку там ще раз.
check-steps-desktop =
    Клацніть значок ліворуч в адресному рядку (замок або камера).
    Дозвольте цій сторінці доступ до камери й мікрофона.
    Перезавантажте цю сторінку.
check-steps-other =
    Відкрийте налаштування свого браузера.
    Дозвольте цій сторінці доступ до камери й мікрофона.
    Перезавантажте цю сторінку.

check-done-ready = Усе готово до вашої відеорозмови. Тепер цю сторінку можна закрити.
check-done-problems = Поки що працює не все. Будь ласка, прочитайте підказки вище.
check-saved = Результат збережено.
check-error-save = Не вдалося зберегти результат. Будь ласка, спробуйте ще раз.
check-error-input = Я не можу прочитати ці дані. Будь ласка, перезавантажте сторінку.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Перевірка техніки для { $reference }: { $result }
