//! Staff who sign in (migration `0015_staff`): local accounts, sessions, sign-ins under way at
//! the identity provider and API tokens. Secrets arrive here already hashed.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Result, StaffRepo, from_ts, ts};

/// A local account as stored.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub name: String,
    pub password_hash: String,
    pub roles: String,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
}

/// A session as stored (its key, the secret's hash, apart).
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub subject: String,
    pub name: String,
    pub roles: String,
    pub csrf: String,
    pub created_at: DateTime<Utc>,
    pub seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// What the callback of a sign-in at the identity provider checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLogin {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
}

/// An API token as stored (its hash apart).
#[derive(Debug, Clone)]
pub struct ApiTokenRow {
    pub id: String,
    pub name: String,
    pub roles: String,
    pub created_by: String,
    pub created_by_subject: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

fn opt_ts(r: &AnyRow, column: &str) -> Result<Option<DateTime<Utc>>> {
    r.try_get::<Option<i64>, _>(column)?
        .map(from_ts)
        .transpose()
}

fn token_row(r: &AnyRow) -> Result<ApiTokenRow> {
    Ok(ApiTokenRow {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        roles: r.try_get("roles")?,
        created_by: r.try_get("created_by")?,
        created_by_subject: r.try_get("created_by_subject")?,
        created_at: from_ts(r.try_get("created_at")?)?,
        expires_at: from_ts(r.try_get("expires_at")?)?,
        revoked_at: opt_ts(r, "revoked_at")?,
        last_used_at: opt_ts(r, "last_used_at")?,
    })
}

macro_rules! token_columns {
    () => {
        "id, name, roles, created_by, created_by_subject, created_at, expires_at, revoked_at, \
         last_used_at"
    };
}

macro_rules! account_columns {
    () => {
        "name, password_hash, roles, failed_logins, locked_until"
    };
}

fn account_row(r: &AnyRow) -> Result<AccountRow> {
    Ok(AccountRow {
        name: r.try_get("name")?,
        password_hash: r.try_get("password_hash")?,
        roles: r.try_get("roles")?,
        failed_logins: r.try_get::<i64, _>("failed_logins")?,
        locked_until: opt_ts(r, "locked_until")?,
    })
}

impl StaffRepo<'_> {
    // --- Sessions

