//! The fault matrix for Telegram: every form in which the Bot API or its front end fails, on
//! the real `schalter serve` against the emulator. Each citizen's chat meets one form on the
//! bot's next `sendMessage`; all run at once, so a chat in trouble is seen not to hold up the
//! others. What each form must lead to is the README's "What each failure means":
//!
//! - transient (JSON or HTML 5xx, 429 with or without `retry_after`, a body cut off, no
//!   answer at all): the input is answered exactly once after the fault clears, in order;
//! - final for the chat (403): its pending message is given up, nothing else, no apology;
//!   the chat's next input is answered;
//! - final for the message (a known 400): that message is given up and the citizen gets the
//!   apology instead;
//! - unrecognized (a 400 nobody knows): tried six times, then the apology.
//!
//! Matrix has its own file (`platform_faults_matrix.rs`), Stripe its case in
//! `payments_e2e/`, the outbox's decisions their unit tests in `bots/src/channel/outbox.rs`.

use std::time::{Duration, Instant};

use schalter_tests::prometheus::{scrape, sum};
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TOKEN, TgFault, TgUser};
use schalter_tests::{Serve, TestDb};

/// Tuesday 2 February 2027, 07:55 in Heidelberg.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
const WELCOME: &str = "Willkommen";
const HELP: &str = "So funktioniert";
const NO_APPOINTMENTS: &str = "keine anstehenden Termine";
/// The apology (`error-temporary`, German).
const SORRY: &str = "Gerade ist bei uns etwas schiefgegangen";
const SEND: &str = "sendMessage";

/// One chat and the fault its first answer meets.
struct Case {
    name: &'static str,
    user: TgUser,
    fault: TgFault,
    times: u32,
}

impl Case {
    fn new(name: &'static str, id: i64, fault: TgFault, times: u32) -> Self {
        Self {
            name,
            user: TgUser::new(id, name, Some("de")),
            fault,
            times,
        }
    }
}

async fn start() -> (TestDb, Emulator, Serve) {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", MORNING),
        ("SCHALTER_LOG", "warn,outbox=info"),
    ])
    .await;
    (db, emu, serve)
}

/// The chat's messages after `after`.
fn since(emu: &Emulator, chat: i64, after: i64) -> Vec<BotMessage> {
    emu.messages(chat)
        .into_iter()
        .filter(|m| m.message_id > after)
        .collect()
}

