//! What a channel keeps about its own addressing and progress, in words no network owns:
//! where its stream of updates left off (a cursor per name), where it reaches a conversation
//! (an address per conversation and slot: a direct room, a video room, the message that shows
//! a view), and the move of a conversation to a new id when the channel's keys change. The
//! channels ask these questions of the database through here and nothing else of it; what a
//! cursor or an address means is the channel's business, the core only keeps them.

use crate::channel::ConversationId;
use crate::store::Store;
pub use crate::store::StoreError;

type Result<T> = std::result::Result<T, StoreError>;

/// The channels' own state (see the module).
#[derive(Clone)]
pub struct ChannelState {
    store: Store,
}

impl ChannelState {
    pub(crate) fn new(store: Store) -> Self {
        Self { store }
    }

    /// Where the stream of updates called `name` left off (e.g. a sync token); `None` before
    /// the first [`set_cursor`](Self::set_cursor).
    pub async fn cursor(&self, name: &str) -> Result<Option<String>> {
        self.store.conversations().cursor_token(name).await
    }

    /// Remembers where the stream `name` left off. A channel saves it only once what came
    /// before it is stored, so that a crash means updates come again rather than get lost.
    pub async fn set_cursor(&self, name: &str, token: &str) -> Result<()> {
        self.store
            .conversations()
            .set_cursor_token(name, token)
            .await
    }

    /// The channel's address of `owner` in `slot` (the room a citizen's messages go to, a
    /// call's room, the message that shows a view); `None` if none was set. The owner is a
    /// conversation's stored form ([`ConversationId::as_str`]) or a name of the channel's own
    /// (`video:<entry>` for a call's room).
    pub async fn address(&self, owner: &str, slot: &str) -> Result<Option<String>> {
        self.store
            .conversations()
            .channel_message(owner, slot)
            .await
    }

    /// Sets (or replaces) the channel's address of `owner` in `slot` (see [`Self::address`]).
    pub async fn set_address(&self, owner: &str, slot: &str, address: &str) -> Result<()> {
        self.store
            .conversations()
            .set_channel_message(owner, slot, address)
            .await
    }

    /// Moves everything of conversation `from` (its state, bookings, waiting-room place,
    /// messages, inputs and addresses) to `to`, for a channel whose conversations were keyed
    /// differently before; nothing moves if `to` exists already. Returns whether anything
    /// moved.
    pub async fn move_conversation(
        &self,
        from: &ConversationId,
        to: &ConversationId,
    ) -> Result<bool> {
        self.store
            .conversations()
            .rename_conversation(from, to)
            .await
    }

    /// Whether `clerk` ever said they are available or away. A desk that sees a clerk
    /// arrive puts them on duty only if they never said either (an `away` stays away).
    pub async fn clerk_presence_known(&self, clerk: &str) -> Result<bool> {
        Ok(self.store.queue().clerk_status(clerk).await?.is_some())
    }
}
