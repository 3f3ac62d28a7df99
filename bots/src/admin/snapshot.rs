//! The texts in force (the .ftl files plus admins' changes) and what each translation was
//! last reviewed against, as every endpoint on translations reads them.

use std::collections::{BTreeMap, HashMap};

use schalter_core::Lang;
use schalter_core::i18n::FtlFile;
use schalter_core::i18n::edit::{self, Review, ReviewState};

use super::Admin;
use super::error::AdminError;

/// The locale whose code is exactly `code`.
pub fn lang_of(code: &str) -> Result<Lang, AdminError> {
    Lang::from_tag(code)
        .filter(|l| l.code() == code)
        .ok_or_else(|| AdminError::UnknownLocale(code.to_owned()))
}

pub fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

/// The .ftl files, and admins' changes in force: `(lang, message id, value)`.
pub async fn current(
    admin: &Admin,
) -> Result<(Vec<FtlFile>, Vec<(String, String, String)>), AdminError> {
    let files = admin.sources.ftl_files()?;
    let overrides = admin.engine.admin().changed_translations().await?;
    Ok((files, overrides))
}

/// Every locale's texts in force, with what each translation was last reviewed against.
pub struct Snapshot {
    pub files: Vec<FtlFile>,
    pub overrides: Vec<(String, String, String)>,
    pub texts: BTreeMap<Lang, BTreeMap<String, String>>,
    reviews: HashMap<(String, String), Review>,
}

impl Snapshot {
    /// Reads one, with the reviews of every message or of `only` one.
    pub async fn read(admin: &Admin, only: Option<&str>) -> Result<Self, AdminError> {
        let reviews = admin
            .engine
            .admin()
            .reviews(only)
            .await?
            .into_iter()
            .map(|r| ((r.lang.clone(), r.message_id.clone()), r))
            .collect();
        let (files, overrides) = current(admin).await?;
        let texts = edit::all_messages(&files, &overrides);
        Ok(Self {
            files,
            overrides,
            texts,
            reviews,
        })
    }

    pub fn text(&self, lang: Lang, id: &str) -> Option<&String> {
        self.texts.get(&lang).and_then(|m| m.get(id))
    }

    pub fn reference(&self, id: &str) -> Option<&String> {
        self.text(Lang::REFERENCE, id)
    }

    fn review(&self, lang: Lang, id: &str) -> Option<&Review> {
        self.reviews.get(&(lang.code().to_owned(), id.to_owned()))
    }

    /// `None` when the reference has no message `id`.
    pub fn state(&self, lang: Lang, id: &str) -> Option<ReviewState> {
        let reference = self.reference(id)?;
        Some(edit::review_state(
            lang,
            reference,
            self.text(lang, id).map(String::as_str),
            self.review(lang, id),
        ))
    }

    /// The German text a translation to review was last written or confirmed against.
    pub fn reviewed_reference(&self, lang: Lang, id: &str) -> Option<&str> {
        (self.state(lang, id) == Some(ReviewState::ToReview))
            .then(|| self.review(lang, id).map(|r| r.reference.as_str()))
            .flatten()
    }

    pub fn to_review(&self, id: &str) -> Vec<&'static str> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.state(*l, id) == Some(ReviewState::ToReview))
            .map(Lang::code)
            .collect()
    }
}
