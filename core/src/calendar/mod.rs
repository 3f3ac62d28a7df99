//! The calendar file (RFC 5545 `.ics`) that goes with every booking: `METHOD:REQUEST` when it
//! is confirmed and again, with the same UID and a higher SEQUENCE, when it is moved;
//! `METHOD:CANCEL` when it is cancelled. Calendars match the three by the UID, so the entry the
//! citizen added is updated or removed rather than doubled.
//!
//! The file is a function of the booking and the moment of its change, nothing else: the UID
//! is the booking's random id (no personal data), and the SEQUENCE is derived from that moment
//! (see [`sequence`]), so no counter is stored, and a change written twice (a step taken again)
//! is the same file in the same outbox slot, sent once.
//!
//! A small writer rather than the `icalendar` crate: the crate (0.17) has no time-zone
//! component, so the VTIMEZONE, most of this file, would be built by hand either way, and its
//! line folding tests for whitespace at a character position taken from a byte offset, which
//! does not hold for the multi-byte text of most of our languages.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::notice::NoticeKind;

mod service;
#[cfg(test)]
mod tests;
mod writer;

pub use service::Calendar;
pub use writer::{escape, ics};

/// The kind of the outbox message that carries the file.
pub const CALENDAR_FILE: &str = NoticeKind::CalendarFile.as_str();

/// The right-hand side of every UID: fixed, never taken from configuration, so that a change
/// of the configuration between a booking and its cancellation cannot break the match; by
/// RFC 2606 nobody's real domain.
const UID_DOMAIN: &str = "schalter.invalid";

/// 2024-01-01T00:00:00Z, the zero of [`sequence`].
const SEQUENCE_EPOCH: i64 = 1_704_067_200;

/// What the file asks of the citizen's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add the appointment, or update the entry with the same UID.
    Request,
    /// Remove the entry with the same UID.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }

    /// The media type of the file, which names the method too (RFC 5546).
    pub fn mime(self) -> String {
        format!("text/calendar; method={}", self.as_str())
    }
}

/// One appointment as the file describes it; the texts are already in the citizen's language.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub method: Method,
    pub uid: &'a str,
    pub sequence: u32,
    /// When this version was made (DTSTAMP).
    pub stamp: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The office's zone: the times are written in it, with its VTIMEZONE.
    pub tz: Tz,
    /// The language tag of the texts.
    pub lang: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
}

/// The UID of a booking's calendar entry.
pub fn uid(booking_id: &str) -> String {
    format!("{booking_id}@{UID_DOMAIN}")
}

/// The SEQUENCE of the version of a booking made at `changed_at`: twice its seconds since
/// 2024, plus one for a cancellation. A booking's changes (its confirmation, each move, its
/// cancellation) are each an input or more apart, so each gets a higher number than the one
/// before without a stored counter. A cancellation is always a booking's last change: the
/// extra one puts it above the version before even within the same second. Two moves within
/// one second (only a script could) would share a number; clocks of replicas must agree to
/// within the seconds between two inputs. Fits the 31 bits calendars expect until 2058.
pub fn sequence(changed_at: DateTime<Utc>, method: Method) -> u32 {
    let seconds = (changed_at.timestamp() - SEQUENCE_EPOCH).max(0);
    let doubled = seconds.saturating_mul(2) + i64::from(method == Method::Cancel);
    u32::try_from(doubled).unwrap_or(u32::MAX)
}

/// The file's name for a booking reference.
pub fn file_name(reference: &str) -> String {
    format!("termin-{reference}.ics")
}
