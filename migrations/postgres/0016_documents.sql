-- Documents citizens sent for the checklist of a booking (a landlord's confirmation, a power of
-- attorney …), checked first (PDF, JPEG, PNG or HEIC by content; no script, attachment or
-- encryption in a PDF; an image's GPS position and camera gone).
-- Holds: the booking and checklist item a file is for (item empty until the citizen said
-- which), the conversation that sent it, its kind and size, a keyed digest (HMAC-SHA-256 under
-- the documents key: the same file sent twice is recognised, nothing of its content is told),
-- and the inbox key of the input that brought it (unique: an input handled twice stores it
-- once). The bytes are in document_chunks.
-- Goes (the purge, core/src/retention.rs): document_days (default 1) after the appointment's
-- end, at once once the booking is cancelled, expired, missed or gone; with /forget; when the
-- citizen removes or replaces it.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    booking_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    size BIGINT NOT NULL,
    digest TEXT NOT NULL,
    input_key TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX documents_by_booking ON documents (booking_id, created_at);
CREATE INDEX documents_by_conversation ON documents (conversation_id);

-- Holds: a document's bytes, encrypted at rest with the documents key (XChaCha20-Poly1305,
-- core/src/documents/sealed.rs), in chunks of 256 KiB numbered from 0.
-- Goes: with its document (same statements, same transaction).
CREATE TABLE document_chunks (
    document_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (document_id, seq)
);

-- Holds: per office day and outcome (pdf, jpeg, png, heic, refused), how many files arrived and
-- their bytes. No citizen, booking or file: anonymous statistics for the admin page.
-- Kept: anonymous statistics, like the ratings of calls (nothing in it names a citizen).
CREATE TABLE document_stats (
    day TEXT NOT NULL,
    outcome TEXT NOT NULL,
    files BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    PRIMARY KEY (day, outcome)
);
