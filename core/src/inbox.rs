//! The inbox as the channels use it: an input is stored before the platform is told it
//! arrived, claimed by the process that handles it, answered (its reply queued and the input
//! done in one transaction) or retried. The channels' inbound path (`bots/src/channel/
//! inbound.rs`) asks these questions and nothing else of the database.

use chrono::{DateTime, Utc};

use crate::channel::ConversationId;
use crate::message::Message;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::store::Store;

pub use crate::store::{Claimed, InboxItem, NewInput, Result, Stored};

/// What the channels ask of the inbox (see the module).
#[derive(Clone)]
pub struct Inbox {
    office: Office,
    store: Store,
}

impl Inbox {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self { office, store }
    }

    /// Stores an input, reserved until `claimed_until` for this process if given; `None`
    /// if it was stored before (a redelivery).
    pub async fn receive(
        &self,
        new: NewInput<'_>,
        now: DateTime<Utc>,
        claimed_until: Option<DateTime<Utc>>,
    ) -> Result<Option<Stored>> {
        self.store
            .inbox()
            .receive_input_claimed(new, now, claimed_until)
            .await
    }

    /// Notes that a platform event was seen (`id`), for events that are answered at most
    /// once but are no input of a conversation (a group invitation, a desk command);
    /// `false` if it was seen before.
    pub async fn seen_once(&self, id: &str, conversation: &ConversationId) -> Result<bool> {
        let now = self.office.now();
        self.store
            .inbox()
            .record_handled(id, conversation, now)
            .await
    }

    /// The conversation's inputs waiting to be handled, oldest first.
    pub async fn pending(
        &self,
        conversation: &ConversationId,
        limit: i64,
    ) -> Result<Vec<InboxItem>> {
        self.store.inbox().pending_inputs(conversation, limit).await
    }

    /// Conversations with inputs due (a retry come due, or a handler that vanished).
    pub async fn due_conversations(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<ConversationId>> {
        let due = self
            .store
            .inbox()
            .conversations_with_due_inputs(now, limit)
            .await?;
        // A channel this version does not know (a newer replica's) is left to the replicas
        // that do; it is said, not silently passed over.
        Ok(due
            .iter()
            .filter_map(|c| match ConversationId::parse(c) {
                Ok(c) => Some(c),
                Err(_) => {
                    // The channel's name only: the rest identifies a citizen.
                    let channel = c.split(':').next().unwrap_or_default();
                    tracing::warn!(target: "inbox", %channel, "inputs of an unknown channel left pending");
                    None
                }
            })
            .collect())
    }

    /// Reserves an input for this process until `until`; `false` if another has it.
    pub async fn claim(&self, id: &str, now: DateTime<Utc>, until: DateTime<Utc>) -> Result<bool> {
        self.store.inbox().claim_input(id, now, until).await
    }

    /// The input was handled: its reply (`kind`, `body`) goes into the outbox, and the input
    /// is done, in one transaction; see `InboxRepo::answer_input`.
    pub async fn answer(
        &self,
        conversation: &ConversationId,
        id: &str,
        reply: Option<(NoticeKind, &Message)>,
        now: DateTime<Utc>,
        claim_until: Option<DateTime<Utc>>,
    ) -> Result<Option<Claimed>> {
        let body = reply.map(|(kind, message)| (kind.as_str(), message.to_json()));
        let reply = body.as_ref().map(|(kind, body)| (*kind, body.as_str()));
        self.store
            .inbox()
            .answer_input(conversation, id, reply, now, claim_until)
            .await
    }

    /// Handling failed: tried again at `retry_at`, or never (given up).
    pub async fn failed(
        &self,
        id: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        self.store.inbox().input_failed(id, error, retry_at).await
    }
}
