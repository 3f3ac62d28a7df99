//! The terminal citizen's steps and Stripe's side: a booking, check-in, the link, an event.

use std::time::Duration;

use schalter_tests::TestDb;
use schalter_tests::terminal::{Chat, Printed};
use serde_json::json;

use crate::MORNING;
use crate::office::refs;

/// A terminal citizen books `service` at 07:55 for 08:30; returns the booking reference.
pub(crate) async fn terminal_booking(
    db: &TestDb,
    user: &str,
    service: &str,
    base: &[(&'static str, String)],
) -> String {
    let mut env = base.to_vec();
    env.push(("SCHALTER_CLOCK_START", MORNING.to_owned()));
    let (mut chat, menu) = Chat::start_with(&db.url, user, Some("de"), &refs(&env)).await;
    let services = chat
        .send(&menu.number_of("Termin buchen").to_string())
        .await;
    let checklist = chat.send(&services.number_of(service).to_string()).await;
    let days = chat
        .send(&checklist.number_of("Terminwahl").to_string())
        .await;
    let times = chat.send(&days.number_of("Dienstag").to_string()).await;
    let held = chat.send(&times.number_of("08:30").to_string()).await;
    let booked = chat.send(&held.number_of("bestätigen").to_string()).await;
    let reference = booked
        .references()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a booking reference in {booked:#?}"));
    assert!(chat.finish().await.success());
    reference
}

/// The terminal citizen comes back at check-in time and checks in.
pub(crate) async fn terminal_check_in(
    db: &TestDb,
    user: &str,
    env: &[(&'static str, String)],
) -> Chat {
    let (mut chat, resumed) = Chat::start_with(&db.url, user, None, &refs(env)).await;
    assert!(resumed.options[0].contains("einchecken"), "{resumed:#?}");
    let waiting = chat.send("1").await;
    assert!(
        waiting.text.contains("Ihr Platz in der Reihe: 1"),
        "{waiting:#?}"
    );
    chat
}

/// Reads blocks until the payment request with its link arrives (each within `limit`);
/// returns it and what came before it.
pub(crate) async fn until_link(
    chat: &mut Chat,
    limit: Duration,
    what: &str,
) -> (Printed, Vec<Printed>) {
    let mut before = Vec::new();
    loop {
        let block = tokio::time::timeout(limit, chat.read_block())
            .await
            .expect(what);
        if block.notice && block.text.contains("https://checkout.stripe.com/") {
            return (block, before);
        }
        before.push(block);
    }
}

/// The link line of a payment request.
pub(crate) fn checkout_url(request: &Printed) -> String {
    request
        .text
        .lines()
        .find(|l| l.starts_with("https://checkout.stripe.com/"))
        .unwrap_or_else(|| panic!("a Checkout link on a line of its own: {request:#?}"))
        .to_owned()
}

/// Unix seconds by the wall clock, as Stripe stamps its signatures (not the office clock).
pub(crate) fn wall_clock() -> i64 {
    schalter_core::Clock::now(&schalter_core::SystemClock).timestamp()
}

/// A `checkout.session.completed` as Stripe would send it for `payment_id`, unsigned.
pub(crate) fn completed_event(session_id: &str, payment_id: &str) -> String {
    serde_json::to_string_pretty(&json!({
        "id": "evt_1ForgedForgedForged0001",
        "object": "event",
        "api_version": schalter_tests::stripe_fake::API_VERSION,
        "created": wall_clock(),
        "data": {"object": {
            "id": session_id,
            "object": "checkout.session",
            "amount_total": 1,
            "currency": "eur",
            "metadata": {"payment_id": payment_id},
            "mode": "payment",
            "payment_intent": "pi_3ForgedForgedForged0001",
            "payment_status": "paid",
            "status": "complete",
        }},
        "livemode": false,
        "type": "checkout.session.completed",
    }))
    .expect("JSON")
}
