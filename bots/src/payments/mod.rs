//! Payments from home: the provider port, and what channels without a payment of their own
//! (Matrix, the terminal) use to offer a hosted payment link.
//!
//! A provider is one implementation of [`PaymentProvider`]: create a checkout for a request
//! (with an idempotency key, so a retry never makes a second one), verify and read its
//! webhook, refund. Stripe Checkout is the first; the e-payment platforms of German
//! municipalities (ePayBL, pmPayment, GiroCheckout) each fit the same three calls.

pub mod stripe;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use schalter_core::Engine;
use schalter_core::queue::{Link, Message, PaymentAsk};

use crate::channel::{FailureKind, SendError};
use crate::config::PaymentConfig;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a provider needs to create a checkout.
#[derive(Debug, Clone)]
pub struct CheckoutRequest<'a> {
    pub ask: &'a PaymentAsk,
    /// Tells checkouts of the same request apart: the end of the one it replaces (0 for the
    /// first). Two calls with the same request and renewal create one checkout.
    pub renewal: i64,
    /// The citizen's language, for the provider's page.
    pub lang: &'a str,
}

/// A hosted checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkout {
    pub id: String,
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

/// What a verified webhook says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookEvent {
    /// Paid: the provider's event id, our payment id, the provider's charge id.
    Paid {
        event: String,
        payment_id: String,
        charge_id: Option<String>,
    },
    /// A checkout ran out: the next request gets a fresh one.
    Expired { payment_id: String },
    /// Anything else: acknowledged, nothing to do.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("missing or malformed signature")]
    Unsigned,
    #[error("signature does not match")]
    BadSignature,
    #[error("signature too old or from the future")]
    Stale,
    #[error("unreadable event: {0}")]
    Malformed(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// Down, unreachable, busy or a 5xx: try later, with the same idempotency key.
    #[error("provider unavailable ({kind}): {reason}")]
    Unavailable { kind: FailureKind, reason: String },
    /// The provider refused (with its reason).
    #[error("provider refused: {0}")]
    Refused(String),
}

impl ProviderError {
    pub fn unavailable(kind: FailureKind, reason: impl std::fmt::Display) -> Self {
        ProviderError::Unavailable {
            kind,
            reason: reason.to_string(),
        }
    }

    /// The same judgement for the outbox, naming the provider in `/metrics`.
    pub fn into_send_error(self, provider: &'static str) -> SendError {
        match self {
            ProviderError::Unavailable { kind, reason } => SendError::new(kind, reason),
            ProviderError::Refused(reason) => SendError::refused(reason),
        }
        .on_platform(provider)
    }
}

/// A hosted-payment provider.
pub trait PaymentProvider: Send + Sync {
    /// Stored with the payment (`stripe`).
    fn name(&self) -> &'static str;
    fn create_checkout<'a>(
        &'a self,
        request: CheckoutRequest<'a>,
    ) -> BoxFuture<'a, Result<Checkout, ProviderError>>;
    fn verify_webhook(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<WebhookEvent, WebhookError>;
    /// Refunds `cents` of a charge; two calls with the same key refund once.
    fn refund<'a>(
        &'a self,
        charge_id: &'a str,
        cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<(), ProviderError>>;
}

pub type Provider = Arc<dyn PaymentProvider>;

/// The configured provider, if any.
pub fn provider(config: Option<&PaymentConfig>) -> Option<Provider> {
    config.map(|c| match c {
        PaymentConfig::Stripe {
            secret_key,
            webhook_secret,
            api_url,
            return_url,
        } => Arc::new(stripe::Stripe::new(
            secret_key,
            webhook_secret,
            api_url,
            return_url,
        )) as Provider,
    })
}

/// A payment link for `ask`: the request's checkout while it is fresh, else a new one. A
/// provider that is down is a transient failure: the outbox tries again.
pub async fn payment_link(
    engine: &Engine,
    provider: &dyn PaymentProvider,
    ask: &PaymentAsk,
) -> Result<String, SendError> {
    let payments = engine.payments();
    let now = engine.office().clock().now();
    let payment = payments
        .by_id(&ask.payment_id)
        .await
        .map_err(SendError::internal)?
        .ok_or_else(|| SendError::refused("payment unknown"))?;
    if let (Some(url), Some(expires)) = (&payment.checkout_url, payment.checkout_expires_at)
        && expires > now + chrono::Duration::minutes(30)
    {
        return Ok(url.clone());
    }
    let checkout = provider
        .create_checkout(CheckoutRequest {
            ask,
            // A new amount or an expired checkout makes a new one; a retry does not.
            renewal: payment.checkout_expires_at.map_or(0, |t| t.timestamp()),
            lang: &payment.lang,
        })
        .await
        .map_err(|e| e.into_send_error(provider.name()))?;
    payments
        .checkout_created(
            &payment.id,
            provider.name(),
            &checkout.id,
            &checkout.url,
            checkout.expires_at,
        )
        .await
        .map_err(SendError::internal)?;
    Ok(checkout.url)
}

/// `message` with its payment as a link to open, for channels without a payment of their
/// own. `Err(Transient)` while the provider is down: the outbox tries again.
pub async fn with_link(
    engine: &Engine,
    provider: Option<&dyn PaymentProvider>,
    message: &Message,
) -> Result<Message, SendError> {
    let Some(ask) = &message.payment else {
        return Ok(message.clone());
    };
    let Some(provider) = provider else {
        return Ok(offline(message, ask));
    };
    let url = payment_link(engine, provider, ask).await?;
    Ok(Message {
        text: format!("{}\n{}", message.text, ask.online_hint),
        link: Some(Link {
            label: ask.link_label.clone(),
            url,
        }),
        payment: None,
        ..message.clone()
    })
}

/// A payment request where the channel cannot take the payment: pay as agreed in the call.
pub fn offline(message: &Message, ask: &PaymentAsk) -> Message {
    Message {
        text: format!("{}\n{}", message.text, ask.offline_hint),
        payment: None,
        ..message.clone()
    }
}
