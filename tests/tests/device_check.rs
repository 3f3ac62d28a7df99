//! The device check before a call (issue 25), through the engine with the demo catalogue and
//! the shipped locales, on SQLite and PostgreSQL: the confirmation, the reminder and the
//! check-in prompt each bring a link of their own to the booking's check; what the page
//! reports is kept with the booking and read by clerks in the agenda; a citizen whose check
//! failed is nudged once at check-in; forged and stale links open nothing; and the links and
//! the result go with the booking (cancelled, `/forget`, or `document_days` after the call);
//! `/mydata` lists the result.

use chrono::{DateTime, Duration, Utc};
use schalter_core::device_check::{CheckResult, Outcome, Platform};
use schalter_core::{Engine, FixedClock, Input, Lang, Reply, Store};
use schalter_tests::{TestDb, conv, engine, queued};

const CONV: &str = "telegram:5150";

/// Tuesday 2 February 2027, 08:00 in Heidelberg.
fn tuesday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-02-02T08:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc)
}

async fn press(engine: &Engine, reply: &Reply, prefix: &str) -> Reply {
    schalter_tests::press(engine, CONV, reply, prefix).await
}

/// Books the first free slot for the Anmeldung, in German, and returns the confirmation.
async fn book(engine: &Engine) -> Reply {
    let menu = engine
        .dialogue()
        .open(&conv(CONV), Some("de"))
        .await
        .unwrap();
    let services = press(engine, &menu, "menu:book").await;
    let checklist = press(engine, &services, "svc:anmeldung").await;
    let days = press(engine, &checklist, "go:dates").await;
    let times = press(engine, &days, "day:").await;
    let confirm = press(engine, &times, "time:").await;
    press(engine, &confirm, "confirm").await
}

/// The secrets of the check's links in `text`, in order.
fn secrets(text: &str) -> Vec<String> {
    text.split("/check/")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .collect()
}

