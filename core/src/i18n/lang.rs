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
}

impl Lang {
    /// German is the reference locale: every other locale must have its message ids.
    pub const REFERENCE: Lang = Lang::De;
    pub const ALL: [Lang; 6] = [Lang::De, Lang::En, Lang::Tr, Lang::Ar, Lang::Uk, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    /// Accepts `de`, `de-AT`, `pt_BR`-style tags and upper case; unsupported languages give
    /// `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    pub fn langid(self) -> LanguageIdentifier {
        self.code().parse().expect("language codes are valid")
    }

    /// Decimal separator for amounts of money.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            _ => ',',
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
