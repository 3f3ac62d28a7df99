//! Persistence on SQLite (the embedded default) or PostgreSQL, through one set of queries,
//! organised by aggregate as in matrix-authentication-service's storage crate: one repository
//! per kind of thing kept, reached from the [`Store`] (`store.bookings().hold(…)`), each in a
//! file (or folder) of its own with that aggregate's queries and row types —
//! [`conversations`](Store::conversations), [`bookings`](Store::bookings),
//! [`queue`](Store::queue), [`outbox`](Store::outbox) (`notifications.rs`),
//! [`inbox`](Store::inbox), [`jobs`](Store::jobs), [`payments`](Store::payments),
//! [`privacy`](Store::privacy) (a citizen's data, erasure), [`retention`](Store::retention)
//! (the purge), [`admin`](Store::admin) (translations, catalogue, audit log) and
//! [`web`](Store::web) (the web chat's transcripts). The `Store`
//! itself only connects, migrates, opens writing transactions and elects leaders.
//! Only the core's services call it; `bots/` never does (`tests/tests/architecture.rs`).
//!
//! The repositories are structs, not traits as in that crate: there is one implementation
//! (sqlx's `Any` driver serves both databases), and the tests' double is the real thing — SQLite
//! in memory and a PostgreSQL database of their own — so a trait would double every signature
//! without a second implementer to show for it.
//!
//! Where the two databases differ, the difference is small, named by [`Backend`], and one of
//! these (nothing else branches on the backend):
//!
//! - **Writing transactions**: `Store::begin_write` (`BEGIN IMMEDIATE` on SQLite, whose one
//!   writer would otherwise fail a reader that wants to write).
//! - **Row locks** that PostgreSQL needs and SQLite's single writer makes moot: `FOR UPDATE
//!   SKIP LOCKED` in the job claim (`jobs.rs`) and the pick (`queue/calls.rs`), `FOR UPDATE`
//!   on the two rows a move of a booking reads (`bookings.rs`).
//! - **Leadership**: a session advisory lock on PostgreSQL; on SQLite one process always
//!   leads ([`Store::try_lead`]).
//! - **Admins' changes reach other replicas** by `LISTEN`/`NOTIFY` on PostgreSQL
//!   (`admin.rs`); SQLite serves one machine, which looks at a fingerprint. So does a web
//!   chat's new message (`web.rs`), whose page may be open on another replica.
//! - **The pool**: 4 connections and WAL on SQLite, 16 on PostgreSQL ([`Store::connect`]).
//! - **Migrations**: `migrations/shared/` for both, `sqlite/` and `postgres/` only where the
//!   schema must differ (`migrations.rs`, `migrations/README.md`).

mod admin;
mod bookings;
mod conversations;
mod device_checks;
mod documents;
mod inbox;
mod jobs;
mod mail;
mod migrations;
mod notifications;
mod payments;
mod privacy;
mod queue;
mod retention;
mod staff;
mod web;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Transaction};

use crate::channel::ConversationId;

