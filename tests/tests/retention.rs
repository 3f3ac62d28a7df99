//! Retention (GDPR Art. 5(1)(e)), told against SQLite and PostgreSQL alike: a citizen's
//! conversation, booking, call with a clerk's note, feedback, payment, messages and jobs; the
//! clock moves past each limit and what must go goes while what statistics and bookkeeping
//! need stays. A dry run changes nothing and counts what the real run then does; the daily
//! job runs once across replicas; `schalter purge --dry-run` through the real binary.

use chrono::{DateTime, Duration, Utc};
use schalter_core::catalog::Retention;
use schalter_core::retention::{Cutoffs, PurgeReport};
use schalter_core::store::{
    Booking, ConversationRow, Finish, HoldRequest, NewInput, PaymentState, Pick, Recorded,
};
use schalter_core::{ChannelKind, Engine, FixedClock, Input, Store};
use schalter_tests::{TestDb, engine};

const CITIZEN: &str = "telegram:4242";
/// A citizen who wrote once and then booked far ahead without writing again.
const LATER: &str = "matrix:@otto:example.org";
const CLERK: &str = "@anna:example.org";
const VIDEO: &str = "https://meet.example.org/schalter-0f3a9c1d2b7e4a6f";

/// Heidelberg local time on Tuesday 2 February 2027 (UTC+1).
fn at(hh_mm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2027-02-02T{hh_mm}:00+01:00"))
        .unwrap()
        .with_timezone(&Utc)
}

fn day(n: i64, hh_mm: &str) -> DateTime<Utc> {
    at(hh_mm) + Duration::days(n)
}

