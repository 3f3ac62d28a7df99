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
}

impl Store {
    pub async fn load_conversation(&self, id: &str) -> Result<Option<ConversationRow>> {
        let row = sqlx::query("SELECT id, lang, state, offered FROM conversations WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(ConversationRow {
                id: r.try_get("id")?,
                lang: r.try_get("lang")?,
                state: r.try_get("state")?,
                offered: r.try_get("offered")?,
            })
        })
        .transpose()
    }

    pub async fn save_conversation(&self, row: &ConversationRow, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "INSERT INTO conversations (id, lang, state, offered, updated_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, state = excluded.state, \
             offered = excluded.offered, updated_at = excluded.updated_at",
        )
        .bind(&row.id)
        .bind(&row.lang)
        .bind(&row.state)
        .bind(&row.offered)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
