//! A citizen's right to be forgotten, end to end with the real `schalter` binary: on the
//! terminal (SQLite), on Telegram (PostgreSQL, with the farewell that takes the last traces
//! along once it is delivered), on Matrix against a real Synapse, and through the admin API
//! (with the audit log that says it happened, not whom). After each, every text column of
//! every table is searched for the citizen.

use schalter_tests::conv;
use schalter_tests::traces::{text_columns, traces, traces_in};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use schalter_core::store::HoldRequest;
use schalter_tests::matrix_client::TestClient;
use schalter_tests::synapse::Synapse;
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TOKEN, TgUser};
use schalter_tests::terminal::{Chat, Printed};
use schalter_tests::{Serve, TestDb, free_port, schalter_bin, scratch_dir, workspace};
use serde_json::Value;

/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// Tuesday 2 February 2027, 09:00: the office is open, walk-ins welcome.
const OPEN: &str = "2027-02-02T09:00:00+01:00";
/// locales/en/privacy.ftl `forget-done`.
const FAREWELL: &str = "we have deleted everything";
/// locales/en/privacy.ftl `option-forget-yes`.
const YES_DELETE: &str = "Yes, delete everything";
/// locales/en/common.ftl `welcome` (a new conversation, not `welcome-back`).
const WELCOME: &str = "Welcome to the virtual citizens' office";
const ADMIN_TOKEN: &str = "admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const PASSWORD: &str = "correct horse battery staple";

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
}

// ---------------------------------------------------------------------------------------
/// Waits up to `within` for the traces to vanish (the farewell is delivered, then its row and
/// the rest go); returns what is left then.
async fn traces_after(db: &TestDb, needles: &[String], within: Duration) -> Vec<String> {
    let deadline = Instant::now() + within;
    loop {
        let found = traces(db, needles).await;
        if found.is_empty() || Instant::now() >= deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Before forgetting: every needle is found somewhere, so that finding none later means
/// something.
async fn assert_stored(db: &TestDb, needles: &[String]) {
    let columns = text_columns(db).await;
    for needle in needles {
        let found = traces_in(db, &columns, std::slice::from_ref(needle)).await;
        assert!(!found.is_empty(), "{needle:?} is stored before forgetting");
    }
}

/// Booking references (`XXXX-XXXX`) in a text.
fn references(text: &str) -> Vec<String> {
    Printed {
        text: text.to_owned(),
        ..Printed::default()
    }
    .references()
}

// ---------------------------------------------------------------------------------------
// Telegram helpers (as in tests/telegram.rs).

fn telegram_env<'a>(db: &'a TestDb, emu: &'a Emulator, clock: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", clock),
    ]
}

