//! A citizen's 10 MB PDF on its way in.
//!
//! 1. Throughput: `Dialogue::handle_file` (the streaming check, the keyed digest, sealing in
//!    256 KiB chunks, each chunk written as it is complete, the row's transaction of
//!    `DocumentRepo::keep`, the dialogue's answer) for a
//!    conversation with a confirmed Anmeldung, next to the floor: the same bytes written with
//!    plain INSERTs in one transaction into a scratch table of the same database, as 40 chunks
//!    of 256 KiB (the shape the store writes) and as one BLOB/BYTEA. SQLite (a file) and
//!    PostgreSQL; the median of [`ITERATIONS`] runs after [`WARM_UP`]. The CPU parts alone
//!    (check, digest, sealing) are timed apart to say where the time goes.
//! 2. Memory: the real `schalter serve` (release build, SQLite, the Telegram emulator) while
//!    five citizens, each with a booked Anmeldung, send a 10 MB PDF at once; as started by
//!    hand (glibc's defaults, as the deploy kit starts it), and with one malloc arena
//!    ([`ONE_ARENA`]). `VmRSS` from
//!    `/proc/<pid>/status` every [`SAMPLE`] from before the sends until all five are answered,
//!    and `VmHWM` at the end.
//!
//! `cargo bench -p schalter-tests --bench documents` (builds `target/release/schalter` if it
//! is missing; `SERVE_MEMORY_SCHALTER=path` runs another build; PostgreSQL from
//! SCHALTER_TEST_POSTGRES_URL, as for the tests; `DOCUMENTS_BENCH=memory` runs the second part
//! alone). Not a test: it prints figures.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use schalter_core::Engine;
use schalter_core::dialogue::Fetched;
use schalter_core::documents::{CHUNK, DocumentKey, check};
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TOKEN, TgUser};
use schalter_tests::{TestDb, conv, documents};

/// The documents' limit (the catalogue's `max_file_mb`), which the PDF fills almost to the byte.
const LIMIT: usize = 10 * 1024 * 1024;
const ITERATIONS: usize = 15;
const WARM_UP: usize = 2;
/// The citizen of the throughput part.
const CITIZEN: &str = "telegram:900001";
/// Citizens sending at once in the memory part.
const SENDERS: i64 = 5;
const SAMPLE: Duration = Duration::from_millis(20);
/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";

// ---------------------------------------------------------------------------------------------
// The file

/// A one-page PDF as a scanner makes it, just under [`LIMIT`] in all, so the check takes it.
fn scanned_pdf(title: &str, seed: u64) -> Vec<u8> {
    documents::scanned_pdf(title, 3200, 3276, seed)
}

// ---------------------------------------------------------------------------------------------
// Figures

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / d.as_secs_f64()
}

// ---------------------------------------------------------------------------------------------
// 1. Throughput

/// A confirmed Anmeldung for [`CITIZEN`], booked through the dialogue as a citizen does.
async fn book(engine: &Engine) {
    let menu = engine
        .dialogue()
        .open(&conv(CITIZEN), Some("de"))
        .await
        .expect("the menu");
    let mut reply = menu;
    for prefix in [
        "menu:book",
        "svc:anmeldung",
        "go:dates",
        "day:",
        "time:",
        "confirm",
    ] {
        reply = schalter_tests::press(engine, CITIZEN, &reply, prefix).await;
    }
}

/// Deletes every kept document, so that the next file is neither a duplicate nor the
/// eleventh of the booking.
async fn forget_documents(db: &TestDb) {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM documents")
        .fetch_all(db.store.pool())
        .await
        .expect("the documents");
    for id in ids {
        db.store.documents().remove(&id).await.expect("remove");
    }
}

