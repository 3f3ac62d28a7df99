//! Documents citizens sent for a booking's checklist (`documents`), their encrypted bytes in
//! chunks (`document_chunks`), and the anonymous count per day (`document_stats`). What the
//! rows hold and when they go: migration `0016_documents`. Sealing and opening is the
//! service's (`crate::documents`); this file only keeps what it is given.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{DocumentRepo, Result, conversation_id, from_ts, ts};
use crate::channel::ConversationId;

/// A kept document, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: String,
    pub booking_id: String,
    pub conversation_id: ConversationId,
    /// The checklist item (a catalogue document id); empty until the citizen said which.
    pub item: String,
    /// `pdf`, `jpeg`, `png` or `heic`.
    pub kind: String,
    pub size: i64,
    pub digest: String,
    pub created_at: DateTime<Utc>,
}

/// A document to keep.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    pub id: &'a str,
    pub booking_id: &'a str,
    pub conversation_id: &'a ConversationId,
    pub item: &'a str,
    pub kind: &'a str,
    pub size: i64,
    pub digest: &'a str,
    /// The inbox key of the input that brought it.
    pub input_key: &'a str,
    /// The office day it arrived on (`YYYY-MM-DD`), for the statistics.
    pub day: &'a str,
    /// At most this many documents a booking.
    pub max_files: i64,
}

/// What keeping a document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Stored; `replaced`: the document the item had before is gone.
    Stored { row: DocumentRow, replaced: bool },
    /// The input brought this document before (a redelivery): nothing stored again.
    Again(DocumentRow),
    /// The booking has this very file already.
    Duplicate(DocumentRow),
    /// The booking has its `max_files` already.
    Full,
    /// Its arrival was taken for abandoned and purged before it could be kept.
    Lost,
}

/// A query of whole rows: the columns, then `$rest` (sqlx takes only static SQL).
macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, booking_id, conversation_id, item, kind, size, digest, created_at \
             FROM documents ",
            $rest
        )
    };
}

fn row(r: &sqlx::any::AnyRow) -> Result<DocumentRow> {
    Ok(DocumentRow {
        id: r.try_get("id")?,
        booking_id: r.try_get("booking_id")?,
        conversation_id: conversation_id(r.try_get("conversation_id")?)?,
        item: r.try_get("item")?,
        kind: r.try_get("kind")?,
        size: r.try_get("size")?,
        digest: r.try_get("digest")?,
        created_at: from_ts(r.try_get("created_at")?)?,
    })
}

