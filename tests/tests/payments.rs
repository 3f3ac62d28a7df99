//! Fees paid from home, told against SQLite and PostgreSQL alike: the request of a call (a
//! draft during it, sent at `done`, or at once after it), the Telegram pre-checkout rules,
//! a payment recorded exactly once with its receipt and the desk's line, and what a paid
//! request refuses.

use chrono::{DateTime, Duration, Utc};
use schalter_core::payments::Fee;
use schalter_core::queue::Message;
use schalter_core::store::{Booking, HoldRequest, PaymentState, Pick, Recorded};
use schalter_core::{ChannelKind, Engine, Lang};
use schalter_tests::{TestDb, engine};

const CITIZEN: &str = "telegram:4242";
const CLERK: &str = "@anna:example.org";

fn at(hh_mm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2027-02-02T{hh_mm}:00+01:00"))
        .unwrap()
        .with_timezone(&Utc)
}

async fn book(engine: &Engine, conv: &str, service: &str, start: DateTime<Utc>) -> Booking {
    let now = schalter_core::Clock::now(engine.office().clock());
    let held = engine
        .store()
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: &schalter_tests::conv(conv),
                service,
                lang: "en",
                starts_at: start,
                ends_at: start + Duration::minutes(10),
                unit: Duration::minutes(10),
                desks: 3,
                checklist: &[],
                hold_until: now + Duration::minutes(5),
            },
            now,
        )
        .await
        .unwrap()
        .expect("slot free");
    engine
        .store()
        .bookings()
        .confirm(&held.id, now)
        .await
        .unwrap()
        .unwrap()
}

/// The citizen's undelivered messages of `kind`.
async fn outbox(engine: &Engine, conv: &str, kind: &str) -> Vec<Message> {
    engine
        .store()
        .outbox()
        .pending_for(&schalter_tests::conv(conv), 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|n| n.kind == kind)
        .map(|n| serde_json::from_str(&n.body).unwrap())
        .collect()
}

