# After the call: a short rating and an optional comment.

feedback-question = Görüşmeden ne kadar memnun kaldınız? 1 (hiç memnun değilim) ile 5 (çok memnunum) arasında bir sayı seçin.
feedback-1 = 1 – hiç memnun değilim
feedback-2 = 2 – pek memnun değilim
feedback-3 = 3 – kısmen memnunum
feedback-4 = 4 – memnunum
feedback-5 = 5 – çok memnunum
feedback-comment-prompt = Teşekkürler! Bize söylemek istediğiniz başka bir şey var mı? Yazmanız yeterli – ya da “Atla”yı seçin.
option-skip = Atla
feedback-thanks = Geri bildiriminiz için çok teşekkür ederiz!
