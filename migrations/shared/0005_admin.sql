-- Translations changed by admins: every change is kept (who, when) and can be rolled back.
-- The newest row per (lang, message_id) wins over the .ftl files; a NULL value means "back to
-- the file's text".
CREATE TABLE translations (
    id TEXT PRIMARY KEY,
    lang TEXT NOT NULL,
    message_id TEXT NOT NULL,
    value TEXT,
    author TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    seq BIGINT NOT NULL
);
CREATE INDEX translations_by_message ON translations (lang, message_id, seq);

-- Catalogue versions saved through the admin API; the newest is in force.
CREATE TABLE catalogs (
    id TEXT PRIMARY KEY,
    toml TEXT NOT NULL,
    author TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    seq BIGINT NOT NULL
);
