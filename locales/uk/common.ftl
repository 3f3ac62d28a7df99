# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Українська
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = українська, українською, ukrainian, ukrainisch
pick-language = Будь ласка, оберіть мову.
language-changed = Відтепер я спілкуватимуся з вами українською.

welcome = Ласкаво просимо до віртуального бюро у справах громадян (Bürgeramt)! Я допоможу вам знайти потрібну послугу, покажу, які документи знадобляться, і запишу вас на відеоприйом.
welcome-back = З поверненням! Продовжимо з того місця, де ви зупинилися.
main-menu-prompt = Що ви хочете зробити?

menu-book = Записатися на прийом
menu-appointments = Мої записи
menu-checklist = Які документи потрібні?
menu-help = Допомога
menu-language = Змінити мову

option-back = Назад
option-main-menu = Головне меню

help-text =
    Як працює віртуальне бюро у справах громадян:
    • Оберіть варіант: напишіть його номер або натисніть кнопку.
    • Можна просто написати, що вам потрібно, наприклад «реєстрація» або «довідка про несудимість».
    • Напишіть «меню», щоб будь-коли повернутися на початок, або «мова», щоб змінити мову.
    • Розмова з працівником відбувається через відеозв’язок. Вам потрібен лише смартфон із браузером.

input-empty = Ваше повідомлення порожнє.
input-too-long =
    Ваше повідомлення задовге. Максимум { $max ->
        [one] { $max } символ
        [few] { $max } символи
        [many] { $max } символів
       *[other] { $max } символу
    }.
input-unreadable = На жаль, я не можу прочитати це повідомлення.
input-not-understood = На жаль, мені не вдалося вас зрозуміти.
input-hint = Будь ласка, оберіть номер зі списку або напишіть ключове слово.
option-expired = Цей варіант уже недійсний. Ось актуальні варіанти.
error-temporary = У нас сталася помилка. Будь ласка, спробуйте ще раз трохи згодом.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = меню, головне меню, старт, початок, спочатку, заново, на початок
keywords-help = допомога, допоможіть, що я можу зробити, як це працює
keywords-language = мова, змінити мову, вибрати мову, обрати мову
keywords-back = назад, повернутися

# Dates and times in office-local time.
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = п’ятниця
weekday-6 = субота
weekday-7 = неділя
# Month names in the genitive case, as used in dates ("5 січня").
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday }, { $day } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] { $minutes } хвилина
        [few] { $minutes } хвилини
        [many] { $minutes } хвилин
       *[other] { $minutes } хвилини
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = безкоштовно

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = На жаль, я не можу читати зображення, голосові повідомлення, стікери й файли. Будь ласка, напишіть мені.
input-edited = Я не читаю відредаговані повідомлення. Будь ласка, надішліть нове повідомлення.
input-undecryptable = Мені не вдалося розшифрувати ваше останнє повідомлення. Будь ласка, надішліть його ще раз.
command-unknown = Я не знаю такої команди. Доступні команди: /start, /language, /help, /cancel, /appointments, /privacy, /mydata і /forget.
private-only = Я працюю лише в особистому чаті. Будь ласка, напишіть мені напряму.
command-start = Почати спочатку
command-language = Змінити мову
command-help = Допомога
command-cancel = Скасувати й повернутися в головне меню
command-appointments = Мої записи
option-join-video = Перейти до відеорозмови
mydata-file = Ваші дані у файлі (JSON):
