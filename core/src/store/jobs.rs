//! Persisted timers. A due job is claimed by exactly one worker (PostgreSQL: `FOR UPDATE SKIP
//! LOCKED`; SQLite: one writer at a time); a claim that is not completed in time (the worker
//! died) runs out and the job is claimed again. Job effects are idempotent, so a job that ran
//! but was not marked done has no second effect.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use super::{Backend, JobRepo, Result, from_ts, ts};
use crate::reference::secret_token;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub kind: String,
    /// Scheduling the same `dedupe` twice keeps the first.
    pub dedupe: String,
    pub run_at: DateTime<Utc>,
    pub payload: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub dedupe: String,
    pub run_at: DateTime<Utc>,
    pub payload: String,
    pub attempts: i64,
}

impl JobRepo<'_> {
    /// Schedules a job unless one with the same `dedupe` exists. `true` if it is new.
    pub async fn schedule(self, job: &NewJob) -> Result<bool> {
        Ok(sqlx::query(
            "INSERT INTO jobs (id, kind, dedupe, run_at, payload, status) \
             VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT (dedupe) DO NOTHING",
        )
        .bind(secret_token())
        .bind(&job.kind)
        .bind(&job.dedupe)
        .bind(ts(job.run_at))
        .bind(&job.payload)
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Schedules several jobs in one statement, each unless one with its `dedupe` exists
    /// (the timers a booking or a hold plans together: one write where each took its own).
    /// How many are new.
    pub async fn schedule_all(self, jobs: &[NewJob]) -> Result<u64> {
        if jobs.is_empty() {
            return Ok(0);
        }
        let mut sql =
            String::from("INSERT INTO jobs (id, kind, dedupe, run_at, payload, status) VALUES ");
        for i in 0..jobs.len() {
            let n = i * 5;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, ${}, 'pending')",
                n + 1,
                n + 2,
                n + 3,
                n + 4,
                n + 5
            ));
        }
        sql.push_str(" ON CONFLICT (dedupe) DO NOTHING");
        // Only numbered placeholders were added to the literal text; the values are bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for job in jobs {
            query = query
                .bind(secret_token())
                .bind(&job.kind)
                .bind(&job.dedupe)
                .bind(ts(job.run_at))
                .bind(&job.payload);
        }
        Ok(query.execute(&self.0.pool).await?.rows_affected())
    }

    /// Claims up to `limit` due jobs for `claim` long.
    pub async fn claim_jobs(
        &self,
        now: DateTime<Utc>,
        limit: i64,
        claim: Duration,
    ) -> Result<Vec<Job>> {
        let mut tx = self.0.begin_write().await?;
        let sql = match self.0.backend() {
            Backend::Postgres => {
                "UPDATE jobs SET status = 'running', claimed_until = $2, attempts = attempts + 1 \
                 WHERE id IN (SELECT id FROM jobs WHERE run_at <= $1 AND (status = 'pending' \
                 OR (status = 'running' AND claimed_until < $1)) ORDER BY run_at LIMIT $3 \
                 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, kind, dedupe, run_at, payload, attempts"
            }
            Backend::Sqlite => {
                "UPDATE jobs SET status = 'running', claimed_until = $2, attempts = attempts + 1 \
                 WHERE id IN (SELECT id FROM jobs WHERE run_at <= $1 AND (status = 'pending' \
                 OR (status = 'running' AND claimed_until < $1)) ORDER BY run_at LIMIT $3) \
                 RETURNING id, kind, dedupe, run_at, payload, attempts"
            }
        };
        let rows = sqlx::query(sql)
            .bind(ts(now))
            .bind(ts(now + claim))
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        rows.iter()
            .map(|r| {
                Ok(Job {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    dedupe: r.try_get("dedupe")?,
                    run_at: from_ts(r.try_get("run_at")?)?,
                    payload: r.try_get("payload")?,
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }

    pub async fn complete_job(self, id: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET status = 'done', done_at = $2, claimed_until = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Gives up on a job that keeps failing.
    pub async fn fail_job(self, id: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET status = 'failed', done_at = $2, claimed_until = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Number of jobs per status, for tests and metrics.
    pub async fn job_counts(self) -> Result<Vec<(String, i64)>> {
        let rows =
            sqlx::query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status ORDER BY status")
                .fetch_all(&self.0.pool)
                .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("status")?, r.try_get("n")?)))
            .collect()
    }
}