pub use admin::{ADMIN_CHANGES, AuditEntry, TranslationChange};
pub use bookings::{Booking, BookingStatus, HoldRequest};
pub use conversations::{Answering, ConversationRow};
pub use device_checks::DeviceCheckRow;
pub use documents::{DocumentRow, Kept, NewDocument};
pub use inbox::{InboxItem, NewInput, Stored};
pub use jobs::{Job, NewJob};
pub use mail::{KeyPurpose, MailAddress, MailState, NewMail};
pub use notifications::{Claimed, Failure, Notification, WAITING_ROOM_SLOT};
pub use payments::{
    Item, NewPayment, PAYMENTS_CONVERSATION, Payment, PaymentState, Recorded, payments_conversation,
};
pub use privacy::{CitizenData, Forgotten};
pub use queue::{EntryKind, EntryStatus, Finish, NewEntry, Pick, QueueEntry};
pub use retention::{Cutoffs, Effect, PurgeReport};
pub use staff::{AccountRow, ApiTokenRow, PendingLogin, SessionRow};
pub use web::{NewWebMessage, WEB_CHANGES, WebKind, WebMessage};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL `{0}`: use sqlite://… or postgres://…")]
    UnsupportedUrl(String),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// The conversation was changed elsewhere since it was read; read it again.
    #[error("conversation changed concurrently")]
    Conflict(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Declares an aggregate's repository: a borrowed view of the [`Store`], handed out by the
/// accessor of the same name, whose methods live in that aggregate's file.
macro_rules! repositories {
    ($($(#[$doc:meta])* $accessor:ident => $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'a>(&'a Store);

        impl Store {
            $(#[$doc])*
            pub fn $accessor(&self) -> $name<'_> {
                $name(self)
            }
        }
    )*};
}

repositories! {
    /// Each citizen's dialogue state and the channel bookkeeping kept with it.
    conversations => ConversationRepo;
    /// Appointments: holds, confirmations, moves, cancellations.
    bookings => BookingRepo;
    /// The waiting room and the desk: entries, picks, calls, clerks, feedback.
    queue => QueueRepo;
    /// What is to be said to citizens and clerks, until each channel delivered it.
    outbox => OutboxRepo;
    /// What citizens said, until the dialogue answered it (exactly once per input).
    inbox => InboxRepo;
    /// Timed jobs (reminders, purges), claimed by one replica at a time.
    jobs => JobRepo;
    /// Fees, their payments and refunds.
    payments => PaymentRepo;
    /// A citizen's data in one view, and its erasure.
    privacy => PrivacyRepo;
    /// The purge of what the retention rules say has expired.
    retention => RetentionRepo;
    /// Translations, the catalogue and the audit log.
    admin => AdminRepo;
    /// The web chat's transcripts, numbered per conversation.
    web => WebRepo;
    /// E-mail addresses web citizens gave for a booking, and the keys of their mails' links.
    mail => MailRepo;
    /// Staff who sign in: local accounts, sessions, sign-ins under way, API tokens.
    staff => StaffRepo;
    /// Documents citizens sent for a booking's checklist, sealed, and their daily counts.
    documents => DocumentRepo;
    /// The device check before a call: its links' hashes and each booking's last result.
    device_checks => DeviceCheckRepo;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A pooled connection idle this long is pinged before it is handed out.
const IDLE_CHECK: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The database's URL, for connections outside the pool (`LISTEN`); it may carry a
    /// password, so it is never printed.
    url: std::sync::Arc<str>,
    /// See [`conversations::ConversationCache`].
    conversation_cache: std::sync::Arc<conversations::ConversationCache>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Connects; a SQLite file is created if missing and switched to WAL.
    pub async fn connect(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl(redact(url)));
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") && !url.contains(":memory:") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(30))
            // sqlx pings a connection when it goes back to the pool, and by default again
            // before handing it out: a second round trip for every statement. A connection
            // in steady use is known to be good from its last release; one that sat idle (a
            // database restarted meanwhile) is still checked first.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for >= IDLE_CHECK {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers work while one writer commits; the busy timeout
                        // makes writers queue instead of failing.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 10000")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA foreign_keys = ON")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Self {
            pool,
            backend,
            url: url.into(),
            conversation_cache: std::sync::Arc::new(conversations::ConversationCache::new()),
        })
    }

    /// Applies the migrations this database has not had yet (listed in `store/migrations.rs`).
    pub async fn migrate(&self) -> Result<()> {
        migrations::migrator(self.backend).run(&self.pool).await?;
        Ok(())
    }

    /// The versions of the schema this build knows that the database has not had yet (a
    /// replica started before a newer one migrated sees none; one that runs against an older
    /// schema sees what it lacks).
    pub async fn pending_migrations(&self) -> Result<Vec<i64>> {
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = $1")
                .bind(true)
                .fetch_all(&self.pool)
                .await?;
        Ok(migrations::migrator(self.backend)
            .iter()
            .map(|m| m.version)
            .filter(|v| !applied.contains(v))
            .collect())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A transaction that will write. SQLite takes the write lock up front (`BEGIN IMMEDIATE`)
    /// so that a read followed by a write cannot fail on a stale snapshot; PostgreSQL locks
    /// rows as it goes.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Tries to become the one process that runs `name` (e.g. the Telegram poller). On
    /// PostgreSQL this is a session advisory lock held by a connection of its own: it is
    /// released when the guard is dropped or the process dies, and another replica takes
    /// over. The connection's TCP keep-alive is short, so that PostgreSQL also frees the lock
    /// of a leader whose host vanished within seconds. SQLite serves one process, which
    /// always leads.
    pub async fn try_lead(&self, name: &str) -> Result<Option<Leadership>> {
        match self.backend {
            Backend::Sqlite => Ok(Some(Leadership {
                connection: None,
                key: 0,
            })),
            Backend::Postgres => {
                let mut conn = self.pool.acquire().await?.detach();
                for set in [
                    "SET tcp_keepalives_idle = 5",
                    "SET tcp_keepalives_interval = 1",
                    "SET tcp_keepalives_count = 2",
                ] {
                    sqlx::query(set).execute(&mut conn).await?;
                }
                let key = leader_key(name);
                let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                    .bind(key)
                    .fetch_one(&mut conn)
                    .await?;
                Ok(got.then(|| Leadership {
                    connection: Some(tokio::sync::Mutex::new(conn)),
                    key,
                }))
            }
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The URL without its password, for error messages and logs: the password in the user
/// part (`user:secret@host`) and in query parameters (`?password=…`, `&sslpassword=…`).
pub fn redact(url: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let base = match (base.find("://"), base.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &base[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}://{user}:***@{}", &base[..scheme], &base[at + 1..])
        }
        _ => base.to_owned(),
    };
    if query.is_empty() {
        return base;
    }
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.to_ascii_lowercase().contains("password") => {
                format!("{key}=***")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", query.join("&"))
}

/// The channel part of a stored conversation id (`telegram` of `telegram:123`), kept in its
/// own column of the outbox and the inbox for their indexes.
/// A conversation id as stored, read back (a row of a channel this version does not know is
/// corrupt to it).
pub(crate) fn conversation_id(stored: String) -> Result<ConversationId> {
    ConversationId::parse(&stored).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A conversation id is bound and read as the text it is stored as (`telegram:123`).
impl sqlx::Type<Any> for ConversationId {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <str as sqlx::Type<Any>>::type_info()
    }
}

impl<'a> sqlx::Encode<'a, Any> for &'a ConversationId {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as sqlx::Database>::ArgumentBuffer,
    ) -> std::result::Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <&str as sqlx::Encode<'a, Any>>::encode(self.as_str(), buf)
    }
}

impl<'r> sqlx::Decode<'r, Any> for ConversationId {
    fn decode(
        value: <Any as sqlx::Database>::ValueRef<'r>,
    ) -> std::result::Result<Self, sqlx::error::BoxDynError> {
        let stored = <&str as sqlx::Decode<'r, Any>>::decode(value)?;
        Ok(ConversationId::parse(stored)?)
    }
}

/// The conversation of a row that may have been anonymised (its id emptied): `None` then.
pub(crate) fn citizen(stored: String) -> Result<Option<ConversationId>> {
    if stored.is_empty() {
        return Ok(None);
    }
    conversation_id(stored).map(Some)
}

pub(crate) fn channel_of(conversation_id: &str) -> &str {
    conversation_id
        .split_once(':')
        .map_or(conversation_id, |(c, _)| c)
}

pub(crate) fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_ts(secs: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp {secs}")))
}

/// Errors that mean "another writer got there first; try again": a unique key taken under
/// our feet, a deadlock or serialization failure (PostgreSQL), a busy database (SQLite).
pub(crate) fn is_retryable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            d.is_unique_violation()
                || matches!(d.code().as_deref(), Some("40P01" | "40001" | "5" | "517"))
        }
        _ => false,
    }
}

/// Held while this process leads a singleton task; see [`Store::try_lead`].
pub struct Leadership {
    connection: Option<tokio::sync::Mutex<sqlx::AnyConnection>>,
    key: i64,
}

impl Leadership {
    /// Whether other processes can hold this lock (PostgreSQL); on SQLite one process leads
    /// alone and never loses.
    pub fn contested(&self) -> bool {
        self.connection.is_some()
    }

    /// Resolves when the lock can no longer be confirmed: checked every `every`, each check
    /// given `every` to answer. Never resolves on SQLite.
    pub async fn lost(&self, every: Duration) {
        let Some(connection) = &self.connection else {
            return std::future::pending().await;
        };
        loop {
            tokio::time::sleep(every).await;
            let mut conn = connection.lock().await;
            let held = tokio::time::timeout(
                every,
                sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted \
                     AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = $1",
                )
                .bind(self.key)
                .fetch_one(&mut *conn),
            )
            .await;
            if !matches!(held, Ok(Ok(n)) if n > 0) {
                return;
            }
        }
    }
}

impl std::fmt::Debug for Leadership {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Leadership").finish_non_exhaustive()
    }
}

/// A stable 63-bit key for an advisory lock name (FNV-1a).
fn leader_key(name: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash >> 1) as i64
}

/// A pooled connection that is closed when dropped, unless [`ClosedUnlessDone::done`] hands
/// it back to the pool first: for a batch of statements that opens a transaction on SQLite
/// (`BEGIN IMMEDIATE; …; COMMIT` in one round trip to the connection's thread). A batch that
/// fails midway, or whose caller stops waiting for it, leaves its transaction open; closing
/// the connection rolls it back (SQLite ends it with the connection) instead of handing it
/// to the next user of the pool.
pub(crate) struct ClosedUnlessDone(Option<sqlx::pool::PoolConnection<sqlx::Any>>);

impl ClosedUnlessDone {
    /// A connection of `pool`, closed when dropped unless it is done.
    pub(crate) async fn acquire(pool: &sqlx::Pool<sqlx::Any>) -> Result<Self> {
        Ok(Self(Some(pool.acquire().await?)))
    }

    pub(crate) fn get(&mut self) -> &mut sqlx::pool::PoolConnection<sqlx::Any> {
        self.0.as_mut().expect("held until done")
    }

    pub(crate) fn done(mut self) {
        self.0.take();
    }
}

impl Drop for ClosedUnlessDone {
    fn drop(&mut self) {
        if let Some(conn) = self.0.as_mut() {
            conn.close_on_drop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/schalter"),
            "postgres://app:***@db:5432/schalter"
        );
        assert_eq!(
            redact("postgres://db/schalter?user=app&password=s3cret&sslmode=require"),
            "postgres://db/schalter?user=app&password=***&sslmode=require"
        );
        assert_eq!(
            redact("postgres://app:a@b@db/x?sslpassword=k"),
            "postgres://app:***@db/x?sslpassword=***"
        );
        assert_eq!(redact("sqlite://schalter.db"), "sqlite://schalter.db");
        assert!(!redact("postgres://u:p%40ss@h/d?PASSWORD=x").contains('x'));
    }
}
