//! Reviews: whether a translation is to review since its German reference changed, and the
//! plan that brings the stored reviews up to date with the texts in force.

use std::collections::BTreeMap;

use crate::i18n::Lang;

/// What a translation was last written or confirmed against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub lang: String,
    pub message_id: String,
    /// The German reference text then.
    pub reference: String,
    /// The translation's text then.
    pub translation: String,
}

/// Where a locale's text of one message stands against the German reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    /// The German reference itself.
    Reference,
    /// The locale has no text for the message.
    Missing,
    Reviewed,
    /// The German reference changed after the translation was written or last confirmed.
    ToReview,
}

/// The state of `lang`'s `translation` of a message whose German text is `reference`, given
/// what the translation was last written or confirmed against. Without a row (not looked at
/// yet) a translation counts as reviewed: the baseline.
pub fn review_state(
    lang: Lang,
    reference: &str,
    translation: Option<&str>,
    review: Option<&Review>,
) -> ReviewState {
    if lang == Lang::REFERENCE {
        return ReviewState::Reference;
    }
    let Some(translation) = translation else {
        return ReviewState::Missing;
    };
    match review {
        Some(r) if r.reference != reference && r.translation == translation => {
            ReviewState::ToReview
        }
        _ => ReviewState::Reviewed,
    }
}

/// What brings the stored reviews up to date with the texts in force.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReviewSync {
    /// Translations without a row: written against today's German text (the baseline).
    pub insert: Vec<Review>,
    /// Translations whose text changed since their row (edited in their file): written
    /// against today's German text. Each with the translation its row held, so that a row
    /// changed meanwhile by someone else is left alone.
    pub update: Vec<(Review, String)>,
    /// Rows `(lang, message id)` of messages the German reference no longer has.
    pub delete: Vec<(String, String)>,
}

impl ReviewSync {
    pub fn is_empty(&self) -> bool {
        self.insert.is_empty() && self.update.is_empty() && self.delete.is_empty()
    }
}

/// Compares the texts in force (`current`, every locale's messages) with the `stored` rows,
/// for every message or `only` one. A translation whose German text changed while it stayed
/// the same keeps its row: it is to review.
pub fn plan_review_sync(
    current: &BTreeMap<Lang, BTreeMap<String, String>>,
    stored: &[Review],
    only: Option<&str>,
) -> ReviewSync {
    let empty = BTreeMap::new();
    let reference = current.get(&Lang::REFERENCE).unwrap_or(&empty);
    let rows: BTreeMap<(&str, &str), &Review> = stored
        .iter()
        .map(|r| ((r.lang.as_str(), r.message_id.as_str()), r))
        .collect();
    let mut plan = ReviewSync::default();
    for (lang, texts) in current.iter().filter(|(l, _)| **l != Lang::REFERENCE) {
        for (id, translation) in texts {
            if only.is_some_and(|o| o != id) {
                continue;
            }
            let Some(german) = reference.get(id) else {
                continue;
            };
            let now = Review {
                lang: lang.code().to_owned(),
                message_id: id.clone(),
                reference: german.clone(),
                translation: translation.clone(),
            };
            match rows.get(&(lang.code(), id.as_str())) {
                None => plan.insert.push(now),
                Some(row) if &row.translation != translation => {
                    plan.update.push((now, row.translation.clone()));
                }
                Some(_) => {}
            }
        }
    }
    if only.is_none() {
        let translated = |lang: &str| {
            Lang::from_tag(lang).is_some_and(|l| l.code() == lang && l != Lang::REFERENCE)
        };
        plan.delete = stored
            .iter()
            .filter(|r| !reference.contains_key(&r.message_id) || !translated(&r.lang))
            .map(|r| (r.lang.clone(), r.message_id.clone()))
            .collect();
    }
    plan
}
