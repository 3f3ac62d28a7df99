# After the call: a short rating and an optional comment.

feedback-question = ما مدى رضاكم عن المحادثة؟ اختاروا رقمًا من 1 (الأقل رضًا) إلى 5 (الأعلى رضًا).
feedback-1 = 1 – غير راضٍ إطلاقًا
feedback-2 = 2 – راضٍ قليلًا
feedback-3 = 3 – راضٍ إلى حدٍّ ما
feedback-4 = 4 – راضٍ
feedback-5 = 5 – راضٍ جدًا
feedback-comment-prompt = شكرًا لكم! هل هناك شيء آخر تودّون إخبارنا به؟ اكتبوه ببساطة – أو اختاروا «تخطي».
option-skip = تخطي
feedback-thanks = شكرًا جزيلًا على ملاحظاتكم!
