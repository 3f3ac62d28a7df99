//! Two `schalter serve` replicas on one PostgreSQL database behind the Telegram Bot API
//! emulator, while 30 citizens talk to the bot: the leader (A) is killed (kill -9), a third
//! replica (C) joins, the new leader (B, the older survivor) is killed too, and then the
//! database drops every connection twice, 1.5 s apart. Each kill must be followed by a
//! takeover, each reply come within 60 s, and every input be answered exactly once: complete
//! transcripts, nothing twice.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser};
use schalter_tests::{Serve, TestDb};
use sqlx::{Connection, Row};

/// Tuesday 2 February 2027, 07:55 in Heidelberg, as in `telegram.rs`.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// Each citizen's conversation, one input at a time.
const INPUTS: [&str; 4] = ["/start", "/help", "/appointments", "/language"];
const USERS: i64 = 30;
/// The longest a citizen waits for one reply (it may have to wait for a takeover).
const REPLY_LIMIT: Duration = Duration::from_secs(60);

fn env<'a>(db: &'a TestDb, emu: &'a Emulator) -> Vec<(&'static str, &'a str)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", MORNING),
        // Shows who leads when (the replicas' stderr goes to the test's).
        (
            "SCHALTER_LOG",
            "warn,leader=info,matrix_sdk_crypto::backups=error",
        ),
    ]
}

/// The database name: the last path segment of the URL.
fn db_name(url: &str) -> String {
    let name = url
        .rsplit('/')
        .next()
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
        "unexpected database name {name:?} in {url}"
    );
    name
}

