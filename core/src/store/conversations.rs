//! Conversation rows: the persisted dialogue state of one citizen on one channel.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Store, ts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationRow {
    /// `channel:user`, e.g. `terminal:alice` or `telegram:12345`.
    pub id: String,
    pub lang: Option<String>,
    /// JSON of the dialogue state.
    pub state: String,
    /// JSON of the options last shown, in order.
    pub offered: String,
    /// The key of the last input handled (e.g. a Telegram update id) and its reply (JSON).
    pub last_key: Option<String>,
    pub last_reply: Option<String>,
    pub reply_sent: bool,
}

impl Store {
    pub async fn load_conversation(&self, id: &str) -> Result<Option<ConversationRow>> {
        let row = sqlx::query(
            "SELECT id, lang, state, offered, last_key, last_reply, reply_sent \
             FROM conversations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(ConversationRow {
                id: r.try_get("id")?,
                lang: r.try_get("lang")?,
                state: r.try_get("state")?,
                offered: r.try_get("offered")?,
                last_key: r.try_get("last_key")?,
                last_reply: r.try_get("last_reply")?,
                reply_sent: r.try_get::<i64, _>("reply_sent")? != 0,
            })
        })
        .transpose()
    }

    pub async fn save_conversation(&self, row: &ConversationRow, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "INSERT INTO conversations (id, lang, state, offered, updated_at, last_key, last_reply, \
             reply_sent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, state = excluded.state, \
             offered = excluded.offered, updated_at = excluded.updated_at, \
             last_key = excluded.last_key, last_reply = excluded.last_reply, \
             reply_sent = excluded.reply_sent",
        )
        .bind(&row.id)
        .bind(&row.lang)
        .bind(&row.state)
        .bind(&row.offered)
        .bind(ts(now))
        .bind(&row.last_key)
        .bind(&row.last_reply)
        .bind(i64::from(row.reply_sent))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl Store {
    /// Moves everything of conversation `from` to `to` (e.g. a Matrix conversation that was
    /// keyed on its room and is now keyed on its person), unless `to` exists already.
    /// Returns whether anything moved.
    pub async fn rename_conversation(&self, from: &str, to: &str) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let exists: Option<String> =
            sqlx::query_scalar("SELECT id FROM conversations WHERE id = $1")
                .bind(to)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_some() {
            return Ok(false);
        }
        let moved = sqlx::query("UPDATE conversations SET id = $2 WHERE id = $1")
            .bind(from)
            .bind(to)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        for sql in [
            "UPDATE bookings SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE queue_entries SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE notifications SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE channel_messages SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE inbox SET conversation_id = $2 WHERE conversation_id = $1",
        ] {
            sqlx::query(sql)
                .bind(from)
                .bind(to)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Records that the reply to input `key` reached the citizen.
    pub async fn mark_reply_sent(&self, conversation_id: &str, key: &str) -> Result<()> {
        sqlx::query("UPDATE conversations SET reply_sent = 1 WHERE id = $1 AND last_key = $2")
            .bind(conversation_id)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A channel's stored position, e.g. the next Telegram update id.
    pub async fn cursor(&self, name: &str) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT value FROM channel_cursors WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Sets a channel's position (it may go back: Telegram may restart its numbering).
    pub async fn set_cursor(&self, name: &str, value: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO channel_cursors (name, value) VALUES ($1, $2) ON CONFLICT (name) \
             DO UPDATE SET value = excluded.value",
        )
        .bind(name)
        .bind(value)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A channel's stored position that is a text, e.g. the Matrix sync token.
    pub async fn cursor_token(&self, name: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar::<_, Option<String>>(
            "SELECT token FROM channel_cursors WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await?
        .flatten())
    }

    pub async fn set_cursor_token(&self, name: &str, token: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO channel_cursors (name, value, token) VALUES ($1, 0, $2) \
             ON CONFLICT (name) DO UPDATE SET token = excluded.token",
        )
        .bind(name)
        .bind(token)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The channel message that shows a conversation's outbox slot.
    pub async fn channel_message(
        &self,
        conversation_id: &str,
        slot: &str,
    ) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT message_id FROM channel_messages WHERE conversation_id = $1 AND slot = $2",
        )
        .bind(conversation_id)
        .bind(slot)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn set_channel_message(
        &self,
        conversation_id: &str,
        slot: &str,
        message_id: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO channel_messages (conversation_id, slot, message_id) VALUES ($1, $2, $3) \
             ON CONFLICT (conversation_id, slot) DO UPDATE SET message_id = excluded.message_id",
        )
        .bind(conversation_id)
        .bind(slot)
        .bind(message_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
