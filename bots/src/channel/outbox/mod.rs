//! The one outbox every channel runs. Its loop finds due rows through the index and hands
//! each conversation to a task of its own (so a slow or throttled chat delays only itself);
//! [`DeliverNow::deliver_now`] does the same for one conversation the moment a reply was queued,
//! so that a reply does not wait for the loop. Both go through one set of conversations in
//! flight: one task at a time delivers a conversation, in order, and looks again when more
//! came meanwhile. Every outcome is recorded on the row; the loop is the safety net for
//! whatever the direct path leaves (a failure, a crash, rows written by another process).

use super::lock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use schalter_core::outbox::{Claimed, Failure, Notification};
use schalter_core::queue::{Message, WAITING_ROOM_SLOT};
use schalter_core::{ChannelKind, ConversationId, Engine};
use tokio::sync::Notify;

use backon::{ExponentialBuilder, Retryable};

use super::{Channel, DeliverNow, Delivery, Policy, SendError, retry};
use schalter_core::notice::NoticeKind;

/// How often the outbox looks for due rows when nobody wakes it (rows written by another
/// process, retries coming due).
const ROUND: Duration = Duration::from_millis(250);
/// Rows read per round and channel.
const BATCH: i64 = 200;
/// How long a row stays reserved for the sender that claimed it (a crashed sender's rows are
/// picked up again after this).
pub(crate) const CLAIM: chrono::Duration = chrono::Duration::seconds(60);
/// How long after taking over a predecessor is surely fenced (it notices a lost lock within
/// 2 s, see `leader.rs`; with a wide margin).
const FENCED: Duration = Duration::from_secs(7);
/// Conversations being delivered at once by this process. Each holds its rows and rendered
/// messages while it waits for the network's send limit (Telegram: 30 messages a second), so
/// without a bound 10,000 citizens answered in one burst kept 10,000 tasks and 120 MB waiting;
/// 64 is two seconds of Telegram's budget. The others' rows wait in the database, where the
/// loop finds them as soon as a conversation is done.
const IN_FLIGHT: usize = 64;
/// Transient failures are retried with back-off up to this delay …
const RETRY_CAP: Duration = Duration::from_secs(300);
/// … and given up after this many attempts (about a day).
const MAX_ATTEMPTS: i64 = 300;
/// An answer nobody knows is tried this many times (about a minute), then the message is
/// given up with an apology.
pub const UNRECOGNIZED_ATTEMPTS: i64 = 6;

/// Wakes the outbox of this process at once (a reply was just queued).
pub type Wake = Arc<Notify>;

/// Delivers `channel`'s messages until the task is dropped.
pub async fn run<C: Channel>(channel: Arc<C>, engine: Arc<Engine>, wake: Wake) {
    Outbox::new(channel, engine, wake).run().await;
}

/// One channel's outbox in this process.
pub struct Outbox<C> {
    channel: Arc<C>,
    engine: Arc<Engine>,
    wake: Wake,
    /// Conversations a task is delivering; `true`: more rows came meanwhile, look again.
    in_flight: Arc<Mutex<HashMap<ConversationId, bool>>>,
    /// At most [`IN_FLIGHT`] tasks; see there.
    permits: Arc<tokio::sync::Semaphore>,
    /// A task was not started for want of a permit: the next one to end wakes the loop.
    starved: Arc<std::sync::atomic::AtomicBool>,
}

impl<C> Clone for Outbox<C> {
    fn clone(&self) -> Self {
        Self {
            channel: self.channel.clone(),
            engine: self.engine.clone(),
            wake: self.wake.clone(),
            in_flight: self.in_flight.clone(),
            permits: self.permits.clone(),
            starved: self.starved.clone(),
        }
    }
}

impl<C: Channel> DeliverNow for Outbox<C> {
    fn deliver_now(&self, conversation: &ConversationId) {
        self.start(conversation.clone(), None);
    }

    fn deliver_claimed(&self, claimed: Claimed) {
        let conversation = claimed.row.conversation_id.clone();
        if self.start_claimed(conversation.clone(), claimed.row.clone()) {
            return;
        }
        // A task has the conversation already (or all are busy): the row is made due for
        // whoever delivers it next, rather than waiting for its claim to run out.
        let this = self.clone();
        tokio::spawn(async move {
            let held = [(claimed.row.id, claimed.until)];
            if let Err(e) = this.engine.outbox().release(&held).await {
                tracing::warn!(target: "outbox", error = %e, "a claimed reply not released");
            }
            this.deliver_now(&conversation);
        });
    }
}

