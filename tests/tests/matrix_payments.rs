//! Fees paid from home on Matrix, end to end: the real `schalter serve` against a real
//! Synapse and the Stripe fake, on PostgreSQL.
//!
//! A citizen books a Führungszeugnis (13,00 €, paid after the call) in an encrypted direct
//! chat and is told at the checklist that they pay from home; after the call the clerk's
//! `!done` sends the fee, and the citizen's chat gets a Stripe Checkout link. Forged webhooks
//! change nothing, the signed one records the payment once (a replay gives no second
//! receipt), the desk room gets its line, a refund goes through Stripe, and the paid fee is
//! no longer listed among the citizen's open fees.
//!
//! The same fee in Leichte Sprache: every word the citizen reads from `locales/de-x-ls`.

use std::time::{Duration, Instant};

use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use schalter_core::store::{Payment, PaymentState};
use schalter_tests::matrix_client::TestClient;
use schalter_tests::stripe_fake::StripeFake;
use schalter_tests::synapse::Synapse;
use schalter_tests::terminal::Printed;
use schalter_tests::{Serve, TestDb, scratch_dir};
use serde_json::json;

/// Tuesday 2 February 2027, 09:00 in Heidelberg: the office is open, the day still free.
const OPEN: &str = "2027-02-02T09:00:00+01:00";
const PASSWORD: &str = "correct horse battery staple";
/// The bot's `matrix` target at info; `matrix=` would match the SDK's targets too.
const LOG: &str = "warn,outbox=info,payments=info,matrix=info,matrix_sdk=warn,\
                   matrix_sdk_crypto::backups=error";
/// How long any single answer may take.
const WAIT: Duration = Duration::from_secs(20);

/// locales/de/booking.ftl `checklist-fee` (where the channel can take the payment).
const FEE_FROM_HOME: &str = "bequem von zu Hause";
/// locales/de/clerk.ftl `desk-picked`.
const PICKED: &str = "Aufgerufen: ";
/// locales/de/clerk.ftl `desk-done` (after the reference).
const DONE: &str = "ist erledigt.";
/// locales/de/clerk.ftl `desk-no-call`.
const NO_CALL: &str = "Sie sind gerade in keinem Gespräch.";
/// locales/de/payment.ftl `desk-fee-sent`.
const FEE_SENT: &str = "Die Zahlungsaufforderung ist verschickt.";
/// locales/de/payment.ftl `payment-link-label`.
const LINK_LABEL: &str = "Jetzt bezahlen";
const CHECKOUT: &str = "https://checkout.stripe.com/";
/// locales/de/payment.ftl `payment-receipt`.
const RECEIPT: &str = "Zahlung ist eingegangen";
/// locales/de/payment.ftl `desk-paid-line`.
const DESK_PAID: &str = "Zahlung eingegangen";
/// locales/de/payment.ftl `appointments-open-payment`.
const OPEN_FEE: &str = "Offene Gebühr";

struct Office {
    synapse: Synapse,
    db: TestDb,
    bot: String,
    clerk: TestClient,
    desk: OwnedRoomId,
    store: std::path::PathBuf,
    env: Vec<(String, String)>,
}

