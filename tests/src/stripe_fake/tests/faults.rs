//! Injected faults, each as the client sees it: status, body and headers, or no answer at
//! all; served in order, counted, and every call's `Idempotency-Key` recorded.

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{create, receiver, session_form, try_create};
use crate::stripe_fake::{SECRET_KEY, StripeFake, StripeFault};

const SESSIONS: &str = "/v1/checkout/sessions";
const REFUNDS: &str = "/v1/refunds";

fn header<'a>(r: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    r.headers().get(name).and_then(|v| v.to_str().ok())
}

fn keys(keys: &[Option<&str>]) -> Vec<Option<String>> {
    keys.iter().map(|k| k.map(str::to_owned)).collect()
}

/// `POST /v1/refunds` for all that is left of `payment_intent`.
async fn refund(
    fake: &StripeFake,
    payment_intent: &str,
    key: Option<&str>,
) -> reqwest::Result<reqwest::Response> {
    let mut r = reqwest::Client::new()
        .post(format!("{}{REFUNDS}", fake.url))
        .bearer_auth(SECRET_KEY)
        .form(&[("payment_intent", payment_intent)]);
    if let Some(k) = key {
        r = r.header("Idempotency-Key", k);
    }
    r.send().await
}

#[tokio::test]
async fn status_faults_answer_as_stripe_does() {
    let fake = StripeFake::start().await;
    let form = session_form("3700");
    for code in [500, 429, 409, 502, 503, 504, 400] {
        fake.inject(SESSIONS, StripeFault::Status(code), 1);
    }

    let r = create(&fake, &form, Some("k1")).await;
    assert_eq!(r.status(), 500);
    assert_eq!(header(&r, "stripe-should-retry"), Some("true"));
    assert!(header(&r, "request-id").is_some_and(|id| id.starts_with("req_")));
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["error"]["type"], "api_error", "{e}");

    let r = create(&fake, &form, Some("k1")).await;
    assert_eq!(r.status(), 429);
    assert_eq!(header(&r, "stripe-should-retry"), Some("true"));
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["error"]["type"], "invalid_request_error", "{e}");
    assert_eq!(e["error"]["code"], "rate_limit", "{e}");
    let message = e["error"]["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("Too many requests hit the API too quickly"));

    let r = create(&fake, &form, Some("k1")).await;
    assert_eq!(r.status(), 409);
    assert_eq!(header(&r, "stripe-should-retry"), Some("true"));
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["error"]["type"], "idempotency_error", "{e}");
    let message = e["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with(
            "There is currently another in-progress request using this Idempotent Key"
        )
    );
    assert!(message.contains(": k1."), "{message}");
    assert!(message.ends_with("Please try again later."), "{message}");

    for (code, title) in [(502, "502 Bad Gateway"), (503, "503 Service Unavailable")] {
        let r = create(&fake, &form, Some("k1")).await;
        assert_eq!(r.status(), code);
        assert_eq!(header(&r, "stripe-should-retry"), Some("true"));
        assert_eq!(header(&r, "content-type"), Some("text/html"));
        let page = r.text().await.expect("page");
        assert!(page.contains(&format!("<title>{title}</title>")), "{page}");
        assert!(serde_json::from_str::<Value>(&page).is_err(), "not JSON");
    }

    let r = create(&fake, &form, Some("k1")).await;
    assert_eq!(r.status(), 504);
    assert_eq!(header(&r, "stripe-should-retry"), Some("true"));
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["error"]["type"], "api_error", "{e}");

    let r = create(&fake, &form, Some("k1")).await;
    assert_eq!(r.status(), 400);
    assert_eq!(header(&r, "stripe-should-retry"), None);
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["error"]["type"], "invalid_request_error", "{e}");

    // None of them was carried out: the same key now creates the session.
    let r = create(&fake, &form, Some("k1")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "stripe-should-retry"), None);
    assert_eq!(header(&r, "idempotent-replayed"), None);
    assert_eq!(fake.sessions().len(), 1);
    assert_eq!(fake.injected(), 7);
    assert_eq!(fake.calls(SESSIONS), 8);
    assert_eq!(fake.idempotency_keys(SESSIONS), keys(&[Some("k1"); 8]));
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let fake = StripeFake::start().await;
    let form = session_form("3700");
    fake.inject(SESSIONS, StripeFault::Drop, 2);
    for _ in 0..2 {
        let e = try_create(&fake, &form, Some("k-drop"))
            .await
            .expect_err("no answer");
        assert!(!e.is_status(), "{e:?}");
        assert!(e.status().is_none(), "{e:?}");
    }
    assert!(
        fake.sessions().is_empty(),
        "a dropped call is not carried out"
    );

    let r = create(&fake, &form, Some("k-drop")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "idempotent-replayed"), None);
    assert_eq!(fake.sessions().len(), 1);
    assert_eq!(fake.injected(), 2);
    assert_eq!(fake.idempotency_keys(SESSIONS), keys(&[Some("k-drop"); 3]));
}

