//! The proxy's unit tests: against a small stand-in homeserver, and a Matrix client against
//! Synapse through it.

mod support;

use std::time::{Duration, Instant};

use axum::http::header;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::media::{MediaFormat, MediaRequestParameters};
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{FaultProxy, HttpFault};
use crate::synapse::Synapse;
use support::{PASSWORD, http, limit_exceeded, register_through, sha256, slow_upstream, upstream};

#[tokio::test]
async fn forwards_a_get_with_query_and_headers() {
    let proxy = FaultProxy::start(&upstream().await).await;
    let response = http()
        .get(format!(
            "{}/_matrix/client/v3/sync?timeout=0&since=s1_2",
            proxy.url
        ))
        .bearer_auth("syt_secret")
        .send()
        .await
        .expect("GET through the proxy");
    assert_eq!(response.status(), 200);
    let seen: Value = response.json().await.expect("JSON");
    assert_eq!(seen["method"], "GET");
    assert_eq!(seen["path"], "/_matrix/client/v3/sync");
    assert_eq!(seen["query"], "timeout=0&since=s1_2");
    assert_eq!(seen["authorization"], "Bearer syt_secret");
    assert_eq!(seen["connection"], "close");
    assert_eq!(proxy.forwarded("/sync"), 1);
    assert_eq!(proxy.forwarded(""), 1);
    assert_eq!(proxy.injected(), 0);
}

#[tokio::test]
async fn forwards_a_put_with_a_json_body() {
    let proxy = FaultProxy::start(&upstream().await).await;
    let body = json!({ "msgtype": "m.text", "body": "Grüß Gott" }).to_string();
    let response = http()
        .put(format!(
            "{}/_matrix/client/v3/rooms/%21r%3Alocalhost/send/m.room.message/txn1",
            proxy.url
        ))
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.clone())
        .send()
        .await
        .expect("PUT through the proxy");
    let seen: Value = response.json().await.expect("JSON");
    assert_eq!(seen["method"], "PUT");
    assert_eq!(
        seen["path"],
        "/_matrix/client/v3/rooms/%21r%3Alocalhost/send/m.room.message/txn1"
    );
    assert_eq!(seen["content_type"], "application/json");
    assert_eq!(seen["body_sha256"], sha256(body.as_bytes()));
    assert_eq!(proxy.forwarded("/send/m.room.message"), 1);
}

#[tokio::test]
async fn forwards_large_bodies_both_ways() {
    let proxy = FaultProxy::start(&upstream().await).await;
    let upload: Vec<u8> = (0..300 * 1024).map(|_| rand::random::<u8>()).collect();
    let response = http()
        .post(format!(
            "{}/_matrix/media/v3/upload?filename=a.png",
            proxy.url
        ))
        .header(header::CONTENT_TYPE, "image/png")
        .body(upload.clone())
        .send()
        .await
        .expect("upload through the proxy");
    let seen: Value = response.json().await.expect("JSON");
    assert_eq!(seen["content_type"], "image/png");
    assert_eq!(seen["body_len"], upload.len());
    assert_eq!(seen["body_sha256"], sha256(&upload));

    let events: Vec<Value> = (0..5000)
        .map(|i| json!({ "type": "m.room.message", "content": { "body": format!("{i}") } }))
        .collect();
    let big = json!({ "chunk": events });
    let echoed: Value = http()
        .post(format!("{}/mirror", proxy.url))
        .json(&big)
        .send()
        .await
        .expect("JSON through the proxy")
        .json()
        .await
        .expect("JSON back");
    assert_eq!(echoed, big);
    assert_eq!(proxy.forwarded("/upload"), 1);
    assert_eq!(proxy.forwarded("/mirror"), 1);
}

#[tokio::test]
async fn names_itself_as_the_homeserver_in_login_responses() {
    let proxy = FaultProxy::start(&upstream().await).await;
    let login: Value = http()
        .post(format!("{}/_matrix/client/v3/login", proxy.url))
        .json(&json!({ "type": "m.login.password" }))
        .send()
        .await
        .expect("login through the proxy")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        login,
        json!({
            "user_id": "@alice:localhost",
            "access_token": "syt_secret",
            "well_known": { "m.homeserver": { "base_url": format!("{}/", proxy.url) } },
        })
    );
}