impl Office {
    /// Synapse with a bot, a clerk (anna) and her desk room; the bot takes fees by Stripe
    /// (the fake) and leaves the return URL to its default.
    async fn open(fake: &StripeFake) -> Self {
        let synapse = Synapse::start().await;
        let db = TestDb::postgres().await;
        let bot = synapse.register("schalter", PASSWORD).await;
        let anna = synapse.register("anna", PASSWORD).await;
        let clerk = TestClient::login(&synapse.url, "anna", PASSWORD).await;
        let desk = clerk.create_room(&[&bot], false, false).await;
        let store = scratch_dir("schalter_matrix_store");
        let env = vec![
            ("SCHALTER_DATABASE_URL".to_owned(), db.url.clone()),
            ("SCHALTER_MATRIX_HOMESERVER".to_owned(), synapse.url.clone()),
            // The full user id, as the README configures it: the default return URL is the
            // bot's matrix.to link.
            ("SCHALTER_MATRIX_USER".to_owned(), bot.clone()),
            ("SCHALTER_MATRIX_PASSWORD".to_owned(), PASSWORD.to_owned()),
            (
                "SCHALTER_MATRIX_STORE".to_owned(),
                store.display().to_string(),
            ),
            ("SCHALTER_MATRIX_CLERK_ROOM".to_owned(), desk.to_string()),
            ("SCHALTER_MATRIX_CLERKS".to_owned(), anna),
            (
                "SCHALTER_VIDEO_BASE_URL".to_owned(),
                "https://meet.example.org".to_owned(),
            ),
            ("SCHALTER_PAYMENT_PROVIDER".to_owned(), "stripe".to_owned()),
            (
                "SCHALTER_STRIPE_SECRET_KEY".to_owned(),
                fake.secret_key.clone(),
            ),
            (
                "SCHALTER_STRIPE_WEBHOOK_SECRET".to_owned(),
                fake.webhook_secret.clone(),
            ),
            ("SCHALTER_STRIPE_API_URL".to_owned(), fake.url.clone()),
            ("SCHALTER_LOG".to_owned(), LOG.to_owned()),
        ];
        Self {
            synapse,
            db,
            bot,
            clerk,
            desk,
            store,
            env,
        }
    }

    /// `schalter serve` on the office clock starting at `clock`; Stripe's events go to it.
    async fn serve(&self, clock: &str, fake: &StripeFake) -> Serve {
        let mut env: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        env.push(("SCHALTER_CLOCK_START", clock));
        let serve = Serve::start(&env).await;
        fake.set_webhook(&format!("{}/payments/stripe", serve.http));
        self.clerk.wait_joined(&self.desk, &self.bot).await;
        serve
    }

    /// Anna writes `command` in the desk room; returns the bot's answer containing any of
    /// `needles`.
    async fn desk(&self, command: &str, needles: &[&str]) -> String {
        let before = self.clerk.count(&self.desk);
        self.clerk.send(&self.desk, command).await;
        wait_any(&self.clerk, &self.desk, before, needles, command).await
    }

    async fn close(self) {
        self.synapse.stop().await;
        self.db.drop_db().await;
        let _ = std::fs::remove_dir_all(&self.store);
    }
}

