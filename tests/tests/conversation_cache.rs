//! Each process keeps the conversations it handled last in memory, and a step writes back only
//! the version it read. Two engines on two stores (two processes) share one database: a
//! conversation moved on by one is never overwritten by the other's cached copy, and one
//! deleted by the other starts again from the beginning. A process that knows a citizen has
//! nothing booked (and so skips the check-in query at the menu) learns of a booking made
//! by itself or by the other. A turn a web page shows is written into its transcript with the
//! state, whichever process takes it. A step that acts beyond the conversation (the queue, a
//! booking) is never taken on an out-of-date copy. An inbox input answered with its step has
//! its reply queued and is done in the transaction that stores the state, once. On SQLite and
//! PostgreSQL.

use chrono::{DateTime, Utc};
use schalter_core::dialogue::Keyed;
use schalter_core::transcript::Entry;
use schalter_core::{Engine, Input, Reply, Store};
use schalter_tests::conv;
use schalter_tests::{TestDb, engine};

const CONV: &str = "telegram:4711";

fn tuesday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-02-02T07:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

async fn press(engine: &Engine, reply: &Reply, prefix: &str) -> Reply {
    schalter_tests::press(engine, CONV, reply, prefix).await
}

fn has(reply: &Reply, prefix: &str) -> bool {
    reply.options.iter().any(|o| o.id.starts_with(prefix))
}

