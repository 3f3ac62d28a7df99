//! The channel port: what every network (Telegram, Matrix, the terminal, the desk) implements,
//! and the machinery they share, written once:
//!
//! - [`inbound`]: an input is stored in the inbox before the platform is told it arrived, then
//!   handled once, in order per conversation, and its reply queued in the outbox;
//! - [`outbox`]: every outgoing message is a row, delivered on its own; transient failures back
//!   off, permanent ones are given up, and neither holds up anybody else; a reply goes out
//!   the moment it is queued where this process delivers its channel ([`DeliverNow`]);
//! - [`leader`]: the one replica that polls a network and delivers, re-checked all the time;
//! - [`retry`]: back-off delays.
//!
//! A new channel (web chat, WhatsApp, e-mail) is one [`Channel`] implementation, a way to get
//! its inputs into [`inbound::Inbound::receive`], and a route.

pub mod inbound;
pub mod leader;
pub mod outbox;
pub mod retry;

use std::future::Future;
use std::time::Duration;

use schalter_core::queue::Message;
use schalter_core::store::Claimed;
use schalter_core::{Capabilities, ChannelKind, ConversationId};

/// A std mutex's guard, also after a panic elsewhere (the data stays usable).
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One message to deliver.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub to: ConversationId,
    pub message: Message,
    /// What the core called it (`reply`, `called`, `position`, `agenda` …).
    pub kind: String,
    /// The outbox slot, e.g. the waiting room or `job:agenda:2027-02-02`.
    pub slot: Option<String>,
    /// The platform's id of the message this one replaces (edited in place), if any.
    pub replace: Option<String>,
    /// Failed attempts so far.
    pub attempts: i64,
    /// Unique for this version of this message: platforms that take an idempotency key
    /// (Matrix transaction ids) drop a repeat sent after a crash.
    pub idempotency_key: String,
}

/// What the platform said to a delivery.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    /// The platform's id of the message now showing it (to edit it later).
    pub message_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth another try later: the network, the platform busy or down.
    #[error("transient: {reason}")]
    Transient {
        reason: String,
        /// The platform asked to wait this long.
        retry_after: Option<Duration>,
    },
    /// The conversation cannot be reached any more (blocked, chat gone, room left): its
    /// pending messages are given up.
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// The platform refuses this one message (malformed, too long …): only it is given up.
    #[error("refused: {0}")]
    Refused(String),
}

impl SendError {
    pub fn transient(reason: impl std::fmt::Display) -> Self {
        SendError::Transient {
            reason: reason.to_string(),
            retry_after: None,
        }
    }
}

/// An outbox of this process, told that a conversation has something new to deliver.
pub trait DeliverNow: Send + Sync {
    /// Delivers the conversation's due messages now, in order, after any already on their way.
    fn deliver_now(&self, conversation: &str);

    /// Delivers a row this process claimed as it wrote it (nothing of the conversation was
    /// waiting before it), then whatever else is due.
    fn deliver_claimed(&self, claimed: Claimed);
}

/// A network that delivers the core's messages.
pub trait Channel: Send + Sync + 'static {
    /// The conversations it delivers to.
    fn serves(&self) -> Vec<ChannelKind>;

    /// What it can show; messages are adapted to it.
    fn capabilities(&self) -> Capabilities;

    /// Only this conversation (the terminal, which serves one citizen per process).
    fn only(&self) -> Option<String> {
        None
    }

    /// Sends a message, or replaces `delivery.replace` with it.
    fn send(&self, delivery: &Delivery) -> impl Future<Output = Result<Sent, SendError>> + Send;
}
