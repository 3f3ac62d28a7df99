//! The one inbound path: a channel stores what it received ([`Inbound::receive`]), tells its
//! platform, and dispatches; each conversation's inputs are then handled one after the other
//! on a task of its own, so a busy chat never holds up another. Handling runs the core's
//! dialogue keyed on the input's id (a second run gives the stored reply, never a second
//! transition), then queues the reply in the outbox and marks the input done in one
//! transaction. Whatever fails or crashes in between, the input stays pending and is tried
//! again (the sweep), so every input gets exactly one answer.
//!
//! The queued reply then goes out at once where this process delivers the channel (an outbox
//! registered with [`Inbound::deliver_through`]): the row is written first, so nothing is
//! lost, but the reply does not wait for the outbox loop to come round.

use super::lock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use schalter_core::inbox::{Claimed, InboxItem, NewInput};
use schalter_core::notice::NoticeKind;
use schalter_core::queue::Message;
use schalter_core::{ChannelKind, ConversationId, Engine, Input};

use super::outbox::Wake;
use super::{DeliverNow, FetchError, FetchFile, retry};
use schalter_core::dialogue::Fetched;

/// How often pending inputs left over by failures, crashes or other replicas are looked for.
const SWEEP: Duration = Duration::from_secs(2);
/// How long an input stays reserved for the process handling it (handling takes
/// milliseconds; a process that died holds it up no longer than this).
const CLAIM: chrono::Duration = chrono::Duration::seconds(10);
/// How long an input stored claimed counts as this process's without claiming it again: half
/// the claim, so that handling it still falls well within the claim.
const FRESH: Duration = Duration::from_secs(5);
/// Claimed inputs remembered before the stale ones are forgotten.
const FRESH_KEPT: usize = 4096;
/// Handling is retried with back-off up to this delay …
const RETRY_CAP: Duration = Duration::from_secs(120);
/// … and given up after this many attempts (about half an hour), with an apology.
const MAX_ATTEMPTS: i64 = 20;

pub struct Inbound {
    engine: Arc<Engine>,
    wake: Wake,
    /// Conversations with a task draining them; `true`: new input arrived meanwhile.
    active: Mutex<HashMap<ConversationId, bool>>,
    /// Outboxes of this process that deliver a channel (while it leads that channel).
    direct: Mutex<HashMap<ChannelKind, Arc<dyn DeliverNow>>>,
    /// Inputs this process stored already claimed, and when: handled within [`FRESH`], they
    /// need no second write to claim them.
    fresh: Mutex<HashMap<String, std::time::Instant>>,
    /// What fetches the files citizens send, per channel.
    fetchers: Mutex<HashMap<ChannelKind, Arc<dyn FetchFile>>>,
    /// Inputs this process just stored that were their conversation's only pending one:
    /// the drain dispatched for them handles them without reading the inbox back (a round
    /// trip on the way to every reply). Taken by the next dispatch of the conversation.
    ready: Mutex<HashMap<ConversationId, InboxItem>>,
}

/// Replies go out straight from the handler through an outbox as long as this lives.
pub struct DirectDelivery {
    inbound: Arc<Inbound>,
    kind: ChannelKind,
    outbox: Arc<dyn DeliverNow>,
}

impl Drop for DirectDelivery {
    fn drop(&mut self) {
        let mut direct = lock(&self.inbound.direct);
        if direct
            .get(&self.kind)
            .is_some_and(|o| Arc::ptr_eq(o, &self.outbox))
        {
            direct.remove(&self.kind);
        }
    }
}

impl Inbound {
    pub fn new(engine: Arc<Engine>, wake: Wake) -> Arc<Self> {
        Arc::new(Self {
            engine,
            wake,
            active: Mutex::default(),
            direct: Mutex::default(),
            fresh: Mutex::default(),
            fetchers: Mutex::default(),
            ready: Mutex::default(),
        })
    }

