//! The waiting room in the database: entries, atomic picks, leases, clerk presence.
//!
//! Order of the queue: appointments whose slot has come first (by slot time), then walk-ins
//! (first come, first served), then appointments checked in before their slot (by slot time).

use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{Backend, Result, Store, StoreError, from_ts, is_retryable, ts};
use crate::reference::secret_token;

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
    pub conversation_id: String,
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
    pub conversation_id: &'a str,
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

/// The pick: assigns the waiting citizen `$target` selects to clerk `$2` unless the clerk
/// already has one. `$1` now, `$3` the lease's end, `$4` the video URL, `$5` the reference.
macro_rules! pick_sql {
    ($target:expr) => {
        concat!(
            "UPDATE queue_entries SET status = 'called', clerk = $2, called_at = $1, \
             lease_until = $3, video_url = $4 WHERE id = ",
            $target,
            " AND status = 'waiting' AND NOT EXISTS \
             (SELECT 1 FROM queue_entries WHERE clerk = $2 AND status = 'called') \
             RETURNING id, conversation_id, booking_id, reference, service, lang, kind, slot_at, \
             joined_at, status, clerk, called_at, lease_until, finished_at, video_url, checklist, \
             told_position, told_wait"
        )
    };
}

/// The waiting citizen with reference `$5`; `$lock` locks the row (PostgreSQL).
macro_rules! by_reference {
    ($lock:literal) => {
        concat!(
            "(SELECT id FROM queue_entries WHERE reference = $5 AND status = 'waiting' \
             LIMIT 1 ",
            $lock,
            ")"
        )
    };
}

/// The first waiting citizen in queue order (`$1` now): one index-backed look-up per rank
/// through `queue_pick` instead of sorting the whole queue; a rank is looked at only when the
/// ranks before it are empty. `$lock` locks the row (PostgreSQL).
macro_rules! first_waiting {
    ($lock:literal) => {
        concat!(
            "COALESCE(",
            first_of_rank!("kind = 'appointment' AND slot_at <= $1", $lock),
            ", ",
            first_of_rank!("kind = 'walk_in'", $lock),
            ", ",
            first_of_rank!("kind = 'appointment' AND slot_at > $1", $lock),
            ")"
        )
    };
}

macro_rules! first_of_rank {
    ($condition:literal, $lock:literal) => {
        concat!(
            "(SELECT id FROM queue_entries WHERE status = 'waiting' AND ",
            $condition,
            " ORDER BY slot_at, joined_at, id LIMIT 1 ",
            $lock,
            ")"
        )
    };
}

fn opt_ts(r: &AnyRow, col: &str) -> Result<Option<DateTime<Utc>>> {
    r.try_get::<Option<i64>, _>(col)?.map(from_ts).transpose()
}

