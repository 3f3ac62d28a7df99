payment-request =
    Opłata – { $service }: { $amount }
    Numer referencyjny płatności: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Możesz teraz wygodnie zapłacić z domu.
payment-how-office = Zapłać, proszę, w sposób uzgodniony z urzędnikiem podczas rozmowy.
payment-invoice-title = Opłata: { $service }
payment-invoice-description = { $service }, numer referencyjny płatności { $reference }
payment-link-label = Zapłać teraz
payment-link-unavailable = W tej chwili nie można utworzyć linku do płatności. Wkrótce go prześlemy.
payment-refused-amount = Ta kwota nie zgadza się z należną opłatą. Skorzystaj, proszę, z naszego najnowszego wezwania do zapłaty.
payment-refused-closed = Ta opłata została już uiszczona lub nie jest już należna.
payment-refused-unknown = Nie rozpoznajemy tego wezwania do zapłaty. Skorzystaj, proszę, z naszej najnowszej wiadomości.
payment-receipt =
    Dziękujemy, płatność do nas dotarła.
    Usługa: { $service }
    Kwota: { $amount }
    Data: { $date }
    Numer referencyjny płatności: { $reference }
    ID płatności: { $payment }
appointments-open-payment = Opłata do zapłaty: { $amount } – { $service } (numer referencyjny płatności { $reference })
option-pay = Zapłać { $amount }
checklist-fee-office = Opłata: { $fee }. Sposób płatności poznasz podczas rozmowy.
payment-state-draft = jeszcze niewysłana
payment-state-open = do zapłaty
payment-state-paid = zapłacona
payment-state-refunded = zwrócona
payment-state-cancelled = anulowana
desk-fee-set = Opłata dla { $reference }: { $amount }.
desk-fee-at-done = Wezwanie do zapłaty zostanie wysłane po poleceniu „done”.
desk-fee-sent = Wezwanie do zapłaty zostało wysłane.
desk-fee-no-call = Nie ma trwającej ani właśnie zakończonej rozmowy, do której można przypisać opłatę.
desk-fee-bad-amount = „{ $input }” nie jest kwotą. Przykład: fee 13,50 poświadczenie
desk-fee-paid = { $reference } – opłata została już zapłacona ({ $amount }); nie można jej już zmienić.
desk-fee-zero = Dla { $reference } nie ma należnej opłaty.
desk-paid-line = Płatność otrzymana: { $reference } – zapłacono { $amount } (numer referencyjny płatności { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (numer referencyjny płatności { $payment })
desk-paid-refunded = w tym zwrócono: { $amount }
desk-payment-unknown = Dla { $reference } nie ma żadnej opłaty.
desk-refund-done = Zwrócono { $amount } dla { $reference }.
desk-refund-at-provider = { $reference } – zapłacono przez Telegram. Zwróć płatność u operatora płatności (ID płatności { $payment }).
desk-refund-not-paid = { $reference } – brak płatności; nie ma czego zwracać.
desk-refund-too-much = Dla { $reference } można zwrócić jeszcze najwyżej { $amount }.
desk-refund-failed = Zwrot dla { $reference } się nie powiódł. Spróbuj ponownie później.
desk-refund-unsupported = Dla { $reference } zwrot przez Schalter nie jest możliwy; zwróć płatność u operatora płatności.
desk-today-payment = · opłata: { $state }
payment-sent-again = Ponownie wysłaliśmy wezwanie do zapłaty.
payment-service-other = Twoja sprawa
desk-paid-twice = Uwaga: { $reference } – wpłynęła kolejna płatność ({ $amount }, ID płatności { $payment }). Zwróć, proszę, tę płatność.
