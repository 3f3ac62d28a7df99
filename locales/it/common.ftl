# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Italiano
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = italiano, italian, italienisch
pick-language = Scelga la lingua, per favore.
language-changed = D’ora in poi le parlerò in italiano.

welcome = Le diamo il benvenuto allo sportello virtuale per i cittadini (Bürgeramt)! Posso aiutarla a trovare il servizio giusto, mostrarle quali documenti servono e prenotare il suo appuntamento in videochiamata.
welcome-back = Felici di rivederla! Riprendiamo da dove eravamo rimasti.
main-menu-prompt = Che cosa desidera fare?

menu-book = Prenota un appuntamento
menu-appointments = I miei appuntamenti
menu-checklist = Quali documenti mi servono?
menu-help = Aiuto
menu-language = Cambia lingua

option-back = Indietro
option-main-menu = Menu principale

help-text =
    Come funziona lo sportello virtuale per i cittadini:
    • Scelga un’opzione scrivendo il suo numero o toccando il pulsante.
    • Può anche scrivere semplicemente ciò di cui ha bisogno, ad esempio «residenza» o «casellario giudiziale».
    • Scriva «menu» in qualsiasi momento per tornare all’inizio, oppure «lingua» per cambiare lingua.
    • Il colloquio con l’operatore si svolge in videochiamata. Le basta uno smartphone con un browser.

input-empty = Il suo messaggio era vuoto.
input-too-long =
    Il suo messaggio è troppo lungo: al massimo { $max ->
        [one] un carattere
       *[other] { $max } caratteri
    }.
input-unreadable = Purtroppo non riesco a leggere questo messaggio.
input-not-understood = Purtroppo non ho capito.
input-hint = Scelga un numero dall’elenco o scriva una parola chiave.
option-expired = Questa scelta non è più valida. Ecco le opzioni attuali.
error-temporary = Si è verificato un problema da parte nostra. Riprovi tra un momento, per favore.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menu, menù, menu principale, inizio, start, ricomincia, ricominciare, da capo, home
keywords-help = aiuto, aiutami, mi aiuti, cosa posso fare, come funziona
keywords-language = lingua, cambia lingua, cambiare lingua, scegli lingua
keywords-back = indietro, torna indietro

# Dates and times in office-local time.
weekday-1 = lunedì
weekday-2 = martedì
weekday-3 = mercoledì
weekday-4 = giovedì
weekday-5 = venerdì
weekday-6 = sabato
weekday-7 = domenica
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre
# $weekday and $month are the names above; $day is the day of the month.
date-long = { $weekday } { $day } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = gratis

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Purtroppo non riesco a leggere immagini, messaggi vocali, sticker o file. Mi scriva un messaggio di testo, per favore.
input-edited = Non leggo i messaggi modificati. Invii un nuovo messaggio, per favore.
input-undecryptable = Non è stato possibile decifrare il suo ultimo messaggio. Lo invii di nuovo, per favore.
command-unknown = Non conosco questo comando. Sono disponibili /start, /language, /help, /cancel, /appointments, /privacy, /mydata e /forget.
private-only = Funziono solo nelle chat private. Mi scriva direttamente, per favore.
command-start = Ricomincia da capo
command-language = Cambia lingua
command-help = Aiuto
command-cancel = Annulla e torna al menu principale
command-appointments = I miei appuntamenti
option-join-video = Entra nella videochiamata
mydata-file = I suoi dati in un file (JSON):
