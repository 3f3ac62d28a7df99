//! Telegram replies through the project's Bot API emulator: the real `schalter serve` (release
//! build, SQLite) next to a bare long-polling echo bot on the same emulator, in one run.
//!
//! - Closed loop, 20 and 40 chats: each chat taps through a booking (7 messages: `/start`, then
//!   menu numbers), sending the next message [`THINK`] after the previous reply arrived.
//! - Open loop, 30 messages/s (Telegram's limit per bot) for 30 s, spread over 120 chats.
//!
//! Latency is emulator time from the citizen's message reaching "Telegram" (the update queued)
//! to the bot's reply arriving there (`sendMessage` handled); throughput is replies per second
//! from the first message to the last reply.
//!
//! Three floors: the bare echo bot; the same echo bot keeping Telegram's limits (30
//! messages/s overall, 1/s per chat, each message waiting exactly as long as needed), which
//! Schalter keeps too and any bot must on the real Telegram (where the offered load stays
//! under the limits the two are the same; at 40 chats tapping every second it does not); and
//! a durable echo bot within the limits, which does the least a bot must do so that a kill at
//! any moment loses no message and repeats none: it stores the update before moving the
//! offset on, stores the reply before sending it and records both as done after the send
//! (SQLite in WAL mode with `synchronous = NORMAL`, as Schalter; 4 statements a reply).
//!
//! The citizen reads each reply for [`THINK`] before tapping the next button, as a person
//! does; `TELEGRAM_BENCH_THINK_MS=0` makes a machine that taps the instant a reply arrives (then
//! the limit of 1 message/s per chat decides everything but the bare echo bot's figures).
//!
//! `cargo build --release -p schalter && cargo bench -p schalter-tests --bench telegram_reply`
//! (`TELEGRAM_BENCH_SCHALTER=path` runs another build, e.g. an older one to compare;
//! `TELEGRAM_BENCH_CHATS=1,5` only closed loops of those sizes). Not a
//! test: it prints figures, and the load average, since the machine may be shared.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use schalter_tests::TestDb;
use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser};
use serde_json::{Value, json};

/// What a citizen taps, in order (a whole booking): the menu, book, the first service
/// (Anmeldung), on to the dates, the first day, the first time, confirm.
const SCRIPT: [&str; 7] = ["/start", "1", "1", "4", "1", "1", "1"];
/// The pause between reading a reply and tapping the next button.
const THINK: Duration = Duration::from_secs(1);
const CHATS: [usize; 2] = [20, 40];
/// The open loop: messages per second, for how long, over how many chats (each chat then
/// writes every 4 s, within Telegram's 1 message/s per chat and the core's 20 inputs a minute).
const RATE: u32 = 30;
const SUSTAIN: Duration = Duration::from_secs(30);
const SUSTAIN_CHATS: i64 = 120;
/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// How long a reply may take before it counts as missing.
const PATIENCE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Echo,
    EchoLimited,
    DurableEcho,
    Schalter,
}

impl Side {
    const ALL: [Side; 4] = [
        Side::Echo,
        Side::EchoLimited,
        Side::DurableEcho,
        Side::Schalter,
    ];

    fn name(self) -> &'static str {
        match self {
            Side::Echo => "echo bot",
            Side::EchoLimited => "echo bot within limits",
            Side::DurableEcho => "durable echo bot",
            Side::Schalter => "Schalter",
        }
    }
}

/// The `schalter` binary to run: the release build, or `TELEGRAM_BENCH_SCHALTER`.
fn schalter_bin() -> PathBuf {
    std::env::var_os("TELEGRAM_BENCH_SCHALTER").map_or_else(
        || schalter_tests::workspace().join("target/release/schalter"),
        PathBuf::from,
    )
}

/// A bot running against an emulator.
enum Running {
    Echo(tokio::task::JoinHandle<()>),
    DurableEcho(tokio::task::JoinHandle<()>, TestDb),
    Schalter(Box<(tokio::process::Child, TestDb)>),
}

