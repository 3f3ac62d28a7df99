//! Finding due outbox rows with 1,000 and with 1,000,000 delivered notifications in the table,
//! on SQLite and PostgreSQL: `due_deliveries` reads through the partial index
//! `notifications_due`, which holds only the pending rows, so its cost should not grow with
//! the delivered ones.
//!
//! `cargo bench -p schalter-tests --bench outbox_due` (PostgreSQL from
//! SCHALTER_TEST_POSTGRES_URL, as for the tests). Not a test: it prints figures.

use schalter_tests::conv;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use schalter_tests::TestDb;
use sqlx::Row;

const SIZES: [i64; 2] = [1_000, 1_000_000];
const CHATS: i64 = 10_000;
const PENDING: i64 = 50;
const CALLS: usize = 2_000;
const WARM_UP: usize = 100;
/// The timed calls stop early after this long, so that a slow plan cannot stall the bench;
/// the table says how many calls were timed.
const BUDGET: Duration = Duration::from_secs(20);
const LIMIT: i64 = 200;
/// Microseconds in the 30 days the delivered rows are spread over.
const SPAN_US: i64 = 30 * 24 * 3600 * 1_000_000;
/// Most of a message body (~300 bytes with the JSON around it), as the queue would send.
const TEXT: &str = "Guten Tag! Sie sind jetzt in der Warteschlange des Bürgerbüros. Ihre \
    Wartenummer steht unten; wir schreiben Ihnen, sobald Sie an der Reihe sind. Bitte halten \
    Sie Ihren Ausweis und die Unterlagen aus der Checkliste bereit. Vor Ihnen warten noch \
    einige Personen, die geschätzte Wartezeit ändert sich laufend.";

/// Delivered rows 1..=N, PostgreSQL: `$1` N, `$2` the first `changed_at`, `$3` its step, `$4`
/// the text. Chats `telegram:100000000` … `telegram:100009999`.
const FILL_POSTGRES: &str = "INSERT INTO notifications (id, conversation_id, slot, kind, body, \
     version, created_at, changed_at, delivered_version, channel, attempts, next_attempt_at) \
     SELECT 'n' || i, 'telegram:' || (100000000 + i % 10000), 'm' || i, 'say', \
     '{\"text\":\"' || $4 || ' (' || i || ')\",\"options\":[]}', 1, \
     ($2 + i * $3) / 1000000, $2 + i * $3, 1, 'telegram', 0, $2 + i * $3 + 30000000 \
     FROM generate_series(1, $1) AS g(i)";

/// The same rows on SQLite, counted by a recursive CTE.
const FILL_SQLITE: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
     WHERE i < $1) \
     INSERT INTO notifications (id, conversation_id, slot, kind, body, \
     version, created_at, changed_at, delivered_version, channel, attempts, next_attempt_at) \
     SELECT 'n' || i, 'telegram:' || (100000000 + i % 10000), 'm' || i, 'say', \
     '{\"text\":\"' || $4 || ' (' || i || ')\",\"options\":[]}', 1, \
     ($2 + i * $3) / 1000000, $2 + i * $3, 1, 'telegram', 0, $2 + i * $3 + 30000000 \
     FROM n";

