//! The waiting room in the database: entries, atomic picks, leases, clerk presence.
//!
//! Order of the queue: appointments whose slot has come first (by slot time), then walk-ins
//! (first come, first served), then appointments checked in before their slot (by slot time).
//!
//! Here: the entry types, the shared SQL fragments and the row decoding; the queries are in
//! the submodules.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Result, StoreError, from_ts};
use crate::channel::ConversationId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Appointment,
    WalkIn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryStatus {
    Waiting,
    Called,
    Done,
    NoShow,
    Left,
}

impl EntryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Waiting => "waiting",
            EntryStatus::Called => "called",
            EntryStatus::Done => "done",
            EntryStatus::NoShow => "no_show",
            EntryStatus::Left => "left",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "waiting" => EntryStatus::Waiting,
            "called" => EntryStatus::Called,
            "done" => EntryStatus::Done,
            "no_show" => EntryStatus::NoShow,
            "left" => EntryStatus::Left,
            other => return Err(StoreError::Corrupt(format!("queue status `{other}`"))),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueEntry {
    pub id: String,
    /// The citizen's conversation; `None` once the row is anonymised (the retention rules,
    /// `/forget`).
    pub conversation_id: Option<ConversationId>,
    pub booking_id: Option<String>,
    pub reference: Option<String>,
    pub service: Option<String>,
    pub lang: String,
    pub kind: EntryKind,
    pub slot_at: DateTime<Utc>,
    pub joined_at: DateTime<Utc>,
    pub status: EntryStatus,
    pub clerk: Option<String>,
    pub called_at: Option<DateTime<Utc>>,
    pub lease_until: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub video_url: Option<String>,
    pub checklist: Vec<String>,
    pub told_position: Option<i64>,
    pub told_wait: Option<i64>,
}

/// Someone entering the waiting room.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub conversation_id: &'a ConversationId,
    pub booking_id: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub service: Option<&'a str>,
    pub lang: &'a str,
    pub kind: EntryKind,
    pub slot_at: DateTime<Utc>,
    pub checklist: &'a [String],
}

/// The result of `next` or `take`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Picked(QueueEntry),
    /// Nobody (or not that reference) is waiting.
    Nobody,
    /// The clerk still has a citizen; they must finish first.
    ClerkBusy(QueueEntry),
}

/// How a clerk ends a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    Done {
        note: Option<String>,
    },
    NoShow,
    /// Back into the waiting room, at the place the citizen had.
    Back,
}

macro_rules! select_entries {
    ($rest:literal) => {
        concat!(
            "SELECT id, conversation_id, booking_id, reference, service, lang, kind, slot_at, \
             joined_at, status, clerk, called_at, lease_until, finished_at, video_url, checklist, \
             told_position, told_wait FROM queue_entries ",
            $rest
        )
    };
}

/// The queue order; `$1` is now.
macro_rules! queue_order {
    () => {
        "ORDER BY CASE WHEN kind = 'appointment' AND slot_at <= $1 THEN 0 \
         WHEN kind = 'walk_in' THEN 1 ELSE 2 END, slot_at, joined_at, id"
    };
}

// Declared after the macros above: a `macro_rules!` macro is in scope only below it.
mod calls;
mod clerks;
mod entries;
mod reports;

fn opt_ts(r: &AnyRow, col: &str) -> Result<Option<DateTime<Utc>>> {
    r.try_get::<Option<i64>, _>(col)?.map(from_ts).transpose()
}

fn entry(r: &AnyRow) -> Result<QueueEntry> {
    let kind: String = r.try_get("kind")?;
    let checklist: String = r.try_get("checklist")?;
    Ok(QueueEntry {
        id: r.try_get("id")?,
        conversation_id: crate::store::citizen(r.try_get("conversation_id")?)?,
        booking_id: r.try_get("booking_id")?,
        reference: r.try_get("reference")?,
        service: r.try_get("service")?,
        lang: r.try_get("lang")?,
        kind: if kind == "walk_in" {
            EntryKind::WalkIn
        } else {
            EntryKind::Appointment
        },
        slot_at: from_ts(r.try_get("slot_at")?)?,
        joined_at: from_ts(r.try_get("joined_at")?)?,
        status: EntryStatus::parse(&r.try_get::<String, _>("status")?)?,
        clerk: r.try_get("clerk")?,
        called_at: opt_ts(r, "called_at")?,
        lease_until: opt_ts(r, "lease_until")?,
        finished_at: opt_ts(r, "finished_at")?,
        video_url: r.try_get("video_url")?,
        checklist: serde_json::from_str(&checklist)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?,
        told_position: r.try_get("told_position")?,
        told_wait: r.try_get("told_wait")?,
    })
}
