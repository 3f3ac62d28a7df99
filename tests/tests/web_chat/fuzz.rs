//! Generated requests against the web chat of the real `schalter serve` (SQLite): any of its
//! routes and some that are not, any method, the chat's own origin, an allowed one, a foreign
//! one or none, a valid, forged or missing token, JSON or form or text bodies of any shape up to
//! past the limit, client ids and texts of any kind (control characters, direction marks,
//! unpaired surrogates as JSON escapes, 10,000 characters).
//!
//! For every request: an answer, never a 5xx; a refusal from the API is JSON with a non-empty
//! `error`; `/healthz` answers after each case. At the end: every input the API accepted
//! (202) was answered once: its reply is in the transcript, once, under its client id.

use std::collections::BTreeMap;
use std::sync::Mutex;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reqwest::header::{CONTENT_TYPE, COOKIE, ORIGIN};
use reqwest::{Method, StatusCode};
use schalter_tests::{Serve, TestDb};

const CASES: u32 = 250;
const ALLOWED: &str = "https://www.example.org";

#[derive(Debug, Clone)]
enum Origin {
    Own,
    Allowed,
    Foreign,
    Garbage,
    None,
}

#[derive(Debug, Clone)]
enum Token {
    Valid,
    Forged,
    Garbage(String),
    None,
}

#[derive(Debug, Clone)]
enum Body {
    Answer {
        client_id: String,
        text: Option<String>,
        option: Option<String>,
    },
    Json(String),
    Form(Vec<(String, String)>),
    Bytes(Vec<u8>),
    Huge(usize),
    Empty,
}

#[derive(Debug, Clone)]
struct Req {
    method: Method,
    path: String,
    origin: Origin,
    token: Token,
    body: Body,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[\\x00-\\x1f\u{202a}-\u{202e}\u{2066}-\u{2069}a-z ]{0,20}",
        Just("a".repeat(10_000)),
        Just("Führungszeugnis".to_owned()),
        Just("/forget".to_owned()),
        Just("\\ud800".to_owned()),
    ]
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        4 => ("[a-z0-9_-]{0,70}|.{0,10}", proptest::option::of(text()), proptest::option::of(prop_oneof![
            Just("menu:book".to_owned()),
            Just("svc:fuehrungszeugnis".to_owned()),
            Just("zzz:1".to_owned()),
            ".{0,80}",
        ]))
            .prop_map(|(client_id, text, option)| Body::Answer { client_id, text, option }),
        1 => ".{0,200}".prop_map(Body::Json),
        1 => proptest::collection::vec(("[a-z_]{0,10}", ".{0,30}"), 0..4).prop_map(Body::Form),
        1 => proptest::collection::vec(any::<u8>(), 0..200).prop_map(Body::Bytes),
        1 => prop_oneof![Just(16 * 1024), Just(1 << 20)].prop_map(Body::Huge),
        1 => Just(Body::Empty),
    ]
}

fn request() -> impl Strategy<Value = Req> {
    let path = prop_oneof![
        Just("/chat/".to_owned()),
        Just("/chat/start".to_owned()),
        Just("/chat/privacy?lang=ar".to_owned()),
        Just("/chat/api/input".to_owned()),
        Just("/chat/api/start".to_owned()),
        Just("/chat/api/view?lang=zz".to_owned()),
        Just("/chat/api/close".to_owned()),
        Just("/chat/api/events?after=99999999999".to_owned()),
        Just("/chat/file/1".to_owned()),
        "/chat/file/[a-z0-9%]{0,12}",
        "/chat/[a-z%./]{0,16}",
        Just("/chat/widget.js".to_owned()),
    ];
    let method = prop_oneof![
        Just(Method::GET),
        Just(Method::POST),
        Just(Method::PUT),
        Just(Method::DELETE),
        Just(Method::OPTIONS),
    ];
    let origin = prop_oneof![
        3 => Just(Origin::Own),
        1 => Just(Origin::Allowed),
        1 => Just(Origin::Foreign),
        1 => Just(Origin::Garbage),
        1 => Just(Origin::None),
    ];
    let token = prop_oneof![
        4 => Just(Token::Valid),
        1 => Just(Token::Forged),
        1 => ".{0,40}".prop_map(Token::Garbage),
        1 => Just(Token::None),
    ];
    let anything =
        (method, path, origin, token, body()).prop_map(|(method, path, origin, token, body)| Req {
            method,
            path,
            origin,
            token,
            body,
        });
    // Half of the cases are a citizen's answers as the script sends them, with what is in them
    // generated: the path where most can go wrong.
    let answer = body().prop_map(|body| Req {
        method: Method::POST,
        path: "/chat/api/input".to_owned(),
        origin: Origin::Own,
        token: Token::Valid,
        body,
    });
    prop_oneof![anything, answer]
}