/// Reads one HTTP/1.1 answer with a `Content-Length` off `socket`.
async fn read_answer(socket: &mut TcpStream) -> String {
    let mut got = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = socket.read(&mut chunk).await.expect("read");
        assert!(n > 0, "closed mid-answer");
        got.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&got).into_owned();
        let Some(end) = text.find("\r\n\r\n") else {
            continue;
        };
        let length: usize = text[..end]
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .expect("Content-Length");
        if got.len() >= end + 4 + length {
            return text;
        }
    }
}

#[tokio::test]
async fn drop_sends_not_a_byte_even_on_a_kept_alive_connection() {
    let fake = StripeFake::start().await;
    let host = fake.url.trim_start_matches("http://").to_owned();
    let mut socket = TcpStream::connect(&host).await.expect("connect");
    let get = format!(
        "GET {SESSIONS}/cs_test_none HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer \
         {SECRET_KEY}\r\n\r\n"
    );
    socket.write_all(get.as_bytes()).await.expect("write");
    let first = read_answer(&mut socket).await;
    assert!(first.starts_with("HTTP/1.1 404"), "{first}");

    fake.inject(SESSIONS, StripeFault::Drop, 1);
    socket.write_all(get.as_bytes()).await.expect("write");
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(10), socket.read_to_end(&mut rest))
        .await
        .expect("the connection is closed, not left hanging");
    // End of stream (or a reset), without a byte of answer.
    assert!(rest.is_empty(), "{}", String::from_utf8_lossy(&rest));
    assert!(matches!(closed, Ok(0) | Err(_)), "{closed:?}");
    assert_eq!(fake.injected(), 1);
    assert_eq!(fake.calls(SESSIONS), 2);
}

#[tokio::test]
async fn drop_after_commit_is_replayed_by_a_retry_with_the_same_key() {
    let fake = StripeFake::start().await;
    let form = session_form("3700");
    fake.inject(SESSIONS, StripeFault::DropAfterCommit, 1);
    let e = try_create(&fake, &form, Some("k-commit"))
        .await
        .expect_err("no answer");
    assert!(!e.is_status(), "{e:?}");
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 1, "the call was carried out");

    let r = create(&fake, &form, Some("k-commit")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "idempotent-replayed"), Some("true"));
    let replayed: Value = r.json().await.expect("json");
    assert_eq!(replayed["id"], sessions[0]["id"]);
    assert_eq!(fake.sessions().len(), 1);

    // The same for a refund.
    let (hook, _) = receiver().await;
    fake.set_webhook(&hook);
    let id = sessions[0]["id"].as_str().expect("id");
    assert_eq!(fake.pay(id).await, 200);
    let pi = fake.session(id).expect("session")["payment_intent"]
        .as_str()
        .expect("paid")
        .to_owned();
    fake.inject(REFUNDS, StripeFault::DropAfterCommit, 1);
    let e = refund(&fake, &pi, Some("r-commit"))
        .await
        .expect_err("no answer");
    assert!(!e.is_status(), "{e:?}");
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1);
    let r = refund(&fake, &pi, Some("r-commit")).await.expect("answer");
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "idempotent-replayed"), Some("true"));
    let replayed: Value = r.json().await.expect("json");
    assert_eq!(replayed["id"], refunds[0]["id"]);
    assert_eq!(fake.refunds().len(), 1);
    assert_eq!(fake.injected(), 2);
    assert_eq!(
        fake.idempotency_keys(REFUNDS),
        keys(&[Some("r-commit"), Some("r-commit")])
    );
}

#[tokio::test]
async fn faults_are_served_in_order_for_their_paths() {
    let fake = StripeFake::start().await;
    let form = session_form("3700");
    fake.inject(SESSIONS, StripeFault::Status(500), 2);
    fake.inject(REFUNDS, StripeFault::Status(429), 1);
    fake.inject(SESSIONS, StripeFault::Drop, 1);
    fake.inject(SESSIONS, StripeFault::Status(503), 0);

    // The refunds' fault does not wait behind the sessions' ones.
    let r = refund(&fake, "pi_none", Some("r1")).await.expect("answer");
    assert_eq!(r.status(), 429);
    let r = refund(&fake, "pi_none", None).await.expect("answer");
    assert_eq!(r.status(), 400, "normal service for refunds");

    assert_eq!(create(&fake, &form, None).await.status(), 500);
    assert_eq!(create(&fake, &form, Some("a")).await.status(), 500);
    let e = try_create(&fake, &form, Some("a"))
        .await
        .expect_err("dropped");
    assert!(!e.is_status(), "{e:?}");
    assert_eq!(create(&fake, &form, Some("a")).await.status(), 200);
    assert_eq!(create(&fake, &form, None).await.status(), 200);

    assert_eq!(fake.injected(), 4);
    assert_eq!(fake.calls("/v1/"), 7);
    assert_eq!(
        fake.idempotency_keys(SESSIONS),
        keys(&[None, Some("a"), Some("a"), Some("a"), None])
    );
    assert_eq!(fake.idempotency_keys(REFUNDS), keys(&[Some("r1"), None]));
    assert_eq!(fake.sessions().len(), 2);
}

#[tokio::test]
#[should_panic(expected = "4xx or 5xx")]
async fn only_error_statuses_can_be_injected() {
    let fake = StripeFake::start().await;
    fake.inject(SESSIONS, StripeFault::Status(200), 1);
}
