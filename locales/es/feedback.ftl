# After the call: a short rating and an optional comment.

feedback-question = ¿Cómo valora la atención recibida? Elija un número del 1 (nada satisfactoria) al 5 (muy satisfactoria).
feedback-1 = 1 – nada satisfactoria
feedback-2 = 2 – poco satisfactoria
feedback-3 = 3 – aceptable
feedback-4 = 4 – satisfactoria
feedback-5 = 5 – muy satisfactoria
feedback-comment-prompt = ¡Gracias! ¿Quiere decirnos algo más? Escríbalo sin más, o elija «Omitir».
option-skip = Omitir
feedback-thanks = ¡Muchas gracias por su opinión!
