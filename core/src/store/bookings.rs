//! Bookings and the desk units they occupy: hold, confirm, cancel, reschedule.

use crate::channel::ConversationId;
use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{
    Backend, BookingRepo, ClosedUnlessDone, Result, StoreError, from_ts, is_retryable, ts,
};
use crate::reference::{new_reference, secret_token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingStatus {
    Held,
    Confirmed,
    Cancelled,
    Expired,
    /// The citizen was served.
    Done,
    /// The citizen did not come.
    NoShow,
}

impl BookingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Held => "held",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Expired => "expired",
            BookingStatus::Done => "done",
            BookingStatus::NoShow => "no_show",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "held" => BookingStatus::Held,
            "confirmed" => BookingStatus::Confirmed,
            "cancelled" => BookingStatus::Cancelled,
            "expired" => BookingStatus::Expired,
            "done" => BookingStatus::Done,
            "no_show" => BookingStatus::NoShow,
            other => return Err(StoreError::Corrupt(format!("booking status `{other}`"))),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    pub id: String,
    pub reference: String,
    /// The citizen's conversation; `None` once the row is anonymised (the retention rules,
    /// `/forget`).
    pub conversation_id: Option<ConversationId>,
    pub service: String,
    pub lang: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub desk: i64,
    pub status: BookingStatus,
    pub hold_expires_at: Option<DateTime<Utc>>,
    /// Ids of the documents the citizen said they have.
    pub checklist: Vec<String>,
}

/// A slot a citizen wants to hold while they confirm.
#[derive(Debug, Clone)]
pub struct HoldRequest<'a> {
    pub conversation_id: &'a ConversationId,
    pub service: &'a str,
    pub lang: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Length of one unit of the slot grid.
    pub unit: Duration,
    pub desks: u32,
    pub checklist: &'a [String],
    pub hold_until: DateTime<Utc>,
}

/// `SELECT <every booking column> FROM bookings <rest>`, as a static string.
macro_rules! select_bookings {
    ($rest:literal) => {
        concat!(
            "SELECT id, reference, conversation_id, service, lang, starts_at, ends_at, desk, \
             status, hold_expires_at, checklist FROM bookings ",
            $rest
        )
    };
}

fn booking(r: &AnyRow) -> Result<Booking> {
    let checklist: String = r.try_get("checklist")?;
    Ok(Booking {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        conversation_id: super::citizen(r.try_get("conversation_id")?)?,
        service: r.try_get("service")?,
        lang: r.try_get("lang")?,
        starts_at: from_ts(r.try_get("starts_at")?)?,
        ends_at: from_ts(r.try_get("ends_at")?)?,
        desk: r.try_get("desk")?,
        status: BookingStatus::parse(&r.try_get::<String, _>("status")?)?,
        hold_expires_at: r
            .try_get::<Option<i64>, _>("hold_expires_at")?
            .map(from_ts)
            .transpose()?,
        checklist: serde_json::from_str(&checklist)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?,
    })
}

