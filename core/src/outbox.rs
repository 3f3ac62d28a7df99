//! The outbox as the channels use it: every outgoing message is a row, found when due,
//! claimed by one sender, recorded as delivered or failed. The channels' delivery loop
//! (`bots/src/channel/outbox.rs`) asks these questions and nothing else of the database; the
//! rows themselves are written by the core services that decide what to say.

use chrono::{DateTime, Utc};

use crate::channel::{ChannelKind, ConversationId};
use crate::message::Message;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::store::Store;
pub use crate::store::{Claimed, Failure, Notification, Result, StoreError, WAITING_ROOM_SLOT};

/// What the channels ask of the outbox (see the module).
#[derive(Clone)]
pub struct Outbox {
    office: Office,
    store: Store,
}

impl Outbox {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self { office, store }
    }

    /// Tells the other replicas that this process queued messages it does not deliver
    /// itself (PostgreSQL's `NOTIFY`; nothing on SQLite). A failure only costs the sender's
    /// next round (250 ms): it is logged, not returned.
    pub async fn announce(&self) {
        if let Err(e) = self.store.outbox().announce().await {
            tracing::warn!(target: "outbox", error = %e, "cannot announce queued messages");
        }
    }

    /// Calls `wake` whenever any replica announces queued messages, until dropped, and once
    /// after each (re)connection, so that nothing announced while it was away waits for the
    /// next round; returns at once on SQLite.
    pub async fn relay_announcements(&self, wake: impl Fn()) {
        loop {
            let mut listener = match self.store.outbox().listen().await {
                Ok(Some(l)) => l,
                Ok(None) => return,
                Err(e) => {
                    tracing::warn!(target: "outbox", error = %e, "cannot listen for queued messages");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    continue;
                }
            };
            wake();
            loop {
                match listener.recv().await {
                    Ok(_) => wake(),
                    Err(e) => {
                        tracing::warn!(target: "outbox", error = %e, "listening interrupted");
                        break;
                    }
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    /// Rows of `channel` due at `now`, in the order they were written.
    pub async fn due(
        &self,
        channel: ChannelKind,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        self.store
            .outbox()
            .due_deliveries(channel.as_str(), now, limit)
            .await
    }

    /// One conversation's rows due at `now`, in order.
    pub async fn due_for(
        &self,
        conversation: &ConversationId,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        self.store
            .outbox()
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
        self.store
            .outbox()
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
        self.store
            .outbox()
            .held_claims(channel.as_str(), only, now, until)
            .await
    }

    /// Makes claimed rows due again at once (their sender is gone or handed them on).
    pub async fn release(&self, held: &[(String, i64)]) -> Result<u64> {
        self.store.outbox().release_claims(held).await
    }

    /// The platform's id of the message shown in `slot` (to edit it in place).
    pub async fn shown_in(
        &self,
        conversation: &ConversationId,
        slot: &str,
    ) -> Result<Option<String>> {
        self.store
            .conversations()
            .channel_message(conversation.as_str(), slot)
            .await
    }

    /// Records that the platform went out: `message_id` now shows `slot` (if editable).
    pub async fn delivered(&self, row: &Notification, shown: Option<(&str, &str)>) -> Result<()> {
        if let Some((slot, message_id)) = shown {
            self.store
                .conversations()
                .set_channel_message(row.conversation_id.as_str(), slot, message_id)
                .await?;
        }
        self.store
            .outbox()
            .mark_delivered(&row.id, row.version)
            .await
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
            self.store
                .privacy()
                .forget_traces(&row.conversation_id)
                .await?;
        }
        if own_copy {
            self.store.outbox().delete_notification(&row.id).await?;
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
        self.store
            .outbox()
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
        kind: NoticeKind,
        hint: Option<&str>,
    ) -> std::result::Result<(), StoreError> {
        let lang = match self
            .store
            .conversations()
            .load_conversation(conversation)
            .await
        {
            Ok(Some(row)) => row.lang.as_deref().and_then(crate::Lang::from_tag),
            _ => None,
        }
        .or_else(|| hint.and_then(crate::Lang::from_tag))
        .unwrap_or(crate::Lang::REFERENCE);
        let body = (Message {
            text: self.office.i18n().text(lang, "error-temporary"),
            ..Message::default()
        })
        .to_json();
        self.store
            .outbox()
            .notify_once(conversation, slot, kind, &body, self.office.now())
            .await
    }

    /// Queues "write me in private" for the group `conversation` in `lang`, once per `once`
    /// (the platform's key of the message that came): the office serves one citizen at a
    /// time, so a group that writes is told so, and nothing it says is kept.
    pub async fn tell_private_only(
        &self,
        conversation: &ConversationId,
        once: &str,
        lang: crate::Lang,
    ) -> std::result::Result<(), StoreError> {
        let body = (Message {
            text: self.office.i18n().text(lang, "private-only"),
            ..Message::default()
        })
        .to_json();
        self.store
            .outbox()
            .notify_once(
                conversation,
                once,
                NoticeKind::PrivateOnly,
                &body,
                self.office.now(),
            )
            .await?;
        Ok(())
    }
}
