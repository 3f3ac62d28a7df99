//! One story of the core, told against SQLite and PostgreSQL alike: booking, restart in the
//! middle of a booking, holds that run out, cancel, reschedule, bad input, and a crowd
//! confirming the same slot at once.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use schalter_core::store::{Booking, BookingStatus, HoldRequest};
use schalter_core::{Clock, Engine, Input, Reply, Store};
use schalter_tests::{TestDb, engine, press};

/// Tuesday 2 February 2027, 08:00 in Heidelberg: the office has just opened.
fn tuesday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-02-02T07:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

async fn say(engine: &Engine, conv: &str, text: &str) -> Reply {
    engine
        .dialogue()
        .handle(&schalter_tests::conv(conv), Input::Text(text.into()))
        .await
        .expect("engine answers")
}

fn ids(reply: &Reply) -> Vec<&str> {
    reply.options.iter().map(|o| o.id.as_str()).collect()
}

/// From the menu to a held slot of `service` on the first free time of the `day`-th free day.
async fn hold_slot(engine: &Engine, conv: &str, service: &str, day: usize) -> Reply {
    let menu = engine
        .dialogue()
        .open(&schalter_tests::conv(conv), Some("de"))
        .await
        .unwrap();
    let services = press(engine, conv, &menu, "menu:book").await;
    let checklist = press(engine, conv, &services, &format!("svc:{service}")).await;
    let days = press(engine, conv, &checklist, "go:dates").await;
    let day = days
        .options
        .iter()
        .filter(|o| o.id.starts_with("day:"))
        .nth(day)
        .unwrap();
    let times = engine
        .dialogue()
        .handle(&schalter_tests::conv(conv), Input::Choice(day.id.clone()))
        .await
        .unwrap();
    let held = press(engine, conv, &times, "time:").await;
    assert!(ids(&held).contains(&"confirm"), "{held:#?}");
    held
}

