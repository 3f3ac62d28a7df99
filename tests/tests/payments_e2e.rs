//! Fees paid from home, end to end: the real `schalter` processes (serve, a citizen's
//! terminal, a clerk's terminal desk) against the Telegram emulator and the Stripe fake.
//!
//! - A Telegram citizen gets a native invoice after the call; a tampered pre-checkout is
//!   refused, the right one accepted in time, the payment recorded once (a repeated
//!   `successful_payment` gives no second receipt), the desk gets its line.
//! - A terminal citizen gets a Stripe Checkout link; a forged webhook changes nothing, the
//!   signed one records the payment once (a replay does nothing), refunds go through Stripe.
//! - A provider that is down: the citizen hears the link follows, and it does.
//! - `kill -9` between the payment and its receipt: the receipt still comes, once.
//!
//! Every process runs on the same shifted office clock (see [`Office`]).

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};
use schalter_core::store::{Booking, HoldRequest, Payment, PaymentState};
use schalter_tests::stripe_fake::StripeFake;
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TOKEN, TgUser};
use schalter_tests::terminal::{Chat, Desk, Printed};
use schalter_tests::{Serve, TestDb};
use serde_json::{Value, json};

const CLERK: &str = "@anna:example.org";
/// A BotFather test payment token.
const PAYMENT_TOKEN: &str = "284685063:TEST:schalter";
const ADMIN_TOKEN: &str = "payments-e2e-admin-token-0123456789abcdef";
const LOG: &str = "warn,outbox=info,inbound=info,payments=info,telegram=info";
/// Tuesday 2 February 2027, 07:55 in Heidelberg: the day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// 08:25: check-in for the 08:30 slot is open.
const CHECK_IN: &str = "2027-02-02T08:25:00+01:00";
const SLOT: &str = "2027-02-02T08:30:00+01:00";

/// The office's shifted clock, shared by every process of a test: each one starts at the
/// office time that has passed since the test began, so that they all read the same time
/// (a process started later with the same fixed `SCHALTER_CLOCK_START` would lag behind, and
/// retries it plans would be late for the others).
struct Office {
    start: DateTime<FixedOffset>,
    began: Instant,
}

impl Office {
    fn new(start: &str) -> Self {
        Self {
            start: DateTime::parse_from_rfc3339(start).expect("RFC 3339"),
            began: Instant::now(),
        }
    }

    /// `SCHALTER_CLOCK_START` for a process started now.
    fn now(&self) -> String {
        let passed = chrono::Duration::from_std(self.began.elapsed()).expect("short test");
        (self.start + passed).to_rfc3339()
    }

    /// `base` with the office clock as of now.
    fn env(&self, base: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut env = base.to_vec();
        env.push(("SCHALTER_CLOCK_START", self.now()));
        env
    }
}

fn refs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

/// What every process of a test shares: the database, the desk's clerk, logs.
fn common(db: &TestDb) -> Vec<(&'static str, String)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.clone()),
        ("SCHALTER_MATRIX_CLERKS", CLERK.into()),
        ("SCHALTER_VIDEO_BASE_URL", "https://meet.example.org".into()),
        ("SCHALTER_ADMIN_TOKEN", ADMIN_TOKEN.into()),
        ("SCHALTER_LOG", LOG.into()),
    ]
}

/// Telegram with native invoices. The desk needs it too: whoever says `done` decides how
/// the citizen is asked to pay.
fn telegram_env(db: &TestDb, emu: &Emulator) -> Vec<(&'static str, String)> {
    let mut env = common(db);
    env.extend([
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN.to_owned()),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.clone()),
        ("SCHALTER_TELEGRAM_PAYMENT_TOKEN", PAYMENT_TOKEN.to_owned()),
    ]);
    env
}

/// Stripe Checkout for the terminal citizen.
fn stripe_env(db: &TestDb, fake: &StripeFake) -> Vec<(&'static str, String)> {
    let mut env = common(db);
    env.extend([
        ("SCHALTER_PAYMENT_PROVIDER", "stripe".to_owned()),
        ("SCHALTER_STRIPE_SECRET_KEY", fake.secret_key.clone()),
        (
            "SCHALTER_STRIPE_WEBHOOK_SECRET",
            fake.webhook_secret.clone(),
        ),
        ("SCHALTER_STRIPE_API_URL", fake.url.clone()),
        (
            "SCHALTER_PAYMENT_RETURN_URL",
            "https://example.org/back".to_owned(),
        ),
    ]);
    env
}

