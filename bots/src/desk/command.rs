//! A desk command as the clerk types it, in the terminal or the Matrix desk room.

/// A desk command, as typed (a leading `!` as in Element is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Next,
    Take(String),
    Done(Option<String>),
    NoShow,
    Back,
    Queue,
    Today,
    Away,
    Available,
    /// A prepared message to the citizen in the call, in their language.
    Say(String),
    /// `fee [AMOUNT] [reason]`: the amount as typed (checked when run) and the reason.
    Fee(Option<String>, Option<String>),
    /// `paid REF`: the payment state.
    Paid(String),
    /// `refund REF [AMOUNT]`.
    Refund(String, Option<String>),
    Help,
    Unknown,
}

impl Command {
    pub fn parse(line: &str) -> Option<Command> {
        let line = line.trim();
        let line = line.strip_prefix('!').unwrap_or(line);
        if line.is_empty() {
            return None;
        }
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        Some(match word.to_lowercase().as_str() {
            "next" => Command::Next,
            "take" if !rest.is_empty() => Command::Take(rest.to_owned()),
            "done" => Command::Done((!rest.is_empty()).then(|| rest.chars().take(500).collect())),
            "noshow" => Command::NoShow,
            "back" => Command::Back,
            "queue" => Command::Queue,
            "today" => Command::Today,
            "away" => Command::Away,
            "available" => Command::Available,
            "say" => Command::Say(rest.to_lowercase()),
            "fee" => {
                let (amount, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let reason: String = reason.trim().chars().take(100).collect();
                Command::Fee(
                    (!amount.is_empty()).then(|| amount.to_owned()),
                    (!reason.is_empty()).then_some(reason),
                )
            }
            "paid" if !rest.is_empty() => Command::Paid(rest.to_owned()),
            "refund" if !rest.is_empty() => {
                let (reference, amount) =
                    rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let amount = amount.trim();
                Command::Refund(
                    reference.to_owned(),
                    (!amount.is_empty()).then(|| amount.to_owned()),
                )
            }
            "help" => Command::Help,
            _ => Command::Unknown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn commands_parse_with_or_without_bang() {
        assert_eq!(Command::parse("!next"), Some(Command::Next));
        assert_eq!(Command::parse("NEXT"), Some(Command::Next));
        assert_eq!(
            Command::parse("take 7kq2-m9xd"),
            Some(Command::Take("7kq2-m9xd".into()))
        );
        assert_eq!(Command::parse("take"), Some(Command::Unknown));
        assert_eq!(
            Command::parse("done  all good "),
            Some(Command::Done(Some("all good".into())))
        );
        assert_eq!(Command::parse("done"), Some(Command::Done(None)));
        assert_eq!(Command::parse("   "), None);
        assert_eq!(Command::parse("dance"), Some(Command::Unknown));
        assert_eq!(
            Command::parse("!say Camera"),
            Some(Command::Say("camera".into()))
        );
    }
}
