//! The words that work at any step: slash commands (`/start`, `/privacy` …) and, in every
//! language, the keywords that lead to them.

use super::state::State;
use super::{Conversation, Dialogue};
use crate::i18n::Lang;
use crate::matching;

/// Words that work at any step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Command {
    Menu,
    Help,
    Language,
    Back,
    Cancel,
    Appointments,
    Privacy,
    MyData,
    Forget,
}

impl Dialogue {
    pub(super) fn command(
        &self,
        conv: &Conversation,
        text: &str,
        words: &matching::Text,
    ) -> Option<Command> {
        if let Some(slash) = text.strip_prefix('/') {
            let name = slash.split(['@', ' ']).next().unwrap_or_default();
            return match name.to_ascii_lowercase().as_str() {
                "start" | "menu" | "restart" => Some(Command::Menu),
                "help" => Some(Command::Help),
                "language" | "lang" => Some(Command::Language),
                "cancel" => Some(Command::Cancel),
                "appointments" => Some(Command::Appointments),
                "back" => Some(Command::Back),
                "privacy" => Some(Command::Privacy),
                "mydata" => Some(Command::MyData),
                "forget" => Some(Command::Forget),
                _ => None,
            };
        }
        // At the language picker a language's own words come first: "Leichte Sprache" names a
        // language there, not the command "Sprache".
        if matches!(conv.state, State::PickLanguage { .. })
            && Lang::ALL.into_iter().any(|l| {
                self.office
                    .i18n()
                    .keywords(l, "keywords-lang")
                    .score(words)
                    .is_some()
            })
        {
            return None;
        }
        // The citizen's own language first, forgiving typos, then every other one exactly:
        // people mix.
        let mut langs = vec![conv.lang.unwrap_or(Lang::REFERENCE)];
        langs.extend(Lang::ALL.into_iter().filter(|l| Some(*l) != conv.lang));
        let table = self.office.i18n().keyword_table(&COMMAND_WORDS);
        for lang in langs {
            for (i, command) in COMMANDS.into_iter().enumerate() {
                let keywords = table.get(lang, i);
                let said = if Some(lang) == conv.lang
                    || (conv.lang.is_none() && lang == Lang::REFERENCE)
                {
                    keywords.said(words)
                } else {
                    keywords.said_exactly(words)
                };
                if said {
                    return Some(command);
                }
            }
        }
        None
    }
}

/// The messages whose words name a command, tried in this order; [`COMMANDS`] says which.
const COMMAND_WORDS: [&str; 7] = [
    "keywords-menu",
    "keywords-help",
    "keywords-language",
    "keywords-back",
    "keywords-privacy",
    "keywords-mydata",
    "keywords-forget",
];
const COMMANDS: [Command; 7] = [
    Command::Menu,
    Command::Help,
    Command::Language,
    Command::Back,
    Command::Privacy,
    Command::MyData,
    Command::Forget,
];
