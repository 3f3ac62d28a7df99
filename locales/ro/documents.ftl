# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = Acest fișier este gol. Vă rugăm să trimiteți documentul din nou.
document-refused-too-large = Acest fișier este mai mare de { $mb } MB. Vă rugăm să trimiteți o fotografie sau o scanare mai mică, de exemplu un PDF cu o rezoluție mai mică.
document-refused-not-accepted = Pot accepta doar fișiere PDF și fotografii (JPEG, PNG sau HEIC). Vă rugăm să trimiteți documentul într-unul dintre aceste formate. Puteți trimite și câte o fotografie a fiecărei pagini.
document-refused-pdf-active = Acest PDF conține un script, așa că nu îl pot accepta. Vă rugăm să trimiteți în schimb fotografii ale paginilor sau să salvați documentul din nou, ca PDF nou.
document-refused-pdf-embedded = Acest PDF are alte fișiere atașate, așa că nu îl pot accepta. Vă rugăm să trimiteți documentul fără atașamente sau să trimiteți fotografii ale paginilor.
document-refused-pdf-encrypted = Acest PDF este protejat cu parolă, așa că funcționarul nu l-ar putea deschide. Vă rugăm să îl trimiteți fără parolă sau să trimiteți fotografii ale paginilor.
document-refused-unreadable = Nu am putut citi acest fișier. Este posibil să fie deteriorat. Vă rugăm să îl trimiteți din nou sau să trimiteți fotografii ale paginilor.
