# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Polski
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = polski, po polsku, polish, polnisch
pick-language = Wybierz język.
language-changed = Od teraz rozmawiam z Tobą po polsku.

welcome = Witamy w wirtualnym biurze obsługi mieszkańców (Bürgeramt)! Pomogę Ci znaleźć właściwą usługę, pokażę, jakie dokumenty są potrzebne, i zarezerwuję wizytę w formie rozmowy wideo.
welcome-back = Witamy ponownie! Kontynuujemy od miejsca, w którym skończyliśmy.
main-menu-prompt = Co chcesz zrobić?

menu-book = Umów wizytę
menu-appointments = Moje wizyty
menu-checklist = Jakie dokumenty są potrzebne?
menu-help = Pomoc
menu-language = Zmień język

option-back = Wstecz
option-main-menu = Menu główne

help-text =
    Jak działa wirtualne biuro obsługi mieszkańców:
    • Wybierz opcję, wpisując jej numer lub dotykając przycisku.
    • Możesz też po prostu napisać, czego potrzebujesz, np. „zameldowanie” albo „zaświadczenie o niekaralności”.
    • Wpisz „menu”, aby w każdej chwili wrócić do początku, lub „język”, aby zmienić język.
    • Rozmowa z urzędnikiem odbywa się przez wideo. Wystarczy smartfon z przeglądarką.

input-empty = Twoja wiadomość jest pusta.
input-too-long =
    Twoja wiadomość jest za długa: maksymalnie { $max ->
        [one] jeden znak
        [few] { $max } znaki
        [many] { $max } znaków
       *[other] { $max } znaku
    }.
input-unreadable = Niestety nie mogę odczytać tej wiadomości.
input-not-understood = Niestety tego nie rozumiem.
input-hint = Wybierz numer z listy lub wpisz słowo kluczowe.
option-expired = Ten wybór jest już nieaktualny. Oto aktualne opcje.
error-temporary = Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menu, menu główne, start, od nowa, zacznij od nowa, początek, restart, powrót do menu
keywords-help = pomoc, pomocy, pomóż, potrzebuję pomocy, co mogę zrobić, jak to działa
keywords-language = język, jezyk, zmień język, zmiana języka, wybór języka
keywords-back = wstecz, cofnij, powrót, wróć

# Dates and times in office-local time.
weekday-1 = poniedziałek
weekday-2 = wtorek
weekday-3 = środa
weekday-4 = czwartek
weekday-5 = piątek
weekday-6 = sobota
weekday-7 = niedziela
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday }, { $day } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] jedna minuta
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = bezpłatnie

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Niestety nie odczytuję zdjęć, wiadomości głosowych, naklejek ani plików. Napisz do mnie, proszę.
input-edited = Nie odczytuję edytowanych wiadomości. Wyślij, proszę, nową wiadomość.
input-undecryptable = Nie udało mi się odszyfrować Twojej ostatniej wiadomości. Wyślij ją, proszę, jeszcze raz.
command-unknown = Nie znam tego polecenia. Dostępne są: /start, /language, /help, /cancel, /appointments, /privacy, /mydata i /forget.
private-only = Działam tylko w czacie prywatnym. Napisz, proszę, bezpośrednio do mnie.
command-start = Zacznij od nowa
command-language = Zmień język
command-help = Pomoc
command-cancel = Anuluj i wróć do menu głównego
command-appointments = Moje wizyty
option-join-video = Dołącz do rozmowy wideo
mydata-file = Twoje dane w pliku (JSON):
