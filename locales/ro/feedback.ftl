# After the call: a short rating and an optional comment.

feedback-question = Cum apreciați convorbirea? Alegeți un număr de la 1 (deloc mulțumitoare) la 5 (foarte mulțumitoare).
feedback-1 = 1 – deloc mulțumitoare
feedback-2 = 2 – puțin mulțumitoare
feedback-3 = 3 – parțial mulțumitoare
feedback-4 = 4 – mulțumitoare
feedback-5 = 5 – foarte mulțumitoare
feedback-comment-prompt = Vă mulțumim! Doriți să ne mai spuneți ceva? Scrieți pur și simplu – sau alegeți „Omiteți”.
option-skip = Omiteți
feedback-thanks = Vă mulțumim pentru părere!
