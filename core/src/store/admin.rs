//! What admins change while the office runs: translations and the catalogue, with history.

use chrono::{DateTime, Utc};
use sqlx::Row;

use sqlx::{Any, Transaction};

use super::{AdminRepo, Backend, Result, from_ts, ts};
use crate::i18n::edit::{Review, ReviewSync};
use crate::reference::secret_token;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TranslationChange {
    pub id: String,
    pub lang: String,
    pub message_id: String,
    /// `None`: back to the text of the .ftl file.
    pub value: Option<String>,
    pub author: String,
    pub changed_at: DateTime<Utc>,
}

/// The PostgreSQL notification channel on which admins' changes are announced.
pub const ADMIN_CHANGES: &str = "schalter_admin_changes";

/// Microseconds since the epoch: orders changes made within one second.
fn seq(now: DateTime<Utc>) -> i64 {
    now.timestamp_micros()
}

impl AdminRepo<'_> {
    /// Records a translation change and returns its id.
    pub async fn change_translation(
        &self,
        lang: &str,
        message_id: &str,
        value: Option<&str>,
        author: &str,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let id = secret_token();
        let mut tx = self.0.pool.begin().await?;
        sqlx::query(
            "INSERT INTO translations (id, lang, message_id, value, author, changed_at, seq) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(lang)
        .bind(message_id)
        .bind(value)
        .bind(author)
        .bind(ts(now))
        .bind(seq(now))
        .execute(&mut *tx)
        .await?;
        self.announce_admin_change(&mut tx).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The translations in force from the database: `(lang, message id, value)`.
    pub async fn translation_overrides(self) -> Result<Vec<(String, String, String)>> {
        let rows = sqlx::query(
            "SELECT t.lang, t.message_id, t.value FROM translations t \
             WHERE t.seq = (SELECT MAX(u.seq) FROM translations u \
                            WHERE u.lang = t.lang AND u.message_id = t.message_id) \
             AND t.value IS NOT NULL ORDER BY t.lang, t.message_id",
        )
        .fetch_all(&self.0.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("lang")?,
                    r.try_get("message_id")?,
                    r.try_get("value")?,
                ))
            })
            .collect()
    }

    /// Every change of one message, newest first.
    pub async fn translation_history(
        &self,
        lang: &str,
        message_id: &str,
    ) -> Result<Vec<TranslationChange>> {
        let rows = sqlx::query(
            "SELECT id, lang, message_id, value, author, changed_at FROM translations \
             WHERE lang = $1 AND message_id = $2 ORDER BY seq DESC",
        )
        .bind(lang)
        .bind(message_id)
        .fetch_all(&self.0.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TranslationChange {
                    id: r.try_get("id")?,
                    lang: r.try_get("lang")?,
                    message_id: r.try_get("message_id")?,
                    value: r.try_get("value")?,
                    author: r.try_get("author")?,
                    changed_at: from_ts(r.try_get("changed_at")?)?,
                })
            })
            .collect()
    }

    /// Changes so far, as a fingerprint: replicas reload when it changes.
    /// On PostgreSQL, a subscription to admins' changes made by any process (see
    /// [`ADMIN_CHANGES`]); `None` on SQLite, where one machine looks at
    /// [`AdminRepo::admin_fingerprint`] instead.
    pub async fn listen_admin_changes(self) -> Result<Option<sqlx::postgres::PgListener>> {
        if self.0.backend != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(&self.0.url).await?;
        listener.listen(ADMIN_CHANGES).await?;
        Ok(Some(listener))
    }

    /// Tells every listening process, when `tx` commits, that admins changed something.
    async fn announce_admin_change(self, tx: &mut Transaction<'static, Any>) -> Result<()> {
        if self.0.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, '')")
                .bind(ADMIN_CHANGES)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// The newest change of each kind (translations, catalogue), in one round trip.
    pub async fn admin_fingerprint(self) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT (SELECT MAX(seq) FROM translations) AS t, (SELECT MAX(seq) FROM catalogs) AS c",
        )
        .fetch_one(&self.0.pool)
        .await?;
        let t: Option<i64> = row.try_get("t")?;
        let c: Option<i64> = row.try_get("c")?;
        Ok((t.unwrap_or(0), c.unwrap_or(0)))
    }

    pub async fn save_catalog(self, toml: &str, author: &str, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.0.pool.begin().await?;
        sqlx::query(
            "INSERT INTO catalogs (id, toml, author, changed_at, seq) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(secret_token())
        .bind(toml)
        .bind(author)
        .bind(ts(now))
        .bind(seq(now))
        .execute(&mut *tx)
        .await?;
        self.announce_admin_change(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The newest catalogue saved through the admin API.
    pub async fn latest_catalog(self) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT toml FROM catalogs ORDER BY seq DESC LIMIT 1")
                .fetch_optional(&self.0.pool)
                .await?,
        )
    }
}

/// Rows of [`AdminRepo::sync_translation_reviews`]' inserts per statement (5 parameters each).
const REVIEW_BATCH: usize = 100;

