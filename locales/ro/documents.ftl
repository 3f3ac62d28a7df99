# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Acest fișier este gol. Vă rugăm să trimiteți documentul din nou.
document-refused-too-large = Acest fișier este mai mare de { $mb } MB. Vă rugăm să trimiteți o fotografie sau o scanare mai mică, de exemplu un PDF cu o rezoluție mai mică.
document-refused-not-accepted = Pot accepta doar fișiere PDF și fotografii (JPEG, PNG sau HEIC). Vă rugăm să trimiteți documentul într-unul dintre aceste formate. Puteți trimite și câte o fotografie a fiecărei pagini.
document-refused-pdf-active = Acest PDF conține un script, așa că nu îl pot accepta. Vă rugăm să trimiteți în schimb fotografii ale paginilor sau să salvați documentul din nou, ca PDF nou.
document-refused-pdf-embedded = Acest PDF are alte fișiere atașate, așa că nu îl pot accepta. Vă rugăm să trimiteți documentul fără atașamente sau să trimiteți fotografii ale paginilor.
document-refused-pdf-encrypted = Acest PDF este protejat cu parolă, așa că funcționarul nu l-ar putea deschide. Vă rugăm să îl trimiteți fără parolă sau să trimiteți fotografii ale paginilor.
document-refused-unreadable = Nu am putut citi acest fișier. Este posibil să fie deteriorat. Vă rugăm să îl trimiteți din nou sau să trimiteți fotografii ale paginilor.
document-refused-no-booking = Încă nu aveți o programare pentru care să puteți trimite documente. Vă rugăm să faceți mai întâi o programare și apoi să trimiteți documentele aici.
document-refused-full = Pentru această programare există deja { $max ->
    [one] { $max } fișier
    [few] { $max } fișiere
   *[other] { $max } de fișiere
  }, nu pot păstra mai multe. Vă rugăm să ștergeți mai întâi unul: /appointments, apoi programarea, apoi „Documente”.
document-refused-duplicate = Ați trimis deja acest fișier, nu mai trebuie să faceți nimic. Puteți alege documentul căruia îi aparține din /appointments, apoi „Documente”.
document-refused-duplicate-of = Ați trimis deja acest fișier pentru „{ $document }”. Nu mai trebuie să faceți nimic.
document-refused-unavailable = Nu am putut prelua acest fișier. Vă rugăm să îl trimiteți din nou.
document-refused-off = Acest birou nu primește documente prin chat. Vă rugăm să le aveți pregătite pentru convorbire.

# A file arrived and was kept.
document-arrived = Vă mulțumim, fișierul dumneavoastră a ajuns.
document-kept = Vă mulțumim, am primit fișierul pentru „{ $document }”.
document-kept-replaced = Vă mulțumim, pentru „{ $document }” este valabil acum noul fișier.
document-still-missing = Documente care încă lipsesc: { $documents }.
document-all-sent = Toate documentele au ajuns. Funcționarul le va vedea când începe convorbirea.
document-removed = Fișierul pentru „{ $document }” a fost șters.
document-gone = Acest fișier nu mai există. Vă rugăm să îl trimiteți din nou.
# The name of a file whose checklist item is not known yet.
document-unnamed = Document

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Documente pentru programarea dumneavoastră { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: trimis ({ $size })
document-list-missing = ⬜ { $document }: netrimis încă
document-list-hint = Trimiteți aici o fotografie sau un fișier PDF pentru fiecare document. Cel mult { $mb } MB pe fișier și { $max ->
    [one] { $max } fișier
    [few] { $max } fișiere
   *[other] { $max } de fișiere
  } pe programare. Funcționarul le va vedea când începe convorbirea; după programare, acestea vor fi șterse.
document-send-prompt = Vă rugăm să trimiteți acum „{ $document }” ca fotografie sau fișier PDF.
document-which-prompt = Fișierul dumneavoastră ({ $size }) a ajuns. Ce document este?
option-documents = Documente (trimise: { $sent } din { $total })
option-send-document = Trimiteți „{ $document }”
option-replace-document = Înlocuiți „{ $document }”
option-remove-document = Ștergeți „{ $document }”

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Document pentru programarea { $reference }: { $document }, { $size }, trimis pe { $date }

# The web chat's form for a document (below the text field).
web-file-title = Trimiteți un document
web-file-hint = O fotografie sau un fișier PDF pentru programarea dumneavoastră, de cel mult 10 MB. Funcționarul îl va vedea când începe convorbirea.
web-file-label = Alegeți un fișier
web-file-send = Încărcați