/// One run of the floor: `bytes` in one transaction, as rows of `chunk` bytes.
async fn floor(db: &TestDb, sqlite: bool, run: usize, bytes: &[u8], chunk: usize) -> Duration {
    let pool = db.store.pool();
    let id = format!("run-{run}");
    let begin = Instant::now();
    let mut tx = if sqlite {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
    .expect("a transaction");
    for (seq, piece) in bytes.chunks(chunk).enumerate() {
        sqlx::query("INSERT INTO bench_blobs (id, seq, data) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(seq as i64)
            .bind(piece)
            .execute(&mut *tx)
            .await
            .expect("an insert");
    }
    tx.commit().await.expect("commit");
    let took = begin.elapsed();
    sqlx::query("DELETE FROM bench_blobs")
        .execute(pool)
        .await
        .expect("empty the scratch table");
    took
}

async fn throughput(name: &str, db: TestDb) {
    let sqlite = db.url.starts_with("sqlite");
    let now = DateTime::parse_from_rfc3339(MORNING)
        .unwrap()
        .with_timezone(&Utc);
    let (engine, _clock) = schalter_tests::engine(&db.store, now);
    engine
        .documents()
        .unlock(DocumentKey::from_hex(&DocumentKey::generate_hex()).expect("a key"));
    book(&engine).await;
    let data = if sqlite { "BLOB" } else { "BYTEA" };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE TABLE bench_blobs (id TEXT NOT NULL, seq BIGINT NOT NULL, data {data} NOT NULL, \
         PRIMARY KEY (id, seq))"
    )))
    .execute(db.store.pool())
    .await
    .expect("the floor's table");

    let mut schalter = Vec::new();
    let mut chunks = Vec::new();
    let mut blob = Vec::new();
    for run in 0..WARM_UP + ITERATIONS {
        let bytes = scanned_pdf(&format!("{name} {run}"), run as u64 + 1);
        let size = bytes.len();
        let chunked = floor(&db, sqlite, run, &bytes, CHUNK).await;
        let whole = floor(&db, sqlite, run, &bytes, bytes.len()).await;
        let key = format!("bench:{run}");
        let begin = Instant::now();
        let keyed = engine
            .dialogue()
            .handle_file(&conv(CITIZEN), &key, None, Fetched::Bytes(bytes))
            .await
            .expect("the file is handled");
        let took = begin.elapsed();
        let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE input_key = $1")
            .bind(&key)
            .fetch_one(db.store.pool())
            .await
            .expect("count");
        assert_eq!(kept, 1, "not kept ({size} bytes): {:#?}", keyed.reply);
        forget_documents(&db).await;
        if run >= WARM_UP {
            schalter.push(took);
            chunks.push(chunked);
            blob.push(whole);
        }
    }
    let (schalter, chunks, blob) = (median(schalter), median(chunks), median(blob));
    println!(
        "| {name} | {:.0} ms ({:.0} MB/s) | {:.0} ms ({:.0} MB/s) | {:.1}× | {:.0} ms | {:.1}× |",
        ms(schalter),
        mb_per_s(LIMIT, schalter),
        ms(chunks),
        mb_per_s(LIMIT, chunks),
        ms(schalter) / ms(chunks),
        ms(blob),
        ms(schalter) / ms(blob),
    );
    db.drop_db().await;
}