/// Sends `text` and waits up to `limit` for a message containing `needle`; returns it and
/// how long it took.
async fn answer(
    emu: &Emulator,
    user: &TgUser,
    text: &str,
    needle: &str,
    limit: Duration,
) -> (BotMessage, Duration) {
    let after = emu.last_id(user.id);
    let sent = Instant::now();
    emu.send_text(user, text);
    let m = emu
        .wait_message_within(user.id, after, limit, |m| m.text.contains(needle))
        .await;
    (m, sent.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_form_of_telegram_failure_is_judged_by_what_it_is() {
    let (db, emu, serve) = start().await;
    let transient = [
        Case::new(
            "json500",
            9001,
            TgFault::json(500, "Internal Server Error"),
            1,
        ),
        Case::new("json502", 9002, TgFault::json(502, "Bad Gateway"), 1),
        Case::new("json504", 9003, TgFault::json(504, "Gateway Timeout"), 1),
        Case::new("html502", 9004, TgFault::Html(502), 1),
        Case::new("html503", 9005, TgFault::Html(503), 1),
        Case::new("retry_after", 9006, TgFault::RetryAfter(3), 1),
        Case::new(
            "429_text_only",
            9007,
            TgFault::json(429, "Too Many Requests: retry after 2"),
            1,
        ),
        Case::new("cut_body", 9008, TgFault::CutAfterHeaders, 1),
        Case::new("no_answer", 9009, TgFault::NoResponse, 1),
        Case::new("two_502s", 9010, TgFault::json(502, "Bad Gateway"), 2),
    ];
    let blocked = Case::new(
        "blocked",
        9101,
        TgFault::forbidden("bot was blocked by the user"),
        1,
    );
    let too_long = Case::new(
        "too_long",
        9102,
        TgFault::bad_request("message is too long"),
        1,
    );
    let unknown = Case::new(
        "unknown",
        9103,
        TgFault::bad_request("a reason Telegram adds next year"),
        6,
    );
    let all: Vec<&Case> = transient
        .iter()
        .chain([&blocked, &too_long, &unknown])
        .collect();
    for case in &all {
        emu.inject_for_chat(case.user.id, SEND, case.fault.clone(), case.times);
    }
    let started = Instant::now();
    for case in &all {
        emu.send_text(&case.user, "/start");
    }

    // Someone without trouble is answered as if nothing were wrong elsewhere.
    let bystander = TgUser::new(9201, "Bystander", Some("de"));
    let (_, latency) = answer(&emu, &bystander, "/start", WELCOME, Duration::from_secs(10)).await;
    eprintln!("telegram bystander: answered after {latency:?} beside 13 chats in trouble");
    assert!(
        latency < Duration::from_secs(5),
        "a chat without trouble waited {latency:?}"
    );

    // Transient: answered once, after the fault.
    for case in &transient {
        let welcome = emu
            .wait_message_within(case.user.id, 0, Duration::from_secs(90), |m| {
                m.text.contains(WELCOME)
            })
            .await;
        let took = emu
            .sent_at(case.user.id, welcome.message_id)
            .expect("sent")
            .duration_since(started);
        eprintln!("telegram {}: answered {took:?} after the input", case.name);
    }
    let retry_after = emu
        .sent_at(9006, emu.last_id(9006))
        .expect("sent")
        .duration_since(started);
    assert!(
        retry_after >= Duration::from_secs(3),
        "retry_after 3 s was not waited for: {retry_after:?}"
    );

    // Unknown: six tries, then the apology instead of the answer.
    emu.wait_message_within(unknown.user.id, 0, Duration::from_secs(120), |m| {
        m.text.contains(SORRY)
    })
    .await;
    eprintln!(
        "telegram unknown 400: given up with an apology after {:?}",
        started.elapsed()
    );
    // A known refusal of the message: the apology at once.
    emu.wait_message_within(too_long.user.id, 0, Duration::from_secs(30), |m| {
        m.text.contains(SORRY)
    })
    .await;

    // Nothing came twice; the blocked chat got nothing, not even an apology.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for case in &transient {
        let got = emu.messages(case.user.id);
        assert_eq!(
            got.len(),
            1,
            "{}: answered exactly once: {got:#?}",
            case.name
        );
    }
    for case in [&too_long, &unknown] {
        let got = emu.messages(case.user.id);
        assert_eq!(got.len(), 1, "{}: only the apology: {got:#?}", case.name);
    }
    assert!(emu.messages(blocked.user.id).is_empty());
    assert_eq!(emu.faults_left(), 0, "every injected fault was met");
    let total: u32 = all.iter().map(|c| c.times).sum();
    assert_eq!(
        emu.injected(),
        total,
        "and no send was tried into a fault twice"
    );

    // Each chat's next input is answered: a chat that refused one message is not cut off.
    for case in [&blocked, &too_long, &unknown] {
        answer(&emu, &case.user, "/help", HELP, Duration::from_secs(15)).await;
    }

    // Counted by kind.
    let body = scrape(&serve).await;
    let count = |kind: &str| {
        sum(
            &body,
            "schalter_delivery_failures_total",
            &["platform=\"telegram\"", &format!("kind=\"{kind}\"")],
        )
        .unwrap_or(0.0)
    };
    assert_eq!(count("server_error"), 7.0, "{body}");
    assert_eq!(count("rate_limited"), 2.0, "{body}");
    assert_eq!(count("network"), 2.0, "{body}");
    assert_eq!(count("unreachable"), 1.0, "{body}");
    assert_eq!(count("refused"), 1.0, "{body}");
    assert_eq!(count("unrecognized"), 6.0, "{body}");
    serve.kill().await;
    db.drop_db().await;
}

/// Answers come in the order of the inputs, also when the first meets a fault.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_keep_their_order_through_a_fault() {
    let (db, emu, serve) = start().await;
    let olga = TgUser::new(9301, "Olga", Some("de"));
    answer(&emu, &olga, "/start", WELCOME, Duration::from_secs(30)).await;
    let after = emu.last_id(olga.id);
    emu.inject_for_chat(olga.id, SEND, TgFault::json(502, "Bad Gateway"), 1);
    let started = Instant::now();
    emu.send_text(&olga, "/help");
    emu.send_text(&olga, "/appointments");
    emu.wait_message_within(olga.id, after, Duration::from_secs(60), |m| {
        m.text.contains(NO_APPOINTMENTS)
    })
    .await;
    eprintln!("telegram order: both answers after {:?}", started.elapsed());
    tokio::time::sleep(Duration::from_secs(2)).await;
    let kinds: Vec<&str> = since(&emu, olga.id, after)
        .iter()
        .map(|m| {
            if m.text.contains(HELP) {
                "/help"
            } else if m.text.contains(NO_APPOINTMENTS) {
                "/appointments"
            } else {
                "?"
            }
        })
        .collect();
    assert_eq!(kinds, ["/help", "/appointments"]);
    serve.kill().await;
    db.drop_db().await;
}
