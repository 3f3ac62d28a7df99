# The virtual waiting room: check-in, walk-ins, position and expected wait, the call.

menu-check-in = Wejdź do poczekalni: { $service }, { $time }
menu-walk-in = Porozmawiaj teraz z urzędnikiem
option-check-in = Wejdź teraz do poczekalni
check-in-not-yet = Do poczekalni możesz wejść od { $time }.
check-in-too-late = Niestety czas na tę wizytę już minął. Umów, proszę, nową wizytę.
walk-in-closed = Wirtualne biuro obsługi mieszkańców jest teraz zamknięte. Zapraszamy do umówienia wizyty.

waiting-status = Jesteś w wirtualnej poczekalni. Twoje miejsce w kolejce: { $position }.
waiting-eta = Przewidywany czas oczekiwania: około { $wait }.
waiting-eta-now = Za chwilę nadejdzie Twoja kolej.
waiting-eta-unknown = W tej chwili nikt nie pełni dyżuru. Odezwiemy się, gdy tylko kolejka ruszy.
waiting-hint = Gdy nadejdzie Twoja kolej, otrzymasz tutaj link do rozmowy wideo.
option-refresh = Odśwież
option-leave-queue = Opuść poczekalnię
queue-left = Nie jesteś już w poczekalni.

called = Twoja kolej! Urzędnik czeka już na Ciebie – zapraszamy na rozmowę wideo.
called-link = Otwórz ten link w przeglądarce na smartfonie: { $url }
called-no-link = Urzędnik za chwilę się z Tobą skontaktuje.
in-call = Trwa Twoja rozmowa z urzędnikiem.
visit-done = Dziękujemy za wizytę w wirtualnym biurze obsługi mieszkańców!
visit-no-show = Niestety urzędnik nie mógł się z Tobą połączyć. Umów, proszę, nową wizytę.
back-in-queue = Jesteś z powrotem w poczekalni, na swoim dotychczasowym miejscu.

reminder-day = Przypomnienie: jutro, { $date }, o { $time } masz wizytę wideo „{ $service }” (numer rezerwacji { $reference }).
reminder-soon = Twoja wizyta wideo „{ $service }” zaczyna się o { $time }. Przygotuj, proszę, swoje dokumenty.
check-in-open = Możesz już wejść do poczekalni przed wizytą „{ $service }” o { $time }.
appointment-missed = Niestety termin wizyty „{ $service }” o { $time } minął bez Twojego udziału. Umów, proszę, nową wizytę.

# Prepared messages a clerk sends during the call (`!say KEY`).
say-camera = Włącz, proszę, kamerę – dotknij ikony kamery w oknie rozmowy wideo.
say-microphone = Niestety nie słyszymy Cię. Włącz, proszę, mikrofon – dotknij ikony mikrofonu.
say-documents = Przygotuj teraz, proszę, dokument tożsamości i pozostałe dokumenty.
say-moment = Chwileczkę, proszę – zaraz się Tobą zajmę.
say-link = Otwórz, proszę, ten link do rozmowy wideo w przeglądarce na smartfonie:
