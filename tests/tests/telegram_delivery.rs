//! Delivery under Telegram's faults: chats that blocked the bot, a flaky front end, update ids
//! that start again lower, quiet spells, busy chats, and a database that goes away while an
//! input is on its way. The real `schalter serve` against the Bot API emulator.

use schalter_tests::outage::{allow_connections, postgres_admin};
use std::time::{Duration, Instant};

use schalter_tests::prometheus::sum;
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TOKEN, TgUser};
use schalter_tests::{Serve, TestDb};
use sqlx::Connection;

/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";

/// What the replies to the commands used here say (German).
const WELCOME: &str = "Willkommen";
const MENU: &str = "Was möchten Sie tun?";
const HELP: &str = "So funktioniert";
const NO_APPOINTMENTS: &str = "keine anstehenden Termine";

fn env<'a>(db: &'a TestDb, emu: &'a Emulator) -> Vec<(&'static str, &'a str)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", MORNING),
    ]
}

async fn start(db: TestDb) -> (TestDb, Emulator, Serve) {
    let emu = Emulator::start().await;
    let serve = Serve::start(&env(&db, &emu)).await;
    (db, emu, serve)
}

/// Polls `cond` every 50 ms until it holds; panics with `what()` after `limit`.
async fn eventually(limit: Duration, what: impl Fn() -> String, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !cond() {
        assert!(
            Instant::now() < deadline,
            "still not after {limit:?}: {}",
            what()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The first bot message in the chat newer than `after` that satisfies `pred`, waiting at most
/// `limit`.
async fn reply(
    emu: &Emulator,
    chat: i64,
    after: i64,
    limit: Duration,
    what: &str,
    pred: impl Fn(&BotMessage) -> bool,
) -> BotMessage {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(m) = emu
            .messages(chat)
            .into_iter()
            .find(|m| m.message_id > after && pred(m))
        {
            return m;
        }
        assert!(
            Instant::now() < deadline,
            "chat {chat}: no {what} within {limit:?} (after message {after}); the bot sent {:#?}",
            emu.messages(chat)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types `text` and waits (at most `limit`) for the next message containing `needle`.
/// Returns it with the time it took.
async fn say(
    emu: &Emulator,
    user: &TgUser,
    text: &str,
    needle: &str,
    limit: Duration,
) -> (BotMessage, Duration) {
    let before = emu.last_id(user.id);
    let sent = Instant::now();
    emu.send_text(user, text);
    let m = reply(
        emu,
        user.id,
        before,
        limit,
        &format!("answer containing {needle:?} to {text:?}"),
        |m| m.text.contains(needle),
    )
    .await;
    (m, sent.elapsed())
}

/// Messages the bot sent to the chat after message `after`.
fn since(emu: &Emulator, chat: i64, after: i64) -> Vec<BotMessage> {
    emu.messages(chat)
        .into_iter()
        .filter(|m| m.message_id > after)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_chats_are_given_up_and_do_not_hold_up_others() {
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let blocked: Vec<TgUser> = (0..55)
        .map(|i| TgUser::new(7000 + i, &format!("Gesperrt{i}"), Some("de")))
        .collect();
    for user in &blocked {
        emu.block(user.id);
        emu.send_text(user, "/start");
    }
    // A citizen who did not block the bot writes right behind them.
    let anna = TgUser::new(6001, "Anna", Some("de"));
    let (_, latency) = say(&emu, &anna, "/start", WELCOME, Duration::from_secs(20)).await;
    eprintln!("behind 55 blocked chats, /start was answered after {latency:?}");

    // Each blocked chat is tried once; a 403 is final.
    eventually(
        Duration::from_secs(30),
        || {
            let untried: Vec<i64> = blocked
                .iter()
                .filter(|u| emu.refused_calls(u.id) == 0)
                .map(|u| u.id)
                .collect();
            format!("the bot never tried to answer the blocked chats {untried:?}")
        },
        || blocked.iter().all(|u| emu.refused_calls(u.id) >= 1),
    )
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let retried: Vec<(i64, usize)> = blocked
        .iter()
        .map(|u| (u.id, emu.refused_calls(u.id)))
        .filter(|(_, n)| *n != 1)
        .collect();
    assert!(
        retried.is_empty(),
        "a chat that blocked the bot is tried once and given up; (chat, refused calls): {retried:?}"
    );

    // Someone else is served at once.
    let bernd = TgUser::new(6002, "Bernd", Some("de"));
    let (menu, latency) = say(&emu, &bernd, "/start", MENU, Duration::from_secs(10)).await;
    eprintln!("after the blocked chats were given up, /start was answered after {latency:?}");
    assert!(menu.text.contains(WELCOME), "{menu:#?}");
    assert!(
        !menu.buttons().is_empty(),
        "the menu has buttons: {menu:#?}"
    );

    // The given-up messages are counted.
    let client = reqwest::Client::new();
    let url = format!("{}/metrics", serve.http);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let body = client
            .get(&url)
            .send()
            .await
            .expect("GET /metrics")
            .text()
            .await
            .expect("metrics body");
        let dead = sum(&body, "schalter_outbox_dead_total", &[]);
        if dead == Some(55.0) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "schalter_outbox_dead_total should be 55, is {dead:?}:\n{body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_502_on_send_is_retried_and_answered_once() {
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let carla = TgUser::new(6101, "Carla", Some("de"));
    // teloxide itself waits 10 s after every 5xx before it reports the error, so two 502s and
    // the outbox's back-off take about 25 s.
    emu.fail_next_sends(2);
    let (welcome, latency) = say(&emu, &carla, "/start", WELCOME, Duration::from_secs(60)).await;
    eprintln!("after two 502s, /start was answered after {latency:?}");
    assert_eq!(emu.bad_gateways(), 2, "the first two sends got the 502");
    tokio::time::sleep(Duration::from_secs(3)).await;
    let all = emu.messages(carla.id);
    assert_eq!(all.len(), 1, "answered exactly once: {all:#?}");
    assert_eq!(all[0].message_id, welcome.message_id);
    serve.kill().await;
    db.drop_db().await;
}

/// A new leader releases the claims its predecessor left once that one is surely fenced
/// (7 s after it starts). A 429 it got itself meanwhile is not such a claim: its
/// `retry_after` stands even when it runs across that moment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_after_that_spans_the_takeover_is_honoured() {
    let started = Instant::now();
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let dora = TgUser::new(6102, "Dora", Some("de"));
    // The 429 comes about 4 s after the start and asks for 6 s: the release at 7 s falls
    // inside the wait.
    tokio::time::sleep(Duration::from_secs(4).saturating_sub(started.elapsed())).await;
    emu.throttle_next_for(1, 6);
    let (welcome, _) = say(&emu, &dora, "/start", WELCOME, Duration::from_secs(30)).await;
    let throttled = emu.throttled_at();
    assert_eq!(throttled.len(), 1, "the first attempt got the 429");
    let waited = throttled[0].elapsed();
    assert!(
        waited >= Duration::from_secs(6),
        "the retry waited for retry_after (6 s), not for the takeover: {waited:?}"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(emu.messages(dora.id).len(), 1, "answered once");
    assert_eq!(emu.last_id(dora.id), welcome.message_id);
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn update_ids_that_restart_lower_are_answered() {
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let dora = TgUser::new(6301, "Dora", Some("de"));
    say(&emu, &dora, "/start", WELCOME, Duration::from_secs(30)).await;

    // A week without updates: Telegram numbers them anew, far lower.
    emu.restart_update_ids(10);
    let (_, latency) = say(&emu, &dora, "/help", HELP, Duration::from_secs(20)).await;
    eprintln!("the first update of the new numbering was answered after {latency:?}");
    say(
        &emu,
        &dora,
        "/appointments",
        NO_APPOINTMENTS,
        Duration::from_secs(20),
    )
    .await;
    // The bot confirms the new updates too, rather than getting them again on every poll.
    eventually(
        Duration::from_secs(5),
        || {
            format!(
                "{} updates are still unconfirmed; update 10 was handed out {} times",
                emu.pending_updates(),
                emu.handed_out(10)
            )
        },
        || emu.pending_updates() == 0,
    )
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let all = emu.messages(dora.id);
    assert_eq!(all.len(), 3, "every input answered once: {all:#?}");
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiet_spell_does_not_slow_the_next_answer() {
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let emil = TgUser::new(6401, "Emil", Some("de"));
    say(&emu, &emil, "/start", WELCOME, Duration::from_secs(30)).await;
    // Longer than teloxide's 17 s client timeout.
    tokio::time::sleep(Duration::from_secs(20)).await;
    let (_, latency) = say(&emu, &emil, "/help", HELP, Duration::from_secs(15)).await;
    eprintln!("after 20 s of quiet, /help was answered after {latency:?}");
    assert!(
        latency <= Duration::from_secs(5),
        "after a quiet spell the answer took {latency:?}"
    );
    let timeout = emu.max_poll_timeout();
    assert!(
        matches!(timeout, Some(t) if t <= 15),
        "getUpdates must not be held longer than the HTTP client waits (17 s): asked for {timeout:?} s"
    );
    serve.kill().await;
    db.drop_db().await;
}

/// The kind of answer, to check that answers come in the order of the inputs.
fn kind(m: &BotMessage) -> &'static str {
    if m.text.contains(HELP) {
        "/help"
    } else if m.text.contains(NO_APPOINTMENTS) {
        "/appointments"
    } else if m.text.contains(MENU) {
        "/start"
    } else {
        "?"
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_chat_does_not_hold_up_other_chats() {
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let anton = TgUser::new(6501, "Anton", Some("de"));
    let berta = TgUser::new(6502, "Berta", Some("de"));
    say(&emu, &anton, "/start", WELCOME, Duration::from_secs(30)).await;
    let after = emu.last_id(anton.id);

    // Anton sends twelve messages at once: at 1 message/s per chat his answers take 11 s.
    let inputs: Vec<&str> = ["/help", "/appointments", "/start"]
        .iter()
        .copied()
        .cycle()
        .take(12)
        .collect();
    let mut last_update = 0;
    for text in &inputs {
        last_update = emu.send_text(&anton, text);
    }
    // Berta writes once the bot has fetched Anton's burst, so hers is a later update.
    eventually(
        Duration::from_secs(10),
        || "the bot did not fetch the burst".to_owned(),
        || emu.handed_out(last_update) > 0,
    )
    .await;
    let (berta_reply, latency) =
        say(&emu, &berta, "/start", WELCOME, Duration::from_secs(30)).await;
    let anton_then = since(&emu, anton.id, after).len();
    eprintln!(
        "Berta was answered after {latency:?}, when Anton had {anton_then} of his 12 answers"
    );

    eventually(
        Duration::from_secs(40),
        || {
            format!(
                "Anton has {} of 12 answers",
                since(&emu, anton.id, after).len()
            )
        },
        || since(&emu, anton.id, after).len() >= 12,
    )
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let answers = since(&emu, anton.id, after);
    let kinds: Vec<&str> = answers.iter().map(kind).collect();
    assert_eq!(
        kinds, inputs,
        "each input answered once, in order: {answers:#?}"
    );
    let at = |chat: i64, m: &BotMessage| emu.sent_at(chat, m.message_id).expect("sent");
    let anton_first = at(anton.id, &answers[0]);
    let anton_last = at(anton.id, &answers[11]);
    let berta_at = at(berta.id, &berta_reply);
    eprintln!(
        "Anton's answers took {:?} from first to last",
        anton_last - anton_first
    );
    assert!(
        berta_at < anton_last,
        "Berta's answer came {:?} after Anton's last one: a busy chat held up another",
        berta_at - anton_last
    );
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_mid_handling_loses_no_input() {
    let (db, emu, serve) = start(TestDb::postgres().await).await;
    let name = db
        .url
        .rsplit('/')
        .next()
        .and_then(|rest| rest.split('?').next())
        .expect("database name in the URL")
        .to_owned();
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
        "unexpected database name {name:?} in {}",
        db.url
    );
    let frida = TgUser::new(6601, "Frida", Some("de"));
    say(&emu, &frida, "/start", WELCOME, Duration::from_secs(30)).await;

    // The database goes away for about five seconds; Frida writes meanwhile.
    let mut admin = postgres_admin().await;
    allow_connections(&mut admin, &name, false).await;
    let outage = Instant::now();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let before = emu.last_id(frida.id);
    emu.send_text(&frida, "/help");
    tokio::time::sleep(Duration::from_secs(5).saturating_sub(outage.elapsed())).await;
    allow_connections(&mut admin, &name, true).await;
    let back = Instant::now();
    let _ = admin.close().await;

    let help = reply(
        &emu,
        frida.id,
        before,
        Duration::from_secs(30),
        "answer to /help sent during the outage",
        |m| m.text.contains(HELP),
    )
    .await;
    eprintln!(
        "the database was back for {:?} when /help was answered",
        back.elapsed()
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = since(&emu, frida.id, before);
    assert_eq!(after.len(), 1, "answered exactly once: {after:#?}");
    assert_eq!(after[0].message_id, help.message_id);
    serve.kill().await;
    db.drop_db().await;
}

/// `/mydata` also comes as a JSON file, and the file's outbox row goes once it is delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_data_comes_as_a_json_file_that_is_not_kept() {
    let (db, emu, serve) = start(TestDb::sqlite().await).await;
    let user = TgUser::new(6301, "Hanna", Some("de"));
    say(&emu, &user, "/start", WELCOME, Duration::from_secs(30)).await;
    let before = emu.last_id(user.id);
    let (listing, _) = say(
        &emu,
        &user,
        "/mydata",
        "Das speichern wir über Sie",
        Duration::from_secs(30),
    )
    .await;
    assert!(listing.text.contains("Sprache Deutsch"), "{}", listing.text);
    let file = reply(
        &emu,
        user.id,
        before,
        Duration::from_secs(30),
        "the JSON file",
        |m| m.document.is_some(),
    )
    .await;
    let document = file.document.unwrap();
    assert_eq!(document.file_name, "schalter-my-data.json");
    let json: serde_json::Value = serde_json::from_str(&document.content).unwrap();
    assert_eq!(json["conversation"], "telegram:6301");
    assert_eq!(json["language"], "de");
    assert!(file.text.contains("JSON"), "{}", file.text);
    // Delivered: its row is gone at once.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let kept: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE kind = 'mydata-file'")
                .fetch_one(db.store.pool())
                .await
                .unwrap();
        if kept == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the file's row is still kept");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    serve.kill().await;
    db.drop_db().await;
}
