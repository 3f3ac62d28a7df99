//! The web chat on the real `schalter serve` (release build, SQLite):
//!
//! 1. Resident memory with 1,000 citizens holding an open event stream, against the same
//!    process idle (goal: at most 30 MB more).
//! 2. A reply's time from the POST of an answer to its event arriving on the citizen's open
//!    stream, next to the floor: the same step (`menu:book` / `nav:menu`, keyed) driven through
//!    the engine directly on a database of its own (goal: p50 at most 1.5× the floor's). Beside
//!    it, where the reply's time goes: the POST until its answer, a bare HTTP round trip to
//!    the same server, and the web's own step (its transcript rows written with the state)
//!    through the engine directly.
//! 3. The cost of a resume: a stream opened after 100 messages were written while the page was
//!    away, until the 100th arrived.
//!
//! The citizens come through a trusted proxy address with an `X-Forwarded-For` each, as they
//! would from many phones (one address may make 10 changes a second).
//!
//! `cargo bench -p schalter-tests --bench web_chat` (builds `target/release/schalter` if it is
//! missing; `WEB_CHAT_SCHALTER=path` runs another build). Not a test: it prints figures, and the
//! load average, since the machine may be shared.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, COOKIE, ORIGIN};
use schalter_core::message::Message;
use schalter_core::notice::NoticeKind;
use schalter_core::{Clock, ConversationId, Input, SystemClock};
use schalter_tests::web_events::{self, next_office};
use schalter_tests::{TestDb, free_port};

const CITIZENS: usize = 1_000;
/// Steps measured for the reply's time, spread over this many citizens (a citizen may send 20
/// inputs a minute).
const STEPS: usize = 3_000;
const STEPPERS: usize = 1_000;
const MISSED: usize = 100;

fn schalter_bin() -> PathBuf {
    std::env::var_os("WEB_CHAT_SCHALTER").map_or_else(
        || schalter_tests::workspace().join("target/release/schalter"),
        PathBuf::from,
    )
}