/// The admin connection to the PostgreSQL server the test database lives on.
async fn postgres_admin() -> sqlx::PgConnection {
    let url = std::env::var("SCHALTER_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| schalter_tests::DEFAULT_POSTGRES_URL.into());
    sqlx::PgConnection::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL admin connection to {url}: {e}"))
}

/// Ends every connection to the database; returns how many there were.
async fn terminate_connections(admin: &mut sqlx::PgConnection, name: &str) -> usize {
    let ended: Vec<Option<bool>> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(name)
    .fetch_all(&mut *admin)
    .await
    .expect("terminate the database's connections");
    ended.len()
}

/// The server processes holding an advisory lock in the database (the leader's lock).
async fn lock_holders(admin: &mut sqlx::PgConnection, name: &str) -> Vec<i32> {
    sqlx::query_scalar(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted \
         AND database = (SELECT oid FROM pg_database WHERE datname = $1) ORDER BY pid",
    )
    .bind(name)
    .fetch_all(&mut *admin)
    .await
    .expect("read pg_locks")
}

/// What the database holds for a chat: its inbox and outbox rows, times in seconds after
/// the replicas' clock start (each replica's clock starts at `MORNING` when it starts).
async fn delivery_state(url: &str, chat: i64) -> String {
    let Ok(mut conn) = sqlx::PgConnection::connect(url).await else {
        return "(database unreachable)".into();
    };
    let origin = chrono::DateTime::parse_from_rfc3339(MORNING)
        .map(|t| t.timestamp_micros())
        .unwrap_or_default();
    // 0 (or nothing): not set.
    let secs = |v: Option<i64>| match v {
        Some(v) if v > 0 => format!("{:.1}", (v - origin) as f64 / 1e6),
        _ => "-".to_owned(),
    };
    let pattern = format!("%:{chat}");
    let mut out = String::new();
    let inbox = sqlx::query(
        "SELECT id, status, attempts, received_at, next_attempt_at, claimed_until, last_error \
         FROM inbox WHERE conversation_id LIKE $1 ORDER BY received_at",
    )
    .bind(&pattern)
    .fetch_all(&mut conn)
    .await;
    for r in inbox.into_iter().flatten() {
        out.push_str(&format!(
            "\n  inbox {}: {} attempts={} received={} next={} claimed_until={} error={:?}",
            r.get::<String, _>("id"),
            r.get::<String, _>("status"),
            r.get::<i64, _>("attempts"),
            secs(r.get("received_at")),
            secs(r.get("next_attempt_at")),
            secs(r.get("claimed_until")),
            r.get::<Option<String>, _>("last_error"),
        ));
    }
    let outbox = sqlx::query(
        "SELECT id, version, delivered_version, attempts, next_attempt_at, dead_at, last_error \
         FROM notifications WHERE conversation_id LIKE $1 ORDER BY changed_at",
    )
    .bind(&pattern)
    .fetch_all(&mut conn)
    .await;
    for r in outbox.into_iter().flatten() {
        out.push_str(&format!(
            "\n  outbox {}: version={} delivered={} attempts={} next_attempt={} dead={} error={:?}",
            r.get::<String, _>("id"),
            r.get::<i64, _>("version"),
            r.get::<i64, _>("delivered_version"),
            r.get::<i64, _>("attempts"),
            secs(r.get("next_attempt_at")),
            secs(r.get("dead_at")),
            r.get::<Option<String>, _>("last_error"),
        ));
    }
    out
}

/// The reservations in the database: outbox rows claimed for sending and inbox rows claimed
/// for handling, with how long (seconds after the clocks' start), for after a kill.
async fn claims(url: &str) -> String {
    let Ok(mut conn) = sqlx::PgConnection::connect(url).await else {
        return "(database unreachable)".into();
    };
    let origin = chrono::DateTime::parse_from_rfc3339(MORNING)
        .map(|t| t.timestamp_micros())
        .unwrap_or_default();
    let outbox: Vec<(String, i64)> = sqlx::query_as(
        "SELECT conversation_id, next_attempt_at FROM notifications \
         WHERE delivered_version < version AND dead_at IS NULL AND attempts = 0 \
         AND next_attempt_at > 0 ORDER BY conversation_id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    let inbox: Vec<(String, i64)> = sqlx::query_as(
        "SELECT conversation_id, claimed_until FROM inbox \
         WHERE status = 'pending' AND claimed_until IS NOT NULL ORDER BY conversation_id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    let show = |rows: &[(String, i64)]| {
        rows.iter()
            .map(|(c, t)| format!("{c} until {:.1}", (t - origin) as f64 / 1e6))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "outbox rows claimed for sending: [{}]; inbox rows claimed: [{}]",
        show(&outbox),
        show(&inbox)
    )
}

/// How many messages the bot sent to all the citizens so far.
fn total(emu: &Emulator) -> usize {
    (7001..7001 + USERS).map(|id| emu.messages(id).len()).sum()
}

/// Citizens who have an input on its way or will still send one (not done, not parked).
#[derive(Clone, Default)]
struct Active(Arc<AtomicUsize>);

impl Active {
    fn up(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn down(&self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// Waits for the next reply to anyone after `baseline` replies; the time since `since`.
/// `None` when no citizen has anything on its way any more (nothing to answer).
async fn next_reply(
    emu: &Emulator,
    active: &Active,
    baseline: usize,
    since: Instant,
    what: &str,
) -> Option<Duration> {
    let deadline = Instant::now() + REPLY_LIMIT;
    loop {
        if total(emu) > baseline {
            return Some(since.elapsed());
        }
        if active.get() == 0 {
            return None;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: no reply to anyone within {REPLY_LIMIT:?} ({} citizens waiting)",
            active.get()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// One citizen's conversation: each input waits for the bot's reply before the next. If
/// `gate` is given, the last input waits until it opens. Returns, per input, when it was sent
/// (since `begin`) and how long its reply took.
async fn conversation(
    emu: Emulator,
    user: TgUser,
    start_after: Duration,
    gate: Option<tokio::sync::watch::Receiver<bool>>,
    active: Active,
    begin: Instant,
) -> Result<Vec<(Duration, Duration)>, String> {
    tokio::time::sleep(start_after).await;
    let mut latencies = Vec::new();
    for (i, text) in INPUTS.iter().enumerate() {
        if i > 0 {
            let think = rand::random_range(200..800);
            tokio::time::sleep(Duration::from_millis(think)).await;
        }
        if i == INPUTS.len() - 1
            && let Some(mut gate) = gate.clone()
        {
            active.down();
            let opened = gate.wait_for(|open| *open).await.is_ok();
            active.up();
            if !opened {
                active.down();
                return Err(format!("user {}: the gate was dropped", user.id));
            }
        }
        let before = emu.messages(user.id).len();
        let sent = Instant::now();
        emu.send_text(&user, text);
        loop {
            if emu.messages(user.id).len() > before {
                latencies.push((sent.duration_since(begin), sent.elapsed()));
                break;
            }
            if sent.elapsed() > REPLY_LIMIT {
                active.down();
                return Err(format!(
                    "user {}: no reply to {text:?} (input {} of 4) within {REPLY_LIMIT:?}; \
                     the bot sent {:?}",
                    user.id,
                    i + 1,
                    texts(&emu, user.id)
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    active.down();
    Ok(latencies)
}

/// The beginnings of the bot's messages to a chat, for failure messages.
fn texts(emu: &Emulator, chat: i64) -> Vec<String> {
    emu.messages(chat)
        .iter()
        .map(|m| m.text.chars().take(40).collect())
        .collect()
}

/// Kills the oldest replica alive (kill -9), checks that it held the leader lock, opens
/// `gate` and returns the time from the kill to the next reply to anyone (the takeover).
async fn kill_oldest(
    alive: &mut Vec<(char, Serve)>,
    emu: &Emulator,
    active: &Active,
    admin: &mut sqlx::PgConnection,
    db: &TestDb,
    begin: Instant,
    gate: Option<&tokio::sync::watch::Sender<bool>>,
) -> Duration {
    let name = db_name(&db.url);
    let (label, oldest) = alive.remove(0);
    let holders_before = lock_holders(admin, &name).await;
    oldest.kill().await;
    let killed_at = Instant::now();
    eprintln!(
        "{:.1} s: killed replica {label} (leader lock held by backend {holders_before:?}); \
         {} citizens active",
        begin.elapsed().as_secs_f64(),
        active.get()
    );
    // A send already on its way when the process died may still land: let it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    eprintln!("  left behind: {}", claims(&db.url).await);
    let baseline = total(emu);
    if let Some(gate) = gate {
        gate.send_replace(true);
    }
    let takeover = next_reply(emu, active, baseline, killed_at, "after a kill")
        .await
        .unwrap_or_else(|| panic!("nobody was waiting for a reply after killing {label}"));
    let holders_after = lock_holders(admin, &name).await;
    eprintln!(
        "takeover: {:.1} s (after killing {label}; leader lock now held by backend \
         {holders_after:?})",
        takeover.as_secs_f64()
    );
    assert!(
        !holders_before.is_empty() && holders_before.iter().all(|p| !holders_after.contains(p)),
        "replica {label} was not the leader: the lock was held by {holders_before:?} before \
         and by {holders_after:?} after the kill"
    );
    takeover
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_survive_the_leader_being_killed_twice_and_a_database_outage() {
    let db = TestDb::postgres().await;
    let name = db_name(&db.url);
    let emu = Emulator::start().await;
    let env = env(&db, &emu);
    let mut admin = postgres_admin().await;

    // A starts first and leads; B stands by. Oldest first.
    let mut alive: Vec<(char, Serve)> = Vec::new();
    let origin = Instant::now();
    alive.push(('A', Serve::start(&env).await));
    eprintln!("replica A is up");
    tokio::time::sleep(Duration::from_secs(1)).await;
    alive.push(('B', Serve::start(&env).await));
    eprintln!("replica B is up");

    // 30 citizens, staggered. A third of them hold back their last input until right after
    // the second kill, another third until the database outage has begun, so that there is
    // something to answer then.
    let begin = Instant::now();
    eprintln!(
        "citizens start {:.1} s after replica A was started (times below: since they start)",
        origin.elapsed().as_secs_f64()
    );
    let active = Active::default();
    let (open_after_kill, after_kill) = tokio::sync::watch::channel(false);
    let (open_in_outage, in_outage) = tokio::sync::watch::channel(false);
    let mut tasks = Vec::new();
    for (i, id) in (7001..7001 + USERS).enumerate() {
        let user = TgUser::new(id, &format!("Bürger{id}"), Some("de"));
        let start_after = Duration::from_millis(i as u64 * 300 + rand::random_range(0..200));
        let gate = match i % 3 {
            1 => Some(after_kill.clone()),
            2 => Some(in_outage.clone()),
            _ => None,
        };
        active.up();
        tasks.push((
            id,
            tokio::spawn(conversation(
                emu.clone(),
                user,
                start_after,
                gate,
                active.clone(),
                begin,
            )),
        ));
    }

    // The first kill, about 2 s in, once A has answered someone: A leads.
    let first = next_reply(&emu, &active, 0, begin, "before the first kill").await;
    assert!(first.is_some(), "nobody was answered before the first kill");
    tokio::time::sleep(Duration::from_secs(2).saturating_sub(begin.elapsed())).await;
    let takeover1 = kill_oldest(&mut alive, &emu, &active, &mut admin, &db, begin, None).await;

    // Two alive again: C joins and stands by.
    alive.push(('C', Serve::start(&env).await));
    eprintln!("{:.1} s: replica C is up", begin.elapsed().as_secs_f64());

    // The second kill: the older survivor, B, which took over from A.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let takeover2 = kill_oldest(
        &mut alive,
        &emu,
        &active,
        &mut admin,
        &db,
        begin,
        Some(&open_after_kill),
    )
    .await;

    // The database drops every connection, twice, 1.5 s apart, while citizens write.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let outage_at = Instant::now();
    let ended = terminate_connections(&mut admin, &name).await;
    open_in_outage.send_replace(true);
    eprintln!(
        "{:.1} s: database outage: ended {ended} connections; {} citizens active",
        begin.elapsed().as_secs_f64(),
        active.get()
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let ended = terminate_connections(&mut admin, &name).await;
    eprintln!(
        "{:.1} s: database outage: ended {ended} connections again",
        begin.elapsed().as_secs_f64()
    );
    let outage_end = Instant::now();
    let after_outage = next_reply(
        &emu,
        &active,
        total(&emu),
        outage_end,
        "after the database outage",
    )
    .await;
    match after_outage {
        Some(d) => eprintln!(
            "after the outage ({:.1} s), the next reply came {:.1} s later",
            outage_end.duration_since(outage_at).as_secs_f64(),
            d.as_secs_f64()
        ),
        None => eprintln!("after the outage nobody was waiting for a reply"),
    }

    // Everyone finishes.
    let mut failures = Vec::new();
    let mut slowest = Duration::ZERO;
    let mut slow = Vec::new();
    for (id, task) in tasks {
        match task.await {
            Ok(Ok(latencies)) => {
                for (i, (sent, took)) in latencies.into_iter().enumerate() {
                    slowest = slowest.max(took);
                    if took > Duration::from_secs(5) {
                        slow.push(format!(
                            "user {id}: {:?} sent at {:.1} s, answered after {:.1} s",
                            INPUTS[i],
                            sent.as_secs_f64(),
                            took.as_secs_f64()
                        ));
                    }
                }
            }
            Ok(Err(e)) => failures.push(e),
            Err(e) => failures.push(format!("user {id}: task failed: {e}")),
        }
    }
    let finished = begin.elapsed();
    if !slow.is_empty() {
        eprintln!("replies that took over 5 s:\n{}", slow.join("\n"));
    }
    // Late duplicates would show up now.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let wrong: Vec<(i64, Vec<String>)> = (7001..7001 + USERS)
        .map(|id| (id, texts(&emu, id)))
        .filter(|(_, t)| t.len() != INPUTS.len())
        .collect();
    eprintln!(
        "takeover times: {:.1} s (first kill), {:.1} s (second kill); total {:.1} s; \
         slowest reply {:.1} s; {} replies",
        takeover1.as_secs_f64(),
        takeover2.as_secs_f64(),
        finished.as_secs_f64(),
        slowest.as_secs_f64(),
        total(&emu)
    );

    let mut states = String::new();
    if !failures.is_empty() || !wrong.is_empty() {
        for id in 7001..7001 + USERS {
            if texts(&emu, id).len() != INPUTS.len() {
                states.push_str(&format!(
                    "\nchat {id}: {:?}{}",
                    texts(&emu, id),
                    delivery_state(&db.url, id).await
                ));
            }
        }
        eprintln!("what the database holds for the incomplete chats:{states}");
    }

    for (_, serve) in alive {
        serve.kill().await;
    }
    drop(admin);
    db.drop_db().await;

    assert!(
        failures.is_empty(),
        "citizens not answered:\n{}",
        failures.join("\n")
    );
    assert!(
        wrong.is_empty(),
        "every citizen gets exactly {} replies; (chat, replies) otherwise: {wrong:#?}",
        INPUTS.len()
    );
}
