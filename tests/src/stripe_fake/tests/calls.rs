//! Checkout Sessions: creation, idempotency, retrieval, expiry and refusals.

use serde_json::{Value, json};

use super::{create, session_form};
use crate::stripe_fake::{SECRET_KEY, StripeFake};

#[tokio::test]
async fn create_with_idempotency() {
    let fake = StripeFake::start().await;
    let form = session_form("3700");
    let first = create(&fake, &form, Some("k1")).await;
    let status = first.status();
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.expect("json");
    assert_eq!(status, 200, "{first}");
    assert!(first["id"].as_str().unwrap().starts_with("cs_test_"));
    assert_eq!(first["object"], "checkout.session");
    assert_eq!(first["amount_total"], 3700 + 2 * 250);
    assert_eq!(first["currency"], "eur");
    assert_eq!(first["status"], "open");
    assert_eq!(first["payment_status"], "unpaid");
    assert_eq!(first["payment_intent"], Value::Null);
    assert_eq!(first["client_reference_id"], "pay-42");
    assert_eq!(
        first["metadata"],
        json!({"payment_id": "42", "note": "a & b = c"})
    );
    assert_eq!(first["locale"], "de");
    assert_eq!(first["livemode"], false);
    assert_eq!(
        first["url"],
        format!(
            "https://checkout.stripe.com/c/pay/{}",
            first["id"].as_str().unwrap()
        )
    );

    let again = create(&fake, &form, Some("k1")).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.expect("json");
    assert_eq!(again["id"], first["id"]);

    let other = create(&fake, &session_form("3800"), Some("k1")).await;
    assert_eq!(other.status(), 400);
    let other: Value = other.json().await.expect("json");
    assert_eq!(other["error"]["type"], "idempotency_error");

    let fresh = create(&fake, &form, Some("k2")).await;
    let fresh: Value = fresh.json().await.expect("json");
    assert_ne!(fresh["id"], first["id"]);
    assert_eq!(fake.sessions().len(), 2);
    assert_eq!(fake.calls("/v1/checkout/sessions"), 4);

    let id = first["id"].as_str().unwrap();
    let got: Value = reqwest::Client::new()
        .get(format!("{}/v1/checkout/sessions/{id}", fake.url))
        .bearer_auth(SECRET_KEY)
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(got, first);
    let missing = reqwest::Client::new()
        .get(format!("{}/v1/checkout/sessions/cs_test_nope", fake.url))
        .bearer_auth(SECRET_KEY)
        .send()
        .await
        .expect("get");
    assert_eq!(missing.status(), 404);
    let missing: Value = missing.json().await.expect("json");
    assert_eq!(missing["error"]["code"], "resource_missing");

    let expire = |id: String| {
        let url = fake.url.clone();
        async move {
            reqwest::Client::new()
                .post(format!("{url}/v1/checkout/sessions/{id}/expire"))
                .bearer_auth(SECRET_KEY)
                .send()
                .await
                .expect("expire")
        }
    };
    let expired = expire(id.to_owned()).await;
    assert_eq!(expired.status(), 200);
    assert_eq!(
        expired.json::<Value>().await.expect("json")["status"],
        "expired"
    );
    assert_eq!(expire(id.to_owned()).await.status(), 400);
    assert_eq!(fake.session(id).expect("kept")["status"], "expired");
}

#[tokio::test]
async fn refusals() {
    let fake = StripeFake::start().await;
    let client = reqwest::Client::new();
    let url = format!("{}/v1/checkout/sessions", fake.url);
    let form = session_form("3700");

    let none = client.post(&url).form(&form).send().await.expect("send");
    assert_eq!(none.status(), 401);
    let wrong = client
        .post(&url)
        .bearer_auth("sk_test_other")
        .form(&form)
        .send()
        .await
        .expect("send");
    assert_eq!(wrong.status(), 401);
    let wrong: Value = wrong.json().await.expect("json");
    assert_eq!(wrong["error"]["type"], "invalid_request_error");
    assert!(
        wrong["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Invalid API Key provided")
    );
    let basic = client
        .post(&url)
        .basic_auth(SECRET_KEY, None::<&str>)
        .form(&form)
        .send()
        .await
        .expect("send");
    assert_eq!(basic.status(), 200);

    let json_body = client
        .post(&url)
        .bearer_auth(SECRET_KEY)
        .json(&json!({"mode": "payment"}))
        .send()
        .await
        .expect("send");
    assert_eq!(json_body.status(), 400);

    let cases: Vec<(&str, Option<&str>, &str)> = vec![
        ("success_url", None, "success_url"),
        (
            "line_items[0][price_data][currency]",
            Some("euro"),
            "line_items[0][price_data][currency]",
        ),
        (
            "line_items[0][price_data][unit_amount]",
            Some("0"),
            "line_items[0][price_data][unit_amount]",
        ),
        (
            "line_items[0][price_data][unit_amount]",
            Some("12.5"),
            "line_items[0][price_data][unit_amount]",
        ),
        ("mode", Some("subscription"), "mode"),
        ("locale", Some("uk"), "locale"),
        ("expires_at", Some("1"), "expires_at"),
        ("customer_emial", Some("x@example.org"), "customer_emial"),
    ];
    for (key, value, param) in cases {
        let mut form = session_form("3700");
        form.retain(|(k, _)| k != key);
        if let Some(v) = value {
            form.push((key.to_owned(), v.to_owned()));
        }
        let r = create(&fake, &form, None).await;
        assert_eq!(r.status(), 400, "{key}={value:?}");
        let e: Value = r.json().await.expect("json");
        assert_eq!(e["error"]["type"], "invalid_request_error", "{e}");
        assert_eq!(e["error"]["param"], param, "{e}");
    }
    let no_items: Vec<(String, String)> = session_form("3700")
        .into_iter()
        .filter(|(k, _)| !k.starts_with("line_items"))
        .collect();
    assert_eq!(create(&fake, &no_items, None).await.status(), 400);

    fake.set_down(true);
    let down = create(&fake, &form, None).await;
    assert_eq!(down.status(), 500);
    assert_eq!(
        down.json::<Value>().await.expect("json")["error"]["type"],
        "api_error"
    );
    fake.set_down(false);
    assert_eq!(create(&fake, &form, None).await.status(), 200);
    assert_eq!(fake.sessions().len(), 2);
}
