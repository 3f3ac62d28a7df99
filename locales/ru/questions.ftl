# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = здравствуйте, здрасте, привет, приветствую, добрый день, доброе утро, добрый вечер
question-thanks-keywords = спасибо, большое спасибо, благодарю, спасибочки, спс
question-hours-keywords = часы работы, график работы, режим работы, часы приёма, когда работаете, когда открыто, вы открыты, до скольки, во сколько открываетесь
question-address-keywords = ваш адрес, какой адрес, адрес бюро, где находится, где вы находитесь, где бюро, как добраться, куда приходить, куда идти
question-cost-keywords = какая стоимость, стоимость услуги, сколько стоит, цена, платно, бесплатно, пошлина, госпошлина, сколько платить
question-duration-keywords = сколько длится, сколько времени, как долго, длительность, продолжительность, долго ли, сколько минут, сколько займёт
question-documents-keywords = какие документы, какие бумаги, нужные документы, список документов, что взять, что принести, взять с собой, что понадобится
question-payment-keywords = оплата, оплатить, как платить, способ оплаты, картой, банковская карта, банковский перевод, наличными
question-call-keywords = видеоразговор, видеозвонок, видеосвязь, как проходит, камера, микрофон, как подготовиться, нужно приложение
question-proxy-keywords = доверенность, вместо меня, за меня, другой человек, кто-то другой, представитель, доверенное лицо

question-greeting = Здравствуйте! Рады Вас видеть. Я — виртуальное окно Вашего бюро по делам граждан.
question-thanks = Пожалуйста! Рады помочь.

question-hours-title = Часы работы виртуального окна на ближайшие 7 дней:
# $day is the date as in the booking ("вторник, 2 февраля"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: закрыто
question-hours-day-closed = { $day }: закрыто (праздник или нерабочий день)
question-hours-open-now = Сейчас открыто, сегодня до { $until }.
question-hours-closed-now = Сейчас закрыто. Мы снова откроемся: { $day }, в { $time }.
question-hours-closed-now-unknown = Сейчас закрыто. Следующие часы работы пока не определены.

question-address = Бюро по делам граждан для личного визита находится по адресу: { $address }

# $fee is "бесплатно" or an amount; $duration as in the checklist ("20 минут").
question-cost-duration = { $service }: { $fee }, видеоразговор длится примерно { $duration }.
question-cost-duration-in-person = { $service }: { $fee }, приём в бюро длится примерно { $duration }.
question-cost-all = Стоимость и продолжительность наших услуг:
question-cost-all-line = • { $service }: { $fee }, примерно { $duration }

question-documents = Для услуги «{ $service }» Вам понадобится: { $documents }. Документы можно заранее отправить сюда в чат, ещё до разговора.
question-documents-none = Для услуги «{ $service }» документы не нужны.
question-which-service = Для какой услуги? Напишите, например, «Какие документы нужны для регистрации?» или «доверенность справка о несудимости».

question-payment-online = Оплатить услугу можно из дома: после разговора Вы получите здесь ссылку на страницу оплаты города. Неоплаченные счета всегда можно найти в разделе «Мои записи».
question-payment-after-call = Оплата производится после разговора. Как оплатить, сотрудник расскажет Вам во время разговора.

question-call = Как проходит видеоразговор: в назначенное время отметьтесь здесь и подождите в виртуальном зале ожидания. Когда подойдёт Ваша очередь, Вы получите ссылку. Она откроет разговор в браузере, приложение не нужно. Разрешите браузеру доступ к камере и микрофону и держите наготове удостоверение личности и документы.

question-proxy-form = Услугу «{ $service }» за Вас может оформить другой человек. Для этого ему понадобится: { $form }.
question-proxy-in-person = Услугу «{ $service }» Вы должны оформить лично. Другой человек не может сделать это за Вас.
question-proxy-ask = Может ли другой человек оформить услугу «{ $service }» за Вас, сотрудник уточнит вместе с Вами. Спросите об этом во время разговора.

question-unanswered = К сожалению, с этим я помочь не могу. Вы можете спросить меня, например, о часах работы, стоимости услуги или о том, как проходит видеоразговор.
question-unanswered-clerk = Бюро по делам граждан сейчас открыто: в меню Вы можете сразу поговорить с сотрудником («меню»).

# The questions as buttons on the help screen.
question-button-hours = Часы работы
question-button-address = Где находится бюро?
question-button-cost = Сколько стоит и сколько длится?
question-button-call = Как проходит видеоразговор?
question-button-payment = Как оплатить?
question-button-proxy = Может ли кто-то прийти вместо меня?
