-- What each translation was last written or confirmed against, so that a translation whose
-- German reference changed since is flagged "to review". One row per (locale, message id):
-- the German text and the translation's text at that moment. Admin work only, no personal
-- data (who confirmed is in the audit log).
--
-- Baseline: at the first start every existing translation counts as reviewed against the
-- German text of that time. A translation edited (through the admin API or in its file) or
-- confirmed gets today's German text; one whose German text changed while it stayed the same
-- is to review. Rows are kept as long as their message: when the German reference no longer
-- has the message id, the next look (at start, on a change of the files) deletes its rows.
CREATE TABLE translation_reviews (
    lang TEXT NOT NULL,
    message_id TEXT NOT NULL,
    reference TEXT NOT NULL,
    translation TEXT NOT NULL,
    reviewed_at BIGINT NOT NULL,
    PRIMARY KEY (lang, message_id)
);
CREATE INDEX translation_reviews_by_message ON translation_reviews (message_id);
