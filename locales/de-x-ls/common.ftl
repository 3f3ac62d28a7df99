# Common messages: language, menu, help, input hints.
# German is the reference locale: every other locale has exactly these ids.

# The language's own name, shown in the language picker.
lang-name = Deutsch – Leichte Sprache
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = leichte sprache, einfache sprache, einfach, leicht, einfaches deutsch, leichtes deutsch, easy german
pick-language = Bitte wählen Sie Ihre Sprache.
language-changed = Ab jetzt schreibe ich in Leichter Sprache mit Ihnen.

welcome =
    Willkommen im Bürger-Amt im Internet!
    Das Bürger-Amt ist ein Amt von der Stadt.
    Ich helfe Ihnen.
    Wir finden zusammen den richtigen Dienst für Sie.
    Ich zeige Ihnen: Diese Papiere brauchen Sie.
    Ich buche Ihren Termin für das Video-Gespräch.
welcome-back =
    Willkommen zurück!
    Wir machen an der gleichen Stelle weiter wie beim letzten Mal.
main-menu-prompt = Was möchten Sie tun?

menu-book = Termin buchen
menu-appointments = Meine Termine
menu-checklist = Welche Papiere brauche ich?
menu-help = Hilfe
menu-language = Sprache ändern

option-back = Zurück
option-main-menu = Haupt-Menü

help-text =
    So funktioniert das Bürger-Amt im Internet:
    • Sie sehen eine Liste mit Nummern.
    • Schreiben Sie eine Nummer.
    • Oder tippen Sie auf einen Knopf.
    • Sie können auch einfach schreiben: Das brauche ich.
    • Zum Beispiel: „anmelden“ oder „Reise-Pass“.
    • Schreiben Sie „Menü“: Dann kommen Sie zurück zum Anfang.
    • Schreiben Sie „Sprache“: Dann können Sie die Sprache ändern.
    • Sie sprechen mit der Person vom Amt in einem Video-Gespräch.
    • Dafür brauchen Sie nur ein Smartphone.
    • Das ist ein Handy mit Internet.

input-empty = Ihre Nachricht war leer.
input-too-long =
    Ihre Nachricht ist zu lang.
    Sie dürfen höchstens { $max ->
        [one] 1 Zeichen
       *[other] { $max } Zeichen
    } schreiben.
input-unreadable = Diese Nachricht kann ich leider nicht lesen.
input-not-understood = Das habe ich leider nicht verstanden.
input-hint =
    Bitte wählen Sie eine Nummer aus der Liste.
    Oder schreiben Sie ein Wort: Was brauchen Sie?
option-expired =
    Diese Auswahl gilt nicht mehr.
    Hier ist die neue Auswahl.
error-temporary =
    Gerade gibt es bei uns einen Fehler.
    Bitte warten Sie einen Moment.
    Dann versuchen Sie es bitte noch einmal.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menü, hauptmenü, start, neustart, anfang, von vorne, menue, haupt-menü, neu anfangen, startseite, übersicht
keywords-help = hilfe, hilfe bitte, was kann ich tun, helfen, ich brauche hilfe, hilf mir, ich verstehe nicht, wie geht das
keywords-language = sprache, sprache ändern, sprache wechseln, andere sprache, leichte sprache, einfache sprache
keywords-back = zurück, zurueck, zurück gehen, eins zurück

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
# $weekday and $month are the names above; $day is the day of the month; $year has four digits.
# Dates are written out in full, with the year ("Dienstag, 2. Februar 2027").
date-long = { $weekday }, { $day }. { $month } { $year }
time-of-day = { $time } Uhr
duration-minutes =
    { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = kostenlos

# Channels: what the bot says to input it cannot read, and its command menu.
input-media =
    Ich kann nur geschriebene Nachrichten lesen.
    Ich kann keine Bilder und keine Sprach-Nachrichten lesen.
    Ich kann auch keine Sticker und keine Dateien lesen.
    Bitte schreiben Sie mir.
input-edited =
    Sie haben eine Nachricht geändert.
    Geänderte Nachrichten lese ich nicht.
    Bitte schicken Sie eine neue Nachricht.
input-undecryptable =
    Ich kann Ihre letzte Nachricht leider nicht öffnen.
    Bitte schicken Sie die Nachricht noch einmal.
command-unknown =
    Diesen Befehl kenne ich nicht.
    Diese Befehle gibt es:
    • /start: neu beginnen
    • /language: Sprache ändern
    • /help: Hilfe
    • /cancel: abbrechen
    • /appointments: Ihre Termine
    • /privacy: So schützen wir Ihre Daten
    • /mydata: Diese Daten haben wir von Ihnen
    • /forget: Ihre Daten löschen
private-only =
    Ich antworte nur im privaten Chat.
    Das heißt: Nur Sie und ich schreiben uns.
    Bitte schreiben Sie mir direkt.
command-start = Neu beginnen
command-language = Sprache ändern
command-help = Hilfe
command-cancel = Abbrechen und zum Haupt-Menü
command-appointments = Meine Termine
option-join-video = Zum Video-Gespräch
mydata-file = Hier sind alle Ihre Daten in einer Datei (JSON):
