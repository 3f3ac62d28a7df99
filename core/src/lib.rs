//! Schalter core: everything a virtual citizens' office needs that does not depend on a
//! network. Channels hand a citizen's input to [`dialogue::Dialogue`] (one of the services
//! [`engine::Engine`] wires together) and get localized replies
//! back; the engine keeps its state in [`store::Store`] (SQLite or PostgreSQL).

pub mod action;
pub mod admin;
pub mod calendar;
pub mod catalog;
pub mod channel;
pub mod channel_state;
pub mod clock;
pub mod desk;
pub mod device_check;
pub mod dialogue;
pub mod documents;
pub mod engine;
pub mod error;
pub(crate) mod format;
pub mod holidays;
pub mod i18n;
pub mod inbox;
pub mod links;
pub mod live;
pub mod location;
pub mod mail;
pub mod matching;
pub mod message;
pub mod metrics;
pub mod notice;
pub mod office;
pub mod outbox;
pub mod payments;
pub mod queue;
pub mod reference;
pub mod retention;
pub mod rights;
pub mod slots;
pub mod staff;
pub mod store;
pub mod timers;
pub mod transcript;

pub use catalog::Catalog;
pub use channel::{Capabilities, ChannelKind, ConversationId};
pub use clock::{Clock, FixedClock, ShiftedClock, SystemClock};
pub use dialogue::{Choice, Input, Reply};
pub use engine::Engine;
pub use i18n::{I18n, Lang};
pub use store::Store;
pub use store::redact as redact_url;
