//! Stripe down or faulty: the citizen is told once, and one link of one session follows.

use std::time::{Duration, Instant};

use schalter_tests::stripe_fake::StripeFake;
use schalter_tests::terminal::Desk;
use schalter_tests::{Serve, TestDb};

use crate::office::{Office, call_and_finish, refs, stripe_env};
use crate::terminal::{checkout_url, terminal_booking, terminal_check_in, until_link};
use crate::{CHECK_IN, CLERK};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provider_down_then_link_arrives() {
    let db = TestDb::sqlite().await;
    let fake = StripeFake::start().await;
    let base = stripe_env(&db, &fake);
    let reference = terminal_booking(&db, "omar", "Meldebescheinigung", &base).await;
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    fake.set_webhook(&format!("{}/payments/stripe", serve.http));
    let mut chat = terminal_check_in(&db, "omar", &office.env(&base)).await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;

    fake.set_down(true);
    let done = call_and_finish(&mut desk, &reference, "Meldebescheinigung").await;
    assert!(done.contains("10,00 €"), "{done}");
    let told = chat
        .wait_for_notice("Der Zahlungslink lässt sich gerade nicht erstellen")
        .await;
    assert!(told.text.contains("in Kürze"), "{told:#?}");
    // Let it fail a few times (back-off 1 s, 2 s …), then Stripe is back.
    let deadline = Instant::now() + Duration::from_secs(15);
    while fake.calls("/v1/checkout/sessions") < 2 {
        assert!(Instant::now() < deadline, "no retry while Stripe is down");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(fake.sessions().is_empty());
    let failed = fake.calls("/v1/checkout/sessions");
    fake.set_down(false);
    let back = Instant::now();
    let (request, before_link) = until_link(
        &mut chat,
        Duration::from_secs(30),
        "the link within 30 s of Stripe coming back",
    )
    .await;
    assert!(
        back.elapsed() < Duration::from_secs(30),
        "the link came {:?} after Stripe was back",
        back.elapsed()
    );
    assert!(
        !before_link
            .iter()
            .any(|b| b.text.contains("Zahlungslink lässt sich gerade nicht")),
        "the citizen is told once, not at every retry: {before_link:#?}"
    );
    assert!(
        request
            .text
            .contains("Gebühr für Meldebescheinigung: 10,00 €"),
        "{request:#?}"
    );
    let url = checkout_url(&request);
    let sessions = fake.sessions();
    assert_eq!(
        sessions.len(),
        1,
        "one session for all the retries: {sessions:#?}"
    );
    assert_eq!(sessions[0]["amount_total"], 1000);
    assert_eq!(sessions[0]["url"], url.as_str());
    eprintln!(
        "checkout calls: {failed} while down, {} in all; link {:?} after recovery",
        fake.calls("/v1/checkout/sessions"),
        back.elapsed()
    );

    // And it can be paid.
    let session_id = sessions[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(fake.pay(&session_id).await, 200);
    let payment_ref = request.references()[0].clone();
    let receipt = chat.wait_for_notice("Zahlung ist eingegangen").await;
    assert!(receipt.text.contains(&payment_ref), "{receipt:#?}");
    desk.wait_for("Zahlung eingegangen").await;

    assert!(desk.finish().await.success());
    assert!(chat.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}

/// Stripe's bad minutes (a 500, a 429, a connection dropped before the answer, one dropped
/// after Stripe made the session): the citizen is told once that the link follows, and gets
/// one link, of one session, every try with the same idempotency key. A refund that meets a
/// 500 and then a drop after Stripe refunded goes through once, with one key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stripe_faults_are_retried_with_one_key_and_one_session() {
    use schalter_tests::stripe_fake::StripeFault;
    const SESSIONS: &str = "/v1/checkout/sessions";
    let db = TestDb::sqlite().await;
    let fake = StripeFake::start().await;
    let base = stripe_env(&db, &fake);
    let reference = terminal_booking(&db, "pia", "Meldebescheinigung", &base).await;
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    fake.set_webhook(&format!("{}/payments/stripe", serve.http));
    let mut chat = terminal_check_in(&db, "pia", &office.env(&base)).await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;

    for fault in [
        StripeFault::Status(500),
        StripeFault::Status(429),
        StripeFault::Drop,
        StripeFault::DropAfterCommit,
    ] {
        fake.inject(SESSIONS, fault, 1);
    }
    let faulted = Instant::now();
    let done = call_and_finish(&mut desk, &reference, "Meldebescheinigung").await;
    assert!(done.contains("10,00 €"), "{done}");
    let (request, before_link) = until_link(
        &mut chat,
        Duration::from_secs(60),
        "the link within 60 s of the first fault",
    )
    .await;
    eprintln!(
        "stripe: after a 500, a 429, a drop and a drop after commit, the link came after {:?}",
        faulted.elapsed()
    );
    assert_eq!(fake.injected(), 4, "every fault was met");
    let told: Vec<_> = before_link
        .iter()
        .filter(|b| b.text.contains("Zahlungslink lässt sich gerade nicht"))
        .collect();
    assert_eq!(
        told.len(),
        1,
        "told once that the link follows: {before_link:#?}"
    );
    let sessions = fake.sessions();
    assert_eq!(
        sessions.len(),
        1,
        "one session for all tries: {sessions:#?}"
    );
    assert_eq!(sessions[0]["url"], checkout_url(&request).as_str());
    let keys = fake.idempotency_keys(SESSIONS);
    assert_eq!(
        keys.len(),
        5,
        "four faults and the try that got the session: {keys:?}"
    );
    assert!(
        keys.iter().all(|k| k.is_some() && *k == keys[0]),
        "every try with the same key: {keys:?}"
    );
    let more = chat.blocks_within(Duration::from_secs(2)).await;
    assert!(
        !more.iter().any(|b| b.text.contains("checkout.stripe.com")),
        "the link came once: {more:#?}"
    );

    // Paid, then a refund through a 500 and a drop after Stripe refunded.
    let session_id = sessions[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(fake.pay(&session_id).await, 200);
    chat.wait_for_notice("Zahlung ist eingegangen").await;
    desk.wait_for("Zahlung eingegangen").await;
    fake.inject("/v1/refunds", StripeFault::Status(500), 1);
    fake.inject("/v1/refunds", StripeFault::DropAfterCommit, 1);
    let refund = desk
        .command(&format!("refund {reference} 4"), "rstatt")
        .await;
    assert!(
        refund.contains("4,00 €") && refund.contains("erstattet"),
        "desk-refund-done: {refund}"
    );
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1, "refunded once: {refunds:#?}");
    assert_eq!(refunds[0]["amount"], 400, "{refunds:#?}");
    let keys = fake.idempotency_keys("/v1/refunds");
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(
        keys.iter().all(|k| k.is_some() && *k == keys[0]),
        "every try of the refund with the same key: {keys:?}"
    );

    assert!(desk.finish().await.success());
    assert!(chat.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}