async fn story(db: TestDb) {
    let (engine, clock) = engine(&db.store, at("08:00"));
    engine
        .payments()
        .set_online_payments(vec![ChannelKind::Telegram]);
    engine
        .dialogue()
        .handle(
            &schalter_tests::conv(CITIZEN),
            schalter_core::Input::Text("/start".into()),
        )
        .await
        .unwrap();
    let b = book(&engine, CITIZEN, "fuehrungszeugnis", at("09:00")).await;
    clock.set(at("08:55"));
    engine
        .waiting_room()
        .check_in(&schalter_tests::conv(CITIZEN), &b.id)
        .await
        .unwrap();

    // No call, no fee.
    assert_eq!(
        engine.payments().set_fee(CLERK, None, None).await.unwrap(),
        Fee::NoCall
    );
    assert!(matches!(
        engine.desk().pick_next(CLERK, None, None).await.unwrap(),
        Pick::Picked(_)
    ));

    // During the call: the service's fee, then an item more; nothing goes out yet.
    let Fee::Set { payment, sent } = engine.payments().set_fee(CLERK, None, None).await.unwrap()
    else {
        panic!("a fee for the call");
    };
    assert_eq!((payment.amount_cents, sent), (1300, false));
    assert_eq!(payment.state, PaymentState::Draft);
    assert_eq!(
        payment.visit_reference.as_deref(),
        Some(b.reference.as_str())
    );
    let Fee::Set { payment, sent } = engine
        .payments()
        .set_fee(CLERK, Some(500), Some("Beglaubigung".into()))
        .await
        .unwrap()
    else {
        panic!("an item more");
    };
    assert_eq!(
        (payment.amount_cents, payment.items.len(), sent),
        (1800, 2, false)
    );
    assert!(outbox(&engine, CITIZEN, "payment").await.is_empty());

    // `done` sends it, before the feedback question, with what Telegram needs.
    engine
        .desk()
        .finish_call(CLERK, schalter_core::store::Finish::Done { note: None })
        .await
        .unwrap()
        .unwrap();
    let asks = outbox(&engine, CITIZEN, "payment").await;
    assert_eq!(asks.len(), 1);
    let ask = asks[0].payment.clone().expect("an invoice for Telegram");
    assert_eq!((ask.amount_cents, ask.currency.as_str()), (1800, "EUR"));
    assert_eq!(ask.payment_id, payment.id);
    assert!(ask.title.chars().count() <= 32, "{}", ask.title);
    assert!(asks[0].text.contains("18.00"), "{}", asks[0].text);
    let order: Vec<String> = engine
        .store()
        .outbox()
        .pending_for(&schalter_tests::conv(CITIZEN), 100)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind)
        .collect();
    let (pay, ask_feedback) = (
        order.iter().position(|k| k == "payment").unwrap(),
        order.iter().position(|k| k == "feedback").unwrap(),
    );
    assert!(pay < ask_feedback, "{order:?}");

    // After the call the clerk corrects the amount: it goes out again at once.
    let Fee::Set { payment, sent } = engine
        .payments()
        .set_fee(CLERK, Some(1300), None)
        .await
        .unwrap()
    else {
        panic!("a corrected fee");
    };
    assert_eq!((payment.amount_cents, sent), (1800, true), "1300 + 500");
    assert_eq!(payment.state, PaymentState::Open);

    // Telegram's pre-checkout: only the open request with exactly its amount and currency.
    let refused = engine
        .payments()
        .check_payment(&payment.id, "EUR", 1300, None)
        .await
        .unwrap()
        .unwrap_err();
    assert!(refused.contains("does not match"), "{refused}");
    assert!(
        engine
            .payments()
            .check_payment(&payment.id, "USD", 1800, None)
            .await
            .unwrap()
            .is_err()
    );
    assert!(
        engine
            .payments()
            .check_payment("forged", "EUR", 1800, Some("de"))
            .await
            .unwrap()
            .unwrap_err()
            .contains("kennen wir nicht")
    );
    assert_eq!(
        engine
            .payments()
            .check_payment(&payment.id, "eur", 1800, None)
            .await
            .unwrap(),
        Ok(())
    );

    // Paid once: the receipt and the desk's line with it; the same event again changes
    // nothing; another event for the paid request is refused.
    clock.set(at("09:30"));
    let paid = engine
        .payments()
        .record_paid(
            &payment.id,
            "telegram:ch1",
            "telegram",
            Some("prov1"),
            Some("ch1"),
        )
        .await
        .unwrap();
    assert!(matches!(paid, Recorded::Paid(_)), "{paid:?}");
    assert_eq!(
        engine
            .payments()
            .record_paid(
                &payment.id,
                "telegram:ch1",
                "telegram",
                Some("prov1"),
                Some("ch1")
            )
            .await
            .unwrap(),
        Recorded::Again
    );
    assert_eq!(
        engine
            .payments()
            .record_paid(&payment.id, "stripe:evt2", "stripe", Some("pi_2"), None)
            .await
            .unwrap(),
        Recorded::NotOpen
    );
    let twice = outbox(
        &engine,
        schalter_core::timers::PAYMENTS_CONVERSATION,
        "paid-twice",
    )
    .await;
    assert_eq!(
        twice.len(),
        1,
        "the desk is told to refund the second payment"
    );
    assert!(twice[0].text.contains("pi_2"), "{}", twice[0].text);
    let receipts = outbox(&engine, CITIZEN, "receipt").await;
    assert_eq!(receipts.len(), 1);
    assert!(
        receipts[0].text.contains(&payment.reference),
        "{}",
        receipts[0].text
    );
    assert!(receipts[0].text.contains("prov1"), "{}", receipts[0].text);
    let desk = outbox(
        &engine,
        schalter_core::timers::PAYMENTS_CONVERSATION,
        "paid",
    )
    .await;
    assert_eq!(desk.len(), 1);
    assert!(desk[0].text.contains(&b.reference), "{}", desk[0].text);
    let stored = engine
        .store()
        .payments()
        .payment(&payment.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.state, PaymentState::Paid);
    assert_eq!(stored.telegram_charge_id.as_deref(), Some("ch1"));

    // A paid request no longer changes, takes no payment, and shows in the day's agenda.
    assert!(matches!(
        engine
            .payments()
            .set_fee(CLERK, Some(100), None)
            .await
            .unwrap(),
        Fee::AlreadyPaid(_)
    ));
    assert!(
        engine
            .payments()
            .check_payment(&payment.id, "EUR", 1800, None)
            .await
            .unwrap()
            .unwrap_err()
            .contains("already been paid")
    );
    let today = engine
        .scheduler()
        .agenda_text(Lang::De, at("09:30").date_naive(), false)
        .await
        .unwrap();
    assert!(today.contains("Gebühr bezahlt"), "{today}");
    assert_eq!(
        engine
            .store()
            .payments()
            .payment_by_reference(&b.reference)
            .await
            .unwrap()
            .map(|p| p.id),
        Some(payment.id.clone())
    );

    // Refunds are recorded; the whole amount makes it refunded.
    engine
        .store()
        .payments()
        .record_refund(&payment.id, 500, at("10:00"))
        .await
        .unwrap();
    let p = engine
        .store()
        .payments()
        .payment(&payment.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((p.refunded_cents, p.state), (500, PaymentState::Paid));
    engine
        .store()
        .payments()
        .record_refund(&payment.id, 1300, at("10:00"))
        .await
        .unwrap();
    let p = engine
        .store()
        .payments()
        .payment(&payment.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.state, PaymentState::Refunded);
    db.drop_db().await;
}

