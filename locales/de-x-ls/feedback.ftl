# After the call: a short rating and an optional comment.

feedback-question =
    Wie zufrieden waren Sie mit dem Gespräch?
    Wählen Sie eine Zahl von 1 bis 5.
    1 heißt: gar nicht zufrieden.
    5 heißt: sehr zufrieden.
feedback-1 = 1 – gar nicht zufrieden
feedback-2 = 2 – wenig zufrieden
feedback-3 = 3 – mittel
feedback-4 = 4 – zufrieden
feedback-5 = 5 – sehr zufrieden
feedback-comment-prompt =
    Danke!
    Möchten Sie uns noch etwas sagen?
    Dann schreiben Sie es einfach.
    Oder tippen Sie auf „Überspringen“.
option-skip = Überspringen
feedback-thanks = Vielen Dank für Ihre Antwort!
