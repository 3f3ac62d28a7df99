# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = ¿Para qué trámite desea pedir cita? Elija uno de la lista o escriba una palabra clave.
pick-service-checklist-prompt = ¿De qué trámite quiere saber qué debe traer?
service-not-found = No he encontrado ningún trámite que corresponda.
service-ambiguous = ¿Se refiere a alguno de estos trámites?
service-in-person-only = Este trámite solo puede hacerse de forma presencial.

checklist-title = Para «{ $service }» necesita:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (si es su caso)
checklist-fee-none = Este trámite es gratuito.
checklist-fee = Tasa: { $fee }. Puede pagarla cómodamente desde casa, después de la videollamada.
checklist-duration = Duración de la videollamada: aproximadamente { $duration }.
checklist-tick-hint = Marque lo que ya tiene preparado: así el personal verá lo que todavía falta.
checklist-all-done = Ya lo tiene todo.
option-tick = Lo tengo: { $document }
option-untick = Aún me falta: { $document }
option-continue-to-dates = Continuar y elegir fecha
option-book-this = Pedir cita para este trámite

pick-day-prompt = ¿Qué día le viene bien?
option-later-days = Días posteriores
option-earlier-days = Días anteriores
no-free-days = Lo sentimos, no quedan citas libres { $days ->
        [one] para el próximo día
       *[other] en los próximos { $days } días
    }. Inténtelo de nuevo más tarde, por favor.
no-more-days = Todavía no se puede reservar con más antelación.
pick-time-prompt = ¿A qué hora le viene bien el { $date }?
option-more-times = Horas posteriores
day-full = Lo sentimos, ya no quedan horas libres ese día. Elija otro día, por favor.

slot-held =
    Le reservo esta cita durante { $duration }:
    { $service }
    { $date }, { $time }
    Confírmela, por favor.
option-confirm = Confirmar la cita
hold-warning = Le reservo esta cita solo hasta las { $time }. ¿Necesita más tiempo?
hold-extended = Muy bien, le reservo la cita hasta las { $time }.
option-hold-more = Más tiempo
option-other-time = Elegir otra hora
option-abort = Cancelar
slot-taken = Lo sentimos, esta hora acaba de ser reservada. Elija otra, por favor.
booking-aborted = De acuerdo, no he reservado nada.

booking-confirmed =
    Su cita está reservada.
    Número de reserva: { $reference }
    { $service }
    { $date }, { $time }
    La cita se realizará por videollamada. Tenga sus documentos a mano, por favor.
