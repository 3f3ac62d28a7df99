//! Fees paid from home after a call. A clerk's `fee` sets or adds to the call's request (a
//! draft while the call runs); `done` sends it, or it goes at once when the call is over
//! already; services marked `pay_after_call` get theirs on `done` without a word. The
//! channels offer their way to pay (a Telegram invoice, a hosted payment link); whoever
//! confirms a payment records it here, once, with the receipt and the desk's line. What may be
//! refunded, how much and through whom is decided here ([`Payments::plan_refund`]); the desk
//! only asks the provider to carry it out and records that it did.

use std::sync::{Arc, RwLock};

use crate::channel::{ChannelKind, ConversationId};
use crate::error::EngineError;
use crate::office::Office;
use crate::store::Store;
pub use crate::store::{Item, Payment, PaymentState, Recorded};

mod fee;
mod paid;
mod refund;
#[cfg(test)]
mod tests;
mod texts;

pub use fee::Fee;
pub use refund::{Refund, RefundPlan, RefundRefusal, parse_amount};

/// The currency of every fee.
pub const CURRENCY: &str = "EUR";

/// Fees: what the desk sets, what the citizen is sent, what a provider confirms, what is
/// refunded.
#[derive(Clone)]
pub struct Payments {
    office: Office,
    store: Store,
    /// The channels whose citizens can pay from home (configured by the application).
    online: Arc<RwLock<Vec<ChannelKind>>>,
}

impl Payments {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self {
            office,
            store,
            online: Arc::default(),
        }
    }

    /// The channels on which citizens can pay from home (configured by the application).
    pub fn set_online_payments(&self, channels: Vec<ChannelKind>) {
        *self.online.write().unwrap_or_else(|e| e.into_inner()) = channels;
    }

    /// Whether the citizen of `conversation` can pay from home.
    pub fn pays_online(&self, conversation: &ConversationId) -> bool {
        let Ok(id) = ConversationId::parse(conversation.as_str()) else {
            return false;
        };
        self.online
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&id.channel())
    }

    /// A request by its id.
    pub async fn by_id(&self, id: &str) -> Result<Option<Payment>, EngineError> {
        Ok(self.store.payments().payment(id).await?)
    }

    /// The request of a call (a queue entry), once the clerk or the service set one.
    pub async fn of_entry(&self, entry_id: &str) -> Result<Option<Payment>, EngineError> {
        Ok(self.store.payments().payment_of_entry(entry_id).await?)
    }

    /// A request by the visit's or its own reference, however it was typed.
    pub async fn by_reference(&self, typed: &str) -> Result<Option<Payment>, EngineError> {
        let Some(reference) = crate::reference::parse_reference(typed) else {
            return Ok(None);
        };
        Ok(self
            .store
            .payments()
            .payment_by_reference(&reference)
            .await?)
    }

    /// Remembers the hosted checkout `provider` made for an open request.
    pub async fn checkout_created(
        &self,
        id: &str,
        provider: &str,
        checkout_id: &str,
        url: &str,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), EngineError> {
        let store = &self.store;
        Ok(store
            .payments()
            .set_checkout(id, provider, checkout_id, url, expires_at)
            .await?)
    }

    /// A checkout ran out: the next request for the payment gets a fresh one.
    pub async fn checkout_expired(&self, id: &str) -> Result<(), EngineError> {
        Ok(self.store.payments().clear_checkout(id).await?)
    }
}
