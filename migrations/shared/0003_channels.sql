-- Exactly-once answers: the last input a conversation handled (e.g. a Telegram update id),
-- the reply it produced, and whether that reply reached the citizen. A redelivered input
-- gets the stored reply (sent only if it was not) instead of a second transition.
ALTER TABLE conversations ADD COLUMN last_key TEXT;
ALTER TABLE conversations ADD COLUMN last_reply TEXT;
ALTER TABLE conversations ADD COLUMN reply_sent BIGINT NOT NULL DEFAULT 0;

-- Where a channel's consumer stands, e.g. the Telegram getUpdates offset.
CREATE TABLE channel_cursors (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

-- The channel message that shows an outbox slot (the waiting-room message), to edit it.
CREATE TABLE channel_messages (
    conversation_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (conversation_id, slot)
);
