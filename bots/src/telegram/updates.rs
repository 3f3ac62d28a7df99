//! One Telegram update in, one answer out.

use std::collections::BTreeMap;

use anyhow::Result;
use schalter_core::{Input, Lang};
use teloxide::prelude::*;
use teloxide::types::{ChatId, Message, Update, UpdateKind};

use super::{Telegram, render};

/// Handles a batch: updates of one chat in order, different chats side by side.
pub async fn handle_batch(tg: &Telegram, updates: Vec<Update>) {
    let mut by_chat: BTreeMap<i64, Vec<Update>> = BTreeMap::new();
    for u in updates {
        let chat = u.chat().map_or(0, |c| c.id.0);
        by_chat.entry(chat).or_default().push(u);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for updates in by_chat.into_values() {
        let tg = tg.clone();
        tasks.spawn(async move {
            for u in updates {
                let id = u.id.0;
                if let Err(e) = handle_update(&tg, u).await {
                    tracing::warn!(target: "telegram.update", update = id, error = %e, "update failed");
                }
            }
        });
    }
    while tasks.join_next().await.is_some() {}
}

/// Handles one update: a message, an edited message or a button press.
pub async fn handle_update(tg: &Telegram, update: Update) -> Result<()> {
    let key = update.id.0.to_string();
    match update.kind {
        UpdateKind::Message(m) => on_message(tg, &key, m, false).await,
        UpdateKind::EditedMessage(m) => on_message(tg, &key, m, true).await,
        UpdateKind::CallbackQuery(q) => {
            // Stop the button's spinner; the answer comes as a message.
            if let Err(e) = tg.bot.answer_callback_query(q.id.clone()).await {
                tracing::debug!(target: "telegram.update", error = %e, "answerCallbackQuery failed");
            }
            let Some(chat) = q.message.as_ref().map(|m| m.chat().clone()) else {
                return Ok(());
            };
            if !chat.is_private() {
                return Ok(());
            }
            let input = match q.data {
                Some(data) => Input::Choice(data),
                None => Input::Media,
            };
            respond(tg, chat.id, &key, q.from.language_code.as_deref(), input).await
        }
        _ => Ok(()),
    }
}

async fn on_message(tg: &Telegram, key: &str, m: Message, edited: bool) -> Result<()> {
    let hint = m.from.as_ref().and_then(|u| u.language_code.clone());
    if !m.chat.is_private() {
        // Groups and channels: say where the bot works, once per message.
        if edited {
            return Ok(());
        }
        let lang = hint.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
        let text = tg.engine.i18n().text(lang, "private-only");
        tg.bot.send_message(m.chat.id, text).await?;
        return Ok(());
    }
    let input = if edited {
        Input::Edited
    } else if let Some(text) = m.text() {
        Input::Text(text.to_owned())
    } else {
        Input::Media
    };
    respond(tg, m.chat.id, key, hint.as_deref(), input).await
}

/// Runs the input through the engine (once per update id) and sends the reply (once).
async fn respond(
    tg: &Telegram,
    chat: ChatId,
    key: &str,
    hint: Option<&str>,
    input: Input,
) -> Result<()> {
    let conversation = format!("telegram:{}", chat.0);
    let keyed = tg
        .engine
        .handle_keyed(&conversation, Some(key), hint, input)
        .await?;
    if keyed.sent {
        return Ok(());
    }
    let mut request = tg.bot.send_message(chat, render::text(&keyed.reply.text));
    if let Some(keyboard) = render::reply_keyboard(&keyed.reply) {
        request = request.reply_markup(keyboard);
    }
    request.await?;
    tg.engine
        .store()
        .mark_reply_sent(&conversation, key)
        .await?;
    Ok(())
}