/// Everything `client` has seen in `room`, one message per block, with its sender.
fn transcript(client: &TestClient, room: &RoomId) -> String {
    client
        .seen
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.room == room)
        .map(|s| format!("<{}> {}", s.sender, s.body))
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// Waits (at most [`WAIT`]) for a message from someone else in `room`, after the first
/// `after` of them, that contains any of `needles`; `what` names the step in the failure.
async fn wait_any(
    client: &TestClient,
    room: &RoomId,
    after: usize,
    needles: &[&str],
    what: &str,
) -> String {
    let me = client.client.user_id().map(ToOwned::to_owned);
    let deadline = Instant::now() + WAIT;
    loop {
        let found = client
            .seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.room == room && Some(&s.sender) != me.as_ref())
            .skip(after)
            .find(|s| needles.iter().any(|n| s.body.contains(n)))
            .map(|s| s.body.clone());
        if let Some(body) = found {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: no message with any of {needles:?} within {WAIT:?}; {room} so far:\n{}",
            transcript(client, room)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sends `text` to `room` and waits for the answer containing `needle`.
async fn ask(client: &TestClient, room: &RoomId, text: &str, needle: &str) -> String {
    let before = client.count(room);
    client.send(room, text).await;
    wait_any(client, room, before, &[needle], text).await
}

/// How many messages from `sender` in `room` contain `needle`.
fn count_from(client: &TestClient, room: &RoomId, sender: &str, needle: &str) -> usize {
    client
        .messages_from(room, sender)
        .iter()
        .filter(|m| m.contains(needle))
        .count()
}

/// Booking (`XXXX-XXXX`) and payment references in `text`, in order.
fn references(text: &str) -> Vec<String> {
    Printed {
        text: text.to_owned(),
        ..Default::default()
    }
    .references()
}

/// The reference in a `desk-picked` answer ("Aufgerufen: REF · …").
fn reference_of(picked: &str) -> String {
    picked
        .lines()
        .find_map(|l| l.strip_prefix(PICKED))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no reference in {picked:?}"))
        .to_owned()
}

/// The payment reference of a payment request ("Zahlungsreferenz: REF").
fn payment_reference(request: &str) -> String {
    request
        .lines()
        .find_map(|l| l.trim().strip_prefix("Zahlungsreferenz: "))
        .map(|r| r.trim().to_owned())
        .unwrap_or_else(|| panic!("no payment reference in {request:?}"))
}

/// The Checkout link: on a line of its own, right after the line with the link's label.
fn checkout_url(request: &str) -> String {
    let lines: Vec<&str> = request.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(CHECKOUT))
        .unwrap_or_else(|| panic!("a Checkout link on a line of its own: {request:?}"));
    assert!(
        at > 0 && lines[at - 1].starts_with(LINK_LABEL),
        "the link follows the label {LINK_LABEL:?}: {request:?}"
    );
    lines[at].to_owned()
}

/// The booked time (`HH:MM`) in a booking confirmation, and the check-in time eight minutes
/// before it, as an RFC 3339 office time on the booking's day.
fn check_in_time(booked: &str) -> String {
    let slot = booked
        .split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .find(|w| w.len() == 5 && w.as_bytes()[2] == b':')
        .unwrap_or_else(|| panic!("the booked time in {booked:?}"));
    let (hour, minute): (u32, u32) = (
        slot[..2].parse().expect("hour"),
        slot[3..].parse().expect("minute"),
    );
    let minutes = hour * 60 + minute - 8;
    format!(
        "2027-02-02T{:02}:{:02}:00+01:00",
        minutes / 60,
        minutes % 60
    )
}

async fn payment(db: &TestDb, reference: &str) -> Payment {
    db.store
        .payments()
        .payment_by_reference(reference)
        .await
        .expect("read payment")
        .unwrap_or_else(|| panic!("no payment {reference}"))
}

/// How often a receipt for `payment` was written to the outbox: (rows, version of the row).
async fn receipt_rows(db: &TestDb, p: &Payment) -> (i64, i64) {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT version FROM notifications WHERE conversation_id = $1 AND slot = $2",
    )
    .bind(schalter_tests::stored(&p.conversation_id))
    .bind(format!("receipt:{}", p.id))
    .fetch_all(db.store.pool())
    .await
    .expect("read outbox");
    (
        i64::try_from(rows.len()).expect("few rows"),
        rows.first().map_or(0, |r| r.0),
    )
}

/// Unix seconds by the wall clock, as Stripe stamps its signatures.
fn wall_clock() -> i64 {
    schalter_core::Clock::now(&schalter_core::SystemClock).timestamp()
}

