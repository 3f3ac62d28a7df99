# After the call: a short rating and an optional comment.

feedback-question = Вы довольны разговором? Выберите число от 1 (совсем нет) до 5 (очень).
feedback-1 = 1 – совсем нет
feedback-2 = 2 – не очень
feedback-3 = 3 – отчасти
feedback-4 = 4 – да
feedback-5 = 5 – очень
feedback-comment-prompt = Спасибо! Хотите ещё что-нибудь нам сказать? Просто напишите — или выберите «Пропустить».
option-skip = Пропустить
feedback-thanks = Большое спасибо за Ваш отзыв!
