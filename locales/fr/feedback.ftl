# After the call: a short rating and an optional comment.

feedback-question = Comment évaluez-vous l'entretien ? Choisissez une note de 1 (pas du tout satisfaisant) à 5 (très satisfaisant).
feedback-1 = 1 – pas du tout satisfaisant
feedback-2 = 2 – peu satisfaisant
feedback-3 = 3 – moyennement satisfaisant
feedback-4 = 4 – satisfaisant
feedback-5 = 5 – très satisfaisant
feedback-comment-prompt = Merci ! Souhaitez-vous nous dire autre chose ? Écrivez-le simplement – ou choisissez « Passer ».
option-skip = Passer
feedback-thanks = Merci beaucoup pour votre avis !