impl Running {
    async fn start(side: Side, emu: &Emulator) -> Self {
        match side {
            Side::Echo => Running::Echo(tokio::spawn(echo_bot(emu.url.clone(), None))),
            Side::EchoLimited => Running::Echo(tokio::spawn(echo_bot(
                emu.url.clone(),
                Some(Arc::default()),
            ))),
            Side::DurableEcho => {
                let db = TestDb::sqlite().await;
                for table in [
                    "CREATE TABLE bench_inbox (update_id INTEGER PRIMARY KEY, chat INTEGER NOT \
                     NULL, text TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0)",
                    "CREATE TABLE bench_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, chat \
                     INTEGER NOT NULL, text TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)",
                ] {
                    sqlx::query(table)
                        .execute(db.store.pool())
                        .await
                        .expect("bench tables");
                }
                let task = tokio::spawn(durable_echo_bot(emu.url.clone(), db.store.clone()));
                Running::DurableEcho(task, db)
            }
            Side::Schalter => {
                let db = TestDb::sqlite().await;
                let child = serve(&db, emu).await;
                Running::Schalter(Box::new((child, db)))
            }
        }
    }

    async fn stop(self) {
        match self {
            Running::Echo(task) => task.abort(),
            Running::DurableEcho(task, db) => {
                task.abort();
                db.drop_db().await;
            }
            Running::Schalter(running) => {
                let (mut child, db) = *running;
                child.kill().await.expect("kill schalter serve");
                db.drop_db().await;
            }
        }
    }
}

