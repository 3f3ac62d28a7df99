//! Messages as Telegram shows them: text plus one inline button per option, and the link as
//! a URL button.

use schalter_core::action::Action;
use schalter_core::queue::Message;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity};

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
    let buttons: Vec<_> = message
        .options
        .iter()
        .filter(|o| {
            let fits = !o.id.is_empty() && o.id.len() <= MAX_CALLBACK_DATA;
            if !fits {
                tracing::warn!(target: "telegram", "option id does not fit callback data, left out");
            }
            fits
        })
        .map(|o| InlineKeyboardButton::callback(o.label.clone(), o.id.clone()))
        .collect();
    // The twelve language names are short: three a row keep the picker on one phone screen.
    // Every other option is a sentence and gets a row of its own.
    let per_row = if message
        .options
        .iter()
        .all(|o| matches!(Action::parse(&o.id), Some(Action::ChooseLanguage(_))))
    {
        LANGUAGES_PER_ROW
    } else {
        1
    };
    rows.extend(buttons.chunks(per_row).map(<[_]>::to_vec));
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

const LANGUAGES_PER_ROW: usize = 3;

/// Every web link in `text` as a text-link entity whose URL is exactly the link, so that
/// Telegram never takes neighbouring characters into it. Offsets count UTF-16 code units, as
/// Telegram does.
pub fn link_entities(text: &str) -> Vec<MessageEntity> {
    schalter_core::links::find(text)
        .into_iter()
        .filter_map(|range| {
            let url = url::Url::parse(&text[range.clone()]).ok()?;
            let offset = text[..range.start].encode_utf16().count();
            let length = text[range].encode_utf16().count();
            Some(MessageEntity::text_link(url, offset, length))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use schalter_core::Choice;

    fn message(ids: &[&str]) -> Message {
        Message {
            text: "…".into(),
            options: ids
                .iter()
                .map(|id| Choice {
                    id: (*id).into(),
                    label: (*id).into(),
                })
                .collect(),
            link: None,
            payment: None,
            attachment: None,
        }
    }

    #[test]
    fn links_are_entities_in_utf16_units() {
        let text = "\u{200F}افتح 🎥: https://meet.example.org/s-1. رمز";
        let e = link_entities(text);
        assert_eq!(e.len(), 1);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let span = String::from_utf16(&utf16[e[0].offset..e[0].offset + e[0].length]).unwrap();
        assert_eq!(span, "https://meet.example.org/s-1");
        match &e[0].kind {
            teloxide::types::MessageEntityKind::TextLink { url } => {
                assert_eq!(url.as_str(), "https://meet.example.org/s-1");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn languages_three_a_row_other_options_one() {
        let langs: Vec<String> = schalter_core::Lang::ALL
            .iter()
            .map(|l| format!("lang:{l}"))
            .collect();
        let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
        let rows = keyboard(&message(&langs)).unwrap().inline_keyboard;
        let widths: Vec<usize> = rows.iter().map(Vec::len).collect();
        assert_eq!(widths, [3, 3, 3, 3, 1], "13 languages, three a row");
        let rows = keyboard(&message(&["menu:book", "menu:help", "lang:de"]))
            .unwrap()
            .inline_keyboard;
        assert_eq!(rows.len(), 3);
    }
}