    /// Files citizens send on `kind` are fetched through `fetcher`.
    pub fn fetch_files_with(&self, kind: ChannelKind, fetcher: Arc<dyn FetchFile>) {
        lock(&self.fetchers).insert(kind, fetcher);
    }

    /// Replies to conversations of `kind` are delivered through `outbox` as soon as they are
    /// queued, until the returned guard is dropped (the channel stops leading).
    pub fn deliver_through(
        self: &Arc<Self>,
        kind: ChannelKind,
        outbox: Arc<dyn DeliverNow>,
    ) -> DirectDelivery {
        lock(&self.direct).insert(kind, outbox.clone());
        DirectDelivery {
            inbound: self.clone(),
            kind,
            outbox,
        }
    }

    /// What was just queued for the conversation goes out: at once where this process
    /// delivers its channel, else when the outbox loop that does is woken (here, or on the
    /// replica that leads the channel, told by PostgreSQL: without it a reply handled on
    /// another replica waited for the leader's next round, up to 250 ms).
    pub fn deliver(&self, conversation: &ConversationId) {
        match self.direct_for(conversation) {
            Some(outbox) => outbox.deliver_now(conversation),
            None => {
                self.wake.notify_one();
                let engine = self.engine.clone();
                tokio::spawn(async move { engine.outbox().announce().await });
            }
        }
    }

    /// The outbox of this process that delivers the conversation's channel, if any.
    fn direct_for(&self, conversation: &ConversationId) -> Option<Arc<dyn DeliverNow>> {
        lock(&self.direct).get(&conversation.channel()).cloned()
    }

    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// Stores an input under the channel's `key` (unique per channel). `Ok(false)`: it was
    /// stored before (a redelivery). An error means it is not stored: do not acknowledge it.
    pub async fn receive(
        &self,
        key: &str,
        conversation: &ConversationId,
        input: &Input,
        lang_hint: Option<&str>,
    ) -> schalter_core::inbox::Result<bool> {
        let json = serde_json::to_string(input).expect("inputs serialize");
        let now = self.engine.office().clock().now();
        let stored = self
            .engine
            .inbox()
            .receive(
                NewInput {
                    id: key,
                    conversation_id: conversation,
                    input: &json,
                    lang_hint,
                },
                now,
                Some(now + CLAIM),
            )
            .await?;
        let Some(stored) = stored else {
            return Ok(false);
        };
        {
            let mut fresh = lock(&self.fresh);
            // Inputs stored but handled elsewhere (a lost leadership) are not kept forever.
            if fresh.len() >= FRESH_KEPT {
                fresh.retain(|_, at| at.elapsed() < FRESH);
            }
            fresh.insert(key.to_owned(), std::time::Instant::now());
        }
        if stored.alone {
            let mut ready = lock(&self.ready);
            // Stored but never dispatched (the channel failed in between): the inbox has them.
            if ready.len() >= FRESH_KEPT {
                ready.clear();
            }
            ready.insert(
                conversation.clone(),
                InboxItem {
                    id: key.to_owned(),
                    conversation_id: conversation.clone(),
                    input: json,
                    lang_hint: lang_hint.map(str::to_owned),
                    attempts: 0,
                },
            );
        }
        Ok(true)
    }

    /// Makes sure the conversation's pending inputs are being handled.
    pub fn dispatch(self: &Arc<Self>, conversation: &ConversationId) {
        let conversation = conversation.clone();
        let ready = {
            let mut active = lock(&self.active);
            // Whatever drain runs reads the inbox, and so finds the input just stored.
            let ready = lock(&self.ready).remove(&conversation);
            if let Some(dirty) = active.get_mut(&conversation) {
                *dirty = true;
                return;
            }
            active.insert(conversation.clone(), false);
            ready
        };
        let this = self.clone();
        tokio::spawn(async move {
            let mut guard = Active {
                inbound: this.clone(),
                conversation: Some(conversation.clone()),
            };
            this.drain(&conversation, &mut guard, ready).await;
        });
    }

