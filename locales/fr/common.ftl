# Common messages: language, menu, help, input hints.

# The language's own name, shown in the language picker.
lang-name = Français
# Words a citizen may type at the language picker for this language (matched, not shown).
keywords-lang = français, francais, french, französisch
pick-language = Veuillez choisir votre langue.
language-changed = À partir de maintenant, je vous parle en français.

welcome = Bienvenue au Bürgeramt virtuel (bureau des citoyens) ! Je vous aide à trouver la bonne démarche, je vous indique les documents nécessaires et je réserve votre rendez-vous pour l'entretien vidéo.
welcome-back = Bon retour parmi nous ! Reprenons là où nous nous étions arrêtés.
main-menu-prompt = Que souhaitez-vous faire ?

menu-book = Prendre rendez-vous
menu-appointments = Mes rendez-vous
menu-checklist = Quels documents apporter ?
menu-help = Aide
menu-language = Changer de langue

option-back = Retour
option-main-menu = Menu principal

help-text =
    Comment fonctionne le Bürgeramt virtuel :
    • Choisissez une option en écrivant son numéro ou en appuyant sur le bouton.
    • Vous pouvez aussi écrire simplement ce dont vous avez besoin, par exemple « inscription » ou « casier judiciaire ».
    • Écrivez « menu » à tout moment pour revenir au début, ou « langue » pour changer de langue.
    • L'entretien avec l'agent se fait par vidéo. Il vous suffit d'un smartphone avec un navigateur.

input-empty = Votre message était vide.
input-too-long =
    Votre message est trop long : { $max ->
        [one] { $max } caractère au maximum
       *[other] { $max } caractères au maximum
    }.
input-unreadable = Désolé, je ne peux pas lire ce message.
input-not-understood = Désolé, je n'ai pas compris.
input-hint = Veuillez choisir un numéro dans la liste ou écrire un mot-clé.
option-expired = Ce choix n'est plus valable. Voici les options actuelles.
error-temporary = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.

# Words that work at any step, comma-separated, matched forgivingly in every language.
keywords-menu = menu, menu principal, accueil, début, start, démarrer, recommencer, redémarrer, retour au début, depuis le début
keywords-help = aide, à l'aide, aidez-moi, aide svp, que puis-je faire, comment ça marche
keywords-language = langue, langues, changer de langue, changer la langue
keywords-back = retour, revenir, précédent, en arrière

# Dates and times in office-local time.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# $weekday and $month are the names above; $day is the day of the month.
date-long =
    { $weekday } { $day ->
        [1] 1er
       *[other] { $day }
    } { $month }
time-of-day = { $time }
duration-minutes =
    { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
# $amount is already formatted, e.g. 13,00
fee-amount = { $amount } €
fee-none = gratuit

# Channels: what the bot says to input it cannot read, and its command menu.
input-media = Désolé, je ne peux pas lire les images, les messages vocaux, les stickers ni les fichiers. Veuillez m'écrire.
input-edited = Je ne lis pas les messages modifiés. Veuillez envoyer un nouveau message.
input-undecryptable = Je n'ai pas pu déchiffrer votre dernier message. Veuillez le renvoyer.
command-unknown = Je ne connais pas cette commande. Commandes disponibles : /start, /language, /help, /cancel, /appointments, /privacy, /mydata et /forget.
private-only = Je fonctionne uniquement en conversation privée. Veuillez m'écrire directement.
command-start = Recommencer
command-language = Changer de langue
command-help = Aide
command-cancel = Annuler et revenir au menu principal
command-appointments = Mes rendez-vous
option-join-video = Rejoindre l'entretien vidéo
mydata-file = Vos données sous forme de fichier (JSON) :