async fn story(db: TestDb) {
    let store = db.store.clone();
    let (engine, clock) = engine(&store, tuesday_morning());

    // A new citizen with a supported language hint is greeted in it.
    let first = engine
        .dialogue()
        .open(&schalter_tests::conv("terminal:alice"), Some("de-DE"))
        .await
        .unwrap();
    assert!(first.text.contains("Willkommen"), "{}", first.text);
    assert_eq!(ids(&first)[0], "menu:book");

    // Booking by buttons, ticking one document on the way.
    let services = press(&engine, "terminal:alice", &first, "menu:book").await;
    let checklist = press(&engine, "terminal:alice", &services, "svc:anmeldung").await;
    assert!(checklist.text.contains("Wohnungsgeberbestätigung"));
    let ticked = press(
        &engine,
        "terminal:alice",
        &checklist,
        "tick:landlord-confirmation",
    )
    .await;
    assert!(ids(&ticked).contains(&"untick:landlord-confirmation"));
    let days = press(&engine, "terminal:alice", &ticked, "go:dates").await;
    assert_eq!(
        days.options[0].id, "day:2027-02-02",
        "today still has slots"
    );
    let times = press(&engine, "terminal:alice", &days, "day:").await;
    // 08:30 local is the first slot with 30 minutes' notice.
    assert_eq!(times.options[0].label, "08:30 Uhr");
    let held = press(&engine, "terminal:alice", &times, "time:").await;
    let booked = press(&engine, "terminal:alice", &held, "confirm").await;
    assert!(booked.text.contains("Buchungsnummer"), "{}", booked.text);
    assert!(
        booked.text.contains("☑ Wohnungsgeberbestätigung"),
        "{}",
        booked.text
    );
    let upcoming = store
        .bookings()
        .upcoming_bookings(&schalter_tests::conv("terminal:alice"), clock.now())
        .await
        .unwrap();
    assert_eq!(upcoming.len(), 1);
    assert!(booked.text.contains(&upcoming[0].reference));
    assert_eq!(
        upcoming[0].checklist,
        vec!["landlord-confirmation".to_owned()]
    );

    // A process that dies in the middle of a booking continues exactly there.
    hold_slot(&engine, "terminal:bob", "fuehrungszeugnis", 0).await;
    drop(engine);
    let (engine, clock) = schalter_tests::engine(&store, tuesday_morning());
    let resumed = engine
        .dialogue()
        .open(&schalter_tests::conv("terminal:bob"), None)
        .await
        .unwrap();
    assert!(
        resumed.text.contains("Willkommen zurück"),
        "{}",
        resumed.text
    );
    assert_eq!(ids(&resumed), ["confirm", "other-time", "abort"]);
    let booked = say(&engine, "terminal:bob", "1").await;
    assert!(booked.text.contains("Buchungsnummer"), "{}", booked.text);

    // Bad input: a short hint and the same options again; nothing changes.
    let held = hold_slot(&engine, "terminal:carol", "abmeldung", 1).await;
    for bad in [
        "".to_owned(),
        "   ".to_owned(),
        "x".repeat(5000),
        "\u{1}\u{7}".to_owned(),
        "😀🎉".to_owned(),
        "99".to_owned(),
        "völlig unverständlich qwertz".to_owned(),
    ] {
        let r = say(&engine, "terminal:carol", &bad).await;
        assert_eq!(
            ids(&r),
            ids(&held),
            "after {:?}",
            bad.chars().take(10).collect::<String>()
        );
        assert!(
            r.text.len() > held.text.len(),
            "a hint is shown for {bad:?}"
        );
    }
    let stale = engine
        .dialogue()
        .handle(
            &schalter_tests::conv("terminal:carol"),
            Input::Choice("svc:anmeldung".into()),
        )
        .await
        .unwrap();
    assert!(stale.text.contains("nicht mehr gültig"), "{}", stale.text);
    assert_eq!(ids(&stale), ids(&held));

    // A hold runs out: the slot is free for others, and confirming late takes it again if
    // it is still free.
    clock.advance(Duration::minutes(6));
    let carols = store
        .bookings()
        .upcoming_bookings(&schalter_tests::conv("terminal:carol"), clock.now())
        .await
        .unwrap();
    assert!(carols.is_empty());
    let late = say(&engine, "terminal:carol", "Termin bestätigen").await;
    assert!(late.text.contains("Buchungsnummer"), "{}", late.text);

    // Cancel one booking, list the other.
    hold_slot(&engine, "terminal:dave", "meldebescheinigung", 1).await;
    let booked = say(&engine, "terminal:dave", "1").await;
    let first_ref = store
        .bookings()
        .upcoming_bookings(&schalter_tests::conv("terminal:dave"), clock.now())
        .await
        .unwrap()[0]
        .reference
        .clone();
    assert!(booked.text.contains(&first_ref));
    hold_slot(&engine, "terminal:dave", "anwohnerparkausweis", 1).await;
    say(&engine, "terminal:dave", "1").await;
    let list = say(&engine, "terminal:dave", "/appointments").await;
    assert!(list.text.contains("2 anstehende Termine"), "{}", list.text);
    let detail = say(
        &engine,
        "terminal:dave",
        &first_ref.to_lowercase().replace('-', ""),
    )
    .await;
    assert!(detail.text.contains(&first_ref), "{}", detail.text);
    let really = press(&engine, "terminal:dave", &detail, "cancel").await;
    let cancelled = press(&engine, "terminal:dave", &really, "yes-cancel").await;
    assert!(
        cancelled.text.contains("ist abgesagt"),
        "{}",
        cancelled.text
    );
    assert!(
        cancelled.text.contains("einen anstehenden Termin"),
        "{}",
        cancelled.text
    );
    let left = store
        .bookings()
        .upcoming_bookings(&schalter_tests::conv("terminal:dave"), clock.now())
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_ne!(left[0].reference, first_ref);
    // A cancelled booking is not anyone's to act on any more.
    let gone = say(&engine, "terminal:dave", &first_ref).await;
    assert!(gone.text.contains("gibt es nicht mehr"), "{}", gone.text);

    // Reschedule keeps the reference and frees the old desk.
    let old = left[0].clone();
    let units_at = |t: DateTime<Utc>| {
        let store = store.clone();
        let now = clock.now();
        async move {
            store
                .bookings()
                .busy_units(t, t + Duration::minutes(1), now)
                .await
                .unwrap()
                .len()
        }
    };
    let before = units_at(old.starts_at).await;
    let list = say(&engine, "terminal:dave", "/appointments").await;
    let detail = press(&engine, "terminal:dave", &list, "appt:").await;
    let days = press(&engine, "terminal:dave", &detail, "reschedule").await;
    assert!(days.text.contains("bleibt bestehen"), "{}", days.text);
    let later_day = days
        .options
        .iter()
        .filter(|o| o.id.starts_with("day:"))
        .nth(2)
        .unwrap()
        .id
        .clone();
    let times = engine
        .dialogue()
        .handle(
            &schalter_tests::conv("terminal:dave"),
            Input::Choice(later_day),
        )
        .await
        .unwrap();
    let held = press(&engine, "terminal:dave", &times, "time:").await;
    let moved = press(&engine, "terminal:dave", &held, "confirm").await;
    assert!(moved.text.contains(&old.reference), "{}", moved.text);
    let now_booked = store
        .bookings()
        .upcoming_bookings(&schalter_tests::conv("terminal:dave"), clock.now())
        .await
        .unwrap();
    assert_eq!(now_booked.len(), 1);
    assert_eq!(now_booked[0].reference, old.reference);
    assert!(now_booked[0].starts_at > old.starts_at);
    assert_eq!(
        units_at(old.starts_at).await,
        before - 1,
        "the old slot is free again"
    );

    crowd(&engine, &store, clock.now()).await;
    db.drop_db().await;
}

