//! The waiting room and the clerks' queue, told against SQLite and PostgreSQL alike:
//! check-in windows, queue order, positions and expected waits pushed to citizens, picks,
//! call outcomes, leases, presence, no-shows and timers that run once across replicas.

use chrono::{DateTime, Duration, Utc};
use schalter_core::queue::{CheckIn, Message, WAITING_ROOM_SLOT};
use schalter_core::store::{Booking, BookingStatus, EntryStatus, Finish, HoldRequest, Pick};
use schalter_core::{Engine, Lang, Store};
use schalter_tests::{TestDb, engine};

/// Heidelberg local time on Tuesday 2 February 2027 (UTC+1).
fn at(hh_mm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2027-02-02T{hh_mm}:00+01:00"))
        .unwrap()
        .with_timezone(&Utc)
}

async fn book(engine: &Engine, conv: &str, service: &str, start: DateTime<Utc>) -> Booking {
    let now = schalter_core::Clock::now(engine.office().clock());
    let minutes = engine
        .office()
        .catalog()
        .service(service)
        .unwrap()
        .duration_minutes;
    let have = vec!["id-card".to_owned()];
    let held = engine
        .store()
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: &schalter_tests::conv(conv),
                service,
                lang: "de",
                starts_at: start,
                ends_at: start + Duration::minutes(i64::from(minutes)),
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

/// The texts of undelivered messages of a conversation (marks them delivered), after a
/// worker tick has brought the waiting room up to date.
async fn inbox(engine: &Engine, conv: &str) -> Vec<String> {
    engine.scheduler().run_timers().await.unwrap();
    let store = engine.store();
    let mut texts = Vec::new();
    for n in store
        .outbox()
        .pending_for(&schalter_tests::conv(conv), 100)
        .await
        .unwrap()
    {
        let m: Message = serde_json::from_str(&n.body).unwrap();
        texts.push(m.text);
        store
            .outbox()
            .mark_delivered(&n.id, n.version)
            .await
            .unwrap();
    }
    texts
}

fn joined(c: CheckIn) -> String {
    match c {
        CheckIn::Joined(e) => e.id,
        other => panic!("not joined: {other:?}"),
    }
}

fn order(view: &schalter_core::queue::QueueView) -> Vec<String> {
    view.waiting
        .iter()
        .map(|(e, _)| schalter_tests::stored(&e.conversation_id).to_string())
        .collect()
}

async fn story(db: TestDb, second: Store) {
    let store = db.store.clone();
    let (engine, clock) = engine(&store, at("08:00"));
    let a = book(&engine, "terminal:a", "anmeldung", at("08:30")).await;
    let b = book(&engine, "terminal:b", "fuehrungszeugnis", at("08:40")).await;
    let c = book(&engine, "terminal:c", "meldebescheinigung", at("09:00")).await;

    // Check-in opens ten minutes before the slot.
    assert_eq!(
        engine
            .waiting_room()
            .check_in(&schalter_tests::conv("terminal:a"), &a.id)
            .await
            .unwrap(),
        CheckIn::NotYet(at("08:20"))
    );
    assert_eq!(
        engine
            .waiting_room()
            .check_in(&schalter_tests::conv("terminal:b"), &a.id)
            .await
            .unwrap(),
        CheckIn::Unknown,
        "not b's booking"
    );
    clock.set(at("08:25"));
    joined(
        engine
            .waiting_room()
            .check_in(&schalter_tests::conv("terminal:a"), &a.id)
            .await
            .unwrap(),
    );
    let w1 = engine
        .waiting_room()
        .walk_in(&schalter_tests::conv("terminal:w1"), Lang::Tr)
        .await
        .unwrap()
        .expect("office open");
    clock.set(at("08:31"));
    joined(
        engine
            .waiting_room()
            .check_in(&schalter_tests::conv("terminal:b"), &b.id)
            .await
            .unwrap(),
    );
    let w2 = engine
        .waiting_room()
        .walk_in(&schalter_tests::conv("terminal:w2"), Lang::En)
        .await
        .unwrap()
        .unwrap();
    // Checking in twice changes nothing.
    joined(
        engine
            .waiting_room()
            .check_in(&schalter_tests::conv("terminal:b"), &b.id)
            .await
            .unwrap(),
    );

    // Due appointments by slot, then walk-ins in order of arrival, then early appointments.
    let view = engine.waiting_room().queue_view().await.unwrap();
    assert_eq!(
        order(&view),
        ["terminal:a", "terminal:w1", "terminal:w2", "terminal:b"]
    );
    // Nobody on duty: the wait is unknown, and the citizens are told so.
    assert!(view.waiting.iter().all(|(_, w)| w.is_none()));
    let told = inbox(&engine, "terminal:w1").await;
    assert!(told.iter().any(|t| t.contains(": 2")), "{told:?}");

    // One clerk comes on duty: waits follow the services' handling times, one clerk.
    engine.desk().set_presence("@anna", true).await.unwrap();
    let waits: Vec<i64> = engine
        .waiting_room()
        .queue_view()
        .await
        .unwrap()
        .waiting
        .iter()
        .map(|(_, w)| w.unwrap().num_minutes())
        .collect();
    assert_eq!(waits, [0, 20, 35, 50], "anmeldung 20, walk-ins 15 each");
    let a_told = inbox(&engine, "terminal:a").await;
    assert!(
        a_told.iter().any(|t| t.contains("gleich an der Reihe")),
        "{a_told:?}"
    );
    let w2_told = inbox(&engine, "terminal:w2").await;
    assert!(
        w2_told.iter().any(|t| t.contains("35 minutes")),
        "{w2_told:?}"
    );

    // Picks: the first in order; a clerk holds one citizen at a time.
    let Pick::Picked(first) = engine
        .desk()
        .pick_next("@anna", None, Some("https://meet.example.org/x"))
        .await
        .unwrap()
    else {
        panic!("a citizen was waiting");
    };
    assert_eq!(schalter_tests::stored(&first.conversation_id), "terminal:a");
    assert!(matches!(
        engine.desk().pick_next("@anna", None, None).await.unwrap(),
        Pick::ClerkBusy(_)
    ));
    let called = inbox(&engine, "terminal:a").await;
    assert!(
        called
            .iter()
            .any(|t| t.contains("https://meet.example.org/x")),
        "{called:?}"
    );
    assert_eq!(
        order(&engine.waiting_room().queue_view().await.unwrap()),
        ["terminal:w1", "terminal:w2", "terminal:b"]
    );
    let w1_told = inbox(&engine, "terminal:w1").await;
    assert!(
        w1_told.iter().any(|t| t.contains(": 1")),
        "position moves: {w1_told:?}"
    );

    // Another clerk takes a particular citizen by reference.
    let Pick::Picked(taken) = engine
        .desk()
        .pick_next("@bob", w2.reference.as_deref(), None)
        .await
        .unwrap()
    else {
        panic!("w2 was waiting");
    };
    assert_eq!(
        schalter_tests::stored(&taken.conversation_id),
        "terminal:w2"
    );
    assert_eq!(
        engine
            .desk()
            .pick_next("@carl", w2.reference.as_deref(), None)
            .await
            .unwrap(),
        Pick::Nobody,
        "w2 is no longer waiting"
    );

    // Outcomes: done (the booking too), no-show.
    clock.set(at("08:43"));
    engine.desk().keep_alive("@anna").await.unwrap();
    engine.desk().keep_alive("@bob").await.unwrap();
    let done = engine
        .desk()
        .finish_call(
            "@anna",
            Finish::Done {
                note: Some("ok".into()),
            },
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.status, EntryStatus::Done);
    assert_eq!(
        store
            .bookings()
            .booking(&a.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        BookingStatus::Done
    );
    assert!(
        inbox(&engine, "terminal:a")
            .await
            .iter()
            .any(|t| t.contains("Vielen Dank"))
    );
    assert_eq!(
        store
            .queue()
            .recent_handling_seconds("anmeldung", 20)
            .await
            .unwrap(),
        [12 * 60],
        "called 08:31, done 08:43"
    );
    engine
        .desk()
        .finish_call("@bob", Finish::NoShow)
        .await
        .unwrap()
        .unwrap();
    assert!(
        engine
            .desk()
            .finish_call("@bob", Finish::NoShow)
            .await
            .unwrap()
            .is_none(),
        "no call left"
    );

    // At 08:43 b's slot (08:40) has come: b is due and goes before the walk-in.
    assert_eq!(
        order(&engine.waiting_room().queue_view().await.unwrap()),
        ["terminal:b", "terminal:w1"]
    );
    let Pick::Picked(next) = engine.desk().pick_next("@anna", None, None).await.unwrap() else {
        panic!()
    };
    assert_eq!(schalter_tests::stored(&next.conversation_id), "terminal:b");
    // Back to the queue, at the same place.
    engine
        .desk()
        .finish_call("@anna", Finish::Back)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        order(&engine.waiting_room().queue_view().await.unwrap()),
        ["terminal:b", "terminal:w1"]
    );

    // A clerk who vanishes loses the citizen when the lease runs out.
    engine.desk().pick_next("@anna", None, None).await.unwrap();
    clock.advance(Duration::minutes(1));
    engine.desk().keep_alive("@anna").await.unwrap();
    engine.scheduler().run_timers().await.unwrap();
    assert_eq!(
        store
            .queue()
            .clerk_entry("@anna")
            .await
            .unwrap()
            .unwrap()
            .conversation_id
            .unwrap(),
        "terminal:b"
    );
    clock.advance(Duration::minutes(3));
    engine.scheduler().run_timers().await.unwrap();
    assert!(store.queue().clerk_entry("@anna").await.unwrap().is_none());
    assert_eq!(
        order(&engine.waiting_room().queue_view().await.unwrap()),
        ["terminal:b", "terminal:w1"]
    );

    // Away clerks do not count; leaving the queue works while waiting.
    engine.desk().set_presence("@anna", false).await.unwrap();
    assert_eq!(
        engine
            .waiting_room()
            .queue_view()
            .await
            .unwrap()
            .clerks_on_duty,
        0
    );
    assert!(
        engine
            .waiting_room()
            .leave_queue(&schalter_tests::conv("terminal:w1"))
            .await
            .unwrap()
    );
    assert!(
        !engine
            .waiting_room()
            .leave_queue(&schalter_tests::conv("terminal:w1"))
            .await
            .unwrap()
    );
    assert_eq!(w1.kind, schalter_core::store::EntryKind::WalkIn);

    // c never checks in: at 09:15 the no-show timer marks the booking and tells the citizen;
    // a late check-in is refused. Two replicas run the timers at once: each job runs once.
    let (replica, _) = schalter_tests::engine(&second, at("09:16"));
    clock.set(at("09:16"));
    let (x, y) = tokio::join!(
        engine.scheduler().run_timers(),
        replica.scheduler().run_timers()
    );
    x.unwrap();
    y.unwrap();
    assert_eq!(
        store
            .bookings()
            .booking(&c.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        BookingStatus::NoShow
    );
    let c_told = inbox(&engine, "terminal:c").await;
    let missed = c_told.iter().filter(|t| t.contains("verpasst")).count();
    assert_eq!(missed, 1, "{c_told:?}");
    assert_eq!(
        engine
            .waiting_room()
            .check_in(&schalter_tests::conv("terminal:c"), &c.id)
            .await
            .unwrap(),
        CheckIn::TooLate
    );

    // Reminders a day and a quarter of an hour before, exactly once each.
    let d = book(
        &engine,
        "terminal:d",
        "abmeldung",
        at("09:00") + Duration::days(2),
    )
    .await;
    let day = Duration::days(1);
    for step in [
        at("09:00") + day,
        at("09:01") + day,
        at("08:45") + day * 2,
        at("08:46") + day * 2,
    ] {
        clock.set(step);
        replica_clock_and_run(&engine, &second, step).await;
    }
    let d_told = inbox(&engine, "terminal:d").await;
    assert_eq!(
        d_told.iter().filter(|t| t.contains("Morgen")).count(),
        1,
        "{d_told:?}"
    );
    assert_eq!(
        d_told.iter().filter(|t| t.contains("beginnt um")).count(),
        1,
        "{d_told:?}"
    );
    assert_eq!(
        store
            .bookings()
            .booking(&d.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        BookingStatus::Confirmed
    );
    let failed = store.jobs().job_counts().await.unwrap();
    assert!(!failed.iter().any(|(s, _)| s == "failed"), "{failed:?}");

    // The waiting-room message is one message updated in place.
    let slots: Vec<_> = store
        .outbox()
        .due_deliveries("terminal", "2100-01-01T00:00:00Z".parse().unwrap(), 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|n| n.slot.as_deref() == Some(WAITING_ROOM_SLOT))
        .collect();
    let mut conversations: Vec<_> = slots.iter().map(|n| n.conversation_id.clone()).collect();
    conversations.dedup();
    assert_eq!(
        conversations.len(),
        slots.len(),
        "one waiting-room message per citizen"
    );

    second.close().await;
    db.drop_db().await;
}

/// Runs the timers on `engine` and, at the same moment, on a replica over `replica_store`.
async fn replica_clock_and_run(engine: &Engine, replica_store: &Store, now: DateTime<Utc>) {
    let (other, _) = schalter_tests::engine(replica_store, now);
    let (x, y) = tokio::join!(
        engine.scheduler().run_timers(),
        other.scheduler().run_timers()
    );
    x.unwrap();
    y.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn queue_on_sqlite() {
    let db = TestDb::sqlite().await;
    let second = Store::connect(&db.url).await.unwrap();
    story(db, second).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn queue_on_postgres() {
    let db = TestDb::postgres().await;
    let second = Store::connect(&db.url).await.unwrap();
    story(db, second).await;
}

/// A position computed before a pick and written after it never reaches the citizen: the
/// waiting-room message is only updated while the citizen is still waiting.
async fn stale_position_after_a_pick(db: TestDb) {
    let store = db.store.clone();
    let (engine, clock) = engine(&store, at("09:00"));
    let entry = engine
        .waiting_room()
        .walk_in(&schalter_tests::conv("terminal:late"), Lang::De)
        .await
        .unwrap()
        .expect("office open");
    // The view a worker computed just now …
    let view = engine.waiting_room().queue_view().await.unwrap();
    let (waiting, _) = view.waiting[0].clone();
    assert_eq!(waiting.id, entry.id);
    // … then a clerk picks the citizen before the worker writes.
    clock.set(at("09:01"));
    engine
        .desk()
        .pick_next(
            "@anna:example.org",
            None,
            Some("https://meet.example.org/x"),
        )
        .await
        .unwrap();
    let texts = inbox(&engine, "terminal:late").await;
    assert!(
        texts.iter().any(|t| t.contains("an der Reihe")),
        "{texts:?}"
    );
    let written = store
        .queue()
        .tell_position(&waiting, 1, Some(0), "{\"text\":\"stale\"}", at("09:01"))
        .await
        .unwrap();
    assert!(!written, "a picked citizen is not told a place");
    let pending = store
        .outbox()
        .pending_for(&schalter_tests::conv("terminal:late"), 100)
        .await
        .unwrap();
    assert!(
        pending.iter().all(|n| !n.body.contains("stale")),
        "{pending:?}"
    );
    db.drop_db().await;
}

#[tokio::test]
async fn stale_position_after_a_pick_on_sqlite() {
    stale_position_after_a_pick(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn stale_position_after_a_pick_on_postgres() {
    stale_position_after_a_pick(TestDb::postgres().await).await;
}
