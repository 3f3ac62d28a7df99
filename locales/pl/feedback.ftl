# After the call: a short rating and an optional comment.

feedback-question = Jak oceniasz rozmowę? Wybierz liczbę od 1 (bardzo źle) do 5 (bardzo dobrze).
feedback-1 = 1 – bardzo źle
feedback-2 = 2 – raczej źle
feedback-3 = 3 – średnio
feedback-4 = 4 – dobrze
feedback-5 = 5 – bardzo dobrze
feedback-comment-prompt = Dziękujemy! Czy chcesz nam jeszcze coś przekazać? Po prostu napisz – albo wybierz „Pomiń”.
option-skip = Pomiń
feedback-thanks = Dziękujemy za opinię!
