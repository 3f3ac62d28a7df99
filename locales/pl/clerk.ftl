# The clerks' desk (terminal `schalter desk` and the Matrix desk room).

desk-welcome = Stanowisko: { $clerk }. Wpisz „help”, aby zobaczyć polecenia.
desk-not-clerk = { $clerk } nie figuruje na liście pracowników obsługi (SCHALTER_MATRIX_CLERKS). Obsługiwać poczekalnię mogą tylko osoby z tej listy.
desk-help =
    Polecenia:
    next – wezwij następną osobę
    take REF – wezwij konkretną osobę
    done [notatka] – zakończ rozmowę
    noshow – osoba się nie stawiła
    back – odeślij osobę z powrotem do poczekalni
    queue – pokaż poczekalnię
    today – dzisiejsze wizyty
    say KEY – gotowa wiadomość dla osoby (camera, microphone, documents, moment, link)
    fee [KWOTA] [powód] – ustal opłatę za rozmowę lub dodaj pozycję
    paid REF – pokaż stan płatności
    refund REF [KWOTA] – zwróć płatność
    away / available – nieobecność / dostępność
    help – ta pomoc
desk-unknown = Nie znam tego polecenia.
desk-picked =
    Wezwano: { $reference } · { $service } · { $lang } · czeka { $waited } min
    Jeszcze brakuje: { $open }
desk-video = Wideo: { $url }
desk-video-invited = Pokój wideo jest gotowy: zaproszenie znajdziesz w Element. Linku nie ma tutaj, bo ten pokój czytają nie tylko pracownicy obsługi.
desk-nobody = Nikt nie czeka.
desk-not-waiting = { $reference } w tej chwili nie czeka.
desk-busy = Nadal trwa Twoja rozmowa z { $reference }. Najpierw ją zakończ poleceniem done, noshow lub back.
desk-done = { $reference } – sprawa zakończona.
desk-noshow = { $reference } – odnotowano niestawiennictwo.
desk-back = { $reference } jest z powrotem w poczekalni.
desk-no-call = Nie prowadzisz teraz żadnej rozmowy.
desk-queue-empty = Poczekalnia jest pusta.
desk-queue-title = Poczekalnia – oczekujący: { $count }, na dyżurze: { $clerks }
desk-queue-line = { $position }. { $reference } · { $service } · { $lang } · czeka { $waited } min · brakuje: { $open }
desk-in-call-line = W trakcie rozmowy: { $reference } (obsługuje: { $clerk })
desk-away = Status: nieobecność. Twoje stanowisko nie jest teraz uwzględniane w czasie oczekiwania.
desk-available = Status: dostępność. Możesz przyjmować kolejne osoby.
desk-walk-in = bez rezerwacji
desk-checklist-complete = nic
desk-agenda-title = Dzień dobry! Wizyty zaplanowane na dziś: { $count }
desk-today-title = Wizyty na dziś: { $count }
desk-today-line = { $time } · { $reference } · { $service } · { $lang } · stanowisko { $desk }
desk-say-sent = Wysłano do { $reference }: { $key }
desk-say-keys = Nie ma takiej wiadomości. Dostępne gotowe wiadomości: { $keys }

# Documents citizens sent for their checklist: which items have one (the queue, a pick), and
# where the terminal desk wrote each file.
desk-documents = 📎 { $documents }
desk-document-file = 📎 { $document }: { $path }
