//! Stripe Checkout: sessions created over REST (amounts in cents, form-encoded), the
//! `checkout.session.completed` webhook verified by its `Stripe-Signature` (HMAC-SHA256 of
//! `t.body` with the endpoint's secret, 5 minutes' tolerance), refunds of the session's
//! payment intent.

use axum::http::HeaderMap;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use schalter_core::Lang;

use crate::channel::FailureKind;

use super::{
    BoxFuture, Checkout, CheckoutRequest, PaymentProvider, ProviderError, WebhookError,
    WebhookEvent,
};

/// How far a signature's time may be from ours.
const TOLERANCE: Duration = Duration::minutes(5);
/// How long a checkout stays open: Stripe's default, assumed when its answer does not say.
const OPEN_FOR: Duration = Duration::hours(24);

pub struct Stripe {
    client: reqwest::Client,
    secret_key: String,
    webhook_secret: String,
    api_url: String,
    return_url: String,
}

impl Stripe {
    pub fn new(secret_key: &str, webhook_secret: &str, api_url: &str, return_url: &str) -> Self {
        Self {
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .unwrap_or_default(),
            secret_key: secret_key.to_owned(),
            webhook_secret: webhook_secret.to_owned(),
            api_url: api_url.trim_end_matches('/').to_owned(),
            return_url: return_url.to_owned(),
        }
    }

    async fn post(
        &self,
        path: &str,
        form: &[(String, String)],
        idempotency_key: Option<&str>,
    ) -> Result<serde_json::Value, ProviderError> {
        let mut request = self
            .client
            .post(format!("{}{path}", self.api_url))
            .bearer_auth(&self.secret_key)
            .form(form);
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request
            .send()
            .await
            .map_err(|e| ProviderError::unavailable(FailureKind::Network, e.without_url()))?;
        let status = response.status();
        // Stripe says itself whether a retry can help; where it does not, the status does.
        let should_retry = response
            .headers()
            .get("stripe-should-retry")
            .and_then(|v| v.to_str().ok())
            .map(|v| v == "true");
        // A cut connection while reading: the call may have been carried out, and the retry
        // with the same key gets its answer.
        let body = response
            .bytes()
            .await
            .map_err(|e| ProviderError::unavailable(FailureKind::Network, e.without_url()))?;
        let json: Option<serde_json::Value> = serde_json::from_slice(&body).ok();
        if status.is_success() {
            return json.ok_or_else(|| {
                ProviderError::unavailable(FailureKind::Unrecognized, "answer is not JSON")
            });
        }
        let reason = match json.as_ref().and_then(|j| j["error"]["message"].as_str()) {
            Some(message) => format!("{status}: {message}"),
            None => status.to_string(),
        };
        Err(judge(status.as_u16(), should_retry, reason))
    }
}

/// What a Stripe error answer means (<https://docs.stripe.com/error-low-level>).
fn judge(status: u16, should_retry: Option<bool>, reason: String) -> ProviderError {
    let kind = match status {
        429 => FailureKind::RateLimited,
        // Another request with the same idempotency key is still in progress.
        409 => FailureKind::RateLimited,
        500..=599 => FailureKind::ServerError,
        // A key Stripe does not take (rotated or revoked): every payment waits for the operator.
        401 => FailureKind::Credentials,
        _ if should_retry == Some(true) => FailureKind::Unrecognized,
        _ => return ProviderError::Refused(reason),
    };
    if should_retry == Some(false) {
        return ProviderError::Refused(reason);
    }
    ProviderError::Unavailable { kind, reason }
}

/// One idempotency key per distinct request: a retry of the same call (after a timeout, a
/// cut connection, a 5xx) gets Stripe's first answer instead of a second session, and a
/// changed request (a new amount, labels in a language the citizen switched to, a renewal
/// after expiry) a new key, never Stripe's `idempotency_error` for reused keys.
fn idempotency_key(prefix: &str, id: &str, form: &[(String, String)]) -> String {
    let mut digest = Sha256::new();
    for (k, v) in form {
        // Lengths first, so that no two forms hash alike by moving a boundary.
        digest.update((k.len() as u64).to_be_bytes());
        digest.update(k.as_bytes());
        digest.update((v.len() as u64).to_be_bytes());
        digest.update(v.as_bytes());
    }
    format!("{prefix}-{id}-{}", hex::encode(&digest.finalize()[..12]))
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: Session,
}

#[derive(Deserialize)]
struct Session {
    #[serde(default)]
    metadata: std::collections::HashMap<String, String>,
    #[serde(default)]
    payment_intent: Option<String>,
    #[serde(default)]
    payment_status: Option<String>,
}

