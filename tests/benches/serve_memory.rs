//! Resident memory of the real `schalter serve` (release build, SQLite) with 10,000 active
//! conversations on Telegram, through the project's Bot API emulator.
//!
//! Each of 10,000 chats writes `/start` and then `1` (book), so every conversation is mid-
//! dialogue, at the list of services. Chats come in waves of [`WAVE`]; the next wave starts
//! once the bot has handled every input so far (the inbox in the database says so), as a busy
//! office sees citizens arrive rather than 20,000 messages in one burst. Resident memory
//! (`VmRSS`) and its peak (`VmHWM`) come from `/proc/<pid>/status`: at idle, after 1,000 and
//! after 10,000 conversations, and after [`DELIVERY`] more of delivering the replies (Telegram
//! takes 30 messages a second from a bot, so the 20,000 replies take about 11 minutes to go
//! out; the outbox keeps them in the database, not in memory).
//!
//! `cargo bench -p schalter-tests --bench serve_memory` (builds `target/release/schalter` if it
//! is missing; `SERVE_MEMORY_SCHALTER=path` runs another build). Not a test: it prints figures,
//! and the load average, since the machine may be shared.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use schalter_core::Store;
use schalter_tests::telegram_emulator::{Emulator, Event, TOKEN, TgUser};

const CHATS: i64 = 10_000;
/// Where the first figure is taken.
const FIRST: i64 = 1_000;
/// Chats whose messages are queued at once.
const WAVE: i64 = 250;
/// What each chat writes: the menu, then book.
const SCRIPT: [&str; 2] = ["/start", "1"];
/// The first chat id; the chats are `FIRST_CHAT..FIRST_CHAT + CHATS`.
const FIRST_CHAT: i64 = 1_000_000;
/// How long the bot delivers replies before the last figure.
const DELIVERY: Duration = Duration::from_secs(60);
/// A wave whose inputs are not all handled after this long stops the bench.
const PATIENCE: Duration = Duration::from_secs(300);
/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";

/// The `schalter` binary to run: the release build, or `SERVE_MEMORY_SCHALTER`.
fn schalter_bin() -> PathBuf {
    std::env::var_os("SERVE_MEMORY_SCHALTER").map_or_else(
        || schalter_tests::workspace().join("target/release/schalter"),
        PathBuf::from,
    )
}

