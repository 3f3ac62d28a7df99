//! The daily purge job: planned a day ahead, run once across replicas, dropped when missed.

use chrono::{DateTime, Duration, Utc};
use schalter_core::{Engine, Input, Store};
use schalter_tests::conv;
use schalter_tests::{TestDb, engine};

use crate::support::{at, count, day};
use crate::{CITIZEN, LATER};

/// The purge is planned a day ahead and runs at 03:00: a process that starts later in the day
/// does not purge at once. Two replicas tick at the same moment after 03:00: the day's purge
/// runs on one of them, once.
pub(crate) async fn daily_job_once(db: TestDb, second: Store) {
    let (engine, _) = engine(&db.store, at("08:00"));
    engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Text("/start".into()))
        .await
        .unwrap();
    // Before the office opens, so that no agenda is posted: the outbox's order stamp is
    // per process, and a message written "later" here would move the story's messages on.
    let started = day(31, "05:00");
    let (a, a_clock) = schalter_tests::engine(&db.store, started);
    let (b, b_clock) = schalter_tests::engine(&second, started);
    let (x, y) = tokio::join!(a.scheduler().run_timers(), b.scheduler().run_timers());
    assert_eq!((x.unwrap(), y.unwrap()), (0, 0), "nothing is due yet");
    assert!(
        db.store
            .conversations()
            .load_conversation(&conv(CITIZEN))
            .await
            .unwrap()
            .is_some()
    );

    let night = day(32, "03:05");
    a_clock.set(night);
    b_clock.set(night);
    // (Yesterday's agenda, missed, goes with it.)
    let (x, y) = tokio::join!(a.scheduler().run_timers(), b.scheduler().run_timers());
    x.unwrap();
    y.unwrap();
    let conversations = |e: &Engine| {
        e.office()
            .metrics()
            .purged_rows()
            .into_iter()
            .find(|(k, _)| *k == "conversations")
            .map_or(0, |(_, n)| n)
    };
    let purged = (conversations(&a), conversations(&b));
    assert!(
        purged == (1, 0) || purged == (0, 1),
        "one replica purged the conversation: {purged:?}"
    );
    assert!(
        db.store
            .conversations()
            .load_conversation(&conv(CITIZEN))
            .await
            .unwrap()
            .is_none()
    );
    let jobs: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT dedupe, status, attempts FROM jobs WHERE kind = 'purge' ORDER BY dedupe",
    )
    .fetch_all(db.store.pool())
    .await
    .unwrap();
    let date = |t: DateTime<Utc>| format!("purge:{}", t.date_naive());
    assert_eq!(
        jobs,
        [
            (date(night), "done".to_owned(), 1),
            (date(night + Duration::days(1)), "pending".to_owned(), 0)
        ],
        "planned once per day, claimed and run once"
    );
    // Ticks later that night change nothing.
    let (x, y) = tokio::join!(a.scheduler().run_timers(), b.scheduler().run_timers());
    assert_eq!((x.unwrap(), y.unwrap()), (0, 0));

    // The office was down for a day: the purge of the day before is dropped, not run late
    // (the next night's does the same work).
    engine
        .dialogue()
        .handle(&conv(LATER), Input::Text("/start".into()))
        .await
        .unwrap();
    let late = day(34, "04:00");
    a_clock.set(late);
    b_clock.set(late);
    let (x, y) = tokio::join!(a.scheduler().run_timers(), b.scheduler().run_timers());
    x.unwrap();
    y.unwrap();
    assert!(
        db.store
            .conversations()
            .load_conversation(&conv(LATER))
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(conversations(&a) + conversations(&b), 1);
    assert_eq!(
        count(
            &db.store,
            "SELECT COUNT(*) FROM jobs WHERE dedupe = $1 AND status = 'done'",
            &date(day(33, "03:00")),
        )
        .await,
        1
    );
    second.close().await;
    db.drop_db().await;
}
