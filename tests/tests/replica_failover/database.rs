//! What the test reads from PostgreSQL: leader locks, claimed rows, bookings, delivery state.

use sqlx::{Connection, Row};

use crate::{LOCKS, MORNING};

/// The database name: the last path segment of the URL.
pub(crate) fn db_name(url: &str) -> String {
    let name = url
        .rsplit('/')
        .next()
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
        "unexpected database name {name:?} in {url}"
    );
    name
}

pub(crate) fn admin_url() -> String {
    std::env::var("SCHALTER_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| schalter_tests::DEFAULT_POSTGRES_URL.into())
}

/// Ends every connection to the database; returns how many there were.
pub(crate) async fn terminate_connections(admin: &mut sqlx::PgConnection, name: &str) -> usize {
    let ended: Vec<Option<bool>> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(name)
    .fetch_all(&mut *admin)
    .await
    .expect("terminate the database's connections");
    ended.len()
}

/// The advisory lock key the bot takes for a leader lock `name` (`leader_key` in
/// core/src/store/mod.rs: FNV-1a, shifted to 63 bits).
pub(crate) fn lock_key(name: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash >> 1) as i64
}

/// Who holds which leader lock: (lock name, replica label, backend pid), from `pg_locks` and
/// the connections' application names. A lock of unknown key or holder shows as `?`.
pub(crate) async fn leaders(
    admin: &mut sqlx::PgConnection,
    name: &str,
) -> Vec<(&'static str, char, i32)> {
    let rows: Vec<(i32, Option<String>, i64)> = sqlx::query_as(
        "SELECT l.pid, a.application_name, ((l.classid::bigint << 32) | l.objid::bigint) \
         FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid \
         WHERE l.locktype = 'advisory' AND l.granted \
         AND l.database = (SELECT oid FROM pg_database WHERE datname = $1) ORDER BY l.pid",
    )
    .bind(name)
    .fetch_all(&mut *admin)
    .await
    .expect("read pg_locks");
    rows.into_iter()
        .map(|(pid, app, key)| {
            let lock = LOCKS
                .into_iter()
                .find(|l| lock_key(l) == key)
                .unwrap_or("?");
            let label = app
                .as_deref()
                .and_then(|a| a.strip_prefix("schalter-"))
                .and_then(|l| l.chars().next())
                .unwrap_or('?');
            (lock, label, pid)
        })
        .collect()
}

pub(crate) fn show_leaders(leaders: &[(&str, char, i32)]) -> String {
    if leaders.is_empty() {
        return "nobody".into();
    }
    leaders
        .iter()
        .map(|(lock, label, pid)| format!("{lock}: {label} (backend {pid})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the database holds for a conversation (`telegram:7001`, `matrix:@x:localhost`): its
/// inbox and outbox rows, times in seconds after the replicas' clocks showed `MORNING`.
pub(crate) async fn delivery_state(url: &str, conversation: &str) -> String {
    let Ok(mut conn) = sqlx::PgConnection::connect(url).await else {
        return "(database unreachable)".into();
    };
    let origin = chrono::DateTime::parse_from_rfc3339(MORNING)
        .map(|t| t.timestamp_micros())
        .unwrap_or_default();
    // 0 (or nothing): not set.
    let secs = |v: Option<i64>| match v {
        Some(v) if v > 0 => format!("{:.1}", (v - origin) as f64 / 1e6),
        _ => "-".to_owned(),
    };
    let mut out = String::new();
    let inbox = sqlx::query(
        "SELECT id, status, attempts, received_at, next_attempt_at, claimed_until, last_error \
         FROM inbox WHERE conversation_id = $1 ORDER BY received_at",
    )
    .bind(conversation)
    .fetch_all(&mut conn)
    .await;
    for r in inbox.into_iter().flatten() {
        out.push_str(&format!(
            "\n  inbox {}: {} attempts={} received={} next={} claimed_until={} error={:?}",
            r.get::<String, _>("id"),
            r.get::<String, _>("status"),
            r.get::<i64, _>("attempts"),
            secs(r.get("received_at")),
            secs(r.get("next_attempt_at")),
            secs(r.get("claimed_until")),
            r.get::<Option<String>, _>("last_error"),
        ));
    }
    let outbox = sqlx::query(
        "SELECT id, version, delivered_version, attempts, next_attempt_at, dead_at, last_error \
         FROM notifications WHERE conversation_id = $1 ORDER BY changed_at",
    )
    .bind(conversation)
    .fetch_all(&mut conn)
    .await;
    for r in outbox.into_iter().flatten() {
        out.push_str(&format!(
            "\n  outbox {}: version={} delivered={} attempts={} next_attempt={} dead={} error={:?}",
            r.get::<String, _>("id"),
            r.get::<i64, _>("version"),
            r.get::<i64, _>("delivered_version"),
            r.get::<i64, _>("attempts"),
            secs(r.get("next_attempt_at")),
            secs(r.get("dead_at")),
            r.get::<Option<String>, _>("last_error"),
        ));
    }
    out
}

/// The reservations in the database: outbox rows claimed for sending and inbox rows claimed
/// for handling, with how long (seconds after the clocks showed `MORNING`), for after a kill.
/// What a killed leader left claimed (for the log), and the conversations whose outbox rows it
/// had claimed: those sends may have reached Telegram before the process died.
pub(crate) async fn claims(url: &str) -> (String, Vec<String>) {
    let Ok(mut conn) = sqlx::PgConnection::connect(url).await else {
        return ("(database unreachable)".into(), Vec::new());
    };
    let origin = chrono::DateTime::parse_from_rfc3339(MORNING)
        .map(|t| t.timestamp_micros())
        .unwrap_or_default();
    let outbox: Vec<(String, i64)> = sqlx::query_as(
        "SELECT conversation_id, next_attempt_at FROM notifications \
         WHERE delivered_version < version AND dead_at IS NULL AND attempts = 0 \
         AND next_attempt_at > 0 ORDER BY conversation_id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    let inbox: Vec<(String, i64)> = sqlx::query_as(
        "SELECT conversation_id, claimed_until FROM inbox \
         WHERE status = 'pending' AND claimed_until IS NOT NULL ORDER BY conversation_id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    let show = |rows: &[(String, i64)]| {
        rows.iter()
            .map(|(c, t)| format!("{c} until {:.1}", (t - origin) as f64 / 1e6))
            .collect::<Vec<_>>()
            .join(", ")
    };
    (
        format!(
            "outbox rows claimed for sending: [{}]; inbox rows claimed: [{}]",
            show(&outbox),
            show(&inbox)
        ),
        outbox.into_iter().map(|(c, _)| c).collect(),
    )
}

/// The bookings the database holds for a conversation: (reference, status).
pub(crate) async fn bookings_of(url: &str, conversation: &str) -> Vec<(String, String)> {
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .expect("connect to read the bookings");
    sqlx::query_as(
        "SELECT reference, status FROM bookings WHERE conversation_id = $1 \
         ORDER BY created_at",
    )
    .bind(conversation)
    .fetch_all(&mut conn)
    .await
    .expect("read the bookings")
}