/// The release build, built first if it is missing.
fn release_binary() -> PathBuf {
    let bin = schalter_bin();
    if !bin.exists() {
        println!(
            "{} is missing: cargo build --release -p schalter",
            bin.display()
        );
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

/// `VmRSS` and `VmHWM` of a process, and what the resident part is made of, in kB.
#[derive(Debug, Clone, Copy)]
struct Memory {
    rss_kb: u64,
    peak_kb: u64,
    /// The heap and other private memory.
    anon_kb: u64,
    /// Pages of files mapped in: mostly the binary's code.
    file_kb: u64,
    /// Shared memory (SQLite's WAL index when the database lives on a tmpfs).
    shmem_kb: u64,
}

fn memory(pid: u32) -> Memory {
    let status =
        std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/<pid>/status");
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in /proc/{pid}/status"))
    };
    Memory {
        rss_kb: field("VmRSS:"),
        peak_kb: field("VmHWM:"),
        anon_kb: field("RssAnon:"),
        file_kb: field("RssFile:"),
        shmem_kb: field("RssShmem:"),
    }
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// `schalter serve` as the tests start it (see `schalter_tests::Serve`), but from the release
/// build, once its HTTP side answers.
async fn serve(bin: &PathBuf, url: &str, emu: &Emulator) -> tokio::process::Child {
    let bind = format!("127.0.0.1:{}", schalter_tests::free_port());
    let child = tokio::process::Command::new(bin)
        .arg("serve")
        .current_dir(schalter_tests::workspace())
        .env("SCHALTER_HTTP_BIND", &bind)
        .env("SCHALTER_LOG", "error")
        .env("SCHALTER_DATABASE_URL", url)
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

/// Inputs the bot has finished with (handled, or given up on).
async fn handled(db: &Store) -> (i64, i64) {
    let row: (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) \
         FROM inbox WHERE status <> 'pending'",
    )
    .fetch_one(db.pool())
    .await
    .expect("count the inbox");
    row
}

/// Replies the bot has sent so far.
fn replies(emu: &Emulator) -> usize {
    emu.events()
        .iter()
        .filter(|e| matches!(e, Event::Sent(..)))
        .count()
}

/// Chats `from..to` write the script; returns once the bot has handled all their inputs.
async fn conversations(emu: &Emulator, db: &Store, from: i64, to: i64) {
    let mut chat = from;
    while chat < to {
        let end = (chat + WAVE).min(to);
        for c in chat..end {
            let user = TgUser::new(FIRST_CHAT + c, "Bench", Some("de"));
            for text in SCRIPT {
                emu.send_text(&user, text);
            }
        }
        let want = end * SCRIPT.len() as i64;
        let started = Instant::now();
        loop {
            let (done, _) = handled(db).await;
            if done >= want {
                break;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "only {done} of {want} inputs handled after {} s",
                PATIENCE.as_secs()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        chat = end;
    }
}

struct Point {
    what: String,
    memory: Memory,
    replies: usize,
    load: String,
}

#[tokio::main]
async fn main() {
    let bin = release_binary();
    println!(
        "schalter serve ({}), SQLite, {CHATS} Telegram chats × {:?}; load at start {}",
        bin.display(),
        SCRIPT,
        load()
    );
    // The database is the binary's to create and migrate (its migrations, not this bench's);
    // the bench only reads it.
    let dir = schalter_tests::scratch_dir("schalter_serve_memory");
    let url = format!("sqlite://{}", dir.join("serve.db").display());
    let emu = Emulator::start().await;
    let mut child = serve(&bin, &url, &emu).await;
    let db = Store::connect(&url).await.expect("open the database");
    let pid = child.id().expect("schalter serve runs");
    let mut points = Vec::new();
    let mut point = |what: String, emu: &Emulator| {
        let p = Point {
            what,
            memory: memory(pid),
            replies: replies(emu),
            load: load(),
        };
        println!(
            "{:<40} RSS {:>8} (anon {:>8}, file {:>8}, shmem {:>7})  peak {:>8}  replies \
             sent {:>6}  load {}",
            p.what,
            mb(p.memory.rss_kb),
            mb(p.memory.anon_kb),
            mb(p.memory.file_kb),
            mb(p.memory.shmem_kb),
            mb(p.memory.peak_kb),
            p.replies,
            p.load
        );
        points.push(p);
    };

    // Idle: up, polling, nothing to do.
    tokio::time::sleep(Duration::from_secs(3)).await;
    point("idle".into(), &emu);

    let started = Instant::now();
    conversations(&emu, &db, 0, FIRST).await;
    point(format!("{FIRST} conversations"), &emu);
    conversations(&emu, &db, FIRST, CHATS).await;
    let took = started.elapsed();
    point(format!("{CHATS} conversations"), &emu);
    tokio::time::sleep(DELIVERY).await;
    point(
        format!("{CHATS} conversations, {} s later", DELIVERY.as_secs()),
        &emu,
    );

    let (done, failed) = handled(&db).await;
    let states: Vec<(String, i64)> = sqlx::query_as(
        "SELECT COALESCE(json_extract(state, '$.step'), substr(state, 1, 20)), COUNT(*) \
         FROM conversations GROUP BY 1 ORDER BY 2 DESC",
    )
    .fetch_all(db.pool())
    .await
    .unwrap_or_default();
    child.kill().await.expect("kill schalter serve");
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);

    let idle = points[0].memory.rss_kb;
    let at_first = points[1].memory.rss_kb;
    let at_all = points[2].memory.rss_kb;
    let peak = points.iter().map(|p| p.memory.peak_kb).max().unwrap_or(0);
    let thousands = (CHATS - FIRST) as f64 / 1000.0;
    let per_thousand = (at_all as f64 - at_first as f64) / thousands / 1024.0;
    println!();
    println!(
        "{done} inputs handled ({failed} given up) in {:.1} s ({:.0} inputs/s); conversation \
         states: {states:?}",
        took.as_secs_f64(),
        done as f64 / took.as_secs_f64()
    );
    println!();
    println!(
        "| point | RSS (VmRSS) | of which anon | file | shmem | peak (VmHWM) | replies sent | \
         load |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for p in &points {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            p.what,
            mb(p.memory.rss_kb),
            mb(p.memory.anon_kb),
            mb(p.memory.file_kb),
            mb(p.memory.shmem_kb),
            mb(p.memory.peak_kb),
            p.replies,
            p.load
        );
    }
    println!();
    println!(
        "idle {} → {CHATS} conversations {} (goal ≤ 50 MB: {}), peak {}; {:.2} MB per 1,000 \
         conversations (between {FIRST} and {CHATS})",
        mb(idle),
        mb(at_all),
        if at_all <= 50 * 1024 { "met" } else { "MISSED" },
        mb(peak),
        per_thousand,
    );
}
