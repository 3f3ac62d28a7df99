//! What every core service reads and none owns: the catalogue in force (swapped while the
//! office runs), the translations, the clock, the office's time zone and the metrics. Each
//! service holds a clone of one [`Office`] (a few reference counts), so a catalogue an admin
//! puts in force is seen by all of them at their next step.
//!
//! Also here: the few ways of saying something that every service needs alike (a service's
//! name, an amount, a message for the outbox in the direction of the citizen's language).

use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::i18n::{I18n, Lang};
use crate::message::{Choice, Link, Message};
use crate::metrics::Metrics;

/// The shared reading of the office; cheap to clone.
#[derive(Clone)]
pub struct Office {
    catalog: Arc<RwLock<Arc<Catalog>>>,
    i18n: Arc<I18n>,
    clock: Arc<dyn Clock>,
    tz: Tz,
    metrics: Arc<Metrics>,
}

impl std::fmt::Debug for Office {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Office")
            .field("tz", &self.tz)
            .finish_non_exhaustive()
    }
}

impl Office {
    pub fn new(catalog: Catalog, i18n: Arc<I18n>, clock: Arc<dyn Clock>, tz: Tz) -> Self {
        Self {
            catalog: Arc::new(RwLock::new(Arc::new(catalog))),
            i18n,
            clock,
            tz,
            metrics: Arc::default(),
        }
    }

    /// The catalogue in force now (a step keeps the one it started with).
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Swaps the catalogue; the next step of every service uses the new one.
    pub fn set_catalog(&self, catalog: Catalog) {
        *self.catalog.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(catalog);
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The time now, by the office's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn tz(&self) -> Tz {
        self.tz
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// A service's name in `lang`.
    pub fn service_name(&self, lang: Lang, service: &str) -> String {
        self.i18n.text(lang, &format!("service-{service}"))
    }

    /// An amount of euro cents as `lang` writes it.
    pub fn amount_text(&self, lang: Lang, cents: i64) -> String {
        crate::format::fee(
            &self.i18n,
            lang,
            u32::try_from(cents.max(0)).unwrap_or(u32::MAX),
        )
    }

    /// A message for the outbox, right-to-left where the language needs it.
    pub fn message_json(&self, lang: Lang, text: String, options: Vec<Choice>) -> String {
        self.message_with_link(lang, text, options, None)
    }

    /// The same with a link button (a call's room).
    pub fn message_with_link(
        &self,
        lang: Lang,
        text: String,
        options: Vec<Choice>,
        link: Option<Link>,
    ) -> String {
        let (text, options) = crate::message::directed(lang, text, options);
        (Message {
            text,
            options,
            link,
            payment: None,
            attachment: None,
        })
        .to_json()
    }
}
