//! Webhook events: the customer pays or a session expires, and the fake signs and sends the
//! event as Stripe does; tests may also replay or forge deliveries.

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::sessions::expire_session;
use super::{API_VERSION, Payment, StripeFake, random_id};

impl StripeFake {
    /// The `Stripe-Signature` header value for `body` signed at unix time `t`.
    pub fn sign(&self, body: &str, t: i64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.webhook_secret.as_bytes())
            .expect("HMAC takes any key length");
        mac.update(format!("{t}.{body}").as_bytes());
        format!("t={t},v1={}", hex(&mac.finalize().into_bytes()))
    }

    /// The customer pays: the session becomes `complete`/`paid` with a new payment intent,
    /// and `checkout.session.completed` is sent. Returns the webhook's HTTP status (0 when it
    /// could not be reached). Panics on an unknown or not open session.
    pub async fn pay(&self, session_id: &str) -> u16 {
        let event = {
            let mut s = self.lock();
            let now = s.now();
            let session = s
                .session_mut(session_id)
                .unwrap_or_else(|| panic!("no Checkout Session {session_id}"));
            assert_eq!(
                session["status"], "open",
                "only an open Checkout Session can be paid"
            );
            let pi = random_id("pi_3", 23);
            session["status"] = json!("complete");
            session["payment_status"] = json!("paid");
            session["payment_intent"] = json!(pi);
            session["url"] = Value::Null;
            session["customer_details"] = json!({"email": null, "name": null, "phone": null,
                "address": null, "tax_exempt": "none", "tax_ids": []});
            let payment = Payment {
                charge: random_id("ch_3", 23),
                amount: session["amount_total"].as_i64().unwrap_or(0),
                currency: session["currency"].as_str().unwrap_or("eur").to_owned(),
                refunded: 0,
            };
            let snapshot = session.clone();
            s.payments.insert(pi, payment);
            event("checkout.session.completed", snapshot, now)
        };
        self.send_event(&event).await
    }

    /// Expires an open session (as `POST …/expire` would) and sends
    /// `checkout.session.expired`. Returns the webhook's HTTP status.
    pub async fn expire_and_notify(&self, session_id: &str) -> u16 {
        let event = {
            let mut s = self.lock();
            let now = s.now();
            let session = match expire_session(&mut s, session_id) {
                Ok(session) => session,
                Err(e) => panic!("cannot expire {session_id}: {}", e.message),
            };
            event("checkout.session.expired", session, now)
        };
        self.send_event(&event).await
    }

    /// Sends the last event again, same body and signature, as Stripe's retries do.
    pub async fn replay_last(&self) -> u16 {
        let (body, signature) = self.lock().last_sent.clone().expect("no event sent yet");
        self.post(body, signature).await
    }

    /// Sends any body with any `Stripe-Signature` (forgeries, old timestamps). It does not
    /// become the "last" event for [`Self::replay_last`].
    pub async fn send_raw(&self, body: &str, signature: &str) -> u16 {
        self.post(body.to_owned(), signature.to_owned()).await
    }

    async fn send_event(&self, event: &Value) -> u16 {
        // Stripe sends pretty-printed JSON: the signature covers these exact bytes.
        let body = serde_json::to_string_pretty(event).expect("event JSON");
        let t = self.lock().now();
        let signature = self.sign(&body, t);
        self.lock().last_sent = Some((body.clone(), signature.clone()));
        self.post(body, signature).await
    }

    async fn post(&self, body: String, signature: String) -> u16 {
        let url = self
            .lock()
            .webhook
            .clone()
            .expect("call set_webhook before sending events");
        self.client
            .post(url)
            .header("content-type", "application/json; charset=utf-8")
            .header(
                "user-agent",
                "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            )
            .header("stripe-signature", signature)
            .body(body)
            .send()
            .await
            .map_or(0, |r| r.status().as_u16())
    }
}

fn event(kind: &str, object: Value, now: i64) -> Value {
    json!({
        "id": random_id("evt_1", 23),
        "object": "event",
        "api_version": API_VERSION,
        "created": now,
        "data": {"object": object},
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": null, "idempotency_key": null},
        "type": kind,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
