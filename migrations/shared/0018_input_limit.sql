-- The per-citizen input limit, shared by every replica (issue 27): no new table, one column
-- on each conversation row.
--
-- Holds: the limit's "theoretical arrival time" (GCRA, see core/src/dialogue/limits.rs) in
-- microseconds since the epoch: when the conversation may send again at the full rate. It
-- says no more than that the citizen wrote recently; 0 for a conversation never limited.
-- Written with the conversation's versioned write (no extra statement), so that two replicas
-- taking inputs of the same citizen count them together.
-- Goes: with its row, under the conversation's retention rule and with /forget.
ALTER TABLE conversations ADD COLUMN input_tat BIGINT NOT NULL DEFAULT 0;
