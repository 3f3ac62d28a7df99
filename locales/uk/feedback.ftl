# After the call: a short rating and an optional comment.

feedback-question = Чи задоволені ви розмовою? Оберіть число від 1 (зовсім ні) до 5 (дуже).
feedback-1 = 1 – зовсім ні
feedback-2 = 2 – не дуже
feedback-3 = 3 – частково
feedback-4 = 4 – так
feedback-5 = 5 – дуже
feedback-comment-prompt = Дякуємо! Хочете ще щось нам сказати? Просто напишіть — або оберіть «Пропустити».
option-skip = Пропустити
feedback-thanks = Щиро дякуємо за ваш відгук!