#[tokio::test]
async fn streams_a_slow_response_completely() {
    const CHUNKS: &[&str] = &["eins ", "zwei ", "drei ", "vier ", "fünf"];
    let upstream = slow_upstream(CHUNKS, Duration::from_millis(300)).await;
    let proxy = FaultProxy::start(&upstream).await;
    let started = Instant::now();
    let mut response = http()
        .get(format!(
            "{}/_matrix/client/v3/sync?timeout=30000",
            proxy.url
        ))
        .send()
        .await
        .expect("GET through the proxy");
    let mut body = Vec::new();
    let mut first = None;
    while let Some(chunk) = response.chunk().await.expect("body chunk") {
        first.get_or_insert_with(|| started.elapsed());
        body.extend_from_slice(&chunk);
    }
    let total = started.elapsed();
    assert_eq!(String::from_utf8(body).expect("UTF-8"), CHUNKS.concat());
    assert!(total >= Duration::from_millis(1400), "took only {total:?}");
    // Relayed as it comes, and ended by its framing, not by the upstream closing.
    assert!(
        first.expect("a chunk") < Duration::from_millis(1000),
        "first chunk at {first:?}"
    );
    assert!(total < Duration::from_secs(5), "took {total:?}");
}

#[tokio::test]
async fn answers_with_an_html_error_page() {
    let proxy = FaultProxy::start(&upstream().await).await;
    proxy.inject("", HttpFault::Html(502), 1);
    let client = http();
    let failed = client
        .get(format!("{}/_matrix/client/versions", proxy.url))
        .send()
        .await
        .expect("an answer");
    assert_eq!(failed.status(), 502);
    let content_type = failed.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(failed.text().await.unwrap().contains("502 Bad Gateway"));
    let passed = client
        .get(format!("{}/_matrix/client/versions", proxy.url))
        .send()
        .await
        .expect("an answer");
    assert_eq!(passed.status(), 200);
    assert_eq!((proxy.injected(), proxy.forwarded("")), (1, 1));
}

#[tokio::test]
async fn answers_with_matrix_errors() {
    let proxy = FaultProxy::start(&upstream().await).await;
    proxy.inject("", limit_exceeded(Some(1500)), 1);
    proxy.inject(
        "",
        HttpFault::Matrix {
            status: 500,
            errcode: "M_UNKNOWN".into(),
            error: "Internal server error".into(),
            retry_after_ms: None,
        },
        1,
    );
    let client = http();
    let url = format!("{}/_matrix/client/v3/account/whoami", proxy.url);

    let limited = client.get(&url).send().await.expect("an answer");
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.headers()[header::RETRY_AFTER], "2");
    assert_eq!(limited.headers()[header::CONTENT_TYPE], "application/json");
    let body: Value = limited.json().await.expect("JSON");
    assert_eq!(
        body,
        json!({ "errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests", "retry_after_ms": 1500 })
    );

    let unknown = client.get(&url).send().await.expect("an answer");
    assert_eq!(unknown.status(), 500);
    assert!(unknown.headers().get(header::RETRY_AFTER).is_none());
    let body: Value = unknown.json().await.expect("JSON");
    assert_eq!(
        body,
        json!({ "errcode": "M_UNKNOWN", "error": "Internal server error" })
    );
    assert_eq!((proxy.injected(), proxy.forwarded("")), (2, 0));
}

#[tokio::test]
async fn resets_without_an_answer() {
    let proxy = FaultProxy::start(&upstream().await).await;
    proxy.inject("/send/", HttpFault::Reset, 2);
    let client = http();
    let url = format!(
        "{}/_matrix/client/v3/rooms/r/send/m.room.message/t1",
        proxy.url
    );
    let get = client.get(&url).send().await.expect_err("no answer");
    let put = client
        .put(&url)
        .json(&json!({ "body": "x".repeat(200_000) }))
        .send()
        .await
        .expect_err("no answer");
    for err in [get, put] {
        assert!(err.status().is_none(), "{err:?}");
        assert!(!err.is_timeout(), "{err:?}");
    }
    assert_eq!((proxy.injected(), proxy.forwarded("")), (2, 0));
    let after = client.get(&url).send().await.expect("forwarded again");
    assert_eq!(after.status(), 200);
}

#[tokio::test]
async fn serves_faults_in_order_and_counts_them() {
    let proxy = FaultProxy::start(&upstream().await).await;
    proxy.inject("/send/", HttpFault::Html(502), 1);
    proxy.inject("/send/", limit_exceeded(Some(100)), 2);
    proxy.inject("/send/", HttpFault::Html(504), 1);
    let client = http();
    let url = format!(
        "{}/_matrix/client/v3/rooms/r/send/m.room.message/t1",
        proxy.url
    );
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let response = client
            .put(&url)
            .json(&json!({}))
            .send()
            .await
            .expect("an answer");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [502, 429, 429, 504, 200]);
    assert_eq!(proxy.injected(), 4);
    assert_eq!(proxy.forwarded("/send/"), 1);
}

