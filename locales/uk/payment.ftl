payment-request =
    Вартість послуги «{ $service }»: { $amount }
    Номер платежу: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Тепер ви можете зручно оплатити послугу з дому.
payment-how-office = Будь ласка, оплатіть послугу так, як ви домовилися з працівником під час розмови.
payment-invoice-title = Оплата: { $service }
payment-invoice-description = { $service }, номер платежу { $reference }
payment-link-label = Оплатити зараз
payment-link-unavailable = Зараз не вдається створити посилання для оплати. Ми незабаром надішлемо його вам.
payment-refused-amount = Ця сума не відповідає сумі до сплати. Будь ласка, скористайтеся останнім рахунком, який ми вам надіслали.
payment-refused-closed = Цю послугу вже оплачено, або оплата більше не потрібна.
payment-refused-unknown = Цей рахунок нам невідомий. Будь ласка, скористайтеся нашим останнім повідомленням.
payment-receipt =
    Дякуємо, ваш платіж отримано.
    Послуга: { $service }
    Сума: { $amount }
    Дата: { $date }
    Номер платежу: { $reference }
    Номер транзакції: { $payment }
appointments-open-payment = До сплати: { $amount } за послугу «{ $service }» (номер платежу: { $reference })
option-pay = Оплатити { $amount }
checklist-fee-office = Вартість: { $fee }. Як оплатити, ви дізнаєтеся під час розмови.
payment-state-draft = ще не надіслано
payment-state-open = очікує оплати
payment-state-paid = оплачено
payment-state-refunded = повернено
payment-state-cancelled = скасовано
desk-fee-set = Сума до сплати для { $reference }: { $amount }.
desk-fee-at-done = Рахунок буде надіслано після команди «done».
desk-fee-sent = Рахунок надіслано.
desk-fee-no-call = Немає поточної або щойно завершеної розмови, до якої можна застосувати плату.
desk-fee-bad-amount = «{ $input }» — це не сума. Приклад: fee 13,50 засвідчення
desk-fee-paid = { $reference }: уже оплачено ({ $amount }); суму більше не можна змінити.
desk-fee-zero = Для { $reference } оплата не потрібна.
desk-paid-line = Отримано платіж від { $reference }: { $amount } (номер платежу { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (номер платежу { $payment })
desk-paid-refunded = з них повернено: { $amount }
desk-payment-unknown = Для { $reference } плату не призначено.
desk-refund-done = { $reference }: повернено { $amount }.
desk-refund-at-provider = { $reference }: оплата пройшла через Telegram. Будь ласка, оформіть повернення в платіжного провайдера (номер транзакції { $payment }).
desk-refund-not-paid = { $reference }: платіж не надходив, повертати нічого.
desk-refund-too-much = Для { $reference } можна повернути ще не більше ніж { $amount }.
desk-refund-failed = Повернення для { $reference } не вдалося. Будь ласка, спробуйте ще раз пізніше.
desk-refund-unsupported = Для { $reference } повернення через Schalter неможливе; будь ласка, оформіть повернення в платіжного провайдера.
desk-today-payment = · платіж: { $state }
payment-sent-again = Ми ще раз надіслали вам рахунок.
payment-service-other = ваше звернення
desk-paid-twice = Увага: { $reference } оплачено ще раз ({ $amount }, номер транзакції { $payment }). Будь ласка, поверніть цей платіж.
