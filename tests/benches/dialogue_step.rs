//! A dialogue step as `schalter serve` runs it — `Dialogue::handle_keyed` with the input's key,
//! live reload watching — next to the floor: a bare upsert of a row of the same size on the
//! same database. Sequential, and with 50 conversations at once; SQLite and PostgreSQL.
//!
//! `cargo bench -p schalter-tests --bench dialogue_step` (PostgreSQL from
//! SCHALTER_TEST_POSTGRES_URL, as for the tests; `DIALOGUE_BENCH_DB=postgres` or `sqlite` for
//! one of them). Not a test: it prints figures.
//!
//! Under a profiler: `DIALOGUE_BENCH_HOW=sequential` or `50` measures one of the two only,
//! `DIALOGUE_BENCH_ROUNDS=N` measures it N times over (each round an office hour later, so
//! the citizens stay within the input limit), so that setting up is a small part of the
//! profile, and `DIALOGUE_BENCH_SIDE=step` or `upsert` runs only that side (the other's
//! figures are then zero).

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use schalter_core::live::{self, Live, Sources};
use schalter_core::{Engine, Input};
use schalter_tests::{TestDb, conv};

/// Conversations per run; each gets at most `STEPS / CONVERSATIONS` + 1 inputs, under the
/// limit of 20 a minute that public networks have.
const CONVERSATIONS: usize = 200;
const STEPS: usize = 2_000;
const AT_ONCE: usize = 50;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Figures {
    p50: Duration,
    p99: Duration,
    per_second: f64,
}

fn figures(mut times: Vec<Duration>, wall: Duration) -> Figures {
    if times.is_empty() {
        times.push(Duration::ZERO);
    }
    times.sort();
    Figures {
        p50: percentile(&times, 0.5),
        p99: percentile(&times, 0.99),
        per_second: times.len() as f64 / wall.as_secs_f64(),
    }
}

fn conversation(i: usize) -> String {
    format!("telegram:{}", 500_000 + i)
}

/// The menu and the service list, back and forth: "1" books, "9" goes back to the menu.
fn input(step: usize) -> Input {
    Input::Text(if step.is_multiple_of(2) { "1" } else { "9" }.to_owned())
}

