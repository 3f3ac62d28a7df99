//! The inbox: every input a channel receives is stored here before the platform is told it
//! arrived (the Telegram offset moves on, the webhook answers 200, the Matrix sync token is
//! saved). It is then handled once, in order per conversation, and retried with back-off
//! until it is; its reply goes out through the outbox. A redelivered input has the same id and
//! is not stored twice.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::notifications::{Claimed, Notification, insert_once, stamp};
use super::{InboxRepo, Result, channel_of, conversation_id};
use crate::channel::ConversationId;
use crate::reference::secret_token;

/// A stored input waiting to be handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    pub id: String,
    pub conversation_id: ConversationId,
    /// JSON of the core's `Input`.
    pub input: String,
    pub lang_hint: Option<String>,
    pub attempts: i64,
}

/// A new input as a channel received it.
#[derive(Debug, Clone, Copy)]
pub struct NewInput<'a> {
    /// The channel's key of the input, unique per channel (e.g. `telegram:<update>:<date>`).
    pub id: &'a str,
    pub conversation_id: &'a ConversationId,
    pub input: &'a str,
    pub lang_hint: Option<&'a str>,
}

/// A new input stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    /// No other input of the conversation was pending when it was stored (as far as this
    /// transaction saw: one stored at the same time by another process is handled there).
    pub alone: bool,
}

/// An input handled, its text forgotten.
pub(super) const INPUT_DONE: &str = "UPDATE inbox SET status = 'done', input = '', claimed_until = NULL, \
     last_error = NULL WHERE id = $1";

