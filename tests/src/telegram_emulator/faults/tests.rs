//! Each fault form, seen over HTTP as a Bot API client sees it.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::TgFault;
use crate::telegram_emulator::{Emulator, Event, TOKEN, TgUser};

/// An emulator that knows the private chats of `ids` (each user wrote once).
async fn emulator_with(ids: &[i64]) -> Emulator {
    let emu = Emulator::start().await;
    for &id in ids {
        emu.send_text(&TgUser::new(id, "Ada", Some("de")), "Hallo");
    }
    emu
}

async fn call(emu: &Emulator, method: &str, params: Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}/bot{TOKEN}/{method}", emu.url))
        .json(&params)
        .send()
        .await
        .expect("the emulator answers")
}

async fn send(emu: &Emulator, chat_id: i64) -> reqwest::Response {
    call(
        emu,
        "sendMessage",
        json!({"chat_id": chat_id, "text": "Ihr Termin"}),
    )
    .await
}

fn content_type(r: &reqwest::Response) -> String {
    r.headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn json_fault_is_telegrams_error_body() {
    let emu = emulator_with(&[1]).await;
    emu.inject("sendMessage", TgFault::json(502, "Bad Gateway"), 1);
    emu.inject(
        "sendMessage",
        TgFault::json(429, "Too Many Requests: retry after 2"),
        1,
    );

    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert!(content_type(&r).starts_with("application/json"));
    let body: Value = r.json().await.expect("a JSON body");
    assert_eq!(
        body,
        json!({"ok": false, "error_code": 502, "description": "Bad Gateway"})
    );

    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = r.json().await.expect("a JSON body");
    assert_eq!(body["description"], "Too Many Requests: retry after 2");
    assert!(body.get("parameters").is_none(), "no parameters: {body}");
    assert_eq!(emu.sent_count(1), 0, "nothing was sent");
}

#[tokio::test]
async fn html_fault_is_nginx_page() {
    let emu = emulator_with(&[1]).await;
    emu.inject("sendMessage", TgFault::Html(503), 1);

    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(content_type(&r), "text/html");
    let page = r.text().await.expect("a body");
    assert!(
        page.contains("<title>503 Service Temporarily Unavailable</title>"),
        "{page}"
    );
    assert!(page.contains("nginx"), "{page}");
    assert!(serde_json::from_str::<Value>(&page).is_err(), "not JSON");
}

#[tokio::test]
async fn retry_after_fault_carries_parameters() {
    let emu = emulator_with(&[1]).await;
    emu.inject("sendmessage", TgFault::RetryAfter(7), 1);

    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = r.json().await.expect("a JSON body");
    assert_eq!(
        body,
        json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7",
               "parameters": {"retry_after": 7}})
    );
}

#[tokio::test]
async fn cut_after_headers_breaks_the_body() {
    let emu = emulator_with(&[1]).await;
    emu.inject("sendMessage", TgFault::CutAfterHeaders, 1);

    let mut r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::OK, "the status line went out");
    let announced = r.content_length().expect("a Content-Length");
    let mut received = 0;
    let error = loop {
        match r.chunk().await {
            Ok(Some(chunk)) => received += chunk.len() as u64,
            Ok(None) => panic!("the whole body of {received} bytes arrived"),
            Err(e) => break e,
        }
    };
    assert!(error.is_body() || error.is_decode(), "{error:?}");
    assert!(
        0 < received && received < announced,
        "{received} of {announced} bytes"
    );
    assert_eq!(emu.sent_count(1), 0, "nothing was sent");

    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.expect("JSON")["ok"], true);
    assert_eq!(emu.sent_count(1), 1);
}

#[tokio::test]
async fn no_response_holds_only_its_own_call() {
    let emu = emulator_with(&[1]).await;
    emu.inject("sendMessage", TgFault::NoResponse, 1);

    let held = tokio::spawn({
        let emu = emu.clone();
        async move { tokio::time::timeout(Duration::from_secs(1), send(&emu, 1)).await }
    });
    // Wait until the held call took its fault, then check that others go on meanwhile.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while emu.injected() == 0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the call never came"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let me = tokio::time::timeout(Duration::from_millis(500), call(&emu, "getMe", json!({})))
        .await
        .expect("getMe answers while a call is held");
    assert_eq!(me.status(), StatusCode::OK);
    let other = tokio::time::timeout(Duration::from_millis(500), send(&emu, 1))
        .await
        .expect("sendMessage answers while a call is held");
    assert_eq!(other.status(), StatusCode::OK);

    let held = held.await.expect("the held call's task");
    assert!(held.is_err(), "no answer within 1 s");
    assert_eq!(emu.sent_count(1), 1, "only the second call sent");
    assert_eq!(emu.faults_left(), 0);
}

