//! The HTTP side of `schalter serve` (SCHALTER_HTTP_BIND): the probes and the webhooks.
//!
//! - `/healthz`, liveness as Kubernetes means it: the process and its runtime answer. It looks
//!   at nothing else, so that an orchestrator never restarts a replica for a database that is
//!   down (a restart would not bring it back).
//! - `/readyz`, readiness: the database answers within a second and has every migration this
//!   build knows, and a leader's Telegram poller or Matrix sync succeeded within the last two
//!   minutes; 503 with the reason otherwise, so that a load balancer sends no citizen to a
//!   replica that cannot serve them.

use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use serde_json::json;

use crate::telegram::{Telegram, receive_update};

/// The Telegram webhook: where it listens and the secret Telegram must send.
#[derive(Clone)]
pub struct Webhook {
    pub telegram: Telegram,
    pub path: String,
    pub secret: String,
}

/// The hosted-payment provider's webhook.
#[derive(Clone)]
pub struct PaymentsHook {
    pub engine: Arc<schalter_core::Engine>,
    pub provider: crate::payments::Provider,
}

/// How long the readiness probe waits for the database.
const READY_WITHIN: std::time::Duration = std::time::Duration::from_secs(1);
/// The longest a leader may go without a successful poll or sync and still be ready: four
/// of the longest long poll (Matrix's sync waits up to about 30 s).
const POLLED_WITHIN: std::time::Duration = std::time::Duration::from_secs(120);

pub fn router(
    engine: Arc<schalter_core::Engine>,
    webhook: Option<Webhook>,
    payments: Option<PaymentsHook>,
) -> Router {
    let mut router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready).with_state(engine));
    if let Some(w) = webhook {
        let path = w.path.clone();
        router = router.route(&path, post(telegram_webhook).with_state(Arc::new(w)));
    }
    if let Some(p) = payments {
        let path = format!("/payments/{}", p.provider.name());
        router = router.route(&path, post(payments_webhook).with_state(Arc::new(p)));
    }
    router
}

/// Readiness (see the module).
async fn ready(State(engine): State<Arc<schalter_core::Engine>>) -> Response {
    match engine.ready(READY_WITHIN, POLLED_WITHIN).await {
        Ok(()) => "ready".into_response(),
        Err(why) => {
            tracing::warn!(target: "http", reason = %why, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                format!("not ready: {why}\n"),
            )
                .into_response()
        }
    }
}

/// A provider's word that a checkout was paid or expired: verified (400 and nothing recorded
/// when the signature is wrong or old), recorded once (a replay is acknowledged and ignored),
/// 500 while the database cannot take it, so that the provider tries again.
async fn payments_webhook(
    State(p): State<Arc<PaymentsHook>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    use crate::payments::WebhookEvent;
    // Signatures are stamped with the provider's wall clock, not the office clock.
    let now = schalter_core::Clock::now(&schalter_core::SystemClock);
    let event = match p.provider.verify_webhook(&headers, &body, now) {
        Ok(e) => e,
        Err(e) => {
            tracing::warn!(target: "payments.webhook", error = %e, "webhook refused");
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({"ok": false, "error": e.to_string()})),
            )
                .into_response();
        }
    };
    let result = match event {
        WebhookEvent::Paid {
            event,
            payment_id,
            charge_id,
        } => p
            .engine
            .payments()
            .record_paid(
                &payment_id,
                &format!("{}:{event}", p.provider.name()),
                p.provider.name(),
                charge_id.as_deref(),
                None,
            )
            .await
            .map(|_| ()),
        WebhookEvent::Expired { payment_id } => {
            p.engine.payments().checkout_expired(&payment_id).await
        }
        WebhookEvent::Other => Ok(()),
    };
    match result {
        Ok(()) => axum::Json(json!({"ok": true})).into_response(),
        Err(e) => {
            tracing::warn!(target: "payments.webhook", error = %e, "payment not recorded");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn serve(bind: &str, router: Router) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on SCHALTER_HTTP_BIND {bind}"))?;
    tracing::info!(target: "http", %bind, "listening");
    // Small writes go out at once: an event on an open stream is one short chunk, which
    // Nagle's algorithm would otherwise hold back until the last one was acknowledged.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(target: "http", error = %e, "TCP_NODELAY not set");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await?;
    Ok(())
}

/// Equal without revealing where two secrets differ.
/// A cookie's value from the request's `Cookie` headers, by name.
pub(crate) fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn telegram_webhook(
    State(w): State<Arc<Webhook>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let given = headers
        .get("x-telegram-bot-api-secret-token")
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !constant_time_eq(given, w.secret.as_bytes()) {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"ok": false, "error": "unauthorized"})),
        )
            .into_response();
    }
    let update: teloxide::types::Update = match serde_json::from_slice(&body) {
        Ok(u) => u,
        Err(e) => {
            tracing::warn!(target: "telegram.webhook", error = %e, "not an update");
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({"ok": false, "error": "not an update"})),
            )
                .into_response();
        }
    };
    // Stored before Telegram hears "ok"; handled and answered after.
    match receive_update(&w.telegram, update).await {
        Ok(()) => axum::Json(json!({"ok": true})).into_response(),
        // Telegram retries; the inbox recognises the retry.
        Err(e) => {
            tracing::warn!(target: "telegram.webhook", error = %e, "update not stored");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares_secrets() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(!constant_time_eq(b"", b"a"));
    }
}
