-- The virtual waiting room. One row per visit: an appointment's check-in or a walk-in.
-- status: waiting, called (with a clerk; the lease must be renewed), done, no_show, left.
CREATE TABLE queue_entries (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    booking_id TEXT REFERENCES bookings (id),
    reference TEXT,
    service TEXT,
    lang TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- Appointments: the slot start; walk-ins: when they joined. Orders the queue.
    slot_at BIGINT NOT NULL,
    joined_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    clerk TEXT,
    called_at BIGINT,
    lease_until BIGINT,
    finished_at BIGINT,
    video_url TEXT,
    note TEXT,
    checklist TEXT NOT NULL,
    -- What the citizen was last told, so that only changes are pushed.
    told_position BIGINT,
    told_wait BIGINT
);
-- Picks walk this index: (due appointments | walk-ins | early appointments) by slot.
CREATE INDEX queue_pick ON queue_entries (status, kind, slot_at, joined_at, id);
CREATE INDEX queue_by_conversation ON queue_entries (conversation_id, status);
-- A citizen waits or talks to a clerk at most once at a time; a clerk has at most one citizen.
CREATE UNIQUE INDEX queue_one_active_per_citizen ON queue_entries (conversation_id)
    WHERE status IN ('waiting', 'called');
CREATE UNIQUE INDEX queue_one_citizen_per_clerk ON queue_entries (clerk)
    WHERE status = 'called';
-- An appointment is checked in once (again only after the citizen left the queue).
CREATE UNIQUE INDEX queue_one_visit_per_booking ON queue_entries (booking_id)
    WHERE booking_id IS NOT NULL AND status IN ('waiting', 'called', 'done');

-- Clerks and their presence. On duty = available or in a call, seen recently.
CREATE TABLE clerks (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    seen_at BIGINT NOT NULL
);

-- Persisted timers. A job is claimed by one worker at a time (the claim expires if that
-- worker dies) and completed in the same transaction as its effects.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    dedupe TEXT NOT NULL UNIQUE,
    run_at BIGINT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_until BIGINT,
    attempts BIGINT NOT NULL DEFAULT 0,
    done_at BIGINT
);
CREATE INDEX jobs_due ON jobs (status, run_at);

-- Outbox of messages to citizens and clerks. Channels deliver and mark them. A row with a
-- `slot` (e.g. the waiting-room position) is updated in place: channels edit their message.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    slot TEXT,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Microseconds of the last change: the order of delivery.
    changed_at BIGINT NOT NULL,
    delivered_version BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX notifications_slot ON notifications (conversation_id, slot);
CREATE INDEX notifications_pending ON notifications (conversation_id, delivered_version, version);
