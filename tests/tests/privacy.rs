//! A citizen's rights and the limits, against SQLite and PostgreSQL alike: the privacy notice,
//! `/mydata` listing what is stored, `/forget` leaving no trace in any table (every text column
//! of every table is searched), the freed slot bookable by someone else, at most
//! `max_active_bookings` future bookings and at most 20 inputs a minute.

use chrono::{DateTime, Duration, Utc};
use schalter_core::store::{Booking, Finish, HoldRequest, Pick};
use schalter_core::{Engine, Input, Reply};
use schalter_tests::conv;
use schalter_tests::traces::traces;
use schalter_tests::{TestDb, engine};

const CITIZEN: &str = "telegram:777001";

fn at(hh_mm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2027-02-02T{hh_mm}:00+01:00"))
        .unwrap()
        .with_timezone(&Utc)
}

async fn book(engine: &Engine, conv: &str, start: DateTime<Utc>) -> Option<Booking> {
    let now = schalter_core::Clock::now(engine.office().clock());
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
                desks: 1,
                checklist: &["id-card".to_owned()],
                hold_until: now + Duration::minutes(5),
            },
            now,
        )
        .await
        .unwrap()?;
    engine
        .store()
        .bookings()
        .confirm(&held.id, now)
        .await
        .unwrap()
}

async fn say(engine: &Engine, text: &str) -> Reply {
    engine
        .dialogue()
        .handle(&schalter_tests::conv(CITIZEN), Input::Text(text.into()))
        .await
        .unwrap()
}

async fn press(engine: &Engine, id: &str) -> Reply {
    engine
        .dialogue()
        .handle(&schalter_tests::conv(CITIZEN), Input::Choice(id.into()))
        .await
        .unwrap()
}

