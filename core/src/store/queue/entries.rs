//! Entering and leaving the waiting room, looking entries up, and telling a waiting citizen
//! their place.

use crate::channel::ConversationId;
use chrono::{DateTime, Utc};

use super::{EntryKind, NewEntry, QueueEntry, entry};
use crate::reference::secret_token;
use crate::store::{QueueRepo, Result, StoreError, is_retryable, ts};

impl QueueRepo<'_> {
    /// Puts a citizen in the waiting room. If they are already there (waiting or in a call),
    /// that entry is returned unchanged.
    pub async fn enqueue(self, new: &NewEntry<'_>, now: DateTime<Utc>) -> Result<QueueEntry> {
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
        .execute(&self.0.pool)
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
    pub async fn active_entry(
        self,
        conversation_id: &ConversationId,
    ) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE conversation_id = $1 AND status IN ('waiting', 'called')"
        ))
        .bind(conversation_id)
        .fetch_optional(&self.0.pool)
        .await?
        .map(|r| entry(&r))
        .transpose()
    }

    pub async fn queue_entry(self, id: &str) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| entry(&r))
            .transpose()
    }

    /// Whether this booking has already been through the waiting room (or is in it).
    pub async fn booking_visited(self, booking_id: &str) -> Result<bool> {
        Ok(sqlx::query(
            "SELECT 1 FROM queue_entries WHERE booking_id = $1 \
             AND status IN ('waiting', 'called', 'done')",
        )
        .bind(booking_id)
        .fetch_optional(&self.0.pool)
        .await?
        .is_some())
    }

    /// The citizen leaves the waiting room. `false` if they were not waiting.
    pub async fn leave_queue(
        self,
        conversation_id: &ConversationId,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        Ok(sqlx::query(
            "UPDATE queue_entries SET status = 'left', finished_at = $2 \
             WHERE conversation_id = $1 AND status = 'waiting'",
        )
        .bind(conversation_id)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            > 0)
    }

    /// Everyone waiting, in queue order.
    pub async fn waiting(self, now: DateTime<Utc>) -> Result<Vec<QueueEntry>> {
        sqlx::query(concat!(
            select_entries!("WHERE status = 'waiting' "),
            queue_order!()
        ))
        .bind(ts(now))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// Everyone with a clerk right now.
    pub async fn in_calls(self) -> Result<Vec<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE status = 'called' ORDER BY called_at"
        ))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// The citizen a clerk is with, if any.
    pub async fn clerk_entry(self, clerk: &str) -> Result<Option<QueueEntry>> {
        sqlx::query(select_entries!("WHERE clerk = $1 AND status = 'called'"))
            .bind(clerk)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| entry(&r))
            .transpose()
    }

    /// Every visit of a conversation to the waiting room, by arrival.
    pub async fn entries_of(self, conversation_id: &ConversationId) -> Result<Vec<QueueEntry>> {
        sqlx::query(select_entries!(
            "WHERE conversation_id = $1 ORDER BY joined_at, id"
        ))
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
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
        .fetch_optional(&self.0.pool)
        .await?
        .map(|r| entry(&r))
        .transpose()
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
        let mut tx = self.0.begin_write().await?;
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
        if still && let Some(citizen) = &entry.conversation_id {
            crate::store::notifications::notify_with(
                &mut *tx,
                crate::store::notifications::NOTIFY_UPDATE,
                [
                    citizen.as_str(),
                    crate::store::WAITING_ROOM_SLOT,
                    crate::notice::NoticeKind::Position.as_str(),
                    body,
                ],
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(still)
    }
}
