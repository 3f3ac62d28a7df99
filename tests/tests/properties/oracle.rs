//! What citizens must never read, and which language a line is in: facts about the shipped
//! locales.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use schalter_core::i18n::{edit, source};
use schalter_core::{I18n, Lang};

/// Facts about the shipped locales, computed once.
pub(crate) struct Oracle {
    /// Every message id of the reference locale.
    ids: HashSet<String>,
    /// Each line of a message without arguments (normalized) → the languages it is in.
    lines: HashMap<String, u16>,
    /// Raw values per language, for admins' edits.
    pub(crate) values: BTreeMap<Lang, BTreeMap<String, String>>,
}

fn lang_bit(lang: Lang) -> u16 {
    1 << Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// A line as compared: without direction marks, trimmed.
pub(crate) fn plain(line: &str) -> String {
    line.chars()
        .filter(|c| !schalter_core::matching::is_bidi_mark(*c))
        .collect::<String>()
        .trim()
        .to_owned()
}

pub(crate) fn oracle() -> &'static Oracle {
    static ORACLE: OnceLock<Oracle> = OnceLock::new();
    ORACLE.get_or_init(|| {
        let files = source::builtin();
        let values = edit::all_messages(&files, &[]);
        let i18n = I18n::builtin();
        let mut lines: HashMap<String, u16> = HashMap::new();
        for (lang, messages) in &values {
            for id in messages.keys() {
                if id.starts_with("keywords-") || id.ends_with("-keywords") {
                    continue;
                }
                for line in i18n.text(*lang, id).lines() {
                    let line = plain(line);
                    if line.chars().count() >= 12 && !line.contains('{') {
                        *lines.entry(line).or_default() |= lang_bit(*lang);
                    }
                }
            }
        }
        Oracle {
            ids: values[&Lang::REFERENCE].keys().cloned().collect(),
            lines,
            values,
        }
    })
}

impl Oracle {
    /// Why `text` is not fit for a citizen's eyes, if it is not: an unresolved Fluent
    /// placeable or a raw message id.
    pub(crate) fn unreadable(&self, text: &str) -> Option<String> {
        if let Some(c) = text.chars().find(|c| matches!(c, '{' | '}' | '$')) {
            return Some(format!("unresolved placeable `{c}` in {text:?}"));
        }
        let trimmed = plain(text);
        if self.ids.contains(&trimmed) {
            return Some(format!("a raw message id: {text:?}"));
        }
        for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if token.contains('-') && self.ids.contains(token) {
                return Some(format!("message id `{token}` in {text:?}"));
            }
        }
        None
    }

    /// A line of `text` that belongs to another language's messages only.
    pub(crate) fn foreign_line(&self, lang: Lang, text: &str) -> Option<String> {
        text.lines().map(plain).find(|line| {
            self.lines
                .get(line)
                .is_some_and(|langs| langs & lang_bit(lang) == 0)
        })
    }
}
