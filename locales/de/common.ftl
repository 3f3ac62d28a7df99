# Common messages: language, menu, help, input hints.
# German is the reference locale: every other locale has exactly these ids.

# The language's own name, shown in the language picker.
lang-name = Deutsch
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = deutsch, german, almanca
pick-language = Bitte wählen Sie Ihre Sprache.
language-changed = Ab jetzt spreche ich Deutsch mit Ihnen.

welcome = Willkommen im virtuellen Bürgeramt! Ich helfe Ihnen, den richtigen Dienst zu finden, zeige Ihnen, welche Unterlagen Sie brauchen, und buche Ihren Termin für das Videogespräch.
welcome-back = Willkommen zurück! Wir machen dort weiter, wo Sie aufgehört haben.
main-menu-prompt = Was möchten Sie tun?

menu-book = Termin buchen
menu-appointments = Meine Termine
menu-checklist = Welche Unterlagen brauche ich?
menu-help = Hilfe
menu-language = Sprache ändern

option-back = Zurück
option-main-menu = Hauptmenü

help-text =
    So funktioniert das virtuelle Bürgeramt:
    • Wählen Sie eine Möglichkeit, indem Sie ihre Nummer schreiben oder auf den Knopf tippen.
    • Sie können auch einfach schreiben, was Sie brauchen, zum Beispiel „anmelden“ oder „Führungszeugnis“.
    • Mit „Menü“ kommen Sie jederzeit zum Anfang zurück, mit „Sprache“ wechseln Sie die Sprache.
    • Das Gespräch mit der Sachbearbeitung findet per Video statt. Sie brauchen nur ein Smartphone mit Browser.

input-empty = Ihre Nachricht war leer.
input-too-long =
    Ihre Nachricht ist zu lang: höchstens { $max ->
        [one] ein Zeichen
       *[other] { $max } Zeichen
    }.
input-unreadable = Diese Nachricht kann ich leider nicht lesen.
input-not-understood = Das habe ich leider nicht verstanden.
input-hint = Bitte wählen Sie eine Nummer aus der Liste oder schreiben Sie ein Stichwort.
option-expired = Diese Auswahl ist nicht mehr gültig. Hier sind die aktuellen Möglichkeiten.
error-temporary = Gerade ist bei uns etwas schiefgegangen. Bitte versuchen Sie es in einem Moment noch einmal.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menü, hauptmenü, start, neustart, anfang, von vorne
keywords-help = hilfe, hilfe bitte, was kann ich tun
keywords-language = sprache, sprache ändern
keywords-back = zurück

# Dates and times in office-local time.
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
# $weekday and $month are the names above; $day is the day of the month.
# Also passed: $year (four digits; German leaves it out, Leichte Sprache writes it)
date-long = { $weekday }, { $day }. { $month }
time-of-day = { $time } Uhr
duration-minutes =
    { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = gebührenfrei

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Bilder, Sprachnachrichten, Sticker und Dateien kann ich leider nicht lesen. Bitte schreiben Sie mir.
input-edited = Geänderte Nachrichten lese ich nicht. Bitte schicken Sie eine neue Nachricht.
input-undecryptable = Ihre letzte Nachricht konnte ich nicht entschlüsseln. Bitte schicken Sie sie noch einmal.
command-unknown = Diesen Befehl kenne ich nicht. Es gibt /start, /language, /help, /cancel, /appointments, /privacy, /mydata und /forget.
private-only = Ich arbeite nur im privaten Chat. Bitte schreiben Sie mir direkt.
command-start = Neu beginnen
command-language = Sprache ändern
command-help = Hilfe
command-cancel = Abbrechen und zum Hauptmenü
command-appointments = Meine Termine
option-join-video = Zum Videogespräch
mydata-file = Ihre Daten als Datei (JSON):
