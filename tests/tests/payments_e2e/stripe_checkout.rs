//! Stripe Checkout for a terminal citizen: paid by a signed webhook, refunds, an expired link.

use std::time::Duration;

use schalter_core::store::PaymentState;
use schalter_tests::stripe_fake::StripeFake;
use schalter_tests::terminal::Desk;
use schalter_tests::{Serve, TestDb};

use crate::office::{Office, call_and_finish, refs, stripe_env};
use crate::records::{admin_lists_one, metrics_count_one, payment, receipt_rows};
use crate::terminal::{
    checkout_url, completed_event, terminal_booking, terminal_check_in, wall_clock,
};
use crate::{CHECK_IN, CLERK};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stripe_link_for_a_terminal_citizen_paid_by_webhook() {
    let db = TestDb::postgres().await;
    let fake = StripeFake::start().await;
    let base = stripe_env(&db, &fake);
    let reference = terminal_booking(&db, "lena", "Meldebescheinigung", &base).await;
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    fake.set_webhook(&format!("{}/payments/stripe", serve.http));
    let mut chat = terminal_check_in(&db, "lena", &office.env(&base)).await;

    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    let picked = desk.command("next", "Aufgerufen").await;
    assert!(picked.contains(&reference), "{picked}");
    let fee = desk.command("fee 5 Beglaubigung", "Gebühr für").await;
    assert!(
        fee.contains("15,00 €") && fee.contains("mit „done“"),
        "an item added during the call waits for done: {fee}"
    );
    let done = desk.command("done", "erledigt").await;
    assert!(
        done.contains("15,00 €") && done.contains("verschickt"),
        "{done}"
    );

    // The citizen gets the request with both items and a Checkout link.
    let request = chat.wait_for_notice("https://checkout.stripe.com/").await;
    for needle in [
        "Gebühr für Meldebescheinigung: 15,00 €",
        "· Meldebescheinigung: 10,00 €",
        "· Beglaubigung: 5,00 €",
        "Jetzt bezahlen",
    ] {
        assert!(request.text.contains(needle), "{needle:?} in {request:#?}");
    }
    let payment_ref = request
        .references()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a payment reference in {request:#?}"));
    let url = checkout_url(&request);
    let open = payment(&db, &payment_ref).await;
    assert_eq!(open.state, PaymentState::Open);
    assert_eq!(open.items.len(), 2, "{open:#?}");
    assert_eq!(open.amount_cents, 1500);
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 1, "{sessions:#?}");
    let session = &sessions[0];
    let session_id = session["id"].as_str().expect("session id").to_owned();
    assert_eq!(session["amount_total"], 1500, "{session:#}");
    assert_eq!(session["currency"], "eur", "{session:#}");
    assert_eq!(session["url"], url.as_str(), "{session:#}");
    assert_eq!(
        session["metadata"]["payment_id"],
        open.id.as_str(),
        "{session:#}"
    );
    assert_eq!(
        session["success_url"], "https://example.org/back",
        "{session:#}"
    );
    assert_eq!(session["locale"], "de", "{session:#}");
    assert_eq!(open.checkout_id.as_deref(), Some(session_id.as_str()));

    // Forged, stale and unsigned webhooks: 400, nothing recorded.
    let body = completed_event(&session_id, &open.id);
    let now = wall_clock();
    let other_body = body.replace("\"amount_total\": 1", "\"amount_total\": 2");
    for (what, signature) in [
        ("signed for another body", fake.sign(&other_body, now)),
        ("ten minutes old", fake.sign(&body, now - 600)),
        ("garbage", format!("t={now},v1=00ff")),
        ("unsigned", String::new()),
    ] {
        assert_eq!(fake.send_raw(&body, &signature).await, 400, "{what}");
    }
    assert_eq!(payment(&db, &payment_ref).await.state, PaymentState::Open);
    let state = desk
        .command(&format!("paid {reference}"), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("offen"),
        "still open after forgeries: {state}"
    );

    // Stripe's signed event: paid, receipt and desk line.
    assert_eq!(fake.pay(&session_id).await, 200);
    let receipt = chat.wait_for_notice("Zahlung ist eingegangen").await;
    for needle in [
        payment_ref.as_str(),
        "15,00 €",
        "Meldebescheinigung",
        "Zahlungs-ID: pi_",
    ] {
        assert!(receipt.text.contains(needle), "{needle:?} in {receipt:#?}");
    }
    let line = desk.wait_for("Zahlung eingegangen").await;
    assert!(
        line.contains(&reference) && line.contains("15,00 €") && line.contains(&payment_ref),
        "{line}"
    );
    let paid = payment(&db, &payment_ref).await;
    assert_eq!(paid.state, PaymentState::Paid);
    assert_eq!(paid.provider.as_deref(), Some("stripe"));
    let intent = fake.session(&session_id).expect("session")["payment_intent"]
        .as_str()
        .expect("paid session has a payment intent")
        .to_owned();
    assert_eq!(paid.provider_charge_id.as_deref(), Some(intent.as_str()));

    // Stripe retries the same event: acknowledged, nothing new.
    assert_eq!(fake.replay_last().await, 200);
    let more = chat.blocks_within(Duration::from_secs(3)).await;
    assert!(
        !more
            .iter()
            .any(|b| b.text.contains("Zahlung ist eingegangen")),
        "a second receipt: {more:#?}"
    );
    let more = desk.blocks_within(Duration::from_millis(500)).await;
    assert!(
        !more.iter().any(|b| b.contains("Zahlung eingegangen")),
        "a second desk line: {more:#?}"
    );
    assert_eq!(
        receipt_rows(&db, &paid).await,
        (1, 1),
        "receipt written once"
    );

    admin_lists_one(&serve, "paid", &payment_ref, 1500, 1500, "stripe").await;
    // Checked at the end, after everything else.
    let metrics_when_paid = metrics_count_one(&serve, "paid", 1500).await;

    // Refunds go through Stripe, never above what is left.
    let refund = desk
        .command(&format!("refund {reference} 5"), "rstatt")
        .await;
    assert!(
        refund.contains("5,00 €") && refund.contains("erstattet"),
        "desk-refund-done: {refund}"
    );
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1, "{refunds:#?}");
    assert_eq!(refunds[0]["amount"], 500, "{refunds:#?}");
    assert_eq!(
        refunds[0]["payment_intent"],
        intent.as_str(),
        "{refunds:#?}"
    );
    let state = desk
        .command(&format!("paid {reference}"), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("bezahlt") && state.contains("davon erstattet: 5,00 €"),
        "{state}"
    );
    assert_eq!(payment(&db, &payment_ref).await.refunded_cents, 500);
    let too_much = desk
        .command(&format!("refund {reference} 20"), "rstatt")
        .await;
    assert!(
        too_much.contains("höchstens noch 10,00 €"),
        "desk-refund-too-much: {too_much}"
    );
    assert_eq!(fake.refunds().len(), 1, "no refund above what is left");
    // The rest: refunded in full.
    let rest = desk.command(&format!("refund {reference}"), "rstatt").await;
    assert!(rest.contains("10,00 €"), "{rest}");
    let state = desk
        .command(&format!("paid {reference}"), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("erstattet") && state.contains("davon erstattet: 15,00 €"),
        "{state}"
    );
    assert_eq!(
        payment(&db, &payment_ref).await.state,
        PaymentState::Refunded
    );
    admin_lists_one(&serve, "refunded", &payment_ref, 1500, 0, "stripe").await;
    let metrics_when_refunded = metrics_count_one(&serve, "refunded", 1500).await;

    assert!(desk.finish().await.success());
    assert!(chat.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
    if let Err(e) = metrics_when_paid.and(metrics_when_refunded) {
        panic!("{e}");
    }
}

