-- Documents on their way in (issue 24): a file is checked, sealed and written a chunk at a time
-- as the channel downloads it, so that no process holds it whole. Its chunks are in
-- document_chunks under the document's id before its row in documents exists; this row says
-- that they are still arriving, so the purge leaves them alone.
--
-- Holds: the id the arriving document will have and when its first chunk was written. Nothing
-- about the citizen, the booking or the file (the chunks are sealed, see 0016).
-- Goes: in the transaction that keeps the document (its row in documents takes over), or with
-- its chunks once the file is refused or its download fails; a process killed in between
-- leaves it to the purge (core/src/store/retention.rs), which deletes it and its chunks an
-- hour after it began.
CREATE TABLE document_uploads (
    id TEXT PRIMARY KEY,
    started_at BIGINT NOT NULL
);
