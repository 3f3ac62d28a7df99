//! Clerks' presence: their status (`available` or `away`), when they were last seen, and how
//! many are on duty.

use chrono::{DateTime, Utc};

use crate::store::{QueueRepo, Result, ts};

impl QueueRepo<'_> {
    /// Records a clerk's presence (`available` or `away`) and when they were last seen.
    pub async fn set_clerk_status(
        &self,
        clerk: &str,
        status: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO clerks (id, status, seen_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, seen_at = excluded.seen_at",
        )
        .bind(clerk)
        .bind(status)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Marks the clerk as seen now, keeping their status.
    pub async fn clerk_seen(self, clerk: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE clerks SET seen_at = $2 WHERE id = $1")
            .bind(clerk)
            .bind(ts(now))
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    pub async fn clerk_status(self, clerk: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT status FROM clerks WHERE id = $1")
                .bind(clerk)
                .fetch_optional(&self.0.pool)
                .await?,
        )
    }

    /// Clerks available and seen since `since`.
    pub async fn clerks_on_duty(self, since: DateTime<Utc>) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM clerks WHERE status = 'available' AND seen_at >= $1",
        )
        .bind(ts(since))
        .fetch_one(&self.0.pool)
        .await?)
    }
}
