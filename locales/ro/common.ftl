# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Română
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = română, romana, limba română, romanian, rumänisch
pick-language = Vă rugăm să alegeți limba.
language-changed = De acum vorbesc cu dumneavoastră în limba română.

welcome = Bine ați venit la biroul virtual pentru cetățeni (Bürgeramt)! Vă ajut să găsiți serviciul potrivit, vă arăt ce documente vă trebuie și vă fac programarea pentru convorbirea video.
welcome-back = Bine ați revenit! Continuăm de unde ați rămas.
main-menu-prompt = Ce doriți să faceți?

menu-book = Faceți o programare
menu-appointments = Programările mele
menu-checklist = Ce documente îmi trebuie?
menu-help = Ajutor
menu-language = Schimbați limba

option-back = Înapoi
option-main-menu = Meniul principal

help-text =
    Cum funcționează biroul virtual pentru cetățeni:
    • Alegeți o opțiune scriind numărul ei sau atingând butonul.
    • Puteți și să scrieți pur și simplu ce vă trebuie, de exemplu „înregistrare domiciliu” sau „cazier judiciar”.
    • Scrieți oricând „meniu” pentru a reveni la început sau „limbă” pentru a schimba limba.
    • Convorbirea cu funcționarul are loc prin video. Aveți nevoie doar de un smartphone cu browser.

input-empty = Mesajul dumneavoastră este gol.
input-too-long =
    Mesajul dumneavoastră este prea lung: cel mult { $max ->
        [one] un caracter
        [few] { $max } caractere
       *[other] { $max } de caractere
    }.
input-unreadable = Din păcate, nu pot citi acest mesaj.
input-not-understood = Din păcate, nu am înțeles.
input-hint = Vă rugăm să alegeți un număr din listă sau să scrieți un cuvânt-cheie.
option-expired = Această opțiune nu mai este valabilă. Iată opțiunile actuale.
error-temporary = Ceva nu a funcționat la noi. Vă rugăm să încercați din nou peste câteva momente.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = meniu, meniul principal, meniu principal, start, început, inceput, de la început, o luăm de la capăt, repornire, acasă
keywords-help = ajutor, ajutați-mă, ajutati-ma, ce pot face, cum funcționează
keywords-language = limbă, limba, schimbă limba, schimbare limbă, schimbați limba, alege limba
keywords-back = înapoi, inapoi

# Dates and times in office-local time.
weekday-1 = luni
weekday-2 = marți
weekday-3 = miercuri
weekday-4 = joi
weekday-5 = vineri
weekday-6 = sâmbătă
weekday-7 = duminică
month-1 = ianuarie
month-2 = februarie
month-3 = martie
month-4 = aprilie
month-5 = mai
month-6 = iunie
month-7 = iulie
month-8 = august
month-9 = septembrie
month-10 = octombrie
month-11 = noiembrie
month-12 = decembrie
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday }, { $day } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] un minut
        [few] { $minutes } minute
       *[other] { $minutes } de minute
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = gratuit

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Din păcate, nu pot citi imagini, mesaje vocale, stickere sau fișiere. Vă rugăm să îmi scrieți.
input-edited = Nu citesc mesajele editate. Vă rugăm să trimiteți un mesaj nou.
input-undecryptable = Nu am putut decripta ultimul dumneavoastră mesaj. Vă rugăm să îl trimiteți din nou.
command-unknown = Nu cunosc această comandă. Comenzile disponibile sunt /start, /language, /help, /cancel, /appointments, /privacy, /mydata și /forget.
private-only = Funcționez doar în conversații private. Vă rugăm să îmi scrieți direct.
command-start = Începeți din nou
command-language = Schimbați limba
command-help = Ajutor
command-cancel = Anulați și reveniți la meniu
command-appointments = Programările mele
option-join-video = Intrați în convorbirea video
mydata-file = Datele dumneavoastră, ca fișier (JSON):
