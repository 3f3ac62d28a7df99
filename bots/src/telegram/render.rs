//! Messages as Telegram shows them: text plus one inline button per option, and the link as
//! a URL button.

use schalter_core::queue::Message;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limits.
pub const MAX_TEXT: usize = 4096;
pub const MAX_CALLBACK_DATA: usize = 64;

pub fn keyboard(message: &Message) -> Option<InlineKeyboardMarkup> {
    let mut rows = Vec::new();
    if let Some(link) = &message.link
        && let Ok(url) = url::Url::parse(&link.url)
    {
        rows.push(vec![InlineKeyboardButton::url(link.label.clone(), url)]);
    }
    rows.extend(
        message
            .options
            .iter()
            .filter(|o| {
                let fits = !o.id.is_empty() && o.id.len() <= MAX_CALLBACK_DATA;
                if !fits {
                    tracing::warn!(target: "telegram", "option id does not fit callback data, left out");
                }
                fits
            })
            .map(|o| vec![InlineKeyboardButton::callback(o.label.clone(), o.id.clone())]),
    );
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}
