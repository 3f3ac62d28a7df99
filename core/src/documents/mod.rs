//! Documents citizens send for their appointment's checklist (a landlord's confirmation, an
//! old registration, a power of attorney), checked before anything keeps them.
//!
//! The invariant: a file is kept only as the `bytes` of a [`Checked`], so only a PDF, JPEG,
//! PNG or HEIC recognised by its content, within the size limit, with no script, attachment
//! or encryption in a PDF, and with the metadata of an image (GPS position, camera) gone. A
//! citizen's phone records where a photo was taken; the office has no business keeping that.
//!
//! Pure functions on bytes: no storage, no channel, no clock. Each [`Refusal`] is a reason a
//! channel words for the citizen from `locales/`.

mod check;

pub use check::{Checked, Kind, Refusal, check};