/// Twenty citizens confirm the same slot at the same moment: exactly as many get it as
/// there are desks, and no desk is booked twice.
async fn crowd(engine: &Arc<Engine>, store: &Store, now: DateTime<Utc>) {
    let desks = engine.office().catalog().office.desks as usize;
    let start = DateTime::parse_from_rfc3339("2027-02-04T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let mut tasks = Vec::new();
    for i in 0..20 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let conv = format!("terminal:crowd{i}");
            let checklist = Vec::new();
            let req = HoldRequest {
                conversation_id: &schalter_tests::conv(&conv),
                service: "anmeldung",
                lang: "de",
                starts_at: start,
                ends_at: start + Duration::minutes(20),
                unit: Duration::minutes(10),
                desks: 3,
                checklist: &checklist,
                hold_until: now + Duration::minutes(5),
            };
            match store.bookings().hold(&req, now).await.expect("hold") {
                Some(b) => store.bookings().confirm(&b.id, now).await.expect("confirm"),
                None => None,
            }
        }));
    }
    let mut won = Vec::new();
    for t in tasks {
        if let Some(b) = t.await.unwrap() {
            won.push(b);
        }
    }
    assert_eq!(won.len(), desks, "one booking per desk");
    let distinct: HashSet<i64> = won.iter().map(|b| b.desk).collect();
    assert_eq!(distinct.len(), desks);
    assert!(won.iter().all(|b| b.status == BookingStatus::Confirmed));
    let busy = store
        .bookings()
        .busy_units(start, start + Duration::minutes(20), now)
        .await
        .unwrap();
    assert_eq!(busy.len(), desks * 2, "two units per booking, each once");
}

/// The units a booking holds in the table itself (released ones are deleted, whatever the
/// status filter of `busy_units` would show).
async fn units_of(store: &Store, booking: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM desk_units WHERE booking_id = $1")
        .bind(booking)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// A 25-minute hold at `at` on a 10-minute grid at one desk, for 5 minutes from `now`.
async fn hold(
    store: &Store,
    who: &schalter_core::ConversationId,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    checklist: &[String],
) -> Option<Booking> {
    let req = HoldRequest {
        conversation_id: who,
        service: "anmeldung",
        lang: "de",
        starts_at: at,
        ends_at: at + Duration::minutes(25),
        unit: Duration::minutes(10),
        desks: 1,
        checklist,
        hold_until: now + Duration::minutes(5),
    };
    store.bookings().hold(&req, now).await.unwrap()
}

async fn status_of(store: &Store, booking: &str) -> BookingStatus {
    store
        .bookings()
        .booking(booking)
        .await
        .unwrap()
        .unwrap()
        .status
}

/// What a hold does besides taking a desk (one batch on SQLite, a transaction on
/// PostgreSQL; both must agree): a citizen's earlier hold is released with its units, an
/// expired hold of anyone is released when someone holds, a full slot gives nothing, and
/// a booking takes one unit per step of the grid.
async fn holds(db: TestDb) {
    let store = &db.store;
    let now = tuesday_morning();
    let start = DateTime::parse_from_rfc3339("2027-02-04T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let checklist = vec!["ausweis".to_owned()];
    let (a, b) = (
        schalter_tests::conv("terminal:a"),
        schalter_tests::conv("terminal:b"),
    );
    let first = hold(store, &a, start, now, &checklist)
        .await
        .expect("a free desk");
    assert_eq!((first.desk, first.status), (1, BookingStatus::Held));
    assert_eq!(units_of(store, &first.id).await, 3, "08:00, 08:10, 08:20");
    let stored = store
        .bookings()
        .booking(&first.id)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(stored.reference, first.reference);
    assert_eq!(stored.checklist, checklist);
    assert_eq!(stored.hold_expires_at, Some(now + Duration::minutes(5)));

    // A's second hold releases the first.
    let later = start + Duration::hours(1);
    let second = hold(store, &a, later, now, &checklist)
        .await
        .expect("a free desk");
    assert_ne!(second.reference, first.reference);
    assert_eq!(status_of(store, &first.id).await, BookingStatus::Expired);
    assert_eq!(units_of(store, &first.id).await, 0);

    // The one desk is A's at `later`: B gets nothing there, and A's hold stays.
    assert!(hold(store, &b, later, now, &checklist).await.is_none());
    assert_eq!(units_of(store, &second.id).await, 3);

    // Once A's hold ran out, B's hold anywhere releases it, and B gets the slot.
    let after = now + Duration::minutes(6);
    let b_hold = hold(store, &b, later, after, &checklist)
        .await
        .expect("freed");
    assert_eq!(b_hold.desk, 1);
    assert_eq!(units_of(store, &second.id).await, 0);
    assert_eq!(status_of(store, &second.id).await, BookingStatus::Expired);
    db.drop_db().await;
}

#[tokio::test]
async fn holds_on_sqlite() {
    holds(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn holds_on_postgres() {
    holds(TestDb::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn story_on_sqlite() {
    story(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn story_on_postgres() {
    story(TestDb::postgres().await).await;
}
