payment-request =
    Стоимость услуги «{ $service }»: { $amount }
    Номер платежа: { $reference }
payment-item = · { $label }: { $amount }
payment-how-online = Теперь Вы можете удобно оплатить услугу из дома.
payment-how-office = Пожалуйста, оплатите услугу так, как Вы договорились с сотрудником во время разговора.
payment-invoice-title = Оплата: { $service }
payment-invoice-description = { $service }, номер платежа { $reference }
payment-link-label = Оплатить сейчас
payment-link-unavailable = Сейчас не удаётся создать ссылку для оплаты. Мы пришлём её Вам в ближайшее время.
payment-refused-amount = Эта сумма не совпадает с суммой к оплате. Пожалуйста, воспользуйтесь последним счётом, который мы Вам отправили.
payment-refused-closed = Эта услуга уже оплачена, или оплата больше не требуется.
payment-refused-unknown = Этот счёт нам неизвестен. Пожалуйста, воспользуйтесь нашим последним сообщением.
payment-receipt =
    Спасибо, Ваш платёж получен.
    Услуга: { $service }
    Сумма: { $amount }
    Дата: { $date }
    Номер платежа: { $reference }
    Номер транзакции: { $payment }
appointments-open-payment = К оплате: { $amount } за услугу «{ $service }» (номер платежа: { $reference })
option-pay = Оплатить { $amount }
checklist-fee-office = Стоимость: { $fee }. Как оплатить, Вы узнаете во время разговора.
payment-state-draft = ещё не отправлено
payment-state-open = ожидает оплаты
payment-state-paid = оплачено
payment-state-refunded = возвращено
payment-state-cancelled = отменено
desk-fee-set = Сумма к оплате для { $reference }: { $amount }.
desk-fee-at-done = Счёт будет отправлен после команды «done».
desk-fee-sent = Счёт отправлен.
desk-fee-no-call = Нет текущего или только что завершённого разговора, к которому можно отнести плату.
desk-fee-bad-amount = «{ $input }» — это не сумма. Пример: fee 13,50 заверение
desk-fee-paid = { $reference }: уже оплачено ({ $amount }); сумму больше нельзя изменить.
desk-fee-zero = Для { $reference } оплата не требуется.
desk-paid-line = Получен платёж от { $reference }: { $amount } (номер платежа { $payment }).
desk-paid-state = { $reference }: { $amount }, { $state } (номер платежа { $payment })
desk-paid-refunded = из них возвращено: { $amount }
desk-payment-unknown = Для { $reference } плата не назначена.
desk-refund-done = { $reference }: возвращено { $amount }.
desk-refund-at-provider = { $reference }: оплата прошла через Telegram. Пожалуйста, оформите возврат у платёжного провайдера (номер транзакции { $payment }).
desk-refund-not-paid = { $reference }: платёж не поступал, возвращать нечего.
desk-refund-too-much = Для { $reference } можно вернуть ещё не более { $amount }.
desk-refund-failed = Возврат для { $reference } не удался. Пожалуйста, попробуйте ещё раз позже.
desk-refund-unsupported = Для { $reference } возврат через Schalter невозможен; пожалуйста, оформите возврат у платёжного провайдера.
desk-today-payment = · платёж: { $state }
payment-sent-again = Мы ещё раз отправили Вам счёт.
payment-service-other = ваше обращение
desk-paid-twice = Внимание: { $reference } оплачен ещё раз ({ $amount }, номер транзакции { $payment }). Пожалуйста, верните этот платёж.
