-- A message waits behind any earlier message of its conversation that is not due yet (backing
-- off after a failure, or claimed by a sender), so the due queries ask, for each due row,
-- whether such an earlier one exists. This index holds only the pending rows, by
-- conversation and in the order they go out, so that question never reads the delivered
-- history (up to 7 days of it) of a conversation. No new data: rows and their lifetime are
-- those of `notifications`.
CREATE INDEX notifications_pending_by_conversation ON notifications (conversation_id, changed_at, id)
    WHERE delivered_version < version AND dead_at IS NULL;
