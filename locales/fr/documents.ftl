# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Ce fichier est vide. Veuillez renvoyer le document.
document-refused-too-large = Ce fichier dépasse { $mb } Mo. Veuillez envoyer une photo ou un scan moins lourd, par exemple un PDF en plus basse résolution.
document-refused-not-accepted = Je ne peux accepter que des fichiers PDF et des photos (JPEG, PNG ou HEIC). Veuillez envoyer le document dans l'un de ces formats. Une photo de chaque page convient aussi.
document-refused-pdf-active = Ce PDF contient un script, je ne peux donc pas l'accepter. Veuillez plutôt envoyer des photos des pages, ou enregistrer le document dans un nouveau PDF.
document-refused-pdf-embedded = D'autres fichiers sont joints à ce PDF, je ne peux donc pas l'accepter. Veuillez envoyer le document sans pièces jointes, ou envoyer des photos des pages.
document-refused-pdf-encrypted = Ce PDF est protégé par un mot de passe, l'agent ne pourrait donc pas l'ouvrir. Veuillez l'envoyer sans mot de passe, ou envoyer des photos des pages.
document-refused-unreadable = Je n'ai pas pu lire ce fichier. Il est peut-être endommagé. Veuillez le renvoyer, ou envoyer des photos des pages.
document-refused-no-booking = Vous n'avez pas encore de rendez-vous auquel des documents pourraient se rapporter. Veuillez d'abord prendre rendez-vous, puis envoyer les documents ici.
document-refused-full = Ce rendez-vous compte déjà { $max ->
    [one] { $max } fichier
   *[other] { $max } fichiers
  }, je ne peux pas en conserver davantage. Veuillez d'abord en supprimer un : /appointments, puis le rendez-vous, puis « Documents ».
document-refused-duplicate = Vous avez déjà envoyé ce fichier, vous n'avez rien d'autre à faire. Vous pouvez choisir le document auquel il correspond sous /appointments, puis « Documents ».
document-refused-duplicate-of = Vous avez déjà envoyé ce fichier pour « { $document } ». Vous n'avez rien d'autre à faire.
document-refused-unavailable = Je n'ai pas pu récupérer ce fichier. Veuillez le renvoyer.
document-refused-off = Ce service n'accepte pas de documents dans le chat. Veuillez les garder à portée de main pour l'entretien.

# A file arrived and was kept.
document-arrived = Merci, votre fichier est bien arrivé.
document-kept = Merci, j'ai bien reçu le fichier pour « { $document } ».
document-kept-replaced = Merci, pour « { $document } », c'est désormais le nouveau fichier qui compte.
document-still-missing = Il manque encore : { $documents }.
document-all-sent = Tous les documents sont là. L'agent les verra au début de votre entretien.
document-removed = Le fichier pour « { $document } » a été supprimé.
document-gone = Ce fichier n'est plus disponible. Veuillez le renvoyer.
# The name of a file whose checklist item is not known yet.
document-unnamed = Document

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Documents pour votre rendez-vous { $reference } ({ $service }, { $date }) :
document-list-sent = ✅ { $document } : envoyé ({ $size })
document-list-missing = ⬜ { $document } : pas encore envoyé
document-list-hint = Envoyez ici une photo ou un PDF de chaque document. Au maximum { $mb } Mo par fichier et { $max ->
    [one] { $max } fichier
   *[other] { $max } fichiers
  } par rendez-vous. L'agent les verra au début de votre entretien ; ils seront supprimés après le rendez-vous.
document-send-prompt = Veuillez maintenant envoyer « { $document } » sous forme de photo ou de fichier PDF.
document-which-prompt = Votre fichier ({ $size }) est bien arrivé. De quel document s'agit-il ?
option-documents = Documents (envoyés : { $sent } sur { $total })
option-send-document = Envoyer « { $document } »
option-replace-document = Remplacer « { $document } »
option-remove-document = Supprimer « { $document } »

# A file's size.
size-kb = { $kb } Ko
size-mb = { $mb } Mo

# /mydata
mydata-document = Document pour le rendez-vous { $reference } : { $document }, { $size }, envoyé le { $date }

# The web chat's form for a document (below the text field).
web-file-title = Envoyer un document
web-file-hint = Une photo ou un PDF pour votre rendez-vous, 10 Mo au maximum. L'agent le verra au début de votre entretien.
web-file-label = Choisir un fichier
web-file-send = Envoyer le fichier