async fn rows(store: &Store, table: &str) -> i64 {
    // The table names are this file's own constants, never input.
    let sql = match table {
        "device_checks" => "SELECT COUNT(*) FROM device_checks",
        _ => "SELECT COUNT(*) FROM device_check_links",
    };
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

fn found(camera: Outcome, microphone: Outcome, speaker: Outcome) -> CheckResult {
    CheckResult {
        camera,
        microphone,
        speaker,
        connection: Outcome::NotTried,
        platform: Platform::Android,
    }
}

async fn links_reach_the_check_and_its_result_reaches_the_clerk(db: TestDb) {
    let (engine, clock): (_, std::sync::Arc<FixedClock>) = engine(&db.store, tuesday_morning());
    let checks = engine.device_checks();
    let booked = book(&engine).await;
    let first = secrets(&booked.text);
    assert_eq!(first.len(), 1, "one link in the confirmation: {booked:#?}");
    assert!(
        booked.text.contains("http://127.0.0.1:8080/check/"),
        "{booked:#?}"
    );
    assert_eq!(first[0].len(), 26, "128 random bits: {}", first[0]);
    let (booking, before) = checks
        .open(&first[0])
        .await
        .unwrap()
        .expect("the link opens its booking");
    assert_eq!(booking.service, "anmeldung");
    assert_eq!(before, None);
    // Only the hash is kept.
    let kept: String = sqlx::query_scalar("SELECT token_hash FROM device_check_links")
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_ne!(kept, first[0]);

    // Forged links open nothing and keep nothing.
    for forged in ["", "x", "0123456789abcdefghjkmnpqrs", "../../etc/passwd"] {
        assert!(checks.open(forged).await.unwrap().is_none(), "{forged}");
        let any = found(Outcome::Ok, Outcome::Ok, Outcome::Ok);
        assert!(checks.record(forged, any).await.unwrap().is_none());
    }

    // Before the check, the agenda says so; after it, what worked and what did not.
    let date = booking
        .starts_at
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let agenda = engine
        .scheduler()
        .agenda_text(Lang::REFERENCE, date, false)
        .await
        .unwrap();
    assert!(agenda.contains("Technik nicht geprüft"), "{agenda}");
    checks
        .record(&first[0], found(Outcome::Ok, Outcome::Failed, Outcome::Ok))
        .await
        .unwrap()
        .expect("kept");
    let agenda = engine
        .scheduler()
        .agenda_text(Lang::REFERENCE, date, false)
        .await
        .unwrap();
    assert!(
        agenda.contains("✓ Kamera ⚠ kein Mikrofon ✓ Ton (Android)"),
        "{agenda}"
    );
    let english = checks.clerk_text(Lang::En, checks.result(&booking.id).await.unwrap().as_ref());
    assert_eq!(english, "✓ camera ⚠ no microphone ✓ sound (Android)");

    // The reminder 15 minutes before brings a new link (the check found a failure).
    clock.set(booking.starts_at - Duration::minutes(15));
    engine.scheduler().run_timers().await.unwrap();
    let reminders = queued(&db.store, CONV, "remind-soon").await;
    assert_eq!(reminders.len(), 1, "{reminders:#?}");
    let second = secrets(&reminders[0].text);
    assert_eq!(second.len(), 1, "{reminders:#?}");
    assert_ne!(second[0], first[0]);
    assert!(checks.open(&second[0]).await.unwrap().is_some());

    // At check-in, one nudge names what failed, with a link to try again.
    clock.set(booking.starts_at - Duration::minutes(5));
    engine.scheduler().run_timers().await.unwrap();
    let prompts = queued(&db.store, CONV, "check-in-open").await;
    assert_eq!(prompts.len(), 1, "{prompts:#?}");
    assert_eq!(secrets(&prompts[0].text).len(), 1, "{prompts:#?}");
    let menu = engine
        .dialogue()
        .handle(&conv(CONV), Input::Text("/menu".into()))
        .await
        .unwrap();
    let waiting = press(&engine, &menu, "checkin:").await;
    assert!(
        waiting
            .text
            .contains("Beim Technik-Check hat etwas nicht funktioniert: Mikrofon."),
        "{waiting:#?}"
    );
    let third = secrets(&waiting.text);
    assert_eq!(third.len(), 1, "{waiting:#?}");

    // The citizen tries again: the microphone works now, the rest is kept from before, and
    // nothing more is offered.
    let result = checks
        .record(
            &third[0],
            found(Outcome::NotTried, Outcome::Ok, Outcome::NotTried),
        )
        .await
        .unwrap()
        .expect("kept");
    assert!(result.ready(), "{result:?}");
    assert!(checks.offer(Lang::De, &booking.id).await.unwrap().is_none());

    // Once the appointment has ended, no link opens any more; `document_days` (1) later the
    // purge takes the result and the links.
    clock.set(booking.ends_at + Duration::minutes(1));
    assert!(checks.open(&first[0]).await.unwrap().is_none());
    let report = engine
        .rights()
        .purge(clock_now(&engine), false)
        .await
        .unwrap();
    assert_eq!(
        report.device_checks, 4,
        "the links of the confirmation, the reminder, the check-in prompt and the nudge: {report:?}"
    );
    assert_eq!(rows(&db.store, "device_checks").await, 1);
    clock.set(booking.ends_at + Duration::days(2));
    let dry = engine
        .rights()
        .purge(clock_now(&engine), true)
        .await
        .unwrap();
    let report = engine
        .rights()
        .purge(clock_now(&engine), false)
        .await
        .unwrap();
    assert_eq!(dry.device_checks, report.device_checks);
    assert_eq!(report.device_checks, 1, "the result: {report:?}");
    assert_eq!(rows(&db.store, "device_checks").await, 0);
    assert_eq!(rows(&db.store, "device_check_links").await, 0);
    db.drop_db().await;
}

fn clock_now(engine: &Engine) -> DateTime<Utc> {
    schalter_core::Clock::now(engine.office().clock())
}

async fn cancelling_or_forgetting_takes_the_check_along(db: TestDb) {
    let (engine, _clock) = engine(&db.store, tuesday_morning());
    let checks = engine.device_checks();
    let booked = book(&engine).await;
    let secret = secrets(&booked.text).remove(0);
    checks
        .record(&secret, found(Outcome::Ok, Outcome::Ok, Outcome::Failed))
        .await
        .unwrap()
        .expect("kept");

    // Cancelled: the link stops working at once, the purge takes the rest.
    let menu = engine
        .dialogue()
        .handle(&conv(CONV), Input::Text("/appointments".into()))
        .await
        .unwrap();
    let booking = press(&engine, &menu, "appt:").await;
    let asked = press(&engine, &booking, "cancel").await;
    press(&engine, &asked, "yes-cancel").await;
    assert!(checks.open(&secret).await.unwrap().is_none());
    let again = found(Outcome::Ok, Outcome::Ok, Outcome::Ok);
    assert!(checks.record(&secret, again).await.unwrap().is_none());
    let report = engine
        .rights()
        .purge(clock_now(&engine), false)
        .await
        .unwrap();
    assert_eq!(report.device_checks, 2, "{report:?}");

    // `/forget` takes a new booking's check with everything else.
    let booked = book(&engine).await;
    let secret = secrets(&booked.text).remove(0);
    checks
        .record(&secret, found(Outcome::Ok, Outcome::Ok, Outcome::Ok))
        .await
        .unwrap()
        .expect("kept");
    // `/mydata` lists it, as the clerk reads it.
    let mydata = engine
        .dialogue()
        .handle(&conv(CONV), Input::Text("/mydata".into()))
        .await
        .unwrap();
    assert!(
        mydata
            .text
            .contains(": ✓ Kamera ✓ Mikrofon ✓ Ton (Android)"),
        "{mydata:#?}"
    );
    engine.rights().forget_citizen(&conv(CONV)).await.unwrap();
    assert_eq!(rows(&db.store, "device_checks").await, 0);
    assert_eq!(rows(&db.store, "device_check_links").await, 0);
    db.drop_db().await;
}

#[tokio::test]
async fn links_reach_the_check_and_its_result_reaches_the_clerk_sqlite() {
    links_reach_the_check_and_its_result_reaches_the_clerk(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn links_reach_the_check_and_its_result_reaches_the_clerk_postgres() {
    links_reach_the_check_and_its_result_reaches_the_clerk(TestDb::postgres().await).await;
}

#[tokio::test]
async fn cancelling_or_forgetting_takes_the_check_along_sqlite() {
    cancelling_or_forgetting_takes_the_check_along(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn cancelling_or_forgetting_takes_the_check_along_postgres() {
    cancelling_or_forgetting_takes_the_check_along(TestDb::postgres().await).await;
}
