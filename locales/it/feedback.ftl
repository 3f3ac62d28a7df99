# After the call: a short rating and an optional comment.

feedback-question = Come valuta il colloquio? Scelga un numero da 1 (per niente soddisfacente) a 5 (molto soddisfacente).
feedback-1 = 1 – per niente soddisfacente
feedback-2 = 2 – poco soddisfacente
feedback-3 = 3 – in parte soddisfacente
feedback-4 = 4 – soddisfacente
feedback-5 = 5 – molto soddisfacente
feedback-comment-prompt = Grazie! Vuole aggiungere qualcosa? Lo scriva pure qui – oppure scelga «Salta».
option-skip = Salta
feedback-thanks = Grazie per la sua opinione!
