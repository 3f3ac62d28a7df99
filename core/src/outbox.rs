//! The outbox as the channels use it: every outgoing message is a row, found when due,
//! claimed by one sender, recorded as delivered or failed. The channels' delivery loop
//! (`bots/src/channel/outbox.rs`) asks these questions and nothing else of the database; the
//! rows themselves are written by the core services that decide what to say.

use chrono::{DateTime, Utc};

use crate::channel::{ChannelKind, ConversationId};
use crate::engine::Engine;
use crate::message::Message;
pub use crate::store::{Claimed, Failure, Notification, Result, StoreError, WAITING_ROOM_SLOT};

/// The outbox of an engine (see [`Engine::outbox`]).
#[derive(Clone, Copy)]
pub struct Outbox<'a> {
    engine: &'a Engine,
}

impl Engine {
    /// What the channels ask of the outbox.
    pub fn outbox(&self) -> Outbox<'_> {
        Outbox { engine: self }
    }
}

impl Outbox<'_> {
    /// Rows of `channel` due at `now`, in the order they were written.
    pub async fn due(
        &self,
        channel: ChannelKind,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        self.engine
            .store
            .due_deliveries(channel.as_str(), now, limit)
            .await
    }

    /// One conversation's rows due at `now`, in order.
    pub async fn due_for(
        &self,
        conversation: &str,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        self.engine
            .store
            .due_deliveries_for(conversation, now, limit)
            .await
    }

    /// Reserves a row for this sender until `until`; `false` if another has it or it changed.
    pub async fn claim(
        &self,
        row: &Notification,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool> {
        self.engine
            .store
            .claim_delivery(&row.id, row.version, now, until)
            .await
    }

    /// The claims a predecessor left on `channel` (all of them, or only `only`'s).
    pub async fn held_claims(
        &self,
        channel: ChannelKind,
        only: Option<&str>,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<(String, i64)>> {
        self.engine
            .store
            .held_claims(channel.as_str(), only, now, until)
            .await
    }

    /// Makes claimed rows due again at once (their sender is gone or handed them on).
    pub async fn release(&self, held: &[(String, i64)]) -> Result<u64> {
        self.engine.store.release_claims(held).await
    }

    /// The platform's id of the message shown in `slot` (to edit it in place).
    pub async fn shown_in(&self, conversation: &str, slot: &str) -> Result<Option<String>> {
        self.engine.store.channel_message(conversation, slot).await
    }

    /// Records that the platform went out: `message_id` now shows `slot` (if editable).
    pub async fn delivered(&self, row: &Notification, shown: Option<(&str, &str)>) -> Result<()> {
        if let Some((slot, message_id)) = shown {
            self.engine
                .store
                .set_channel_message(&row.conversation_id, slot, message_id)
                .await?;
        }
        self.engine.store.mark_delivered(&row.id, row.version).await
    }

    /// What a delivered row leaves behind: the farewell to a forgotten citizen takes their
    /// last traces with it; the citizen's data as a file is theirs, not ours to keep.
    pub async fn after_delivery(
        &self,
        row: &Notification,
        farewell: bool,
        own_copy: bool,
    ) -> Result<()> {
        if farewell {
            self.engine
                .store
                .forget_traces(&row.conversation_id)
                .await?;
        }
        if own_copy {
            self.engine.store.delete_notification(&row.id).await?;
        }
        Ok(())
    }

    /// Records a failed attempt; returns how many messages were given up.
    pub async fn failed(
        &self,
        row: &Notification,
        failure: &Failure,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        self.engine
            .store
            .delivery_failed(row, failure, error, now)
            .await
    }

    /// Queues "something went wrong on our side, please try again" for `conversation`, once
    /// per `slot`, in the language the conversation speaks (else `hint`, else the reference
    /// language): what a citizen gets instead of silence when their input could not be
    /// handled or a message to them was given up.
    pub async fn apologize(
        &self,
        conversation: &ConversationId,
        slot: &str,
        kind: &str,
        hint: Option<&str>,
    ) -> std::result::Result<(), StoreError> {
        let engine = self.engine;
        let conversation = conversation.to_string();
        let lang = match engine.store.load_conversation(&conversation).await {
            Ok(Some(row)) => row.lang.as_deref().and_then(crate::Lang::from_tag),
            _ => None,
        }
        .or_else(|| hint.and_then(crate::Lang::from_tag))
        .unwrap_or(crate::Lang::REFERENCE);
        let body = serde_json::to_string(&Message {
            text: engine.i18n.text(lang, "error-temporary"),
            ..Message::default()
        })
        .expect("messages serialize");
        engine
            .store
            .notify_once(&conversation, slot, kind, &body, engine.clock.now())
            .await
    }
}
