-- Short feedback after a call: a rating from 1 to 5 and an optional comment, for statistics.
CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL,
    service TEXT,
    lang TEXT NOT NULL,
    rating BIGINT NOT NULL,
    comment TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX feedback_by_time ON feedback (created_at);
