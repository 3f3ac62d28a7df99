//! Finding messages by id or by text in any locale, normalized as citizens' words are.

use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::matching::{clean_input, normalize};

/// A message found by [`search`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    /// The query is (part of) the id.
    pub id_matched: bool,
    /// The locales whose text contains the query.
    pub locales: Vec<Lang>,
}

/// The messages of the reference locale whose id, or whose text in any locale, contains
/// `query`: case-insensitive, and normalized as citizens' words are (accents, umlauts and
/// their `ae/oe/ue` spellings, Arabic and Persian letter variants, digits, punctuation), or
/// literally (for `{ $name }` or `€`). The id itself first, then ids containing the query,
/// then the rest, each in id order.
pub fn search(current: &BTreeMap<Lang, BTreeMap<String, String>>, query: &str) -> Vec<Found> {
    let query = clean_input(query.trim());
    let literal = query.to_lowercase();
    let normalized = normalize(&query);
    if literal.is_empty() {
        return Vec::new();
    }
    let contains = |text: &str| {
        text.to_lowercase().contains(&literal)
            || (!normalized.is_empty() && normalize(text).contains(&normalized))
    };
    let empty = BTreeMap::new();
    let reference = current.get(&Lang::REFERENCE).unwrap_or(&empty);
    let mut found: Vec<(u8, Found)> = reference
        .keys()
        .filter_map(|id| {
            let locales: Vec<Lang> = Lang::ALL
                .into_iter()
                .filter(|l| {
                    current
                        .get(l)
                        .and_then(|m| m.get(id))
                        .is_some_and(|text| contains(text))
                })
                .collect();
            let rank = if id.to_lowercase() == literal {
                0
            } else if contains(id) {
                1
            } else if !locales.is_empty() {
                2
            } else {
                return None;
            };
            Some((
                rank,
                Found {
                    id: id.clone(),
                    id_matched: rank < 2,
                    locales,
                },
            ))
        })
        .collect();
    // Stable: id order within a rank.
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, f)| f).collect()
}
