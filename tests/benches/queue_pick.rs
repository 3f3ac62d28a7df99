//! Queue pick latency with 50 clerks at once, on SQLite and PostgreSQL, next to its floor in
//! the same run: 50 tasks at once, each issuing a bare
//! `UPDATE queue_entries SET note = … WHERE id = $1 RETURNING id` on rows of its own, on the
//! same pool and as many times as there are picks. Both sides wait for the same connections
//! (and, on SQLite, the same single writer), so the ratio is what the pick adds to one write.
//!
//! The pair runs in [`ROUNDS`] rounds that alternate which side goes first, after an untimed
//! warm-up (connections opened, statements prepared). For context it also prints one clerk
//! picking alone (no waiting for connections or locks) and the clerks' real loop, where every
//! pick is followed by finishing the call.
//!
//! `cargo bench -p schalter-tests --bench queue_pick` (PostgreSQL from
//! SCHALTER_TEST_POSTGRES_URL, as for the tests). Not a test: it prints figures, and the load
//! average, since the machine may be shared.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use schalter_core::Store;
use schalter_core::store::{Finish, Pick};
use schalter_tests::TestDb;
use tokio::sync::Barrier;

/// 20,000 appointments (all due) and 10,000 walk-ins. The picks take appointments only, the
/// floor updates walk-ins only: the two sides never touch the same row.
const WAITING: i64 = 30_000;
const CLERKS: usize = 50;
/// Timed operations per task and round, on each side of the pair.
const PER_TASK: usize = 40;
const ROUNDS: usize = 5;
/// Untimed operations per task on each side before the first round.
const WARM_UP: usize = 4;
/// Picks of the one clerk alone.
const ALONE: usize = 200;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// The bench's `now`: Tuesday 2 February 2027, 09:00 in Heidelberg.
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-02-02T09:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc)
}

/// Latencies, sorted, and the wall time they took.
#[derive(Default)]
struct Run {
    took: Vec<Duration>,
    wall: Duration,
}

impl Run {
    fn p50(&self) -> Duration {
        percentile(&self.took, 0.5)
    }

    fn p99(&self) -> Duration {
        percentile(&self.took, 0.99)
    }

    fn per_second(&self) -> f64 {
        self.took.len() as f64 / self.wall.as_secs_f64()
    }

    fn add(&mut self, other: Run) {
        self.took.extend(other.took);
        self.took.sort();
        self.wall += other.wall;
    }
}

/// `a`'s percentile `p` over `b`'s.
fn ratio(a: &Run, b: &Run, p: f64) -> f64 {
    percentile(&a.took, p).as_secs_f64() / percentile(&b.took, p).as_secs_f64()
}

/// `tasks` tasks released together, each running `op(task, n)` for `n` in `0..per_task`;
/// `op` returns how long the part of its work that counts took.
async fn at_once<F, Fut>(tasks: usize, per_task: usize, op: F) -> Run
where
    F: Fn(usize, usize) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Duration> + Send,
{
    let start = Arc::new(Barrier::new(tasks + 1));
    let mut handles = Vec::with_capacity(tasks);
    for task in 0..tasks {
        let op = op.clone();
        let start = start.clone();
        handles.push(tokio::spawn(async move {
            start.wait().await;
            let mut took = Vec::with_capacity(per_task);
            for n in 0..per_task {
                took.push(op(task, n).await);
            }
            took
        }));
    }
    start.wait().await;
    let started = Instant::now();
    let mut took = Vec::with_capacity(tasks * per_task);
    for handle in handles {
        took.extend(handle.await.expect("task"));
    }
    let wall = started.elapsed();
    took.sort();
    Run { took, wall }
}

/// The floor: 50 tasks at once, each updating `per_task` walk-in rows of its own.
async fn bare_updates(store: &Store, per_task: usize, note: &str) -> Run {
    let pool = store.pool().clone();
    let note = Arc::<str>::from(note);
    at_once(CLERKS, per_task, move |task, n| {
        let (pool, note) = (pool.clone(), note.clone());
        async move {
            // Every third row is a walk-in.
            let id = format!("e{}", 3 * (task * per_task + n + 1));
            let t = Instant::now();
            let returned: String =
                sqlx::query_scalar("UPDATE queue_entries SET note = $2 WHERE id = $1 RETURNING id")
                    .bind(&id)
                    .bind(&*note)
                    .fetch_one(&pool)
                    .await
                    .expect("bare UPDATE … RETURNING");
            let took = t.elapsed();
            assert_eq!(returned, id);
            took
        }
    })
    .await
}

/// The pick side: 50 clerks at once, each picking `per_task` times. A new desk id per pick,
/// so that a clerk need not finish a call before the next and both sides do only the timed
/// operation (the finish is in [`picks_and_finishes`]).
async fn picks(store: &Store, per_task: usize, desk: &str) -> Run {
    let store = store.clone();
    let desk = Arc::<str>::from(desk);
    at_once(CLERKS, per_task, move |task, n| {
        let (store, desk) = (store.clone(), desk.clone());
        async move {
            let clerk = format!("@{desk}-{task}-{n}");
            let t = Instant::now();
            let pick = store
                .queue()
                .pick(&clerk, None, chrono::Duration::minutes(2), None, now())
                .await
                .expect("pick");
            let took = t.elapsed();
            assert!(matches!(pick, Pick::Picked(_)), "unexpected {pick:?}");
            took
        }
    })
    .await
}

