# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = На какую услугу Вы хотите записаться? Выберите из списка или напишите ключевое слово.
pick-service-checklist-prompt = Для какой услуги Вы хотите узнать, какие документы нужны?
service-not-found = По этому запросу услуга не найдена.
service-ambiguous = Вы имели в виду одну из этих услуг?
service-in-person-only = Эта услуга доступна только при личном визите.

checklist-title = Для услуги «{ $service }» Вам понадобится:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (если это относится к Вам)
checklist-fee-none = Эта услуга бесплатная.
checklist-fee = Стоимость: { $fee }. Оплатить можно удобно из дома после разговора.
checklist-duration = Продолжительность видеоразговора: примерно { $duration }.
checklist-tick-hint = Отметьте то, что у Вас уже есть, — тогда сотрудник увидит, чего ещё не хватает.
checklist-all-done = У Вас всё готово.
option-tick = Есть: { $document }
option-untick = Ещё нет: { $document }
option-continue-to-dates = Перейти к выбору даты
option-book-this = Записаться на эту услугу

pick-day-prompt = Какой день Вам удобен?
option-later-days = Более поздние дни
option-earlier-days = Более ранние дни
no-free-days = К сожалению, в { $days ->
        [one] ближайший { $days } день
        [few] ближайшие { $days } дня
        [many] ближайшие { $days } дней
       *[other] ближайшие { $days } дня
    } нет свободного времени для записи. Пожалуйста, попробуйте позже.
no-more-days = На более поздние даты записаться пока нельзя.
pick-time-prompt = Какое время Вам удобно ({ $date })?
option-more-times = Более позднее время
day-full = К сожалению, на этот день свободного времени больше нет. Пожалуйста, выберите другой день.

slot-held =
    Это время зарезервировано для Вас:
    { $service }
    { $date }, { $time }
    Пожалуйста, подтвердите запись. Время на подтверждение: { $duration }.
option-confirm = Подтвердить запись
hold-warning = Это время зарезервировано для Вас только до { $time }. Вам нужно больше времени?
hold-extended = Хорошо, теперь это время зарезервировано для Вас до { $time }.
option-hold-more = Больше времени
option-other-time = Выбрать другое время
option-abort = Отмена
slot-taken = К сожалению, это время только что заняли. Пожалуйста, выберите другое время.
booking-aborted = Хорошо, запись не оформлена.

booking-confirmed =
    Вы записаны.
    Номер записи: { $reference }
    { $service }
    { $date }, { $time }
    Приём проходит по видеосвязи. Пожалуйста, подготовьте документы.
