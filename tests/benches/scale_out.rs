//! Scale-out: 1, 2 and 3 replicas of `schalter serve` (release build) on one PostgreSQL,
//! behind Telegram webhooks and serving the web chat, each request posted to the next replica
//! in turn as a load balancer would; the project's Bot API emulator stands for Telegram.
//!
//! For each replica count, on a fresh database, first on Telegram, then on the web chat:
//!
//! - **Capacity**: [`CAPACITY_CHATS`] chats each tap through a whole booking (7 inputs) as
//!   fast as the webhook answers, [`POSTERS`] requests at once; inputs per second from the
//!   first post until the inbox holds nothing pending (handled: state stored, reply queued).
//!   The replies then go out at Telegram's 30 a second from the one replica that sends.
//! - **Latency**: an open loop of [`RATE`] inputs a second for [`SUSTAIN`], over
//!   [`LATENCY_CHATS`] chats; a reply's latency is from the post to the emulator receiving
//!   the answer. With the calendar file after each booking that is 23 messages a second,
//!   under Telegram's 30, so sending does not queue.
//! - **CPU**: the share of the machine's CPU time PostgreSQL's processes and the replicas
//!   used during the capacity run (from `/proc`; 100 % is every core busy).
//! - **The web chat**: the same booking typed by web citizens (each from an address of its
//!   own behind the trusted proxy), every answer posted to the next replica. Capacity counts
//!   an input when its POST is answered (the step and its transcript rows are stored then);
//!   latency is from the POST to the reply arriving on the citizen's open event stream, which
//!   stays on the replica the chat was started on, so with several replicas most replies
//!   reach it from another replica (`NOTIFY`).
//!
//! The replicas run on the machine's clock: a shifted office clock (`SCHALTER_CLOCK_START`)
//! starts when each process starts, so replicas started one after the other would disagree,
//! and the inbox orders a conversation's inputs by the time they were stored.
//!
//! Everything runs on this machine (the bench, the emulator, the replicas, PostgreSQL), so
//! more replicas share the same cores: what the figures show is where the time goes, not what
//! more machines would add. See the README's "Scale-out" for the model drawn from them.
//!
//! `cargo build --release -p schalter && cargo bench -p schalter-tests --bench scale_out`
//! (`SCALE_OUT_REPLICAS=1,2` for other counts, `SCALE_OUT_LOG=warn` for the replicas' logs). Not a test: it prints figures.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::ORIGIN;
use schalter_tests::TestDb;
use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser, webhook_secret};
use schalter_tests::web_events;

/// A whole booking: the menu, book, the first service, on to the dates, the first day, the
/// first time, confirm.
const SCRIPT: [&str; 7] = ["/start", "1", "1", "4", "1", "1", "1"];
const CAPACITY_CHATS: i64 = 150;
const POSTERS: usize = 32;
const RATE: u32 = 20;
const SUSTAIN: Duration = Duration::from_secs(20);
const LATENCY_CHATS: i64 = 100;
const HOOK: &str = "https://bot.example.org/hook";
/// The city's page that embeds the web chat: the `Origin` of the web citizens' requests.
const CITY: &str = "https://www.stadt.example";

/// CPU time (user + system) of the processes whose command is `postgres`, and of `pids`.
fn cpu_ticks(pids: &[u32]) -> (u64, u64) {
    let ticks = |stat: &str| -> Option<(String, u64)> {
        // The command is in parentheses and may hold spaces; the fields follow it.
        let (head, rest) = stat.rsplit_once(')')?;
        let comm = head.split_once('(')?.1.to_owned();
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let utime: u64 = fields.get(11)?.parse().ok()?;
        let stime: u64 = fields.get(12)?.parse().ok()?;
        Some((comm, utime + stime))
    };
    let mut postgres = 0;
    let mut ours = 0;
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        if let Some((comm, t)) = ticks(&stat) {
            if comm == "postgres" {
                postgres += t;
            }
            if pids.contains(&pid) {
                ours += t;
            }
        }
    }
    (postgres, ours)
}

fn cores() -> f64 {
    std::thread::available_parallelism().map_or(1.0, |n| n.get() as f64)
}

/// Clock ticks a second (`getconf CLK_TCK`: 100 on Linux).
const TICKS: f64 = 100.0;