#[tokio::test]
async fn faults_only_requests_on_matching_paths() {
    let proxy = FaultProxy::start(&upstream().await).await;
    // Matched against the path, not the query.
    proxy.inject("since", HttpFault::Html(503), 1);
    proxy.inject("/sync", HttpFault::Html(504), 1);
    let client = http();
    let whoami = client
        .get(format!("{}/_matrix/client/v3/account/whoami", proxy.url))
        .send()
        .await
        .expect("an answer");
    assert_eq!(whoami.status(), 200);
    let sync_url = format!("{}/_matrix/client/v3/sync?since=s1", proxy.url);
    let first = client.get(&sync_url).send().await.expect("an answer");
    assert_eq!(first.status(), 504);
    let second = client.get(&sync_url).send().await.expect("an answer");
    assert_eq!(second.status(), 200);
    assert_eq!(proxy.injected(), 1);
    assert_eq!(proxy.forwarded("/sync"), 1);
    assert_eq!(proxy.forwarded("/whoami"), 1);
    assert_eq!(proxy.forwarded("/nothing"), 0);
}

#[tokio::test]
async fn down_closes_connections_until_back_up() {
    let proxy = FaultProxy::start(&upstream().await).await;
    let client = http();
    let in_flight = tokio::spawn({
        let request = client.get(format!("{}/wait", proxy.url));
        async move {
            let started = Instant::now();
            (request.send().await, started.elapsed())
        }
    });
    while proxy.forwarded("/wait") == 0 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    proxy.set_down(true);
    let (cut, after) = in_flight.await.expect("request task");
    let cut = cut.expect_err("cut off by going down");
    assert!(cut.status().is_none(), "{cut:?}");
    assert!(after < Duration::from_secs(2), "cut only after {after:?}");

    let url = format!("{}/_matrix/client/versions", proxy.url);
    let refused = client.get(&url).send().await.expect_err("down");
    assert!(
        refused.status().is_none() && !refused.is_timeout(),
        "{refused:?}"
    );

    proxy.set_down(false);
    let back = client.get(&url).send().await.expect("up again");
    assert_eq!(back.status(), 200);
    assert_eq!(proxy.injected(), 0);
    assert_eq!(proxy.forwarded("/wait"), 1);
    assert_eq!(proxy.forwarded("/versions"), 1);
}

