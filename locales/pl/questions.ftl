# Questions citizens ask at a counter, answered at any step from the catalogue
# (core/src/dialogue/questions.rs). The keywords are matched like a service's: forgivingly,
# each phrase's words anywhere in what the citizen wrote.

question-greeting-keywords = dzień dobry, dobry wieczór, cześć, witam, witaj, hej, siema, halo
question-thanks-keywords = dziękuję, dzięki, bardzo dziękuję, wielkie dzięki, serdecznie dziękuję
question-hours-keywords = godziny otwarcia, godziny pracy, godziny urzędowania, kiedy otwarte, kiedy czynne, czy otwarte, czynne, do której
question-address-keywords = jaki adres, adres biura, gdzie biuro, gdzie urząd, gdzie jesteście, gdzie się znajduje, jak dojechać, dokąd przyjść, lokalizacja
question-cost-keywords = ile kosztuje, koszt, jaka cena, opłata, ile płacę, ile zapłacę, czy płatne, bezpłatnie, za darmo
question-duration-keywords = ile trwa, jak długo, czas trwania, ile czasu, ile minut, długo trwa, potrwa
question-documents-keywords = jakie dokumenty, potrzebne dokumenty, jakie papiery, co zabrać, co przynieść, co przygotować, czego potrzebuję, co potrzebne, co ze sobą
question-payment-keywords = płatność, zapłacić, jak zapłacić, jak płacić, sposób płatności, karta płatnicza, przelew, gotówką
question-call-keywords = rozmowa wideo, wideorozmowa, połączenie wideo, jak przebiega, kamera, mikrofon, jak się przygotować, potrzebna aplikacja
question-proxy-keywords = pełnomocnictwo, upoważnienie, pełnomocnik, zamiast mnie, w moim imieniu, ktoś inny, inna osoba, ktoś za mnie

question-greeting = Dzień dobry! Miło, że jesteś. Jestem wirtualnym okienkiem Twojego biura obsługi mieszkańców.
question-thanks = Nie ma za co!

question-hours-title = Godziny otwarcia wirtualnego okienka w najbliższych 7 dniach:
# $day is the date as in the booking ("wtorek, 2 lutego"); $hours one or more spans.
question-hours-day = { $day }: { $hours }
question-hours-span = { $from }–{ $to }
question-hours-day-none = { $day }: nieczynne
question-hours-day-closed = { $day }: nieczynne (święto lub dzień wolny)
question-hours-open-now = Teraz czynne, dziś do { $until }.
question-hours-closed-now = Teraz nieczynne. Zapraszamy ponownie: { $day }, od { $time }.
question-hours-closed-now-unknown = Teraz nieczynne. Kolejne godziny otwarcia nie są jeszcze ustalone.

question-address = Stacjonarne biuro obsługi mieszkańców znajdziesz pod adresem: { $address }

# $fee is "bezpłatnie" or an amount; $duration as in the checklist ("20 minut").
question-cost-duration = { $service }: { $fee }, rozmowa wideo trwa około { $duration }.
question-cost-duration-in-person = { $service }: { $fee }, wizyta w biurze trwa około { $duration }.
question-cost-all = Opłaty i czas trwania naszych usług:
question-cost-all-line = • { $service }: { $fee }, około { $duration }

question-documents = Do sprawy „{ $service }” potrzebujesz: { $documents }. Dokumenty możesz przesłać tutaj na czacie jeszcze przed rozmową.
question-documents-none = Do sprawy „{ $service }” nie potrzebujesz żadnych dokumentów.
question-which-service = W jakiej sprawie? Napisz na przykład „Jakie dokumenty są potrzebne do zameldowania?” albo „pełnomocnictwo zaświadczenie o niekaralności”.

question-payment-online = Opłaty regulujesz z domu: po rozmowie otrzymasz tutaj link do strony płatności miasta. Opłaty do zapłaty znajdziesz w każdej chwili w zakładce „Moje wizyty”.
question-payment-after-call = Opłaty regulujesz po rozmowie. Urzędnik powie Ci podczas rozmowy, jak zapłacić.

question-call = Tak przebiega rozmowa wideo: o godzinie wizyty wchodzisz tutaj do wirtualnej poczekalni i czekasz na swoją kolej. Gdy nadejdzie Twoja kolej, otrzymasz link. Otworzy on rozmowę w przeglądarce, bez aplikacji. Pozwól przeglądarce korzystać z kamery i mikrofonu i przygotuj dokument tożsamości oraz pozostałe dokumenty.

question-proxy-form = Sprawę „{ $service }” może za Ciebie załatwić ktoś inny. Ta osoba potrzebuje: { $form }.
question-proxy-in-person = Sprawę „{ $service }” musisz załatwić osobiście. Nikt inny nie może tego zrobić za Ciebie.
question-proxy-ask = Czy ktoś inny może załatwić za Ciebie sprawę „{ $service }”, ustali z Tobą urzędnik. Zapytaj o to podczas rozmowy.

question-unanswered = Niestety, w tej sprawie nie mogę pomóc. Możesz zapytać mnie na przykład o godziny otwarcia, opłatę za usługę albo o to, jak przebiega rozmowa wideo.
question-unanswered-clerk = Biuro obsługi mieszkańców jest teraz czynne: w menu możesz od razu porozmawiać z urzędnikiem („menu”).

# The questions as buttons on the help screen.
question-button-hours = Godziny otwarcia
question-button-address = Gdzie jest biuro?
question-button-cost = Koszt i czas trwania
question-button-call = Jak przebiega rozmowa wideo?
question-button-payment = Jak zapłacić?
question-button-proxy = Czy ktoś może przyjść zamiast mnie?