/// Booking (`XXXX-XXXX`) and payment references in `text`, in order.
fn references(text: &str) -> Vec<String> {
    Printed {
        text: text.to_owned(),
        ..Default::default()
    }
    .references()
}

/// An 08:30 booking of `service` for a Telegram chat, made earlier in the morning, and the
/// conversation started in German.
async fn telegram_booking(db: &TestDb, chat: i64, service: &str) -> Booking {
    let conversation = format!("telegram:{chat}");
    let (engine, _) = schalter_tests::engine(&db.store, at(MORNING));
    let start = at(SLOT);
    let have = Vec::new();
    let held = db
        .store
        .hold(
            &HoldRequest {
                conversation_id: &conversation,
                service,
                lang: "de",
                starts_at: start,
                ends_at: start + chrono::Duration::minutes(10),
                unit: chrono::Duration::minutes(10),
                desks: 3,
                checklist: &have,
                hold_until: at(MORNING) + chrono::Duration::minutes(5),
            },
            at(MORNING),
        )
        .await
        .expect("hold")
        .expect("slot free");
    let booking = db
        .store
        .confirm(&held.id, at(MORNING))
        .await
        .expect("confirm")
        .expect("confirmed");
    engine
        .handle_keyed(
            &conversation,
            Some("1"),
            Some("de"),
            schalter_core::Input::Text("/start".into()),
        )
        .await
        .expect("conversation started");
    booking
}

/// Types `text` on Telegram and returns the bot's next message.
async fn say(emu: &Emulator, user: &TgUser, text: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.send_text(user, text);
    emu.wait_message(user.id, before, |_| true).await
}

/// The Telegram citizen checks in for their booking.
async fn telegram_check_in(emu: &Emulator, user: &TgUser, booking: &Booking) {
    let menu = say(emu, user, "/start").await;
    let checkin = format!("checkin:{}", booking.id);
    assert_eq!(menu.buttons()[0].1, checkin, "check-in offered: {menu:#?}");
    let before = emu.last_id(user.id);
    emu.press(user, &menu, &checkin);
    emu.wait_text(user.id, before, "Ihr Platz in der Reihe: 1")
        .await;
}

/// The clerk calls the citizen and ends the call: returns the desk's answer to `done`.
async fn call_and_finish(desk: &mut Desk, reference: &str, service: &str) -> String {
    let picked = desk.command("next", "Aufgerufen").await;
    assert!(
        picked.contains(reference) && picked.contains(service),
        "the booked citizen is called: {picked}"
    );
    let done = desk.command("done", "erledigt").await;
    assert!(done.contains(reference), "{done}");
    done
}

/// The invoice sent to a Telegram chat after message `after`.
async fn invoice(emu: &Emulator, chat: i64, after: i64) -> BotMessage {
    emu.wait_message(chat, after, |m| m.invoice.is_some()).await
}

fn receipts(emu: &Emulator, chat: i64) -> Vec<BotMessage> {
    emu.messages(chat)
        .into_iter()
        .filter(|m| m.text.contains("Zahlung ist eingegangen"))
        .collect()
}

async fn payment(db: &TestDb, reference: &str) -> Payment {
    db.store
        .payment_by_reference(reference)
        .await
        .expect("read payment")
        .unwrap_or_else(|| panic!("no payment {reference}"))
}

/// How often a receipt for `payment` was written to the outbox: (rows, version of the row).
/// A second recording would bump the version, so `(1, 1)` means written once.
async fn receipt_rows(db: &TestDb, p: &Payment) -> (i64, i64) {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT version FROM notifications WHERE conversation_id = $1 AND slot = $2",
    )
    .bind(&p.conversation_id)
    .bind(format!("receipt:{}", p.id))
    .fetch_all(db.store.pool())
    .await
    .expect("read outbox");
    (
        i64::try_from(rows.len()).expect("few rows"),
        rows.first().map_or(0, |r| r.0),
    )
}