struct Office {
    db: TestDb,
    emu: Emulator,
    replicas: Vec<(tokio::process::Child, String)>,
    secret: String,
    client: reqwest::Client,
    next: std::sync::atomic::AtomicUsize,
}

impl Office {
    async fn start(count: usize) -> Self {
        let db = TestDb::postgres().await;
        let emu = Emulator::start().await;
        let bin = schalter_tests::workspace().join("target/release/schalter");
        let mut replicas = Vec::new();
        for _ in 0..count {
            let bind = format!("127.0.0.1:{}", schalter_tests::free_port());
            let child = tokio::process::Command::new(&bin)
                .arg("serve")
                .current_dir(schalter_tests::workspace())
                .env("SCHALTER_HTTP_BIND", &bind)
                .env(
                    "SCHALTER_LOG",
                    std::env::var("SCALE_OUT_LOG").unwrap_or_else(|_| "error".to_owned()),
                )
                .env("SCHALTER_DATABASE_URL", &db.url)
                .env("SCHALTER_TELEGRAM_TOKEN", TOKEN)
                .env("SCHALTER_TELEGRAM_API_URL", &emu.url)
                .env("SCHALTER_TELEGRAM_WEBHOOK_URL", HOOK)
                .env("SCHALTER_WEB_ORIGINS", CITY)
                .env("SCHALTER_WEB_TRUSTED_PROXIES", "127.0.0.1")
                .stdin(std::process::Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .expect("start schalter serve");
            let client = reqwest::Client::new();
            let mut up = false;
            for _ in 0..300 {
                if let Ok(r) = client.get(format!("http://{bind}/healthz")).send().await
                    && r.status().is_success()
                {
                    up = true;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert!(up, "schalter serve did not come up on {bind}");
            replicas.push((child, format!("http://{bind}")));
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while emu.webhook().is_none() {
            assert!(Instant::now() < deadline, "setWebhook was not called");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let secret = webhook_secret();
        Self {
            db,
            emu,
            replicas,
            secret,
            client: reqwest::Client::new(),
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn pids(&self) -> Vec<u32> {
        self.replicas.iter().filter_map(|(c, _)| c.id()).collect()
    }

    /// `user` types `text`; the update goes to the next replica in turn.
    async fn post(&self, user: &TgUser, text: &str) {
        let update = self.emu.update_json(self.emu.send_text(user, text));
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let base = &self.replicas[i % self.replicas.len()].1;
        let status = self
            .client
            .post(format!("{base}/hook"))
            .header("X-Telegram-Bot-Api-Secret-Token", &self.secret)
            .json(&update)
            .send()
            .await
            .expect("webhook call")
            .status();
        assert!(status.is_success(), "the webhook answered {status}");
    }

    /// The next replica in turn.
    fn next_replica(&self) -> &str {
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        &self.replicas[i % self.replicas.len()].1
    }

    /// Web citizen `i` starts the chat on the next replica.
    async fn web_start(&self, i: i64) -> WebCitizen {
        let from = format!("10.{}.{}.{}", i / 65_536, (i / 256) % 256, i % 256);
        let home = self.next_replica().to_owned();
        let r = self
            .client
            .post(format!("{home}/chat/api/start"))
            .header(ORIGIN, CITY)
            .header("x-forwarded-for", &from)
            .json(&serde_json::json!({"lang": "de"}))
            .send()
            .await
            .expect("start the web chat");
        assert!(r.status().is_success(), "start: {}", r.status());
        let cookie = r.headers()["set-cookie"]
            .to_str()
            .expect("a cookie")
            .split(';')
            .next()
            .expect("name=value")
            .to_owned();
        WebCitizen {
            cookie,
            from,
            home,
            answers: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The web citizen types `text`; the answer goes to the next replica in turn.
    async fn web_say(&self, citizen: &WebCitizen, text: &str) {
        let n = citizen
            .answers
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let status = self
            .client
            .post(format!("{}/chat/api/input", self.next_replica()))
            .header(ORIGIN, CITY)
            .header(reqwest::header::COOKIE, &citizen.cookie)
            .header("x-forwarded-for", &citizen.from)
            .json(&serde_json::json!({"client_id": format!("a{n}"), "text": text}))
            .send()
            .await
            .expect("a web answer")
            .status();
        assert_eq!(
            status,
            reqwest::StatusCode::ACCEPTED,
            "the answer was refused"
        );
    }

    async fn pending(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE status = 'pending'")
            .fetch_one(self.db.store.pool())
            .await
            .expect("read the inbox")
    }

    async fn stop(self) {
        for (mut child, _) in self.replicas {
            let _ = child.kill().await;
        }
        self.db.drop_db().await;
    }
}

/// A citizen of the web chat: the cookie, the address behind the proxy, the replica the chat
/// was started on, and the answers sent so far (for their client ids).
struct WebCitizen {
    cookie: String,
    from: String,
    home: String,
    answers: std::sync::atomic::AtomicUsize,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Inputs a second handled, and the CPU shares of PostgreSQL and the replicas meanwhile:
/// `chat(office, i)` types the whole booking of chat `i`, [`POSTERS`] chats at once, until
/// [`CAPACITY_CHATS`] are done and the inbox holds nothing pending (a webhook's input is
/// handled after its answer; a web chat's before it).
async fn capacity<F, Fut>(office: &Arc<Office>, chat: F) -> (f64, f64, f64)
where
    F: Fn(Arc<Office>, i64) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let pids = office.pids();
    let (pg0, ours0) = cpu_ticks(&pids);
    let started = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicI64::new(0));
    let workers: Vec<_> = (0..POSTERS)
        .map(|_| {
            let (office, next, chat) = (office.clone(), next.clone(), chat.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= CAPACITY_CHATS {
                        return;
                    }
                    chat(office.clone(), i).await;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("poster");
    }
    let posted = started.elapsed();
    while office.pending().await > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let took = started.elapsed();
    if std::env::var_os("SCALE_OUT_LOG").is_some() {
        println!("posted in {posted:?}, handled in {took:?}");
    }
    let (pg1, ours1) = cpu_ticks(&pids);
    let machine = took.as_secs_f64() * TICKS * cores();
    let inputs = (CAPACITY_CHATS as usize * SCRIPT.len()) as f64;
    (
        inputs / took.as_secs_f64(),
        (pg1 - pg0) as f64 / machine,
        (ours1 - ours0) as f64 / machine,
    )
}

/// A Telegram chat's booking, each update to the next replica.
async fn telegram_booking(office: Arc<Office>, i: i64) {
    let user = TgUser::new(100_000 + i, &format!("Bürgerin {i}"), Some("de"));
    for text in SCRIPT {
        office.post(&user, text).await;
    }
}

/// A web citizen starts the chat and types the booking, every request to the next replica.
async fn web_booking(office: Arc<Office>, i: i64) {
    let citizen = office.web_start(i).await;
    for text in &SCRIPT[1..] {
        office.web_say(&citizen, text).await;
    }
}

/// The reply's latencies at [`RATE`] inputs a second, and how many never came.
async fn latency(office: &Arc<Office>) -> (Vec<Duration>, usize) {
    let users: Vec<TgUser> = (0..LATENCY_CHATS)
        .map(|i| TgUser::new(200_000 + i, &format!("Bürger {i}"), Some("de")))
        .collect();
    let total = RATE as usize * SUSTAIN.as_secs() as usize;
    let mut tick = tokio::time::interval(Duration::from_secs(1) / RATE);
    let mut posts = Vec::new();
    let mut sent: HashMap<i64, usize> = HashMap::new();
    for n in 0..total {
        tick.tick().await;
        let user = users[n % users.len()].clone();
        let step = sent.entry(user.id).or_default();
        let text = SCRIPT[*step % SCRIPT.len()];
        *step += 1;
        let before = office.emu.last_id(user.id);
        let office = office.clone();
        posts.push(tokio::spawn(async move {
            let at = Instant::now();
            office.post(&user, text).await;
            (user.id, before, at)
        }));
    }
    let mut latencies = Vec::new();
    let mut missing = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    for post in posts {
        let (chat, before, at) = post.await.expect("post");
        let reply = loop {
            let found = office
                .emu
                .messages(chat)
                .into_iter()
                .find(|m| m.message_id > before && m.document.is_none());
            if found.is_some() || Instant::now() > deadline {
                break found;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        match reply.and_then(|m| office.emu.sent_at(m.chat_id, m.message_id)) {
            Some(t) => latencies.push(t.saturating_duration_since(at)),
            None => missing += 1,
        }
    }
    latencies.sort();
    (latencies, missing)
}

/// The web reply's latencies at [`RATE`] inputs a second: from the POST (to the next replica)
/// to the reply on the citizen's open stream (on the replica the chat was started on).
async fn web_latency(office: &Arc<Office>) -> (Vec<Duration>, usize) {
    let mut citizens = Vec::new();
    for i in 0..LATENCY_CHATS {
        let citizen = office.web_start(300_000 + i).await;
        let mut events = web_events::open(
            &office.client,
            &citizen.home,
            &citizen.cookie,
            &citizen.from,
            0,
        )
        .await;
        web_events::next_office(&mut events).await;
        citizens.push((Arc::new(citizen), Arc::new(tokio::sync::Mutex::new(events))));
    }
    let total = RATE as usize * SUSTAIN.as_secs() as usize;
    let mut tick = tokio::time::interval(Duration::from_secs(1) / RATE);
    let mut posts = Vec::new();
    for n in 0..total {
        tick.tick().await;
        let (citizen, events) = citizens[n % citizens.len()].clone();
        let text = SCRIPT[1 + (n / citizens.len()) % (SCRIPT.len() - 1)];
        let office = office.clone();
        posts.push(tokio::spawn(async move {
            let mut events = events.lock().await;
            // What came after the last reply (a second message of the same step) is not
            // this answer's reply.
            while events.try_recv().is_ok() {}
            let at = Instant::now();
            office.web_say(&citizen, text).await;
            match tokio::time::timeout(
                Duration::from_secs(20),
                web_events::next_office(&mut events),
            )
            .await
            {
                Ok(arrived) => Some(arrived.saturating_duration_since(at)),
                Err(_) => None,
            }
        }));
    }
    let mut latencies = Vec::new();
    let mut missing = 0;
    for post in posts {
        match post.await.expect("web post") {
            Some(t) => latencies.push(t),
            None => missing += 1,
        }
    }
    latencies.sort();
    (latencies, missing)
}

/// One line of figures.
fn report(
    what: &str,
    count: usize,
    (per_sec, pg, ours): (f64, f64, f64),
    (latencies, missing): (Vec<Duration>, usize),
) {
    println!(
        "{count} replica(s), {what}: {per_sec:>6.0} inputs/s handled (PostgreSQL {:>3.0} %, \
         replicas {:>3.0} % of the machine); at {RATE}/s reply p50 {} p99 {}{}",
        pg * 100.0,
        ours * 100.0,
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        if missing > 0 {
            format!(", {missing} MISSING")
        } else {
            String::new()
        }
    );
}

#[tokio::main]
async fn main() {
    let bin = schalter_tests::workspace().join("target/release/schalter");
    if !bin.exists() {
        eprintln!(
            "{} is missing: build it first with `cargo build --release -p schalter`",
            bin.display()
        );
        std::process::exit(2);
    }
    let counts: Vec<usize> = std::env::var("SCALE_OUT_REPLICAS")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 3]);
    println!(
        "scale-out on PostgreSQL behind webhooks, {} cores; capacity: {CAPACITY_CHATS} chats × \
         {} inputs, {POSTERS} at once; latency: {RATE} inputs/s for {SUSTAIN:?} over \
         {LATENCY_CHATS} chats",
        cores(),
        SCRIPT.len()
    );
    for count in counts {
        let office = Arc::new(Office::start(count).await);
        let (per_sec, pg, ours) = capacity(&office, telegram_booking).await;
        // The capacity run's replies go out at 30 a second: wait until they are all out (no
        // new message for two seconds) before measuring latency.
        let drained = Instant::now() + Duration::from_secs(180);
        loop {
            let sent = office.emu.sent_total();
            tokio::time::sleep(Duration::from_secs(2)).await;
            if office.emu.sent_total() == sent || Instant::now() > drained {
                break;
            }
        }
        let telegram = latency(&office).await;
        report("Telegram", count, (per_sec, pg, ours), telegram);
        let web = capacity(&office, web_booking).await;
        let web_latencies = web_latency(&office).await;
        report("web chat", count, web, web_latencies);
        match Arc::try_unwrap(office) {
            Ok(office) => office.stop().await,
            Err(_) => panic!("a post still holds the office"),
        }
    }
}