/// Runs `STEPS` steps, `tasks` at a time, each task on its own conversations; returns each
/// step's time and the wall time.
async fn steps(engine: &Arc<Engine>, tasks: usize, round: &str) -> (Vec<Duration>, Duration) {
    let started = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let engine = engine.clone();
        let round = round.to_owned();
        handles.push(tokio::spawn(async move {
            let mine: Vec<usize> = (0..CONVERSATIONS).filter(|c| c % tasks == t).collect();
            let mut times = Vec::new();
            for s in 0..STEPS / tasks {
                let c = mine[s % mine.len()];
                let key = format!("{round}:{t}:{s}");
                let begin = Instant::now();
                engine
                    .dialogue()
                    .handle_keyed(
                        &conv(&conversation(c)),
                        Some(&key),
                        Some("de"),
                        input(s / mine.len()),
                    )
                    .await
                    .expect("a step");
                times.push(begin.elapsed());
            }
            times
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.unwrap());
    }
    (all, started.elapsed())
}

/// The floor: `STEPS` upserts of a row of `size` bytes, `tasks` at a time.
async fn upserts(db: &TestDb, size: usize, tasks: usize) -> (Vec<Duration>, Duration) {
    let body = "x".repeat(size);
    let started = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let pool = db.store.pool().clone();
        let body = body.clone();
        handles.push(tokio::spawn(async move {
            let mut times = Vec::new();
            for s in 0..STEPS / tasks {
                let id = format!("row-{}", (s * tasks + t) % CONVERSATIONS);
                let begin = Instant::now();
                sqlx::query(
                    "INSERT INTO bench_rows (id, body, updated_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (id) DO UPDATE SET body = excluded.body, \
                     updated_at = excluded.updated_at",
                )
                .bind(&id)
                .bind(&body)
                .bind(s as i64)
                .execute(&pool)
                .await
                .expect("an upsert");
                times.push(begin.elapsed());
            }
            times
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.unwrap());
    }
    (all, started.elapsed())
}

fn row(name: &str, how: &str, step: &Figures, floor: &Figures) {
    println!(
        "| {name} | {how} | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.1}× / {:.1}× | {:.0} / {:.0} | {:.2}× |",
        ms(step.p50),
        ms(step.p99),
        ms(floor.p50),
        ms(floor.p99),
        ms(step.p50) / ms(floor.p50),
        ms(step.p99) / ms(floor.p99),
        step.per_second,
        floor.per_second,
        step.per_second / floor.per_second,
    );
}

async fn bench(name: &str, db: TestDb) {
    let now = DateTime::parse_from_rfc3339("2027-02-02T09:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc);
    let (engine, clock) = schalter_tests::engine(&db.store, now);
    let sources = Sources {
        locales: None,
        catalog: None,
        baseline: (db.store.admin().admin_fingerprint().await.ok(), None),
    };
    let watching = tokio::spawn(live::watch(Live::new(&engine, sources)));
    sqlx::query("CREATE TABLE bench_rows (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at BIGINT NOT NULL)")
        .execute(db.store.pool())
        .await
        .expect("the floor's table");

    // Every conversation starts at the menu, in German.
    for c in 0..CONVERSATIONS {
        engine
            .dialogue()
            .handle_keyed(
                &conv(&conversation(c)),
                Some("start"),
                Some("de"),
                Input::Text("/start".into()),
            )
            .await
            .expect("a first contact");
    }
    // Warm-up of both sides (connections, caches), not counted.
    steps(&engine, 1, "warm").await;
    let size: i64 = sqlx::query_scalar(
        "SELECT CAST(AVG(LENGTH(id) + LENGTH(state) + LENGTH(offered) + \
         COALESCE(LENGTH(last_reply), 0) + COALESCE(LENGTH(last_key), 0)) AS BIGINT) \
         FROM conversations",
    )
    .fetch_one(db.store.pool())
    .await
    .expect("the row size");
    upserts(&db, size as usize, 1).await;

    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let only = env("DIALOGUE_BENCH_HOW");
    let rounds: usize = env("DIALOGUE_BENCH_ROUNDS").parse().unwrap_or(1).max(1);
    for (how, tasks) in [("sequential", 1), ("50 at once", AT_ONCE)] {
        if !only.is_empty() && !how.starts_with(only.as_str()) {
            continue;
        }
        let (mut step_times, mut floor_times) = (Vec::new(), Vec::new());
        let (mut step_wall, mut floor_wall) = (Duration::ZERO, Duration::ZERO);
        let side = env("DIALOGUE_BENCH_SIDE");
        for round in 0..rounds {
            clock.advance(chrono::Duration::hours(1));
            if side != "upsert" {
                let (times, wall) = steps(&engine, tasks, &format!("{how} {round}")).await;
                step_times.extend(times);
                step_wall += wall;
            }
            if side != "step" {
                let (times, wall) = upserts(&db, size as usize, tasks).await;
                floor_times.extend(times);
                floor_wall += wall;
            }
        }
        let step = figures(step_times, step_wall);
        let floor = figures(floor_times, floor_wall);
        row(name, how, &step, &floor);
    }
    println!(
        "|   | rows of {size} bytes, {STEPS} steps over {CONVERSATIONS} conversations | | | | | |"
    );
    watching.abort();
    db.drop_db().await;
}

#[tokio::main]
async fn main() {
    println!(
        "| database | how | step p50 / p99 | upsert p50 / p99 | ratio p50 / p99 | steps/s / upserts/s | steps/s ÷ upserts/s |"
    );
    println!("|---|---|---|---|---|---|---|");
    // `DIALOGUE_BENCH_DB=postgres` (or `sqlite`) runs one database only, e.g. under `perf`.
    let only = std::env::var("DIALOGUE_BENCH_DB").unwrap_or_default();
    if only.is_empty() || only == "sqlite" {
        bench("SQLite", TestDb::sqlite().await).await;
    }
    if only.is_empty() || only == "postgres" {
        bench("PostgreSQL", TestDb::postgres().await).await;
    }
}