#[tokio::test]
async fn a_pipelined_request_does_not_pass_unchecked() {
    let proxy = FaultProxy::start(&upstream().await).await;
    let mut raw = TcpStream::connect(proxy.url.trim_start_matches("http://"))
        .await
        .expect("connect");
    // A chunked body, then a second request on the same connection.
    raw.write_all(
        b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\
          5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n\
          GET /second HTTP/1.1\r\nHost: x\r\n\r\n",
    )
    .await
    .expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), raw.read_to_end(&mut answer))
        .await
        .expect("the proxy closes")
        .expect("read");
    let answer = String::from_utf8(answer).expect("UTF-8");
    assert_eq!(answer.matches("HTTP/1.1 ").count(), 1, "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "{answer}"
    );
    let body: Value =
        serde_json::from_str(answer.split("\r\n\r\n").nth(1).expect("body")).expect("JSON");
    assert_eq!(body["body_sha256"], sha256(b"hello world"));
    assert_eq!(proxy.forwarded("/echo"), 1);
    assert_eq!(proxy.forwarded("/second"), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn carries_a_matrix_client_to_synapse() {
    let synapse = Synapse::start().await;
    let proxy = FaultProxy::start(&synapse.url).await;
    register_through(&synapse, &proxy.url, "alice").await;
    assert!(
        proxy.forwarded("/_synapse/admin/v1/register") >= 2,
        "nonce and register"
    );

    let client = matrix_sdk::Client::builder()
        .homeserver_url(&proxy.url)
        .build()
        .await
        .expect("client");
    client
        .matrix_auth()
        .login_username("alice", PASSWORD)
        .await
        .expect("login through the proxy");
    let room = client
        .create_room(CreateRoom::new())
        .await
        .expect("create a room");
    room.send(RoomMessageEventContent::text_plain("eins"))
        .await
        .expect("send through the proxy");
    // Still through the proxy after login, although Synapse advertised its own address.
    assert!(
        client.homeserver().as_str().starts_with(&proxy.url),
        "{} {}",
        client.homeserver(),
        proxy.url
    );
    assert_eq!(proxy.forwarded("/send/"), 1);

    // Media of a few hundred KB up and down, and a sync that waits on the homeserver.
    let image: Vec<u8> = (0..300 * 1024).map(|_| rand::random::<u8>()).collect();
    let png = "image/png".parse().expect("MIME type");
    let uploaded = client
        .media()
        .upload(&png, image.clone(), None)
        .await
        .expect("upload through the proxy");
    let request = MediaRequestParameters {
        source: MediaSource::Plain(uploaded.content_uri),
        format: MediaFormat::File,
    };
    let downloaded = client
        .media()
        .get_media_content(&request, false)
        .await
        .expect("download through the proxy");
    assert!(downloaded == image, "the image came back changed");
    assert_eq!(proxy.forwarded("/upload"), 1);
    let settings = SyncSettings::default().timeout(Duration::from_secs(2));
    let first = client.sync_once(settings.clone()).await.expect("sync");
    let waited = Instant::now();
    client
        .sync_once(settings.token(first.next_batch))
        .await
        .expect("long-polling sync");
    assert!(
        waited.elapsed() >= Duration::from_millis(1500),
        "{:?}",
        waited.elapsed()
    );
    assert_eq!(proxy.forwarded("/sync"), 2);

    // A plain client sees the 502 page; the retry with the same transaction id goes through.
    let token = client.access_token().expect("token");
    let mut send_url = reqwest::Url::parse(&proxy.url).expect("URL");
    send_url
        .path_segments_mut()
        .expect("base")
        .extend(["_matrix", "client", "v3", "rooms", room.room_id().as_str()])
        .extend(["send", "m.room.message", "fault-proxy-txn-1"]);
    let body = json!({ "msgtype": "m.text", "body": "zwei" });
    proxy.inject("/send/", HttpFault::Html(502), 1);
    let http = http();
    let failed = http
        .put(send_url.clone())
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await;
    assert_eq!(failed.expect("an answer").status(), 502);
    let retried = http
        .put(send_url)
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await;
    let retried: Value = retried.expect("an answer").json().await.expect("JSON");
    assert!(retried["event_id"].is_string(), "{retried}");

    // matrix-sdk retries a 502 itself: the send succeeds after one fault.
    let forwarded = proxy.forwarded("/send/");
    proxy.inject("/send/", HttpFault::Html(502), 1);
    room.send(RoomMessageEventContent::text_plain("drei"))
        .await
        .expect("matrix-sdk retries past a 502");
    assert_eq!(proxy.forwarded("/send/"), forwarded + 1);

    // …and a 429 after its retry_after_ms.
    proxy.inject("/send/", limit_exceeded(Some(200)), 1);
    room.send(RoomMessageEventContent::text_plain("vier"))
        .await
        .expect("matrix-sdk waits out a 429");

    // A reset reaches the caller (no retry by default); sending again works.
    proxy.inject("/send/", HttpFault::Reset, 1);
    let reset = room.send(RoomMessageEventContent::text_plain("fünf")).await;
    assert!(reset.is_err(), "a reset is not retried by default");
    room.send(RoomMessageEventContent::text_plain("fünf"))
        .await
        .expect("send after a reset");
    // A permanent error reaches the caller at once.
    proxy.inject(
        "/send/",
        HttpFault::Matrix {
            status: 403,
            errcode: "M_FORBIDDEN".into(),
            error: "You are not invited to this room.".into(),
            retry_after_ms: None,
        },
        1,
    );
    let forbidden = room
        .send(RoomMessageEventContent::text_plain("sechs"))
        .await
        .expect_err("a 403 is not retried");
    let status = forbidden
        .as_client_api_error()
        .map(|e| e.status_code.as_u16());
    assert_eq!(status, Some(403), "{forbidden:?}");
    assert_eq!(proxy.injected(), 5);

    let mut messages_url = reqwest::Url::parse(&proxy.url).expect("URL");
    messages_url.path_segments_mut().expect("base").extend([
        "_matrix",
        "client",
        "v3",
        "rooms",
        room.room_id().as_str(),
        "messages",
    ]);
    messages_url
        .query_pairs_mut()
        .append_pair("dir", "b")
        .append_pair("limit", "50");
    let messages: Value = http
        .get(messages_url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("messages")
        .json()
        .await
        .expect("JSON");
    let mut bodies: Vec<&str> = messages["chunk"]
        .as_array()
        .expect("chunk")
        .iter()
        .filter(|e| e["type"] == "m.room.message")
        .filter_map(|e| e["content"]["body"].as_str())
        .collect();
    bodies.reverse();
    assert_eq!(bodies, ["eins", "zwei", "drei", "vier", "fünf"]);
    synapse.stop().await;
}
