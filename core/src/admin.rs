//! What an admin asks of the office while it runs: translations and what they were reviewed
//! against, the catalogue, payments, forgetting a citizen, the audit log, the figures for
//! monitoring. Adapters (the admin API) reach the store only through [`Admin`].
//!
//! Every change an admin makes is written to the audit log here, with the change itself, so
//! that no adapter can make one without leaving a line. A failed audit write is logged and the
//! change stands: refusing a change already made would only hide it. The audit log never names
//! a citizen (forgetting one records that it happened, not whom).

use crate::channel::ConversationId;
use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use crate::catalog::{Catalog, CatalogError};
use crate::error::EngineError;
use crate::i18n::Lang;
use crate::i18n::edit::{self, Review};
use crate::live::{self, Sources};
use crate::office::Office;
use crate::rights::Rights;
use crate::staff::Person;
use crate::store::Store;
use crate::store::{Forgotten, Payment, TranslationChange};

pub use crate::store::{AuditEntry, PaymentState};

/// The audit entries an admin is shown, newest first.
const AUDIT_SHOWN: i64 = 500;
/// How far back payments are listed when no day is asked for.
const PAYMENT_DAYS: i64 = 31;

/// The admin's service; see the module.
#[derive(Clone)]
pub struct Admin {
    office: Office,
    store: Store,
    rights: Rights,
}