    pub async fn open_session(self, hash: &str, s: &SessionRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO staff_sessions (hash, subject, name, roles, csrf, created_at, seen_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(hash)
        .bind(&s.subject)
        .bind(&s.name)
        .bind(&s.roles)
        .bind(&s.csrf)
        .bind(ts(s.created_at))
        .bind(ts(s.seen_at))
        .bind(ts(s.expires_at))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    pub async fn session(self, hash: &str) -> Result<Option<SessionRow>> {
        sqlx::query(
            "SELECT subject, name, roles, csrf, created_at, seen_at, expires_at \
             FROM staff_sessions WHERE hash = $1",
        )
        .bind(hash)
        .fetch_optional(&self.0.pool)
        .await?
        .map(|r| {
            Ok(SessionRow {
                subject: r.try_get("subject")?,
                name: r.try_get("name")?,
                roles: r.try_get("roles")?,
                csrf: r.try_get("csrf")?,
                created_at: from_ts(r.try_get("created_at")?)?,
                seen_at: from_ts(r.try_get("seen_at")?)?,
                expires_at: from_ts(r.try_get("expires_at")?)?,
            })
        })
        .transpose()
    }

    pub async fn touch_session(self, hash: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE staff_sessions SET seen_at = $1 WHERE hash = $2")
            .bind(ts(now))
            .bind(hash)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    pub async fn close_session(self, hash: &str) -> Result<bool> {
        Ok(sqlx::query("DELETE FROM staff_sessions WHERE hash = $1")
            .bind(hash)
            .execute(&self.0.pool)
            .await?
            .rows_affected()
            > 0)
    }

    pub async fn close_sessions_of(self, subject: &str) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM staff_sessions WHERE subject = $1")
            .bind(subject)
            .execute(&self.0.pool)
            .await?
            .rows_affected())
    }

    // --- Sign-ins under way

    pub async fn begin_login(self, hash: &str, l: &PendingLogin, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "INSERT INTO staff_logins (hash, state, nonce, verifier, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash)
        .bind(&l.state)
        .bind(&l.nonce)
        .bind(&l.verifier)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Deletes the sign-in of `hash` and returns it with when it began: taken once only.
    pub async fn take_login(self, hash: &str) -> Result<Option<(PendingLogin, DateTime<Utc>)>> {
        sqlx::query(
            "DELETE FROM staff_logins WHERE hash = $1 \
             RETURNING state, nonce, verifier, created_at",
        )
        .bind(hash)
        .fetch_optional(&self.0.pool)
        .await?
        .map(|r| {
            Ok((
                PendingLogin {
                    state: r.try_get("state")?,
                    nonce: r.try_get("nonce")?,
                    verifier: r.try_get("verifier")?,
                },
                from_ts(r.try_get("created_at")?)?,
            ))
        })
        .transpose()
    }

    // --- API tokens

    pub async fn create_token(self, hash: &str, t: &ApiTokenRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO api_tokens (id, hash, name, roles, created_by, created_by_subject, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&t.id)
        .bind(hash)
        .bind(&t.name)
        .bind(&t.roles)
        .bind(&t.created_by)
        .bind(&t.created_by_subject)
        .bind(ts(t.created_at))
        .bind(ts(t.expires_at))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    pub async fn token(self, hash: &str) -> Result<Option<ApiTokenRow>> {
        sqlx::query(concat!(
            "SELECT ",
            token_columns!(),
            " FROM api_tokens WHERE hash = $1"
        ))
        .bind(hash)
        .fetch_optional(&self.0.pool)
        .await?
        .as_ref()
        .map(token_row)
        .transpose()
    }

    pub async fn token_used(self, id: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(ts(now))
            .bind(id)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    pub async fn tokens(self) -> Result<Vec<ApiTokenRow>> {
        sqlx::query(concat!(
            "SELECT ",
            token_columns!(),
            " FROM api_tokens ORDER BY created_at DESC, id"
        ))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(token_row)
        .collect()
    }

    pub async fn revoke_token(self, id: &str, now: DateTime<Utc>) -> Result<bool> {
        Ok(sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        )
        .bind(ts(now))
        .bind(id)
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            > 0)
    }

    // --- Local accounts

    /// False if the name is taken.
    pub async fn add_account(self, a: &AccountRow, now: DateTime<Utc>) -> Result<bool> {
        Ok(sqlx::query(
            "INSERT INTO staff_accounts (name, password_hash, roles, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING",
        )
        .bind(&a.name)
        .bind(&a.password_hash)
        .bind(&a.roles)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            > 0)
    }

    pub async fn account(self, name: &str) -> Result<Option<AccountRow>> {
        sqlx::query(concat!(
            "SELECT ",
            account_columns!(),
            " FROM staff_accounts WHERE name = $1"
        ))
        .bind(name)
        .fetch_optional(&self.0.pool)
        .await?
        .as_ref()
        .map(account_row)
        .transpose()
    }

    pub async fn accounts(self) -> Result<Vec<AccountRow>> {
        sqlx::query(concat!(
            "SELECT ",
            account_columns!(),
            " FROM staff_accounts ORDER BY name"
        ))
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(account_row)
        .collect()
    }

    pub async fn set_password(self, name: &str, hash: &str) -> Result<bool> {
        Ok(sqlx::query(
            "UPDATE staff_accounts SET password_hash = $1, failed_logins = 0, \
             locked_until = NULL WHERE name = $2",
        )
        .bind(hash)
        .bind(name)
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            > 0)
    }

    pub async fn remove_account(self, name: &str) -> Result<bool> {
        Ok(sqlx::query("DELETE FROM staff_accounts WHERE name = $1")
            .bind(name)
            .execute(&self.0.pool)
            .await?
            .rows_affected()
            > 0)
    }

    pub async fn login_succeeded(self, name: &str) -> Result<()> {
        sqlx::query(
            "UPDATE staff_accounts SET failed_logins = 0, locked_until = NULL WHERE name = $1",
        )
        .bind(name)
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Counts a wrong password; `lock` locks the account until then and starts the count anew.
    pub async fn login_failed(self, name: &str, lock: Option<DateTime<Utc>>) -> Result<()> {
        match lock {
            Some(until) => {
                sqlx::query(
                    "UPDATE staff_accounts SET failed_logins = 0, locked_until = $1 \
                     WHERE name = $2",
                )
                .bind(ts(until))
                .bind(name)
                .execute(&self.0.pool)
                .await?
            }
            None => {
                sqlx::query(
                    "UPDATE staff_accounts SET failed_logins = failed_logins + 1 WHERE name = $1",
                )
                .bind(name)
                .execute(&self.0.pool)
                .await?
            }
        };
        Ok(())
    }
}
