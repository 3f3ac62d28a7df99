//! Retention (GDPR Art. 5(1)(e)), told against SQLite and PostgreSQL alike: a citizen's
//! conversation, booking, call with a clerk's note, feedback, payment, messages and jobs; the
//! clock moves past each limit and what must go goes while what statistics and bookkeeping
//! need stays. A dry run changes nothing and counts what the real run then does; the daily
//! job runs once across replicas; `schalter purge --dry-run` through the real binary.

use schalter_core::retention::PurgeReport;
use schalter_core::{Input, Store};
use schalter_tests::conv;
use schalter_tests::{TestDb, engine};

// The clock, a booking, delivering, counting rows, a purge checked against its dry run.
mod support;

// What the purge does to one citizen's story; the daily job; a backlog in batches.
mod batches;
mod daily;
mod mail;
mod story;

use batches::in_batches;
use daily::daily_job_once;
use story::story;
use support::{at, day};

const CITIZEN: &str = "telegram:4242";
/// A citizen who wrote once and then booked far ahead without writing again.
const LATER: &str = "matrix:@otto:example.org";
const CLERK: &str = "@anna:example.org";
const VIDEO: &str = "https://meet.example.org/schalter-0f3a9c1d2b7e4a6f";

#[tokio::test]
async fn batches_on_sqlite() {
    in_batches(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn batches_on_postgres() {
    in_batches(TestDb::postgres().await).await;
}

#[tokio::test]
async fn mail_retention_on_sqlite() {
    mail::mail_goes_with_its_appointment(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn mail_retention_on_postgres() {
    mail::mail_goes_with_its_appointment(TestDb::postgres().await).await;
}

#[tokio::test]
async fn retention_on_sqlite() {
    story(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn retention_on_postgres() {
    story(TestDb::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn daily_purge_runs_once_on_sqlite() {
    let db = TestDb::sqlite().await;
    let second = Store::connect(&db.url).await.unwrap();
    daily_job_once(db, second).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn daily_purge_runs_once_on_postgres() {
    let db = TestDb::postgres().await;
    let second = Store::connect(&db.url).await.unwrap();
    daily_job_once(db, second).await;
}

/// `schalter purge --dry-run` names every kind and changes nothing; `schalter purge` does it.
#[tokio::test]
async fn purge_command() {
    let db = TestDb::sqlite().await;
    let (engine, _) = engine(&db.store, at("08:00"));
    engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Text("/start".into()))
        .await
        .unwrap();
    let later = day(40, "10:00").to_rfc3339();
    let run = |dry_run: bool| {
        let mut cmd = std::process::Command::new(schalter_tests::schalter_bin());
        cmd.arg("purge")
            .current_dir(schalter_tests::workspace())
            .env_remove("SCHALTER_CATALOG")
            .env_remove("SCHALTER_LOCALES_DIR")
            .env("SCHALTER_DATABASE_URL", &db.url)
            .env("SCHALTER_CLOCK_START", &later);
        if dry_run {
            cmd.arg("--dry-run");
        }
        let out = cmd.output().expect("run schalter purge");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let dry = run(true);
    for kind in PurgeReport::KINDS {
        assert!(dry.contains(&format!("{kind}: ")), "{kind} in {dry}");
    }
    assert!(
        dry.lines()
            .any(|l| l == "conversations: 1 would be deleted"),
        "{dry}"
    );
    assert!(dry.contains("bookings: 0 would be anonymised"), "{dry}");
    assert!(
        db.store
            .conversations()
            .load_conversation(&conv(CITIZEN))
            .await
            .unwrap()
            .is_some()
    );
    let real = run(false);
    assert!(
        real.lines().any(|l| l == "conversations: 1 deleted"),
        "{real}"
    );
    assert!(
        db.store
            .conversations()
            .load_conversation(&conv(CITIZEN))
            .await
            .unwrap()
            .is_none()
    );
    assert!(run(true).contains("conversations: 0 would be deleted"));
    db.drop_db().await;
}