async fn book(engine: &Engine, conv: &str, start: DateTime<Utc>) -> Booking {
    let now = schalter_core::Clock::now(engine.office().clock());
    let have = vec!["id-card".to_owned()];
    let held = engine
        .store()
        .hold(
            &HoldRequest {
                conversation_id: conv,
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
        .confirm(&held.id, now)
        .await
        .unwrap()
        .unwrap();
    engine.scheduler().schedule_booking_jobs(&b).await.unwrap();
    b
}

/// Marks every pending outbox row delivered, as the channels would; returns how many.
async fn deliver_all(store: &Store) -> u64 {
    let far = day(3650, "00:00");
    let mut n = 0;
    for channel in ["telegram", "matrix", "desk"] {
        for row in store.due_deliveries(channel, far, 1000).await.unwrap() {
            store.mark_delivered(&row.id, row.version).await.unwrap();
            n += 1;
        }
    }
    n
}

async fn count(store: &Store, sql: &'static str, arg: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(arg)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// A dry run, then the real run at the same moment: the same counts; afterwards nothing is
/// left to do.
async fn purge(engine: &Engine, clock: &FixedClock, now: DateTime<Utc>) -> PurgeReport {
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

async fn story(db: TestDb) {
    let store = db.store.clone();
    let (engine, clock) = engine(&store, at("08:00"));
    engine
        .payments()
        .set_online_payments(vec![ChannelKind::Telegram]);

    // Day 0: two citizens write; one books, checks in, is called by video, pays and rates.
    engine
        .dialogue()
        .handle(CITIZEN, Input::Text("/start".into()))
        .await
        .unwrap();
    engine
        .dialogue()
        .handle(LATER, Input::Text("/start".into()))
        .await
        .unwrap();
    store
        .set_channel_message(CITIZEN, "dm", "!dm:example.org")
        .await
        .unwrap();
    let input = NewInput {
        id: "telegram:1:1",
        conversation_id: CITIZEN,
        input: "{\"Text\":\"hi\"}",
        lang_hint: None,
    };
    assert!(store.receive_input(input, at("08:00")).await.unwrap());
    store.input_done("telegram:1:1").await.unwrap();
    let b = book(&engine, CITIZEN, at("09:00")).await;
    clock.set(at("08:55"));
    let entry = match engine
        .waiting_room()
        .check_in(CITIZEN, &b.id)
        .await
        .unwrap()
    {
        schalter_core::queue::CheckIn::Joined(e) => e.id,
        other => panic!("not joined: {other:?}"),
    };
    clock.set(at("09:02"));
    assert!(matches!(
        engine
            .desk()
            .pick_next(CLERK, None, Some(VIDEO))
            .await
            .unwrap(),
        Pick::Picked(_)
    ));
    store
        .set_channel_message(&format!("video:{entry}"), "room", "!video:example.org")
        .await
        .unwrap();
    engine.payments().set_fee(CLERK, None, None).await.unwrap();
    clock.set(at("09:12"));
    engine
        .desk()
        .finish_call(
            CLERK,
            Finish::Done {
                note: Some("Frau Beispiel, Ausweis läuft im März ab".into()),
            },
        )
        .await
        .unwrap()
        .unwrap();
    let payment = store.payment_of_entry(&entry).await.unwrap().unwrap();
    assert!(matches!(
        engine
            .payments()
            .record_paid(
                &payment.id,
                "telegram:ch1",
                "telegram",
                Some("p1"),
                Some("ch1")
            )
            .await
            .unwrap(),
        Recorded::Paid(_)
    ));
    store
        .save_feedback(&entry, 4, Some("Very friendly, thank you"), at("09:13"))
        .await
        .unwrap();
    // The timers of the day run (reminders, no-show check, today's agenda and purge).
    clock.set(at("09:30"));
    let ran = engine.scheduler().run_timers().await.unwrap() as u64;
    assert!(ran >= 3, "{ran} jobs ran");
    let delivered = deliver_all(&store).await;
    assert!(delivered >= 4, "{delivered} messages");
    // One message never reaches the citizen.
    store
        .notify_once(
            CITIZEN,
            "test:never",
            "note",
            "{\"text\":\"…\"}",
            at("09:30"),
        )
        .await
        .unwrap();

    let mut went = 0;

    // Day 6: nothing is old enough yet.
    clock.set(day(6, "12:00"));
    assert_eq!(
        engine.rights().purge(day(6, "12:00"), true).await.unwrap(),
        PurgeReport::default()
    );

    // Day 8: the clerk's note goes, feedback loses its call, delivered messages, handled
    // inputs and finished jobs go. The undelivered message, the conversation and the visit stay.
    let r = purge(&engine, &clock, day(8, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            notes: 1,
            feedback: 1,
            messages: delivered,
            inputs: 1,
            jobs: ran,
            ..PurgeReport::default()
        }
    );
    let visit = store.queue_entry(&entry).await.unwrap().unwrap();
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM queue_entries WHERE id = $1 AND note IS NULL",
            &entry
        )
        .await,
        1
    );
    assert_eq!(visit.conversation_id, CITIZEN);
    assert_eq!(
        store.feedback().await.unwrap(),
        [(4, Some("Very friendly, thank you".to_owned()))]
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM feedback WHERE entry_id = $1",
            &entry
        )
        .await,
        0
    );
    let pending = store.pending_for(CITIZEN, 10).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].slot.as_deref(), Some("test:never"));
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM inbox WHERE conversation_id = $1",
            CITIZEN
        )
        .await,
        0
    );
    assert!(store.load_conversation(CITIZEN).await.unwrap().is_some());

    // Day 25: the second citizen books for day 40 without writing again. Day 27: an input of
    // the first fails for good (it is kept a week, unless its conversation goes first).
    clock.set(day(25, "10:00"));
    let later = book(&engine, LATER, day(40, "09:00")).await;
    clock.set(day(27, "10:00"));
    let failed = NewInput {
        id: "telegram:2:2",
        conversation_id: CITIZEN,
        input: "{\"Text\":\"?\"}",
        lang_hint: None,
    };
    assert!(store.receive_input(failed, day(27, "10:00")).await.unwrap());
    store
        .input_failed("telegram:2:2", "gave up", None)
        .await
        .unwrap();
    assert_eq!(
        engine
            .rights()
            .purge(day(29, "12:00"), true)
            .await
            .unwrap()
            .total(),
        0,
        "no conversation is 30 days idle yet"
    );

    // Day 31: the first citizen's conversation goes, with its direct room and inputs. The
    // second one's stays: its appointment is still to come.
    let r = purge(&engine, &clock, day(31, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            conversations: 1,
            channel_messages: 1,
            inputs: 1,
            ..PurgeReport::default()
        }
    );
    assert!(store.load_conversation(CITIZEN).await.unwrap().is_none());
    assert!(store.load_conversation(LATER).await.unwrap().is_some());
    assert!(
        store
            .channel_message(CITIZEN, "dm")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .channel_message(&format!("video:{entry}"), "room")
            .await
            .unwrap()
            .as_deref(),
        Some("!video:example.org")
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM inbox WHERE conversation_id = $1",
            CITIZEN
        )
        .await,
        0
    );
    assert_eq!(store.pending_for(CITIZEN, 10).await.unwrap().len(), 1);

    // Day 89: the second appointment is past, so that conversation goes too; the first
    // appointment is not 90 days old yet.
    let r = purge(&engine, &clock, day(89, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            conversations: 1,
            ..PurgeReport::default()
        }
    );
    assert!(store.load_conversation(LATER).await.unwrap().is_none());
    assert_eq!(
        store
            .booking(&later.id)
            .await
            .unwrap()
            .unwrap()
            .conversation_id,
        LATER
    );

    // Day 91: the booking, the visit and the payment lose the citizen; the video room's id
    // and the message that never went out go. What statistics and bookkeeping need stays.
    let r = purge(&engine, &clock, day(91, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            bookings: 1,
            visits: 1,
            payments: 1,
            channel_messages: 1,
            messages: 1,
            ..PurgeReport::default()
        }
    );
    let booking = store.booking(&b.id).await.unwrap().unwrap();
    assert_eq!(booking.conversation_id, "");
    assert_eq!(booking.reference, format!("anon-{}", b.id));
    assert!(
        store
            .booking_by_reference(&b.reference)
            .await
            .unwrap()
            .is_none()
    );
    assert!(booking.checklist.is_empty());
    assert_eq!(
        (
            booking.service.as_str(),
            booking.lang.as_str(),
            booking.starts_at,
            booking.desk
        ),
        ("fuehrungszeugnis", "en", b.starts_at, b.desk)
    );
    assert_eq!(booking.status.name(), "done");
    let visit = store.queue_entry(&entry).await.unwrap().unwrap();
    assert_eq!(visit.conversation_id, "");
    assert_eq!(
        (visit.reference.as_deref(), visit.video_url.as_deref()),
        (None, None)
    );
    assert!(visit.checklist.is_empty());
    assert_eq!(
        (visit.told_position, visit.told_wait),
        (None, None),
        "nothing of what the citizen was told"
    );
    assert_eq!(visit.service.as_deref(), Some("fuehrungszeugnis"));
    assert_eq!(visit.lang, "en");
    assert_eq!(visit.slot_at, at("09:00"));
    assert_eq!(visit.joined_at, at("08:55"));
    assert_eq!(visit.called_at, Some(at("09:02")));
    assert_eq!(visit.finished_at, Some(at("09:12")));
    assert_eq!(visit.clerk.as_deref(), Some(CLERK));
    let paid = store.payment(&payment.id).await.unwrap().unwrap();
    assert_eq!(paid.conversation_id, "");
    // The bookkeeping record stays; nothing ties it to the citizen any more.
    assert_eq!((paid.amount_cents, paid.state), (1300, PaymentState::Paid));
    assert_ne!(paid.reference, payment.reference);
    assert_eq!(paid.visit_reference, None);
    assert!(
        store
            .channel_message(&format!("video:{entry}"), "room")
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.pending_for(CITIZEN, 10).await.unwrap().is_empty());
    assert_eq!(
        store.feedback().await.unwrap(),
        [(4, Some("Very friendly, thank you".to_owned()))]
    );
    for (sql, what) in [
        (
            "SELECT COUNT(*) FROM bookings WHERE conversation_id = $1",
            "bookings",
        ),
        (
            "SELECT COUNT(*) FROM queue_entries WHERE conversation_id = $1",
            "visits",
        ),
        (
            "SELECT COUNT(*) FROM payments WHERE conversation_id = $1",
            "payments",
        ),
        (
            "SELECT COUNT(*) FROM notifications WHERE conversation_id = $1",
            "messages",
        ),
        (
            "SELECT COUNT(*) FROM inbox WHERE conversation_id = $1",
            "inputs",
        ),
        (
            "SELECT COUNT(*) FROM channel_messages WHERE conversation_id = $1",
            "rooms",
        ),
    ] {
        assert_eq!(
            count(&store, sql, CITIZEN).await,
            0,
            "{what} of the citizen"
        );
    }
    // The counters of this process add up what went (the day-0 purge found nothing).
    let purged: u64 = engine
        .office()
        .metrics()
        .purged_rows()
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(purged, went);
    db.drop_db().await;
}