/// Verifies `Stripe-Signature: t=…,v1=…[,v1=…]` over `body`.
fn verify(
    secret: &str,
    header: Option<&str>,
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<(), WebhookError> {
    let header = header.ok_or(WebhookError::Unsigned)?;
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse::<i64>().ok(),
            Some(("v1", v)) => signatures.push(v.to_owned()),
            _ => {}
        }
    }
    let t = t.ok_or(WebhookError::Unsigned)?;
    if signatures.is_empty() {
        return Err(WebhookError::Unsigned);
    }
    let at = DateTime::from_timestamp(t, 0).ok_or(WebhookError::Unsigned)?;
    if (now - at).abs() > TOLERANCE {
        return Err(WebhookError::Stale);
    }
    let mut signed = t.to_string().into_bytes();
    signed.push(b'.');
    signed.extend_from_slice(body);
    for signature in signatures {
        let Ok(expected) = hex::decode(&signature) else {
            continue;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
            .map_err(|_| WebhookError::BadSignature)?;
        mac.update(&signed);
        // Constant-time comparison.
        if mac.verify_slice(&expected).is_ok() {
            return Ok(());
        }
    }
    Err(WebhookError::BadSignature)
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn create_checkout<'a>(
        &'a self,
        request: CheckoutRequest<'a>,
    ) -> BoxFuture<'a, Result<Checkout, ProviderError>> {
        Box::pin(async move {
            let ask = request.ask;
            let mut form: Vec<(String, String)> = vec![
                ("mode".into(), "payment".into()),
                ("success_url".into(), self.return_url.clone()),
                ("cancel_url".into(), self.return_url.clone()),
                ("client_reference_id".into(), ask.payment_id.clone()),
                ("metadata[payment_id]".into(), ask.payment_id.clone()),
                ("locale".into(), stripe_locale(request.lang).into()),
            ];
            for (i, item) in ask.items.iter().enumerate() {
                let p = format!("line_items[{i}]");
                form.push((
                    format!("{p}[price_data][currency]"),
                    ask.currency.to_lowercase(),
                ));
                form.push((
                    format!("{p}[price_data][unit_amount]"),
                    item.cents.to_string(),
                ));
                form.push((
                    format!("{p}[price_data][product_data][name]"),
                    item.label.clone(),
                ));
                form.push((format!("{p}[quantity]"), "1".into()));
            }
            // No `expires_at`: Stripe's default (24 hours from creation) keeps a retry's
            // parameters the same as the first try's, as its idempotency keys require.
            let renewal = format!("{}-{}", ask.payment_id, request.renewal);
            let key = idempotency_key("checkout", &renewal, &form);
            let session = self
                .post("/v1/checkout/sessions", &form, Some(&key))
                .await?;
            let (Some(id), Some(url)) = (session["id"].as_str(), session["url"].as_str()) else {
                return Err(ProviderError::unavailable(
                    FailureKind::Unrecognized,
                    "no session id or url",
                ));
            };
            // Stripe's own clock decides; ours only needs to be close when it does not say.
            let expires_at = session["expires_at"]
                .as_i64()
                .and_then(|t| DateTime::from_timestamp(t, 0))
                .unwrap_or_else(|| {
                    schalter_core::Clock::now(&schalter_core::SystemClock) + OPEN_FOR
                });
            Ok(Checkout {
                id: id.to_owned(),
                url: url.to_owned(),
                expires_at,
            })
        })
    }

    fn verify_webhook(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<WebhookEvent, WebhookError> {
        let header = headers
            .get("stripe-signature")
            .and_then(|v| v.to_str().ok());
        verify(&self.webhook_secret, header, body, now)?;
        let event: Event =
            serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
        let payment_id = event.data.object.metadata.get("payment_id").cloned();
        Ok(match (event.kind.as_str(), payment_id) {
            (
                "checkout.session.completed" | "checkout.session.async_payment_succeeded",
                Some(id),
            ) if event.data.object.payment_status.as_deref() == Some("paid") => {
                WebhookEvent::Paid {
                    event: event.id,
                    payment_id: id,
                    charge_id: event.data.object.payment_intent,
                }
            }
            ("checkout.session.expired", Some(id)) => WebhookEvent::Expired { payment_id: id },
            _ => WebhookEvent::Other,
        })
    }

    fn refund<'a>(
        &'a self,
        charge_id: &'a str,
        cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(async move {
            self.post(
                "/v1/refunds",
                &[
                    ("payment_intent".into(), charge_id.to_owned()),
                    ("amount".into(), cents.to_string()),
                ],
                Some(idempotency_key),
            )
            .await?;
            Ok(())
        })
    }
}