/// The parts of the path that need no database, alone: check, digest, sealing.
fn cpu_parts() {
    let key = DocumentKey::from_hex(&DocumentKey::generate_hex()).expect("a key");
    let (mut checks, mut digests, mut seals) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..WARM_UP + ITERATIONS {
        let bytes = scanned_pdf(&format!("cpu {run}"), 1000 + run as u64);
        let begin = Instant::now();
        let checked = check(&bytes, LIMIT).expect("the check takes it");
        let checked_in = begin.elapsed();
        let begin = Instant::now();
        let digest = key.digest(&checked.bytes);
        let digest_in = begin.elapsed();
        let begin = Instant::now();
        let sealed = key.seal_all(&digest, &checked.bytes);
        let sealed_in = begin.elapsed();
        assert_eq!(sealed.len(), checked.bytes.len().div_ceil(CHUNK));
        if run >= WARM_UP {
            checks.push(checked_in);
            digests.push(digest_in);
            seals.push(sealed_in);
        }
    }
    println!(
        "CPU alone (median, one core): check (the streaming scan) {:.1} ms, keyed digest \
         (HMAC-SHA-256) {:.1} ms, sealing (XChaCha20-Poly1305, 40 chunks) {:.1} ms",
        ms(median(checks)),
        ms(median(digests)),
        ms(median(seals)),
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Memory

/// The `schalter` binary to run: the release build, or `SERVE_MEMORY_SCHALTER`.
fn release_binary() -> PathBuf {
    let bin = std::env::var_os("SERVE_MEMORY_SCHALTER").map_or_else(
        || schalter_tests::workspace().join("target/release/schalter"),
        PathBuf::from,
    );
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

/// `VmRSS` and `VmHWM` of a process, in kB.
fn memory(pid: u32) -> (u64, u64) {
    let status =
        std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/<pid>/status");
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in /proc/{pid}/status"))
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// `schalter serve` as the tests start it (see `schalter_tests::Serve`), from the release
/// build, once its HTTP side answers.
async fn serve(
    bin: &PathBuf,
    url: &str,
    emu: &Emulator,
    env: &[(&str, &str)],
) -> tokio::process::Child {
    let bind = format!("127.0.0.1:{}", schalter_tests::free_port());
    let child = tokio::process::Command::new(bin)
        .envs(env.iter().copied())
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

async fn press(emu: &Emulator, user: &TgUser, message: &BotMessage, data: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.press(user, message, data);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// The `n`th time on offer (or the last), so that the senders book at once without taking
/// each other's slot.
fn nth_time(times: &BotMessage, n: usize) -> String {
    let offered: Vec<String> = times
        .buttons()
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| d.starts_with("time:"))
        .collect();
    offered[n.min(offered.len() - 1)].clone()
}

/// A citizen books an Anmeldung by the buttons, as on Telegram.
async fn book_on_telegram(emu: &Emulator, user: &TgUser, n: usize) {
    let before = emu.last_id(user.id);
    emu.send_text(user, "/start");
    let menu = emu
        .wait_message(user.id, before, |m| m.document.is_none())
        .await;
    let services = press(emu, user, &menu, "menu:book").await;
    let checklist = press(emu, user, &services, "svc:anmeldung").await;
    let days = press(emu, user, &checklist, "go:dates").await;
    let times = press(emu, user, &days, &days.data("day:")).await;
    let held = press(emu, user, &times, &nth_time(&times, n)).await;
    press(emu, user, &held, "confirm").await;
}

/// One malloc arena, not glibc's eight per core: what the deploy kit set while files were
/// held whole (each arena kept a freed 10 MB buffer), measured beside the defaults.
const ONE_ARENA: [(&str, &str); 1] = [("MALLOC_ARENA_MAX", "1")];

async fn memory_while_five_arrive(env: &[(&str, &str)]) {
    let bin = release_binary();
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let mut child = serve(&bin, &db.url, &emu, env).await;
    let pid = child.id().expect("schalter serve runs");
    let (started, _) = memory(pid);

    let users: Vec<TgUser> = (0..SENDERS)
        .map(|i| TgUser::new(7100 + i, &format!("Bürger {i}"), Some("de")))
        .collect();
    futures_util::future::join_all(
        users
            .iter()
            .enumerate()
            .map(|(n, user)| book_on_telegram(&emu, user, n)),
    )
    .await;
    let files: Vec<Vec<u8>> = (0..SENDERS)
        .map(|i| scanned_pdf(&format!("Wohnungsgeberbestaetigung {i}"), 77 + i as u64))
        .collect();
    // Let the replies of the bookings go out and the process settle.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (idle, _) = memory(pid);

    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut samples = Vec::new();
            let begin = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                samples.push((begin.elapsed(), memory(pid).0));
                tokio::time::sleep(SAMPLE).await;
            }
            samples
        })
    };
    tokio::time::sleep(SAMPLE * 3).await;
    let befores: Vec<i64> = users.iter().map(|u| emu.last_id(u.id)).collect();
    let sent = Instant::now();
    for (user, file) in users.iter().zip(&files) {
        emu.send_document_file(user, file, "Vermieter.pdf", "application/pdf");
    }
    let answers =
        futures_util::future::join_all(users.iter().zip(&befores).map(|(user, before)| async {
            let m = emu
                .wait_message_within(user.id, *before, Duration::from_secs(300), |_| true)
                .await;
            (m, sent.elapsed())
        }))
        .await;
    let all_answered = sent.elapsed();
    stop.store(true, Ordering::Relaxed);
    let samples = sampler.await.expect("the sampler");
    let (_, hwm) = memory(pid);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (after, _) = memory(pid);
    for (answer, _) in &answers {
        assert!(
            answer.text.contains("Welche Unterlage"),
            "not kept: {answer:#?}"
        );
    }
    let (documents, chunks) = db.store.documents().totals().await.expect("totals");
    assert_eq!(documents, SENDERS, "five documents kept");
    child.kill().await.expect("kill schalter serve");

    let peak = samples.iter().map(|(_, kb)| *kb).max().unwrap_or(0);
    let at = samples
        .iter()
        .find(|(_, kb)| *kb == peak)
        .map_or(Duration::ZERO, |(t, _)| *t);
    println!();
    println!(
        "schalter serve ({}{}), SQLite, {SENDERS} × {:.1} MB PDF on Telegram at once; {} \
         samples every {} ms; {documents} documents in {chunks} chunks kept",
        bin.display(),
        env.iter()
            .map(|(k, v)| format!(", {k}={v}"))
            .collect::<String>(),
        files[0].len() as f64 / (1024.0 * 1024.0),
        samples.len(),
        SAMPLE.as_millis(),
    );
    let mut each: Vec<f64> = answers.iter().map(|(_, t)| t.as_secs_f64()).collect();
    each.sort_by(f64::total_cmp);
    println!(
        "answered after {} s (all {:.2} s)",
        each.iter()
            .map(|t| format!("{t:.2}"))
            .collect::<Vec<_>>()
            .join(", "),
        all_answered.as_secs_f64()
    );
    // The curve, every 100 ms, to see what holds memory when.
    let curve: Vec<String> = samples
        .iter()
        .step_by(5)
        .map(|(t, kb)| format!("{:.1}s {:.0}", t.as_secs_f64(), mb(*kb)))
        .collect();
    println!("RSS (MB) every 100 ms: {}", curve.join(" · "));
    println!();
    println!("| point | RSS |");
    println!("|---|---|");
    println!("| started, before the bookings | {:.1} MB |", mb(started));
    println!(
        "| idle (5 bookings made, before the sends) | {:.1} MB |",
        mb(idle)
    );
    println!(
        "| peak while the five arrive (sampled, at {:.2} s) | {:.1} MB |",
        at.as_secs_f64(),
        mb(peak)
    );
    println!("| peak of the process's life (VmHWM) | {:.1} MB |", mb(hwm));
    println!("| 3 s after the last answer | {:.1} MB |", mb(after));
    println!();
    let above = peak.max(hwm).saturating_sub(idle);
    println!(
        "peak − idle: {:.1} MB (sampled {:.1} MB); goal < 30 MB above idle: {}",
        mb(above),
        mb(peak.saturating_sub(idle)),
        if above < 30 * 1024 { "met" } else { "MISSED" }
    );
    db.drop_db().await;
}

#[tokio::main]
async fn main() {
    if std::env::var("DOCUMENTS_BENCH").is_ok_and(|part| part == "memory") {
        memory_while_five_arrive(&[]).await;
        memory_while_five_arrive(&ONE_ARENA).await;
        return;
    }
    let sample = scanned_pdf("x", 1);
    let checked = check(&sample, LIMIT).expect("the check takes the 10 MB PDF");
    assert_eq!(checked.bytes, sample, "a PDF is kept as sent");
    println!(
        "A {:.2} MB PDF ({} bytes; one page, one unfiltered image), {} chunks of {} KiB; median \
         of {ITERATIONS} after {WARM_UP} warm-up runs. Load at start {}.",
        sample.len() as f64 / (1024.0 * 1024.0),
        sample.len(),
        sample.len().div_ceil(CHUNK),
        CHUNK / 1024,
        std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|l| l.split_whitespace().next().map(str::to_owned))
            .unwrap_or_else(|| "?".into())
    );
    drop((sample, checked));
    cpu_parts();
    println!();
    println!(
        "| database | handle_file (check, seal, keep, answer) | floor: 40 × 256 KiB INSERTs, one \
         transaction | ratio | floor: one BLOB | ratio |"
    );
    println!("|---|---|---|---|---|---|");
    throughput("SQLite", TestDb::sqlite().await).await;
    throughput("PostgreSQL", TestDb::postgres().await).await;
    memory_while_five_arrive(&[]).await;
    memory_while_five_arrive(&ONE_ARENA).await;
}
