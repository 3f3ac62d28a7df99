//! The outbox: messages the core wants delivered to a conversation. A message with a `slot`
//! is kept up to date in place (a new version replaces the old text); channels edit the
//! message they sent for it instead of sending a new one.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Result, Store, ts};
use crate::reference::secret_token;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: String,
    pub conversation_id: String,
    pub slot: Option<String>,
    pub kind: String,
    /// JSON: `{"text": …, "options": [{"id": …, "label": …}]}`.
    pub body: String,
    pub version: i64,
}

fn notification(r: &AnyRow) -> Result<Notification> {
    Ok(Notification {
        id: r.try_get("id")?,
        conversation_id: r.try_get("conversation_id")?,
        slot: r.try_get("slot")?,
        kind: r.try_get("kind")?,
        body: r.try_get("body")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// Queues a message once: a second call with the same `slot` does nothing.
    pub async fn notify_once(
        &self,
        conversation_id: &str,
        slot: &str,
        kind: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.notify(
            "INSERT INTO notifications (id, conversation_id, slot, kind, body, version, created_at, \
             changed_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7) \
             ON CONFLICT (conversation_id, slot) DO NOTHING",
            [conversation_id, slot, kind, body],
            now,
        )
        .await
    }

    /// Queues a message or replaces the text of the one in `slot` (a new version).
    pub async fn notify_update(
        &self,
        conversation_id: &str,
        slot: &str,
        kind: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.notify(
            "INSERT INTO notifications (id, conversation_id, slot, kind, body, version, created_at, \
             changed_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7) \
             ON CONFLICT (conversation_id, slot) DO UPDATE SET kind = excluded.kind, \
             body = excluded.body, version = notifications.version + 1, \
             changed_at = excluded.changed_at",
            [conversation_id, slot, kind, body],
            now,
        )
        .await
    }

    async fn notify(
        &self,
        sql: &'static str,
        [conversation_id, slot, kind, body]: [&str; 4],
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(sql)
            .bind(secret_token())
            .bind(conversation_id)
            .bind(slot)
            .bind(kind)
            .bind(body)
            .bind(ts(now))
            .bind(now.timestamp_micros())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Undelivered messages (or newer versions) of conversations whose id starts with
    /// `prefix` (`"telegram:"`, or one whole conversation id), oldest first.
    pub async fn pending_notifications(
        &self,
        prefix: &str,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        sqlx::query(
            "SELECT id, conversation_id, slot, kind, body, version FROM notifications \
             WHERE substr(conversation_id, 1, length($1)) = $1 AND delivered_version < version \
             ORDER BY changed_at, id LIMIT $2",
        )
        .bind(prefix)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(notification)
        .collect()
    }

    /// Records that `version` of a message was delivered.
    pub async fn mark_delivered(&self, id: &str, version: i64) -> Result<()> {
        sqlx::query(
            "UPDATE notifications SET delivered_version = $2 \
             WHERE id = $1 AND delivered_version < $2",
        )
        .bind(id)
        .bind(version)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
