# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Русский
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = русский, по-русски, russian, russisch
pick-language = Пожалуйста, выберите язык.
language-changed = Теперь я буду говорить с Вами по-русски.

welcome = Добро пожаловать в виртуальное бюро по делам граждан (Bürgeramt)! Я помогу Вам найти нужную услугу, покажу, какие документы понадобятся, и запишу Вас на видеоприём.
welcome-back = С возвращением! Продолжим с того места, где Вы остановились.
main-menu-prompt = Что Вы хотите сделать?

menu-book = Записаться на приём
menu-appointments = Мои записи
menu-checklist = Какие документы нужны?
menu-help = Помощь
menu-language = Сменить язык

option-back = Назад
option-main-menu = Главное меню

help-text =
    Как работает виртуальное бюро по делам граждан:
    • Выберите вариант: напишите его номер или нажмите на кнопку.
    • Можно просто написать, что Вам нужно, например «регистрация» или «справка о несудимости».
    • Напишите «меню», чтобы в любой момент вернуться в начало, или «язык», чтобы сменить язык.
    • Разговор с сотрудником проходит по видеосвязи. Вам нужен только смартфон с браузером.

input-empty = Ваше сообщение пустое.
input-too-long =
    Ваше сообщение слишком длинное. Допускается не более { $max ->
        [one] { $max } символа
        [few] { $max } символов
        [many] { $max } символов
       *[other] { $max } символа
    }.
input-unreadable = К сожалению, я не могу прочитать это сообщение.
input-not-understood = К сожалению, мне не удалось Вас понять.
input-hint = Пожалуйста, выберите номер из списка или напишите ключевое слово.
option-expired = Этот вариант больше не действует. Вот актуальные варианты.
error-temporary = У нас произошла ошибка. Пожалуйста, попробуйте ещё раз чуть позже.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = меню, главное меню, старт, начало, сначала, заново, в начало, начать сначала
keywords-help = помощь, помогите, что я могу сделать, как это работает
keywords-language = язык, сменить язык, изменить язык, выбрать язык
keywords-back = назад, вернуться

# Dates and times in office-local time.
weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье
# Month names in the genitive case, as used in dates ("5 января").
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday }, { $day } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = бесплатно

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = К сожалению, я не могу читать изображения, голосовые сообщения, стикеры и файлы. Пожалуйста, напишите мне.
input-edited = Я не читаю отредактированные сообщения. Пожалуйста, отправьте новое сообщение.
input-undecryptable = Мне не удалось расшифровать ваше последнее сообщение. Пожалуйста, отправьте его ещё раз.
command-unknown = Я не знаю такой команды. Доступные команды: /start, /language, /help, /cancel, /appointments, /privacy, /mydata и /forget.
private-only = Я работаю только в личном чате. Пожалуйста, напишите мне напрямую.
command-start = Начать сначала
command-language = Сменить язык
command-help = Помощь
command-cancel = Отменить и вернуться в главное меню
command-appointments = Мои записи
option-join-video = Перейти к видеоразговору
mydata-file = Ваши данные в файле (JSON):