impl<C: Channel> Outbox<C> {
    pub fn new(channel: Arc<C>, engine: Arc<Engine>, wake: Wake) -> Self {
        Self {
            channel,
            engine,
            wake,
            in_flight: Arc::default(),
            permits: Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT)),
            starved: Arc::default(),
        }
    }

    /// Looks for due rows whenever woken, and every [`ROUND`], until dropped.
    pub async fn run(&self) {
        let (channel, engine, wake) = (&self.channel, &self.engine, &self.wake);
        // Whoever delivered before us (a leader that was killed) may have left rows claimed
        // or backing off. Once that one is surely fenced (it confirms its lock every second
        // and stops when it cannot), those claims are released instead of waiting for them
        // to run out. They are noted now, so that what this process claims or backs off
        // meanwhile (a 429's `retry_after`) is left as it is.
        let started = engine.office().clock().now();
        let mut held = Vec::new();
        for kind in channel.serves() {
            match engine
                .outbox()
                .held_claims(
                    kind,
                    channel.only().as_ref().map(ConversationId::as_str),
                    started,
                    started + CLAIM,
                )
                .await
            {
                Ok(rows) => held.extend(rows),
                Err(e) => {
                    tracing::warn!(target: "outbox", channel = %kind, error = %e, "claims not read");
                }
            }
        }
        let release_at = tokio::time::Instant::now() + FENCED;
        loop {
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep(ROUND) => {}
            }
            let now = engine.office().clock().now();
            if !held.is_empty() && tokio::time::Instant::now() >= release_at {
                if let Err(e) = engine.outbox().release(&held).await {
                    tracing::warn!(target: "outbox", error = %e, "claims not released");
                }
                held = Vec::new();
            }
            for kind in channel.serves() {
                let rows = match channel.only() {
                    Some(conversation) => engine.outbox().due_for(&conversation, now, BATCH).await,
                    None => engine.outbox().due(kind, now, BATCH).await,
                };
                let rows = match rows {
                    Ok(rows) => rows,
                    Err(e) => {
                        tracing::warn!(target: "outbox", channel = %kind, error = %e, "cannot read the outbox");
                        continue;
                    }
                };
                for (conversation, rows) in by_conversation(rows) {
                    if !self.start(conversation, Some(rows)) {
                        break;
                    }
                }
            }
        }
    }

    /// Starts a task delivering `conversation` (its `rows`, or else what is due), unless one
    /// has it already (it is told to look again). `false` when all [`IN_FLIGHT`] tasks are
    /// busy: the rows stay in the database until one ends and wakes the loop.
    fn start(&self, conversation: ConversationId, rows: Option<Vec<Notification>>) -> bool {
        self.try_start(conversation, rows.map(|r| (r, false))) != Start::NoPermit
    }

    /// Starts a task delivering `row`, which this process claimed as it wrote it, and then
    /// whatever else is due; `false` (nothing started) if a task has the conversation or all
    /// are busy.
    fn start_claimed(&self, conversation: ConversationId, row: Notification) -> bool {
        self.try_start(conversation, Some((vec![row], true))) == Start::Started
    }

    /// Starts a task for the conversation with `rows` (`true`: claimed by this process as
    /// written), unless a task has it (then told to look again) or all are busy.
    fn try_start(
        &self,
        conversation: ConversationId,
        rows: Option<(Vec<Notification>, bool)>,
    ) -> Start {
        let Ok(permit) = self.permits.clone().try_acquire_owned() else {
            self.starved
                .store(true, std::sync::atomic::Ordering::SeqCst);
            return Start::NoPermit;
        };
        if !self.enter(&conversation) {
            return Start::Taken;
        }
        self.spawn(permit, conversation, rows);
        Start::Started
    }

    fn spawn(
        &self,
        permit: tokio::sync::OwnedSemaphorePermit,
        conversation: ConversationId,
        rows: Option<(Vec<Notification>, bool)>,
    ) {
        let this = self.clone();
        tokio::spawn(async move {
            this.clone().drain(conversation, rows).await;
            drop(permit);
            if this
                .starved
                .swap(false, std::sync::atomic::Ordering::SeqCst)
            {
                this.wake.notify_one();
            }
        });
    }

    /// Takes the conversation for a new task; `false` if a task has it (which is told to
    /// look again).
    fn enter(&self, conversation: &ConversationId) -> bool {
        let mut in_flight = lock(&self.in_flight);
        match in_flight.get_mut(conversation) {
            Some(again) => {
                *again = true;
                false
            }
            None => {
                in_flight.insert(conversation.clone(), false);
                true
            }
        }
    }

    /// Delivers `rows` (read by the loop, or one this process claimed as it wrote it:
    /// `true`) or else the conversation's due rows, and again as long as more came meanwhile;
    /// stops at a failure (the loop brings the rest when due). A task of the loop wakes it
    /// when all went, as there may be more than it read.
    async fn drain(
        self,
        conversation: ConversationId,
        mut rows: Option<(Vec<Notification>, bool)>,
    ) {
        let from_loop = rows.as_ref().is_some_and(|(_, claimed)| !claimed);
        let mut guard = InFlight {
            set: self.in_flight.clone(),
            conversation: Some(conversation.clone()),
        };
        loop {
            let (rows, claimed) = match rows.take() {
                Some(rows) => rows,
                None => {
                    let now = self.engine.office().clock().now();
                    match self
                        .engine
                        .outbox()
                        .due_for(&conversation, now, BATCH)
                        .await
                    {
                        Ok(rows) => (rows, false),
                        Err(e) => {
                            tracing::warn!(target: "outbox", error = %e, "cannot read the outbox");
                            return;
                        }
                    }
                }
            };
            let full = rows.len() >= usize::try_from(BATCH).unwrap_or(usize::MAX);
            if !deliver_conversation(self.channel.as_ref(), &self.engine, rows, claimed).await {
                return;
            }
            let mut in_flight = lock(&self.in_flight);
            match in_flight.get_mut(&conversation) {
                Some(again) if *again || full => *again = false,
                _ => {
                    // Released under the lock, so that nobody is told to look again by a
                    // task that is already gone.
                    in_flight.remove(&conversation);
                    guard.conversation = None;
                    drop(in_flight);
                    if from_loop {
                        self.wake.notify_one();
                    }
                    return;
                }
            }
        }
    }
}

