//! Running a case: a fresh database, the real inbound and outbox machinery against the
//! flaky platform, time passing until it settles, and the rules checked at the end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use schalter_core::{
    Catalog, ChannelKind, Clock, ConversationId, Engine, FixedClock, I18n, Input, Lang, Store,
    SystemClock,
};
use schalter_tests::TestDb;

use super::case::{Case, Step, conversation};
use super::platform::Flaky;
use super::{DEADLINE, HINTS, SETTLE, SETTLE_REAL, STEP, TEXTS};
use crate::channel::inbound::Inbound;
use crate::channel::lock;
use crate::channel::outbox::{Outbox, Wake};

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Stats {
    pub(crate) cases: u64,
    pub(crate) inputs: u64,
    pub(crate) conversations: u64,
    pub(crate) failures: u64,
    pub(crate) lost_answers: u64,
    pub(crate) dropped_repeats: u64,
    /// Office time the longest case spanned, in seconds.
    pub(crate) longest: i64,
}

impl std::ops::AddAssign for Stats {
    fn add_assign(&mut self, o: Self) {
        self.cases += o.cases;
        self.inputs += o.inputs;
        self.conversations += o.conversations;
        self.failures += o.failures;
        self.lost_answers += o.lost_answers;
        self.dropped_repeats += o.dropped_repeats;
        self.longest = self.longest.max(o.longest);
    }
}

/// A runtime of its own per case: dropping it ends every task the case started.
pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// Runs a case on a fresh database; `Err` says which rule broke.
pub(crate) async fn run_case(postgres: bool, case: &Case) -> Result<Stats, String> {
    let db = match postgres {
        true => TestDb::postgres().await,
        false => TestDb::sqlite().await,
    };
    let result = deliver(&db.store, case).await;
    db.drop_db().await;
    result
}

