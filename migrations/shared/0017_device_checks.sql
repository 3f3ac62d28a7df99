-- The device check before a call (issue 25): a page where the citizen tries camera,
-- microphone, speaker and the connection to the video service before the clerk calls.

-- Holds: the links to the check that were sent for a booking (in its confirmation, reminders
-- and check-in prompt): the SHA-256 of each link's secret (128 random bits; the secret itself
-- is only in the message), the booking it is for, and when it was made. A link works while
-- its booking is confirmed and the appointment has not ended.
-- Goes (the purge, core/src/retention.rs): once its booking is no longer confirmed or the
-- appointment has ended; with /forget.
CREATE TABLE device_check_links (
    token_hash TEXT PRIMARY KEY,
    booking_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX device_check_links_by_booking ON device_check_links (booking_id);

-- Holds: the last result of a booking's device check, shown to clerks in the queue and the
-- agenda: per part (camera, microphone, speaker, connection) ok, failed or not_tried, the
-- platform family the page detected (ios-safari, android-chrome, samsung, firefox, in-app,
-- desktop, other) and when it was checked. Nothing else: no device name, no browser version,
-- no address.
-- Goes (the purge): like the documents sent for the call, document_days (default 1) after the
-- appointment's end, at once once the booking is cancelled, ran out, was missed or is gone;
-- with /forget.
CREATE TABLE device_checks (
    booking_id TEXT PRIMARY KEY,
    camera TEXT NOT NULL,
    microphone TEXT NOT NULL,
    speaker TEXT NOT NULL,
    connection TEXT NOT NULL,
    platform TEXT NOT NULL,
    checked_at BIGINT NOT NULL
);