#[tokio::test]
async fn faults_are_served_in_order_and_counted() {
    let emu = emulator_with(&[1]).await;
    emu.inject(
        "sendMessage",
        TgFault::json(500, "Internal Server Error"),
        1,
    );
    emu.inject("SENDMESSAGE", TgFault::Html(502), 2);
    emu.inject("SendMessage", TgFault::RetryAfter(1), 1);
    emu.inject("sendMessage", TgFault::Html(504), 0);
    assert_eq!(emu.faults_left(), 4);

    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(send(&emu, 1).await.status().as_u16());
    }
    assert_eq!(statuses, [500, 502, 502, 429, 200]);
    assert_eq!(emu.injected(), 4);
    assert_eq!(emu.faults_left(), 0);
    assert_eq!(emu.sent_count(1), 1);
    let rejected: Vec<String> = emu
        .events()
        .into_iter()
        .filter_map(|e| match e {
            Event::Rejected(method, _) => Some(method),
            _ => None,
        })
        .collect();
    assert_eq!(rejected, ["sendmessage"; 4]);
}

#[tokio::test]
async fn chat_faults_hit_only_their_chat() {
    let emu = emulator_with(&[1, 2]).await;
    emu.inject_for_chat(
        1,
        "sendMessage",
        TgFault::forbidden("bot was kicked from the group chat"),
        1,
    );
    emu.inject_for_chat(2, "editMessageText", TgFault::bad_request("new reason"), 1);

    assert_eq!(send(&emu, 2).await.status(), StatusCode::OK);
    assert_eq!(emu.faults_left(), 2, "the other chat's faults wait");
    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let body: Value = r.json().await.expect("a JSON body");
    assert_eq!(body["error_code"], 403);
    assert_eq!(
        body["description"],
        "Forbidden: bot was kicked from the group chat"
    );
    assert_eq!(send(&emu, 1).await.status(), StatusCode::OK);
    assert_eq!(emu.injected(), 1);
    assert_eq!(emu.faults_left(), 1);
    assert_eq!(emu.sent_count(1), 1);
    assert_eq!(emu.sent_count(2), 1);
}

#[tokio::test]
async fn star_spares_get_updates() {
    let emu = emulator_with(&[1]).await;
    emu.inject("*", TgFault::json(500, "Internal Server Error"), 1);

    let updates = call(&emu, "getUpdates", json!({"timeout": 0})).await;
    assert_eq!(updates.status(), StatusCode::OK);
    assert_eq!(emu.faults_left(), 1);
    assert_eq!(
        call(&emu, "getMe", json!({})).await.status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );

    emu.inject("getUpdates", TgFault::Html(502), 1);
    let updates = call(&emu, "getUpdates", json!({"timeout": 0})).await;
    assert_eq!(
        updates.status(),
        StatusCode::BAD_GATEWAY,
        "named, it is hit"
    );
    assert_eq!(emu.injected(), 2);
}

#[tokio::test]
async fn older_helpers_answer_as_before() {
    let emu = emulator_with(&[1, 2]).await;
    emu.fail_next_sends(1);
    emu.throttle_next_for(1, 6);
    emu.block(2);

    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(content_type(&r), "text/html");
    assert_eq!(
        r.text().await.expect("a body"),
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
         <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n\
         </body>\r\n</html>\r\n"
    );
    let r = send(&emu, 1).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = r.json().await.expect("a JSON body");
    assert_eq!(body["parameters"]["retry_after"], 6);
    let r = send(&emu, 2).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(send(&emu, 1).await.status(), StatusCode::OK);

    assert_eq!(emu.bad_gateways(), 1);
    assert_eq!(emu.throttled_at().len(), 1);
    assert_eq!(emu.refused_calls(2), 1);
    assert_eq!(
        emu.injected(),
        0,
        "the older helpers are no injected faults"
    );
}
