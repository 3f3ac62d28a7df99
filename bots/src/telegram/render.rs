//! Replies as Telegram messages: text plus one inline button per option.

use schalter_core::Reply;
use schalter_core::queue::Message;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limits.
pub const MAX_TEXT: usize = 4096;
pub const MAX_CALLBACK_DATA: usize = 64;

pub fn text(text: &str) -> String {
    if text.chars().count() <= MAX_TEXT {
        return text.to_owned();
    }
    text.chars().take(MAX_TEXT - 1).chain(['…']).collect()
}

fn buttons(options: &[schalter_core::Choice]) -> Vec<Vec<InlineKeyboardButton>> {
    options
        .iter()
        .filter(|o| {
            let fits = !o.id.is_empty() && o.id.len() <= MAX_CALLBACK_DATA;
            if !fits {
                tracing::warn!(target: "telegram", "option id does not fit callback data, left out");
            }
            fits
        })
        .map(|o| vec![InlineKeyboardButton::callback(o.label.clone(), o.id.clone())])
        .collect()
}

pub fn reply_keyboard(reply: &Reply) -> Option<InlineKeyboardMarkup> {
    let rows = buttons(&reply.options);
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

pub fn message_keyboard(message: &Message) -> Option<InlineKeyboardMarkup> {
    let mut rows = Vec::new();
    if let Some(link) = &message.link
        && let Ok(url) = url::Url::parse(&link.url)
    {
        rows.push(vec![InlineKeyboardButton::url(link.label.clone(), url)]);
    }
    rows.extend(buttons(&message.options));
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}