struct Chat {
    rt: tokio::runtime::Runtime,
    db: TestDb,
    serve: Serve,
    client: reqwest::Client,
    cookie: String,
    /// The conversation the valid token stands for.
    conversation: String,
    /// Client ids of the inputs the API accepted for it.
    accepted: Mutex<std::collections::BTreeSet<String>>,
    /// Answers by route and status, for the record.
    seen: Mutex<BTreeMap<String, u64>>,
}

impl Chat {
    fn start() -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (db, serve, cookie, conversation) = rt.block_on(async {
            let db = TestDb::sqlite().await;
            let serve = Serve::start(&[
                ("SCHALTER_DATABASE_URL", db.url.as_str()),
                ("SCHALTER_WEB_ORIGINS", ALLOWED),
            ])
            .await;
            let r = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .post(format!("{}/chat/start", serve.http))
                .header(ORIGIN, &serve.http)
                .form(&[("lang", "de")])
                .send()
                .await
                .unwrap();
            let cookie = r.headers()["set-cookie"]
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_owned();
            let conversation: String =
                sqlx::query_scalar("SELECT DISTINCT conversation_id FROM web_messages")
                    .fetch_one(db.store.pool())
                    .await
                    .unwrap();
            (db, serve, cookie, conversation)
        });
        // A connection per request: one the server closed after refusing a body it did not
        // read must not fail the next case.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        Self {
            rt,
            db,
            serve,
            client,
            cookie,
            conversation,
            accepted: Mutex::default(),
            seen: Mutex::default(),
        }
    }

    fn check(&self, req: &Req) -> Result<(), TestCaseError> {
        self.rt.block_on(async {
            // Within the limit of a client address (10 changes a second), so that the cases
            // reach the handlers; the limit itself is tested in `plain.rs`.
            if req.method != Method::GET {
                tokio::time::sleep(std::time::Duration::from_millis(110)).await;
            }
            let http = &self.serve.http;
            let mut r = self
                .client
                .request(req.method.clone(), format!("{http}{}", req.path));
            r = match &req.origin {
                Origin::Own => r.header(ORIGIN, http),
                Origin::Allowed => r.header(ORIGIN, ALLOWED),
                Origin::Foreign => r.header(ORIGIN, "https://evil.example"),
                Origin::Garbage => r.header(ORIGIN, "::not an origin::"),
                Origin::None => r,
            };
            r = match &req.token {
                Token::Valid => r.header(COOKIE, &self.cookie),
                Token::Forged => r.header(COOKIE, "schalter_chat=0123456789abcdefghjkmnpqrs"),
                Token::Garbage(g) => {
                    match reqwest::header::HeaderValue::from_str(&format!("schalter_chat={g}")) {
                        Ok(v) => r.header(COOKIE, v),
                        Err(_) => r,
                    }
                }
                Token::None => r,
            };
            r = match &req.body {
                Body::Answer {
                    client_id,
                    text,
                    option,
                } => {
                    let mut fields = vec![format!("\"client_id\": {}", json_string(client_id))];
                    if let Some(t) = text {
                        // `\ud800` stays an escape: an unpaired surrogate on the wire.
                        fields.push(format!("\"text\": \"{}\"", t.replace('"', "")));
                    }
                    if let Some(o) = option {
                        fields.push(format!("\"option\": {}", json_string(o)));
                    }
                    r.header(CONTENT_TYPE, "application/json")
                        .body(format!("{{{}}}", fields.join(", ")))
                }
                Body::Json(j) => r.header(CONTENT_TYPE, "application/json").body(j.clone()),
                Body::Form(f) => r.form(f),
                Body::Bytes(b) => r.header(CONTENT_TYPE, "text/plain").body(b.clone()),
                Body::Huge(n) => r.header(CONTENT_TYPE, "application/json").body(format!(
                    "{{\"client_id\": \"h\", \"text\": \"{}\"}}",
                    "a".repeat(*n)
                )),
                Body::Empty => r,
            };
            let is_stream = req.path.contains("/events");
            let response = match r.send().await {
                Ok(response) => Some(response),
                // A body far past the limit is refused before it is read, and the connection
                // closed while the client still writes: the client may see the close first.
                Err(_) if matches!(req.body, Body::Huge(n) if n > 64 * 1024) => None,
                Err(e) => return Err(TestCaseError::fail(format!("no answer: {e}"))),
            };
            let Some(response) = response else {
                return Ok(());
            };
            let status = response.status();
            let route = req.path.split('?').next().unwrap_or_default().to_owned();
            *self
                .seen
                .lock()
                .unwrap()
                .entry(format!("{} {route} {}", req.method, status.as_u16()))
                .or_default() += 1;
            prop_assert!(
                !status.is_server_error() || status == StatusCode::SERVICE_UNAVAILABLE,
                "{status} for {req:?}"
            );
            prop_assert!(
                status != StatusCode::SERVICE_UNAVAILABLE,
                "{status} for {req:?}"
            );
            if status == StatusCode::ACCEPTED
                && route == "/chat/api/input"
                && matches!(req.token, Token::Valid)
                && let Body::Answer { client_id, .. } = &req.body
            {
                self.accepted.lock().unwrap().insert(client_id.clone());
            }
            if !is_stream {
                let json = response
                    .headers()
                    .get(CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|c| c.starts_with("application/json"));
                let body = response.text().await.unwrap_or_default();
                if status.is_client_error()
                    && route.starts_with("/chat/api/")
                    && status != StatusCode::NOT_FOUND
                    && status != StatusCode::METHOD_NOT_ALLOWED
                {
                    prop_assert!(json, "{status} without JSON for {req:?}: {body}");
                    let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                    prop_assert!(
                        v["error"].as_str().is_some_and(|e| !e.is_empty()),
                        "{status} without a reason for {req:?}: {body}"
                    );
                }
            }
            // On a connection of its own: one the server closed after refusing a body it did
            // not read is not the server's health.
            let health = reqwest::Client::new()
                .get(format!("{http}/healthz"))
                .send()
                .await
                .map(|r| r.status().is_success());
            prop_assert!(matches!(health, Ok(true)), "/healthz after {req:?}");
            Ok(())
        })
    }
}

fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

#[test]
fn generated_requests_get_an_answer_and_inputs_are_shown_once() {
    let chat = Chat::start();
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&request(), |req| chat.check(&req));
    for (route, n) in chat.seen.lock().unwrap().iter() {
        eprintln!("{n:5} {route}");
    }
    if let Err(e) = result {
        panic!("{e}");
    }
    // Acknowledged means handled and stored: each accepted input's reply is in the
    // transcript, once, under its client id.
    let user = chat.conversation.trim_start_matches("web:").to_owned();
    let accepted = chat.accepted.lock().unwrap().clone();
    assert!(!accepted.is_empty(), "some inputs were accepted");
    for client_id in &accepted {
        let stored: i64 = chat.rt.block_on(async {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM web_messages WHERE conversation_id = $1 AND source = $2",
            )
            .bind(&chat.conversation)
            .bind(format!("reply:web:{user}:{client_id}"))
            .fetch_one(chat.db.store.pool())
            .await
            .unwrap()
        });
        assert_eq!(stored, 1, "input {client_id:?}");
    }
    eprintln!("{} inputs accepted, each answered once", accepted.len());
    let Chat { rt, db, serve, .. } = chat;
    rt.block_on(async move {
        drop(serve);
        db.drop_db().await;
    });
}
