-- E-mail for a web citizen's booking (double opt-in): the address a citizen on the web chat
-- gave so that one booking's confirmation, reminders, check-in prompt and call notice reach
-- them after they closed the page. Mails themselves are outbox rows of the conversation
-- `mail:<id>` (the id, never the address, names it).
--
-- Holds personal data: the address, the web conversation and the booking it serves, the
-- language of its mails, its state ('pending' until the link in the first mail is opened,
-- 'confirmed', 'bounced' after the relay refused it for good).
-- Goes: at `/forget` and the admins' erasure (with its queued mails); when the citizen stops
-- it (the link in every mail, or `List-Unsubscribe`); by the retention rules once its booking
-- is no longer a confirmed one (served, missed, cancelled, gone) and, unconfirmed, a day
-- after it was given.
CREATE TABLE web_mail (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    address TEXT NOT NULL,
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT
);
CREATE INDEX web_mail_conversation ON web_mail (conversation_id);
CREATE UNIQUE INDEX web_mail_booking_address ON web_mail (booking_id, address);

-- The secrets in the links of those mails, as SHA-256 hashes (the links themselves exist only
-- in the mails): 'confirm' (double opt-in), 'stop' (unsubscribe), 'back' (opens the web chat's
-- conversation in whatever browser the mail is read in; it then serves as that browser's
-- session key).
--
-- Holds: the hash, what it opens (the mail row, the web conversation) and until when.
-- Goes: when it expires (the retention rules, daily: a confirm key after a day, a stop or
-- back key a day after its appointment), at `/forget` and the admins' erasure; confirm and
-- stop keys also when their address is stopped.
CREATE TABLE web_keys (
    hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    mail_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_keys_conversation ON web_keys (conversation_id);
CREATE INDEX web_keys_expires ON web_keys (expires_at);