impl AdminRepo<'_> {
    /// What each translation was last written or confirmed against, of every message or of
    /// one (see `i18n::edit` on reviews).
    pub async fn translation_reviews(self, message_id: Option<&str>) -> Result<Vec<Review>> {
        let rows = match message_id {
            Some(id) => {
                sqlx::query(
                    "SELECT lang, message_id, reference, translation FROM translation_reviews \
                     WHERE message_id = $1",
                )
                .bind(id)
                .fetch_all(&self.0.pool)
                .await?
            }
            None => {
                sqlx::query(
                    "SELECT lang, message_id, reference, translation FROM translation_reviews",
                )
                .fetch_all(&self.0.pool)
                .await?
            }
        };
        rows.iter()
            .map(|r| {
                Ok(Review {
                    lang: r.try_get("lang")?,
                    message_id: r.try_get("message_id")?,
                    reference: r.try_get("reference")?,
                    translation: r.try_get("translation")?,
                })
            })
            .collect()
    }

    /// Records that a translation was written or confirmed against `review.reference` now.
    pub async fn mark_translation_reviewed(
        &self,
        review: &Review,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO translation_reviews \
             (lang, message_id, reference, translation, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (lang, message_id) DO UPDATE SET \
             reference = excluded.reference, translation = excluded.translation, \
             reviewed_at = excluded.reviewed_at",
        )
        .bind(&review.lang)
        .bind(&review.message_id)
        .bind(&review.reference)
        .bind(&review.translation)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Applies a [`ReviewSync`] in one transaction. Safe beside other processes doing the
    /// same: an insert leaves an existing row alone, an update only takes a row that still
    /// holds the translation the plan saw.
    pub async fn sync_translation_reviews(
        &self,
        sync: &ReviewSync,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if sync.is_empty() {
            return Ok(());
        }
        let mut tx = self.0.pool.begin().await?;
        for batch in sync.insert.chunks(REVIEW_BATCH) {
            let values: Vec<String> = (0..batch.len())
                .map(|i| {
                    let p = i * 5;
                    format!(
                        "(${}, ${}, ${}, ${}, ${})",
                        p + 1,
                        p + 2,
                        p + 3,
                        p + 4,
                        p + 5
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO translation_reviews \
                 (lang, message_id, reference, translation, reviewed_at) VALUES {} \
                 ON CONFLICT (lang, message_id) DO NOTHING",
                values.join(", ")
            );
            // Only numbered placeholders are put into the text; every value is bound.
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for r in batch {
                query = query
                    .bind(&r.lang)
                    .bind(&r.message_id)
                    .bind(&r.reference)
                    .bind(&r.translation)
                    .bind(ts(now));
            }
            query.execute(&mut *tx).await?;
        }
        for (r, was) in &sync.update {
            sqlx::query(
                "UPDATE translation_reviews SET reference = $1, translation = $2, reviewed_at = $3 \
                 WHERE lang = $4 AND message_id = $5 AND translation = $6",
            )
            .bind(&r.reference)
            .bind(&r.translation)
            .bind(ts(now))
            .bind(&r.lang)
            .bind(&r.message_id)
            .bind(was)
            .execute(&mut *tx)
            .await?;
        }
        for (lang, id) in &sync.delete {
            sqlx::query("DELETE FROM translation_reviews WHERE lang = $1 AND message_id = $2")
                .bind(lang)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// One admin action in the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// The person's display name.
    pub actor: String,
    /// The person's stable id (`oidc:<issuer>#<sub>`, `local:<name>`, `token:<id>`,
    /// `admin-token`); empty for entries written before staff signed in as themselves.
    pub subject: String,
    pub action: String,
    pub target: String,
}

impl AdminRepo<'_> {
    /// Records an admin action of the person `actor` (display name) / `subject` (stable id);
    /// no personal data of citizens in `target`.
    pub async fn audit(
        &self,
        actor: &str,
        subject: &str,
        action: &str,
        target: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO admin_audit (id, at, actor, subject, action, target) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(crate::reference::secret_token())
        .bind(ts(now))
        .bind(actor)
        .bind(subject)
        .bind(action)
        .bind(target)
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// The newest `limit` admin actions, newest first.
    pub async fn audit_log(self, limit: i64) -> Result<Vec<AuditEntry>> {
        sqlx::query(
            "SELECT at, actor, subject, action, target FROM admin_audit \
             ORDER BY at DESC, id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(AuditEntry {
                at: super::from_ts(r.try_get("at")?)?,
                actor: r.try_get("actor")?,
                subject: r
                    .try_get::<Option<String>, _>("subject")?
                    .unwrap_or_default(),
                action: r.try_get("action")?,
                target: r.try_get("target")?,
            })
        })
        .collect()
    }

    /// Deletes audit entries older than `before`; returns how many went.
    pub async fn prune_audit(self, before: DateTime<Utc>) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM admin_audit WHERE at < $1")
            .bind(ts(before))
            .execute(&self.0.pool)
            .await?
            .rows_affected())
    }
}