/// Waits until the payment is in `state` (10 s at most).
async fn wait_state(db: &TestDb, reference: &str, state: PaymentState) -> Payment {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let p = payment(db, reference).await;
        if p.state == state {
            return p;
        }
        assert!(
            Instant::now() < deadline,
            "payment {reference} not {state:?} within 10 s: {p:#?}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// `GET /admin/api/payments?state=STATE` (with the admin token): exactly one payment, this
/// one, of `cents`, with `net` paid minus refunded in the day's sums.
async fn admin_lists_one(
    serve: &Serve,
    state: &str,
    reference: &str,
    cents: i64,
    net: i64,
    provider: &str,
) {
    let client = reqwest::Client::new();
    let url = format!("{}/admin/api/payments?state={state}", serve.http);
    let unauthorized = client.get(&url).send().await.expect("admin API");
    assert_eq!(
        unauthorized.status(),
        401,
        "the payments list needs the token"
    );
    let r = client
        .get(&url)
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .expect("admin API");
    let status = r.status();
    let body = r.text().await.expect("admin API body");
    assert_eq!(status, 200, "GET /admin/api/payments?state={state}: {body}");
    let list: Value = serde_json::from_str(&body).expect("JSON");
    let payments = list["payments"].as_array().expect("payments array");
    assert_eq!(payments.len(), 1, "{list:#}");
    assert_eq!(payments[0]["reference"], reference, "{list:#}");
    assert_eq!(payments[0]["amount_cents"], cents, "{list:#}");
    assert_eq!(payments[0]["state"], state, "{list:#}");
    assert_eq!(payments[0]["provider"], provider, "{list:#}");
    assert_eq!(list["sums"][0]["paid_cents"], net, "{list:#}");
    assert!(
        !body.contains("telegram:") && !body.contains("terminal:"),
        "no conversation ids in the admin list: {body}"
    );
}

/// Checks that `/metrics` counts one payment in `state` with `cents`; `Err` says why not
/// (so that a test can check everything else first).
async fn metrics_count_one(serve: &Serve, state: &str, cents: i64) -> Result<(), String> {
    let r = reqwest::Client::new()
        .get(format!("{}/metrics", serve.http))
        .send()
        .await
        .expect("metrics");
    let status = r.status();
    let metrics = r.text().await.expect("metrics body");
    if status != 200 {
        return Err(format!("GET /metrics answered {status}: {metrics}"));
    }
    for line in [
        format!("schalter_payments_total{{state=\"{state}\"}} 1\n"),
        format!("schalter_payments_amount_cents{{state=\"{state}\"}} {cents}\n"),
    ] {
        if !metrics.contains(&line) {
            return Err(format!("/metrics lacks {line:?}:\n{metrics}"));
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_invoice_paid_once_with_receipt_and_desk_line() {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let hanna = TgUser::new(6101, "Hanna", Some("de"));
    let booking = telegram_booking(&db, hanna.id, "fuehrungszeugnis").await;
    let base = telegram_env(&db, &emu);
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    telegram_check_in(&emu, &hanna, &booking).await;

    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    let before = emu.last_id(hanna.id);
    let done = call_and_finish(&mut desk, &booking.reference, "Führungszeugnis").await;
    assert!(
        done.contains("13,00 €") && done.contains("Zahlungsaufforderung ist verschickt"),
        "the fee went out with done: {done}"
    );

    // The invoice: 13,00 € in euros, our payment reference in its description.
    let invoice_message = invoice(&emu, hanna.id, before).await;
    let invoice = invoice_message.invoice.clone().expect("an invoice");
    assert_eq!(invoice.total_amount, 1300, "{invoice:#?}");
    assert_eq!(invoice.currency, "EUR", "{invoice:#?}");
    assert!(invoice.title.contains("Führungszeugnis"), "{invoice:#?}");
    let payment_ref = references(&invoice.description)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a payment reference in {invoice:#?}"));
    let open = payment(&db, &payment_ref).await;
    assert_eq!(open.state, PaymentState::Open);
    assert_eq!(
        open.visit_reference.as_deref(),
        Some(booking.reference.as_str())
    );
    assert_eq!(invoice.payload, open.id, "the payload is the payment's id");
    let state = desk
        .command(&format!("paid {}", booking.reference), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("offen") && state.contains(&payment_ref),
        "{state}"
    );

    // Tampered pre-checkouts are refused with the reason, in German.
    for (currency, amount, payload) in [
        ("EUR", 130, invoice.payload.as_str()),
        ("USD", 1300, invoice.payload.as_str()),
    ] {
        let q = emu.pre_checkout_with(&hanna, currency, amount, payload);
        let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
        assert!(!ok, "{currency} {amount} must be refused");
        let error = error.unwrap_or_default();
        assert!(
            error.contains("Dieser Betrag passt nicht zur offenen Gebühr"),
            "{currency} {amount}: {error:?}"
        );
    }
    let q = emu.pre_checkout_with(&hanna, "EUR", 1300, "no-such-payment");
    let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
    assert!(!ok);
    assert!(
        error.unwrap_or_default().contains("kennen wir nicht"),
        "unknown payload"
    );

    // The real one is accepted well within Telegram's 10 s.
    let q = emu.pre_checkout(&hanna, &invoice_message);
    let (ok, error, took) = emu.wait_pre_checkout_answer(&q).await;
    assert!(ok, "the right invoice is accepted: {error:?}");
    assert!(took < Duration::from_secs(10), "answered after {took:?}");

    // Paid: one receipt with the reference, one line at the desk.
    let before = emu.last_id(hanna.id);
    let paid_update = emu.pay(&hanna, &invoice_message);
    let receipt = emu
        .wait_text(hanna.id, before, "Zahlung ist eingegangen")
        .await;
    for needle in [
        payment_ref.as_str(),
        "13,00 €",
        "Führungszeugnis",
        "Zahlungs-ID: prov_",
    ] {
        assert!(receipt.text.contains(needle), "{needle:?} in {receipt:#?}");
    }
    let line = desk.wait_for("Zahlung eingegangen").await;
    assert!(
        line.contains(&booking.reference)
            && line.contains("13,00 €")
            && line.contains(&payment_ref),
        "the desk's line: {line}"
    );
    let paid = payment(&db, &payment_ref).await;
    assert_eq!(paid.state, PaymentState::Paid);
    assert_eq!(paid.provider.as_deref(), Some("telegram"));
    assert!(paid.telegram_charge_id.is_some(), "{paid:#?}");

    // The same payment again (Telegram redelivers): no second receipt, no second line.
    emu.pay_again(&hanna, paid_update);
    let more = desk.blocks_within(Duration::from_secs(3)).await;
    assert!(
        !more.iter().any(|b| b.contains("Zahlung eingegangen")),
        "a second desk line: {more:#?}"
    );
    assert_eq!(
        receipts(&emu, hanna.id).len(),
        1,
        "one receipt: {:#?}",
        emu.messages(hanna.id)
    );
    assert_eq!(
        receipt_rows(&db, &paid).await,
        (1, 1),
        "receipt written once"
    );
    assert!(
        db.store
            .pending_for("desk:payments", 10)
            .await
            .expect("outbox")
            .is_empty(),
        "the desk's line was delivered"
    );

    // Paying again is refused before it starts.
    let q = emu.pre_checkout(&hanna, &invoice_message);
    let (ok, error, took) = emu.wait_pre_checkout_answer(&q).await;
    assert!(!ok, "a paid invoice is not taken twice");
    assert!(took < Duration::from_secs(10), "answered after {took:?}");
    assert!(
        error.unwrap_or_default().contains("bereits bezahlt"),
        "payment-refused-closed"
    );

    // The desk: paid, and a Telegram payment is refunded at the provider.
    let state = desk
        .command(&format!("paid {}", booking.reference), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("bezahlt") && state.contains("13,00 €") && state.contains(&payment_ref),
        "{state}"
    );
    let by_payment_ref = desk
        .command(
            &format!("paid {}", payment_ref.to_lowercase()),
            "Zahlungsreferenz",
        )
        .await;
    assert!(by_payment_ref.contains("bezahlt"), "{by_payment_ref}");
    let refund = desk
        .command(&format!("refund {}", booking.reference), "rstatt")
        .await;
    assert!(
        refund.contains("beim Zahlungsanbieter")
            && refund.contains(paid.telegram_charge_id.as_deref().unwrap_or("?")),
        "desk-refund-at-provider: {refund}"
    );
    assert_eq!(payment(&db, &payment_ref).await.state, PaymentState::Paid);

    admin_lists_one(&serve, "paid", &payment_ref, 1300, 1300, "telegram").await;
    if let Err(e) = metrics_count_one(&serve, "paid", 1300).await {
        panic!("{e}");
    }

    assert!(desk.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}

/// A terminal citizen books `service` at 07:55 for 08:30; returns the booking reference.
async fn terminal_booking(
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
async fn terminal_check_in(db: &TestDb, user: &str, env: &[(&'static str, String)]) -> Chat {
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
async fn until_link(chat: &mut Chat, limit: Duration, what: &str) -> (Printed, Vec<Printed>) {
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
fn checkout_url(request: &Printed) -> String {
    request
        .text
        .lines()
        .find(|l| l.starts_with("https://checkout.stripe.com/"))
        .unwrap_or_else(|| panic!("a Checkout link on a line of its own: {request:#?}"))
        .to_owned()
}

/// Unix seconds by the wall clock, as Stripe stamps its signatures (not the office clock).
fn wall_clock() -> i64 {
    schalter_core::Clock::now(&schalter_core::SystemClock).timestamp()
}

/// A `checkout.session.completed` as Stripe would send it for `payment_id`, unsigned.
fn completed_event(session_id: &str, payment_id: &str) -> String {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn receipt_survives_a_kill_between_payment_and_receipt() {
    let db = TestDb::postgres().await;
    let emu = Emulator::start().await;
    let karl = TgUser::new(6104, "Karl", Some("de"));
    let booking = telegram_booking(&db, karl.id, "fuehrungszeugnis").await;
    let base = telegram_env(&db, &emu);
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    telegram_check_in(&emu, &karl, &booking).await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    let before = emu.last_id(karl.id);
    call_and_finish(&mut desk, &booking.reference, "Führungszeugnis").await;
    let invoice_message = invoice(&emu, karl.id, before).await;
    let payment_ref = references(
        &invoice_message
            .invoice
            .as_ref()
            .expect("invoice")
            .description,
    )[0]
    .clone();
    let q = emu.pre_checkout(&karl, &invoice_message);
    let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
    assert!(ok, "{error:?}");
    // Everything before the payment is out (the feedback question comes after the invoice).
    let conversation = format!("telegram:{}", karl.id);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !db
        .store
        .pending_for(&conversation, 10)
        .await
        .expect("outbox")
        .is_empty()
    {
        assert!(Instant::now() < deadline, "outbox not drained");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The receipt's first attempt fails (Telegram's front end answers 502), so that the
    // process is surely killed after the payment is recorded and before the receipt went.
    emu.fail_next_sends(1);
    let paid_update = emu.pay(&karl, &invoice_message);
    let paid = wait_state(&db, &payment_ref, PaymentState::Paid).await;
    serve.kill().await;
    let gateways = emu.bad_gateways();
    assert!(
        receipts(&emu, karl.id).is_empty(),
        "no receipt before the restart: {:#?}",
        emu.messages(karl.id)
    );
    eprintln!("killed after the payment was recorded; 502s so far: {gateways}");

    // A new process on the same database: the receipt comes, once.
    let serve = Serve::start(&refs(&office.env(&base))).await;
    let receipt = emu.wait_text(karl.id, 0, "Zahlung ist eingegangen").await;
    assert!(receipt.text.contains(&payment_ref), "{receipt:#?}");
    // Telegram delivers the payment once more: still one receipt.
    emu.pay_again(&karl, paid_update);
    let line = desk.wait_for("Zahlung eingegangen").await;
    assert!(line.contains(&booking.reference), "{line}");
    let more = desk.blocks_within(Duration::from_secs(3)).await;
    assert!(
        !more.iter().any(|b| b.contains("Zahlung eingegangen")),
        "a second desk line: {more:#?}"
    );
    assert_eq!(
        receipts(&emu, karl.id).len(),
        1,
        "exactly one receipt: {:#?}",
        emu.messages(karl.id)
    );
    assert_eq!(
        receipt_rows(&db, &paid).await,
        (1, 1),
        "receipt written once"
    );
    assert_eq!(payment(&db, &payment_ref).await.state, PaymentState::Paid);

    assert!(desk.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
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
