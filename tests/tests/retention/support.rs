//! The helpers of every scenario: the clock, a booking, delivering, counting rows, and a
//! purge checked against its dry run.

use chrono::{DateTime, Duration, Utc};
use schalter_core::retention::PurgeReport;
use schalter_core::store::{Booking, HoldRequest};
use schalter_core::{Engine, FixedClock, Store};

/// Heidelberg local time on Tuesday 2 February 2027 (UTC+1).
pub(crate) fn at(hh_mm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2027-02-02T{hh_mm}:00+01:00"))
        .unwrap()
        .with_timezone(&Utc)
}

pub(crate) fn day(n: i64, hh_mm: &str) -> DateTime<Utc> {
    at(hh_mm) + Duration::days(n)
}

pub(crate) async fn book(engine: &Engine, conv: &str, start: DateTime<Utc>) -> Booking {
    let now = schalter_core::Clock::now(engine.office().clock());
    let have = vec!["id-card".to_owned()];
    let held = engine
        .store()
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: &schalter_tests::conv(conv),
                service: "fuehrungszeugnis",
                lang: "en",
                starts_at: start,
                ends_at: start + Duration::minutes(10),
                unit: Duration::minutes(10),
                desks: 3,
                checklist: &have,
                hold_until: now + Duration::minutes(5),
            },
            now,
        )
        .await
        .unwrap()
        .expect("slot free");
    let b = engine
        .store()
        .bookings()
        .confirm(&held.id, now)
        .await
        .unwrap()
        .unwrap();
    engine.scheduler().schedule_booking_jobs(&b).await.unwrap();
    b
}

/// Marks every pending outbox row delivered, as the channels would; returns how many.
pub(crate) async fn deliver_all(store: &Store) -> u64 {
    let far = day(3650, "00:00");
    let mut n = 0;
    for channel in ["telegram", "matrix", "desk"] {
        for row in store
            .outbox()
            .due_deliveries(channel, far, 1000)
            .await
            .unwrap()
        {
            store
                .outbox()
                .mark_delivered(&row.id, row.version)
                .await
                .unwrap();
            n += 1;
        }
    }
    n
}

pub(crate) async fn count(store: &Store, sql: &'static str, arg: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(arg)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// A dry run, then the real run at the same moment: the same counts; afterwards nothing is
/// left to do.
pub(crate) async fn purge(engine: &Engine, clock: &FixedClock, now: DateTime<Utc>) -> PurgeReport {
    clock.set(now);
    let dry = engine.rights().purge(now, true).await.unwrap();
    assert_eq!(
        engine.rights().purge(now, true).await.unwrap(),
        dry,
        "a dry run changes nothing"
    );
    let real = engine.rights().purge(now, false).await.unwrap();
    assert_eq!(real, dry, "the dry run counts what the real run does");
    assert_eq!(engine.rights().purge(now, true).await.unwrap().total(), 0);
    real
}
