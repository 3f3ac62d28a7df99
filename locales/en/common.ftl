# Common messages: language, menu, help, input hints.

lang-name = English
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = english, englisch, inglés, anglais
pick-language = Please choose your language.
language-changed = From now on I will speak English with you.

welcome = Welcome to the virtual citizens' office! I will help you find the right service, show you which documents you need and book your video appointment.
welcome-back = Welcome back! Let's continue where you left off.
main-menu-prompt = What would you like to do?

menu-book = Book an appointment
menu-appointments = My appointments
menu-checklist = What do I need to bring?
menu-help = Help
menu-language = Change language

option-back = Back
option-main-menu = Main menu

help-text =
    How the virtual citizens' office works:
    • Choose an option by typing its number or tapping its button.
    • You can also just write what you need, for example “register” or “certificate of good conduct”.
    • Type “menu” at any time to start over, or “language” to change the language.
    • You will talk to a clerk by video. All you need is a smartphone with a web browser.

input-empty = Your message was empty.
input-too-long =
    Your message is too long: at most { $max ->
        [one] one character
       *[other] { $max } characters
    }.
input-unreadable = Sorry, I cannot read this message.
input-not-understood = Sorry, I did not understand that.
input-hint = Please choose a number from the list or type a keyword.
option-expired = This choice is no longer valid. Here are the current options.
error-temporary = Something went wrong on our side. Please try again in a moment.

keywords-menu = menu, main menu, start, restart, start over, home
keywords-help = help, help me, what can i do
keywords-language = language, change language
keywords-back = back

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $weekday }, { $day } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }
fee-amount = €{ $amount }
fee-none = free of charge

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Sorry, I cannot read pictures, voice messages, stickers or files. Please write to me.
input-edited = I do not read edited messages. Please send a new message.
input-undecryptable = I could not decrypt your last message. Please send it again.
command-unknown = I do not know this command. There are /start, /language, /help, /cancel, /appointments, /privacy, /mydata and /forget.
private-only = I only work in a private chat. Please write to me directly.
command-start = Start over
command-language = Change language
command-help = Help
command-cancel = Cancel and go to the main menu
command-appointments = My appointments
option-join-video = Join the video call
mydata-file = Your data as a file (JSON):
