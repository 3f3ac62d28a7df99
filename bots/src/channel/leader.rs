//! Leadership with fencing: the one replica that polls a network and delivers its outbox. The
//! leader re-checks its lock every second and stops its work as soon as it cannot confirm it
//! (connection gone, database unreachable), at the latest [`FENCE`] after the lock went; the
//! others try to take over every couple of seconds, and a replica that wins the lock waits out
//! [`FENCE`] before it starts, so that two replicas never work at once (two Matrix clients
//! on one crypto store, two Telegram pollers) even when the database restarted and freed the
//! lock behind the old leader's back. A killed leader is replaced within 10 s: PostgreSQL frees
//! the lock of a closed connection at once, and of a vanished host within its keep-alive
//! (5 s + 2 × 1 s, set on the lock's connection by `Engine::try_lead`).

use std::future::Future;
use std::time::Duration;

use schalter_core::Engine;

use super::retry::Backoff;

/// How often a replica that does not lead tries to.
const STANDBY: Duration = Duration::from_secs(2);
/// How often the leader confirms it still holds the lock, and how long it waits for that.
const CHECK: Duration = Duration::from_secs(1);
/// The longest a leader can go on working after its lock was freed (one pause and one check
/// that times out), with a margin: how long a new leader waits before it starts.
const FENCE: Duration = CHECK
    .saturating_mul(2)
    .saturating_add(Duration::from_millis(500));
/// Runs `work` whenever this process leads `name`, until the process ends. `work` is stopped
/// (dropped) the moment leadership cannot be confirmed, and started again when it is won
/// back. A `work` that returns ends this round of leading.
pub async fn lead<F, Fut>(engine: &Engine, name: &str, mut work: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let metrics = engine.office().metrics();
    // A replica that waits to lead says so too.
    metrics.leading(name, false);
    let mut backoff = Backoff::new(Duration::from_secs(30));
    loop {
        let leadership = match engine.try_lead(name).await {
            Ok(Some(l)) => l,
            Ok(None) => {
                tokio::time::sleep(STANDBY).await;
                continue;
            }
            Err(e) => {
                tracing::warn!(target: "leader", %name, error = %e, "leader election failed");
                backoff.wait().await;
                continue;
            }
        };
        backoff.reset();
        // Whoever led before has stopped by the end of the fence (or still holds the lock,
        // in which case we could not have won it).
        if leadership.contested()
            && tokio::time::timeout(FENCE, leadership.lost(CHECK))
                .await
                .is_ok()
        {
            tracing::warn!(target: "leader", %name, "leadership lost before it began");
            continue;
        }
        if leadership.contested() {
            // Another replica may have handled these conversations meanwhile.
            engine.forget_cached_conversations();
        }
        tracing::info!(target: "leader", %name, "leading");
        metrics.leading(name, true);
        tokio::select! {
            result = work() => match result {
                Ok(()) => tracing::info!(target: "leader", %name, "work ended"),
                Err(e) => {
                    tracing::warn!(target: "leader", %name, error = %e, "work failed, starting again");
                    backoff.wait().await;
                }
            },
            () = leadership.lost(CHECK) => {
                tracing::warn!(target: "leader", %name, "leadership lost: stopped");
            }
        }
        metrics.leading(name, false);
        drop(leadership);
    }
}
