//! Killing a leader (kill -9) and timing the takeover on each network it led.

use std::time::{Duration, Instant};

use schalter_tests::{Serve, TestDb};
use tokio::sync::watch;

use crate::database::{claims, db_name, leaders, show_leaders};
use crate::nets::{Net, next_replies};

/// What a kill did: the replica, the locks it held, and per network it led the time from the
/// kill to the next reply on it.
pub(crate) struct Kill {
    pub(crate) label: char,
    pub(crate) at: Instant,
    pub(crate) takeovers: Vec<(&'static str, Option<Duration>)>,
    /// Conversations with a send claimed by the killed leader.
    pub(crate) in_flight: Vec<String>,
}

/// Kills (kill -9) the replica that holds the `of` leader lock, opens `gate` and measures,
/// on each network the replica led, the time from the kill to the next reply there (the
/// takeover). Checks that the locks moved to replicas alive.
pub(crate) async fn kill_leader(
    of: &str,
    alive: &mut Vec<(char, Serve)>,
    nets: &[&Net],
    admin: &mut sqlx::PgConnection,
    db: &TestDb,
    begin: Instant,
    gate: &watch::Sender<bool>,
) -> Kill {
    let name = db_name(&db.url);
    let before = leaders(admin, &name).await;
    let label = before
        .iter()
        .find(|(lock, ..)| *lock == of)
        .map(|(_, label, _)| *label)
        .unwrap_or_else(|| panic!("nobody holds the {of} lock: {}", show_leaders(&before)));
    let led: Vec<&'static str> = before
        .iter()
        .filter(|(_, l, _)| *l == label)
        .map(|(lock, ..)| *lock)
        .collect();
    let at = alive
        .iter()
        .position(|(l, _)| *l == label)
        .unwrap_or_else(|| panic!("the {of} leader {label} is no replica alive"));
    let (_, serve) = alive.remove(at);
    serve.kill().await;
    let killed_at = Instant::now();
    eprintln!(
        "{:.1} s: killed replica {label}, which led {led:?} (leaders: {}); {} citizens active",
        begin.elapsed().as_secs_f64(),
        show_leaders(&before),
        nets.iter().map(|n| n.active.get()).sum::<usize>()
    );
    // A send already on its way when the process died may still land: let it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (left_behind, in_flight) = claims(&db.url).await;
    eprintln!("  left behind: {left_behind}");
    let measured: Vec<&Net> = nets
        .iter()
        .copied()
        .filter(|n| led.contains(&n.name))
        .collect();
    let baselines: Vec<usize> = measured.iter().map(|n| n.replies()).collect();
    gate.send_replace(true);
    let times = next_replies(&measured, &baselines, killed_at, "after a kill").await;
    let after = leaders(admin, &name).await;
    let takeovers: Vec<(&'static str, Option<Duration>)> =
        measured.iter().map(|n| n.name).zip(times).collect();
    for (net, time) in &takeovers {
        match time {
            Some(t) => eprintln!(
                "takeover on {net}: {:.1} s after killing {label}",
                t.as_secs_f64()
            ),
            None => eprintln!("after killing {label}, no {net} citizen was waiting for a reply"),
        }
    }
    eprintln!("  leaders now: {}", show_leaders(&after));
    assert!(
        after.iter().all(|(_, l, _)| *l != label),
        "replica {label} was killed, yet holds a lock: {}",
        show_leaders(&after)
    );
    assert!(
        takeovers.iter().any(|(_, t)| t.is_some()),
        "nobody was waiting for a reply after killing {label}"
    );
    Kill {
        label,
        at: killed_at,
        takeovers,
        in_flight,
    }
}
