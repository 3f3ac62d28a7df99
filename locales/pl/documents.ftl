# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Ten plik jest pusty. Wyślij, proszę, dokument jeszcze raz.
document-refused-too-large = Ten plik jest większy niż { $mb } MB. Wyślij, proszę, mniejsze zdjęcie lub skan, na przykład PDF w niższej rozdzielczości.
document-refused-not-accepted = Mogę przyjąć tylko pliki PDF i zdjęcia (JPEG, PNG lub HEIC). Wyślij, proszę, dokument w jednym z tych formatów. Możesz też wysłać zdjęcie każdej strony.
document-refused-pdf-active = Ten plik PDF zawiera skrypt, więc nie mogę go przyjąć. Wyślij zamiast niego zdjęcia stron albo zapisz dokument ponownie jako nowy plik PDF.
document-refused-pdf-embedded = Do tego pliku PDF dołączono inne pliki, więc nie mogę go przyjąć. Wyślij dokument bez załączników albo prześlij zdjęcia stron.
document-refused-pdf-encrypted = Ten plik PDF jest chroniony hasłem, więc urzędnik nie będzie mógł go otworzyć. Wyślij go bez hasła albo prześlij zdjęcia stron.
document-refused-unreadable = Nie udało mi się odczytać tego pliku. Możliwe, że jest uszkodzony. Wyślij go, proszę, jeszcze raz albo prześlij zdjęcia stron.
