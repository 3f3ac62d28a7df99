-- No new table. Every process looks for admins' newest changes (MAX(seq) of translations and
-- catalogues) several times a second on SQLite and every few seconds on PostgreSQL; these
-- indexes answer that without reading the tables (a catalogue row carries its whole TOML).
CREATE INDEX translations_by_seq ON translations (seq);
CREATE INDEX catalogs_by_seq ON catalogs (seq);
