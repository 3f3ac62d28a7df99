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

#[cfg(test)]
mod flaky_tests;
pub mod inbound;
pub mod leader;
pub mod outbox;
pub mod retry;

use std::future::Future;
use std::time::Duration;

use schalter_core::notice::NoticeKind;
use schalter_core::outbox::Claimed;
use schalter_core::queue::Message;
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
    /// What the core called it (a reply, a call, the position, the agenda …); a kind
    /// written by a newer version is delivered as a reply.
    pub kind: NoticeKind,
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

/// What kind of failure a platform's answer is: it decides what the outbox does (see
/// [`FailureKind::policy`] and the README's "What each failure means"), and it is the `kind`
/// label of `schalter_delivery_failures_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FailureKind {
    /// Too many requests (Telegram's flood control, HTTP 429, `M_LIMIT_EXCEEDED`): wait as
    /// long as the platform asks, then try again.
    RateLimited,
    /// The platform or its front end failed (HTTP 5xx, as JSON or as an HTML page).
    ServerError,
    /// No answer: connection refused or reset, cut off mid-answer, timed out.
    Network,
    /// The platform does not take our credentials (a revoked bot token, `M_UNKNOWN_TOKEN`):
    /// every message waits until an operator fixes it.
    Credentials,
    /// Our own side failed (the database, the terminal): try again.
    Internal,
    /// An answer this code does not know. Tried a few times, then given up with an apology,
    /// so that nobody waits a day for a message that will never go, and nobody gets silence.
    Unrecognized,
    /// Known to be permanent for this one message (too long, bad markup, a bad button): only
    /// it is given up.
    Refused,
    /// Known to be permanent for the conversation (blocked, chat gone, room left): its
    /// pending messages are given up.
    Unreachable,
}

/// What the outbox does about a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Back off and try again, for as long as the outbox tries anything (about a day).
    Retry,
    /// Back off and try again a few times ([`outbox::UNRECOGNIZED_ATTEMPTS`]), then give the
    /// message up with an apology.
    RetryFew,
    /// Give this message up, apologise, go on with the next.
    GiveUpMessage,
    /// Give every pending message of the conversation up.
    GiveUpConversation,
}

impl FailureKind {
    pub fn policy(self) -> Policy {
        match self {
            FailureKind::RateLimited
            | FailureKind::ServerError
            | FailureKind::Network
            | FailureKind::Credentials
            | FailureKind::Internal => Policy::Retry,
            FailureKind::Unrecognized => Policy::RetryFew,
            FailureKind::Refused => Policy::GiveUpMessage,
            FailureKind::Unreachable => Policy::GiveUpConversation,
        }
    }

    /// The label in `/metrics`.
    pub fn label(self) -> &'static str {
        match self {
            FailureKind::RateLimited => "rate_limited",
            FailureKind::ServerError => "server_error",
            FailureKind::Network => "network",
            FailureKind::Credentials => "credentials",
            FailureKind::Internal => "internal",
            FailureKind::Unrecognized => "unrecognized",
            FailureKind::Refused => "refused",
            FailureKind::Unreachable => "unreachable",
        }
    }
}

impl std::fmt::Display for FailureKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A failed delivery, judged: what kind of failure, the platform's reason (no personal
/// data: platforms' error texts and our own), and how long the platform asked us to wait.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {reason}")]
pub struct SendError {
    pub kind: FailureKind,
    pub reason: String,
    /// The platform asked to wait this long.
    pub retry_after: Option<Duration>,
    /// The platform that failed when it is not the conversation's own (a payment provider
    /// asked while sending a Matrix message): the `platform` label in `/metrics`.
    pub origin: Option<&'static str>,
}

impl SendError {
    pub fn new(kind: FailureKind, reason: impl std::fmt::Display) -> Self {
        Self {
            kind,
            reason: reason.to_string(),
            retry_after: None,
            origin: None,
        }
    }

    /// Our own side failed (the database, the terminal).
    pub fn internal(reason: impl std::fmt::Display) -> Self {
        Self::new(FailureKind::Internal, reason)
    }

    pub fn refused(reason: impl std::fmt::Display) -> Self {
        Self::new(FailureKind::Refused, reason)
    }

    pub fn unreachable(reason: impl std::fmt::Display) -> Self {
        Self::new(FailureKind::Unreachable, reason)
    }

    #[must_use]
    pub fn after(mut self, wait: Option<Duration>) -> Self {
        self.retry_after = wait;
        self
    }

    #[must_use]
    pub fn on_platform(mut self, origin: &'static str) -> Self {
        self.origin = Some(origin);
        self
    }
}

/// An outbox of this process, told that a conversation has something new to deliver.
pub trait DeliverNow: Send + Sync {
    /// Delivers the conversation's due messages now, in order, after any already on their way.
    fn deliver_now(&self, conversation: &ConversationId);

    /// Delivers a row this process claimed as it wrote it (nothing of the conversation was
    /// waiting before it), then whatever else is due.
    fn deliver_claimed(&self, claimed: Claimed);
}

/// Why a channel has no bytes for a file a citizen sent.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Larger than the documents' limit (said by the platform, or found while reading).
    #[error("the file is larger than the limit")]
    TooLarge,
    /// The platform does not have it and never will (expired, deleted, not a file).
    #[error("the file is gone")]
    Gone,
    /// The platform did not answer or broke off: tried again later (the inbox's back-off).
    #[error("the file could not be fetched: {0}")]
    Failed(String),
}

/// A file as a channel reads it: a download whose pieces are taken as they arrive. A read
/// that fails is a download broken off (tried again later).
pub type FileReader = Box<dyn tokio::io::AsyncRead + Send + Unpin>;

/// A pinned, boxed future of a fetch (so that channels can be kept as `dyn FetchFile`): the
/// file once the platform said it has it, to be read.
pub type Fetching<'a> =
    std::pin::Pin<Box<dyn Future<Output = Result<FileReader, FetchError>> + Send + 'a>>;

/// Fetches the files citizens send on a channel, for the [`Inbound`](inbound::Inbound) to
/// hand to the core: `source` is what the channel put in `Input::File`. The core stops
/// reading past `max_bytes`; a channel refuses a file it knows to be larger before it starts.
pub trait FetchFile: Send + Sync {
    fn fetch<'a>(&'a self, source: &'a str, max_bytes: usize) -> Fetching<'a>;

    /// The platform's copy of a file whose sealed copy is kept now, removed where the
    /// platform lets the bot (best effort; by default nothing).
    fn discard<'a>(&'a self, _source: &'a str) -> Discarding<'a> {
        Box::pin(std::future::ready(()))
    }
}

/// A pinned, boxed future of a discard.
pub type Discarding<'a> = std::pin::Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// A network that delivers the core's messages.
pub trait Channel: Send + Sync + 'static {
    /// The conversations it delivers to.
    fn serves(&self) -> Vec<ChannelKind>;

    /// What it can show; messages are adapted to it.
    fn capabilities(&self) -> Capabilities;

    /// Only this conversation (the terminal, which serves one citizen per process).
    fn only(&self) -> Option<ConversationId> {
        None
    }

    /// Sends a message, or replaces `delivery.replace` with it.
    fn send(&self, delivery: &Delivery) -> impl Future<Output = Result<Sent, SendError>> + Send;
}
