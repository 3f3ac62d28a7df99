# After the call: a short rating and an optional comment.

feedback-question = How satisfied were you with the call? Choose a number from 1 (not at all) to 5 (very).
feedback-1 = 1 – not satisfied at all
feedback-2 = 2 – not very satisfied
feedback-3 = 3 – partly satisfied
feedback-4 = 4 – satisfied
feedback-5 = 5 – very satisfied
feedback-comment-prompt = Thank you! Is there anything else you would like to tell us? Just write it – or choose “Skip”.
option-skip = Skip
feedback-thanks = Thank you for your feedback!
