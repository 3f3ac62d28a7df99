//! The outbox: messages the core wants delivered to a conversation, one row each. A message
//! with a `slot` is kept up to date in place (a new version replaces the old text); channels
//! edit the message they sent for it instead of sending a new one.
//!
//! Delivery is per row: a channel claims a due row, sends it, and records the outcome. A
//! transient failure backs the row off (and the rest of that conversation with it, to keep the
//! order); a permanent one (the citizen blocked the bot, left the room) marks the
//! conversation's pending rows dead. Neither holds up anybody else. Due rows are found through
//! a partial index on `(channel, changed_at, id)`, so the cost does not grow with the rows
//! already delivered; those are pruned after a week.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{OutboxRepo, Result, channel_of, ts};
use crate::channel::ConversationId;
use crate::notice::NoticeKind;
use crate::reference::secret_token;

/// A row its writer claimed as it wrote it, to send it at once: `until` (microseconds) is
/// the claim's end, as the row's `next_attempt_at` says while nobody else touched it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub row: Notification,
    pub until: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: String,
    pub conversation_id: ConversationId,
    pub slot: Option<String>,
    /// The name of its [`NoticeKind`] (see [`Notification::notice_kind`]).
    pub kind: String,
    /// JSON: `{"text": …, "options": [{"id": …, "label": …}], "link": …}`.
    pub body: String,
    pub version: i64,
    /// Failed attempts so far.
    pub attempts: i64,
}

impl Notification {
    /// What the row is; `None` if a newer version wrote a kind this one does not know.
    pub fn notice_kind(&self) -> Option<NoticeKind> {
        NoticeKind::parse(&self.kind)
    }
}

/// `SELECT` of a whole outbox row followed by the rest of the query.
macro_rules! select_rows {
    ($rest:literal) => {
        concat!(
            "SELECT id, conversation_id, slot, kind, body, version, attempts FROM notifications ",
            $rest
        )
    };
}

fn notification(r: &AnyRow) -> Result<Notification> {
    Ok(Notification {
        id: r.try_get("id")?,
        conversation_id: super::conversation_id(r.try_get("conversation_id")?)?,
        slot: r.try_get("slot")?,
        kind: r.try_get("kind")?,
        body: r.try_get("body")?,
        version: r.try_get("version")?,
        attempts: r.try_get("attempts")?,
    })
}

/// What became of a delivery attempt that did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Try again at this time (network trouble, the platform busy or down).
    RetryAt(DateTime<Utc>),
    /// It will never work (blocked, chat not found, room left): give the conversation's
    /// pending messages up.
    Unreachable,
    /// This one message is refused: give it up, the conversation's others may still go.
    Refused,
}

/// The SQL of [`OutboxRepo::notify_update`], for use inside a transaction.
pub(crate) const NOTIFY_UPDATE: &str = "INSERT INTO notifications (id, conversation_id, slot, \
     kind, body, version, created_at, changed_at, channel, next_attempt_at) \
     VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, 0) \
     ON CONFLICT (conversation_id, slot) DO UPDATE SET kind = excluded.kind, \
     body = excluded.body, version = notifications.version + 1, \
     changed_at = excluded.changed_at, next_attempt_at = excluded.next_attempt_at, \
     attempts = 0, dead_at = NULL, last_error = NULL";

/// The notification slot of the waiting-room message, edited in place.
pub const WAITING_ROOM_SLOT: &str = "waiting-room";

/// The order of delivery: microseconds of `now`, but always later than the last stamp this
/// process gave, so that messages written in one step (a payment request, then the feedback
/// question) go out in the order they were written even within one microsecond or on a
/// clock that stands still.
pub(crate) fn stamp(now: DateTime<Utc>) -> i64 {
    static LAST: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
    let now = now.timestamp_micros();
    let mut last = LAST.load(std::sync::atomic::Ordering::Relaxed);
    loop {
        let next = now.max(last + 1);
        match LAST.compare_exchange_weak(
            last,
            next,
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
        ) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

/// Writes an outbox row with `sql` on a pool or inside a transaction. A new row (or a new
/// version) is due at once (`next_attempt_at = 0`), whatever the clocks of other replicas
/// say; only retries and claims set a time.
pub(crate) async fn notify_with<'e, E>(
    executor: E,
    sql: &'static str,
    [conversation_id, slot, kind, body]: [&str; 4],
    now: DateTime<Utc>,
) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(sql)
        .bind(secret_token())
        .bind(conversation_id)
        .bind(slot)
        .bind(kind)
        .bind(body)
        .bind(ts(now))
        .bind(stamp(now))
        .bind(channel_of(conversation_id))
        .execute(executor)
        .await?;
    Ok(())
}

