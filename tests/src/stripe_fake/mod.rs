//! A fake of Stripe's REST API (Checkout Sessions and Refunds) and of its webhooks, for
//! end-to-end tests without network. It speaks Stripe's documented formats: form-encoded
//! request bodies with the bracket syntax (`line_items[0][price_data][currency]=eur`),
//! `Authorization: Bearer sk_…`, the `Idempotency-Key` header, error bodies
//! `{"error": {"type", "message", "code"?, "param"?}}`, and webhook events signed with
//! `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
//!
//! What it checks, as Stripe does:
//! - every call carries the secret key (Bearer, or Basic with the key as user name), else 401;
//! - request bodies are `application/x-www-form-urlencoded`, else 400;
//! - unknown top-level parameters are refused ("Received unknown parameter: …"); real
//!   Checkout parameters this fake does not model (`customer_email`, `payment_intent_data`, …)
//!   are accepted and ignored;
//! - Checkout Sessions: `mode=payment`, at least one line item with `price_data` (a 3-letter
//!   currency, the same for every item; a positive integer `unit_amount`; a
//!   `product_data[name]`; a positive integer `quantity`; no `recurring`), a total between
//!   Stripe's minimum charge (€0.50, $0.50, CHF 0.50, £0.30) and 99 999 999, an http(s)
//!   `success_url` (and `cancel_url` if given), `client_reference_id` up to 200 characters,
//!   at most 50 `metadata` keys of at most 40 characters with values of at most 500,
//!   `expires_at` 30 minutes to 24 hours ahead (default 24 hours), `locale` one of Checkout's
//!   locales (Checkout has no `ar` nor `uk`: send `auto` for those);
//! - an `Idempotency-Key` reused with the same endpoint and parameters replays the first
//!   answer (header `Idempotent-Replayed: true`), with other parameters or another endpoint
//!   it is a 400 `idempotency_error`; only successful answers are kept;
//! - refunds never exceed what is left of the payment (`amount_too_large`), and a fully
//!   refunded payment refuses more (`charge_already_refunded`).
//!
//! Sessions expire only through the API or [`StripeFake::expire_and_notify`], never by
//! themselves. Time is the wall clock, shifted by [`StripeFake::set_clock_offset`] to follow
//! a bot running on `SCHALTER_CLOCK_START`.
//!
//! Failures come on demand, in the forms Stripe really produces ([`StripeFake::inject`]), so
//! a test can check that the bot recovers from each and retries with the same
//! `Idempotency-Key` ([`StripeFake::idempotency_keys`]):
//! - [`StripeFault::Status`]: 500 `api_error`, 429 `rate_limit`, 409 `idempotency_error`
//!   (another request with the key still in progress), each with `Stripe-Should-Retry: true`;
//!   502 and 503 come from the load balancer as an HTML page, not JSON;
//! - [`StripeFault::Drop`]: the connection closes without an answer, nothing is done;
//! - [`StripeFault::DropAfterCommit`]: the call is carried out and its answer kept for its
//!   idempotency key, but the connection closes before the answer. The client cannot tell it
//!   from `Drop`: only a retry with the same key avoids a second session or refund.
//!
//! Injected faults come first, before the key is checked, in the order injected; they are
//! recorded like every call ([`StripeFake::calls`]) and counted ([`StripeFake::injected`]).

mod api;
mod error;
mod faults;
mod params;
mod refunds;
mod sessions;
mod webhooks;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use serde_json::Value;

pub use faults::StripeFault;

use faults::{Conn, FaultListener, FaultQueue};
use params::Params;

pub const SECRET_KEY: &str = "sk_test_schalter";
pub const WEBHOOK_SECRET: &str = "whsec_test_schalter";
pub const API_VERSION: &str = "2024-06-20";

/// A paid Checkout Session's payment.
struct Payment {
    charge: String,
    amount: i64,
    currency: String,
    refunded: i64,
}

/// A successful answer kept for its idempotency key.
struct Kept {
    path: String,
    params: Params,
    body: Value,
}

/// One API call as it arrived.
struct Call {
    path: String,
    idempotency_key: Option<String>,
}

