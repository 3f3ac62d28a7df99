privacy-line = Ochrona danych: { $url } – więcej pod /privacy
privacy-notice =
    Ochrona danych osobowych
    Administrator danych: { $controller }
    Inspektor ochrony danych: { $contact }
    Cel: przechowujemy to, co do nas piszesz, Twoje wizyty, Twoje pobyty w poczekalni i Twoje opłaty. Dzięki temu załatwiamy Twoją sprawę, przypominamy Ci o wizytach i zapraszamy Cię na rozmowę wideo. Ocena rozmowy po jej zakończeniu jest dobrowolna.
    Podstawa prawna: { $legal_basis ->
        [none] art. 6 ust. 1 lit. e RODO (wykonanie zadania realizowanego w interesie publicznym)
       *[other] { $legal_basis }
    }
    Kto otrzymuje dane: komunikator, przez który piszesz (Telegram: Telegram FZ-LLC w Dubaju, czyli poza UE; Komisja Europejska nie stwierdziła, że Zjednoczone Emiraty Arabskie zapewniają odpowiedni stopień ochrony danych; Matrix: miejski serwer Matrix); na czacie internetowym nikt poza nami (a jeśli podasz tam adres e-mail, także miejski serwer pocztowy, który dostarcza e-maile); usługa wideo, przez którą odbywa się rozmowa; operator płatności, jeśli płacisz online (Stripe Payments Europe, Dublin).
    Okres przechowywania: rozmowę, w której przez { $idle ->
        [one] { $idle } dzień
        [few] { $idle } dni
        [many] { $idle } dni
       *[other] { $idle } dnia
    } nic nie napiszesz, usuwamy. { $appointment ->
        [one] { $appointment } dzień
        [few] { $appointment } dni
        [many] { $appointment } dni
       *[other] { $appointment } dnia
    } po wizycie zostają tylko dane, które nie pozwalają Cię zidentyfikować (usługa, język, dzień, czas oczekiwania). Dostarczone wiadomości usuwamy po { $delivered ->
        [one] jednym dniu
        [few] { $delivered } dniach
        [many] { $delivered } dniach
       *[other] { $delivered } dnia
    }, notatki urzędników – po { $notes ->
        [one] jednym dniu
        [few] { $notes } dniach
        [many] { $notes } dniach
       *[other] { $notes } dnia
    }. Adres e-mail do przypomnień usuwamy, gdy tylko wizyta się zakończy (niepotwierdzony – po jednym dniu).
    Twoje prawa: dostęp – /mydata pokazuje, jakie dane o Tobie przechowujemy. Usunięcie – /forget usuwa wszystko. Sprostowanie, ograniczenie przetwarzania i sprzeciw: napisz do inspektora ochrony danych.
    Skargi: możesz złożyć skargę do organu nadzorczego: { $authority ->
        [none] organ nadzorczy ds. ochrony danych w Twoim kraju związkowym.
       *[other] { $authority }
    }
    Więcej: { $url }
keywords-privacy = ochrona danych, ochrona danych osobowych, prywatność, polityka prywatności, rodo, dane osobowe, datenschutz
keywords-mydata = moje dane, co o mnie wiecie, jakie dane macie, jakie dane, dostęp do danych, wgląd w dane, informacja o moich danych
keywords-forget = usuń moje dane, usun moje dane, usuń dane, usunięcie danych, zapomnij mnie, prawo do bycia zapomnianym, usuń wszystko
mydata-title = Oto dane, które o Tobie przechowujemy:
mydata-conversation = Twoja rozmowa z nami – język: { $lang }, ostatnia aktywność: { $date }
mydata-booking = Wizyta { $reference }: { $service }, { $date }, { $time } – { $status }
mydata-visit = Wizyta w poczekalni ({ $date }): { $service } – { $status }
mydata-payment = Opłata { $reference }: { $amount } – { $state }
mydata-feedback = Twoja ocena: { $rating } z 5 { $comment }
mydata-messages = Wiadomości do Ciebie (jeszcze niedostarczone lub z ostatnich dni): { $messages }; Twoje wpisy z ostatnich dni (bez treści): { $inputs }
mydata-nothing = Brak danych.
mydata-retention = Co i kiedy usuwamy: rozmowę – po { $idle ->
        [one] jednym dniu
        [few] { $idle } dniach
        [many] { $idle } dniach
       *[other] { $idle } dnia
    } bez wiadomości; wszystko, co pozwala Cię zidentyfikować – { $appointment ->
        [one] { $appointment } dzień
        [few] { $appointment } dni
        [many] { $appointment } dni
       *[other] { $appointment } dnia
    } po wizycie. Poleceniem /forget usuniesz wszystko od razu.
mydata-status-held = wstępnie zarezerwowana
mydata-status-confirmed = zarezerwowana
mydata-status-cancelled = odwołana
mydata-status-expired = wygasła
mydata-status-done = zakończona
mydata-status-no-show = nieobecność
mydata-status-waiting = w oczekiwaniu
mydata-status-called = w trakcie rozmowy
mydata-status-left = rezygnacja
forget-confirm = Czy na pewno usunąć wszystkie dane, które o Tobie przechowujemy? Twoje przyszłe wizyty zostaną wtedy odwołane, a my nie będziemy Cię już rozpoznawać.
option-forget-yes = Tak, usuń wszystko
option-forget-no = Nie, nic nie usuwaj
forget-done = Gotowe: usunęliśmy wszystkie Twoje dane i odwołaliśmy Twoje przyszłe wizyty. Jeśli znów do nas napiszesz, zaczniemy od nowa.
booking-limit = Masz już { $max ->
        [one] jedną zarezerwowaną wizytę
        [few] { $max } zarezerwowane wizyty
        [many] { $max } zarezerwowanych wizyt
       *[other] { $max } zarezerwowanej wizyty
    }; więcej jednocześnie nie można. Możesz przełożyć lub odwołać jedną z wizyt.
input-rate-limited = Wysyłasz bardzo dużo wiadomości w krótkim czasie. Odczekaj, proszę, minutę, a potem pisz dalej.
command-privacy = Ochrona danych
command-mydata = Moje zapisane dane
command-forget = Usuń wszystkie moje dane
