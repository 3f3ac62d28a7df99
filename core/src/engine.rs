//! The engine: what every core service shares (the catalogue and translations in use, the
//! store, the clock, the office's time zone, the metrics) and the little state of this process
//! (the per-conversation turns, the input rate limit, the clerk lease, the agenda planned).
//! The services add their methods to it in their own modules: the dialogue
//! ([`crate::dialogue`]), the waiting room and desk ([`crate::queue`]), timers
//! ([`crate::timers`]), payments ([`crate::payments`]), data-protection rights and retention
//! ([`crate::retention`], [`crate::dialogue::rights`]) and calendar files ([`crate::calendar`]).
//! This module names none of them, so none of them depends on another through it.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::Duration;
use chrono_tz::Tz;

use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::i18n::I18n;
pub use crate::store::Leadership;
use crate::store::{Store, StoreError};

/// How long a pick stays with a clerk without a sign of life from their desk, by default
/// ([`Engine::set_lease`] changes it). Desks renew it every quarter of it
/// ([`Engine::heartbeat`]); a clerk who vanishes loses the citizen back to the queue after it.
pub const LEASE: Duration = Duration::minutes(2);

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub struct Engine {
    /// Recent inputs per conversation, for the rate limit (this process).
    pub(crate) recent_inputs: std::sync::Mutex<
        HashMap<String, std::collections::VecDeque<chrono::DateTime<chrono::Utc>>>,
    >,
    /// The channels whose citizens can pay from home.
    pub(crate) online_payments: RwLock<Vec<crate::channel::ChannelKind>>,
    /// See [`Engine::lease`].
    pub(crate) lease_seconds: std::sync::atomic::AtomicI64,
    /// The last day whose agenda this process planned.
    pub(crate) agenda_planned: std::sync::Mutex<Option<chrono::NaiveDate>>,
    pub(crate) metrics: crate::metrics::Metrics,
    /// Inputs of one conversation are handled one after the other.
    pub(crate) turns: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    pub(crate) catalog: RwLock<Arc<Catalog>>,
    pub(crate) i18n: Arc<I18n>,
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) tz: Tz,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("tz", &self.tz)
            .finish_non_exhaustive()
    }
}

impl Engine {
    pub fn new(
        catalog: Catalog,
        i18n: Arc<I18n>,
        store: Store,
        clock: Arc<dyn Clock>,
        tz: Tz,
    ) -> Self {
        Self {
            recent_inputs: std::sync::Mutex::default(),
            online_payments: RwLock::default(),
            lease_seconds: std::sync::atomic::AtomicI64::new(LEASE.num_seconds()),
            agenda_planned: std::sync::Mutex::new(None),
            metrics: crate::metrics::Metrics::default(),
            turns: std::sync::Mutex::default(),
            catalog: RwLock::new(Arc::new(catalog)),
            i18n,
            store,
            clock,
            tz,
        }
    }

    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Swaps the catalogue; the next reply uses the new one.
    pub fn set_catalog(&self, catalog: Catalog) {
        *self.catalog.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(catalog);
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn agenda_planned_for(&self) -> Option<chrono::NaiveDate> {
        *self
            .agenda_planned
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn set_agenda_planned_for(&self, date: chrono::NaiveDate) {
        *self
            .agenda_planned
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some(date);
    }

    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.metrics
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// Tries to become the one replica that runs `name` (a network's poller and outbox);
    /// `None` while another holds it. See [`Leadership`].
    pub async fn try_lead(&self, name: &str) -> Result<Option<Leadership>, StoreError> {
        self.store.try_lead(name).await
    }

    /// Forgets the conversations this process keeps in memory: another replica may have
    /// changed them (after a new leader took over).
    pub fn forget_cached_conversations(&self) {
        self.store.drop_cached_conversations();
    }

    /// Closes the database connections (at shutdown).
    pub async fn close(&self) {
        self.store.close().await;
    }
}