#[derive(Default)]
struct Fake {
    sessions: Vec<Value>,
    refunds: Vec<Value>,
    /// By payment intent id.
    payments: HashMap<String, Payment>,
    idempotency: HashMap<String, Kept>,
    /// Every API call, in order, including those answered with a fault.
    calls: Vec<Call>,
    faults: FaultQueue,
    down: bool,
    webhook: Option<String>,
    /// The last event sent (raw body, `Stripe-Signature`).
    last_sent: Option<(String, String)>,
    clock_offset: i64,
}

impl Fake {
    fn now(&self) -> i64 {
        now_secs() + self.clock_offset
    }

    fn session_mut(&mut self, id: &str) -> Option<&mut Value> {
        self.sessions.iter_mut().find(|s| s["id"] == id)
    }

    fn calls<'a>(&'a self, path_prefix: &'a str) -> impl Iterator<Item = &'a Call> {
        self.calls
            .iter()
            .filter(move |c| c.path.starts_with(path_prefix))
    }
}

/// The fake Stripe. Clones share the same state.
#[derive(Clone)]
pub struct StripeFake {
    state: Arc<Mutex<Fake>>,
    client: reqwest::Client,
    /// Base URL: the bot calls `{url}/v1/…`.
    pub url: String,
    pub secret_key: String,
    pub webhook_secret: String,
}

fn now_secs() -> i64 {
    // The fake's own wall clock, as the real service has one; not the office's clock.
    #[allow(clippy::disallowed_methods)]
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn random_id(prefix: &str, len: usize) -> String {
    use rand::Rng;
    let tail: String = rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(len)
        .map(char::from)
        .collect();
    format!("{prefix}{tail}")
}

impl StripeFake {
    /// Starts the fake on a free loopback port.
    pub async fn start() -> Self {
        let fake = Self {
            state: Arc::new(Mutex::new(Fake::default())),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
            url: String::new(),
            secret_key: SECRET_KEY.to_owned(),
            webhook_secret: WEBHOOK_SECRET.to_owned(),
        };
        let app = Router::new().fallback(api::api).with_state(fake.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind Stripe fake");
        let addr = listener.local_addr().expect("Stripe fake address");
        tokio::spawn(async move {
            let app = app.into_make_service_with_connect_info::<Conn>();
            let _ = axum::serve(FaultListener(listener), app).await;
        });
        Self {
            url: format!("http://{addr}"),
            ..fake
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Fake> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where events go (the bot's `/payments/stripe`).
    pub fn set_webhook(&self, url: &str) {
        self.lock().webhook = Some(url.to_owned());
    }

    /// While down, every API call answers 500 with an `api_error`.
    pub fn set_down(&self, down: bool) {
        self.lock().down = down;
    }

    /// Shifts the fake's clock (`created`, `expires_at` checks, event and signature times) by
    /// `secs` from the wall clock, to match a bot on `SCHALTER_CLOCK_START`.
    pub fn set_clock_offset(&self, secs: i64) {
        self.lock().clock_offset = secs;
    }

    /// Every Checkout Session, in creation order, as it stands now.
    pub fn sessions(&self) -> Vec<Value> {
        self.lock().sessions.clone()
    }

    pub fn session(&self, id: &str) -> Option<Value> {
        self.lock().sessions.iter().find(|s| s["id"] == id).cloned()
    }

    /// Every refund made, in order.
    pub fn refunds(&self) -> Vec<Value> {
        self.lock().refunds.clone()
    }

    /// How many API calls (any method, any answer, including refused and failed ones) hit a
    /// path starting with `path_prefix`, e.g. `/v1/checkout/sessions`.
    pub fn calls(&self, path_prefix: &str) -> usize {
        self.lock().calls(path_prefix).count()
    }

    /// The `Idempotency-Key` header of every call to paths starting with `path_prefix`, in
    /// order, including the calls that got a fault (None where a call had none).
    pub fn idempotency_keys(&self, path_prefix: &str) -> Vec<Option<String>> {
        self.lock()
            .calls(path_prefix)
            .map(|c| c.idempotency_key.clone())
            .collect()
    }
}
