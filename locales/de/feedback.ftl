# After the call: a short rating and an optional comment.

feedback-question = Wie zufrieden waren Sie mit dem Gespräch? Wählen Sie eine Zahl von 1 (gar nicht) bis 5 (sehr).
feedback-1 = 1 – gar nicht zufrieden
feedback-2 = 2 – wenig zufrieden
feedback-3 = 3 – teils, teils
feedback-4 = 4 – zufrieden
feedback-5 = 5 – sehr zufrieden
feedback-comment-prompt = Danke! Möchten Sie uns noch etwas sagen? Schreiben Sie es einfach – oder wählen Sie „Überspringen“.
option-skip = Überspringen
feedback-thanks = Vielen Dank für Ihre Rückmeldung!
