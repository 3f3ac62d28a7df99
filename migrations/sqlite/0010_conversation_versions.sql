-- No new table, and nothing personal: a version number on each conversation row.
--
-- A process keeps the conversations it handled last in memory and writes a step back only if
-- the row still has the version it knows (one statement a step instead of a read and a write);
-- a row changed by another process since (a former leader, the retention purge) is read again.
-- The column goes with its row, under the conversation's retention rule.
ALTER TABLE conversations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
