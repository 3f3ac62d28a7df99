# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = вітаю, привіт, добрий день, доброго дня, добридень, доброго ранку, добрий ранок, добрий вечір, доброго вечора
question-thanks-keywords = дякую, дуже дякую, щиро дякую, спасибі, дяка
question-hours-keywords = години роботи, графік роботи, режим роботи, години прийому, коли працюєте, коли відчинено, ви відчинені, до котрої, о котрій відчиняєтеся
question-address-keywords = ваша адреса, яка адреса, адреса бюро, де знаходиться, де ви знаходитеся, де бюро, як дістатися, куди приходити, куди йти
question-cost-keywords = вартість, скільки коштує, ціна, платно, безкоштовно, державне мито, скільки платити
question-duration-keywords = скільки триває, скільки часу, як довго, тривалість, скільки хвилин, скільки займе, чи довго
question-documents-keywords = які документи, які папери, потрібні документи, список документів, що взяти, що принести, взяти з собою, що знадобиться
question-payment-keywords = оплата, оплатити, як платити, спосіб оплати, карткою, банківська картка, банківський переказ, переказ, готівкою
question-call-keywords = відеорозмова, відеодзвінок, відеозв'язок, як проходить, камера, мікрофон, як підготуватися, потрібен застосунок
question-proxy-keywords = довіреність, замість мене, за мене, інша людина, хтось інший, представник, довірена особа

question-greeting = Вітаємо! Раді, що ви з нами. Я — віртуальне вікно вашого бюро у справах громадян.
question-thanks = Будь ласка! Раді допомогти.

question-hours-title = Години роботи віртуального вікна на найближчі 7 днів:
# $day is the date as in the booking ("вівторок, 2 лютого"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: зачинено
question-hours-day-closed = { $day }: зачинено (святковий або неробочий день)
question-hours-open-now = Зараз відчинено, сьогодні до { $until }.
question-hours-closed-now = Зараз зачинено. Ми знову відчинимося: { $day }, о { $time }.
question-hours-closed-now-unknown = Зараз зачинено. Наступні години роботи ще не визначено.

question-address = Бюро у справах громадян для особистого візиту розташоване за адресою: { $address }

# $fee is "безкоштовно" or an amount; $duration as in the checklist ("20 хвилин").
question-cost-duration = { $service }: { $fee }, відеорозмова триває приблизно { $duration }.
question-cost-duration-in-person = { $service }: { $fee }, прийом у бюро триває приблизно { $duration }.
question-cost-all = Вартість і тривалість наших послуг:
question-cost-all-line = • { $service }: { $fee }, приблизно { $duration }

question-documents = Для послуги «{ $service }» вам знадобиться: { $documents }. Документи можна заздалегідь надіслати сюди в чат, ще до розмови.
question-documents-none = Для послуги «{ $service }» документи не потрібні.
question-which-service = Для якої послуги? Напишіть, наприклад, «Які документи потрібні для реєстрації?» або «довіреність довідка про несудимість».

question-payment-online = Оплатити послугу можна з дому: після розмови ви отримаєте тут посилання на сторінку оплати міста. Неоплачені рахунки завжди можна знайти в розділі «Мої записи».
question-payment-after-call = Оплата здійснюється після розмови. Як оплатити, працівник розповість вам під час розмови.

question-call = Як проходить відеорозмова: у призначений час відмітьтеся тут і зачекайте у віртуальній залі очікування. Коли настане ваша черга, ви отримаєте посилання. Воно відкриє розмову в браузері, застосунок не потрібен. Дозвольте браузеру доступ до камери й мікрофона і тримайте напоготові посвідчення особи та документи.

question-proxy-form = Послугу «{ $service }» за вас може оформити інша людина. Для цього їй знадобиться: { $form }.
question-proxy-in-person = Послугу «{ $service }» ви маєте оформити особисто. Інша людина не може зробити це за вас.
question-proxy-ask = Чи може інша людина оформити послугу «{ $service }» за вас, працівник з’ясує разом із вами. Запитайте про це під час розмови.

question-unanswered = На жаль, із цим я не можу допомогти. Ви можете запитати мене, наприклад, про години роботи, вартість послуги або про те, як проходить відеорозмова.
question-unanswered-clerk = Бюро у справах громадян зараз відчинене: у меню ви можете одразу поговорити з працівником («меню»).

# The questions as buttons on the help screen.
question-button-hours = Години роботи
question-button-address = Де знаходиться бюро?
question-button-cost = Вартість і тривалість
question-button-call = Як проходить відеорозмова?
question-button-payment = Як оплатити?
question-button-proxy = Чи може хтось прийти замість мене?
