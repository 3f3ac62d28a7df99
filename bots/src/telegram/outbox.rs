//! Delivers the core's messages to Telegram chats: reminders, the call with its video link
//! as a URL button, and the waiting-room message, which is edited in place.

use std::time::Duration;

use schalter_core::queue::{Message, WAITING_ROOM_SLOT};
use schalter_core::store::Notification;
use teloxide::prelude::*;
use teloxide::types::{ChatId, MessageId};
use teloxide::{ApiError, RequestError};

use super::{Telegram, render};

pub async fn run(tg: &Telegram) {
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    loop {
        tick.tick().await;
        let pending = match tg
            .engine
            .store()
            .pending_notifications("telegram:", 50)
            .await
        {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(target: "telegram.outbox", error = %e, "cannot read the outbox");
                continue;
            }
        };
        for n in pending {
            if let Err(e) = deliver(tg, &n).await {
                tracing::warn!(target: "telegram.outbox", kind = %n.kind, error = %e, "delivery failed, will retry");
            }
        }
    }
}

async fn deliver(tg: &Telegram, n: &Notification) -> anyhow::Result<()> {
    let store = tg.engine.store();
    let Some(chat) = n
        .conversation_id
        .strip_prefix("telegram:")
        .and_then(|c| c.parse::<i64>().ok())
        .map(ChatId)
    else {
        store.mark_delivered(&n.id, n.version).await?;
        return Ok(());
    };
    let Ok(message) = serde_json::from_str::<Message>(&n.body) else {
        store.mark_delivered(&n.id, n.version).await?;
        return Ok(());
    };
    let text = render::text(&message.text);
    let keyboard = render::message_keyboard(&message);
    let existing = match n.slot.as_deref().filter(|s| *s == WAITING_ROOM_SLOT) {
        Some(slot) => store.channel_message(&n.conversation_id, slot).await?,
        None => None,
    };
    if let Some(id) = existing.and_then(|id| id.parse::<i32>().ok()) {
        let mut edit = tg.bot.edit_message_text(chat, MessageId(id), text.clone());
        if let Some(k) = keyboard.clone() {
            edit = edit.reply_markup(k);
        }
        match edit.await {
            Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => {
                store.mark_delivered(&n.id, n.version).await?;
                return Ok(());
            }
            Err(RequestError::Api(e)) => {
                // Deleted or too old to edit: send a new one below.
                tracing::debug!(target: "telegram.outbox", error = %e, "edit refused, sending anew");
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut send = tg.bot.send_message(chat, text);
    if let Some(k) = keyboard {
        send = send.reply_markup(k);
    }
    let sent = send.await?;
    // Only the waiting-room message is edited later; other slots just keep messages unique.
    if let Some(slot) = n.slot.as_deref().filter(|s| *s == WAITING_ROOM_SLOT) {
        store
            .set_channel_message(&n.conversation_id, slot, &sent.id.0.to_string())
            .await?;
    }
    store.mark_delivered(&n.id, n.version).await?;
    Ok(())
}