/// `clerks` clerks each picking and finishing `per_task` times; only the pick is timed.
async fn picks_and_finishes(store: &Store, clerks: usize, per_task: usize) -> Run {
    let store = store.clone();
    at_once(clerks, per_task, move |task, _| {
        let store = store.clone();
        async move {
            let clerk = format!("@clerk{task}");
            let t = Instant::now();
            let pick = store
                .queue()
                .pick(&clerk, None, chrono::Duration::minutes(2), None, now())
                .await
                .expect("pick");
            let took = t.elapsed();
            assert!(matches!(pick, Pick::Picked(_)), "unexpected {pick:?}");
            store
                .queue()
                .finish_call(&clerk, &Finish::Done { note: None }, now())
                .await
                .expect("finish");
            took
        }
    })
    .await
}

/// Between rounds, untimed: the desks finish their calls, as clerks do, so that calls in
/// progress do not pile up beyond one round's.
async fn finish_all(store: &Store) {
    sqlx::query(
        "UPDATE queue_entries SET status = 'done', finished_at = called_at, lease_until = NULL \
         WHERE status = 'called'",
    )
    .execute(store.pool())
    .await
    .expect("finish the round's calls");
}

struct Figures {
    database: &'static str,
    pool: u32,
    floor: Run,
    picks: Run,
    /// The p99 ratio of each round, for the spread.
    round_ratios: Vec<f64>,
    with_finish: Run,
    alone: Run,
    load: String,
}

async fn bench(database: &'static str, db: TestDb) -> Figures {
    let store = db.store.clone();
    let started = Instant::now();
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
         INSERT INTO queue_entries (id, conversation_id, reference, service, lang, kind, slot_at, \
         joined_at, status, checklist) \
         SELECT 'e' || i, 'bench:' || i, 'R' || i, 'abmeldung', 'de', \
         CASE WHEN i % 3 = 0 THEN 'walk_in' ELSE 'appointment' END, $2 + i, $2 + i, 'waiting', '[]' \
         FROM n",
    )
    .bind(WAITING)
    .bind(now().timestamp() - WAITING)
    .execute(store.pool())
    .await
    .expect("fill the queue");
    let filled = started.elapsed();

    // Untimed: the pool opens its connections and each prepares both statements.
    bare_updates(&store, WARM_UP, "warm-up").await;
    picks(&store, WARM_UP, "warm").await;
    finish_all(&store).await;

    let mut floor = Run::default();
    let mut picked = Run::default();
    let mut round_ratios = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        let note = format!("round {round}");
        let desk = format!("r{round}");
        let (f, p) = if round % 2 == 0 {
            let f = bare_updates(&store, PER_TASK, &note).await;
            (f, picks(&store, PER_TASK, &desk).await)
        } else {
            let p = picks(&store, PER_TASK, &desk).await;
            (bare_updates(&store, PER_TASK, &note).await, p)
        };
        round_ratios.push(ratio(&p, &f, 0.99));
        floor.add(f);
        picked.add(p);
        finish_all(&store).await;
    }
    let with_finish = picks_and_finishes(&store, CLERKS, PER_TASK).await;
    let alone = picks_and_finishes(&store, 1, ALONE).await;

    let f = Figures {
        database,
        pool: store.pool().options().get_max_connections(),
        floor,
        picks: picked,
        round_ratios,
        with_finish,
        alone,
        load: load(),
    };
    println!(
        "{database:<10} {WAITING} waiting (fill {:.1} s), {CLERKS} tasks × {PER_TASK} × {ROUNDS} \
         rounds: bare UPDATE…RETURNING p50 {} p99 {} ({:.0}/s) | pick p50 {} p99 {} ({:.0}/s) | \
         ratio p50 {:.2}× p99 {:.2}× (p99 by round {}) | pick then finish: pick p50 {} p99 {} | \
         alone: p50 {} p99 {} | load {}",
        filled.as_secs_f64(),
        ms(f.floor.p50()),
        ms(f.floor.p99()),
        f.floor.per_second(),
        ms(f.picks.p50()),
        ms(f.picks.p99()),
        f.picks.per_second(),
        ratio(&f.picks, &f.floor, 0.5),
        ratio(&f.picks, &f.floor, 0.99),
        spread(&f.round_ratios),
        ms(f.with_finish.p50()),
        ms(f.with_finish.p99()),
        ms(f.alone.p50()),
        ms(f.alone.p99()),
        f.load,
    );
    db.drop_db().await;
    f
}

/// `1.2×–3.4×`: the smallest and largest of some ratios.
fn spread(ratios: &[f64]) -> String {
    let min = ratios.iter().copied().fold(f64::INFINITY, f64::min);
    let max = ratios.iter().copied().fold(0.0, f64::max);
    format!("{min:.2}×–{max:.2}×")
}

#[tokio::main]
async fn main() {
    println!(
        "queue pick next to a bare UPDATE … RETURNING; load at start {}",
        load()
    );
    let all = [
        bench("SQLite", TestDb::sqlite().await).await,
        bench("PostgreSQL", TestDb::postgres().await).await,
    ];
    println!();
    println!(
        "| database | pool | 50 tasks × bare `UPDATE … RETURNING` p50 | p99 | 50 clerks × pick \
         p50 | p99 | ratio p50 | ratio p99 (goal ≤ 2×) | p99 ratio by round | picks/s | \
         pick then finish: p50 | p99 | one clerk alone: p50 | p99 | load |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for f in &all {
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.2}× | {:.2}× | {} | {:.0} | {} | {} | {} | {} | \
             {} |",
            f.database,
            f.pool,
            ms(f.floor.p50()),
            ms(f.floor.p99()),
            ms(f.picks.p50()),
            ms(f.picks.p99()),
            ratio(&f.picks, &f.floor, 0.5),
            ratio(&f.picks, &f.floor, 0.99),
            spread(&f.round_ratios),
            f.picks.per_second(),
            ms(f.with_finish.p50()),
            ms(f.with_finish.p99()),
            ms(f.alone.p50()),
            ms(f.alone.p99()),
            f.load,
        );
    }
}