fn release_binary() -> PathBuf {
    let bin = schalter_bin();
    if !bin.exists() {
        let status = std::process::Command::new(env!("CARGO"))
            .args(["build", "--release", "-p", "schalter"])
            .current_dir(schalter_tests::workspace())
            .status()
            .expect("run cargo build");
        assert!(
            status.success() && bin.exists(),
            "could not build {}",
            bin.display()
        );
    }
    bin
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .expect("/proc/<pid>/status")
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One citizen: the cookie, the address they come from.
struct Citizen {
    cookie: String,
    from: String,
}

async fn start(client: &reqwest::Client, http: &str, i: usize) -> Citizen {
    let from = format!("10.{}.{}.{}", i / 65_536, (i / 256) % 256, i % 256);
    let r = client
        .post(format!("{http}/chat/api/start"))
        .header(ORIGIN, http)
        .header("x-forwarded-for", &from)
        .json(&serde_json::json!({"lang": "de"}))
        .send()
        .await
        .expect("start");
    assert!(r.status().is_success(), "start: {}", r.status());
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    Citizen { cookie, from }
}

/// The conversation a citizen's cookie stands for, as the server derives it (`web/session.rs`).
fn conversation_of(citizen: &Citizen) -> ConversationId {
    use sha2::Digest;
    let token = citizen.cookie.trim_start_matches("schalter_chat=");
    let digest = sha2::Sha256::digest(format!("schalter-web:{token}").as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    ConversationId::parse(&format!("web:{hex}")).unwrap()
}

/// An open event stream from `after`.
async fn stream(
    client: &reqwest::Client,
    http: &str,
    citizen: &Citizen,
    after: i64,
) -> tokio::sync::mpsc::UnboundedReceiver<(Instant, String)> {
    web_events::open(client, http, &citizen.cookie, &citizen.from, after).await
}

#[tokio::main]
async fn main() {
    let bin = release_binary();
    let db = TestDb::sqlite().await;
    let http = format!("http://127.0.0.1:{}", free_port());
    let mut child = tokio::process::Command::new(&bin)
        .arg("serve")
        .current_dir(schalter_tests::workspace())
        .env("SCHALTER_DATABASE_URL", &db.url)
        .env("SCHALTER_HTTP_BIND", http.trim_start_matches("http://"))
        .env("SCHALTER_WEB_TRUSTED_PROXIES", "127.0.0.1")
        .env("SCHALTER_LOG", "warn")
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start serve");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(2_000)
        .build()
        .unwrap();
    for _ in 0..300 {
        if client.get(format!("{http}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let pid = child.id().expect("pid");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle = rss_kb(pid);
    println!("web chat bench, {} (load {})", bin.display(), load());

    // 1. A thousand citizens, each with an open stream that got its greeting.
    let mut citizens = Vec::with_capacity(CITIZENS);
    let mut streams = Vec::with_capacity(CITIZENS);
    for i in 0..CITIZENS {
        let citizen = start(&client, &http, i).await;
        streams.push(stream(&client, &http, &citizen, 0).await);
        citizens.push(citizen);
    }
    for rx in &mut streams {
        next_office(rx).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let open = rss_kb(pid);
    println!(
        "memory: idle {:.1} MB, {CITIZENS} open streams {:.1} MB: {:.1} MB more (goal ≤ 30)",
        idle as f64 / 1024.0,
        open as f64 / 1024.0,
        (open.saturating_sub(idle)) as f64 / 1024.0
    );

    // 2. A reply's time, POST to event, next to the engine's step; and where it goes: the
    // POST until its answer (the step is stored when it comes), and a bare HTTP round trip
    // to the same server (`/healthz`, no database) on the same client.
    let mut times = Vec::with_capacity(STEPS);
    let mut posts = Vec::with_capacity(STEPS);
    for step in 0..STEPS {
        let who = step % STEPPERS;
        let option = if (step / STEPPERS).is_multiple_of(2) {
            "menu:book"
        } else {
            "nav:menu"
        };
        let started = Instant::now();
        let r = client
            .post(format!("{http}/chat/api/input"))
            .header(COOKIE, &citizens[who].cookie)
            .header(ORIGIN, &http)
            .header("x-forwarded-for", &citizens[who].from)
            .header(CONTENT_TYPE, "application/json")
            .body(format!(
                r#"{{"client_id": "s{step}", "option": "{option}"}}"#
            ))
            .send()
            .await
            .expect("input");
        posts.push(started.elapsed());
        assert_eq!(r.status(), reqwest::StatusCode::ACCEPTED);
        let arrived = next_office(&mut streams[who]).await;
        times.push(arrived - started);
    }
    times.sort();
    posts.sort();
    let mut bare = Vec::with_capacity(STEPS);
    for _ in 0..STEPS {
        let started = Instant::now();
        let r = client
            .get(format!("{http}/healthz"))
            .send()
            .await
            .expect("healthz");
        r.bytes().await.expect("healthz body");
        bare.push(started.elapsed());
    }
    bare.sort();
    let floor = engine_floor(false).await;
    let shown_floor = engine_floor(true).await;
    println!(
        "reply, POST to event: p50 {:.2} ms, p99 {:.2} ms; the engine's step alone: p50 {:.2} ms, p99 {:.2} ms; p50 {:.2}× (goal ≤ 1.5×)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(percentile(&floor, 0.5)),
        ms(percentile(&floor, 0.99)),
        ms(percentile(&times, 0.5)) / ms(percentile(&floor, 0.5)),
    );
    println!(
        "  of which: the POST until its answer p50 {:.2} ms; a bare HTTP round trip (/healthz) p50 {:.2} ms; the web's step (with its transcript rows) through the engine directly p50 {:.2} ms, p99 {:.2} ms",
        ms(percentile(&posts, 0.5)),
        ms(percentile(&bare, 0.5)),
        ms(percentile(&shown_floor, 0.5)),
        ms(percentile(&shown_floor, 0.99)),
    );

    // 3. A resume after 100 messages missed.
    drop(streams);
    let away = &citizens[CITIZENS - 1];
    let conversation = conversation_of(away);
    let last: i64 =
        sqlx::query_scalar("SELECT MAX(seq) FROM web_messages WHERE conversation_id = $1")
            .bind(conversation.as_str())
            .fetch_one(db.store.pool())
            .await
            .unwrap();
    for i in 0..MISSED {
        let body = Message {
            text: format!("Nachricht {i}"),
            ..Message::default()
        }
        .to_json();
        db.store
            .outbox()
            .notify_once(
                &conversation,
                &format!("bench:{i}"),
                NoticeKind::Say,
                &body,
                SystemClock.now(),
            )
            .await
            .unwrap();
    }
    // Until the outbox wrote them all into the transcript.
    loop {
        let now: i64 =
            sqlx::query_scalar("SELECT MAX(seq) FROM web_messages WHERE conversation_id = $1")
                .bind(conversation.as_str())
                .fetch_one(db.store.pool())
                .await
                .unwrap();
        if now >= last + MISSED as i64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut resumes = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let mut rx = stream(&client, &http, away, last).await;
        for _ in 0..MISSED {
            next_office(&mut rx).await;
        }
        resumes.push(started.elapsed());
    }
    resumes.sort();
    println!(
        "resume after {MISSED} missed messages, until the last arrived: p50 {:.1} ms, max {:.1} ms (10 resumes)",
        ms(percentile(&resumes, 0.5)),
        ms(resumes[resumes.len() - 1]),
    );
    let _ = child.kill().await;
    db.drop_db().await;
}

/// The same step through the engine directly, keyed as the inbox does, on a database of its
/// own: the floor the web chat is measured against. `shown`: the step as the web chat takes
/// it (`handle_shown`, its transcript rows written with the state), to tell the database's
/// share of a reply from the HTTP's and the event stream's.
async fn engine_floor(shown: bool) -> Vec<Duration> {
    let db = TestDb::sqlite().await;
    let (engine, _clock) = schalter_tests::engine(&db.store, SystemClock.now());
    let engine: Arc<schalter_core::Engine> = engine;
    let conversations: Vec<ConversationId> = (0..STEPPERS)
        .map(|i| ConversationId::parse(&format!("web:{i:032x}")).unwrap())
        .collect();
    for c in &conversations {
        engine
            .dialogue()
            .handle_keyed(c, Some("start"), Some("de"), Input::Text("/start".into()))
            .await
            .unwrap();
    }
    let mut times = Vec::with_capacity(STEPS);
    for step in 0..STEPS {
        let c = &conversations[step % STEPPERS];
        let option = if (step / STEPPERS).is_multiple_of(2) {
            "menu:book"
        } else {
            "nav:menu"
        };
        let key = format!("s{step}");
        let started = Instant::now();
        if shown {
            engine
                .dialogue()
                .handle_shown(
                    c,
                    &key,
                    None,
                    Input::Choice(option.into()),
                    Some(option),
                    true,
                )
                .await
                .unwrap()
                .expect("a started conversation");
        } else {
            engine
                .dialogue()
                .handle_keyed(c, Some(&key), None, Input::Choice(option.into()))
                .await
                .unwrap();
        }
        times.push(started.elapsed());
    }
    times.sort();
    db.drop_db().await;
    times
}
