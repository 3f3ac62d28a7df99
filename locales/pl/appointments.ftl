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

# The calendar file (.ics) that comes with a booking, each move and the cancellation.
# $minutes: how long before the appointment check-in opens.
calendar-file-request = Twoja wizyta jako plik kalendarza: { $service }, { $date }, { $time } (numer rezerwacji { $reference }). Otwórz plik, aby dodać wizytę do swojego kalendarza.
calendar-file-cancel = Wizyta { $reference } została odwołana. Otwórz ten plik kalendarza, aby zniknęła także z Twojego kalendarza.
calendar-summary = Wizyta wideo w biurze obsługi mieszkańców: { $service }
calendar-description =
    { $service }
    Numer rezerwacji: { $reference }
    Jak dołączyć: na { $minutes ->
        [one] minutę
        [few] { $minutes } minuty
       *[many] { $minutes } minut
    } przed rozpoczęciem napiszemy do Ciebie na czacie i tam możesz wejść do wirtualnej poczekalni („{ option-check-in }”). Gdy nadejdzie Twoja kolej, otrzymasz na czacie link do rozmowy wideo. Otwórz go w przeglądarce na smartfonie lub komputerze.
    Przygotuj, proszę, swoje dokumenty.
calendar-description-cancelled =
    Ta wizyta została odwołana.
    Numer rezerwacji: { $reference }
