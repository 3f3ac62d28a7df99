//! Documents citizens send for their appointment's checklist (a landlord's confirmation, an
//! old registration, a power of attorney), checked before anything keeps them.
//!
//! The invariant: a file is kept only as the `bytes` of a [`Checked`], so only a PDF, JPEG,
//! PNG or HEIC recognised by its content, within the size limit, with no script, attachment
//! or encryption in a PDF, and with the metadata of an image (GPS position, camera) gone. A
//! citizen's phone records where a photo was taken; the office has no business keeping that.
//!
//! No file is held whole on its way in: a channel hands over a reader, and `intake.rs` feeds
//! it a piece at a time through its kind's stage (`stage.rs`: `pdf_scan.rs` for a PDF,
//! `image_stages.rs` for the images), digests what is kept and seals it in chunks, which
//! `service.rs` ([`Documents`]) writes as they are complete and makes a document with one
//! row once the whole file passed. `check.rs` holds the kinds, the refusals (each worded for
//! the citizen in `locales/`) and what the image stages parse with: pure functions on bytes,
//! no storage, no channel, no clock. `sealed.rs` encrypts what is kept.

mod check;
mod image_stages;
mod intake;
mod pdf_scan;
mod sealed;
mod service;
mod stage;

pub use check::{Checked, Kind, Refusal};
pub use intake::check;
pub use sealed::{BadKey, CHUNK, DocumentKey, Unreadable};
pub use service::{Documents, NotKept, Received};
