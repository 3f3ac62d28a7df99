//! What the core knows of channels: who a conversation is with ([`ConversationId`]) and what a
//! channel can show ([`Capabilities`]). The networks themselves live in the `schalter` crate,
//! behind its `Channel` trait.

use std::fmt;
use std::str::FromStr;

use crate::message::Message;

/// The networks Schalter talks on. `Desk` is the clerks' desk (the morning agenda).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChannelKind {
    Terminal,
    Telegram,
    Matrix,
    /// The chat on the city's own web page (and its widget on other pages of the city).
    Web,
    /// E-mail to an address a web citizen gave for one booking (`mail:<address id>`): only
    /// sent to, never read from.
    Mail,
    Desk,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 6] = [
        ChannelKind::Terminal,
        ChannelKind::Telegram,
        ChannelKind::Matrix,
        ChannelKind::Web,
        ChannelKind::Mail,
        ChannelKind::Desk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Terminal => "terminal",
            ChannelKind::Telegram => "telegram",
            ChannelKind::Matrix => "matrix",
            ChannelKind::Web => "web",
            ChannelKind::Mail => "mail",
            ChannelKind::Desk => "desk",
        }
    }

    /// Whether citizens reach the office through it from anywhere (Telegram, Matrix, the
    /// web): those take files and are rate-limited; the terminal is a person (or a script)
    /// at this machine, the desk the clerks.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            ChannelKind::Telegram | ChannelKind::Matrix | ChannelKind::Web
        )
    }
}

impl fmt::Display for ChannelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChannelKind {
    type Err = UnknownChannel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChannelKind::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownChannel(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is no conversation of a known channel")]
pub struct UnknownChannel(pub String);

/// One citizen (or the desk) on one channel: a Telegram chat id, a Matrix user id, a terminal
/// user name. Stored as `channel:user`, which it keeps, so that the stored form costs nothing
/// ([`ConversationId::as_str`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConversationId {
    channel: ChannelKind,
    /// `channel:user`.
    key: String,
}

impl ConversationId {
    pub fn new(channel: ChannelKind, user: impl AsRef<str>) -> Self {
        Self {
            channel,
            key: format!("{channel}:{}", user.as_ref()),
        }
    }

    /// Parses the stored form `channel:user`.
    pub fn parse(s: &str) -> Result<Self, UnknownChannel> {
        let (channel, _) = s
            .split_once(':')
            .ok_or_else(|| UnknownChannel(s.to_owned()))?;
        Ok(Self {
            channel: channel.parse().map_err(|_| UnknownChannel(s.to_owned()))?,
            key: s.to_owned(),
        })
    }

    pub fn channel(&self) -> ChannelKind {
        self.channel
    }

    /// The user on the channel (a chat id, a Matrix user id).
    pub fn user(&self) -> &str {
        &self.key[self.channel.as_str().len() + 1..]
    }

    /// The stored form, `channel:user`.
    pub fn as_str(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for ConversationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}

impl FromStr for ConversationId {
    type Err = UnknownChannel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Compared with its stored form, as tests and logs hold it.
impl PartialEq<str> for ConversationId {
    fn eq(&self, other: &str) -> bool {
        self.key == other
    }
}

impl PartialEq<String> for ConversationId {
    fn eq(&self, other: &String) -> bool {
        self.key == *other
    }
}

impl PartialEq<&str> for ConversationId {
    fn eq(&self, other: &&str) -> bool {
        self.key == *other
    }
}

/// Written as its stored form (`telegram:123`), as in a citizen's data export.
impl serde::Serialize for ConversationId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key)
    }
}

/// What a channel can show; the shared delivery adapts messages to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Options as buttons that send back the option's id.
    pub buttons: bool,
    /// A link as a button of its own.
    pub url_buttons: bool,
    /// A sent message can be replaced (the waiting-room message is edited in place).
    pub edit_in_place: bool,
    /// Longest text, in characters.
    pub max_text: usize,
    /// Longest option id a button can carry, in bytes.
    pub max_option_id: usize,
}

impl Capabilities {
    /// The message's text as this channel shows it: options as numbered lines where there are
    /// no buttons, the link on a line of its own where it is not a button, cut to the longest
    /// text the channel takes.
    pub fn text_of(&self, message: &Message) -> String {
        let mut text = message.text.clone();
        if let Some(link) = &message.link
            && !self.url_buttons
            && !text.contains(&link.url)
        {
            text.push_str(&format!("\n{}:\n{}", link.label, link.url));
        }
        if !self.buttons && !message.options.is_empty() {
            text.push('\n');
            for (i, o) in message.options.iter().enumerate() {
                text.push_str(&format!("\n[{}] {}", i + 1, o.label));
            }
        }
        if text.chars().count() > self.max_text {
            text = text
                .chars()
                .take(self.max_text.saturating_sub(1))
                .chain(['…'])
                .collect();
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::Choice;
    use crate::queue::Link;

    #[test]
    fn conversation_ids_round_trip() {
        let id = ConversationId::parse("matrix:@alice:example.org").unwrap();
        assert_eq!(id.channel, ChannelKind::Matrix);
        assert_eq!(id.user(), "@alice:example.org");
        assert_eq!(id.to_string(), "matrix:@alice:example.org");
        assert!(ConversationId::parse("fax:123").is_err());
        assert!(ConversationId::parse("telegram").is_err());
    }

    #[test]
    fn text_adapts_to_what_the_channel_shows() {
        let message = Message {
            text: "Hello".into(),
            options: vec![Choice {
                id: "a".into(),
                label: "Yes".into(),
            }],
            link: Some(Link {
                label: "Join".into(),
                url: "https://meet.example.org/x".into(),
            }),
            payment: None,
            attachment: None,
        };
        let plain = Capabilities {
            buttons: false,
            url_buttons: false,
            edit_in_place: false,
            max_text: 100,
            max_option_id: 0,
        };
        assert_eq!(
            plain.text_of(&message),
            "Hello\nJoin:\nhttps://meet.example.org/x\n\n[1] Yes"
        );
        let rich = Capabilities {
            buttons: true,
            url_buttons: true,
            ..plain
        };
        assert_eq!(rich.text_of(&message), "Hello");
        let tiny = Capabilities {
            max_text: 3,
            ..rich
        };
        assert_eq!(tiny.text_of(&message), "He…");
    }
}
