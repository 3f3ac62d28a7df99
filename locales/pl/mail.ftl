# E-mails to citizens on the web chat who gave an address for an appointment, and the pages of
# their links. Never a video link, never anything someone wrote.

mail-confirm-subject = Potwierdź, proszę, swój adres e-mail
mail-confirm-body =
    Na czacie biura obsługi mieszkańców podano ten adres, aby otrzymywać przypomnienia o Twojej wizycie: { $service }, { $date }, o { $time }.

    Potwierdź go, proszę, klikając link poniżej. Dopiero wtedy zaczniemy wysyłać Ci e-maile.

    To nie Ty? W takim razie nie musisz nic robić. Bez potwierdzenia nie otrzymasz od nas już nic, a adres zostanie usunięty po jednym dniu.
mail-confirm-action = Potwierdź adres

mail-booked-subject = Twoja wizyta: { $service }, { $date }
mail-booked-body =
    Wizyta jest zarezerwowana: { $service }, { $date }, o { $time }. Twój numer rezerwacji: { $reference }.

    W załączniku znajdziesz plik z wizytą do dodania do kalendarza. Do poczekalni możesz wejść na czacie już na { $minutes ->
        [one] minutę
        [few] { $minutes } minuty
       *[many] { $minutes } minut
    } przed wizytą.
mail-booked-action = Przejdź do czatu

mail-remind-subject = Przypomnienie: { $service }, { $date }, o { $time }
mail-remind-body =
    Przypominamy o Twojej wizycie: { $service }, { $date }, o { $time }.

    Do poczekalni możesz wejść na czacie już na { $minutes ->
        [one] minutę
        [few] { $minutes } minuty
       *[many] { $minutes } minut
    } przed wizytą.
mail-remind-action = Przejdź do czatu

mail-checkin-subject = Możesz już wejść do poczekalni
mail-checkin-body =
    Twoja wizyta wkrótce się zacznie: { $service }, o { $time }.

    Otwórz czat i wejdź do wirtualnej poczekalni. Tam zaczekasz, aż nadejdzie Twoja kolej.
mail-checkin-action = Przejdź do czatu i wejdź do poczekalni

mail-called-subject = Urzędnik właśnie do Ciebie dzwoni
mail-called-body =
    Twoja kolej: { $service }.

    Otwórz teraz czat. Znajdziesz tam link do rozmowy wideo.
mail-called-action = Wróć do czatu

mail-footer = Otrzymujesz ten e-mail, ponieważ ten adres został podany na czacie przy wizycie { $reference }. Po wizycie go usuniemy.
mail-stop = Zrezygnuj z otrzymywania e-maili

mydata-mail = Adres e-mail do przypomnień: { $address } ({ $state })
mydata-mail-pending = jeszcze niepotwierdzony
mydata-mail-confirmed = potwierdzony
mydata-mail-bounced = nie można doręczyć

web-mail-title = Przypomnienia e-mailem
web-mail-hint = Dobrowolnie. Tylko dla najbliższej wizyty: potwierdzenie, przypomnienia i wiadomość, gdy nadejdzie Twoja kolej. Po wizycie adres zostanie usunięty.
web-mail-label = Twój adres e-mail
web-mail-send = Wyślij link potwierdzający
web-mail-sent = Wysłaliśmy link na adres { $address }. Otwórz go, proszę, aby potwierdzić adres.
web-mail-confirmed-already = Ten adres jest już potwierdzony dla Twojej wizyty.
web-mail-bounced = Nie udało się doręczyć wiadomości na ten adres. Podaj, proszę, inny.
web-mail-no-booking = Najpierw umów wizytę. Potem możesz otrzymywać przypomnienia e-mailem.
web-mail-invalid = To nie jest adres e-mail, na który możemy wysyłać wiadomości. Przykład: name@example.org
web-mail-link-invalid = Ten link jest już nieaktualny: wygasł albo został już użyty. Możesz ponownie podać swój adres na czacie.
web-mail-confirm-title = Potwierdź adres e-mail
web-mail-confirm-text = Po potwierdzeniu otrzymasz e-maile dotyczące Twojej wizyty: potwierdzenie z plikiem kalendarza, przypomnienia i wiadomość, gdy nadejdzie Twoja kolej.
web-mail-confirm-button = Potwierdź adres
web-mail-confirm-done = Dziękujemy! Twój adres jest potwierdzony. Potwierdzenie wizyty z plikiem kalendarza za chwilę przyjdzie e-mailem.
web-mail-stop-title = Rezygnacja z e-maili
web-mail-stop-text = Nie będziesz już otrzymywać e-maili dotyczących tej wizyty, a my usuniemy Twój adres. Twoja wizyta pozostaje bez zmian.
web-mail-stop-button = Zrezygnuj z e-maili
web-mail-stop-done = Gotowe. Twój adres został usunięty i nie będziesz już otrzymywać e-maili. Twoja wizyta pozostaje bez zmian.
web-back-title = Powrót do czatu
web-back-text = W ten sposób otworzysz w tej przeglądarce swoją rozmowę z biurem obsługi mieszkańców.
web-back-button = Otwórz czat