async fn story(db: TestDb) {
    let (engine, clock) = engine(&db.store, at("08:00"));
    // First contact: the welcome with one line on privacy.
    let first = engine
        .dialogue()
        .handle_keyed(
            &schalter_tests::conv(CITIZEN),
            Some("k1"),
            Some("en"),
            Input::Text("/start".into()),
        )
        .await
        .unwrap()
        .reply;
    assert!(
        first
            .text
            .contains("Privacy: https://example.org/datenschutz"),
        "{}",
        first.text
    );
    let notice = say(&engine, "/privacy").await;
    assert!(
        notice.text.contains("Bürgeramt Musterstadt"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("30 days"), "{}", notice.text);
    assert!(
        say(&engine, "privacy policy")
            .await
            .text
            .contains("datenschutz@example.org")
    );

    // A visit today (done, with a note, feedback and a fee), and two future bookings.
    let today = book(&engine, CITIZEN, at("09:00")).await.unwrap();
    clock.set(at("08:55"));
    engine
        .waiting_room()
        .check_in(&conv(CITIZEN), &today.id)
        .await
        .unwrap();
    let Pick::Picked(entry) = engine
        .desk()
        .pick_next(
            "@anna:example.org",
            None,
            Some("https://meet.example.org/schalter-x"),
        )
        .await
        .unwrap()
    else {
        panic!("picked");
    };
    engine
        .desk()
        .finish_call(
            "@anna:example.org",
            Finish::Done {
                note: Some("brought the wrong form".into()),
            },
        )
        .await
        .unwrap();
    press(&engine, "feedback:4").await;
    say(&engine, "very kind clerk").await;
    let payment = engine
        .store()
        .payments()
        .payment_of_entry(&entry.id)
        .await
        .unwrap()
        .expect("pay after call");

    // The booking limit: two future bookings (the 10:00 one and one tomorrow) at most.
    let tomorrow = DateTime::parse_from_rfc3339("2027-02-03T10:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc);
    book(&engine, CITIZEN, tomorrow).await.unwrap();
    book(&engine, CITIZEN, tomorrow + Duration::minutes(30))
        .await
        .unwrap();
    let refused = press(&engine, "nav:menu").await;
    assert!(refused.options.iter().any(|o| o.id == "menu:book"));
    let refused = press(&engine, "menu:book").await;
    assert!(refused.text.contains("already have 2"), "{}", refused.text);

    // A document for the next appointment (its one checklist item: the identity card).
    engine
        .documents()
        .unlock(schalter_core::documents::DocumentKey::from_hex(&"ab".repeat(32)).unwrap());
    let sent = engine
        .dialogue()
        .handle_file(
            &conv(CITIZEN),
            "file-1",
            None,
            schalter_core::dialogue::Fetched::Bytes(schalter_tests::documents::pdf("Ausweis")),
        )
        .await
        .unwrap()
        .reply;
    assert!(sent.text.contains("I have your"), "{}", sent.text);
    let documents = engine
        .store()
        .documents()
        .of_conversation(&conv(CITIZEN))
        .await
        .unwrap();
    assert_eq!(documents.len(), 1);

    // What is stored, as the citizen reads it.
    let mine = say(&engine, "/mydata").await.text;
    for needle in [
        today.reference.as_str(),
        payment.reference.as_str(),
        "4 of 5",
        "very kind clerk",
        "English",
        "Document for appointment",
    ] {
        assert!(mine.contains(needle), "{needle} in {mine}");
    }
    assert!(
        say(&engine, "what do you know about me")
            .await
            .text
            .contains(&today.reference)
    );

    // Forgetting: asked first; "no" keeps everything.
    let ask = say(&engine, "delete my data").await;
    assert!(ask.options.iter().any(|o| o.id == "forget:yes"), "{ask:?}");
    press(&engine, "nav:back").await;
    assert!(
        engine
            .store()
            .privacy()
            .conversation_exists(&conv(CITIZEN))
            .await
            .unwrap()
    );
    let future: Vec<Booking> = engine
        .store()
        .bookings()
        .upcoming_bookings(&conv(CITIZEN), at("09:30"))
        .await
        .unwrap();
    assert_eq!(future.len(), 2);
    // The desk's morning agenda names the citizen's references too.
    let agenda = engine
        .scheduler()
        .agenda_text(schalter_core::Lang::De, at("08:00").date_naive(), true)
        .await
        .unwrap();
    assert!(agenda.contains(&future[0].reference) || agenda.contains(&today.reference));
    engine
        .store()
        .outbox()
        .notify_once(
            &conv(schalter_core::timers::AGENDA_CONVERSATION),
            "job:agenda:test",
            schalter_core::notice::NoticeKind::Agenda,
            &serde_json::json!({ "text": agenda }).to_string(),
            at("08:00"),
        )
        .await
        .unwrap();
    say(&engine, "/forget").await;
    let done = press(&engine, "forget:yes").await;
    assert!(done.text.contains("deleted everything"), "{}", done.text);
    assert!(
        !engine
            .store()
            .privacy()
            .conversation_exists(&conv(CITIZEN))
            .await
            .unwrap()
    );

    // No trace anywhere: the conversation id, the references, the note, the video link.
    let mut needles = vec![
        CITIZEN.to_owned(),
        "777001".to_owned(),
        today.reference.clone(),
        payment.reference.clone(),
        "wrong form".to_owned(),
        "schalter-x".to_owned(),
    ];
    needles.extend(future.iter().map(|b| b.reference.clone()));
    needles.extend(
        documents
            .iter()
            .flat_map(|d| [d.id.clone(), d.digest.clone()]),
    );
    let found = traces(&db, &needles).await;
    assert!(found.is_empty(), "{found:#?}");
    // No file outlives `/forget`: neither the document nor its sealed bytes.
    assert_eq!(engine.store().documents().totals().await.unwrap(), (0, 0));
    // Statistics stay: the rating and its comment, without the link; the payment's amount.
    let feedback = engine.store().queue().feedback().await.unwrap();
    assert!(
        feedback.contains(&(4, Some("very kind clerk".to_owned()))),
        "{feedback:?}"
    );
    let kept = engine
        .store()
        .payments()
        .payment(&payment.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            kept.amount_cents,
            schalter_tests::stored(&kept.conversation_id)
        ),
        (1300, "")
    );
    // The fee not paid yet is called off: an old invoice can no longer be paid.
    assert_eq!(kept.state, schalter_core::store::PaymentState::Cancelled);
    assert!(
        engine
            .payments()
            .check_payment(&payment.id, "EUR", 1300, Some("en"))
            .await
            .unwrap()
            .is_err()
    );

    // The freed slot can be booked by someone else (one desk only in `book`).
    assert!(
        book(&engine, "telegram:888", tomorrow).await.is_some(),
        "the slot is free again"
    );
    // And the bot starts afresh.
    let again = engine
        .dialogue()
        .handle_keyed(
            &schalter_tests::conv(CITIZEN),
            Some("k2"),
            None,
            Input::Text("hello".into()),
        )
        .await
        .unwrap()
        .reply;
    assert!(
        again.text.contains("Please choose your language"),
        "{}",
        again.text
    );
    db.drop_db().await;
}

/// At most 20 inputs a minute; the next minute all is well again.
async fn rate_limit(db: TestDb) {
    let (engine, clock) = engine(&db.store, at("10:00"));
    say(&engine, "/start").await;
    // Without a language hint the first contact is the picker; the privacy line comes with
    // the welcome after it.
    let welcome = press(&engine, "lang:en").await;
    assert!(
        welcome.text.contains("Privacy: https://"),
        "{}",
        welcome.text
    );
    for _ in 0..18 {
        assert!(!say(&engine, "/help").await.text.contains("very many"));
    }
    let limited = say(&engine, "/help").await;
    assert!(
        limited.text.contains("very many messages"),
        "{}",
        limited.text
    );
    // Another citizen is not affected.
    let other = engine
        .dialogue()
        .handle(
            &schalter_tests::conv("telegram:999"),
            Input::Text("/start".into()),
        )
        .await
        .unwrap();
    assert!(!other.text.contains("very many"));
    clock.set(at("10:01"));
    assert!(!say(&engine, "/help").await.text.contains("very many"));
    db.drop_db().await;
}

#[tokio::test]
async fn rights_on_sqlite() {
    story(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn rights_on_postgres() {
    story(TestDb::postgres().await).await;
}

#[tokio::test]
async fn rate_limit_on_sqlite() {
    rate_limit(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn rate_limit_on_postgres() {
    rate_limit(TestDb::postgres().await).await;
}
