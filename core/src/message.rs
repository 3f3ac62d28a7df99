//! What the core says to a citizen, as every channel receives it: a reply's text and options,
//! an outgoing message with its link, payment or file, and the marks that lay right-to-left
//! languages out from the right. Below the services, so that each of them and the channel
//! port can name these types without naming each other.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// One option offered to the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Short and opaque to the citizen, at most 64 bytes (Telegram's callback limit).
    pub id: String,
    pub label: String,
}

/// The answer to one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub lang: Lang,
    pub text: String,
    pub options: Vec<Choice>,
}

/// A message body as stored in the outbox.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// A web link to open, e.g. the video call (a URL button on Telegram).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// A fee to pay: channels offer their way (a Telegram invoice, a hosted payment link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentAsk>,
    /// A file to go with the text (a document on Telegram, an `m.file` on Matrix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
}

impl Message {
    /// The body of an outbox row: the one place a message is written as JSON (channels read
    /// it back with `serde_json::from_str`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a message is plain data and always serializes")
    }
}

/// A small file sent with a message.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub mime: String,
    pub content: String,
}

/// What a channel needs to ask for a payment, in the citizen's language.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PaymentAsk {
    pub payment_id: String,
    /// Short title (a Telegram invoice takes 32 characters).
    pub title: String,
    /// One line (a Telegram invoice takes 255 characters).
    pub description: String,
    /// The items as the citizen reads them.
    pub items: Vec<Item>,
    pub amount_cents: i64,
    pub currency: String,
    /// The label of the payment link or button.
    pub link_label: String,
    /// Said with the request where the channel can take the payment …
    pub online_hint: String,
    /// … and where it cannot (no payment configured for it).
    pub offline_hint: String,
    /// Said when the way to pay cannot be prepared right now.
    pub unavailable: String,
}

/// One line of a fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub label: String,
    pub cents: i64,
    /// The line for the visit itself: shown with the service's name in the language the
    /// citizen speaks when it is sent, not the one they spoke when it was written. A line
    /// the clerk named keeps the clerk's words.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub visit: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// Text and options as a citizen of `lang` reads them: right-to-left languages get every line
/// marked.
pub fn directed(lang: Lang, text: String, mut options: Vec<Choice>) -> (String, Vec<Choice>) {
    if !lang.is_rtl() {
        return (text, options);
    }
    for o in &mut options {
        o.label = right_to_left(&o.label);
    }
    (right_to_left(&text), options)
}

/// Marks every line as right-to-left, so that lines starting with a number, a symbol or a
/// Latin reference are still laid out from the right; links keep no mark inside or next to
/// them (see [`crate::links`]), so a line that starts with one is left unmarked.
fn right_to_left(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = crate::links::unmark(l);
            if crate::links::starts_with_link(&l) {
                l
            } else {
                format!("\u{200F}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
