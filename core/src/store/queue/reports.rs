//! What the office looks back on and ahead to: handling times, waits, citizens' feedback on
//! their calls, and the day's agenda.

use chrono::{DateTime, Utc};
use sqlx::Row;

use crate::reference::secret_token;
use crate::store::{QueueRepo, Result, from_ts, ts};

impl QueueRepo<'_> {
    /// Handling times in seconds of the last `n` finished calls of a service, newest first.
    pub async fn recent_handling_seconds(self, service: &str, n: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT finished_at - called_at FROM queue_entries \
             WHERE service = $1 AND status = 'done' AND called_at IS NOT NULL \
             ORDER BY finished_at DESC LIMIT $2",
        )
        .bind(service)
        .bind(n)
        .fetch_all(&self.0.pool)
        .await?)
    }

    /// `(called at, minutes waited)` of every call since `since`.
    pub async fn waits_since(self, since: DateTime<Utc>) -> Result<Vec<(DateTime<Utc>, i64)>> {
        let rows = sqlx::query(
            "SELECT called_at, joined_at FROM queue_entries \
             WHERE called_at IS NOT NULL AND called_at >= $1 ORDER BY called_at",
        )
        .bind(ts(since))
        .fetch_all(&self.0.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let called: i64 = r.try_get("called_at")?;
                let joined: i64 = r.try_get("joined_at")?;
                Ok((from_ts(called)?, (called - joined).max(0) / 60))
            })
            .collect()
    }

    /// Keeps a citizen's rating (1–5) of a call; `comment` may follow later.
    pub async fn save_feedback(
        &self,
        entry_id: &str,
        rating: i64,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let entry = self.queue_entry(entry_id).await?;
        sqlx::query(
            "INSERT INTO feedback (id, entry_id, service, lang, rating, comment, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(secret_token())
        .bind(entry_id)
        .bind(entry.as_ref().and_then(|e| e.service.clone()))
        .bind(
            entry
                .as_ref()
                .map_or_else(|| "de".to_owned(), |e| e.lang.clone()),
        )
        .bind(rating.clamp(1, 5))
        .bind(comment)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Adds a comment to the latest feedback on a call.
    pub async fn comment_feedback(self, entry_id: &str, comment: &str) -> Result<()> {
        sqlx::query("UPDATE feedback SET comment = $2 WHERE entry_id = $1")
            .bind(entry_id)
            .bind(comment)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// `(rating, comment)` of all feedback, newest first.
    pub async fn feedback(self) -> Result<Vec<(i64, Option<String>)>> {
        let rows = sqlx::query("SELECT rating, comment FROM feedback ORDER BY created_at DESC")
            .fetch_all(&self.0.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("rating")?, r.try_get("comment")?)))
            .collect()
    }

    /// Confirmed bookings starting in `[from, to)`, by start time: the day's agenda.
    pub async fn bookings_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<crate::store::Booking>> {
        self.0.bookings().bookings_in(from, to).await
    }
}