/// Presses `data` on `message` and returns the bot's next message. A file (a booking's
/// calendar file, which follows the confirmation) is no answer.
async fn press(emu: &Emulator, user: &TgUser, message: &BotMessage, data: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.press(user, message, data);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// Types `text` and returns the bot's next message (not a file).
async fn say(emu: &Emulator, user: &TgUser, text: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.send_text(user, text);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// A booking through buttons, from the menu to the confirmation; returns its reference.
async fn book_by_buttons(emu: &Emulator, user: &TgUser, menu: &BotMessage) -> String {
    let services = press(emu, user, menu, "menu:book").await;
    let checklist = press(emu, user, &services, "svc:fuehrungszeugnis").await;
    let days = press(emu, user, &checklist, "go:dates").await;
    let times = press(emu, user, &days, &days.data("day:")).await;
    let held = press(emu, user, &times, &times.data("time:")).await;
    let booked = press(emu, user, &held, "confirm").await;
    let found = references(&booked.text);
    assert_eq!(
        found.len(),
        1,
        "one reference in the confirmation: {booked:#?}"
    );
    found[0].clone()
}

// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_on_the_terminal() {
    let db = TestDb::sqlite().await;
    let clock = [("SCHALTER_CLOCK_START", MORNING)];
    let (mut chat, menu) = Chat::start_with(&db.url, "ana", Some("en"), &clock).await;
    let services = chat.send(&menu.number_of("Book").to_string()).await;
    let checklist = chat
        .send(
            &services
                .number_of("Certificate of good conduct")
                .to_string(),
        )
        .await;
    let days = chat
        .send(&checklist.number_of("Continue").to_string())
        .await;
    assert!(days.options.len() > 2, "free days are offered: {days:#?}");
    let times = chat.send("1").await;
    assert!(times.options[0].contains(':'), "times: {times:#?}");
    let first_time = times.options[0].clone();
    chat.send("1").await;
    let booked = chat.send("confirm appointment").await;
    let found = booked.references();
    assert_eq!(found.len(), 1, "{booked:#?}");
    let reference = found[0].clone();
    let bookings = db
        .store
        .bookings()
        .bookings_of(&conv("terminal:ana"))
        .await
        .unwrap();
    assert_eq!(bookings.len(), 1, "{bookings:#?}");
    let anas = bookings[0].clone();
    assert_eq!(anas.status.as_str(), "confirmed");

    // One desk of the slot is hers: a hold on it with one desk only is refused.
    let prober = conv("terminal:probe");
    let probe = |desks: u32| HoldRequest {
        conversation_id: &prober,
        service: &anas.service,
        lang: "en",
        starts_at: anas.starts_at,
        ends_at: anas.ends_at,
        unit: chrono::Duration::minutes(10),
        desks,
        checklist: &[],
        hold_until: at(MORNING) + chrono::Duration::minutes(5),
    };
    assert_eq!(anas.desk, 1, "the first desk: {anas:#?}");
    assert!(
        db.store
            .bookings()
            .hold(&probe(1), at(MORNING))
            .await
            .unwrap()
            .is_none(),
        "before /forget desk 1 at {} is ana's",
        anas.starts_at
    );

    // What is stored lists the appointment.
    let mine = chat.send("/mydata").await;
    assert!(mine.text.contains(&reference), "{reference} in {mine:#?}");

    // Forgetting: asked first, then done.
    let needles = vec!["terminal:ana".to_owned(), reference.clone()];
    assert_stored(&db, &needles).await;
    let ask = chat.send("/forget").await;
    assert!(ask.has_option(YES_DELETE), "{ask:#?}");
    let done = chat.send(&ask.number_of(YES_DELETE).to_string()).await;
    assert!(done.text.contains(FAREWELL), "{done:#?}");
    assert!(chat.finish().await.success());

    // No trace of her anywhere: not her conversation id, not her reference …
    let found = traces(&db, &needles).await;
    assert!(found.is_empty(), "traces of ana after /forget: {found:#?}");
    // … and no conversation id that names her.
    let ids: Vec<(String, String)> = text_columns(&db)
        .await
        .into_iter()
        .filter(|(t, c)| c == "conversation_id" || (t == "conversations" && c == "id"))
        .collect();
    assert!(ids.len() >= 5, "conversation id columns: {ids:?}");
    let found = traces_in(&db, &ids, &["ana".to_owned()]).await;
    assert!(found.is_empty(), "conversation ids with ana: {found:#?}");

    // Her slot is free again: the probe gets desk 1 now …
    let held = db
        .store
        .bookings()
        .hold(&probe(1), at(MORNING))
        .await
        .unwrap()
        .expect("after /forget desk 1 of ana's slot is free");
    assert_eq!(held.desk, 1);
    db.store
        .bookings()
        .release_hold(&held.id, at(MORNING))
        .await
        .unwrap();

    // … and another citizen at a terminal books the same time, on the same desk.
    let (mut chat, menu) = Chat::start_with(&db.url, "ben", Some("en"), &clock).await;
    let services = chat.send(&menu.number_of("Book").to_string()).await;
    let checklist = chat
        .send(
            &services
                .number_of("Certificate of good conduct")
                .to_string(),
        )
        .await;
    chat.send(&checklist.number_of("Continue").to_string())
        .await;
    let times = chat.send("1").await;
    assert_eq!(times.options[0], first_time, "{times:#?}");
    chat.send("1").await;
    let booked = chat.send("confirm appointment").await;
    assert_eq!(booked.references().len(), 1, "{booked:#?}");
    assert!(chat.finish().await.success());
    let bens = db
        .store
        .bookings()
        .bookings_of(&conv("terminal:ben"))
        .await
        .unwrap();
    assert!(
        bens.len() == 1 && bens[0].starts_at == anas.starts_at && bens[0].desk == 1,
        "ben has ana's slot and desk: {bens:#?}, ana had {anas:#?}"
    );
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_on_telegram() {
    let db = TestDb::postgres().await;
    let emu = Emulator::start().await;
    let serve = Serve::start(&telegram_env(&db, &emu, MORNING)).await;
    let ana = TgUser::new(510_177_123, "Ana", Some("en"));
    let conversation = format!("telegram:{}", ana.id);

    let menu = say(&emu, &ana, "/start").await;
    assert!(menu.text.contains(WELCOME), "{menu:#?}");
    let reference = book_by_buttons(&emu, &ana, &menu).await;
    // /mydata: the text lists the appointment; the JSON file comes as a document too.
    let before = emu.last_id(ana.id);
    emu.send_text(&ana, "/mydata");
    let mine = emu
        .wait_message(ana.id, before, |m| {
            m.document.is_none() && m.text.contains(&reference)
        })
        .await;
    let file = emu
        .wait_message(ana.id, before, |m| m.document.is_some())
        .await;
    assert!(mine.text.contains("Appointment"), "{mine:#?}");
    assert!(file.message_id < mine.message_id, "{file:#?} {mine:#?}");

    // The keyword asks first; the button forgets.
    let needles = vec![conversation.clone(), ana.id.to_string(), reference.clone()];
    assert_stored(&db, &needles).await;
    let ask = say(&emu, &ana, "delete my data").await;
    assert!(
        ask.buttons().iter().any(|(_, d)| d == "forget:yes"),
        "{ask:#?}"
    );
    let farewell = press(&emu, &ana, &ask, "forget:yes").await;
    assert!(farewell.text.contains(FAREWELL), "{farewell:#?}");
    tokio::time::sleep(Duration::from_secs(2)).await;

    // Once the farewell is out, nothing of her is left: not her chat id (as a conversation
    // or bare), not her reference, not the farewell's own outbox row.
    let found = traces_after(&db, &needles, Duration::from_secs(8)).await;
    assert!(
        found.is_empty(),
        "traces of {conversation} 2 s + 8 s after the farewell: {found:#?}"
    );
    assert!(
        !db.store
            .privacy()
            .conversation_exists(&conv(&conversation))
            .await
            .unwrap()
    );

    // She writes again: a new conversation, greeted as a newcomer.
    let again = say(&emu, &ana, "/start").await;
    assert!(
        again.text.contains(WELCOME) && !again.text.contains("Welcome back"),
        "{again:#?}"
    );
    assert!(again.text.contains("Privacy:"), "{again:#?}");
    let messages = emu.messages(ana.id);
    assert_eq!(
        messages.last().map(|m| m.message_id),
        Some(again.message_id),
        "nothing after the new welcome: {messages:#?}"
    );
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_on_matrix() {
    let synapse = Synapse::start().await;
    let db = TestDb::sqlite().await;
    let bot = synapse.register("schalter", PASSWORD).await;
    let anna = synapse.register("anna", PASSWORD).await;
    let clerk = TestClient::login(&synapse.url, "anna", PASSWORD).await;
    let desk = clerk.create_room(&[&bot], false, false).await;
    let store = scratch_dir("schalter_matrix_store");
    let store_path = store.display().to_string();
    let desk_id = desk.to_string();
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_MATRIX_HOMESERVER", synapse.url.as_str()),
        ("SCHALTER_MATRIX_USER", "schalter"),
        ("SCHALTER_MATRIX_PASSWORD", PASSWORD),
        ("SCHALTER_MATRIX_STORE", store_path.as_str()),
        ("SCHALTER_MATRIX_CLERK_ROOM", desk_id.as_str()),
        ("SCHALTER_MATRIX_CLERKS", anna.as_str()),
        ("SCHALTER_VIDEO_BASE_URL", "https://meet.example.org"),
        ("SCHALTER_CLOCK_START", OPEN),
    ])
    .await;
    clerk.wait_joined(&desk, &bot).await;

    // A citizen in an encrypted direct chat walks in.
    let citizen_id = synapse.register("citizen", PASSWORD).await;
    assert_eq!(citizen_id, "@citizen:localhost");
    let citizen = TestClient::login(&synapse.url, "citizen", PASSWORD).await;
    let dm = citizen.create_room(&[&bot], true, true).await;
    citizen.wait_joined(&dm, &bot).await;
    let picker = citizen.ask(&dm, "Hello", "English").await;
    let english = picker
        .lines()
        .find(|l| l.contains("English"))
        .and_then(|l| l.strip_prefix('['))
        .and_then(|l| l.split(']').next())
        .unwrap_or_else(|| panic!("no numbered English in {picker}"))
        .to_owned();
    citizen.ask(&dm, &english, "Talk to a clerk now").await;
    citizen
        .ask(&dm, "Talk to a clerk now", "Your place in the queue")
        .await;
    let conversation = format!("matrix:{citizen_id}");
    let visits = db
        .store
        .queue()
        .entries_of(&conv(&conversation))
        .await
        .unwrap();
    assert_eq!(visits.len(), 1, "{visits:#?}");

    let mut needles = vec![citizen_id.clone(), dm.to_string()];
    needles.extend(visits[0].reference.clone());
    assert_stored(&db, &needles).await;

    // /forget offers a numbered yes; "1" forgets.
    let ask = citizen.ask(&dm, "/forget", YES_DELETE).await;
    assert!(ask.contains(&format!("[1] {YES_DELETE}")), "{ask}");
    let before = citizen.count(&dm);
    citizen.send(&dm, "1").await;
    citizen.wait_for(&dm, before, FAREWELL).await;
    tokio::time::sleep(Duration::from_secs(2)).await;

    let found = traces_after(&db, &needles, Duration::from_secs(8)).await;
    assert!(
        found.is_empty(),
        "traces of {citizen_id} 2 s + 8 s after the farewell: {found:#?}"
    );
    assert!(
        db.store.queue().in_calls().await.unwrap().is_empty()
            && db
                .store
                .queue()
                .entries_of(&conv(&conversation))
                .await
                .unwrap()
                .is_empty(),
        "out of the waiting room"
    );

    serve.kill().await;
    synapse.stop().await;
    db.drop_db().await;
    let _ = std::fs::remove_dir_all(&store);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_forgets_a_citizen_and_the_audit_log_says_so() {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let mut env = telegram_env(&db, &emu, OPEN);
    env.push(("SCHALTER_ADMIN_TOKEN", ADMIN_TOKEN));
    let serve = Serve::start(&env).await;
    let ute = TgUser::new(510_288_456, "Ute", Some("en"));
    let conversation = format!("telegram:{}", ute.id);
    let menu = say(&emu, &ute, "/start").await;
    let reference = book_by_buttons(&emu, &ute, &menu).await;

    let needles = vec![conversation.clone(), ute.id.to_string(), reference.clone()];
    assert_stored(&db, &needles).await;

    let client = reqwest::Client::new();
    let forget = |id: &str, token: Option<&str>| {
        let mut r = client
            .delete(format!("{}/admin/api/citizens/{id}", serve.http))
            .header("X-Schalter-Admin", "ines");
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let json = async |r: reqwest::Response| -> (StatusCode, Value) {
        let status = r.status();
        let text = r.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    };

    // Without the token nothing happens.
    let (status, body) = json(forget(&conversation, None).await.unwrap()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(
        db.store
            .privacy()
            .conversation_exists(&conv(&conversation))
            .await
            .unwrap()
    );

    let (status, body) = json(forget(&conversation, Some(ADMIN_TOKEN)).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["bookings_cancelled"], 1, "{body}");
    let (status, body) = json(forget(&conversation, Some(ADMIN_TOKEN)).await.unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "forgotten already: {body}");
    let (status, body) = json(forget("nonsense", Some(ADMIN_TOKEN)).await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // The audit log: who did it, not whom it was about.
    let (status, audit) = json(
        client
            .get(format!("{}/admin/api/audit", serve.http))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{audit}");
    let entries = audit["entries"].as_array().expect("entries");
    let forgotten: Vec<&Value> = entries
        .iter()
        .filter(|e| e["action"] == "citizen-forgotten")
        .collect();
    assert_eq!(forgotten.len(), 1, "one forgetting in {audit:#}");
    // The caller is named by what signed them in, never by a header they send.
    assert_eq!(forgotten[0]["actor"], "SCHALTER_ADMIN_TOKEN", "{audit:#}");
    assert_eq!(forgotten[0]["subject"], "admin-token", "{audit:#}");
    assert_eq!(forgotten[0]["target"], "", "{audit:#}");
    let text = audit.to_string();
    assert!(
        !text.contains(&ute.id.to_string()) && !text.contains(&reference),
        "no personal data in the audit log: {audit:#}"
    );

    // Nothing of her in the database.
    let found = traces(&db, &needles).await;
    assert!(
        found.is_empty(),
        "traces after the admin forgot {conversation}: {found:#?}"
    );
    serve.kill().await;

    // A short admin token: `schalter serve` refuses to start, and says why.
    let bind = format!("127.0.0.1:{}", free_port());
    let child = tokio::process::Command::new(schalter_bin())
        .arg("serve")
        .current_dir(workspace())
        .env("SCHALTER_DATABASE_URL", &db.url)
        .env("SCHALTER_HTTP_BIND", &bind)
        .env("SCHALTER_ADMIN_TOKEN", "0123456789")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start schalter serve");
    // Dropped on a timeout, the child is killed.
    let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .unwrap_or_else(|_| {
            panic!("schalter serve with a 10-character admin token still runs after 20 s")
        })
        .expect("wait for serve");
    let (status, err) = (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(!status.success(), "exit {status:?}; stderr: {err}");
    assert!(err.contains("SCHALTER_ADMIN_TOKEN"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    db.drop_db().await;
}
