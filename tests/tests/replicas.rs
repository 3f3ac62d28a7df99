//! Two core instances (two processes) on one database; 20 clerks call `next` concurrently
//! against 200 waiting citizens. Every citizen is assigned exactly once, no clerk holds two
//! at once, nothing is lost. On PostgreSQL and on SQLite.

use schalter_tests::conv;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use schalter_core::store::{EntryKind, EntryStatus, NewEntry};
use schalter_tests::TestDb;
use sqlx::Row;

const CITIZENS: usize = 200;
const CLERKS_PER_REPLICA: usize = 10;

async fn replicas(db: TestDb) {
    let store = db.store.clone();
    let now = DateTime::parse_from_rfc3339("2027-02-02T09:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc);
    for i in 0..CITIZENS {
        let citizen = conv(&format!("terminal:citizen{i}"));
        let reference = format!("R{i:03}");
        store
            .queue()
            .enqueue(
                &NewEntry {
                    conversation_id: &citizen,
                    booking_id: None,
                    reference: Some(&reference),
                    service: Some("abmeldung"),
                    lang: "de",
                    kind: EntryKind::WalkIn,
                    slot_at: now,
                    checklist: &[],
                },
                now,
            )
            .await
            .unwrap();
    }

    let bin = env!("CARGO_BIN_EXE_replica_clerks");
    let spawn = |prefix: &str| {
        tokio::process::Command::new(bin)
            .args([db.url.as_str(), prefix, &CLERKS_PER_REPLICA.to_string()])
            .kill_on_drop(true)
            .output()
    };
    let (a, b) = tokio::join!(spawn("a"), spawn("b"));
    let mut picks: Vec<(String, String)> = Vec::new();
    for out in [a.unwrap(), b.unwrap()] {
        assert!(
            out.status.success(),
            "replica failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let (clerk, id) = line.split_once(' ').unwrap();
            picks.push((clerk.to_owned(), id.to_owned()));
        }
    }

    // Every citizen exactly once.
    assert_eq!(picks.len(), CITIZENS);
    let entries: HashSet<&str> = picks.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(entries.len(), CITIZENS, "no citizen was assigned twice");
    let clerks: HashSet<&str> = picks.iter().map(|(c, _)| c.as_str()).collect();
    assert!(clerks.len() > 1, "the work was shared: {clerks:?}");
    let replicas: HashSet<char> = clerks.iter().map(|c| c.chars().nth(1).unwrap()).collect();
    assert_eq!(replicas.len(), 2, "both replicas picked");

    // Nothing lost: everyone is done, with the clerk the replica reported.
    let rows = sqlx::query("SELECT id, status, clerk, called_at, finished_at FROM queue_entries")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(rows.len(), CITIZENS);
    let by_id: HashMap<&str, &str> = picks
        .iter()
        .map(|(c, id)| (id.as_str(), c.as_str()))
        .collect();
    let mut calls: HashMap<String, Vec<(i64, i64)>> = HashMap::new();
    for r in &rows {
        let id: String = r.get("id");
        let status: String = r.get("status");
        let clerk: String = r.get("clerk");
        assert_eq!(status, EntryStatus::Done.as_str());
        assert_eq!(by_id[id.as_str()], clerk);
        calls
            .entry(clerk)
            .or_default()
            .push((r.get("called_at"), r.get("finished_at")));
    }
    // No clerk held two citizens at once: each clerk's calls follow one another.
    for (clerk, mut spans) in calls {
        spans.sort();
        for pair in spans.windows(2) {
            assert!(pair[1].0 >= pair[0].1, "{clerk} overlapped: {pair:?}");
        }
    }
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_on_postgres() {
    replicas(TestDb::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_on_sqlite() {
    replicas(TestDb::sqlite().await).await;
}
