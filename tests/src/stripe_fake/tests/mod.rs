//! Tests of the fake over real HTTP, as the bot calls it.

mod calls;
mod faults;
mod payments;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{StripeFake, now_secs};

/// `(Stripe-Signature, body)` of every event received.
pub(super) type Received = Arc<Mutex<Vec<(String, String)>>>;

/// A webhook endpoint that records `(Stripe-Signature, body)` and answers 200.
pub(super) async fn receiver() -> (String, Received) {
    let got: Received = Arc::default();
    let app = Router::new()
        .route(
            "/payments/stripe",
            axum::routing::post(
                |State(got): State<Received>, headers: HeaderMap, body: String| async move {
                    let sig = headers
                        .get("stripe-signature")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    got.lock().expect("lock").push((sig, body));
                    StatusCode::OK
                },
            ),
        )
        .with_state(got.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/payments/stripe"), got)
}

/// Checks a `Stripe-Signature` as Stripe's libraries do; returns its `t`.
pub(super) fn verify(header: &str, body: &str, secret: &str) -> i64 {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", x)) => t = x.parse::<i64>().ok(),
            Some(("v1", x)) => v1 = Some(x.to_owned()),
            _ => {}
        }
    }
    let (t, v1) = (t.expect("t="), v1.expect("v1="));
    assert_eq!(v1.len(), 64, "hex SHA-256");
    let bytes: Vec<u8> = (0..v1.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&v1[i..i + 2], 16).expect("hex"))
        .collect();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{t}.{body}").as_bytes());
    mac.verify_slice(&bytes).expect("signature verifies");
    t
}

pub(super) fn session_form(amount: &str) -> Vec<(String, String)> {
    let expires = (now_secs() + 3600).to_string();
    [
        ("mode", "payment"),
        ("line_items[0][price_data][currency]", "eur"),
        ("line_items[0][price_data][unit_amount]", amount),
        (
            "line_items[0][price_data][product_data][name]",
            "Reisepass (Gebühr)",
        ),
        ("line_items[0][quantity]", "1"),
        ("line_items[1][price_data][currency]", "eur"),
        ("line_items[1][price_data][unit_amount]", "250"),
        ("line_items[1][price_data][product_data][name]", "Porto"),
        ("line_items[1][quantity]", "2"),
        (
            "success_url",
            "https://example.org/ok?s={CHECKOUT_SESSION_ID}",
        ),
        ("cancel_url", "https://example.org/cancel"),
        ("client_reference_id", "pay-42"),
        ("metadata[payment_id]", "42"),
        ("metadata[note]", "a & b = c"),
        ("expires_at", expires.as_str()),
        ("locale", "de"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

pub(super) async fn create(
    fake: &StripeFake,
    form: &[(String, String)],
    key: Option<&str>,
) -> reqwest::Response {
    try_create(fake, form, key).await.expect("request")
}

/// `POST /v1/checkout/sessions`, where getting no answer at all is a possible outcome.
pub(super) async fn try_create(
    fake: &StripeFake,
    form: &[(String, String)],
    key: Option<&str>,
) -> reqwest::Result<reqwest::Response> {
    let mut r = reqwest::Client::new()
        .post(format!("{}/v1/checkout/sessions", fake.url))
        .bearer_auth(&fake.secret_key)
        .form(form);
    if let Some(k) = key {
        r = r.header("Idempotency-Key", k);
    }
    r.send().await
}