/// What [`Outbox::try_start`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Started,
    /// A task has the conversation; it was told to look again.
    Taken,
    /// All [`IN_FLIGHT`] tasks are busy; the next to end wakes the loop.
    NoPermit,
}

/// Releases a conversation when its task ends, even by a panic.
struct InFlight {
    set: Arc<Mutex<HashMap<ConversationId, bool>>>,
    conversation: Option<ConversationId>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(conversation) = &self.conversation {
            lock(&self.set).remove(conversation);
        }
    }
}

/// Rows grouped by conversation, each group in the order read.
fn by_conversation(rows: Vec<Notification>) -> Vec<(ConversationId, Vec<Notification>)> {
    let mut groups: Vec<(ConversationId, Vec<Notification>)> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|(c, _)| *c == row.conversation_id) {
            Some((_, g)) => g.push(row),
            None => groups.push((row.conversation_id.clone(), vec![row])),
        }
    }
    groups
}

/// Delivers one conversation's rows in order; stops at the first failure (the rest waits
/// behind it). `claimed`: this process claimed the rows as it wrote them. Returns whether
/// everything went, so that the loop looks again at once.
pub async fn deliver_conversation<C: Channel + ?Sized>(
    channel: &C,
    engine: &Engine,
    rows: Vec<Notification>,
    claimed: bool,
) -> bool {
    for row in rows {
        match deliver_row(channel, engine, &row, claimed).await {
            Ok(true) => {}
            Ok(false) => return false,
            Err(e) => {
                tracing::warn!(target: "outbox", kind = %row.kind, error = %e, "outbox bookkeeping failed");
                return false;
            }
        }
    }
    true
}