/// Which holds to release.
#[derive(Clone, Copy)]
enum Release<'a> {
    /// Every hold whose time is up.
    Expired,
    /// The holds of one conversation.
    OfConversation(&'a str),
    /// One hold.
    One(&'a str),
    /// One hold, if its time is up.
    OneExpired(&'a str),
}

/// Marks holds expired and frees their units. The status change comes first and returns the
/// ids it changed, so a concurrent confirmation (which also needs `status = 'held'`) and this
/// release can never both win on PostgreSQL's row locks.
async fn release_holds(
    tx: &mut Transaction<'static, Any>,
    which: Release<'_>,
    now: i64,
) -> Result<()> {
    macro_rules! release {
        ($condition:literal) => {
            concat!(
                "UPDATE bookings SET status = 'expired', hold_expires_at = NULL, updated_at = $1 \
                 WHERE status = 'held' AND ",
                $condition,
                " RETURNING id"
            )
        };
    }
    let (sql, arg) = match which {
        Release::Expired => (release!("hold_expires_at <= $1"), None),
        Release::OfConversation(c) => (release!("conversation_id = $2"), Some(c)),
        Release::One(id) => (release!("id = $2"), Some(id)),
        Release::OneExpired(id) => (release!("id = $2 AND hold_expires_at <= $1"), Some(id)),
    };
    let mut query = sqlx::query_scalar::<_, String>(sql).bind(now);
    if let Some(arg) = arg {
        query = query.bind(arg);
    }
    for id in query.fetch_all(&mut **tx).await? {
        sqlx::query("DELETE FROM desk_units WHERE booking_id = $1")
            .bind(&id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The booking a hold made.
fn held(req: &HoldRequest<'_>, id: String, reference: String, desk: i64) -> Booking {
    Booking {
        id,
        reference,
        conversation_id: Some(req.conversation_id.to_owned()),
        service: req.service.to_owned(),
        lang: req.lang.to_owned(),
        starts_at: req.starts_at,
        ends_at: req.ends_at,
        desk,
        status: BookingStatus::Held,
        hold_expires_at: Some(req.hold_until),
        checklist: req.checklist.to_vec(),
    }
}

impl BookingRepo<'_> {
    /// Holds a slot on the first free desk. `Ok(None)` when every desk is taken. Any earlier
    /// hold of the same conversation is released: a citizen holds at most one slot.
    pub async fn hold(self, req: &HoldRequest<'_>, now: DateTime<Utc>) -> Result<Option<Booking>> {
        // On PostgreSQL two replicas may pick the same free desk; the loser's insert hits the
        // primary key and it simply tries again with what is left.
        for _ in 0..8 {
            match self.try_hold(req, now).await {
                Err(StoreError::Db(e)) if is_retryable(&e) => continue,
                other => return other,
            }
        }
        Ok(None)
    }

    async fn try_hold(self, req: &HoldRequest<'_>, now: DateTime<Utc>) -> Result<Option<Booking>> {
        if self.0.backend() == Backend::Sqlite {
            return self.hold_on_sqlite(req, now).await;
        }
        let mut tx = self.0.begin_write().await?;
        let now_s = ts(now);
        release_holds(
            &mut tx,
            Release::OfConversation(req.conversation_id.as_str()),
            now_s,
        )
        .await?;
        release_holds(&mut tx, Release::Expired, now_s).await?;

        let (start, end) = (ts(req.starts_at), ts(req.ends_at));
        let busy: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT desk FROM desk_units WHERE unit_start >= $1 AND unit_start < $2",
        )
        .bind(start)
        .bind(end)
        .fetch_all(&mut *tx)
        .await?;
        let Some(desk) = (1..=i64::from(req.desks)).find(|d| !busy.contains(d)) else {
            tx.rollback().await?;
            return Ok(None);
        };

        let id = secret_token();
        let mut reference = new_reference();
        while sqlx::query("SELECT 1 FROM bookings WHERE reference = $1")
            .bind(&reference)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            reference = new_reference();
        }
        let checklist = serde_json::to_string(req.checklist)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?;
        sqlx::query(
            "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
             ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'held', $9, $10, $11, $11)",
        )
        .bind(&id)
        .bind(&reference)
        .bind(req.conversation_id)
        .bind(req.service)
        .bind(req.lang)
        .bind(start)
        .bind(end)
        .bind(desk)
        .bind(ts(req.hold_until))
        .bind(&checklist)
        .bind(now_s)
        .execute(&mut *tx)
        .await?;
        let step = req.unit.num_seconds().max(60);
        let mut unit = start;
        while unit < end {
            sqlx::query(
                "INSERT INTO desk_units (desk, unit_start, booking_id) VALUES ($1, $2, $3)",
            )
            .bind(desk)
            .bind(unit)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            unit += step;
        }
        tx.commit().await?;
        Ok(Some(held(req, id, reference, desk)))
    }

    /// [`Self::try_hold`] on SQLite: the transaction as one batch, one round trip to the
    /// connection's thread where its statements took ten or more, so that the write lock is
    /// held for one hand-over while a burst of citizens waits for it. The same statements in
    /// SQL alone: the holds of this conversation and the expired ones released, the first
    /// desk whose units are free taken (nothing written if none is), its units written.
    ///
    /// Unlike the transaction, the releases stay when no desk is free: the conversation's
    /// earlier hold is released by its step anyway when no new hold is made (the state no
    /// longer holds it), and an expired hold is released whenever anyone holds. A reference
    /// that exists already fails the batch (its connection is closed, which rolls it back),
    /// and [`Self::hold`] tries again with another.
    async fn hold_on_sqlite(
        self,
        req: &HoldRequest<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<Booking>> {
        const HOLD: &str = "BEGIN IMMEDIATE; \
             DELETE FROM desk_units WHERE booking_id IN (SELECT id FROM bookings \
             WHERE status = 'held' AND conversation_id = $1); \
             UPDATE bookings SET status = 'expired', hold_expires_at = NULL, updated_at = $2 \
             WHERE status = 'held' AND conversation_id = $1; \
             DELETE FROM desk_units WHERE booking_id IN (SELECT id FROM bookings \
             WHERE status = 'held' AND hold_expires_at <= $2); \
             UPDATE bookings SET status = 'expired', hold_expires_at = NULL, updated_at = $2 \
             WHERE status = 'held' AND hold_expires_at <= $2; \
             WITH RECURSIVE desks(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM desks WHERE n < $3) \
             INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
             ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) \
             SELECT $4, $5, $1, $6, $7, $8, $9, n, 'held', $10, $11, $2, $2 FROM desks \
             WHERE n NOT IN (SELECT desk FROM desk_units \
             WHERE unit_start >= $8 AND unit_start < $9) ORDER BY n LIMIT 1; \
             WITH RECURSIVE units(t) AS (SELECT $8 UNION ALL SELECT t + $12 FROM units \
             WHERE t + $12 < $9) \
             INSERT INTO desk_units (desk, unit_start, booking_id) \
             SELECT b.desk, units.t, b.id FROM units JOIN bookings b ON b.id = $4 \
             WHERE units.t < $9; \
             SELECT desk FROM bookings WHERE id = $4; \
             COMMIT";
        let (start, end) = (ts(req.starts_at), ts(req.ends_at));
        let id = secret_token();
        let reference = new_reference();
        let checklist = serde_json::to_string(req.checklist)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?;
        let mut conn = ClosedUnlessDone::acquire(&self.0.pool).await?;
        // All of the batch's results are read, so that it runs to its `COMMIT`.
        let desk: Vec<i64> = sqlx::query_scalar(HOLD)
            .bind(req.conversation_id)
            .bind(ts(now))
            .bind(i64::from(req.desks))
            .bind(&id)
            .bind(&reference)
            .bind(req.service)
            .bind(req.lang)
            .bind(start)
            .bind(end)
            .bind(ts(req.hold_until))
            .bind(&checklist)
            .bind(req.unit.num_seconds().max(60))
            .fetch_all(&mut **conn.get())
            .await?;
        conn.done();
        Ok(desk.first().map(|&desk| held(req, id, reference, desk)))
    }

    /// Turns a live hold into a booking. `Ok(None)` if the hold has run out (the caller may try
    /// to hold the same slot again). Confirming twice is harmless: the second call returns the
    /// booking again.
    pub async fn confirm(self, booking_id: &str, now: DateTime<Utc>) -> Result<Option<Booking>> {
        sqlx::query(
            "UPDATE bookings SET status = 'confirmed', hold_expires_at = NULL, updated_at = $2 \
             WHERE id = $1 AND status = 'held' AND hold_expires_at > $2",
        )
        .bind(booking_id)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        let confirmed = self
            .booking(booking_id)
            .await?
            .filter(|b| b.status == BookingStatus::Confirmed);
        if let Some(b) = &confirmed
            && let Some(citizen) = &b.conversation_id
        {
            self.0.conversations().bookings_changed(citizen);
        }
        Ok(confirmed)
    }

    /// Moves the confirmed booking `old_id` to the slot of the hold `hold_id`, keeping its
    /// reference. `Ok(None)` if either is gone.
    pub async fn confirm_reschedule(
        &self,
        hold_id: &str,
        old_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Booking>> {
        let mut tx = self.0.begin_write().await?;
        let hold = sqlx::query(match self.0.backend() {
            Backend::Sqlite => {
                select_bookings!("WHERE id = $1 AND status = 'held' AND hold_expires_at > $2")
            }
            Backend::Postgres => select_bookings!(
                "WHERE id = $1 AND status = 'held' AND hold_expires_at > $2 FOR UPDATE"
            ),
        })
        .bind(hold_id)
        .bind(ts(now))
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| booking(&r))
        .transpose()?;
        let old_ok = sqlx::query(match self.0.backend() {
            Backend::Sqlite => "SELECT 1 FROM bookings WHERE id = $1 AND status = 'confirmed'",
            Backend::Postgres => {
                "SELECT 1 FROM bookings WHERE id = $1 AND status = 'confirmed' FOR UPDATE"
            }
        })
        .bind(old_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        let Some(hold) = hold.filter(|_| old_ok) else {
            tx.rollback().await?;
            return Ok(None);
        };
        sqlx::query("DELETE FROM desk_units WHERE booking_id = $1")
            .bind(old_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE desk_units SET booking_id = $1 WHERE booking_id = $2")
            .bind(old_id)
            .bind(hold_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE bookings SET starts_at = $2, ends_at = $3, desk = $4, checklist = $5, \
             updated_at = $6 WHERE id = $1",
        )
        .bind(old_id)
        .bind(ts(hold.starts_at))
        .bind(ts(hold.ends_at))
        .bind(hold.desk)
        .bind(serde_json::to_string(&hold.checklist).unwrap_or_else(|_| "[]".into()))
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM bookings WHERE id = $1")
            .bind(hold_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let moved = self.booking(old_id).await?;
        if let Some(b) = &moved
            && let Some(citizen) = &b.conversation_id
        {
            self.0.conversations().bookings_changed(citizen);
        }
        Ok(moved)
    }

    /// Cancels a confirmed booking of this conversation and frees its desk. `false` if there
    /// was nothing to cancel.
    pub async fn cancel(
        &self,
        booking_id: &str,
        conversation_id: &ConversationId,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let done = sqlx::query(
            "UPDATE bookings SET status = 'cancelled', updated_at = $3 \
             WHERE id = $1 AND conversation_id = $2 AND status IN ('confirmed', 'held')",
        )
        .bind(booking_id)
        .bind(conversation_id)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if done {
            // Its documents too: no call will need them.
            for sql in [
                "DELETE FROM desk_units WHERE booking_id = $1",
                "DELETE FROM document_chunks WHERE document_id IN \
                 (SELECT id FROM documents WHERE booking_id = $1)",
                "DELETE FROM documents WHERE booking_id = $1",
            ] {
                sqlx::query(sql).bind(booking_id).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(done)
    }

    /// Releases a hold before it runs out (the citizen chose another time or gave up).
    pub async fn release_hold(self, booking_id: &str, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        release_holds(&mut tx, Release::One(booking_id), ts(now)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Holds a slot longer, until `until`, if it is still held (not confirmed, not released).
    pub async fn extend_hold(
        self,
        booking_id: &str,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        Ok(sqlx::query(
            "UPDATE bookings SET hold_expires_at = $2, updated_at = $3 \
             WHERE id = $1 AND status = 'held' AND hold_expires_at > $3",
        )
        .bind(booking_id)
        .bind(ts(until))
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Releases a hold whose time is up (the hold-expiry timer). Nothing if it was confirmed.
    pub async fn release_expired_hold(self, booking_id: &str, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        release_holds(&mut tx, Release::OneExpired(booking_id), ts(now)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn booking(self, id: &str) -> Result<Option<Booking>> {
        sqlx::query(select_bookings!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| booking(&r))
            .transpose()
    }

    pub async fn booking_by_reference(self, reference: &str) -> Result<Option<Booking>> {
        sqlx::query(select_bookings!("WHERE reference = $1"))
            .bind(reference)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| booking(&r))
            .transpose()
    }

    /// Marks the checklist `item` of a booking as there (`have`) or missing; the queue entry
    /// of a checked-in booking follows. `false` if the booking is gone.
    pub async fn tick(self, booking_id: &str, item: &str, have: bool) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let Some(stored): Option<String> =
            sqlx::query_scalar("SELECT checklist FROM bookings WHERE id = $1")
                .bind(booking_id)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(false);
        };
        let mut list: Vec<String> = serde_json::from_str(&stored)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?;
        list.retain(|d| d != item);
        if have {
            list.push(item.to_owned());
        }
        let json = serde_json::to_string(&list)
            .map_err(|e| StoreError::Corrupt(format!("checklist: {e}")))?;
        sqlx::query("UPDATE bookings SET checklist = $2 WHERE id = $1")
            .bind(booking_id)
            .bind(&json)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE queue_entries SET checklist = $2 WHERE booking_id = $1 \
             AND status IN ('waiting', 'called')",
        )
        .bind(booking_id)
        .bind(&json)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Confirmed bookings of a conversation that have not ended yet, earliest first.
    pub async fn upcoming_bookings(
        &self,
        conversation_id: &ConversationId,
        now: DateTime<Utc>,
    ) -> Result<Vec<Booking>> {
        sqlx::query(select_bookings!(
            "WHERE conversation_id = $1 AND status = 'confirmed' AND ends_at > $2 \
             ORDER BY starts_at, reference"
        ))
        .bind(conversation_id)
        .bind(ts(now))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(booking)
        .collect()
    }

    /// Every booking of a conversation, whatever its state, by start.
    pub async fn bookings_of(self, conversation_id: &ConversationId) -> Result<Vec<Booking>> {
        sqlx::query(select_bookings!(
            "WHERE conversation_id = $1 ORDER BY starts_at, reference"
        ))
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(booking)
        .collect()
    }

    /// Confirmed bookings starting in `[from, to)`, earliest first.
    pub(super) async fn bookings_in(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Booking>> {
        sqlx::query(select_bookings!(
            "WHERE status = 'confirmed' AND starts_at >= $1 AND starts_at < $2 \
             ORDER BY starts_at, desk"
        ))
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(booking)
        .collect()
    }

    /// The day's visits for clerks: bookings still to come and those done, by start.
    pub async fn visits_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Booking>> {
        sqlx::query(select_bookings!(
            "WHERE status IN ('confirmed', 'done') AND starts_at >= $1 AND starts_at < $2 \
             ORDER BY starts_at, desk"
        ))
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(booking)
        .collect()
    }

    /// Marks a confirmed booking as a no-show (nobody checked in) and frees its desk.
    /// `false` if it was not confirmed any more.
    pub async fn mark_no_show(self, booking_id: &str, now: DateTime<Utc>) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE bookings SET status = 'no_show', updated_at = $2 \
             WHERE id = $1 AND status = 'confirmed'",
        )
        .bind(booking_id)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(changed)
    }

    /// `(desk, unit start)` of every unit taken in `[from, to)` by a booking or a live hold.
    pub async fn busy_units(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, DateTime<Utc>)>> {
        let rows = sqlx::query(
            "SELECT u.desk, u.unit_start FROM desk_units u JOIN bookings b ON b.id = u.booking_id \
             WHERE u.unit_start >= $1 AND u.unit_start < $2 \
             AND (b.status = 'confirmed' OR (b.status = 'held' AND b.hold_expires_at > $3))",
        )
        .bind(ts(from))
        .bind(ts(to))
        .bind(ts(now))
        .fetch_all(&self.0.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("desk")?, from_ts(r.try_get("unit_start")?)?)))
            .collect()
    }
}

impl BookingStatus {
    /// Whether the booking still occupies its desk.
    pub fn is_active(self) -> bool {
        matches!(self, BookingStatus::Held | BookingStatus::Confirmed)
    }

    pub fn name(self) -> &'static str {
        self.as_str()
    }
}