/// A free service asks for nothing; a request carries the hint to pay as agreed for
/// channels that cannot take the payment.
async fn free_and_offline(db: TestDb) {
    let (engine, clock) = engine(&db.store, at("08:00"));
    let b = book(
        &engine,
        "matrix:@otto:example.org",
        "anmeldung",
        at("09:00"),
    )
    .await;
    let m = book(
        &engine,
        "matrix:@mia:example.org",
        "meldebescheinigung",
        at("09:10"),
    )
    .await;
    clock.set(at("09:05"));
    engine
        .waiting_room()
        .check_in(&schalter_tests::conv("matrix:@otto:example.org"), &b.id)
        .await
        .unwrap();
    engine
        .waiting_room()
        .check_in(&schalter_tests::conv("matrix:@mia:example.org"), &m.id)
        .await
        .unwrap();
    for _ in 0..2 {
        engine.desk().pick_next(CLERK, None, None).await.unwrap();
        engine
            .desk()
            .finish_call(CLERK, schalter_core::store::Finish::Done { note: None })
            .await
            .unwrap()
            .unwrap();
    }
    assert!(
        outbox(&engine, "matrix:@otto:example.org", "payment")
            .await
            .is_empty()
    );
    let asks = outbox(&engine, "matrix:@mia:example.org", "payment").await;
    assert_eq!(asks.len(), 1);
    // The channel decides how: without a payment configured it adds the offline hint.
    let ask = asks[0].payment.clone().expect("what a channel needs");
    assert!(
        ask.offline_hint.contains("as agreed"),
        "{}",
        ask.offline_hint
    );
    assert_eq!(ask.amount_cents, 1000);
    db.drop_db().await;
}

#[tokio::test]
async fn fees_on_sqlite() {
    story(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn fees_on_postgres() {
    story(TestDb::postgres().await).await;
}

#[tokio::test]
async fn free_and_offline_on_sqlite() {
    free_and_offline(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn free_and_offline_on_postgres() {
    free_and_offline(TestDb::postgres().await).await;
}