/// A link that ran out is replaced: the expired session's webhook forgets it, and the open
/// fee in `/appointments` sends the request again with a fresh checkout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_link_is_replaced_by_a_fresh_one() {
    let db = TestDb::sqlite().await;
    let fake = StripeFake::start().await;
    let base = stripe_env(&db, &fake);
    let reference = terminal_booking(&db, "pia", "Meldebescheinigung", &base).await;
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    fake.set_webhook(&format!("{}/payments/stripe", serve.http));
    let mut chat = terminal_check_in(&db, "pia", &office.env(&base)).await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    call_and_finish(&mut desk, &reference, "Meldebescheinigung").await;
    // Both the link and the question how it went must be out before typing, or the
    // question would be taken for the answer to `/appointments`.
    let (mut first, mut asked) = (None, false);
    while first.is_none() || !asked {
        let block = chat.read_block().await;
        if block.notice && block.text.contains("https://checkout.stripe.com/") {
            first = Some(block);
        } else {
            asked |= block.text.contains("Wie zufrieden");
        }
    }
    let first_url = checkout_url(&first.expect("the link"));
    let first_session = fake.sessions()[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(fake.expire_and_notify(&first_session).await, 200);

    // The terminal shows the question again as the current step once its notice is out;
    // that showing may come after the command was typed, and is not its answer.
    let mut list = chat.send("/appointments").await;
    while list.text.contains("Wie zufrieden") {
        list = chat.read().await;
    }
    assert!(list.text.contains("Offene Gebühr: 10,00 €"), "{list:#?}");
    let pay = list.number_of("10,00 € bezahlen");
    chat.send(&pay.to_string()).await;
    let again = chat.wait_for_notice("https://checkout.stripe.com/").await;
    let fresh_url = checkout_url(&again);
    assert_ne!(
        fresh_url, first_url,
        "a fresh checkout, not the expired one"
    );
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 2, "{sessions:#?}");
    let fresh = sessions
        .iter()
        .find(|s| s["url"] == fresh_url.as_str())
        .expect("the fresh session");
    assert_eq!(fresh["status"], "open");
    assert_eq!(fake.pay(fresh["id"].as_str().unwrap()).await, 200);
    chat.wait_for_notice("Zahlung ist eingegangen").await;

    assert!(desk.finish().await.success());
    assert!(chat.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}
