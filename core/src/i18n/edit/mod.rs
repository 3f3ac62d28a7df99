//! Editing messages while the office runs: an admin's value is validated as Fluent against the
//! reference message, layered over the .ftl files, and exported back as .ftl.
//!
//! Reviews: a translation is "to review" when its German reference changed after the
//! translation was written or last confirmed. What it was written against is kept per
//! (locale, message id) as a [`Review`]; the German text and the translation as they were then.
//! The translation's own text is kept too, so that a translation edited anywhere (the admin
//! API, its .ftl file) counts as written against the German text of that moment: only a
//! translation that stayed the same while the German text changed is to review.
//!
//! Here: the error type and the re-exports; the work is in the submodules.

mod ftl;
mod review;
mod search;
#[cfg(test)]
mod tests;
mod validate;

pub use ftl::{all_messages, entry_text, export, messages, reference_files};
pub use review::{Review, ReviewState, ReviewSync, plan_review_sync, review_state};
pub use search::{Found, search};
pub use validate::{MAX_NESTING, check_renders, validate};

/// Why a value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("unknown locale `{0}`")]
    UnknownLocale(String),
    #[error("the reference locale has no message `{0}`")]
    UnknownMessage(String),
    #[error("{0}")]
    Invalid(String),
}