impl InboxRepo<'_> {
    /// Stores an input; `false` if it was stored before (a redelivery).
    pub async fn receive_input(self, new: NewInput<'_>, now: DateTime<Utc>) -> Result<bool> {
        Ok(self.receive_input_claimed(new, now, None).await?.is_some())
    }

    /// Stores an input already reserved until `claimed_until` for the process that stores it
    /// (which handles it next, without a second write to claim it); `None` if it was stored
    /// before (a redelivery, which keeps its old claim). Else whether it is the
    /// conversation's only pending input, so that the process can handle it without reading
    /// the inbox back.
    pub async fn receive_input_claimed(
        &self,
        new: NewInput<'_>,
        now: DateTime<Utc>,
        claimed_until: Option<DateTime<Utc>>,
    ) -> Result<Option<Stored>> {
        let channel = channel_of(new.conversation_id.as_str());
        let others: Option<i64> = sqlx::query_scalar(
            "INSERT INTO inbox (id, conversation_id, channel, input, lang_hint, received_at, \
             status, next_attempt_at, claimed_until) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7) ON CONFLICT (id) DO NOTHING \
             RETURNING (SELECT COUNT(*) FROM inbox o WHERE o.conversation_id = $2 \
             AND o.status = 'pending' AND o.id <> $1)",
        )
        .bind(new.id)
        .bind(new.conversation_id.as_str())
        .bind(channel)
        .bind(new.input)
        .bind(new.lang_hint)
        .bind(now.timestamp_micros())
        .bind(claimed_until.map(|t| t.timestamp_micros()))
        .fetch_optional(&self.0.pool)
        .await?;
        Ok(others.map(|others| Stored { alone: others == 0 }))
    }

    /// Records an input that is acted on at once (a clerk's desk command) as handled; `false`
    /// if it was seen before, so that a redelivery does not act twice.
    pub async fn record_handled(
        &self,
        id: &str,
        conversation_id: &ConversationId,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let channel = channel_of(conversation_id.as_str());
        let done = sqlx::query(
            "INSERT INTO inbox (id, conversation_id, channel, input, received_at, status, \
             next_attempt_at) VALUES ($1, $2, $3, '', $4, 'done', $4) ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(conversation_id)
        .bind(channel)
        .bind(now.timestamp_micros())
        .execute(&self.0.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The conversation's inputs still to handle, oldest first.
    pub async fn pending_inputs(
        &self,
        conversation_id: &ConversationId,
        limit: i64,
    ) -> Result<Vec<InboxItem>> {
        sqlx::query(
            "SELECT id, conversation_id, input, lang_hint, attempts FROM inbox \
             WHERE conversation_id = $1 AND status = 'pending' ORDER BY received_at, id LIMIT $2",
        )
        .bind(conversation_id)
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(InboxItem {
                id: r.try_get("id")?,
                conversation_id: self::conversation_id(r.try_get("conversation_id")?)?,
                input: r.try_get("input")?,
                lang_hint: r.try_get("lang_hint")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect()
    }

    /// Conversations with an input due for a (new) attempt: left over by a crash, a failure,
    /// or another replica that died.
    pub async fn conversations_with_due_inputs(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<String>> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT conversation_id FROM inbox WHERE status = 'pending' AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY next_attempt_at LIMIT $2",
        )
        .bind(now.timestamp_micros())
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?;
        let mut seen = std::collections::HashSet::new();
        Ok(ids.into_iter().filter(|c| seen.insert(c.clone())).collect())
    }

    /// Reserves an input for this process until `until`; `false` if another one has it.
    pub async fn claim_input(
        &self,
        id: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE inbox SET claimed_until = $3 WHERE id = $1 AND status = 'pending' \
             AND (claimed_until IS NULL OR claimed_until < $2)",
        )
        .bind(id)
        .bind(now.timestamp_micros())
        .bind(until.timestamp_micros())
        .execute(&self.0.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The input was handled and its reply queued: forget what the citizen wrote.
    pub async fn input_done(self, id: &str) -> Result<()> {
        sqlx::query(INPUT_DONE)
            .bind(id)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// The input was handled: its reply (`kind`, `body`), unless it was queued before, goes
    /// into the outbox, the conversation notes it as sent, and the input is done, in one
    /// transaction (one commit where there were three).
    ///
    /// With `claim_until`, a process that will send the reply itself at once gets it claimed
    /// already (no second write to claim it) when nothing of the conversation waits before
    /// it; the row is returned to be sent then.
    pub async fn answer_input(
        &self,
        conversation_id: &ConversationId,
        id: &str,
        reply: Option<(&str, &str)>,
        now: DateTime<Utc>,
        claim_until: Option<DateTime<Utc>>,
    ) -> Result<Option<Claimed>> {
        let mut tx = self.0.begin_write().await?;
        let mut claimed = None;
        if let Some((kind, body)) = reply {
            claimed =
                queue_reply(&mut tx, conversation_id, id, kind, body, now, claim_until).await?;
            sqlx::query(super::conversations::REPLY_SENT)
                .bind(conversation_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(INPUT_DONE).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        if reply.is_some() {
            self.0
                .conversations()
                .reply_sent_cached(conversation_id, id);
        }
        Ok(claimed)
    }

    /// Handling failed; try again at `retry_at`, or give up (`None`).
    pub async fn input_failed(
        &self,
        id: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        let error: String = error.chars().take(500).collect();
        match retry_at {
            Some(at) => {
                sqlx::query(
                    "UPDATE inbox SET attempts = attempts + 1, last_error = $2, \
                     next_attempt_at = $3, claimed_until = NULL WHERE id = $1",
                )
                .bind(id)
                .bind(&error)
                .bind(at.timestamp_micros())
                .execute(&self.0.pool)
                .await?;
            }
            None => {
                sqlx::query(
                    "UPDATE inbox SET attempts = attempts + 1, last_error = $2, status = 'failed', \
                     input = '', claimed_until = NULL WHERE id = $1",
                )
                .bind(id)
                .bind(&error)
                .execute(&self.0.pool)
                .await?;
            }
        }
        Ok(())
    }

    /// Deletes up to `batch` handled inputs received before `before`.
    pub async fn prune_inbox(self, before: DateTime<Utc>, batch: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM inbox WHERE id IN (SELECT id FROM inbox \
             WHERE received_at < $1 AND status <> 'pending' LIMIT $2)",
        )
        .bind(before.timestamp_micros())
        .bind(batch)
        .execute(&self.0.pool)
        .await?;
        Ok(done.rows_affected())
    }
}

/// Queues the reply to input `id` (`kind`, `body`) in the outbox within `tx`, unless it was
/// queued before. With `claim_until`, the row is claimed for the process that writes it when
/// nothing of the conversation waits before it, and returned to be sent at once.
pub(super) async fn queue_reply(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    conversation_id: &ConversationId,
    id: &str,
    kind: &str,
    body: &str,
    now: DateTime<Utc>,
    claim_until: Option<DateTime<Utc>>,
) -> Result<Option<Claimed>> {
    let claim = match claim_until {
        Some(until) => sqlx::query_scalar::<_, i64>(
            "SELECT 1 FROM notifications WHERE conversation_id = $1 \
             AND delivered_version < version AND dead_at IS NULL LIMIT 1",
        )
        .bind(conversation_id)
        .fetch_optional(&mut **tx)
        .await?
        .is_none()
        .then_some(until.timestamp_micros()),
        None => None,
    };
    let row = Notification {
        id: secret_token(),
        conversation_id: conversation_id.clone(),
        slot: Some(format!("reply:{id}")),
        kind: kind.to_owned(),
        body: body.to_owned(),
        version: 1,
        attempts: 0,
    };
    let fields = [
        conversation_id.as_str(),
        row.slot.as_deref().unwrap_or_default(),
        kind,
        body,
    ];
    let due = claim.unwrap_or(0);
    let written = insert_once(&mut **tx, &row.id, fields, now, stamp(now), due).await?;
    Ok(match (written, claim) {
        (true, Some(until)) => Some(Claimed { row, until }),
        _ => None,
    })
}
