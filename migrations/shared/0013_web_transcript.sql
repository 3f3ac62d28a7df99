-- The web chat's transcript: what a citizen on the city's web page was shown and what they
-- sent, numbered per conversation (`seq`, from 1), so that a page that lost its connection,
-- was reloaded or opened in a new tab resumes from the last number it saw and gets exactly
-- the gap. Each row is written once: `source` is the outbox row and version it shows, or the
-- citizen's input key (a retried send or delivery finds its row and writes nothing).
--
-- Holds personal data: the conversation id (`web:` and the SHA-256 of the browser's token,
-- never the token itself), the messages as the page shows them (JSON: text, options, links,
-- a calendar or `/mydata` file) and the words the citizen typed.
-- Goes: with its conversation — an idle conversation's purge deletes its rows in the same
-- transaction, `/forget` and the admins' erasure delete all of them but the farewell once it
-- is delivered; the farewell (`kind = 'end'`), and any row whose conversation is gone, goes
-- with the delivered messages (`delivered_days` of the retention rules).
CREATE TABLE web_messages (
    conversation_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    source TEXT NOT NULL,
    -- 'office' (to the citizen), 'citizen' (what they sent), 'end' (the farewell).
    kind TEXT NOT NULL,
    -- The `seq` of the message this one shows anew (edited in place), if any.
    replaces BIGINT,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX web_messages_source ON web_messages (conversation_id, source);
CREATE INDEX web_messages_created ON web_messages (created_at);