/// The query of `OutboxRepo::due_deliveries` (copied; `$2` is `now` in microseconds).
macro_rules! due_query {
    () => {
        "SELECT id, conversation_id, slot, kind, body, version, attempts FROM notifications \
         WHERE channel = $1 AND delivered_version < version AND dead_at IS NULL \
         AND next_attempt_at <= $2 AND NOT EXISTS (SELECT 1 FROM notifications AS e \
         WHERE e.conversation_id = notifications.conversation_id \
         AND e.delivered_version < e.version AND e.dead_at IS NULL \
         AND e.next_attempt_at > $2 AND (e.changed_at < notifications.changed_at \
         OR (e.changed_at = notifications.changed_at AND e.id < notifications.id))) \
         ORDER BY changed_at, id LIMIT $3"
    };
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// `1000000` as `1,000,000`.
fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn us(d: Duration) -> String {
    format!("{} µs", thousands(d.as_micros() as i64))
}

struct Figures {
    database: &'static str,
    rows: i64,
    load: Duration,
    p50: Duration,
    p99: Duration,
    calls: usize,
    plan: String,
}

async fn bench(database: &'static str, db: TestDb, rows: i64) -> Figures {
    let store = db.store.clone();
    let postgres = database == "PostgreSQL";
    let now = DateTime::parse_from_rfc3339("2027-02-02T09:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc);
    let first = now.timestamp_micros() - SPAN_US;

    // N delivered rows in one statement and one transaction.
    let started = Instant::now();
    let mut tx = store.pool().begin().await.expect("begin");
    sqlx::query(if postgres { FILL_POSTGRES } else { FILL_SQLITE })
        .bind(rows)
        .bind(first)
        .bind(SPAN_US / rows)
        .bind(TEXT)
        .execute(&mut *tx)
        .await
        .expect("fill the outbox");
    tx.commit().await.expect("commit the fill");
    let load = started.elapsed();

    // 50 pending rows, one each for 50 of the chats, written the way the core writes them.
    let body = format!("{{\"text\":\"{TEXT}\",\"options\":[]}}");
    for k in 0..PENDING {
        let chat = format!("telegram:{}", 100_000_000 + k * (CHATS / PENDING));
        store
            .outbox()
            .notify_once(
                &conv(&chat),
                "pending",
                schalter_core::notice::NoticeKind::Say,
                &body,
                now,
            )
            .await
            .expect("queue a pending message");
    }
    let started = Instant::now();
    sqlx::query("ANALYZE")
        .execute(store.pool())
        .await
        .expect("ANALYZE");
    let analyze = started.elapsed();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notifications")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(count, rows + PENDING);

    let plan = if rows == *SIZES.last().unwrap() {
        let sql = if postgres {
            concat!("EXPLAIN ANALYZE ", due_query!())
        } else {
            concat!("EXPLAIN QUERY PLAN ", due_query!())
        };
        let lines: Vec<String> = sqlx::query(sql)
            .bind("telegram")
            .bind(now.timestamp_micros())
            .bind(LIMIT)
            .fetch_all(store.pool())
            .await
            .expect("EXPLAIN")
            .iter()
            .map(|r| r.get::<String, _>(if postgres { 0 } else { 3 }))
            .collect();
        let uses = lines.iter().any(|l| l.contains("notifications_due"));
        println!(
            "{database} plan of the due query with {rows} rows (uses notifications_due: {uses}):"
        );
        println!("    first line: {}", lines.first().map_or("", |l| l.trim()));
        for line in &lines {
            println!("    {line}");
        }
        let scan = lines
            .iter()
            .map(|l| l.trim().trim_start_matches("->").trim())
            .find(|l| l.contains("Scan") || l.starts_with("SEARCH") || l.starts_with("SCAN"))
            .unwrap_or("");
        let scan = scan.split("  (cost=").next().unwrap_or(scan);
        format!("{}: `{scan}`", if uses { "yes" } else { "**no**" })
    } else {
        String::new()
    };

    let mut took = Vec::with_capacity(CALLS);
    let mut timing = Instant::now();
    for call in 0..WARM_UP + CALLS {
        if call == WARM_UP {
            timing = Instant::now();
        } else if call > WARM_UP && timing.elapsed() > BUDGET {
            break;
        }
        let t = Instant::now();
        let due = store
            .outbox()
            .due_deliveries("telegram", now, LIMIT)
            .await
            .expect("due_deliveries");
        let elapsed = t.elapsed();
        assert_eq!(due.len() as i64, PENDING);
        assert!(due.iter().all(|n| n.slot.as_deref() == Some("pending")));
        if call >= WARM_UP {
            took.push(elapsed);
        }
    }
    took.sort();
    let figures = Figures {
        database,
        rows,
        load,
        p50: percentile(&took, 0.5),
        p99: percentile(&took, 0.99),
        calls: took.len(),
        plan,
    };
    println!(
        "{database:<10} {rows:>9} delivered + {PENDING} pending rows: load {:.2} s, \
         ANALYZE {:.2} s, due_deliveries p50 {} p99 {} ({} calls)",
        figures.load.as_secs_f64(),
        analyze.as_secs_f64(),
        us(figures.p50),
        us(figures.p99),
        figures.calls,
    );
    db.drop_db().await;
    figures
}

#[tokio::main]
async fn main() {
    let mut all = Vec::new();
    for rows in SIZES {
        all.push(bench("SQLite", TestDb::sqlite().await, rows).await);
    }
    for rows in SIZES {
        all.push(bench("PostgreSQL", TestDb::postgres().await, rows).await);
    }
    println!();
    println!(
        "| database | delivered rows | bulk load | calls | `due_deliveries` p50 | p99 | \
         plan uses `notifications_due` (N = 1M) |"
    );
    println!("|---|---|---|---|---|---|---|");
    for f in &all {
        println!(
            "| {} | {} | {:.2} s | {} | {} | {} | {} |",
            f.database,
            thousands(f.rows),
            f.load.as_secs_f64(),
            thousands(f.calls as i64),
            us(f.p50),
            us(f.p99),
            if f.plan.is_empty() { "–" } else { &f.plan },
        );
    }
}
