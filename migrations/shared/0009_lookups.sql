-- No new table: indexes for lookups that run all day.
--
-- Every process looks for admins' newest changes (MAX(seq) of translations and catalogues)
-- every 100 ms on SQLite and every few seconds on PostgreSQL; these indexes answer that
-- without reading the tables (a catalogue row carries its whole TOML).
CREATE INDEX translations_by_seq ON translations (seq);
CREATE INDEX catalogs_by_seq ON catalogs (seq);

-- The expected wait uses each service's last 20 finished calls; without this index every
-- look sorted all finished calls of the service ever made.
CREATE INDEX queue_recent_calls ON queue_entries (service, finished_at)
    WHERE status = 'done' AND called_at IS NOT NULL;
