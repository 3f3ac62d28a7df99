//! Backup and restore as the README's operations section says: a `pg_dump` of a running
//! office (custom format, taken while `schalter serve` works on the database) is restored with
//! `pg_restore` into a fresh database, and a replica started on the copy continues from it: a
//! booking made before the dump is still there, and its reminder goes out once, from the copy.
//! Needs `pg_dump` and `pg_restore` of the server's major version (Debian's
//! `postgresql-client`); the test fails if they are missing.

use std::time::Duration;

use chrono::{DateTime, Utc};
use schalter_core::{Engine, Reply, Store};
use schalter_tests::{Serve, TestDb, conv};

/// A web citizen: their reminders are written into the transcript, which the test reads.
const CITIZEN: &str = "web:0123456789abcdef0123456789abcd01";

/// Tuesday 2 February 2027, 08:00 in Heidelberg: the office has just opened.
fn tuesday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-02-02T07:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

async fn press(engine: &Engine, reply: &Reply, prefix: &str) -> Reply {
    schalter_tests::press(engine, CITIZEN, reply, prefix).await
}

/// Runs a PostgreSQL client tool, failing the test with its output.
fn run(tool: &str, args: &[&str]) {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is required for this test (Debian's postgresql-client): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn count(store: &Store, sql: &'static str, bind: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(bind.to_owned())
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_dump_continues_the_office() {
    let now = tuesday_morning();
    let original = TestDb::postgres().await;
    let running = Serve::start(&[
        ("SCHALTER_DATABASE_URL", original.url.as_str()),
        ("SCHALTER_CLOCK_START", "2027-02-02T08:00:00+01:00"),
    ])
    .await;

    // A citizen books while the office runs.
    let (engine, _clock) = schalter_tests::engine(&original.store, now);
    let menu = engine
        .dialogue()
        .open(&conv(CITIZEN), Some("de"))
        .await
        .unwrap();
    let services = press(&engine, &menu, "menu:book").await;
    let checklist = press(&engine, &services, "svc:anmeldung").await;
    let days = press(&engine, &checklist, "go:dates").await;
    let times = press(&engine, &days, "day:").await;
    let confirm = press(&engine, &times, "time:").await;
    press(&engine, &confirm, "confirm").await;
    let (booking, starts_at): (String, i64) = sqlx::query_as(
        "SELECT id, starts_at FROM bookings WHERE conversation_id = $1 AND status = 'confirmed'",
    )
    .bind(CITIZEN)
    .fetch_one(original.store.pool())
    .await
    .expect("a confirmed booking");
    let starts_at = DateTime::from_timestamp(starts_at, 0).expect("a time");
    let remind_at = starts_at - chrono::Duration::minutes(15);
    assert!(
        remind_at > now,
        "the reminder is still to come: {starts_at}"
    );

    // The dump, taken while the office runs; then the office is gone.
    let dump = std::env::temp_dir().join(format!("schalter-backup-{}.dump", std::process::id()));
    let dump = dump.to_str().unwrap();
    run(
        "pg_dump",
        &["--format=custom", "--file", dump, "--dbname", &original.url],
    );
    running.kill().await;

    // Restored into a fresh database.
    let copy = format!("schalter_restored_{}", std::process::id());
    let mut admin = schalter_tests::outage::postgres_admin().await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {copy}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let (base, _) = original.url.rsplit_once('/').unwrap();
    let copy_url = format!("{base}/{copy}");
    run(
        "pg_restore",
        &["--no-owner", "--exit-on-error", "--dbname", &copy_url, dump],
    );
    let _ = std::fs::remove_file(dump);
    let restored = Store::connect(&copy_url).await.unwrap();
    let status: String = sqlx::query_scalar("SELECT status FROM bookings WHERE id = $1")
        .bind(&booking)
        .fetch_one(restored.pool())
        .await
        .expect("the booking is in the copy");
    assert_eq!(status, "confirmed");

    // A replica on the copy, its clock just before the reminder: the reminder goes out, once.
    let start = (remind_at - chrono::Duration::seconds(5)).to_rfc3339();
    let replica = Serve::start(&[
        ("SCHALTER_DATABASE_URL", copy_url.as_str()),
        ("SCHALTER_CLOCK_START", start.as_str()),
    ])
    .await;
    let ready = reqwest::get(format!("{}/readyz", replica.http))
        .await
        .unwrap();
    assert!(
        ready.status().is_success(),
        "the replica on the copy is ready"
    );
    let reminders = "SELECT COUNT(*) FROM notifications WHERE conversation_id = $1 \
                     AND kind = 'remind-soon' AND delivered_version = version";
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while count(&restored, reminders, CITIZEN).await == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the reminder did not go out within 60 s of its time"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A little longer: nothing goes out twice.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(count(&restored, reminders, CITIZEN).await, 1);
    let shown = count(
        &restored,
        "SELECT COUNT(*) FROM web_messages w JOIN notifications n \
         ON w.source LIKE 'outbox:schalter-' || n.id || '-%' \
         WHERE n.conversation_id = $1 AND n.kind = 'remind-soon'",
        CITIZEN,
    )
    .await;
    assert_eq!(shown, 1, "the reminder is in the citizen's transcript once");

    replica.kill().await;
    restored.close().await;
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {copy} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await;
    original.drop_db().await;
}
