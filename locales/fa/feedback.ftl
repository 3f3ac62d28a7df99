# After the call: a short rating and an optional comment.

feedback-question = چقدر از این گفتگو راضی بودید؟ عددی از 1 (اصلاً) تا 5 (خیلی زیاد) انتخاب کنید.
feedback-1 = 1 – اصلاً راضی نیستم
feedback-2 = 2 – چندان راضی نیستم
feedback-3 = 3 – تا حدودی راضی هستم
feedback-4 = 4 – راضی هستم
feedback-5 = 5 – خیلی راضی هستم
feedback-comment-prompt = سپاسگزاریم! می‌خواهید نکته دیگری هم به ما بگویید؟ کافی است آن را بنویسید – یا «رد شدن» را انتخاب کنید.
option-skip = رد شدن
feedback-thanks = از بازخورد شما بسیار سپاسگزاریم!
