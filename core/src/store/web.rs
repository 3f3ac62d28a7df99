//! The web chat's transcript (`web_messages`): what a citizen on the web page was shown and
//! what they sent, numbered per conversation, so that a page resumes from the last number it
//! saw. Each row is written once per `source` (an outbox row's version, an input's key).
//! Numbers are handed out inside a writing transaction as one more than the highest, so they
//! become visible in order; two writers that pick the same number meet at the primary key and
//! the loser tries again.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Backend, Result, StoreError, WebRepo, from_ts, is_retryable, ts};
use crate::channel::ConversationId;

/// The `NOTIFY` channel on which PostgreSQL tells every replica that a conversation's
/// transcript grew (the payload is the conversation id).
pub const WEB_CHANGES: &str = "schalter_web";

/// Who a transcript row is from, and what it means for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebKind {
    /// A message of the office to the citizen.
    Office,
    /// What the citizen sent.
    Citizen,
    /// The farewell after `/forget`: the conversation is over.
    End,
}

impl WebKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WebKind::Office => "office",
            WebKind::Citizen => "citizen",
            WebKind::End => "end",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "office" => Ok(WebKind::Office),
            "citizen" => Ok(WebKind::Citizen),
            "end" => Ok(WebKind::End),
            other => Err(StoreError::Corrupt(format!("web message kind {other}"))),
        }
    }
}

/// A row to add to a transcript.
#[derive(Debug, Clone, Copy)]
pub struct NewWebMessage<'a> {
    pub conversation_id: &'a ConversationId,
    /// What it shows, unique within the conversation: a repeat writes nothing.
    pub source: &'a str,
    pub kind: WebKind,
    /// The number of the message this one shows anew (edited in place).
    pub replaces: Option<i64>,
    pub body: &'a str,
}

/// One row of a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebMessage {
    pub seq: i64,
    pub kind: WebKind,
    pub replaces: Option<i64>,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

fn web_message(r: &sqlx::any::AnyRow) -> Result<WebMessage> {
    Ok(WebMessage {
        seq: r.try_get("seq")?,
        kind: WebKind::parse(&r.try_get::<String, _>("kind")?)?,
        replaces: r.try_get("replaces")?,
        body: r.try_get("body")?,
        created_at: from_ts(r.try_get("created_at")?)?,
    })
}

impl WebRepo<'_> {
    /// Adds a row, or finds the one written before for the same source. Its number.
    pub async fn append(self, new: NewWebMessage<'_>, now: DateTime<Utc>) -> Result<i64> {
        let mut last = None;
        for _ in 0..8 {
            match self.try_append(new, now).await {
                Err(StoreError::Db(e)) if is_retryable(&e) => last = Some(e),
                other => return other,
            }
        }
        Err(StoreError::Db(last.expect("tried at least once")))
    }

    async fn try_append(self, new: NewWebMessage<'_>, now: DateTime<Utc>) -> Result<i64> {
        let mut tx = self.0.begin_write().await?;
        let seq = match insert(&mut tx, new, now).await? {
            Some(seq) => seq,
            // A source written before: its number.
            None => return written(&mut tx, new).await,
        };
        if self.0.backend() == Backend::Postgres {
            announce(&mut tx, new.conversation_id).await?;
        }
        tx.commit().await?;
        Ok(seq)
    }

    /// The rows after number `after`, oldest first, at most `limit`.
    pub async fn since(
        self,
        conversation_id: &ConversationId,
        after: i64,
        limit: i64,
    ) -> Result<Vec<WebMessage>> {
        sqlx::query(
            "SELECT seq, kind, replaces, body, created_at FROM web_messages \
             WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(conversation_id)
        .bind(after)
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(web_message)
        .collect()
    }

    /// The last `limit` rows, oldest first.
    pub async fn latest(
        self,
        conversation_id: &ConversationId,
        limit: i64,
    ) -> Result<Vec<WebMessage>> {
        let mut rows = sqlx::query(
            "SELECT seq, kind, replaces, body, created_at FROM web_messages \
             WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2",
        )
        .bind(conversation_id)
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(web_message)
        .collect::<Result<Vec<_>>>()?;
        rows.reverse();
        Ok(rows)
    }

    /// The highest number written (0 for none).
    pub async fn last_seq(self, conversation_id: &ConversationId) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, Option<i64>>(
            "SELECT MAX(seq) FROM web_messages WHERE conversation_id = $1",
        )
        .bind(conversation_id)
        .fetch_one(&self.0.pool)
        .await?
        .unwrap_or(0))
    }

    /// One row.
    pub async fn message(
        self,
        conversation_id: &ConversationId,
        seq: i64,
    ) -> Result<Option<WebMessage>> {
        sqlx::query(
            "SELECT seq, kind, replaces, body, created_at FROM web_messages \
             WHERE conversation_id = $1 AND seq = $2",
        )
        .bind(conversation_id)
        .bind(seq)
        .fetch_optional(&self.0.pool)
        .await?
        .as_ref()
        .map(web_message)
        .transpose()
    }

    /// Deletes the whole transcript (the page has shown the farewell).
    pub async fn delete(self, conversation_id: &ConversationId) -> Result<()> {
        sqlx::query("DELETE FROM web_messages WHERE conversation_id = $1")
            .bind(conversation_id)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// A connection on which PostgreSQL announces every transcript that grew ([`WEB_CHANGES`]);
    /// `None` on SQLite, where one process writes and is told in memory.
    pub async fn listen(self) -> Result<Option<sqlx::postgres::PgListener>> {
        if self.0.backend() != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(&self.0.url).await?;
        listener.listen(WEB_CHANGES).await?;
        Ok(Some(listener))
    }
}

/// Adds a row within `tx`: its number, or `None` if its source was written before. The common
/// case first: a new row; a source written before is the conflict on `web_messages_source`.
pub(super) async fn insert(
    tx: &mut sqlx::AnyConnection,
    new: NewWebMessage<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "INSERT INTO web_messages (conversation_id, seq, source, kind, replaces, body, \
         created_at) SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6 \
         FROM web_messages WHERE conversation_id = $1 \
         ON CONFLICT (conversation_id, source) DO NOTHING RETURNING seq",
    )
    .bind(new.conversation_id)
    .bind(new.source)
    .bind(new.kind.as_str())
    .bind(new.replaces)
    .bind(new.body)
    .bind(ts(now))
    .fetch_optional(&mut *tx)
    .await?)
}

/// The number of the row written before for `new`'s source.
pub(super) async fn written(tx: &mut sqlx::AnyConnection, new: NewWebMessage<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT seq FROM web_messages WHERE conversation_id = $1 AND source = $2",
    )
    .bind(new.conversation_id)
    .bind(new.source)
    .fetch_one(&mut *tx)
    .await?)
}

/// Tells every replica (PostgreSQL's `NOTIFY`, sent when `tx` commits) that the
/// conversation's transcript grew.
pub(super) async fn announce(
    tx: &mut sqlx::AnyConnection,
    conversation_id: &ConversationId,
) -> Result<()> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(WEB_CHANGES)
        .bind(conversation_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
