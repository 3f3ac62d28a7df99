# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Ten plik jest pusty. Wyślij, proszę, dokument jeszcze raz.
document-refused-too-large = Ten plik jest większy niż { $mb } MB. Wyślij, proszę, mniejsze zdjęcie lub skan, na przykład PDF w niższej rozdzielczości.
document-refused-not-accepted = Mogę przyjąć tylko pliki PDF i zdjęcia (JPEG, PNG lub HEIC). Wyślij, proszę, dokument w jednym z tych formatów. Możesz też wysłać zdjęcie każdej strony.
document-refused-pdf-active = Ten plik PDF zawiera skrypt, więc nie mogę go przyjąć. Wyślij zamiast niego zdjęcia stron albo zapisz dokument ponownie jako nowy plik PDF.
document-refused-pdf-embedded = Do tego pliku PDF dołączono inne pliki, więc nie mogę go przyjąć. Wyślij dokument bez załączników albo prześlij zdjęcia stron.
document-refused-pdf-encrypted = Ten plik PDF jest chroniony hasłem, więc urzędnik nie będzie mógł go otworzyć. Wyślij go bez hasła albo prześlij zdjęcia stron.
document-refused-unreadable = Nie udało mi się odczytać tego pliku. Możliwe, że jest uszkodzony. Wyślij go, proszę, jeszcze raz albo prześlij zdjęcia stron.
document-refused-no-booking = Nie ma jeszcze umówionej wizyty, do której można by przesłać dokumenty. Proszę najpierw umówić wizytę, a potem przesłać tutaj dokumenty.
document-refused-full = Do tej wizyty przesłano już { $max ->
    [one] { $max } plik
    [few] { $max } pliki
    [many] { $max } plików
   *[other] { $max } pliku
  } – więcej nie mogę przechować. Proszę najpierw usunąć jeden z nich: /appointments, potem wizyta, a na koniec „Dokumenty”.
document-refused-duplicate = Ten plik został już przesłany, nie trzeba nic więcej robić. To, do którego dokumentu należy, można wybrać w /appointments, a potem „Dokumenty”.
document-refused-duplicate-of = Ten plik został już przesłany do dokumentu „{ $document }”. Nie trzeba nic więcej robić.
document-refused-unavailable = Nie udało mi się pobrać tego pliku. Proszę przesłać go jeszcze raz.
document-refused-off = Ten urząd nie przyjmuje dokumentów przez czat. Proszę mieć je przygotowane na rozmowę.

# A file arrived and was kept.
document-arrived = Dziękuję, plik dotarł.
document-kept = Dziękuję, mam już plik do dokumentu „{ $document }”.
document-kept-replaced = Dziękuję, dla dokumentu „{ $document }” obowiązuje teraz nowy plik.
document-still-missing = Jeszcze brakuje: { $documents }.
document-all-sent = Wszystkie dokumenty są już na miejscu. Urzędnik zobaczy je, gdy rozpocznie się rozmowa.
document-removed = Plik do dokumentu „{ $document }” został usunięty.
document-gone = Tego pliku już nie ma. Proszę przesłać go jeszcze raz.
# The name of a file whose checklist item is not known yet.
document-unnamed = Dokument

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Dokumenty do wizyty { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: wysłano ({ $size })
document-list-missing = ⬜ { $document }: jeszcze nie wysłano
document-list-hint = Proszę przesłać tutaj zdjęcie lub plik PDF każdego dokumentu. Maksymalnie { $mb } MB na plik i { $max ->
    [one] { $max } plik
    [few] { $max } pliki
    [many] { $max } plików
   *[other] { $max } pliku
  } na wizytę. Urzędnik zobaczy je, gdy rozpocznie się rozmowa; po wizycie zostaną usunięte.
document-send-prompt = Proszę teraz przesłać dokument „{ $document }” jako zdjęcie lub plik PDF.
document-which-prompt = Plik ({ $size }) dotarł. Jaki to dokument?
option-documents = Dokumenty (wysłano { $sent } z { $total })
option-send-document = Wyślij: { $document }
option-replace-document = Zastąp: { $document }
option-remove-document = Usuń: { $document }

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Dokument do wizyty { $reference }: { $document }, { $size }, wysłano { $date }

# The web chat's form for a document (below the text field).
web-file-title = Wyślij dokument
web-file-hint = Zdjęcie lub plik PDF do wizyty, maksymalnie 10 MB. Urzędnik zobaczy go, gdy rozpocznie się rozmowa.
web-file-label = Wybierz plik
web-file-send = Prześlij