async fn version(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT version FROM conversations WHERE id = $1")
        .bind(CONV)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Books the first free slot for the anmeldung through `engine`'s dialogue, from the menu.
async fn book(engine: &Engine, menu: &Reply) -> Reply {
    let services = press(engine, menu, "menu:book").await;
    let checklist = press(engine, &services, "svc:anmeldung").await;
    let days = press(engine, &checklist, "go:dates").await;
    let times = press(engine, &days, "day:").await;
    let confirm = press(engine, &times, "time:").await;
    let booked = press(engine, &confirm, "confirm").await;
    assert!(!booked.text.is_empty());
    booked
}

async fn menu(engine: &Engine) -> Reply {
    engine
        .dialogue()
        .handle(&conv(CONV), Input::Text("/menu".into()))
        .await
        .unwrap()
}

async fn check_in_learned(db: TestDb) {
    let now = tuesday_morning();
    let other = Store::connect(&db.url).await.unwrap();
    let (a, clock_a) = engine(&db.store, now);
    let (b, clock_b) = engine(&other, now);

    // A shows the menu twice: nothing booked, which A now knows without asking.
    let first = a.dialogue().open(&conv(CONV), Some("de")).await.unwrap();
    assert!(!has(&first, "checkin:"), "{first:#?}");
    let second = menu(&a).await;
    assert!(!has(&second, "checkin:"), "{second:#?}");
    assert!(
        db.store
            .conversations()
            .no_upcoming_bookings_known(&conv(CONV))
    );

    // B (a replica that took over) books for the citizen. At the check-in time, A's menu
    // offers to check in, though A's copy said nothing was booked.
    let on_b = menu(&b).await;
    book(&b, &on_b).await;
    let booking = db
        .store
        .bookings()
        .upcoming_bookings(&conv(CONV), now)
        .await
        .unwrap()[0]
        .clone();
    let at_check_in = booking.starts_at - chrono::Duration::minutes(5);
    clock_a.set(at_check_in);
    clock_b.set(at_check_in);
    let offered = menu(&a).await;
    assert!(
        has(&offered, &format!("checkin:{}", booking.id)),
        "A learned of B's booking: {offered:#?}"
    );
    assert!(
        !db.store
            .conversations()
            .no_upcoming_bookings_known(&conv(CONV))
    );

    // The citizen cancels; A knows again that nothing is booked. Then A itself books, and at
    // that booking's check-in time its own menu offers it.
    db.store
        .bookings()
        .cancel(&booking.id, &conv(CONV), at_check_in)
        .await
        .unwrap();
    let after = at_check_in + chrono::Duration::hours(2);
    clock_a.set(after);
    let empty = menu(&a).await;
    assert!(!has(&empty, "checkin:"), "{empty:#?}");
    assert!(
        db.store
            .conversations()
            .no_upcoming_bookings_known(&conv(CONV))
    );
    book(&a, &empty).await;
    assert!(
        !db.store
            .conversations()
            .no_upcoming_bookings_known(&conv(CONV)),
        "a booking here forgets it"
    );
    let own = db
        .store
        .bookings()
        .upcoming_bookings(&conv(CONV), after)
        .await
        .unwrap()[0]
        .clone();
    clock_a.set(own.starts_at - chrono::Duration::minutes(5));
    let offered = menu(&a).await;
    assert!(
        has(&offered, &format!("checkin:{}", own.id)),
        "A's own booking: {offered:#?}"
    );

    other.close().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_in_learned_on_sqlite() {
    check_in_learned(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_in_learned_on_postgres() {
    check_in_learned(TestDb::postgres().await).await;
}

async fn two_processes(db: TestDb) {
    let now = tuesday_morning();
    let other = Store::connect(&db.url).await.unwrap();
    let (a, _) = engine(&db.store, now);
    let (b, _) = engine(&other, now);

    // Process A greets the citizen and shows the services; it now holds the conversation.
    let menu = a.dialogue().open(&conv(CONV), Some("de")).await.unwrap();
    let services = press(&a, &menu, "menu:book").await;
    assert!(has(&services, "svc:anmeldung"), "{services:#?}");
    let before = version(&db.store).await;

    // Process B (a replica that took over) moves the conversation on to a checklist.
    let checklist = b
        .dialogue()
        .handle(&conv(CONV), Input::Choice("svc:anmeldung".into()))
        .await
        .unwrap();
    assert!(has(&checklist, "go:dates"), "{checklist:#?}");
    assert_eq!(version(&db.store).await, before + 1);

    // A's copy is out of date. The citizen presses "dates" on the checklist B showed: A
    // takes the step on the stored conversation, not on its copy (where "dates" was never
    // offered), and does not write the service list back.
    let days = press(&a, &checklist, "go:dates").await;
    assert!(
        has(&days, "day:"),
        "the step ran on a stale copy: {days:#?}"
    );
    assert_eq!(version(&db.store).await, before + 2);
    let again = b
        .dialogue()
        .handle(&conv(CONV), Input::Text("1".into()))
        .await
        .unwrap();
    assert!(has(&again, "time:"), "B sees A's step: {again:#?}");

    // The citizen asks B to forget them. A, which still has the conversation in memory,
    // starts from the beginning instead of bringing the deleted conversation back.
    other
        .privacy()
        .forget_citizen(&conv(CONV), now)
        .await
        .unwrap();
    let fresh = a
        .dialogue()
        .handle(&conv(CONV), Input::Text("1".into()))
        .await
        .unwrap();
    assert!(
        has(&fresh, "lang:"),
        "a forgotten citizen is asked for their language again: {fresh:#?}"
    );
    assert_eq!(version(&db.store).await, 1, "a new row");

    other.close().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_sqlite() {
    two_processes(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_postgres() {
    two_processes(TestDb::postgres().await).await;
}

/// A process whose copy is out of date takes no action on it. A showed the menu (with "talk
/// to a clerk now", walk-ins being open); B moved the citizen on to a checklist. A "talk to
/// a clerk now" pressed on the old menu reaches A: on A's copy it is offered, on the stored
/// conversation it is not. The step is taken on the stored one: the option has expired, and
/// the citizen is not in the waiting room. (Three replicas behind a load balancer found it:
/// a "4" typed at the checklist, read on a copy at the menu, put citizens in the queue.)
async fn no_action_on_a_stale_copy(db: TestDb) {
    // 10:00 in Heidelberg: open, walk-ins taken.
    let now = tuesday_morning() + chrono::Duration::hours(2);
    let other = Store::connect(&db.url).await.unwrap();
    let (a, _) = engine(&db.store, now);
    let (b, _) = engine(&other, now);

    let on_a = a.dialogue().open(&conv(CONV), Some("de")).await.unwrap();
    assert!(has(&on_a, "menu:walkin"), "walk-ins are open: {on_a:#?}");
    let on_b = menu(&b).await;
    let services = press(&b, &on_b, "menu:book").await;
    let checklist = press(&b, &services, "svc:anmeldung").await;
    assert!(has(&checklist, "go:dates"), "{checklist:#?}");

    let reply = a
        .dialogue()
        .handle(&conv(CONV), Input::Choice("menu:walkin".into()))
        .await
        .unwrap();
    let waiting: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM queue_entries WHERE conversation_id = $1")
            .bind(CONV)
            .fetch_one(db.store.pool())
            .await
            .unwrap();
    assert_eq!(
        waiting, 0,
        "a step on a stale copy put the citizen in the queue: {reply:#?}"
    );
    assert!(has(&reply, "go:dates"), "still the checklist: {reply:#?}");

    // On the stored conversation the same choice acts: back at the menu, the citizen walks in.
    let on_a = menu(&a).await;
    let walked_in = press(&a, &on_a, "menu:walkin").await;
    assert!(has(&walked_in, "queue:leave"), "{walked_in:#?}");

    other.close().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_action_on_a_stale_copy_on_sqlite() {
    no_action_on_a_stale_copy(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_action_on_a_stale_copy_on_postgres() {
    no_action_on_a_stale_copy(TestDb::postgres().await).await;
}

const WEB: &str = "web:0123456789abcdef0123456789abcdef";

async fn shown(engine: &Engine, key: &str, input: Input, said: Option<&str>) -> Option<Keyed> {
    engine
        .dialogue()
        .handle_shown(&conv(WEB), key, Some("de"), input, said, true)
        .await
        .unwrap()
}

fn seqs(keyed: &Keyed) -> Vec<i64> {
    keyed.shown.iter().map(|r| r.seq).collect()
}

/// The rows of the web conversation's transcript: number, whether from the citizen, text.
async fn transcript(engine: &Engine) -> Vec<(i64, bool, String)> {
    engine
        .transcript()
        .latest(&conv(WEB), 100)
        .await
        .unwrap()
        .into_iter()
        .map(|row| match row.entry {
            Entry::Citizen { text, .. } => (row.seq, true, text),
            Entry::Office { message, .. } => (row.seq, false, message.text),
        })
        .collect()
}

/// A turn a page shows (the web chat) is written with the state: the citizen's words and the
/// reply are in the transcript, numbered in order, when the step returns, whichever process
/// took it and even when its copy of the conversation was out of date. A key handled before
/// writes nothing; a conversation nobody started is refused and not started; the farewell
/// after `/forget` is the last row.
async fn shown_turns(db: TestDb) {
    let now = tuesday_morning();
    let other = Store::connect(&db.url).await.unwrap();
    let (a, _) = engine(&db.store, now);
    let (b, _) = engine(&other, now);

    let forged = shown(&a, "web:x:1", Input::Text("hallo".into()), Some("hallo")).await;
    assert!(
        forged.is_none(),
        "a conversation nobody started takes no answer"
    );
    assert!(transcript(&a).await.is_empty());
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM conversations WHERE id = $1")
        .bind(WEB)
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_eq!(rows, 0, "and is not started by it");

    let start = a
        .dialogue()
        .handle_shown(
            &conv(WEB),
            "web:x:start",
            Some("de"),
            Input::Text("/start".into()),
            None,
            false,
        )
        .await
        .unwrap()
        .expect("a start is taken");
    assert_eq!(seqs(&start), [1]);
    assert!(start.sent);

    // B presses "book" on the menu A showed.
    let book = start
        .reply
        .options
        .iter()
        .find(|o| o.id == "menu:book")
        .expect("the menu offers booking")
        .clone();
    let services = shown(
        &b,
        "web:x:2",
        Input::Choice(book.id.clone()),
        Some(&book.label),
    )
    .await
    .unwrap();
    assert_eq!(seqs(&services), [2, 3]);
    assert!(has(&services.reply, "svc:anmeldung"), "{services:#?}");

    // The same input again, on B (a retried request): the stored reply, nothing written.
    // (Not on A, whose copy must stay out of date for the next step.)
    let again = shown(
        &b,
        "web:x:2",
        Input::Choice(book.id.clone()),
        Some(&book.label),
    )
    .await
    .unwrap();
    assert!(again.sent && again.shown.is_empty(), "{again:#?}");
    assert_eq!(again.reply, services.reply);

    // A's copy is out of date (B took the last step): the step runs on the stored state, and
    // what A's copy would have shown (the list of services again) is not written.
    let checklist = shown(&a, "web:x:3", Input::Text("1".into()), Some("1"))
        .await
        .unwrap();
    assert_eq!(seqs(&checklist), [4, 5]);
    assert!(has(&checklist.reply, "go:dates"), "{checklist:#?}");

    let rows = transcript(&a).await;
    let expected = [
        (1, false, start.reply.text.clone()),
        (2, true, book.label.clone()),
        (3, false, services.reply.text.clone()),
        (4, true, "1".to_owned()),
        (5, false, checklist.reply.text.clone()),
    ];
    assert_eq!(rows, expected);

    // `/forget`, confirmed: the conversation goes, and the farewell is the last row.
    shown(
        &b,
        "web:x:4",
        Input::Text("/forget".into()),
        Some("/forget"),
    )
    .await
    .unwrap();
    let farewell = shown(&b, "web:x:5", Input::Choice("forget:yes".into()), None)
        .await
        .unwrap();
    assert!(farewell.forgotten);
    let last = a.transcript().latest(&conv(WEB), 1).await.unwrap();
    let last = last.last().expect("the farewell");
    assert!(last.ends, "{last:#?}");
    assert_eq!(seqs(&farewell), [last.seq]);

    other.close().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shown_turns_on_sqlite() {
    shown_turns(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shown_turns_on_postgres() {
    shown_turns(TestDb::postgres().await).await;
}

/// The outbox rows of the conversation: slot, body, when due (0: at once).
async fn outbox_rows(store: &Store) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT slot, body, next_attempt_at FROM notifications WHERE conversation_id = $1 \
         ORDER BY slot",
    )
    .bind(CONV)
    .fetch_all(store.pool())
    .await
    .unwrap()
}

async fn inbox_status(store: &Store, key: &str) -> String {
    sqlx::query_scalar("SELECT status FROM inbox WHERE id = $1")
        .bind(key)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Stores `text` as inbox input `key`, claimed by this process, and answers it as the
/// channels do: reply and done with the state.
async fn answering(engine: &Engine, key: &str, text: &str, claim: bool) -> Keyed {
    answering_in(engine, CONV, key, text, claim).await
}

async fn answering_in(engine: &Engine, to: &str, key: &str, text: &str, claim: bool) -> Keyed {
    let now = engine.office().clock().now();
    let input = Input::Text(text.to_owned());
    let json = serde_json::to_string(&input).unwrap();
    let new = schalter_core::inbox::NewInput {
        id: key,
        conversation_id: &conv(to),
        input: &json,
        lang_hint: Some("de"),
    };
    let until = now + chrono::Duration::seconds(30);
    engine.inbox().receive(new, now, Some(until)).await.unwrap();
    engine
        .dialogue()
        .handle_answering(&conv(to), key, Some("de"), input, claim.then_some(until))
        .await
        .unwrap()
}

async fn answered_turns(db: TestDb) {
    let now = tuesday_morning();
    let other = Store::connect(&db.url).await.unwrap();
    let (a, _) = engine(&db.store, now);
    let (b, _) = engine(&other, now);
    a.dialogue().open(&conv(CONV), Some("de")).await.unwrap();
    // B moves the conversation on: A's copy is out of date.
    let on_b = menu(&b).await;
    press(&b, &on_b, "menu:book").await;

    // A's step is taken again on the stored row, and its reply queued with it, claimed for
    // A: the input is done, the reply the one row of the outbox.
    let keyed = answering(&a, "telegram:1:a", "/menu", true).await;
    let claimed = keyed
        .answered
        .clone()
        .expect("answered with the state")
        .expect("claimed: nothing waits before it");
    assert_eq!(claimed.row.slot.as_deref(), Some("reply:telegram:1:a"));
    let rows = outbox_rows(&db.store).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].1.contains(&keyed.reply.text), "{rows:?}");
    assert_eq!(rows[0].2, claimed.until, "due when the claim ends");
    assert_eq!(inbox_status(&db.store, "telegram:1:a").await, "done");
    assert!(has(&keyed.reply, "menu:book"), "the menu: {keyed:#?}");
    let (sent, last): (i64, String) =
        sqlx::query_as("SELECT reply_sent, last_key FROM conversations WHERE id = $1")
            .bind(CONV)
            .fetch_one(db.store.pool())
            .await
            .unwrap();
    assert_eq!(sent, 1, "the reply is marked sent with the state");
    assert_eq!(last, "telegram:1:a");

    // The same input again (a crash before the platform was told): the stored reply, nothing
    // queued twice, for the channel to mark done.
    let again = a
        .dialogue()
        .handle_answering(
            &conv(CONV),
            "telegram:1:a",
            Some("de"),
            Input::Text("/menu".into()),
            None,
        )
        .await
        .unwrap();
    assert_eq!(again.answered, None);
    assert!(again.sent);
    assert_eq!(again.reply, keyed.reply);
    assert_eq!(outbox_rows(&db.store).await.len(), 1);

    // The first reply is still undelivered: the next one waits behind it, due at once and
    // not claimed, on B as well.
    let next = answering(&b, "telegram:2:b", "1", true).await;
    assert_eq!(next.answered, Some(None), "{next:#?}");
    let rows = outbox_rows(&db.store).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    let second = rows.iter().find(|r| r.0 == "reply:telegram:2:b");
    assert_eq!(second.map(|r| r.2), Some(0), "{rows:?}");
    assert_eq!(inbox_status(&db.store, "telegram:2:b").await, "done");

    // A first contact: the conversation's first write, answered with it.
    let first = answering_in(&a, "telegram:4712", "telegram:3:a", "/start", true).await;
    assert!(matches!(first.answered, Some(Some(_))), "{first:#?}");
    assert!(has(&first.reply, "menu:book"), "{first:#?}");
    assert_eq!(inbox_status(&db.store, "telegram:3:a").await, "done");

    other.close().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answered_turns_on_sqlite() {
    answered_turns(TestDb::sqlite().await).await;
}

/// On SQLite an answered step's writes are one batch that carries its own `BEGIN` and
/// `COMMIT`. A batch that fails midway (here a trigger refuses the input's "done") must leave
/// nothing written, and must not hand the next user of the pool a connection still inside its
/// transaction, holding the write lock: the same input, once the trigger is gone, is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answered_step_that_fails_midway_leaves_nothing_on_sqlite() {
    let db = TestDb::sqlite().await;
    let now = tuesday_morning();
    let (a, _) = engine(&db.store, now);
    a.dialogue().open(&conv(CONV), Some("de")).await.unwrap();
    let version = || async {
        sqlx::query_scalar::<_, i64>("SELECT version FROM conversations WHERE id = $1")
            .bind(CONV)
            .fetch_one(db.store.pool())
            .await
            .unwrap()
    };
    let before = version().await;
    sqlx::query(
        "CREATE TRIGGER refuse_done BEFORE UPDATE ON inbox \
         BEGIN SELECT RAISE(ABORT, 'refused for the test'); END",
    )
    .execute(db.store.pool())
    .await
    .unwrap();
    let key = "telegram:9:a";
    let input = Input::Text("/menu".into());
    let json = serde_json::to_string(&input).unwrap();
    let until = now + chrono::Duration::seconds(30);
    let new = schalter_core::inbox::NewInput {
        id: key,
        conversation_id: &conv(CONV),
        input: &json,
        lang_hint: Some("de"),
    };
    a.inbox().receive(new, now, Some(until)).await.unwrap();
    let id = conv(CONV);
    let answer = || {
        a.dialogue()
            .handle_answering(&id, key, Some("de"), input.clone(), Some(until))
    };
    assert!(answer().await.is_err(), "the refused batch fails");
    assert_eq!(version().await, before, "the conversation is as it was");
    assert!(outbox_rows(&db.store).await.is_empty(), "no reply queued");
    assert_ne!(inbox_status(&db.store, key).await, "done");

    sqlx::query("DROP TRIGGER refuse_done")
        .execute(db.store.pool())
        .await
        .unwrap();
    let keyed = answer().await.expect("answered once the trigger is gone");
    assert!(matches!(keyed.answered, Some(Some(_))), "{keyed:#?}");
    assert_eq!(version().await, before + 1);
    assert_eq!(outbox_rows(&db.store).await.len(), 1);
    assert_eq!(inbox_status(&db.store, key).await, "done");
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answered_turns_on_postgres() {
    answered_turns(TestDb::postgres().await).await;
}
