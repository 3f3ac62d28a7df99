# Booking: choose a service, see the checklist, pick a day and a time, confirm.

pick-service-prompt = W jakiej sprawie chcesz umówić wizytę? Wybierz z listy lub wpisz słowo kluczowe.
pick-service-checklist-prompt = W jakiej sprawie chcesz sprawdzić, jakie dokumenty trzeba przygotować?
service-not-found = Nie znaleziono usługi pasującej do tego hasła.
service-ambiguous = Czy chodzi o jedną z tych usług?
service-in-person-only = Tę sprawę można załatwić tylko osobiście.

checklist-title = „{ $service }” – potrzebne dokumenty:
checklist-item-open = ☐ { $document } – { $note }
checklist-item-done = ☑ { $document }
checklist-item-optional = (jeśli dotyczy)
checklist-fee-none = Ta usługa jest bezpłatna.
checklist-fee = Opłata: { $fee }. Zapłacisz wygodnie z domu, po rozmowie.
checklist-duration = Czas trwania rozmowy wideo: około { $duration }.
checklist-tick-hint = Zaznacz dokumenty, które już masz przygotowane – urzędnik zobaczy wtedy, czego jeszcze brakuje.
checklist-all-done = Masz już wszystko, czego potrzeba.
option-tick = Mam: { $document }
option-untick = Jeszcze brakuje: { $document }
option-continue-to-dates = Dalej: wybór terminu
option-book-this = Umów wizytę w tej sprawie

pick-day-prompt = Jaki dzień Ci odpowiada?
option-later-days = Późniejsze dni
option-earlier-days = Wcześniejsze dni
no-free-days = Niestety { $days ->
        [one] na najbliższy dzień
        [few] w ciągu najbliższych { $days } dni
        [many] w ciągu najbliższych { $days } dni
       *[other] w ciągu najbliższych { $days } dnia
    } nie ma już wolnych terminów. Spróbuj ponownie później.
no-more-days = Dalszych terminów nie można jeszcze rezerwować.
pick-time-prompt = Jaka godzina Ci odpowiada ({ $date })?
option-more-times = Późniejsze godziny
day-full = Niestety w tym dniu nie ma już wolnych terminów. Wybierz inny dzień.

slot-held =
    Wstępnie rezerwuję dla Ciebie ten termin (czas na potwierdzenie: { $duration }):
    { $service }
    { $date }, { $time }
    Potwierdź go, proszę.
option-confirm = Potwierdź wizytę
hold-warning = Ten termin rezerwuję dla Ciebie już tylko do { $time }. Potrzebujesz więcej czasu?
hold-extended = Dobrze, rezerwuję dla Ciebie ten termin do { $time }.
option-hold-more = Więcej czasu
option-other-time = Wybierz inną godzinę
option-abort = Anuluj
slot-taken = Niestety ktoś właśnie zajął ten termin. Wybierz inną godzinę.
booking-aborted = Dobrze, nic nie zostało zarezerwowane.

booking-confirmed =
    Wizyta jest zarezerwowana.
    Numer rezerwacji: { $reference }
    { $service }
    { $date }, { $time }
    Rozmowa odbędzie się przez wideo. Przygotuj, proszę, swoje dokumenty.
