//! Both networks as the test sees them: replies so far, citizens active, the next reply.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use schalter_tests::telegram_emulator::Emulator;
use tokio::sync::watch;

use crate::{REPLY_LIMIT, USERS};

/// How many messages the bot sent to all the Telegram citizens so far.
pub(crate) fn total(emu: &Emulator) -> usize {
    (7001..7001 + USERS).map(|id| emu.messages(id).len()).sum()
}

/// Citizens who have an input on its way or will still send one (not done, not parked).
#[derive(Clone, Default)]
pub(crate) struct Active(Arc<AtomicUsize>);

impl Active {
    pub(crate) fn up(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    pub(crate) fn down(&self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
    pub(crate) fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// One network as the test sees it: how many replies its citizens got so far, and how many
/// of them are waiting for one or will still write.
#[derive(Clone)]
pub(crate) struct Net {
    pub(crate) name: &'static str,
    pub(crate) replies: Arc<dyn Fn() -> usize + Send + Sync>,
    pub(crate) active: Active,
}

impl Net {
    pub(crate) fn replies(&self) -> usize {
        (self.replies)()
    }
}

/// Waits, on each of `nets`, for the next reply after `baselines` (as many replies as there
/// were); per network the time since `since`, or `None` when none of its citizens has
/// anything on its way any more (nothing to answer).
pub(crate) async fn next_replies(
    nets: &[&Net],
    baselines: &[usize],
    since: Instant,
    what: &str,
) -> Vec<Option<Duration>> {
    let deadline = Instant::now() + REPLY_LIMIT;
    let mut got: Vec<Option<Option<Duration>>> = vec![None; nets.len()];
    loop {
        for (i, net) in nets.iter().enumerate() {
            if got[i].is_some() {
                continue;
            }
            if net.replies() > baselines[i] {
                got[i] = Some(Some(since.elapsed()));
            } else if net.active.get() == 0 {
                got[i] = Some(None);
            }
        }
        if got.iter().all(Option::is_some) {
            return got.into_iter().flatten().collect();
        }
        for (i, net) in nets.iter().enumerate() {
            assert!(
                got[i].is_some() || Instant::now() < deadline,
                "{what}: no reply to any {} citizen within {REPLY_LIMIT:?} ({} waiting)",
                net.name,
                net.active.get()
            );
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits for `gate` to open; the citizen does not count as active meanwhile.
pub(crate) async fn pass_gate(gate: &mut watch::Receiver<bool>, active: &Active) -> bool {
    active.down();
    let opened = gate.wait_for(|open| *open).await.is_ok();
    active.up();
    opened
}
