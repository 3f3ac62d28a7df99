//! What the database, the admin API and `/metrics` hold about a payment.

use std::time::{Duration, Instant};

use schalter_core::store::{Payment, PaymentState};
use schalter_tests::{Serve, TestDb};
use serde_json::Value;

use crate::ADMIN_TOKEN;

pub(crate) async fn payment(db: &TestDb, reference: &str) -> Payment {
    db.store
        .payments()
        .payment_by_reference(reference)
        .await
        .expect("read payment")
        .unwrap_or_else(|| panic!("no payment {reference}"))
}

/// How often a receipt for `payment` was written to the outbox: (rows, version of the row).
/// A second recording would bump the version, so `(1, 1)` means written once.
pub(crate) async fn receipt_rows(db: &TestDb, p: &Payment) -> (i64, i64) {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT version FROM notifications WHERE conversation_id = $1 AND slot = $2",
    )
    .bind(schalter_tests::stored(&p.conversation_id))
    .bind(format!("receipt:{}", p.id))
    .fetch_all(db.store.pool())
    .await
    .expect("read outbox");
    (
        i64::try_from(rows.len()).expect("few rows"),
        rows.first().map_or(0, |r| r.0),
    )
}

/// Waits until the payment is in `state` (10 s at most).
pub(crate) async fn wait_state(db: &TestDb, reference: &str, state: PaymentState) -> Payment {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let p = payment(db, reference).await;
        if p.state == state {
            return p;
        }
        assert!(
            Instant::now() < deadline,
            "payment {reference} not {state:?} within 10 s: {p:#?}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// `GET /admin/api/payments?state=STATE` (with the admin token): exactly one payment, this
/// one, of `cents`, with `net` paid minus refunded in the day's sums.
pub(crate) async fn admin_lists_one(
    serve: &Serve,
    state: &str,
    reference: &str,
    cents: i64,
    net: i64,
    provider: &str,
) {
    let client = reqwest::Client::new();
    let url = format!("{}/admin/api/payments?state={state}", serve.http);
    let unauthorized = client.get(&url).send().await.expect("admin API");
    assert_eq!(
        unauthorized.status(),
        401,
        "the payments list needs the token"
    );
    let r = client
        .get(&url)
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .expect("admin API");
    let status = r.status();
    let body = r.text().await.expect("admin API body");
    assert_eq!(status, 200, "GET /admin/api/payments?state={state}: {body}");
    let list: Value = serde_json::from_str(&body).expect("JSON");
    let payments = list["payments"].as_array().expect("payments array");
    assert_eq!(payments.len(), 1, "{list:#}");
    assert_eq!(payments[0]["reference"], reference, "{list:#}");
    assert_eq!(payments[0]["amount_cents"], cents, "{list:#}");
    assert_eq!(payments[0]["state"], state, "{list:#}");
    assert_eq!(payments[0]["provider"], provider, "{list:#}");
    assert_eq!(list["sums"][0]["paid_cents"], net, "{list:#}");
    assert!(
        !body.contains("telegram:") && !body.contains("terminal:"),
        "no conversation ids in the admin list: {body}"
    );
}

/// Checks that `/metrics` counts one payment in `state` with `cents`; `Err` says why not
/// (so that a test can check everything else first).
pub(crate) async fn metrics_count_one(
    serve: &Serve,
    state: &str,
    cents: i64,
) -> Result<(), String> {
    let r = reqwest::Client::new()
        .get(format!("{}/metrics", serve.http))
        .send()
        .await
        .expect("metrics");
    let status = r.status();
    let metrics = r.text().await.expect("metrics body");
    if status != 200 {
        return Err(format!("GET /metrics answered {status}: {metrics}"));
    }
    for line in [
        format!("schalter_payments_total{{state=\"{state}\"}} 1\n"),
        format!("schalter_payments_amount_cents{{state=\"{state}\"}} {cents}\n"),
    ] {
        if !metrics.contains(&line) {
            return Err(format!("/metrics lacks {line:?}:\n{metrics}"));
        }
    }
    Ok(())
}
