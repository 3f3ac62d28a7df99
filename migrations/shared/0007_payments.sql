-- Fees paid from home after a call. One request per call (queue entry), with its items; it is
-- a draft during the call and open once sent to the citizen (a Telegram invoice or a hosted
-- payment link), then paid, refunded or cancelled. Holds the citizen's conversation id (to
-- send the request and the receipt), the amounts and the providers' charge ids. Payment
-- records are bookkeeping records (kept 10 years under German fiscal law, AO §147); the link
-- to the citizen is what the retention rules remove.
CREATE TABLE payments (
    -- 128 random bits: the Telegram invoice payload and the providers' idempotency key.
    id TEXT PRIMARY KEY,
    -- XXXX-XXXX, shown to citizens and clerks.
    reference TEXT NOT NULL UNIQUE,
    entry_id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    -- The visit's reference (booking or walk-in), so that clerks find it by that too.
    visit_reference TEXT,
    service TEXT,
    lang TEXT NOT NULL,
    -- JSON: [{"label": …, "cents": …}]
    items TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    currency TEXT NOT NULL,
    -- draft, open, paid, refunded, cancelled
    state TEXT NOT NULL,
    -- How it was paid: telegram, stripe …
    provider TEXT,
    checkout_id TEXT,
    checkout_url TEXT,
    checkout_expires_at BIGINT,
    provider_charge_id TEXT,
    telegram_charge_id TEXT UNIQUE,
    refunded_cents BIGINT NOT NULL DEFAULT 0,
    clerk TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    paid_at BIGINT
);
CREATE INDEX payments_by_visit ON payments (visit_reference);
CREATE INDEX payments_by_conversation ON payments (conversation_id, state);
CREATE INDEX payments_by_time ON payments (created_at);

-- Provider events already recorded (webhook event ids, Telegram charge ids), so that a
-- replayed event is recorded once. No personal data; kept with the payment.
CREATE TABLE payment_events (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
