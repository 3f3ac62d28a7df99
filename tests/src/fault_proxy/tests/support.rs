//! What the tests run against: a stand-in homeserver, a slow upstream, and helpers.

use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Uri, header};
use axum::routing::{get, post};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use super::super::HttpFault;
use super::super::wire::read_head;
use crate::synapse::Synapse;

pub(super) const PASSWORD: &str = "correct horse battery staple";

/// A small homeserver stand-in: `/mirror` sends the body back, `/wait` answers after 3 s,
/// anything else describes the request it got.
pub(super) async fn upstream() -> String {
    let app = Router::new()
        .route("/mirror", post(mirror))
        .route("/wait", get(wait))
        .route("/_matrix/client/v3/login", post(login))
        .fallback(describe);
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    url
}

async fn describe(method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> axum::Json<Value> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    axum::Json(json!({
        "method": method.as_str(),
        "path": uri.path(),
        "query": uri.query(),
        "authorization": header("authorization"),
        "content_type": header("content-type"),
        "connection": header("connection"),
        "body_len": body.len(),
        "body_sha256": sha256(&body),
    }))
}

async fn mirror(headers: HeaderMap, body: Bytes) -> ([(header::HeaderName, String); 1], Bytes) {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream")
        .to_owned();
    ([(header::CONTENT_TYPE, content_type)], body)
}

async fn login() -> axum::Json<Value> {
    axum::Json(json!({
        "user_id": "@alice:localhost",
        "access_token": "syt_secret",
        "well_known": { "m.homeserver": { "base_url": "http://127.0.0.1:1/" } },
    }))
}

async fn wait() -> &'static str {
    tokio::time::sleep(Duration::from_secs(3)).await;
    "late"
}

/// An upstream that answers every request with `chunks`, one every `pause`, chunked,
/// and then keeps the connection open (the proxy must end the body by its framing).
pub(super) async fn slow_upstream(chunks: &'static [&'static str], pause: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut read = BufReader::new(read);
                read_head(&mut read).await.expect("request head");
                let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\
                            Transfer-Encoding: chunked\r\n\r\n";
                write.write_all(head.as_bytes()).await.expect("write head");
                for chunk in chunks {
                    tokio::time::sleep(pause).await;
                    let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
                    write
                        .write_all(framed.as_bytes())
                        .await
                        .expect("write chunk");
                }
                write.write_all(b"0\r\n\r\n").await.expect("write end");
                tokio::time::sleep(Duration::from_secs(30)).await;
            });
        }
    });
    url
}

pub(super) fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(super) fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("HTTP client")
}

pub(super) fn limit_exceeded(retry_after_ms: Option<u64>) -> HttpFault {
    HttpFault::Matrix {
        status: 429,
        errcode: "M_LIMIT_EXCEEDED".into(),
        error: "Too Many Requests".into(),
        retry_after_ms,
    }
}

/// Registers `name` through `url` with Synapse's shared-secret script.
pub(super) async fn register_through(synapse: &Synapse, url: &str, name: &str) {
    let venv = std::env::var_os("SCHALTER_TEST_SYNAPSE")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace().join(".test-env/synapse"));
    let out = tokio::process::Command::new(venv.join("bin/register_new_matrix_user"))
        .arg("-c")
        .arg(synapse.config())
        .args(["-u", name, "-p", PASSWORD, "--no-admin", url])
        .output()
        .await
        .expect("run register_new_matrix_user");
    assert!(
        out.status.success(),
        "register {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