/// Why a catalogue was not put in force.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueRefused {
    #[error(transparent)]
    Invalid(#[from] CatalogError),
    /// A service names a message the reference locale lacks: citizens would see its id.
    #[error("catalogue:{line}: needs the message `{id}`, which locale de lacks; add it first")]
    MissingMessage { id: String, line: usize },
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// Payment requests with the sums an office books.
#[derive(Debug, Clone, Default)]
pub struct PaymentReport {
    /// Oldest first, each with the office-local day it was created on.
    pub payments: Vec<(NaiveDate, Payment)>,
    /// Per day and service (none: `""`): paid minus refunded, in cents. No personal data.
    pub sums: Vec<DaySum>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySum {
    pub day: NaiveDate,
    pub service: String,
    pub paid_cents: i64,
}

/// `code` if it is exactly a locale's code.
fn locale(code: &str) -> Option<Lang> {
    Lang::from_tag(code).filter(|l| l.code() == code)
}

impl Admin {
    pub(crate) fn new(office: Office, store: Store, rights: Rights) -> Self {
        Self {
            office,
            store,
            rights,
        }
    }

    /// Writes the audit log; see the module on failures.
    async fn record(&self, by: &Person, action: &str, target: &str) {
        let now = self.office.now();
        if let Err(e) = self
            .store
            .admin()
            .audit(&by.name, &by.subject, action, target, now)
            .await
        {
            tracing::warn!(target: "admin", error = %e, "audit entry not written");
        }
    }

    /// The newest admin actions, newest first.
    pub async fn audit_log(&self) -> Result<Vec<AuditEntry>, EngineError> {
        Ok(self.store.admin().audit_log(AUDIT_SHOWN).await?)
    }

    /// The whole audit log kept (see `[retention] audit_days`), newest first, for export.
    pub async fn audit_export(&self) -> Result<Vec<AuditEntry>, EngineError> {
        Ok(self.store.admin().audit_log(i64::MAX).await?)
    }

    /// The translations admins changed that are in force: `(lang, message id, value)`.
    pub async fn changed_translations(&self) -> Result<Vec<(String, String, String)>, EngineError> {
        Ok(self.store.admin().translation_overrides().await?)
    }

    /// What each translation was last written or confirmed against, of every message or of
    /// `only` one (see `i18n::edit` on reviews).
    pub async fn reviews(&self, only: Option<&str>) -> Result<Vec<Review>, EngineError> {
        Ok(self.store.admin().translation_reviews(only).await?)
    }

    /// Every change of message `id` in `lang`, newest first.
    pub async fn translation_history(
        &self,
        lang: &str,
        id: &str,
    ) -> Result<Vec<TranslationChange>, EngineError> {
        Ok(self.store.admin().translation_history(lang, id).await?)
    }

    /// Puts an admin's (already validated) text for message `id` of `lang` in force here at
    /// once (other replicas follow within a second); audited. Returns the change's id.
    pub async fn change_translation(
        &self,
        sources: &Sources,
        lang: &str,
        id: &str,
        value: &str,
        by: &Person,
    ) -> anyhow::Result<String> {
        self.before_change(sources, lang, id).await?;
        let now = self.office.now();
        let change = self
            .store
            .admin()
            .change_translation(lang, id, Some(value), &by.name, now)
            .await?;
        self.record(by, "translation-changed", &format!("{lang}/{id}"))
            .await;
        self.after_change(sources, lang, id).await?;
        live::reload_translations(&self.office, &self.store, sources).await?;
        Ok(change)
    }

    /// Puts message `id` of `lang` back to change `to` of its history, or with none to the
    /// text of its .ftl file, in force at once; audited. Returns the id of the change made;
    /// `None` (and nothing changed) when `to` is no change of this message.
    pub async fn roll_back_translation(
        &self,
        sources: &Sources,
        lang: &str,
        id: &str,
        to: Option<&str>,
        by: &Person,
    ) -> anyhow::Result<Option<String>> {
        self.before_change(sources, lang, id).await?;
        let store = &self.store;
        let value = match to {
            None => None,
            Some(to) => {
                let history = store.admin().translation_history(lang, id).await?;
                match history.into_iter().find(|c| c.id == to) {
                    Some(change) => change.value,
                    None => return Ok(None),
                }
            }
        };
        let now = self.office.now();
        let change = store
            .admin()
            .change_translation(lang, id, value.as_deref(), &by.name, now)
            .await?;
        self.record(by, "translation-rolled-back", &format!("{lang}/{id}"))
            .await;
        self.after_change(sources, lang, id).await?;
        live::reload_translations(&self.office, &self.store, sources).await?;
        Ok(Some(change))
    }

    /// The translation still fits its German reference as it is now (`review`): it is no
    /// longer "to review". Audited.
    pub async fn confirm_translation(
        &self,
        review: &Review,
        by: &Person,
    ) -> Result<(), EngineError> {
        let now = self.office.now();
        self.store
            .admin()
            .mark_translation_reviewed(review, now)
            .await?;
        self.record(
            by,
            "translation-confirmed",
            &format!("{}/{}", review.lang, review.message_id),
        )
        .await;
        Ok(())
    }

    /// Before a message changes: when it is the German reference, every translation's review
    /// row holds the German text they were written against up to now (so they become "to
    /// review").
    async fn before_change(&self, sources: &Sources, lang: &str, id: &str) -> anyhow::Result<()> {
        if lang == Lang::REFERENCE.code() {
            live::sync_reviews(&self.office, &self.store, sources, Some(id)).await?;
        }
        Ok(())
    }

    /// After a translation changed (an edit, a rollback): it is written against today's
    /// German text.
    async fn after_change(&self, sources: &Sources, lang: &str, id: &str) -> anyhow::Result<()> {
        if lang == Lang::REFERENCE.code() {
            return Ok(());
        }
        let Some(l) = locale(lang) else {
            return Ok(());
        };
        let files = sources.ftl_files()?;
        let overrides = self.changed_translations().await?;
        let reference = edit::messages(&files, &overrides, Lang::REFERENCE);
        let translation = edit::messages(&files, &overrides, l);
        if let (Some(reference), Some(translation)) = (reference.get(id), translation.get(id)) {
            let review = Review {
                lang: lang.to_owned(),
                message_id: id.to_owned(),
                reference: reference.clone(),
                translation: translation.clone(),
            };
            self.store
                .admin()
                .mark_translation_reviewed(&review, self.office.now())
                .await?;
        }
        Ok(())
    }

    /// The catalogue as an admin edits it: the newest saved through the admin API, else the
    /// file (or the built-in one).
    pub async fn catalogue_text(&self, sources: &Sources) -> anyhow::Result<String> {
        Ok(match self.store.admin().latest_catalog().await? {
            Some(text) => text,
            None => sources.catalog_text()?.0,
        })
    }

    /// Saves `toml` as the catalogue and puts it in force here at once (other replicas follow
    /// within a second); audited. Refused when it is invalid or needs a message the reference
    /// locale lacks.
    pub async fn replace_catalogue(&self, toml: &str, by: &Person) -> Result<(), CatalogueRefused> {
        let catalog = Catalog::parse(toml, "catalogue")?;
        for (id, line) in catalog.required_messages() {
            if !self.office.i18n().has(Lang::REFERENCE, &id) {
                return Err(CatalogueRefused::MissingMessage { id, line });
            }
        }
        let now = self.office.now();
        self.store
            .admin()
            .save_catalog(toml, &by.name, now)
            .await
            .map_err(EngineError::from)?;
        self.record(by, "catalogue-changed", "catalogue").await;
        self.office.set_catalog(catalog);
        Ok(())
    }

    /// The payment requests created on office-local `day`, else in the last 31 days, in
    /// `state` or in any.
    pub async fn list_payments(
        &self,
        day: Option<NaiveDate>,
        state: Option<PaymentState>,
    ) -> Result<PaymentReport, EngineError> {
        let tz = self.office.tz();
        let now = self.office.now();
        let (from, to) = match day {
            None => (now - Duration::days(PAYMENT_DAYS), now + Duration::days(1)),
            Some(date) => {
                let start = date
                    .and_hms_opt(0, 0, 0)
                    .and_then(|t| t.and_local_timezone(tz).earliest())
                    .map_or(now, |t| t.with_timezone(&chrono::Utc));
                (start, start + Duration::days(1))
            }
        };
        let list = self
            .store
            .payments()
            .payments_between(from, to, state)
            .await?;
        let mut sums: BTreeMap<(NaiveDate, String), i64> = BTreeMap::new();
        let payments: Vec<(NaiveDate, Payment)> = list
            .into_iter()
            .map(|p| {
                let day = p.created_at.with_timezone(&tz).date_naive();
                if matches!(p.state, PaymentState::Paid | PaymentState::Refunded) {
                    *sums
                        .entry((day, p.service.clone().unwrap_or_default()))
                        .or_default() += p.amount_cents - p.refunded_cents;
                }
                (day, p)
            })
            .collect();
        let sums = sums
            .into_iter()
            .map(|((day, service), paid_cents)| DaySum {
                day,
                service,
                paid_cents,
            })
            .collect();
        Ok(PaymentReport { payments, sums })
    }

    /// `(state, count, cents)` of all payment requests.
    pub async fn payments_by_state(&self) -> Result<Vec<(String, i64, i64)>, EngineError> {
        Ok(self.store.payments().payment_totals().await?)
    }

    /// Messages to citizens waiting for delivery.
    pub async fn undelivered_messages(&self) -> Result<i64, EngineError> {
        Ok(self.store.outbox().outbox_pending().await?)
    }

    /// Forgets the citizen of `conversation` as `/forget` does (future bookings cancelled,
    /// waiting room left, every row that refers to them deleted or unlinked), and the last
    /// traces `/forget` keeps for its farewell; audited without naming them. `None` (and
    /// nothing done) when nothing is stored for the conversation.
    pub async fn erase_citizen(
        &self,
        conversation: &ConversationId,
        by: &Person,
    ) -> Result<Option<Forgotten>, EngineError> {
        let store = &self.store;
        let data = store.privacy().citizen_data(conversation).await?;
        let known = data.conversation.is_some()
            || !data.bookings.is_empty()
            || !data.visits.is_empty()
            || !data.payments.is_empty()
            || data.messages + data.inputs > 0;
        if !known {
            return Ok(None);
        }
        let forgotten = self.rights.forget_citizen(conversation).await?;
        store.privacy().forget_traces(conversation).await?;
        self.record(by, "citizen-forgotten", "").await;
        Ok(Some(forgotten))
    }
}