/// Writes a new outbox row `id` on a pool or inside a transaction, unless its slot has one:
/// ordered by `order` (see [`stamp`]) and due at `due` (microseconds; 0: at once, or the end
/// of a claim its writer holds). `true` if it was written.
pub(crate) async fn insert_once<'e, E>(
    executor: E,
    id: &str,
    [conversation_id, slot, kind, body]: [&str; 4],
    now: DateTime<Utc>,
    order: i64,
    due: i64,
) -> Result<bool>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let done = sqlx::query(
        "INSERT INTO notifications (id, conversation_id, slot, kind, body, version, created_at, \
         changed_at, channel, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9) \
         ON CONFLICT (conversation_id, slot) DO NOTHING",
    )
    .bind(id)
    .bind(conversation_id)
    .bind(slot)
    .bind(kind)
    .bind(body)
    .bind(ts(now))
    .bind(order)
    .bind(channel_of(conversation_id))
    .bind(due)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The notification channel on which a process tells the others that it queued messages for
/// a channel another replica delivers (PostgreSQL's `NOTIFY`): the sender's loop looks at
/// once instead of at its next round.
pub const OUTBOX_CHANGES: &str = "schalter_outbox";

impl OutboxRepo<'_> {
    /// Tells every listening process that messages were queued ([`OUTBOX_CHANGES`]); nothing
    /// on SQLite, where one process writes and delivers.
    pub async fn announce(self) -> Result<()> {
        if self.0.backend() == super::Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, '')")
                .bind(OUTBOX_CHANGES)
                .execute(&self.0.pool)
                .await?;
        }
        Ok(())
    }

    /// A connection on which PostgreSQL announces queued messages ([`OUTBOX_CHANGES`]);
    /// `None` on SQLite.
    pub async fn listen(self) -> Result<Option<sqlx::postgres::PgListener>> {
        if self.0.backend() != super::Backend::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(&self.0.url).await?;
        listener.listen(OUTBOX_CHANGES).await?;
        Ok(Some(listener))
    }

    /// Queues a message once: a second call with the same `slot` does nothing.
    pub async fn notify_once(
        &self,
        conversation_id: &ConversationId,
        slot: &str,
        kind: NoticeKind,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let fields = [conversation_id.as_str(), slot, kind.as_str(), body];
        insert_once(&self.0.pool, &secret_token(), fields, now, stamp(now), 0).await?;
        Ok(())
    }

    /// Queues a message once, as [`OutboxRepo::notify_once`], to follow what this step answers:
    /// it is ordered and due `delay` after `now` (a booking's calendar file comes after the
    /// confirmation it belongs to, which is written a moment later). Later messages of the
    /// conversation written within `delay` go before it.
    pub async fn notify_once_after(
        &self,
        conversation_id: &ConversationId,
        slot: &str,
        kind: NoticeKind,
        body: &str,
        now: DateTime<Utc>,
        delay: chrono::Duration,
    ) -> Result<()> {
        // Not through `stamp`: that would make every message of the next `delay` sort after
        // this one, the confirmation too.
        let at = (now + delay).timestamp_micros();
        let fields = [conversation_id.as_str(), slot, kind.as_str(), body];
        insert_once(&self.0.pool, &secret_token(), fields, now, at, at).await?;
        Ok(())
    }

    /// Queues a message or replaces the text of the one in `slot` (a new version, due now,
    /// even if the earlier one was given up: the citizen may have come back).
    pub async fn notify_update(
        &self,
        conversation_id: &ConversationId,
        slot: &str,
        kind: NoticeKind,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.notify(
            NOTIFY_UPDATE,
            [conversation_id.as_str(), slot, kind.as_str(), body],
            now,
        )
        .await
    }

    async fn notify(self, sql: &'static str, fields: [&str; 4], now: DateTime<Utc>) -> Result<()> {
        notify_with(&self.0.pool, sql, fields, now).await
    }

    /// Messages of `channel` due for delivery at `now`, in the order they were written; a
    /// message behind one of its conversation that is not due (backing off, or claimed by a
    /// sender) is not due either, so that nothing overtakes it. (Rows already behind a
    /// failed one are moved with it by [`OutboxRepo::delivery_failed`]; this holds back the ones
    /// written afterwards, found by the flaky-platform property test.)
    pub async fn due_deliveries(
        &self,
        channel: &str,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        sqlx::query(select_rows!(
            "WHERE channel = $1 AND delivered_version < version AND dead_at IS NULL \
             AND next_attempt_at <= $2 AND NOT EXISTS (SELECT 1 FROM notifications AS e \
             WHERE e.conversation_id = notifications.conversation_id \
             AND e.delivered_version < e.version AND e.dead_at IS NULL \
             AND e.next_attempt_at > $2 AND (e.changed_at < notifications.changed_at \
             OR (e.changed_at = notifications.changed_at AND e.id < notifications.id))) \
             ORDER BY changed_at, id LIMIT $3"
        ))
        .bind(channel)
        .bind(now.timestamp_micros())
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(notification)
        .collect()
    }

    /// Messages of one conversation due for delivery at `now`, in order, up to the first
    /// that is not due (see [`OutboxRepo::due_deliveries`]).
    pub async fn due_deliveries_for(
        &self,
        conversation_id: &ConversationId,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        sqlx::query(select_rows!(
            "WHERE conversation_id = $1 AND delivered_version < version AND dead_at IS NULL \
             AND next_attempt_at <= $2 AND NOT EXISTS (SELECT 1 FROM notifications AS e \
             WHERE e.conversation_id = $1 \
             AND e.delivered_version < e.version AND e.dead_at IS NULL \
             AND e.next_attempt_at > $2 AND (e.changed_at < notifications.changed_at \
             OR (e.changed_at = notifications.changed_at AND e.id < notifications.id))) \
             ORDER BY changed_at, id LIMIT $3"
        ))
        .bind(conversation_id)
        .bind(now.timestamp_micros())
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(notification)
        .collect()
    }

    /// Undelivered messages of one conversation, due or not, in order.
    pub async fn pending_for(
        &self,
        conversation_id: &ConversationId,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        sqlx::query(select_rows!(
            "WHERE conversation_id = $1 AND delivered_version < version AND dead_at IS NULL \
             ORDER BY changed_at, id LIMIT $2"
        ))
        .bind(conversation_id)
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(notification)
        .collect()
    }

    /// Reserves `version` of a message for one sender until `until`; `false` if another
    /// process (or an earlier round) has it, or it is no longer due.
    pub async fn claim_delivery(
        &self,
        id: &str,
        version: i64,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool> {
        let claimed = sqlx::query(
            "UPDATE notifications SET next_attempt_at = $4 \
             WHERE id = $1 AND version = $2 AND delivered_version < version \
             AND dead_at IS NULL AND next_attempt_at <= $3",
        )
        .bind(id)
        .bind(version)
        .bind(now.timestamp_micros())
        .bind(until.timestamp_micros())
        .execute(&self.0.pool)
        .await?;
        Ok(claimed.rows_affected() == 1)
    }

    /// The channel's pending rows that wait past `now` and no later than `until`, each with
    /// the moment it waits for: what a predecessor had claimed or was backing off when a new
    /// leader starts. `only` limits it to one conversation (a terminal owns just its own).
    pub async fn held_claims(
        &self,
        channel: &str,
        only: Option<&str>,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<(String, i64)>> {
        let rows = match only {
            Some(conversation) => {
                sqlx::query(
                    "SELECT id, next_attempt_at FROM notifications WHERE conversation_id = $1 \
                     AND delivered_version < version AND dead_at IS NULL \
                     AND next_attempt_at > $2 AND next_attempt_at <= $3",
                )
                .bind(conversation)
                .bind(now.timestamp_micros())
                .bind(until.timestamp_micros())
                .fetch_all(&self.0.pool)
                .await?
            }
            None => {
                sqlx::query(
                    "SELECT id, next_attempt_at FROM notifications WHERE channel = $1 \
                     AND delivered_version < version AND dead_at IS NULL \
                     AND next_attempt_at > $2 AND next_attempt_at <= $3",
                )
                .bind(channel)
                .bind(now.timestamp_micros())
                .bind(until.timestamp_micros())
                .fetch_all(&self.0.pool)
                .await?
            }
        };
        rows.iter()
            .map(|r| Ok((r.try_get("id")?, r.try_get("next_attempt_at")?)))
            .collect()
    }

    /// Makes the rows [`OutboxRepo::held_claims`] found due at once, each only if it still waits
    /// for the same moment: once the predecessor is surely fenced, its claims need not run
    /// out, while what this process claimed or backed off since (a 429's `retry_after`)
    /// stands. Returns how many were released.
    pub async fn release_claims(self, held: &[(String, i64)]) -> Result<u64> {
        let mut released = 0;
        for (id, at) in held {
            released += sqlx::query(
                "UPDATE notifications SET next_attempt_at = 0 WHERE id = $1 \
                 AND next_attempt_at = $2 AND delivered_version < version AND dead_at IS NULL",
            )
            .bind(id)
            .bind(*at)
            .execute(&self.0.pool)
            .await?
            .rows_affected();
        }
        Ok(released)
    }

    /// Records that `version` of a message was delivered.
    pub async fn mark_delivered(self, id: &str, version: i64) -> Result<()> {
        sqlx::query(
            "UPDATE notifications SET delivered_version = $2, attempts = 0, last_error = NULL \
             WHERE id = $1 AND delivered_version < $2",
        )
        .bind(id)
        .bind(version)
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt. `error` is the platform's reason, without personal data.
    /// Returns how many messages were given up.
    pub async fn delivery_failed(
        &self,
        n: &Notification,
        failure: &Failure,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let error: String = error.chars().take(500).collect();
        let mut tx = self.0.begin_write().await?;
        let mut dead = 0;
        match failure {
            Failure::RetryAt(at) => {
                let at = at.timestamp_micros();
                sqlx::query(
                    "UPDATE notifications SET attempts = attempts + 1, last_error = $3, \
                     next_attempt_at = $4 WHERE id = $1 AND version = $2",
                )
                .bind(&n.id)
                .bind(n.version)
                .bind(&error)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                // The conversation's later messages wait behind it, so they keep their order.
                sqlx::query(
                    "UPDATE notifications SET next_attempt_at = $2 \
                     WHERE conversation_id = $1 AND delivered_version < version \
                     AND dead_at IS NULL AND next_attempt_at < $2",
                )
                .bind(n.conversation_id.as_str())
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            Failure::Unreachable => {
                dead = sqlx::query(
                    "UPDATE notifications SET attempts = attempts + 1, last_error = $2, \
                     dead_at = $3 WHERE conversation_id = $1 AND delivered_version < version \
                     AND dead_at IS NULL",
                )
                .bind(n.conversation_id.as_str())
                .bind(&error)
                .bind(ts(now))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            Failure::Refused => {
                dead = sqlx::query(
                    "UPDATE notifications SET attempts = attempts + 1, last_error = $3, \
                     dead_at = $4 WHERE id = $1 AND version = $2",
                )
                .bind(&n.id)
                .bind(n.version)
                .bind(&error)
                .bind(ts(now))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
        }
        tx.commit().await?;
        Ok(dead)
    }

    /// Deletes up to `batch` delivered or given-up messages last changed before `before`;
    /// returns how many went.
    pub async fn prune_outbox(self, before: DateTime<Utc>, batch: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM notifications WHERE id IN (SELECT id FROM notifications \
             WHERE changed_at < $1 AND (delivered_version >= version OR dead_at IS NOT NULL) \
             LIMIT $2)",
        )
        .bind(before.timestamp_micros())
        .bind(batch)
        .execute(&self.0.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Deletes a message (one that must not outlive its delivery).
    pub async fn delete_notification(self, id: &str) -> Result<()> {
        sqlx::query("DELETE FROM notifications WHERE id = $1")
            .bind(id)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// Messages waiting for delivery (counted through the partial index), for `/metrics`.
    pub async fn outbox_pending(self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications \
             WHERE delivered_version < version AND dead_at IS NULL",
        )
        .fetch_one(&self.0.pool)
        .await?)
    }
}
