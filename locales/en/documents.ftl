# Why a document a citizen sent for the checklist was not kept, and what to do instead.
document-refused-empty = This file is empty. Please send the document again.
document-refused-too-large = This file is larger than { $mb } MB. Please send a smaller photo or scan, for example a PDF with a lower resolution.
document-refused-not-accepted = I can only take PDF files and photos (JPEG, PNG or HEIC). Please send the document in one of these formats. A photo of each page works too.
document-refused-pdf-active = This PDF contains a script, so I cannot take it. Please send a photo of the pages instead, or save it again as a new PDF.
document-refused-pdf-embedded = This PDF has other files attached to it, so I cannot take it. Please send the document without attachments, or a photo of the pages.
document-refused-pdf-encrypted = This PDF is protected by a password, so the clerk could not open it. Please send it without the protection, or a photo of the pages.
document-refused-unreadable = I could not read this file. It may be damaged. Please send it again, or a photo of the pages.
