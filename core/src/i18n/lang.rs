//! The languages Schalter speaks.

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
    Tr,
    Ar,
    Uk,
    Ru,
    Pl,
    Ro,
    It,
    Fa,
    Fr,
    Es,
    /// German in Leichte Sprache (easy-to-read German): a private-use tag on German, with
    /// German plurals, numbers and dates.
    DeXls,
}

impl Lang {
    /// German is the reference locale: every other locale must have its message ids.
    pub const REFERENCE: Lang = Lang::De;
    /// In the order of the language picker.
    pub const ALL: [Lang; 13] = [
        Lang::De,
        Lang::En,
        Lang::Tr,
        Lang::Ar,
        Lang::Uk,
        Lang::Ru,
        Lang::Pl,
        Lang::Ro,
        Lang::It,
        Lang::Fa,
        Lang::Fr,
        Lang::Es,
        Lang::DeXls,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Pl => "pl",
            Lang::Ro => "ro",
            Lang::It => "it",
            Lang::Fa => "fa",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::DeXls => "de-x-ls",
        }
    }

    /// Accepts `de`, `de-AT`, `pt_BR`-style tags and upper case; unsupported languages give
    /// `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        // Leichte Sprache by its private-use tag (also on a region: `de-DE-x-ls`).
        if tag.split('-').next() == Some("de") && tag.contains("-x-ls") {
            return Some(Lang::DeXls);
        }
        let primary = tag.split('-').next().unwrap_or_default();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa)
    }

    /// The language Fluent formats by (plurals, numbers): Leichte Sprache is German.
    pub fn langid(self) -> LanguageIdentifier {
        let code = match self {
            Lang::DeXls => "de",
            other => other.code(),
        };
        code.parse().expect("language codes are valid")
    }

    /// Whether the language is written in Leichte Sprache, whose rules `schalter locales
    /// check` applies ([`super::easy`]).
    pub fn is_easy(self) -> bool {
        self == Lang::DeXls
    }

    /// Decimal separator for amounts of money.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            // The Persian decimal separator (U+066B).
            Lang::Fa => '٫',
            _ => ',',
        }
    }

    /// `text` with its ASCII digits written as this language writes them: Persian digits in
    /// Persian (Arabic in Germany is mostly written with European digits, and the Arabic
    /// locale keeps them).
    pub fn digits(self, text: &str) -> String {
        match self {
            Lang::Fa => text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x06F0 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
            _ => text.to_owned(),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