/// `schalter serve` as the tests start it (see `schalter_tests::Serve`), but from the release
/// build, once its HTTP side answers.
async fn serve(db: &TestDb, emu: &Emulator) -> tokio::process::Child {
    let bind = format!("127.0.0.1:{}", schalter_tests::free_port());
    let child = tokio::process::Command::new(schalter_bin())
        .arg("serve")
        .current_dir(schalter_tests::workspace())
        .env("SCHALTER_HTTP_BIND", &bind)
        .env(
            "SCHALTER_LOG",
            std::env::var("TELEGRAM_BENCH_LOG").unwrap_or_else(|_| "error".to_owned()),
        )
        .env("SCHALTER_DATABASE_URL", &db.url)
        .env("SCHALTER_TELEGRAM_TOKEN", TOKEN)
        .env("SCHALTER_TELEGRAM_API_URL", &emu.url)
        .env("SCHALTER_CLOCK_START", MORNING)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start schalter serve");
    let client = reqwest::Client::new();
    for _ in 0..300 {
        if let Ok(r) = client.get(format!("http://{bind}/healthz")).send().await
            && r.status().is_success()
        {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("schalter serve did not come up on {bind}");
}

/// Telegram's limits for the echo bot: 30 messages in any second, one a second per chat.
#[derive(Default)]
struct Limits {
    sent: Mutex<(VecDeque<Instant>, HashMap<i64, Instant>)>,
}

impl Limits {
    async fn wait(&self, chat: i64) {
        loop {
            let until = {
                let mut sent = self.sent.lock().expect("limits");
                let (overall, chats) = &mut *sent;
                let now = Instant::now();
                while overall
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
                {
                    overall.pop_front();
                }
                let mut until = chats.get(&chat).map(|t| *t + Duration::from_secs(1));
                if overall.len() >= 30 {
                    until = until.max(Some(overall[overall.len() - 30] + Duration::from_secs(1)));
                }
                match until {
                    Some(until) if until > now => until,
                    _ => {
                        overall.push_back(now);
                        chats.insert(chat, now);
                        return;
                    }
                }
            };
            tokio::time::sleep_until(until.into()).await;
        }
    }
}

/// One long poll of getUpdates from `offset`; none after an error (a failed connection
/// waits 100 ms before the next poll).
async fn updates(client: &reqwest::Client, base: &str, offset: i64) -> Vec<Value> {
    let answer = client
        .post(format!("{base}/getUpdates"))
        .json(&json!({"offset": offset, "timeout": 10}))
        .send()
        .await;
    let Ok(answer) = answer else {
        tokio::time::sleep(Duration::from_millis(100)).await;
        return Vec::new();
    };
    let Ok(mut body) = answer.json::<Value>().await else {
        return Vec::new();
    };
    match body["result"].take() {
        Value::Array(updates) => updates,
        _ => Vec::new(),
    }
}

/// The floor: getUpdates with an offset, one sendMessage per text update (after waiting for
/// the limits, if kept), the send not waited for before the next poll.
async fn echo_bot(url: String, limits: Option<Arc<Limits>>) {
    let client = reqwest::Client::new();
    let base = format!("{url}/bot{TOKEN}");
    let mut offset = 0;
    loop {
        for update in &updates(&client, &base, offset).await {
            offset = update["update_id"].as_i64().unwrap_or(offset) + 1;
            let message = &update["message"];
            if let (Some(chat), Some(text)) =
                (message["chat"]["id"].as_i64(), message["text"].as_str())
            {
                let send = client
                    .post(format!("{base}/sendMessage"))
                    .json(&json!({"chat_id": chat, "text": text}));
                let limits = limits.clone();
                tokio::spawn(async move {
                    if let Some(limits) = limits {
                        limits.wait(chat).await;
                    }
                    let _ = send.send().await;
                });
            }
        }
    }
}

/// The durable floor: as [`echo_bot`] within the limits, but the update is stored before
/// the offset moves on, the reply is stored before it is sent, and both are marked done after
/// the send, each statement on its own (as a crash may come between any two).
async fn durable_echo_bot(url: String, store: schalter_core::Store) {
    let client = reqwest::Client::new();
    let base = format!("{url}/bot{TOKEN}");
    let limits: Arc<Limits> = Arc::default();
    let mut offset = 0;
    loop {
        for update in &updates(&client, &base, offset).await {
            let id = update["update_id"].as_i64().unwrap_or(offset);
            offset = id + 1;
            let message = &update["message"];
            let (Some(chat), Some(text)) =
                (message["chat"]["id"].as_i64(), message["text"].as_str())
            else {
                continue;
            };
            let text = text.to_owned();
            if sqlx::query("INSERT INTO bench_inbox (update_id, chat, text) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(chat)
                .bind(&text)
                .execute(store.pool())
                .await
                .is_err()
            {
                return;
            }
            let (client, base, store, limits) =
                (client.clone(), base.clone(), store.clone(), limits.clone());
            tokio::spawn(async move {
                // Errors only come once the run is over and the database is gone.
                let Ok(reply) = sqlx::query_scalar::<_, i64>(
                    "INSERT INTO bench_outbox (chat, text) VALUES ($1, $2) RETURNING id",
                )
                .bind(chat)
                .bind(&text)
                .fetch_one(store.pool())
                .await
                else {
                    return;
                };
                limits.wait(chat).await;
                let _ = client
                    .post(format!("{base}/sendMessage"))
                    .json(&json!({"chat_id": chat, "text": text}))
                    .send()
                    .await;
                for (sql, key) in [
                    ("UPDATE bench_outbox SET sent = 1 WHERE id = $1", reply),
                    ("UPDATE bench_inbox SET done = 1 WHERE update_id = $1", id),
                ] {
                    if sqlx::query(sql)
                        .bind(key)
                        .execute(store.pool())
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
    }
}

struct Figures {
    p50: Duration,
    p99: Duration,
    replies: usize,
    missing: usize,
    per_sec: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn figures(mut latencies: Vec<Duration>, missing: usize, span: Duration) -> Figures {
    latencies.sort();
    Figures {
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
        replies: latencies.len(),
        missing,
        per_sec: latencies.len() as f64 / span.as_secs_f64().max(1e-9),
    }
}

fn user(chat: i64) -> TgUser {
    TgUser::new(chat, "Bench", Some("de"))
}

/// One message and its reply; `None` if no reply came.
async fn ask(emu: &Emulator, chat: i64, after: i64, text: &str) -> Option<(i64, Instant, Instant)> {
    let update = emu.send_text(&user(chat), text);
    // A booking's calendar file follows its confirmation; the reply is the text.
    let mut after = after;
    let reply = loop {
        let m = emu.next_message(chat, after, PATIENCE).await?;
        if m.document.is_none() {
            break m;
        }
        after = m.message_id;
    };
    let asked = emu.pushed_at(update).expect("queued update");
    let answered = emu.sent_at(chat, reply.message_id).expect("sent reply");
    Some((reply.message_id, asked, answered))
}

/// A first exchange before timing, so that connections and caches are warm.
async fn warm_up(emu: &Emulator) {
    ask(emu, 1, 0, "/start")
        .await
        .expect("the bot answers at all");
}

/// `chats` citizens tap through [`SCRIPT`] at once.
async fn closed_loop(side: Side, chats: usize, think: Duration) -> Figures {
    let emu = Emulator::start().await;
    let bot = Running::start(side, &emu).await;
    warm_up(&emu).await;
    let mut citizens = Vec::new();
    for c in 0..chats {
        let emu = emu.clone();
        let chat = 10_000 + c as i64;
        citizens.push(tokio::spawn(async move {
            let mut after = 0;
            let mut times = Vec::new();
            for (i, text) in SCRIPT.iter().enumerate() {
                if i > 0 {
                    tokio::time::sleep(think).await;
                }
                let Some((reply, asked, answered)) = ask(&emu, chat, after, text).await else {
                    break;
                };
                after = reply;
                times.push((asked, answered));
            }
            times
        }));
    }
    let mut times = Vec::new();
    for c in citizens {
        times.extend(c.await.expect("citizen"));
    }
    bot.stop().await;
    let missing = chats * SCRIPT.len() - times.len();
    let first = times.iter().map(|t| t.0).min().expect("some exchange");
    let last = times.iter().map(|t| t.1).max().expect("some exchange");
    let latencies = times
        .iter()
        .map(|(a, b)| b.saturating_duration_since(*a))
        .collect();
    figures(latencies, missing, last - first)
}

/// [`RATE`] messages a second for [`SUSTAIN`], whatever the replies do.
async fn open_loop(side: Side) -> Figures {
    let emu = Emulator::start().await;
    let bot = Running::start(side, &emu).await;
    warm_up(&emu).await;
    let total = (SUSTAIN.as_secs_f64() * f64::from(RATE)).round() as i64;
    let step = Duration::from_secs(1) / RATE;
    let start = tokio::time::Instant::now();
    // (chat, update) in the order sent.
    let mut sent: Vec<(i64, i64)> = Vec::new();
    for i in 0..total {
        tokio::time::sleep_until(start + step * u32::try_from(i).unwrap_or(u32::MAX)).await;
        let chat = 20_000 + i % SUSTAIN_CHATS;
        let text = SCRIPT[usize::try_from(i / SUSTAIN_CHATS).unwrap_or(0) % SCRIPT.len()];
        sent.push((chat, emu.send_text(&user(chat), text)));
    }
    let chats: Vec<i64> = (0..SUSTAIN_CHATS.min(total)).map(|c| 20_000 + c).collect();
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        let replies: usize = chats.iter().map(|c| replies(&emu, *c).len()).sum();
        if replies >= sent.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bot.stop().await;
    // Each message gets one reply, in order: the k-th reply in a chat answers its k-th message.
    let mut latencies = Vec::new();
    let mut missing = 0;
    let mut first: Option<Instant> = None;
    let mut last: Option<Instant> = None;
    for chat in chats {
        let replies = replies(&emu, chat);
        let asked: Vec<i64> = sent
            .iter()
            .filter(|(c, _)| *c == chat)
            .map(|(_, u)| *u)
            .collect();
        missing += asked.len().saturating_sub(replies.len());
        for (update, reply) in asked.iter().zip(&replies) {
            let a = emu.pushed_at(*update).expect("queued update");
            let b = emu.sent_at(chat, reply.message_id).expect("sent reply");
            first = Some(first.map_or(a, |f| f.min(a)));
            last = Some(last.map_or(b, |l| l.max(b)));
            latencies.push(b.saturating_duration_since(a));
        }
    }
    let span = match (first, last) {
        (Some(f), Some(l)) => l - f,
        _ => Duration::ZERO,
    };
    figures(latencies, missing, span)
}

/// The bot's text messages to `chat`, in order (calendar files are not replies).
fn replies(emu: &Emulator, chat: i64) -> Vec<schalter_tests::telegram_emulator::BotMessage> {
    let mut messages = emu.messages(chat);
    messages.retain(|m| m.document.is_none());
    messages
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn line(run: &str, side: Side, f: &Figures) {
    let missing = if f.missing > 0 {
        format!(", {} MISSING", f.missing)
    } else {
        String::new()
    };
    println!(
        "{run:<24} {:<24} p50 {:>8} p99 {:>8} {:>6.1} replies/s ({} replies{missing}), load {}",
        side.name(),
        ms(f.p50),
        ms(f.p99),
        f.per_sec,
        f.replies,
        load()
    );
}

/// `a` over `b`.
fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}×", a / b.max(1e-9))
}

#[tokio::main]
async fn main() {
    let bin = schalter_bin();
    if !bin.exists() {
        eprintln!(
            "{} is missing: build it first with `cargo build --release -p schalter`",
            bin.display()
        );
        std::process::exit(2);
    }
    let think = std::env::var("TELEGRAM_BENCH_THINK_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(THINK, Duration::from_millis);
    println!(
        "Telegram replies through the emulator ({}); citizens think {} between taps; load at \
         start {}",
        bin.display(),
        ms(think),
        load()
    );
    // Per run: the figures of each side, in the order of `Side::ALL`.
    let mut runs: Vec<(String, Vec<Figures>)> = Vec::new();
    // `TELEGRAM_BENCH_CHATS=1,5`: only closed loops of these sizes, to look at one closely.
    let only: Option<Vec<usize>> = std::env::var("TELEGRAM_BENCH_CHATS")
        .ok()
        .map(|v| v.split(',').filter_map(|c| c.trim().parse().ok()).collect());
    for chats in only.clone().unwrap_or(CHATS.to_vec()) {
        let run = format!("{chats} chats × 7 messages");
        let mut sides = Vec::new();
        for side in Side::ALL {
            let f = closed_loop(side, chats, think).await;
            line(&run, side, &f);
            sides.push(f);
        }
        runs.push((run, sides));
    }
    if only.is_none() {
        let run = format!(
            "{RATE} messages/s for {} s over {SUSTAIN_CHATS} chats",
            SUSTAIN.as_secs()
        );
        let mut sides = Vec::new();
        for side in Side::ALL {
            let f = open_loop(side).await;
            line(&run, side, &f);
            sides.push(f);
        }
        runs.push((run, sides));
    }

    println!();
    println!(
        "| run | echo bot p50 / p99, replies/s | echo bot within limits | durable echo bot | \
         Schalter | Schalter p50 ÷ echo bot, ÷ within limits, ÷ durable (goal ≤ 1.3×) | \
         Schalter replies/s ÷ echo bot, ÷ within limits (goal ≥ 0.95×) |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (run, sides) in &runs {
        let [echo, limited, durable, schalter] = &sides[..] else {
            unreachable!("four sides")
        };
        let cell = |f: &Figures| format!("{} / {}, {:.1}/s", ms(f.p50), ms(f.p99), f.per_sec);
        println!(
            "| {run} | {} | {} | {} | {} | {}, {}, {} | {}, {} |",
            cell(echo),
            cell(limited),
            cell(durable),
            cell(schalter),
            ratio(schalter.p50.as_secs_f64(), echo.p50.as_secs_f64()),
            ratio(schalter.p50.as_secs_f64(), limited.p50.as_secs_f64()),
            ratio(schalter.p50.as_secs_f64(), durable.p50.as_secs_f64()),
            ratio(schalter.per_sec, echo.per_sec),
            ratio(schalter.per_sec, limited.per_sec),
        );
    }
    println!("(sustained run: goal p99 ≤ 1 s)");
    let missing: usize = runs
        .iter()
        .flat_map(|(_, sides)| sides.iter().map(|f| f.missing))
        .sum();
    if missing > 0 {
        println!(
            "\n{missing} replies did not come within {} s",
            PATIENCE.as_secs()
        );
    }
}