impl DocumentRepo<'_> {
    /// The document an input brought, if it was kept.
    pub async fn by_input(self, input_key: &str) -> Result<Option<DocumentRow>> {
        sqlx::query(select!("WHERE input_key = $1"))
            .bind(input_key)
            .fetch_optional(&self.0.pool)
            .await?
            .as_ref()
            .map(row)
            .transpose()
    }

    pub async fn document(self, id: &str) -> Result<Option<DocumentRow>> {
        sqlx::query(select!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.0.pool)
            .await?
            .as_ref()
            .map(row)
            .transpose()
    }

    /// A booking's documents, oldest first.
    pub async fn of_booking(self, booking_id: &str) -> Result<Vec<DocumentRow>> {
        sqlx::query(select!("WHERE booking_id = $1 ORDER BY created_at, id"))
            .bind(booking_id)
            .fetch_all(&self.0.pool)
            .await?
            .iter()
            .map(row)
            .collect()
    }

    /// Every document a conversation sent, oldest first.
    pub async fn of_conversation(self, conversation: &ConversationId) -> Result<Vec<DocumentRow>> {
        sqlx::query(select!(
            "WHERE conversation_id = $1 ORDER BY created_at, id"
        ))
        .bind(conversation)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(row)
        .collect()
    }

    /// Begins a document's arrival under the id it will have: its chunks may be written from
    /// now on ([`Self::arriving_chunk`]), and the purge leaves them for an hour.
    pub async fn arriving(self, id: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("INSERT INTO document_uploads (id, started_at) VALUES ($1, $2)")
            .bind(id)
            .bind(ts(now))
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// Writes the sealed chunk `seq` of an arriving document, on its own: a download takes
    /// longer than a transaction should, so a chunk is written as it comes, and nothing of it
    /// is a document until [`Self::keep`] commits the row.
    pub async fn arriving_chunk(self, id: &str, seq: i64, data: Vec<u8>) -> Result<()> {
        sqlx::query("INSERT INTO document_chunks (document_id, seq, data) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(seq)
            .bind(data)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// An arriving document that will not be kept (refused, a duplicate, or its download
    /// failed): its chunks and its arrival go.
    pub async fn abandon(self, id: &str) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        sqlx::query("DELETE FROM document_chunks WHERE document_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM document_uploads WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps an arrived document (its chunks written with [`Self::arriving_chunk`]), in one
    /// transaction: nothing twice for one input, no file twice for one booking, at most
    /// `max_files` a booking, and a new file for an item replaces the one it had. Unless it
    /// is [`Kept::Stored`], the caller abandons the arrival.
    pub async fn keep(self, doc: &NewDocument<'_>, now: DateTime<Utc>) -> Result<Kept> {
        let mut tx = self.0.begin_write().await?;
        if let Some(r) = sqlx::query(select!("WHERE input_key = $1"))
            .bind(doc.input_key)
            .fetch_optional(&mut *tx)
            .await?
        {
            return Ok(Kept::Again(row(&r)?));
        }
        if let Some(r) = sqlx::query(select!("WHERE booking_id = $1 AND digest = $2"))
            .bind(doc.booking_id)
            .bind(doc.digest)
            .fetch_optional(&mut *tx)
            .await?
        {
            return Ok(Kept::Duplicate(row(&r)?));
        }
        let replaced: Option<String> = match doc.item {
            "" => None,
            item => {
                sqlx::query_scalar("SELECT id FROM documents WHERE booking_id = $1 AND item = $2")
                    .bind(doc.booking_id)
                    .bind(item)
                    .fetch_optional(&mut *tx)
                    .await?
            }
        };
        if let Some(old) = &replaced {
            delete_in(&mut tx, old).await?;
        }
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE booking_id = $1")
            .bind(doc.booking_id)
            .fetch_one(&mut *tx)
            .await?;
        if count >= doc.max_files {
            return Ok(Kept::Full);
        }
        sqlx::query(
            "INSERT INTO documents (id, booking_id, conversation_id, item, kind, size, digest, \
             input_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(doc.id)
        .bind(doc.booking_id)
        .bind(doc.conversation_id)
        .bind(doc.item)
        .bind(doc.kind)
        .bind(doc.size)
        .bind(doc.digest)
        .bind(doc.input_key)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
        // The arrival ends here; without it the purge took the chunks (an hour late).
        let arrived = sqlx::query("DELETE FROM document_uploads WHERE id = $1")
            .bind(doc.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if arrived == 0 {
            return Ok(Kept::Lost);
        }
        count_in(&mut tx, doc.day, doc.kind, doc.size).await?;
        tx.commit().await?;
        Ok(Kept::Stored {
            row: DocumentRow {
                id: doc.id.to_owned(),
                booking_id: doc.booking_id.to_owned(),
                conversation_id: doc.conversation_id.clone(),
                item: doc.item.to_owned(),
                kind: doc.kind.to_owned(),
                size: doc.size,
                digest: doc.digest.to_owned(),
                created_at: from_ts(ts(now))?,
            },
            replaced: replaced.is_some(),
        })
    }

    /// Says which checklist item a document is for; the one the item had before goes.
    /// `false` if the document is gone.
    pub async fn assign(self, id: &str, item: &str) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let Some(booking): Option<String> =
            sqlx::query_scalar("SELECT booking_id FROM documents WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(false);
        };
        let old: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM documents WHERE booking_id = $1 AND item = $2 AND id <> $3",
        )
        .bind(&booking)
        .bind(item)
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        for old in &old {
            delete_in(&mut tx, old).await?;
        }
        sqlx::query("UPDATE documents SET item = $2 WHERE id = $1")
            .bind(id)
            .bind(item)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Deletes a document and its bytes. `false` if it was gone.
    pub async fn remove(self, id: &str) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let gone = delete_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(gone)
    }

    /// A document's sealed chunks, in order.
    pub async fn chunks(self, id: &str) -> Result<Vec<Vec<u8>>> {
        Ok(sqlx::query_scalar(
            "SELECT data FROM document_chunks WHERE document_id = $1 ORDER BY seq",
        )
        .bind(id)
        .fetch_all(&self.0.pool)
        .await?)
    }

    /// Counts a refused file in the statistics of `day`.
    pub async fn count_refused(self, day: &str, size: i64) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        count_in(&mut tx, day, "refused", size).await?;
        tx.commit().await?;
        Ok(())
    }

    /// `(day, outcome, files, bytes)` from `since` (`YYYY-MM-DD`) on, newest day first.
    pub async fn stats(self, since: &str) -> Result<Vec<(String, String, i64, i64)>> {
        sqlx::query(
            "SELECT day, outcome, files, bytes FROM document_stats WHERE day >= $1 \
             ORDER BY day DESC, outcome",
        )
        .bind(since)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                r.try_get("day")?,
                r.try_get("outcome")?,
                r.try_get("files")?,
                r.try_get("bytes")?,
            ))
        })
        .collect()
    }

    /// Documents and chunks in the whole store (the privacy scan, tests).
    pub async fn totals(self) -> Result<(i64, i64)> {
        let documents: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents")
            .fetch_one(&self.0.pool)
            .await?;
        let chunks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM document_chunks")
            .fetch_one(&self.0.pool)
            .await?;
        Ok((documents, chunks))
    }
}

/// Deletes a document's bytes and row in the transaction; `true` if there was one.
pub(super) async fn delete_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &str,
) -> Result<bool> {
    sqlx::query("DELETE FROM document_chunks WHERE document_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(sqlx::query("DELETE FROM documents WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected()
        > 0)
}

async fn count_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    day: &str,
    outcome: &str,
    size: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO document_stats (day, outcome, files, bytes) VALUES ($1, $2, 1, $3) \
         ON CONFLICT (day, outcome) DO UPDATE SET files = document_stats.files + 1, \
         bytes = document_stats.bytes + $3",
    )
    .bind(day)
    .bind(outcome)
    .bind(size)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
