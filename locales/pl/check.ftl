# The device check before a video call (/check/): the page, the links that offer it in the
# chat, and what clerks read of its result.

## In the chat: the link to the check ($link is a web address).
device-check-offer = Przed rozmową sprawdź kamerę, mikrofon i dźwięk (to potrwa 2 minuty): { $link }
device-check-try = Możesz wcześniej sprawdzić tutaj, czy kamera i mikrofon działają: { $link }
# $parts: what did not work, e.g. "camera, microphone".
device-check-nudge = Podczas testu sprzętu coś nie zadziałało: { $parts }. Sprawdź to jeszcze raz w czasie oczekiwania: { $link }
device-part-camera = kamera
device-part-microphone = mikrofon
device-part-speaker = głośnik
device-part-connection = połączenie

## The platform the check was made on (also shown to clerks).
device-platform-ios = iPhone lub iPad
device-platform-android = Android
device-platform-samsung = Samsung Internet
device-platform-firefox = Firefox
device-platform-in-app = przeglądarka w aplikacji
device-platform-desktop = komputer
device-platform-other = inne urządzenie

## For clerks, in the queue and the agenda.
# $parts: e.g. "✓ camera ✓ microphone ⚠ no sound"; $platform: one of the device-platform names.
desk-device-check = { $parts } ({ $platform })
desk-device-unchecked = sprzęt niesprawdzony
desk-device-camera-ok = ✓ kamera
desk-device-camera-failed = ⚠ brak kamery
desk-device-microphone-ok = ✓ mikrofon
desk-device-microphone-failed = ⚠ brak mikrofonu
desk-device-speaker-ok = ✓ dźwięk
desk-device-speaker-failed = ⚠ brak dźwięku
desk-device-connection-ok = ✓ połączenie
desk-device-connection-failed = ⚠ brak połączenia

## The page.
check-title = Test sprzętu przed rozmową wideo
check-intro = W 2 minuty sprawdzimy kamerę, mikrofon i dźwięk. Dzięki temu rozmowa z urzędnikiem przebiegnie bez problemów.
# $service, $date, $time: the booked appointment.
check-appointment = Wizyta: { $service }, { $date }, { $time }
check-privacy = Obraz i dźwięk pozostają na Twoim urządzeniu. Nic nie jest nagrywane ani wysyłane.
check-privacy-saved = Zapisujemy tylko, czy każdy element zadziałał, oraz rodzaj urządzenia. Urzędnik zobaczy tę informację przy Twojej wizycie.
check-expired = Ten link jest już nieważny: termin wizyty minął albo wizyta została odwołana. Urządzenie możesz jednak sprawdzić tutaj.
check-permission-note = Za chwilę przeglądarka zapyta, czy ta strona może korzystać z kamery i mikrofonu. Wybierz „Zezwól”.
check-start = Rozpocznij test
check-again = Spróbuj ponownie
check-noscript = Do testu przeglądarka potrzebuje JavaScriptu. Włącz go albo otwórz stronę w innej przeglądarce.

check-camera = Kamera
check-microphone = Mikrofon
check-speaker = Głośnik
check-connection = Połączenie z usługą wideo
check-camera-preview = Obraz z kamery
check-state-waiting = Jeszcze nie sprawdzono.
check-state-running = Sprawdzanie …
check-state-ok = Działa.
check-state-failed = Nie działa.

check-level-label = Głośność mikrofonu
check-level-none = Jeszcze nic nie słychać. Powiedz kilka słów.
check-level-low = Słychać bardzo cicho. Mów trochę głośniej albo przysuń się bliżej urządzenia.
check-level-good = Słychać dobrze.

check-speaker-play = Odtwórz dźwięk testowy
check-speaker-question = Czy słyszysz dźwięk?
check-speaker-yes = Tak, słychać
check-speaker-no = Nie
check-speaker-help = Zwiększ głośność i wyłącz wyciszenie. Jeśli używasz słuchawek: czy są podłączone? Następnie odtwórz dźwięk jeszcze raz.

check-connection-ok = Usługa wideo jest dostępna.
check-connection-failed = Usługa wideo jest stąd niedostępna. Spróbuj połączyć się przez inną sieć, na przykład Wi-Fi zamiast danych komórkowych, albo odwrotnie.
check-connection-unsupported = Ta przeglądarka nie obsługuje rozmów wideo. Otwórz stronę w aktualnej przeglądarce.

## Why something failed, and what to do.
check-fail-denied = Nie zezwolono na dostęp. Jak to zmienić:
check-fail-missing = Na tym urządzeniu nie znaleźliśmy kamery ani mikrofonu. Użyj smartfona albo podłącz kamerę lub zestaw słuchawkowy.
check-fail-busy = Inna aplikacja używa teraz kamery lub mikrofonu, na przykład inna rozmowa wideo. Zamknij tę aplikację i spróbuj ponownie.
check-fail-unsupported = Ta przeglądarka nie może udostępnić stronom internetowym kamery i mikrofonu. Otwórz stronę w Safari (iPhone) lub Chrome (Android).
check-fail-silent = Nic nie słychać. Czy mikrofon jest wyciszony? Powiedz kilka słów.
check-steps-title = Jak to zrobić na Twoim urządzeniu:
check-steps-more = Instrukcje dla innych urządzeń
check-in-app = Ta strona została otwarta w aplikacji, na przykład Telegram lub Instagram. Kamera często tam nie działa.
check-copy-link = Link do skopiowania:

# One step per line; each line becomes a numbered step.
check-steps-ios =
    Dotknij „aA” po lewej stronie paska adresu.
    Dotknij „Ustawienia witryny”.
    Dla kamery i mikrofonu wybierz „Zezwalaj”.
    Odśwież tę stronę.
check-steps-android =
    Dotknij ikony z suwakami po lewej stronie adresu.
    Dotknij „Uprawnienia”.
    Włącz kamerę i mikrofon.
    Odśwież tę stronę.
check-steps-samsung =
    Dotknij menu z trzema kreskami na dole ekranu.
    Dotknij „Ustawienia”, a potem „Strony i pobieranie”.
    Dotknij „Uprawnienia witryn” i zezwól tej stronie na dostęp do kamery i mikrofonu.
    Odśwież tę stronę.
check-steps-firefox =
    Stuknij lub kliknij kłódkę po lewej stronie paska adresu.
    Zezwól tam na dostęp do kamery i mikrofonu.
    Odśwież tę stronę.
check-steps-in-app =
    Dotknij menu w prawym górnym rogu (⋮ lub …).
    Wybierz „Otwórz w przeglądarce”.
    Uruchom tam test jeszcze raz.
check-steps-desktop =
    Kliknij ikonę po lewej stronie paska adresu (kłódkę lub kamerę).
    Zezwól tej stronie na dostęp do kamery i mikrofonu.
    Odśwież tę stronę.
check-steps-other =
    Otwórz ustawienia przeglądarki.
    Zezwól tej stronie na dostęp do kamery i mikrofonu.
    Odśwież tę stronę.

check-done-ready = Wszystko gotowe do rozmowy wideo. Możesz już zamknąć tę stronę.
check-done-problems = Jeszcze nie wszystko działa. Przeczytaj wskazówki powyżej.
check-saved = Wynik został zapisany.
check-error-save = Nie udało się zapisać wyniku. Spróbuj ponownie.
check-error-input = Nie mogę odczytać tych danych. Odśwież stronę.

## In /mydata: a booking's kept result ($result as clerks read it).
mydata-device-check = Test sprzętu dla { $reference }: { $result }