/// A `checkout.session.completed` for the real session and payment, as Stripe would send
/// it, but not sent by Stripe.
fn completed_event(session_id: &str, payment_id: &str) -> String {
    serde_json::to_string_pretty(&json!({
        "id": "evt_1ForgedForgedForged0001",
        "object": "event",
        "api_version": schalter_tests::stripe_fake::API_VERSION,
        "created": wall_clock(),
        "data": {"object": {
            "id": session_id,
            "object": "checkout.session",
            "amount_total": 1300,
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
async fn a_matrix_citizen_pays_by_link_and_a_forged_webhook_does_nothing() {
    let started = Instant::now();
    let fake = StripeFake::start().await;
    let office = Office::open(&fake).await;
    let serve = office.serve(OPEN, &fake).await;
    let bot = office.bot.clone();

    // A citizen books a Führungszeugnis in an encrypted direct chat; the checklist says the
    // fee is paid from home.
    office.synapse.register("citizen", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "citizen", PASSWORD).await;
    let dm = citizen.create_room(&[&bot], true, true).await;
    citizen.wait_joined(&dm, &bot).await;
    ask(&citizen, &dm, "Hallo", "[1] Deutsch").await;
    ask(&citizen, &dm, "1", "[1] Termin buchen").await;
    ask(&citizen, &dm, "1", "Für welchen Dienst").await;
    let checklist = ask(&citizen, &dm, "Führungszeugnis", "Gebühr").await;
    assert!(
        checklist.contains("13,00 €") && checklist.contains(FEE_FROM_HOME),
        "checklist-fee: the fee, paid from home: {checklist}"
    );
    ask(&citizen, &dm, "Weiter zur Terminwahl", "An welchem Tag").await;
    ask(&citizen, &dm, "1", "Welche Uhrzeit").await;
    ask(&citizen, &dm, "1", "bestätigen").await;
    let booked = ask(&citizen, &dm, "1", "Buchungsnummer").await;
    assert!(booked.contains("Führungszeugnis"), "{booked}");
    let booking = references(&booked)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a booking reference in {booked:?}"));

    // Eight minutes before the slot (the bot restarted meanwhile) the citizen checks in.
    serve.kill().await;
    let serve = office.serve(&check_in_time(&booked), &fake).await;
    ask(&citizen, &dm, "menü", "[1] Jetzt einchecken").await;
    ask(&citizen, &dm, "1", "Ihr Platz in der Reihe: 1").await;

    // Anna calls the citizen and ends the call: the fee goes out with `!done`.
    let picked = office.desk("!next", &[PICKED, "Niemand wartet."]).await;
    assert!(
        picked.contains(PICKED) && picked.contains("Führungszeugnis"),
        "anna's !next picks the booked citizen: {picked}"
    );
    let reference = reference_of(&picked);
    assert_eq!(reference, booking, "{picked}");
    let before = citizen.count(&dm);
    let done = office.desk("!done", &[DONE, NO_CALL]).await;
    assert!(
        done.contains(&format!("{reference} {DONE}"))
            && done.contains("13,00 €")
            && done.contains(FEE_SENT),
        "desk-done with desk-fee-sent: {done}"
    );

    // The citizen gets the request with a Checkout link on a line of its own.
    let request = wait_any(&citizen, &dm, before, &[CHECKOUT], "the payment request").await;
    assert!(
        request.contains("Gebühr für Führungszeugnis: 13,00 €"),
        "{request}"
    );
    let url = checkout_url(&request);
    let payment_ref = payment_reference(&request);
    let open = payment(&office.db, &payment_ref).await;
    assert_eq!(open.state, PaymentState::Open, "{open:#?}");
    assert_eq!(open.amount_cents, 1300, "{open:#?}");
    assert_eq!(open.visit_reference.as_deref(), Some(reference.as_str()));
    assert!(
        schalter_tests::stored(&open.conversation_id).starts_with("matrix:"),
        "{}",
        schalter_tests::stored(&open.conversation_id)
    );
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 1, "{sessions:#?}");
    let session = &sessions[0];
    let session_id = session["id"].as_str().expect("session id").to_owned();
    assert_eq!(session["url"], url.as_str(), "{session:#}");
    assert_eq!(session["amount_total"], 1300, "{session:#}");
    assert_eq!(session["currency"], "eur", "{session:#}");
    assert_eq!(session["locale"], "de", "{session:#}");
    assert_eq!(
        session["metadata"]["payment_id"],
        open.id.as_str(),
        "{session:#}"
    );
    assert_eq!(
        session["success_url"],
        format!("https://matrix.to/#/{bot}").as_str(),
        "the default return URL is the bot's matrix.to link: {session:#}"
    );
    assert_eq!(open.checkout_id.as_deref(), Some(session_id.as_str()));

    // Forged webhooks: refused with 400, nothing recorded.
    let body = completed_event(&session_id, &open.id);
    let mut stranger = fake.clone();
    stranger.webhook_secret = "whsec_not_the_office_secret".to_owned();
    for (what, signature) in [
        ("garbage signature", "t=1,v1=00".to_owned()),
        (
            "signed with another secret",
            stranger.sign(&body, wall_clock()),
        ),
    ] {
        assert_eq!(fake.send_raw(&body, &signature).await, 400, "{what}");
    }
    assert_eq!(
        payment(&office.db, &payment_ref).await.state,
        PaymentState::Open
    );
    let state = office
        .desk(&format!("!paid {reference}"), &[&format!("{reference}: ")])
        .await;
    assert!(
        state.contains("offen") && state.contains(&payment_ref),
        "still open after the forgeries: {state}"
    );

    // While open, the citizen's appointments list the fee.
    let listed = ask(&citizen, &dm, "/appointments", OPEN_FEE).await;
    assert!(
        listed.contains(&format!(
            "{OPEN_FEE}: 13,00 € für Führungszeugnis (Zahlungsreferenz {payment_ref})"
        )),
        "the open fee is listed before it is paid: {listed}"
    );

    // Stripe's signed event: paid, one receipt, one desk line.
    let before_desk = office.clerk.count(&office.desk);
    let before = citizen.count(&dm);
    assert_eq!(fake.pay(&session_id).await, 200);
    let receipt = wait_any(&citizen, &dm, before, &[RECEIPT], "the receipt").await;
    let intent = fake.session(&session_id).expect("session")["payment_intent"]
        .as_str()
        .expect("a paid session has a payment intent")
        .to_owned();
    for needle in [
        payment_ref.as_str(),
        "13,00 €",
        "Führungszeugnis",
        &format!("Zahlungs-ID: {intent}"),
    ] {
        assert!(receipt.contains(needle), "{needle:?} in {receipt}");
    }
    let line = wait_any(
        &office.clerk,
        &office.desk,
        before_desk,
        &[DESK_PAID],
        "the desk's line",
    )
    .await;
    assert!(
        line.contains(&reference) && line.contains("13,00 €") && line.contains(&payment_ref),
        "desk-paid-line: {line}"
    );
    let paid = payment(&office.db, &payment_ref).await;
    assert_eq!(paid.state, PaymentState::Paid, "{paid:#?}");
    assert_eq!(paid.provider.as_deref(), Some("stripe"));
    assert_eq!(paid.provider_charge_id.as_deref(), Some(intent.as_str()));

    // Stripe retries the same event: acknowledged, nothing new.
    assert_eq!(fake.replay_last().await, 200);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        count_from(&citizen, &dm, &bot, RECEIPT),
        1,
        "one receipt:\n{}",
        transcript(&citizen, &dm)
    );
    assert_eq!(
        count_from(&office.clerk, &office.desk, &bot, DESK_PAID),
        1,
        "one desk line:\n{}",
        transcript(&office.clerk, &office.desk)
    );
    assert_eq!(
        receipt_rows(&office.db, &paid).await,
        (1, 1),
        "receipt written once"
    );
    assert_eq!(
        payment(&office.db, &payment_ref).await.state,
        PaymentState::Paid
    );

    // The desk: paid; a refund of 3 € goes through Stripe.
    let state = office
        .desk(&format!("!paid {reference}"), &[&format!("{reference}: ")])
        .await;
    assert!(
        state.contains("bezahlt") && state.contains(&payment_ref),
        "{state}"
    );
    let refund = office
        .desk(
            &format!("!refund {reference} 3"),
            &[
                "erstattet",
                "nicht geklappt",
                "keine Erstattung",
                "rstatten",
            ],
        )
        .await;
    assert!(
        refund.contains("3,00 €") && refund.contains(&format!("{reference} erstattet")),
        "desk-refund-done: {refund}"
    );
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1, "{refunds:#?}");
    assert_eq!(refunds[0]["amount"], 300, "{refunds:#?}");
    assert_eq!(
        refunds[0]["payment_intent"],
        intent.as_str(),
        "{refunds:#?}"
    );
    let state = office
        .desk(&format!("!paid {reference}"), &[&format!("{reference}: ")])
        .await;
    assert!(
        state.contains("bezahlt") && state.contains("davon erstattet: 3,00 €"),
        "{state}"
    );
    assert_eq!(payment(&office.db, &payment_ref).await.refunded_cents, 300);

    // The citizen's appointments no longer list the fee: it is paid (nothing is left).
    let listed = ask(&citizen, &dm, "/appointments", "keine anstehenden Termine").await;
    assert!(
        !listed.contains(OPEN_FEE) && !listed.contains(&payment_ref),
        "a paid fee is not listed as open: {listed}"
    );

    println!(
        "the citizen's chat:\n{}\n\nthe desk room:\n{}\n\npaid by link, forgeries refused, \
         refund of 3 € done; {:?} in all",
        transcript(&citizen, &dm),
        transcript(&office.clerk, &office.desk),
        started.elapsed()
    );
    serve.kill().await;
    office.close().await;
}

/// The same fee in Leichte Sprache (`de-x-ls`), chosen by its words in an encrypted direct
/// chat: the checklist, the request with its link and the receipt from `locales/de-x-ls`,
/// while the desk room stays German.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_matrix_citizen_pays_in_leichte_sprache() {
    let fake = StripeFake::start().await;
    let office = Office::open(&fake).await;
    let serve = office.serve(OPEN, &fake).await;
    let i18n = schalter_core::I18n::builtin();
    let t = |id: &str| i18n.text(schalter_core::Lang::DeXls, id);
    let first_line = schalter_tests::easy_first_line;

    office.synapse.register("ida", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "ida", PASSWORD).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    ask(&citizen, &dm, "Hallo", "[1] Deutsch").await;
    ask(
        &citizen,
        &dm,
        "einfache Sprache",
        &first_line("language-changed"),
    )
    .await;
    ask(
        &citizen,
        &dm,
        &t("menu-book"),
        "Wofür brauchen Sie einen Termin",
    )
    .await;
    let checklist = ask(&citizen, &dm, &t("service-fuehrungszeugnis"), "13,00 €").await;
    assert!(checklist.contains("Führungs-Zeugnis"), "{checklist}");
    ask(
        &citizen,
        &dm,
        &t("option-continue-to-dates"),
        &first_line("pick-day-prompt"),
    )
    .await;
    ask(&citizen, &dm, "1", "Welche Uhrzeit passt für Sie").await;
    ask(&citizen, &dm, "1", &t("option-confirm")).await;
    let booked = ask(&citizen, &dm, "1", &first_line("booking-confirmed")).await;
    assert!(
        booked.contains("Dienstag, 2. Februar 2027, um "),
        "{booked}"
    );

    serve.kill().await;
    let serve = office.serve(&check_in_time(&booked), &fake).await;
    ask(&citizen, &dm, "/start", "Jetzt einchecken").await;
    ask(&citizen, &dm, "1", "Ihr Platz in der Reihe: 1").await;
    let picked = office.desk("!next", &[PICKED, "Niemand wartet."]).await;
    let reference = reference_of(&picked);
    let before = citizen.count(&dm);
    let done = office.desk("!done", &[DONE, NO_CALL]).await;
    assert!(done.contains(FEE_SENT), "the desk stays German: {done}");

    let request = wait_any(&citizen, &dm, before, &[CHECKOUT], "the payment request").await;
    for needle in [
        first_line("payment-request"),
        "Das Geld ist für: Führungs-Zeugnis".to_owned(),
        "Betrag: 13,00 €".to_owned(),
        t("payment-how-online"),
    ] {
        assert!(request.contains(&needle), "{needle:?} in {request}");
    }
    let url = checkout_url(&request);
    let payment_ref = request
        .lines()
        .find_map(|l| l.trim().strip_prefix("Ihre Zahlungs-Nummer: "))
        .map(|r| r.trim().to_owned())
        .unwrap_or_else(|| panic!("a payment number in {request}"));
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 1, "{sessions:#?}");
    assert_eq!(sessions[0]["url"], url.as_str());
    assert_eq!(sessions[0]["locale"], "de", "Stripe has no Leichte Sprache");
    let session_id = sessions[0]["id"].as_str().expect("session id").to_owned();

    let before = citizen.count(&dm);
    assert_eq!(fake.pay(&session_id).await, 200);
    let receipt = wait_any(
        &citizen,
        &dm,
        before,
        &[&first_line("payment-receipt")],
        "the receipt",
    )
    .await;
    for needle in [
        "Wir haben Ihr Geld bekommen.",
        "Das Geld ist für: Führungs-Zeugnis",
        "Betrag: 13,00 €",
        "Datum: Dienstag, 2. Februar 2027",
        payment_ref.as_str(),
    ] {
        assert!(receipt.contains(needle), "{needle:?} in {receipt}");
    }
    let paid = payment(&office.db, &payment_ref).await;
    assert_eq!(paid.state, PaymentState::Paid, "{paid:#?}");
    assert_eq!(paid.visit_reference.as_deref(), Some(reference.as_str()));
    serve.kill().await;
    office.close().await;
}
