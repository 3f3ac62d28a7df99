//! Documents citizens send for their appointment's checklist (a landlord's confirmation, an
//! old registration, a power of attorney), checked before anything keeps them.
//!
//! The invariant: a file is kept only as the `bytes` of a [`Checked`], so only a PDF, JPEG,
//! PNG or HEIC recognised by its content, within the size limit, with no script, attachment
//! or encryption in a PDF, and with the metadata of an image (GPS position, camera) gone. A
//! citizen's phone records where a photo was taken; the office has no business keeping that.
//!
//! `check.rs` is pure functions on bytes: no storage, no channel, no clock; each [`Refusal`]
//! is a reason worded for the citizen from `locales/`. `sealed.rs` encrypts what is kept;
//! `service.rs` ([`Documents`]) keeps it with its booking and gives it to the clerk.

mod check;
mod image_stages;
mod intake;
mod pdf_scan;
mod sealed;
mod service;
mod stage;

pub use check::{Checked, Kind, Refusal, check};
pub use sealed::{BadKey, CHUNK, DocumentKey, Unreadable};
pub use service::{Documents, NotKept, Opened, Received};
