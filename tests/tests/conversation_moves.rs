//! A conversation moves to a new key with everything that refers to it (Matrix conversations
//! keyed on their room before person keys), on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};
use schalter_core::Input;
use schalter_core::store::HoldRequest;
use schalter_tests::conv;
use schalter_tests::{TestDb, engine};

const OLD: &str = "matrix:!dm:example.org";
const NEW: &str = "matrix:@olga:example.org";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn moves(db: TestDb) {
    let now = at("2027-02-02T09:00:00+01:00");
    let (engine, _) = engine(&db.store, now);
    let store = &db.store;
    engine
        .dialogue()
        .handle(&conv(OLD), Input::Text("/start".into()))
        .await
        .unwrap();
    let start = at("2027-02-03T09:00:00+01:00");
    let held = store
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: &conv(OLD),
                service: "anmeldung",
                lang: "de",
                starts_at: start,
                ends_at: start + chrono::Duration::minutes(20),
                unit: chrono::Duration::minutes(10),
                desks: 3,
                checklist: &[],
                hold_until: now + chrono::Duration::minutes(5),
            },
            now,
        )
        .await
        .unwrap()
        .unwrap();
    let booking = store
        .bookings()
        .confirm(&held.id, now)
        .await
        .unwrap()
        .unwrap();
    engine
        .waiting_room()
        .walk_in(&conv(OLD), schalter_core::Lang::De)
        .await
        .unwrap();
    store
        .outbox()
        .notify_once(
            &conv(OLD),
            "job:test",
            schalter_core::notice::NoticeKind::RemindDay,
            "{\"text\":\"x\"}",
            now,
        )
        .await
        .unwrap();
    store
        .conversations()
        .set_channel_message(OLD, "dm", "!dm:example.org")
        .await
        .unwrap();

    assert!(
        store
            .conversations()
            .rename_conversation(&conv(OLD), &conv(NEW))
            .await
            .unwrap()
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(OLD))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(NEW))
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        store
            .bookings()
            .booking(&booking.id)
            .await
            .unwrap()
            .unwrap()
            .conversation_id
            .unwrap(),
        NEW
    );
    assert!(
        store
            .queue()
            .active_entry(&conv(NEW))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .queue()
            .active_entry(&conv(OLD))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .outbox()
            .pending_for(&conv(NEW), 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        store
            .outbox()
            .pending_for(&conv(OLD), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .conversations()
            .channel_message(NEW, "dm")
            .await
            .unwrap()
            .as_deref(),
        Some("!dm:example.org")
    );
    // The citizen continues where they were.
    let reply = engine
        .dialogue()
        .handle(&conv(NEW), Input::Text("menü".into()))
        .await
        .unwrap();
    assert!(!reply.options.is_empty(), "{reply:?}");

    // Nothing moves onto a conversation that exists, and a missing one moves nothing.
    engine
        .dialogue()
        .handle(&conv(OLD), Input::Text("/start".into()))
        .await
        .unwrap();
    assert!(
        !store
            .conversations()
            .rename_conversation(&conv(OLD), &conv(NEW))
            .await
            .unwrap()
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(OLD))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        !store
            .conversations()
            .rename_conversation(
                &conv("matrix:!none:example.org"),
                &conv("matrix:@none:example.org")
            )
            .await
            .unwrap()
    );
    db.drop_db().await;
}

#[tokio::test]
async fn a_conversation_moves_with_everything_on_sqlite() {
    moves(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn a_conversation_moves_with_everything_on_postgres() {
    moves(TestDb::postgres().await).await;
}