/// Stripe Checkout's locale for ours: its own where Checkout is translated into it, German for
/// Leichte Sprache (Checkout has none), and `auto` (the browser's) for Arabic, Ukrainian and
/// Persian, which Checkout does not speak.
fn stripe_locale(lang: &str) -> &'static str {
    match Lang::from_tag(lang) {
        Some(Lang::De | Lang::DeXls) => "de",
        Some(Lang::En) => "en",
        Some(Lang::Tr) => "tr",
        Some(Lang::Ru) => "ru",
        Some(Lang::Pl) => "pl",
        Some(Lang::Ro) => "ro",
        Some(Lang::It) => "it",
        Some(Lang::Fr) => "fr",
        Some(Lang::Es) => "es",
        Some(Lang::Ar | Lang::Uk | Lang::Fa) | None => "auto",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkout_speaks_the_citizens_language_where_it_can() {
        assert_eq!(stripe_locale("de-x-ls"), "de");
        assert_eq!(stripe_locale("pl"), "pl");
        assert_eq!(stripe_locale("uk"), "auto");
        assert_eq!(stripe_locale("fa"), "auto");
        // Every one of ours is a locale Checkout takes.
        for lang in Lang::ALL {
            assert!(
                ["de", "en", "tr", "ru", "pl", "ro", "it", "fr", "es", "auto"]
                    .contains(&stripe_locale(lang.code())),
                "{lang}"
            );
        }
    }

    #[test]
    fn errors_are_judged_by_status_and_stripes_own_advice() {
        let kind = |status, retry| match judge(status, retry, String::new()) {
            ProviderError::Unavailable { kind, .. } => Some(kind),
            ProviderError::Refused(_) => None,
        };
        assert_eq!(kind(500, Some(true)), Some(FailureKind::ServerError));
        assert_eq!(kind(502, None), Some(FailureKind::ServerError));
        assert_eq!(kind(429, None), Some(FailureKind::RateLimited));
        assert_eq!(kind(409, Some(true)), Some(FailureKind::RateLimited));
        assert_eq!(kind(401, None), Some(FailureKind::Credentials));
        assert_eq!(kind(400, None), None);
        assert_eq!(kind(404, Some(false)), None);
        // Stripe's header wins over the status.
        assert_eq!(kind(400, Some(true)), Some(FailureKind::Unrecognized));
        assert_eq!(kind(500, Some(false)), None);
    }

    #[test]
    fn the_same_request_has_the_same_key_and_another_request_another() {
        let form = |label: &str| -> Vec<(String, String)> {
            vec![
                ("amount".into(), "1300".into()),
                ("line_items[0][name]".into(), label.into()),
            ]
        };
        let a = idempotency_key("checkout", "p1", &form("Gebühr"));
        assert_eq!(a, idempotency_key("checkout", "p1", &form("Gebühr")));
        assert_ne!(a, idempotency_key("checkout", "p1", &form("Fee")));
        assert_ne!(a, idempotency_key("checkout", "p2", &form("Gebühr")));
        // Moving a boundary between key and value is another request.
        let moved = vec![("amount1".into(), "300".into()), form("Gebühr")[1].clone()];
        assert_ne!(a, idempotency_key("checkout", "p1", &moved));
        assert!(a.len() <= 255, "Stripe takes keys up to 255 characters");
    }

    fn sign(secret: &str, t: i64, body: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{t}.{body}").as_bytes());
        format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn signatures_are_checked_with_tolerance() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let body = r#"{"id":"evt_1"}"#;
        let good = sign("whsec", now.timestamp(), body);
        assert_eq!(verify("whsec", Some(&good), body.as_bytes(), now), Ok(()));
        assert_eq!(
            verify("other", Some(&good), body.as_bytes(), now),
            Err(WebhookError::BadSignature)
        );
        assert_eq!(
            verify("whsec", Some(&good), b"{\"id\":\"evt_2\"}", now),
            Err(WebhookError::BadSignature)
        );
        let old = sign("whsec", now.timestamp() - 301, body);
        assert_eq!(
            verify("whsec", Some(&old), body.as_bytes(), now),
            Err(WebhookError::Stale)
        );
        assert_eq!(
            verify("whsec", None, body.as_bytes(), now),
            Err(WebhookError::Unsigned)
        );
        assert_eq!(
            verify("whsec", Some("t=abc"), body.as_bytes(), now),
            Err(WebhookError::Unsigned)
        );
        // A second v1 (Stripe sends several while secrets roll) is enough.
        let two = format!("{},v1=00ff", sign("whsec", now.timestamp(), body));
        assert_eq!(verify("whsec", Some(&two), body.as_bytes(), now), Ok(()));
    }
}
