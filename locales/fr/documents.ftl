# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Ce fichier est vide. Veuillez renvoyer le document.
document-refused-too-large = Ce fichier dépasse { $mb } Mo. Veuillez envoyer une photo ou un scan moins lourd, par exemple un PDF en plus basse résolution.
document-refused-not-accepted = Je ne peux accepter que des fichiers PDF et des photos (JPEG, PNG ou HEIC). Veuillez envoyer le document dans l'un de ces formats. Une photo de chaque page convient aussi.
document-refused-pdf-active = Ce PDF contient un script, je ne peux donc pas l'accepter. Veuillez plutôt envoyer des photos des pages, ou enregistrer le document dans un nouveau PDF.
document-refused-pdf-embedded = D'autres fichiers sont joints à ce PDF, je ne peux donc pas l'accepter. Veuillez envoyer le document sans pièces jointes, ou envoyer des photos des pages.
document-refused-pdf-encrypted = Ce PDF est protégé par un mot de passe, l'agent ne pourrait donc pas l'ouvrir. Veuillez l'envoyer sans mot de passe, ou envoyer des photos des pages.
document-refused-unreadable = Je n'ai pas pu lire ce fichier. Il est peut-être endommagé. Veuillez le renvoyer, ou envoyer des photos des pages.
