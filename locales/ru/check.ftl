# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Перед разговором проверьте камеру, микрофон и звук (это займёт 2 минуты): { $link }
device-check-try = Работают ли камера и микрофон, Вы можете заранее проверить здесь: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = При проверке техники что-то не сработало: { $parts }. Пожалуйста, проверьте ещё раз, пока ждёте: { $link }
device-part-camera = камера
device-part-microphone = микрофон
device-part-speaker = динамик
device-part-connection = соединение

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone или iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = браузер в приложении
device-platform-desktop = компьютер
device-platform-other = другое устройство

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = техника не проверена
desk-device-camera-ok = ✓ камера
desk-device-camera-failed = ⚠ нет камеры
desk-device-microphone-ok = ✓ микрофон
desk-device-microphone-failed = ⚠ нет микрофона
desk-device-speaker-ok = ✓ звук
desk-device-speaker-failed = ⚠ нет звука
desk-device-connection-ok = ✓ соединение
desk-device-connection-failed = ⚠ нет соединения

## The page.
check-title = Проверка техники перед видеоразговором
check-intro = За 2 минуты мы проверим камеру, микрофон и звук. Тогда разговор с сотрудником пройдёт без проблем.
# $service, $date, $time: the booked appointment.
check-appointment = Ваша запись: { $service }, { $date }, { $time }
check-privacy = Изображение и звук остаются на Вашем устройстве. Ничего не записывается и не отправляется.
check-privacy-saved = Мы сохраняем только то, сработала ли каждая часть проверки, и какой тип устройства Вы используете. Сотрудник увидит это вместе с Вашей записью.
check-expired = Эта ссылка больше не действует: время приёма прошло или запись отменена. Вы всё равно можете проверить здесь своё устройство.
check-permission-note = Сейчас браузер спросит, можно ли этой странице использовать камеру и микрофон. Нажмите «Разрешить».
check-start = Начать проверку
check-again = Попробовать ещё раз
check-noscript = Для проверки в Вашем браузере должен быть включён JavaScript. Включите его или откройте страницу в другом браузере.

check-camera = Камера
check-microphone = Микрофон
check-speaker = Динамик
check-connection = Соединение с видеосервисом
check-camera-preview = Изображение с Вашей камеры
check-state-waiting = Ещё не проверено.
check-state-running = Проверяем …
check-state-ok = Работает.
check-state-failed = Не работает.

check-level-label = Громкость Вашего микрофона
check-level-none = Мы пока ничего не слышим. Пожалуйста, скажите несколько слов.
check-level-low = Мы слышим Вас тихо. Говорите немного громче или ближе к устройству.
check-level-good = Мы хорошо Вас слышим.

check-speaker-play = Воспроизвести тестовый звук
check-speaker-question = Вы услышали звук?
check-speaker-yes = Да, слышно
check-speaker-no = Нет
check-speaker-help = Увеличьте громкость и выключите беззвучный режим. Если Вы пользуетесь наушниками: они подключены? Затем воспроизведите звук ещё раз.

check-connection-ok = Видеосервис доступен.
check-connection-failed = Видеосервис отсюда недоступен. Попробуйте другую сеть, например Wi-Fi вместо мобильного интернета, или наоборот.
check-connection-unsupported = Этот браузер не поддерживает видеоразговоры. Пожалуйста, откройте страницу в современном браузере.

## Why something failed, and what to do.
check-fail-denied = Доступ не разрешён. Вот как его разрешить:
check-fail-missing = Мы не находим на Вашем устройстве камеру или микрофон. Воспользуйтесь смартфоном или подключите камеру или гарнитуру.
check-fail-busy = Камерой или микрофоном сейчас пользуется другое приложение, например другой видеозвонок. Закройте это приложение и попробуйте ещё раз.
check-fail-unsupported = Этот браузер не может предоставить веб-страницам доступ к камере и микрофону. Откройте страницу в Safari (iPhone) или Chrome (Android).
check-fail-silent = Мы ничего не слышим. Может быть, микрофон выключен? Скажите несколько слов.
check-steps-title = Как это сделать на Вашем устройстве:
check-steps-more = Инструкции для других устройств
check-in-app = Вы открыли эту страницу в приложении, например в Telegram или Instagram. Там камера часто не работает.
check-copy-link = Ссылка для копирования:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Нажмите «aA» слева в адресной строке.
    Нажмите «Настройки веб-сайта».
    Для камеры и микрофона выберите «Разрешить».
    Перезагрузите эту страницу.
check-steps-android =
    Нажмите на значок с ползунками слева от адреса.
    Нажмите «Разрешения».
    Включите камеру и микрофон.
    Перезагрузите эту страницу.
check-steps-samsung =
    Нажмите на меню с тремя полосками внизу.
    Нажмите «Настройки», а затем «Сайты и загрузки».
    Нажмите «Разрешения сайтов» и разрешите этой странице доступ к камере и микрофону.
    Перезагрузите эту страницу.
check-steps-firefox =
    Нажмите или щёлкните на значок замка слева в адресной строке.
    Разрешите там доступ к камере и микрофону.
    Перезагрузите эту страницу.
check-steps-in-app =
    Нажмите на меню вверху справа (⋮ или …).
    Выберите «Открыть в браузере».
    Запустите проверку там ещё раз.
check-steps-desktop =
    Щёлкните на значок слева в адресной строке (замок или камера).
    Разрешите этой странице доступ к камере и микрофону.
    Перезагрузите эту страницу.
check-steps-other =
    Откройте настройки своего браузера.
    Разрешите этой странице доступ к камере и микрофону.
    Перезагрузите эту страницу.

check-done-ready = Всё готово к Вашему видеоразговору. Теперь эту страницу можно закрыть.
check-done-problems = Пока работает не всё. Пожалуйста, прочитайте подсказки выше.
check-saved = Результат сохранён.
check-error-save = Не удалось сохранить результат. Пожалуйста, попробуйте ещё раз.
check-error-input = Я не могу прочитать эти данные. Пожалуйста, перезагрузите страницу.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Проверка техники для { $reference }: { $result }