    /// Handles the conversation's pending inputs in order until there are none, or one
    /// fails (the sweep brings it back when its retry is due). `ready`: the conversation's
    /// only pending input when this process stored it, handled without reading the inbox;
    /// if nothing was dispatched meanwhile, the drain then ends without reading it either.
    /// An input handled already by an earlier drain is not handled twice: its claim was used
    /// up, and claiming it again fails as it is done.
    async fn drain(
        &self,
        conversation: &ConversationId,
        guard: &mut Active,
        mut ready: Option<InboxItem>,
    ) {
        loop {
            let from_ready = ready.is_some();
            let pending = match ready.take() {
                Some(item) => vec![item],
                None => match self.engine.inbox().pending(conversation, 20).await {
                    Ok(p) => p,
                    Err(e) => {
                        tracing::warn!(target: "inbound", error = %e, "cannot read the inbox");
                        return;
                    }
                },
            };
            if pending.is_empty() {
                if self.release(conversation, guard) {
                    return;
                }
                continue;
            }
            let mut all_handled = true;
            for (i, item) in pending.iter().enumerate() {
                match self.handle(item).await {
                    Handled::Next => {}
                    Handled::Stop => return,
                    // Another replica has this input. If this process stored a later one of
                    // the same conversation (a load balancer sends a chat's webhook calls to
                    // the replicas in turn), it waits for the other to finish and goes on;
                    // otherwise the other handles them all. Without the wait the later input
                    // sat until the sweep: two replicas handled 77 inputs a second where
                    // one handled 1,088 (`cargo bench --bench scale_out`).
                    // An input stored here after the list was read is seen by the release:
                    // the drain then reads again (it waited for the sweep before).
                    Handled::Elsewhere => {
                        all_handled = false;
                        let ours_later = pending[i + 1..].iter().any(|p| self.is_fresh(&p.id));
                        if ours_later {
                            if self.handled_elsewhere(conversation, &item.id).await {
                                break;
                            }
                            return;
                        }
                        if self.release(conversation, guard) {
                            return;
                        }
                        break;
                    }
                }
            }
            if from_ready && all_handled && self.release(conversation, guard) {
                return;
            }
        }
    }

    /// Ends the conversation's drain unless an input was dispatched while it ran (then
    /// `false`: read the inbox again). Released under the lock: a dispatch in between would
    /// mark it dirty for a task that is already gone, and the input would wait for the sweep.
    fn release(&self, conversation: &ConversationId, guard: &mut Active) -> bool {
        let mut active = lock(&self.active);
        match active.get_mut(conversation) {
            Some(dirty) if *dirty => {
                *dirty = false;
                false
            }
            _ => {
                active.remove(conversation);
                guard.conversation = None;
                true
            }
        }
    }

    /// Whether this process stored the input claimed a moment ago (see [`Self::receive`]).
    fn is_fresh(&self, id: &str) -> bool {
        lock(&self.fresh)
            .get(id)
            .is_some_and(|at| at.elapsed() < FRESH)
    }

