# My appointments: list, cancel, reschedule.

appointments-none = Nie masz obecnie żadnych zaplanowanych wizyt.
appointments-count =
    { $count ->
        [one] Masz jedną zaplanowaną wizytę.
        [few] Masz { $count } zaplanowane wizyty.
        [many] Masz { $count } zaplanowanych wizyt.
       *[other] Liczba zaplanowanych wizyt: { $count }.
    }
appointment-line = { $reference } · { $service } · { $date }, { $time }
appointment-detail =
    Numer rezerwacji: { $reference }
    { $service }
    { $date }, { $time }
appointments-pick = Wybierz wizytę, którą chcesz przełożyć lub odwołać.
option-cancel-appointment = Odwołaj wizytę
option-reschedule = Przełóż wizytę
cancel-confirm-prompt = Czy na pewno chcesz odwołać wizytę { $reference } ({ $date })?
option-yes-cancel = Tak, odwołaj
option-no-keep = Nie, zachowaj
appointment-cancelled = Wizyta { $reference } została odwołana.
appointment-kept = Dobrze, wizyta pozostaje bez zmian.
appointment-gone = Ta wizyta już nie istnieje.
reschedule-intro = Wybierz nowy termin dla usługi „{ $service }”. Dotychczasowa wizyta pozostaje ważna, dopóki nie potwierdzisz nowej.
appointment-rescheduled =
    Wizyta została przełożona. Numer rezerwacji się nie zmienia: { $reference }.
    { $service }
    { $date }, { $time }