/// The purge is planned a day ahead and runs at 03:00: a process that starts later in the day
/// does not purge at once. Two replicas tick at the same moment after 03:00: the day's purge
/// runs on one of them, once.
async fn daily_job_once(db: TestDb, second: Store) {
    let (engine, _) = engine(&db.store, at("08:00"));
    engine
        .dialogue()
        .handle(CITIZEN, Input::Text("/start".into()))
        .await
        .unwrap();
    // Before the office opens, so that no agenda is posted: the outbox's order stamp is
    // per process, and a message written "later" here would move the story's messages on.
    let started = day(31, "05:00");
    let (a, a_clock) = schalter_tests::engine(&db.store, started);
    let (b, b_clock) = schalter_tests::engine(&second, started);
    let (x, y) = tokio::join!(a.scheduler().run_timers(), b.scheduler().run_timers());
    assert_eq!((x.unwrap(), y.unwrap()), (0, 0), "nothing is due yet");
    assert!(db.store.load_conversation(CITIZEN).await.unwrap().is_some());

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
    assert!(db.store.load_conversation(CITIZEN).await.unwrap().is_none());
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
        .handle(LATER, Input::Text("/start".into()))
        .await
        .unwrap();
    let late = day(34, "04:00");
    a_clock.set(late);
    b_clock.set(late);
    let (x, y) = tokio::join!(a.scheduler().run_timers(), b.scheduler().run_timers());
    x.unwrap();
    y.unwrap();
    assert!(db.store.load_conversation(LATER).await.unwrap().is_some());
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

/// A backlog larger than a batch goes in several batches, all of it.
async fn in_batches(db: TestDb) {
    let store = &db.store;
    for i in 0..7 {
        let row = ConversationRow {
            id: format!("telegram:{i}"),
            lang: Some("de".into()),
            state: "{}".into(),
            offered: "[]".into(),
            last_key: None,
            last_reply: None,
            reply_sent: false,
            version: None,
        };
        store.save_conversation(&row, at("08:00")).await.unwrap();
        store
            .set_channel_message(&row.id, "dm", &format!("!room{i}:example.org"))
            .await
            .unwrap();
    }
    for i in 0..3 {
        store
            .audit(
                "admin",
                "catalogue-changed",
                "catalogue",
                at("08:00") + Duration::minutes(i),
            )
            .await
            .unwrap();
    }
    store
        .audit("admin", "catalogue-changed", "catalogue", day(30, "08:00"))
        .await
        .unwrap();
    let now = day(40, "12:00");
    let cutoffs = Cutoffs::new(now, &Retention::default());
    assert_eq!(
        store.count_purge(&cutoffs).await.unwrap().audit,
        0,
        "kept a year"
    );
    let year = Cutoffs::new(day(366, "12:00"), &Retention::default());
    assert_eq!(store.count_purge(&year).await.unwrap().audit, 3);
    assert_eq!(store.count_purge(&cutoffs).await.unwrap().conversations, 7);
    let r = store.purge(&cutoffs, 2).await.unwrap();
    assert_eq!((r.conversations, r.channel_messages), (7, 7));
    assert_eq!(store.count_purge(&cutoffs).await.unwrap().total(), 0);
    let r = store.purge(&year, 2).await.unwrap();
    assert_eq!(r.audit, 3);
    assert_eq!(store.audit_log(10).await.unwrap().len(), 1);
    db.drop_db().await;
}

#[tokio::test]
async fn batches_on_sqlite() {
    in_batches(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn batches_on_postgres() {
    in_batches(TestDb::postgres().await).await;
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
        .handle(CITIZEN, Input::Text("/start".into()))
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
    assert!(db.store.load_conversation(CITIZEN).await.unwrap().is_some());
    let real = run(false);
    assert!(
        real.lines().any(|l| l == "conversations: 1 deleted"),
        "{real}"
    );
    assert!(db.store.load_conversation(CITIZEN).await.unwrap().is_none());
    assert!(run(true).contains("conversations: 0 would be deleted"));
    db.drop_db().await;
}
