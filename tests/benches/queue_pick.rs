//! Queue pick latency with 10,000 waiting citizens and 50 concurrent clerks, on SQLite and
//! PostgreSQL, next to a bare `UPDATE … RETURNING` round trip on the same database.
//!
//! `cargo bench -p schalter-tests --bench queue_pick` (PostgreSQL from
//! SCHALTER_TEST_POSTGRES_URL, as for the tests). Not a test: it prints figures.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use schalter_core::store::{Finish, Pick};
use schalter_tests::TestDb;
use sqlx::Row;
use tokio::sync::Mutex;

const WAITING: i64 = 10_000;
const CLERKS: usize = 50;
const PICKS: usize = 2_000;
const ROUND_TRIPS: usize = 2_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn bench(name: &str, db: TestDb) {
    let store = db.store.clone();
    let now = DateTime::parse_from_rfc3339("2027-02-02T09:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc);
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
    .bind(now.timestamp() - WAITING)
    .execute(store.pool())
    .await
    .expect("fill the queue");
    let filled = started.elapsed();

    // 50 clerks pick and finish until PICKS picks are done; only the pick is timed.
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(PICKS)));
    let started = Instant::now();
    let mut clerks = Vec::new();
    for c in 0..CLERKS {
        let store = store.clone();
        let latencies = latencies.clone();
        clerks.push(tokio::spawn(async move {
            let clerk = format!("@bench{c}");
            loop {
                if latencies.lock().await.len() >= PICKS {
                    break;
                }
                let t = Instant::now();
                let pick = store
                    .pick(&clerk, None, chrono::Duration::minutes(2), None, now)
                    .await
                    .expect("pick");
                let took = t.elapsed();
                match pick {
                    Pick::Picked(_) => latencies.lock().await.push(took),
                    other => panic!("unexpected {other:?}"),
                }
                store
                    .finish_call(&clerk, &Finish::Done { note: None }, now)
                    .await
                    .expect("finish");
            }
        }));
    }
    for c in clerks {
        c.await.unwrap();
    }
    let wall = started.elapsed();
    let mut picks = latencies.lock().await.clone();
    picks.sort();

    // One clerk alone: the pick without waiting for connections or locks.
    let mut alone = Vec::with_capacity(200);
    for _ in 0..200 {
        let t = Instant::now();
        let pick = store
            .pick("@alone", None, chrono::Duration::minutes(2), None, now)
            .await
            .expect("pick");
        alone.push(t.elapsed());
        assert!(matches!(pick, Pick::Picked(_)));
        store
            .finish_call("@alone", &Finish::Done { note: None }, now)
            .await
            .expect("finish");
    }
    alone.sort();

    // The same database's bare round trip: one row by primary key, one connection at a time.
    let mut trips = Vec::with_capacity(ROUND_TRIPS);
    for i in 0..ROUND_TRIPS {
        let id = format!("e{}", WAITING - i as i64);
        let t = Instant::now();
        let row = sqlx::query("UPDATE queue_entries SET note = 'x' WHERE id = $1 RETURNING id")
            .bind(&id)
            .fetch_one(store.pool())
            .await
            .expect("round trip");
        trips.push(t.elapsed());
        let _: String = row.get("id");
    }
    trips.sort();
    println!(
        "{name:<10} queue of {WAITING}, {CLERKS} clerks, {} picks in {:.1} s ({:.0} picks/s): \
         pick p50 {} p99 {} | one clerk alone: pick p50 {} p99 {} | \
         bare UPDATE…RETURNING p50 {} p99 {} | fill {:.1} s",
        picks.len(),
        wall.as_secs_f64(),
        picks.len() as f64 / wall.as_secs_f64(),
        ms(percentile(&picks, 0.5)),
        ms(percentile(&picks, 0.99)),
        ms(percentile(&alone, 0.5)),
        ms(percentile(&alone, 0.99)),
        ms(percentile(&trips, 0.5)),
        ms(percentile(&trips, 0.99)),
        filled.as_secs_f64(),
    );
    db.drop_db().await;
}

#[tokio::main]
async fn main() {
    bench("SQLite", TestDb::sqlite().await).await;
    bench("PostgreSQL", TestDb::postgres().await).await;
}