    /// Waits until input `id`, which another process holds, is no longer the conversation's
    /// first pending one (handled there); `false` if that takes longer than [`FRESH`] (the
    /// other process may have died: the sweep takes over) or the inbox cannot be read. Looks
    /// every 2 ms at first, then less often: handling an input takes a few milliseconds.
    async fn handled_elsewhere(&self, conversation: &ConversationId, id: &str) -> bool {
        let deadline = tokio::time::Instant::now() + FRESH;
        let mut pause = Duration::from_millis(2);
        while tokio::time::Instant::now() < deadline {
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_millis(50));
            match self.engine.inbox().pending(conversation, 1).await {
                Ok(first) if first.first().is_none_or(|f| f.id != id) => return true,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(target: "inbound", error = %e, "cannot read the inbox");
                    return false;
                }
            }
        }
        false
    }

    /// One input: whether it is done and the next may follow, or another process has it.
    async fn handle(&self, item: &InboxItem) -> Handled {
        let inbox = self.engine.inbox();
        let now = self.engine.office().clock().now();
        // Stored by this process a moment ago, claimed with it (see `receive`).
        let claimed = lock(&self.fresh)
            .remove(&item.id)
            .is_some_and(|at| at.elapsed() < FRESH);
        let claim = match claimed {
            true => Ok(true),
            false => inbox.claim(&item.id, now, now + CLAIM).await,
        };
        match claim {
            Ok(true) => {}
            // Another process handles it.
            Ok(false) => return Handled::Elsewhere,
            Err(e) => {
                tracing::warn!(target: "inbound", error = %e, "cannot claim an input");
                return Handled::Stop;
            }
        }
        match self.answer(item).await {
            Ok(Some(claimed)) => {
                match self.direct_for(&item.conversation_id) {
                    Some(outbox) => outbox.deliver_claimed(claimed),
                    // This process stopped delivering the channel meanwhile: the reply is
                    // made due for whoever does.
                    None => {
                        let held = [(claimed.row.id, claimed.until)];
                        if let Err(e) = self.engine.outbox().release(&held).await {
                            tracing::warn!(target: "inbound", error = %e, "a claimed reply not released");
                        }
                        self.wake.notify_one();
                    }
                }
                Handled::Next
            }
            Ok(None) => {
                self.deliver(&item.conversation_id);
                Handled::Next
            }
            Err(e) => {
                let give_up = item.attempts + 1 >= MAX_ATTEMPTS;
                tracing::warn!(target: "inbound", attempts = item.attempts + 1, give_up, error = %e, "input not handled");
                let retry_at = (!give_up).then(|| {
                    self.engine.office().clock().now()
                        + chrono::Duration::from_std(retry::delay(item.attempts, RETRY_CAP))
                            .unwrap_or(CLAIM)
                });
                if give_up && let Err(e) = self.apologize(item).await {
                    tracing::warn!(target: "inbound", error = %e, "cannot apologize");
                    return Handled::Stop;
                }
                if let Err(e) = inbox.failed(&item.id, &e.to_string(), retry_at).await {
                    // The claim runs out and the sweep tries again.
                    tracing::warn!(target: "inbound", error = %e, "cannot record the failure");
                    return Handled::Stop;
                }
                if give_up {
                    self.deliver(&item.conversation_id);
                }
                match give_up {
                    true => Handled::Next,
                    false => Handled::Stop,
                }
            }
        }
    }

    /// Handles the input and queues its reply: claimed already when this process delivers
    /// the channel and nothing waits before it (returned, to be sent at once).
    async fn answer(&self, item: &InboxItem) -> anyhow::Result<Option<Claimed>> {
        let inbox = self.engine.inbox();
        let input: Input = match serde_json::from_str(&item.input) {
            Ok(i) => i,
            Err(_) => Input::Media,
        };
        let keyed = match input {
            Input::File { source, size } => {
                let fetched = self.fetch(item, &source, size).await?;
                let keyed = self
                    .engine
                    .dialogue()
                    .handle_file(
                        &item.conversation_id,
                        &item.id,
                        item.lang_hint.as_deref(),
                        fetched,
                    )
                    .await?;
                // Kept sealed: the platform's copy is not needed any more.
                if self.engine.documents().kept_for_input(&item.id).await? {
                    let fetcher = lock(&self.fetchers)
                        .get(&item.conversation_id.channel())
                        .cloned();
                    if let Some(fetcher) = fetcher {
                        fetcher.discard(&source).await;
                    }
                }
                keyed
            }
            input => {
                // The reply is queued and the input done with the state, in one commit.
                let now = self.engine.office().clock().now();
                let claim = self
                    .direct_for(&item.conversation_id)
                    .map(|_| now + super::outbox::CLAIM);
                let keyed = self
                    .engine
                    .dialogue()
                    .handle_answering(
                        &item.conversation_id,
                        &item.id,
                        item.lang_hint.as_deref(),
                        input,
                        claim,
                    )
                    .await?;
                if let Some(claimed) = keyed.answered {
                    return Ok(claimed);
                }
                keyed
            }
        };
        // The citizen asked to be forgotten: the answer is the last message, and its row goes
        // once it is delivered (see the outbox).
        let kind = if keyed.forgotten {
            NoticeKind::Farewell
        } else {
            NoticeKind::Reply
        };
        let message = match keyed.sent {
            true => None,
            false => Some(Message {
                text: keyed.reply.text,
                options: keyed.reply.options,
                ..Message::default()
            }),
        };
        let now = self.engine.office().clock().now();
        let claim = self
            .direct_for(&item.conversation_id)
            .map(|_| now + super::outbox::CLAIM);
        Ok(inbox
            .answer(
                &item.conversation_id,
                &item.id,
                message.as_ref().map(|m| (kind, m)),
                now,
                claim,
            )
            .await?)
    }

    /// The bytes of a file a citizen sent, unless its document is kept already or the channel
    /// says it is too large. A failed fetch is an error: the input is tried again with
    /// back-off, and answered once.
    async fn fetch(
        &self,
        item: &InboxItem,
        source: &str,
        size: Option<u64>,
    ) -> anyhow::Result<Fetched<'static>> {
        let documents = self.engine.documents();
        if !documents.enabled() {
            return Ok(Fetched::Gone);
        }
        if documents.kept_for_input(&item.id).await? {
            return Ok(Fetched::Kept);
        }
        // No appointment to keep it for: not downloaded at all.
        if !self
            .engine
            .dialogue()
            .takes_files(&item.conversation_id)
            .await?
        {
            return Ok(Fetched::NotFetched);
        }
        let max = documents.max_bytes();
        if size.is_some_and(|s| s > max as u64) {
            return Ok(Fetched::TooLarge);
        }
        let fetcher = lock(&self.fetchers)
            .get(&item.conversation_id.channel())
            .cloned();
        let Some(fetcher) = fetcher else {
            return Ok(Fetched::Gone);
        };
        match fetcher.fetch(source, max).await {
            Ok(file) => Ok(Fetched::Reading(file)),
            Err(FetchError::TooLarge) => Ok(Fetched::TooLarge),
            Err(FetchError::Gone) => Ok(Fetched::Gone),
            Err(e @ FetchError::Failed(_)) => Err(e.into()),
        }
    }

    /// The answer to an input that could not be handled: sorry, please try again.
    async fn apologize(&self, item: &InboxItem) -> anyhow::Result<()> {
        self.engine
            .outbox()
            .apologize(
                &item.conversation_id,
                &format!("reply:{}", item.id),
                NoticeKind::Reply,
                item.lang_hint.as_deref(),
            )
            .await?;
        Ok(())
    }

    /// Brings back inputs whose retry is due or whose handler vanished, until dropped.
    pub async fn sweep(self: Arc<Self>) {
        loop {
            tokio::time::sleep(SWEEP).await;
            let now = self.engine.office().clock().now();
            match self.engine.inbox().due_conversations(now, 100).await {
                Ok(conversations) => {
                    for c in conversations {
                        self.dispatch(&c);
                    }
                }
                Err(e) => tracing::warn!(target: "inbound", error = %e, "cannot sweep the inbox"),
            }
        }
    }
}

/// Ends a conversation's drain, even if its task panicked.
/// What became of one input in [`Inbound::handle`].
enum Handled {
    /// Done (answered or given up): the next may follow.
    Next,
    /// Not done here, to be tried again later (the sweep): the ones after it wait.
    Stop,
    /// Another process holds it.
    Elsewhere,
}

struct Active {
    inbound: Arc<Inbound>,
    /// `None` once the drain released it itself.
    conversation: Option<ConversationId>,
}

impl Drop for Active {
    fn drop(&mut self) {
        if let Some(conversation) = &self.conversation {
            lock(&self.inbound.active).remove(conversation);
        }
    }
}
