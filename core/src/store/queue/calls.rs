//! Calls: the atomic pick of a waiting citizen for a clerk, ending a call (and the booking
//! with it), and the leases that return a vanished clerk's citizen to the waiting room.

use chrono::{DateTime, Duration, Utc};
use sqlx::{Any, Row, Transaction};

use super::{Finish, Pick, QueueEntry, entry};
use crate::store::{Backend, QueueRepo, Result, StoreError, is_retryable, ts};

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

impl QueueRepo<'_> {
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
        let postgres = self.0.backend() == Backend::Postgres;
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
            .fetch_optional(&self.0.pool)
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
        let mut tx = self.0.begin_write().await?;
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
    pub async fn renew_lease(self, clerk: &str, until: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE queue_entries SET lease_until = $2 WHERE clerk = $1 AND status = 'called'",
        )
        .bind(clerk)
        .bind(ts(until))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Calls whose clerk vanished (lease run out) go back to the waiting room, at their place.
    pub async fn expire_leases(self, now: DateTime<Utc>) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "UPDATE queue_entries SET status = 'waiting', clerk = NULL, called_at = NULL, \
             lease_until = NULL, video_url = NULL, told_position = NULL, told_wait = NULL \
             WHERE status = 'called' AND lease_until < $1 RETURNING id",
        )
        .bind(ts(now))
        .fetch_all(&self.0.pool)
        .await?)
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
