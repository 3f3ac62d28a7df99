# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = This file is empty. Please send the document again.
document-refused-too-large = This file is larger than { $mb } MB. Please send a smaller photo or scan, for example a PDF with a lower resolution.
document-refused-not-accepted = I can only take PDF files and photos (JPEG, PNG or HEIC). Please send the document in one of these formats. A photo of each page works too.
document-refused-pdf-active = This PDF contains a script, so I cannot take it. Please send a photo of the pages instead, or save it again as a new PDF.
document-refused-pdf-embedded = This PDF has other files attached to it, so I cannot take it. Please send the document without attachments, or a photo of the pages.
document-refused-pdf-encrypted = This PDF is protected by a password, so the clerk could not open it. Please send it without the protection, or a photo of the pages.
document-refused-unreadable = I could not read this file. It may be damaged. Please send it again, or a photo of the pages.
document-refused-no-booking = You have no appointment yet that documents could be for. Please book an appointment first, then send the documents here.
document-refused-full = This appointment already has { $max } files, as many as I can keep. Please remove one first: /appointments, then the appointment, then "Documents".
document-refused-duplicate = You have sent this file already, so there is nothing more to do. Which document is it for? You can choose it under /appointments, then "Documents".
document-refused-duplicate-of = You have sent this file already, as { $document }. There is nothing more to do.
document-refused-unavailable = I could not get this file. Please send it again.
document-refused-off = This office does not take documents in the chat. Please have them ready for the call.

# A file arrived and was kept.
document-arrived = Thank you, your file has arrived.
document-kept = Thank you, I have your { $document }.
document-kept-replaced = Thank you, your { $document } is replaced by the new file.
document-still-missing = Still missing: { $documents }.
document-all-sent = All documents are here. The clerk sees them when your call starts.
document-removed = Your { $document } is deleted.
document-gone = This file is no longer here. Please send it again.
# The name of a file whose checklist item is not known yet.
document-unnamed = Document

# An appointment's documents (/appointments, then the appointment, then "Documents").
document-list-title = Documents for your appointment { $reference } ({ $service }, { $date }):
document-list-sent = ✅ { $document }: sent ({ $size })
document-list-missing = ⬜ { $document }: not sent yet
document-list-hint = Send a photo or a PDF of each document here. At most { $mb } MB a file and { $max } files an appointment. The clerk sees them when your call starts; they are deleted after the appointment.
document-send-prompt = Please send your { $document } now, as a photo or a PDF.
document-which-prompt = Your file ({ $size }) has arrived. Which document is it?
option-documents = Documents ({ $sent } of { $total } sent)
option-send-document = Send { $document }
option-replace-document = Replace { $document }
option-remove-document = Delete { $document }

# A file's size.
size-kb = { $kb } KB
size-mb = { $mb } MB

# /mydata
mydata-document = Document for appointment { $reference }: { $document }, { $size }, sent on { $date }

# The web chat's form for a document (below the text field).
web-file-title = Send a document
web-file-hint = A photo or a PDF for your appointment, at most 10 MB. The clerk sees it when your call starts.
web-file-label = Choose a file
web-file-send = Upload