/// One row: claim (unless `claimed` already), send, record. `Ok(false)`: it did not go and
/// the conversation waits.
async fn deliver_row<C: Channel + ?Sized>(
    channel: &C,
    engine: &Engine,
    row: &Notification,
    claimed: bool,
) -> schalter_core::outbox::Result<bool> {
    let outbox = engine.outbox();
    let now = engine.office().clock().now();
    if !claimed && !outbox.claim(row, now, now + CLAIM).await? {
        // Another sender has it, or it changed meanwhile: the next round sees the news; the
        // rows behind it wait, to keep the order.
        return Ok(false);
    }
    let to = row.conversation_id.clone();
    let Ok(message) = serde_json::from_str::<Message>(&row.body) else {
        tracing::warn!(target: "outbox", kind = %row.kind, "unreadable outbox row given up");
        let dead = outbox
            .failed(row, &Failure::Refused, "unreadable row", now)
            .await?;
        engine.office().metrics().dead(dead);
        return Ok(true);
    };
    let editable = row.slot.as_deref() == Some(WAITING_ROOM_SLOT);
    let replace = match &row.slot {
        Some(slot) if editable && channel.capabilities().edit_in_place => {
            outbox.shown_in(&row.conversation_id, slot).await?
        }
        _ => None,
    };
    let delivery = Delivery {
        to,
        message,
        kind: row.notice_kind().unwrap_or(NoticeKind::Reply),
        slot: row.slot.clone(),
        replace,
        attempts: row.attempts,
        idempotency_key: format!("schalter-{}-{}", row.id, row.version),
    };
    match channel.send(&delivery).await {
        Ok(sent) => {
            // It went out: recording that must not be lost to a database hiccup, or the row
            // would go out again once its claim runs out. Retried for about half a minute
            // (this task runs on even if this process stops leading).
            let shown = match (editable, &row.slot, &sent.message_id) {
                (true, Some(slot), Some(id)) => Some((slot.as_str(), id.as_str())),
                _ => None,
            };
            let record = || outbox.delivered(row, shown);
            record
                .retry(
                    ExponentialBuilder::default()
                        .with_min_delay(Duration::from_millis(200))
                        .with_max_delay(Duration::from_secs(5))
                        .with_max_times(10),
                )
                .await?;
            engine.office().metrics().delivered();
            // The farewell to a forgotten citizen was their last message: now nothing of
            // them is left (the message, the input that asked, the direct-room mapping).
            // The citizen's data as a file is theirs, not ours to keep.
            outbox
                .after_delivery(
                    row,
                    row.notice_kind() == Some(NoticeKind::Farewell),
                    row.notice_kind() == Some(NoticeKind::MyDataFile),
                )
                .await?;
            Ok(true)
        }
        Err(e) => {
            let now = engine.office().clock().now();
            let failure = judge(&e, row.attempts + 1, now);
            let platform = e.origin.unwrap_or(delivery.to.channel().as_str());
            engine
                .office()
                .metrics()
                .send_failed(platform, e.kind.label());
            tracing::info!(target: "outbox", kind = %row.kind, %platform, failure = %e.kind, attempts = row.attempts + 1, error = %e, "delivery failed");
            let dead = outbox.failed(row, &failure, &e.to_string(), now).await?;
            if dead > 0 {
                engine.office().metrics().dead(dead);
            } else {
                engine.office().metrics().retried();
            }
            // A message given up alone is followed by an apology, never by silence.
            if matches!(failure, Failure::Refused)
                && dead > 0
                && apologizes_for(&delivery)
                && let Err(e) = outbox
                    .apologize(
                        &delivery.to,
                        &format!("apology:{}", row.id),
                        NoticeKind::Apology,
                        None,
                    )
                    .await
            {
                tracing::warn!(target: "outbox", error = %e, "cannot apologize");
            }
            // A refused message does not stop the ones behind it.
            Ok(matches!(failure, Failure::Refused))
        }
    }
}

/// What becomes of a row whose `attempts`-th delivery failed with `e`.
fn judge(e: &SendError, attempts: i64, now: chrono::DateTime<chrono::Utc>) -> Failure {
    match e.kind.policy() {
        Policy::GiveUpConversation => Failure::Unreachable,
        Policy::GiveUpMessage => Failure::Refused,
        Policy::RetryFew if attempts >= UNRECOGNIZED_ATTEMPTS => Failure::Refused,
        Policy::Retry | Policy::RetryFew if attempts >= MAX_ATTEMPTS => Failure::Unreachable,
        Policy::Retry | Policy::RetryFew => {
            let wait = retry::delay(attempts - 1, RETRY_CAP).max(e.retry_after.unwrap_or_default());
            Failure::RetryAt(now + chrono::Duration::from_std(wait).unwrap_or(CLAIM))
        }
    }
}

/// Whether a message given up is worth an apology: a citizen's (not a mail: the chat is where
/// the citizen reads), and not itself an apology
/// or a waiting-room update (the next one replaces it within seconds).
fn apologizes_for(d: &Delivery) -> bool {
    d.to.channel() != ChannelKind::Desk
        && d.to.channel() != ChannelKind::Mail
        && d.kind != NoticeKind::Apology
        && d.kind != NoticeKind::Farewell
        && d.slot.as_deref() != Some(WAITING_ROOM_SLOT)
}

#[cfg(test)]
mod tests;
