//! Payments and refunds, with signed webhook events.

use serde_json::Value;

use super::{create, receiver, session_form, verify};
use crate::stripe_fake::{API_VERSION, SECRET_KEY, StripeFake, WEBHOOK_SECRET, now_secs};

#[tokio::test]
async fn pay_refund_and_signatures() {
    let fake = StripeFake::start().await;
    let (hook, got) = receiver().await;
    fake.set_webhook(&hook);
    let session: Value = create(&fake, &session_form("500"), None)
        .await
        .json()
        .await
        .expect("json");
    let id = session["id"].as_str().unwrap();
    assert_eq!(fake.pay(id).await, 200);

    let (sig, body) = got.lock().unwrap()[0].clone();
    let t = verify(&sig, &body, WEBHOOK_SECRET);
    assert!((t - now_secs()).abs() < 5);
    let event: Value = serde_json::from_str(&body).expect("event JSON");
    assert!(event["id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(event["type"], "checkout.session.completed");
    assert_eq!(event["api_version"], API_VERSION);
    let paid = &event["data"]["object"];
    assert_eq!(paid["id"], id);
    assert_eq!(paid["status"], "complete");
    assert_eq!(paid["payment_status"], "paid");
    let pi = paid["payment_intent"].as_str().unwrap().to_owned();
    assert!(pi.starts_with("pi_"));
    assert_eq!(fake.session(id).unwrap()["payment_intent"], pi.as_str());

    assert_eq!(fake.replay_last().await, 200);
    assert_eq!(got.lock().unwrap()[1], (sig.clone(), body.clone()));
    let old = fake.sign(&body, t - 3600);
    assert_eq!(verify(&old, &body, WEBHOOK_SECRET), t - 3600);
    assert_eq!(fake.send_raw(&body, "t=1,v1=00").await, 200);
    assert_eq!(got.lock().unwrap()[2].0, "t=1,v1=00");

    let refund = |amount: Option<i64>| {
        let url = format!("{}/v1/refunds", fake.url);
        let pi = pi.clone();
        async move {
            let mut form = vec![("payment_intent".to_owned(), pi)];
            if let Some(a) = amount {
                form.push(("amount".to_owned(), a.to_string()));
            }
            let r = reqwest::Client::new()
                .post(url)
                .bearer_auth(SECRET_KEY)
                .form(&form)
                .send()
                .await
                .expect("refund");
            (r.status().as_u16(), r.json::<Value>().await.expect("json"))
        }
    };
    // 500 + 2 × 250 = 1000 paid.
    let (status, first) = refund(Some(600)).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["object"], "refund");
    assert_eq!(first["amount"], 600);
    assert_eq!(first["status"], "succeeded");
    assert_eq!(first["payment_intent"], pi.as_str());
    let (status, over) = refund(Some(500)).await;
    assert_eq!(status, 400);
    assert_eq!(over["error"]["code"], "amount_too_large");
    assert_eq!(
        over["error"]["message"],
        "Refund amount (€5.00) is greater than unrefunded amount on charge (€4.00)"
    );
    let (status, rest) = refund(None).await;
    assert_eq!(status, 200);
    assert_eq!(rest["amount"], 400);
    let (status, done) = refund(None).await;
    assert_eq!(status, 400);
    assert_eq!(done["error"]["code"], "charge_already_refunded");
    assert_eq!(fake.refunds().len(), 2);
    assert_eq!(fake.calls("/v1/refunds"), 4);

    let second: Value = create(&fake, &session_form("500"), None)
        .await
        .json()
        .await
        .expect("json");
    let second = second["id"].as_str().unwrap();
    assert_eq!(fake.expire_and_notify(second).await, 200);
    let (sig, body) = got.lock().unwrap()[3].clone();
    verify(&sig, &body, WEBHOOK_SECRET);
    let event: Value = serde_json::from_str(&body).expect("event JSON");
    assert_eq!(event["type"], "checkout.session.expired");
    assert_eq!(event["data"]["object"]["status"], "expired");
}
