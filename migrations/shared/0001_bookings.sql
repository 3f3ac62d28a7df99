-- Conversations: one row per citizen per channel; the dialogue state is JSON.
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    lang TEXT,
    state TEXT NOT NULL,
    offered TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Bookings. Times are UTC seconds since the epoch.
-- status: held (a slot reserved while the citizen confirms), confirmed, cancelled, expired.
CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    service TEXT NOT NULL,
    lang TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    desk BIGINT NOT NULL,
    status TEXT NOT NULL,
    hold_expires_at BIGINT,
    checklist TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX bookings_by_conversation ON bookings (conversation_id, status, starts_at);
CREATE INDEX bookings_by_hold ON bookings (status, hold_expires_at);

-- One row per slot-grid unit a booking occupies on a desk. The primary key is what makes a
-- double booking impossible, on both databases, whatever the isolation level.
CREATE TABLE desk_units (
    desk BIGINT NOT NULL,
    unit_start BIGINT NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings (id),
    PRIMARY KEY (desk, unit_start)
);
CREATE INDEX desk_units_by_time ON desk_units (unit_start);
CREATE INDEX desk_units_by_booking ON desk_units (booking_id);