async fn deliver(store: &Store, case: &Case) -> Result<Stats, String> {
    // In the past: the outbox's order stamps are process-wide and never go back, and a clock
    // hours ahead would put the rows of the other tests of this process behind its own.
    let start = SystemClock.now() - chrono::Duration::days(2);
    let clock = Arc::new(FixedClock::new(start));
    let engine = Arc::new(Engine::new(
        Catalog::builtin().expect("demo catalogue"),
        Arc::new(I18n::builtin()),
        store.clone(),
        clock.clone(),
        chrono_tz::Europe::Berlin,
    ));
    let platform = Arc::new(Flaky::new(case));
    let wake = Wake::default();
    let inbound = Inbound::new(engine.clone(), wake.clone());
    let outbox = Outbox::new(platform.clone(), engine.clone(), wake);
    // As the Telegram channel's leader does: replies go out straight from the handler, the
    // loop takes what is left.
    let direct = inbound.deliver_through(ChannelKind::Telegram, Arc::new(outbox.clone()));
    let looping = tokio::spawn(async move { outbox.run().await });
    let sweep = tokio::spawn(inbound.clone().sweep());

    let n = case.citizens.len();
    let conversations: Vec<ConversationId> = (0..n).map(conversation).collect();
    let mut expected: Vec<Vec<String>> = vec![Vec::new(); n];
    let tick = || async {
        tokio::time::sleep(Duration::from_millis(case.tick_ms)).await;
        clock.advance(STEP);
    };
    for (update, step) in (100_000u64..).zip(&case.steps) {
        match *step {
            Step::Say { who, text, gap_ms } => {
                let who = who % n;
                // Real time passes, and office time with it (a real clock never stands
                // still between two stored inputs: the inbox orders them by that time).
                tokio::time::sleep(Duration::from_millis(u64::from(gap_ms))).await;
                clock.advance(chrono::Duration::milliseconds(i64::from(gap_ms) + 1));
                let to = conversation(who);
                let key = format!("telegram:{update}:{}", 1_800_000_000 + update);
                let hint = case.citizens[who].hint.map(|h| HINTS[h]);
                let stored = inbound
                    .receive(&key, &to, &Input::Text(TEXTS[text].to_owned()), hint)
                    .await
                    .map_err(|e| format!("input not stored: {e}"))?;
                if !stored {
                    return Err(format!("{key} taken for a redelivery"));
                }
                inbound.dispatch(&to);
                expected[who].push(format!("reply:{key}"));
            }
            Step::Wait { ticks } => {
                for _ in 0..ticks {
                    tick().await;
                }
            }
        }
    }

    // Time passes until the outbox and the inbox are empty (every reply shown, or one lost
    // for good), and then a little more for any second copy; or until the deadline.
    let started = Instant::now();
    let mut quiet: Option<(u32, Instant)> = None;
    loop {
        let mut empty = true;
        for c in &conversations {
            let outbox = store
                .outbox()
                .pending_for(c, 1)
                .await
                .map_err(|e| e.to_string())?;
            let inbox = store
                .inbox()
                .pending_inputs(c, 1)
                .await
                .map_err(|e| e.to_string())?;
            empty &= outbox.is_empty() && inbox.is_empty();
        }
        // Nothing is on its way: a reply is written in the transaction that marks its input
        // done, and a row is pending until its send came back.
        quiet = match (empty, quiet) {
            (false, _) => None,
            (true, None) => Some((0, Instant::now())),
            (true, Some((ticks, since))) => Some((ticks + 1, since)),
        };
        if let Some((ticks, since)) = quiet
            && ticks >= SETTLE
            && since.elapsed() >= SETTLE_REAL
        {
            break;
        }
        if started.elapsed() >= DEADLINE {
            break;
        }
        tick().await;
    }
    looping.abort();
    sweep.abort();
    drop(direct);

    // The rules.
    let i18n = engine.office().i18n();
    let apologies: Vec<String> = Lang::ALL
        .iter()
        .map(|l| i18n.text(*l, "error-temporary"))
        .collect();
    let mut problems = Vec::new();
    for (c, expected) in conversations.iter().zip(&expected) {
        let shown = platform.shown(c.as_str());
        let slots: Vec<&str> = shown
            .iter()
            .map(|s| s.slot.as_deref().unwrap_or("(none)"))
            .collect();
        if slots != *expected {
            problems.push(format!(
                "{c}: shown {slots:?}, expected the replies {expected:?}"
            ));
        }
        for s in &shown {
            if s.kind != "reply" || apologies.contains(&s.text) {
                problems.push(format!(
                    "{c}: {:?} of kind {} shown: {:?}",
                    s.slot, s.kind, s.text
                ));
            }
        }
        let pending = store
            .outbox()
            .pending_for(c, 10)
            .await
            .map_err(|e| e.to_string())?;
        if !pending.is_empty() {
            let left: Vec<_> = pending
                .iter()
                .map(|r| format!("{:?} after {} attempts", r.slot, r.attempts))
                .collect();
            problems.push(format!("{c}: left in the outbox: {left:?}"));
        }
        let inputs = store
            .inbox()
            .pending_inputs(c, 10)
            .await
            .map_err(|e| e.to_string())?;
        if !inputs.is_empty() {
            let left: Vec<_> = inputs.iter().map(|i| i.id.clone()).collect();
            problems.push(format!("{c}: left in the inbox: {left:?}"));
        }
    }
    let (_, _, dead) = engine.office().metrics().deliveries();
    if dead > 0 {
        problems.push(format!("{dead} outbox rows given up"));
    }
    let p = lock(&platform.state);
    problems.extend(p.violations.iter().cloned());
    if !problems.is_empty() {
        return Err(format!(
            "{} (after {:.1} s of real time, {} min of office time)",
            problems.join("; "),
            started.elapsed().as_secs_f64(),
            (clock.now() - start).num_minutes()
        ));
    }
    Ok(Stats {
        cases: 1,
        inputs: expected.iter().map(|e| e.len() as u64).sum(),
        conversations: n as u64,
        failures: p.failures,
        lost_answers: p.lost_answers,
        dropped_repeats: p.dropped_repeats,
        longest: (clock.now() - start).num_seconds(),
    })
}
