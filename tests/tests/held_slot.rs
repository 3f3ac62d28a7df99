//! A held slot is a time limit (`hold_minutes`, 5 in the demo catalogue), so it comes with a
//! warning that can be answered (WCAG 2.2.1): a minute before it runs out the citizen is told
//! until when it is held and offered "More time", as often as they like; the old timers of a
//! hold held longer do nothing; a warning left unanswered lets the slot go at its time, and
//! "More time" pressed after that takes the slot again if it is still free. On SQLite and
//! PostgreSQL.

use chrono::{DateTime, Duration, Utc};
use schalter_core::queue::Message;
use schalter_core::{Clock, Engine, Input, Lang, Reply, fargs};
use schalter_tests::{TestDb, conv, engine};

const CITIZEN: &str = "terminal:hold";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

async fn press(engine: &Engine, id: &str) -> Reply {
    engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Choice(id.into()))
        .await
        .expect("engine answers")
}

fn first(reply: &Reply, prefix: &str) -> String {
    schalter_tests::option_id(reply, prefix)
}

/// The hold warnings queued for the citizen so far.
async fn warnings(db: &TestDb) -> Vec<Message> {
    schalter_tests::queued(&db.store, CITIZEN, "hold-warning").await
}

async fn hold_status(db: &TestDb) -> (String, Option<i64>) {
    sqlx::query_as("SELECT status, hold_expires_at FROM bookings ORDER BY created_at DESC LIMIT 1")
        .fetch_one(db.store.pool())
        .await
        .unwrap()
}

async fn story(db: TestDb) {
    let start = at("2027-02-02T09:00:00+01:00");
    let (engine, clock) = engine(&db.store, start);
    let i18n = engine.office().i18n();
    let tz = engine.office().tz();
    // The office's time of day, as English shows it.
    let hhmm = |t: DateTime<Utc>| t.with_timezone(&tz).format("%H:%M").to_string();
    let menu = engine
        .dialogue()
        .open(&conv(CITIZEN), Some("en"))
        .await
        .unwrap();
    assert!(menu.options.iter().any(|o| o.id == "menu:book"));
    press(&engine, "menu:book").await;
    press(&engine, "svc:anmeldung").await;
    let days = press(&engine, "go:dates").await;
    // Tomorrow: the slot stays bookable (30 minutes' notice) through the whole story.
    let times = press(&engine, &first(&days, "day:2027-02-03")).await;
    let held = press(&engine, &first(&times, "time:")).await;
    assert!(held.options.iter().any(|o| o.id == "confirm"), "{held:#?}");
    let until = start + Duration::minutes(5);
    assert_eq!(
        hold_status(&db).await,
        ("held".into(), Some(until.timestamp()))
    );

    // Nothing before the last minute; then the warning, with its two answers.
    clock.set(start + Duration::seconds(3 * 60 + 50));
    engine.scheduler().run_timers().await.unwrap();
    assert!(warnings(&db).await.is_empty());
    clock.set(start + Duration::seconds(4 * 60 + 1));
    engine.scheduler().run_timers().await.unwrap();
    let warned = warnings(&db).await;
    assert_eq!(warned.len(), 1);
    assert_eq!(
        warned[0].text,
        i18n.msg(Lang::En, "hold-warning", &fargs!["time" => hhmm(until)])
    );
    let ids: Vec<&str> = warned[0].options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["hold:more", "confirm"]);

    // "More time": held five minutes from now, the step unchanged.
    let more = press(&engine, "hold:more").await;
    let until = clock.now() + Duration::minutes(5);
    assert!(
        more.text
            .contains(&i18n.msg(Lang::En, "hold-extended", &fargs!["time" => hhmm(until)])),
        "{}",
        more.text
    );
    assert!(more.options.iter().any(|o| o.id == "confirm"), "{more:#?}");
    assert_eq!(
        hold_status(&db).await,
        ("held".into(), Some(until.timestamp()))
    );
    // The first expiry passes and frees nothing; the new warning comes a minute before the
    // new end, once.
    clock.set(start + Duration::seconds(5 * 60 + 10));
    engine.scheduler().run_timers().await.unwrap();
    assert_eq!(hold_status(&db).await.0, "held");
    assert_eq!(warnings(&db).await.len(), 1);
    clock.set(until - Duration::seconds(59));
    engine.scheduler().run_timers().await.unwrap();
    engine.scheduler().run_timers().await.unwrap();
    assert_eq!(warnings(&db).await.len(), 2);

    // Left unanswered, the slot goes at its time.
    clock.set(until + Duration::seconds(1));
    engine.scheduler().run_timers().await.unwrap();
    assert_eq!(hold_status(&db).await.0, "expired");

    // "More time" afterwards takes the slot again (it is still free), and it can be booked.
    let again = press(&engine, "hold:more").await;
    assert!(
        again.options.iter().any(|o| o.id == "confirm"),
        "{again:#?}"
    );
    assert_eq!(hold_status(&db).await.0, "held");
    let booked = press(&engine, "confirm").await;
    assert!(
        booked.options.iter().any(|o| o.id == "menu:book"),
        "{booked:#?}"
    );
    assert_eq!(hold_status(&db).await.0, "confirmed");

    // A warning pressed once the step is over is an expired option, clearly said.
    let late = press(&engine, "hold:more").await;
    assert!(
        late.text.contains(&i18n.text(Lang::En, "option-expired")),
        "{}",
        late.text
    );
    assert_eq!(hold_status(&db).await.0, "confirmed");
    db.drop_db().await;
}

#[tokio::test]
async fn a_held_slot_warns_and_can_be_held_longer_on_sqlite() {
    story(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn a_held_slot_warns_and_can_be_held_longer_on_postgres() {
    story(TestDb::postgres().await).await;
}
