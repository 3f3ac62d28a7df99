//! Sending: the Matrix channel as the outbox sees it. A citizen's messages go to their direct
//! room, the desk's to the desk room; every send carries a transaction id of the outbox row,
//! so a repeat after a crash is dropped by the homeserver.

use matrix_sdk::ruma::OwnedEventId;
use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::ruma::events::room::message::{ReplacementMetadata, RoomMessageEventContent};
use matrix_sdk::{Room, RoomState};
use schalter_core::{Capabilities, ChannelKind, ConversationId};

use super::errors::{classify, send_config};
use super::{Bot, DM_SLOT, render};
use crate::channel::{Channel, Delivery, SendError, Sent};

impl Bot {
    /// The room a conversation's messages go to.
    async fn room_of(&self, to: &ConversationId) -> Result<Room, SendError> {
        if to.channel() == ChannelKind::Desk {
            return self
                .client
                .get_room(&self.desk)
                .ok_or_else(|| SendError::internal("desk room not known yet"));
        }
        let room = self
            .engine()
            .channel_state()
            .address(&to.to_string(), DM_SLOT)
            .await
            .map_err(SendError::internal)?
            .and_then(|id| OwnedRoomId::try_from(id).ok())
            .and_then(|id| self.client.get_room(&id));
        match room {
            Some(room) if room.state() == RoomState::Joined => Ok(room),
            _ => Err(SendError::unreachable("no direct room with the citizen")),
        }
    }
}

impl Channel for Bot {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Matrix, ChannelKind::Desk]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: false,
            url_buttons: false,
            edit_in_place: true,
            max_text: 16_000,
            max_option_id: 0,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let room = self.room_of(&d.to).await?;
        let message =
            match crate::payments::with_link(self.engine(), self.provider.as_deref(), &d.message)
                .await
            {
                Ok(m) => m,
                Err(e) => {
                    // Told once that the link follows; the outbox tries again.
                    if let (Some(ask), 0) = (&d.message.payment, d.attempts) {
                        room.send(RoomMessageEventContent::text_plain(&ask.unavailable))
                            .with_request_config(send_config())
                            .await
                            .map_err(classify)?;
                    }
                    return Err(e);
                }
            };
        let content = render::content(&self.capabilities().text_of(&message));
        if let Some(file) = &message.attachment {
            let mime: mime::Mime = file
                .mime
                .parse()
                .map_err(|_| SendError::refused("not a media type"))?;
            // Both with transaction ids of their own: a retry after the text went out
            // does not show it twice.
            room.send(render::content(&message.text))
                .with_transaction_id(txn(&format!("{}-text", d.idempotency_key)))
                .with_request_config(send_config())
                .await
                .map_err(classify)?;
            let sent = room
                .send_attachment(
                    file.file_name.clone(),
                    &mime,
                    file.content.clone().into_bytes(),
                    matrix_sdk::attachment::AttachmentConfig::new().txn_id(txn(&d.idempotency_key)),
                )
                .await
                .map_err(classify)?;
            return Ok(Sent {
                message_id: Some(sent.event_id.to_string()),
            });
        }
        // A repeat after a crash between sending and recording carries the same transaction
        // id, and the homeserver drops it.
        let txn = txn(&d.idempotency_key);
        if let Some(event_id) = d
            .replace
            .as_deref()
            .and_then(|id| OwnedEventId::try_from(id).ok())
        {
            room.send(content.make_replacement(ReplacementMetadata::new(event_id.clone(), None)))
                .with_transaction_id(txn)
                .with_request_config(send_config())
                .await
                .map_err(classify)?;
            return Ok(Sent {
                message_id: Some(event_id.to_string()),
            });
        }
        let sent = room
            .send(content)
            .with_transaction_id(txn)
            .with_request_config(send_config())
            .await
            .map_err(classify)?;
        Ok(Sent {
            message_id: Some(sent.response.event_id.to_string()),
        })
    }
}

/// A transaction id of our own key.
fn txn(key: &str) -> matrix_sdk::ruma::OwnedTransactionId {
    matrix_sdk::ruma::OwnedTransactionId::from(key.to_owned())
}