fn entry(r: &AnyRow) -> Result<QueueEntry> {
    let kind: String = r.try_get("kind")?;
    let checklist: String = r.try_get("checklist")?;
    Ok(QueueEntry {
        id: r.try_get("id")?,
        conversation_id: r.try_get("conversation_id")?,
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

impl Store {
    /// Puts a citizen in the waiting room. If they are already there (waiting or in a call),
    /// that entry is returned unchanged.
    pub async fn enqueue(&self, new: &NewEntry<'_>, now: DateTime<Utc>) -> Result<QueueEntry> {
        let checklist = serde_json::to_string(new.checklist)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?;
        let inserted = sqlx::query(
            "INSERT INTO queue_entries (id, conversation_id, booking_id, reference, service, lang, \
             kind, slot_at, joined_at, status, checklist) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', $10)",
        )
        .bind(secret_token())
        .bind(new.conversation_id)
        .bind(new.booking_id)
        .bind(new.reference)
        .bind(new.service)
        .bind(new.lang)
        .bind(match new.kind {
            EntryKind::Appointment => "appointment",
            EntryKind::WalkIn => "walk_in",
        })
        .bind(ts(new.slot_at))
        .bind(ts(now))
        .bind(checklist)
        .execute(&self.pool)
        .await;
        match inserted {
            Ok(_) => {}
            Err(e) if is_retryable(&e) => {}
            Err(e) => return Err(e.into()),
        }
        self.active_entry(new.conversation_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("queue entry vanished after insert".into()))
    }

    /// The citizen's entry while they wait or talk to a clerk.
    pub async fn active_entry(&self, conversation_id: &str) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE conversation_id = $1 AND status IN ('waiting', 'called')"
        ))
        .bind(conversation_id)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| entry(&r))
        .transpose()
    }

    pub async fn queue_entry(&self, id: &str) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| entry(&r))
            .transpose()
    }

    /// Whether this booking has already been through the waiting room (or is in it).
    pub async fn booking_visited(&self, booking_id: &str) -> Result<bool> {
        Ok(sqlx::query(
            "SELECT 1 FROM queue_entries WHERE booking_id = $1 \
             AND status IN ('waiting', 'called', 'done')",
        )
        .bind(booking_id)
        .fetch_optional(&self.pool)
        .await?
        .is_some())
    }

    /// The citizen leaves the waiting room. `false` if they were not waiting.
    pub async fn leave_queue(&self, conversation_id: &str, now: DateTime<Utc>) -> Result<bool> {
        Ok(sqlx::query(
            "UPDATE queue_entries SET status = 'left', finished_at = $2 \
             WHERE conversation_id = $1 AND status = 'waiting'",
        )
        .bind(conversation_id)
        .bind(ts(now))
        .execute(&self.pool)
        .await?
        .rows_affected()
            > 0)
    }

    /// Everyone waiting, in queue order.
    pub async fn waiting(&self, now: DateTime<Utc>) -> Result<Vec<QueueEntry>> {
        sqlx::query(concat!(
            select_entries!("WHERE status = 'waiting' "),
            queue_order!()
        ))
        .bind(ts(now))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// Everyone with a clerk right now.
    pub async fn in_calls(&self) -> Result<Vec<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE status = 'called' ORDER BY called_at"
        ))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// The citizen a clerk is with, if any.
    pub async fn clerk_entry(&self, clerk: &str) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!("WHERE clerk = $1 AND status = 'called'"))
            .bind(clerk)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| entry(&r))
            .transpose()
    }

    /// Every visit of a conversation to the waiting room, by arrival.
    pub async fn entries_of(&self, conversation_id: &str) -> Result<Vec<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE conversation_id = $1 ORDER BY joined_at, id"
        ))
        .bind(conversation_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// The clerk's most recent finished call (done) since `since`.
    pub async fn clerk_last_done(
        &self,
        clerk: &str,
        since: DateTime<Utc>,
    ) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE clerk = $1 AND status = 'done' AND finished_at >= $2 \
             ORDER BY finished_at DESC LIMIT 1"
        ))
        .bind(clerk)
        .bind(ts(since))
        .fetch_optional(&self.pool)
        .await?
        .map(|r| entry(&r))
        .transpose()
    }

    /// Assigns one waiting citizen to `clerk`, atomically: the next in queue order, or the
    /// one with `reference`. Two clerks never get the same citizen and a clerk never holds
    /// two: PostgreSQL skips rows another pick has locked (`FOR UPDATE SKIP LOCKED`), SQLite
    /// runs one writing statement at a time; the unique index on called clerks catches one
    /// clerk picking twice at once.
    ///
    /// The pick is one statement, so one round trip: with many clerks the time goes in
    /// waiting for a connection and (SQLite) the writer, and a pick of several statements
    /// holds both for each of its round trips. Only when it assigns nobody does a second
    /// query tell a busy clerk from an empty queue.
    pub async fn pick(
        &self,
        clerk: &str,
        reference: Option<&str>,
        lease: Duration,
        video_url: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Pick> {
        for _ in 0..8 {
            match self.try_pick(clerk, reference, lease, video_url, now).await {
                Ok(Some(picked)) => return Ok(Pick::Picked(picked)),
                Ok(None) => {
                    return Ok(match self.clerk_entry(clerk).await? {
                        Some(mine) => Pick::ClerkBusy(mine),
                        None => Pick::Nobody,
                    });
                }
                Err(StoreError::Db(e)) if is_retryable(&e) => {
                    // Most likely this clerk picked twice at once; the other pick won.
                    if let Some(mine) = self.clerk_entry(clerk).await? {
                        return Ok(Pick::ClerkBusy(mine));
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Pick::Nobody)
    }

    /// The pick's one statement; `None` if it assigned nobody (nobody waiting, or the clerk
    /// is busy).
    async fn try_pick(
        &self,
        clerk: &str,
        reference: Option<&str>,
        lease: Duration,
        video_url: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Option<QueueEntry>> {
        let postgres = self.backend() == Backend::Postgres;
        let sql = match (reference.is_some(), postgres) {
            (true, true) => pick_sql!(by_reference!("FOR UPDATE SKIP LOCKED")),
            (true, false) => pick_sql!(by_reference!("")),
            (false, true) => pick_sql!(first_waiting!("FOR UPDATE SKIP LOCKED")),
            (false, false) => pick_sql!(first_waiting!("")),
        };
        let mut query = sqlx::query(sql)
            .bind(ts(now))
            .bind(clerk)
            .bind(ts(now + lease))
            .bind(video_url);
        if let Some(reference) = reference {
            query = query.bind(reference);
        }
        query
            .fetch_optional(&self.pool)
            .await?
            .map(|r| entry(&r))
            .transpose()
    }

    /// Ends the clerk's current call. `Ok(None)` if they have none.
    pub async fn finish_call(
        &self,
        clerk: &str,
        how: &Finish,
        now: DateTime<Utc>,
    ) -> Result<Option<QueueEntry>> {
        let mut tx = self.begin_write().await?;
        let row =
            match how {
                Finish::Back => sqlx::query(
                    "UPDATE queue_entries SET status = 'waiting', clerk = NULL, called_at = NULL, \
                     lease_until = NULL, video_url = NULL, told_position = NULL, told_wait = NULL \
                     WHERE clerk = $1 AND status = 'called' RETURNING id",
                )
                .bind(clerk)
                .fetch_optional(&mut *tx)
                .await?,
                Finish::Done { note } => {
                    sqlx::query(
                        "UPDATE queue_entries SET status = 'done', finished_at = $2, note = $3, \
                     lease_until = NULL WHERE clerk = $1 AND status = 'called' RETURNING id",
                    )
                    .bind(clerk)
                    .bind(ts(now))
                    .bind(note.as_deref())
                    .fetch_optional(&mut *tx)
                    .await?
                }
                Finish::NoShow => {
                    sqlx::query(
                        "UPDATE queue_entries SET status = 'no_show', finished_at = $2, \
                     lease_until = NULL WHERE clerk = $1 AND status = 'called' RETURNING id",
                    )
                    .bind(clerk)
                    .bind(ts(now))
                    .fetch_optional(&mut *tx)
                    .await?
                }
            };
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(None);
        };
        let id: String = row.try_get("id")?;
        let booking_status = match how {
            Finish::Back => None,
            Finish::Done { .. } => Some("done"),
            Finish::NoShow => Some("no_show"),
        };
        if let Some(status) = booking_status {
            set_booking_status(&mut tx, &id, status, now).await?;
        }
        tx.commit().await?;
        self.queue_entry(&id).await
    }

    /// Extends the lease on the clerk's current call.
    pub async fn renew_lease(&self, clerk: &str, until: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE queue_entries SET lease_until = $2 WHERE clerk = $1 AND status = 'called'",
        )
        .bind(clerk)
        .bind(ts(until))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Calls whose clerk vanished (lease run out) go back to the waiting room, at their place.
    pub async fn expire_leases(&self, now: DateTime<Utc>) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "UPDATE queue_entries SET status = 'waiting', clerk = NULL, called_at = NULL, \
             lease_until = NULL, video_url = NULL, told_position = NULL, told_wait = NULL \
             WHERE status = 'called' AND lease_until < $1 RETURNING id",
        )
        .bind(ts(now))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Tells a waiting citizen their place: updates their waiting-room message and remembers
    /// what they were told, in one transaction and only while they are still waiting. A
    /// position computed just before a clerk picked them is thus never delivered after the
    /// call message. Returns whether the citizen was still waiting.
    pub async fn tell_position(
        &self,
        entry: &QueueEntry,
        position: i64,
        wait: Option<i64>,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let still = sqlx::query(
            "UPDATE queue_entries SET told_position = $2, told_wait = $3 \
             WHERE id = $1 AND status = 'waiting'",
        )
        .bind(&entry.id)
        .bind(position)
        .bind(wait)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if still {
            super::notifications::notify_with(
                &mut *tx,
                super::notifications::NOTIFY_UPDATE,
                [
                    &entry.conversation_id,
                    super::WAITING_ROOM_SLOT,
                    "position",
                    body,
                ],
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(still)
    }

    /// Handling times in seconds of the last `n` finished calls of a service, newest first.
    pub async fn recent_handling_seconds(&self, service: &str, n: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT finished_at - called_at FROM queue_entries \
             WHERE service = $1 AND status = 'done' AND called_at IS NOT NULL \
             ORDER BY finished_at DESC LIMIT $2",
        )
        .bind(service)
        .bind(n)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records a clerk's presence (`available` or `away`) and when they were last seen.
    pub async fn set_clerk_status(
        &self,
        clerk: &str,
        status: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO clerks (id, status, seen_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, seen_at = excluded.seen_at",
        )
        .bind(clerk)
        .bind(status)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Marks the clerk as seen now, keeping their status.
    pub async fn clerk_seen(&self, clerk: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE clerks SET seen_at = $2 WHERE id = $1")
            .bind(clerk)
            .bind(ts(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn clerk_status(&self, clerk: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT status FROM clerks WHERE id = $1")
                .bind(clerk)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Clerks available and seen since `since`.
    pub async fn clerks_on_duty(&self, since: DateTime<Utc>) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM clerks WHERE status = 'available' AND seen_at >= $1",
        )
        .bind(ts(since))
        .fetch_one(&self.pool)
        .await?)
    }

    /// Confirmed bookings starting in `[from, to)`, by start time: the day's agenda.
    pub async fn bookings_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<super::Booking>> {
        self.bookings_in(from, to).await
    }
}

async fn set_booking_status(
    tx: &mut Transaction<'static, Any>,
    entry_id: &str,
    status: &'static str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE bookings SET status = $2, updated_at = $3 WHERE id = \
         (SELECT booking_id FROM queue_entries WHERE id = $1) AND status = 'confirmed'",
    )
    .bind(entry_id)
    .bind(status)
    .bind(ts(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Keeps a citizen's rating (1–5) of a call; `comment` may follow later.
    pub async fn save_feedback(
        &self,
        entry_id: &str,
        rating: i64,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let entry = self.queue_entry(entry_id).await?;
        sqlx::query(
            "INSERT INTO feedback (id, entry_id, service, lang, rating, comment, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(secret_token())
        .bind(entry_id)
        .bind(entry.as_ref().and_then(|e| e.service.clone()))
        .bind(
            entry
                .as_ref()
                .map_or_else(|| "de".to_owned(), |e| e.lang.clone()),
        )
        .bind(rating.clamp(1, 5))
        .bind(comment)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Adds a comment to the latest feedback on a call.
    pub async fn comment_feedback(&self, entry_id: &str, comment: &str) -> Result<()> {
        sqlx::query("UPDATE feedback SET comment = $2 WHERE entry_id = $1")
            .bind(entry_id)
            .bind(comment)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// `(rating, comment)` of all feedback, newest first.
    pub async fn feedback(&self) -> Result<Vec<(i64, Option<String>)>> {
        let rows = sqlx::query("SELECT rating, comment FROM feedback ORDER BY created_at DESC")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("rating")?, r.try_get("comment")?)))
            .collect()
    }
}

impl Store {
    /// `(called at, minutes waited)` of every call since `since`.
    pub async fn waits_since(&self, since: DateTime<Utc>) -> Result<Vec<(DateTime<Utc>, i64)>> {
        let rows = sqlx::query(
            "SELECT called_at, joined_at FROM queue_entries \
             WHERE called_at IS NOT NULL AND called_at >= $1 ORDER BY called_at",
        )
        .bind(ts(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let called: i64 = r.try_get("called_at")?;
                let joined: i64 = r.try_get("joined_at")?;
                Ok((from_ts(called)?, (called - joined).max(0) / 60))
            })
            .collect()
    }
}
