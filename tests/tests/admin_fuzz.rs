//! Property tests of the admin API against the real `schalter serve` on SQLite: arbitrary
//! requests (every endpoint and method, odd path segments and percent-encoding, odd queries,
//! with and without the token, any content type, JSON of any shape, bodies up to and past the
//! limit), arbitrary Fluent for real messages, and arbitrary catalogues. One `serve` per test,
//! many cases against it.
//!
//! Invariants, for every request: an answer (a dropped connection is a panic in a handler),
//! never a 5xx; under `/admin/api` a JSON body, with a non-empty `error` on a 4xx, and no 2xx
//! without the token; `/healthz` answers after each case. A refused change leaves what GET
//! shows as it was; an accepted one shows in GET. At the end a citizen in `schalter chat` on
//! the same database gets the text and the catalogue in force.
//!
//! `cargo test --release -p schalter-tests --test admin_fuzz -- --ignored fuzz` runs the same
//! properties until `FUZZ_REQUESTS` requests (default 100,000) went out.

use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::{Method, StatusCode, Url};
use schalter_tests::terminal::Chat;
use schalter_tests::{Serve, TestDb};
use serde_json::{Value, json};

const TOKEN: &str = "fuzz-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
/// A Tuesday morning, so that the office is open.
const CLOCK: &str = "2027-02-02T09:00:00+01:00";
/// The admin API's body limit (`admin::MAX_BODY`).
const MAX_BODY: usize = 64 * 1024;
/// The locales the office speaks.
const LANGS: [&str; 12] = [
    "de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "it", "fa", "fr", "es",
];

// ---------------------------------------------------------------------------------------------
// Requests and answers

#[derive(Clone, Debug)]
enum Token {
    Valid,
    Missing,
    /// An `Authorization` header as given.
    Header(String),
}

#[derive(Clone)]
enum Body {
    None,
    Json(Value),
    Raw(Vec<u8>),
    /// `len` bytes: a JSON edit padded to that size, or (`json: false`) filler.
    Sized {
        len: usize,
        json: bool,
    },
}

impl Body {
    fn bytes(&self) -> Option<Vec<u8>> {
        match self {
            Body::None => None,
            Body::Json(v) => Some(serde_json::to_vec(v).expect("JSON")),
            Body::Raw(b) => Some(b.clone()),
            Body::Sized { len, json } => {
                let mut b = if *json {
                    let frame = br#"{"value":"","toml":""}"#;
                    let fill = len.saturating_sub(frame.len());
                    format!(r#"{{"value":"{}","toml":""}}"#, "a".repeat(fill)).into_bytes()
                } else {
                    vec![b'x'; *len]
                };
                b.truncate(*len);
                Some(b)
            }
        }
    }
}

/// Short enough to read in a failure report.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!(
            "{}… ({} chars)",
            s.chars().take(n).collect::<String>(),
            s.chars().count()
        )
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::None => write!(f, "None"),
            Body::Json(v) => write!(f, "Json({})", clip(&v.to_string(), 400)),
            Body::Raw(b) => write!(f, "Raw({:?})", clip(&String::from_utf8_lossy(b), 400)),
            Body::Sized { len, json } => write!(f, "Sized {{ len: {len}, json: {json} }}"),
        }
    }
}

#[derive(Clone)]
struct Req {
    method: Method,
    /// Path and query, percent-encoded as sent.
    path: String,
    token: Token,
    content_type: Option<String>,
    body: Body,
}

impl fmt::Debug for Req {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} token={:?} content-type={:?} body={:?}",
            self.method,
            clip(&self.path, 300),
            self.token,
            self.content_type,
            self.body
        )
    }
}

impl Req {
    fn json(method: Method, path: impl Into<String>, body: Value) -> Self {
        Self {
            method,
            path: path.into(),
            token: Token::Valid,
            content_type: Some("application/json".into()),
            body: Body::Json(body),
        }
    }
}

#[derive(Debug)]
struct Answer {
    status: StatusCode,
    text: String,
    json: Option<Value>,
}

// ---------------------------------------------------------------------------------------------
// The office under test

struct Office {
    rt: tokio::runtime::Runtime,
    db: Option<TestDb>,
    serve: Option<Serve>,
    client: reqwest::Client,
    base: String,
    /// Requests sent, invariant checks included.
    requests: AtomicU64,
    cases: AtomicU64,
    /// Set when the server stopped answering: later cases pass at once, so that proptest
    /// reports the case that killed it instead of shrinking against a dead server.
    dead: AtomicBool,
    first_violation: Mutex<Option<String>>,
    /// Answers by method, endpoint and status: what the cases reached.
    stats: Mutex<std::collections::BTreeMap<String, u64>>,
    /// Messages whose text an accepted change set (their GET paths).
    changed: Mutex<std::collections::BTreeSet<String>>,
    /// The reference messages with the variables they use.
    messages: Vec<(String, Vec<String>)>,
    /// The catalogue as shipped.
    catalog: String,
}

impl Office {
    fn start() -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let (db, serve) = rt.block_on(async {
            let db = TestDb::sqlite().await;
            let serve = Serve::start(&[
                ("SCHALTER_DATABASE_URL", db.url.as_str()),
                ("SCHALTER_CLOCK_START", CLOCK),
                ("SCHALTER_ADMIN_TOKEN", TOKEN),
                // The fuzzer's refusals are expected; keep the log to what matters.
                ("SCHALTER_LOG", "error"),
            ])
            .await;
            (db, serve)
        });
        let base = serve.http.clone();
        let mut office = Self {
            rt,
            db: Some(db),
            serve: Some(serve),
            // A new connection per request: the server closes one whose request body it did
            // not read (past the limit), and a pooled connection reused at that moment would
            // look like a dropped one.
            client: reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .timeout(Duration::from_secs(60))
                .build()
                .expect("client"),
            base,
            requests: AtomicU64::new(0),
            cases: AtomicU64::new(0),
            dead: AtomicBool::new(false),
            first_violation: Mutex::new(None),
            changed: Mutex::default(),
            stats: Mutex::default(),
            messages: Vec::new(),
            catalog: String::new(),
        };
        let (messages, catalog) = office.rt.block_on(async {
            let de = office
                .ok(Method::GET, "/admin/api/locales/de/messages", None)
                .await;
            let catalog = office.ok(Method::GET, "/admin/api/catalog", None).await;
            (de, catalog)
        });
        office.messages = messages
            .as_object()
            .expect("messages")
            .iter()
            .map(|(id, v)| (id.clone(), variables(v.as_str().unwrap_or_default())))
            .collect();
        office.catalog = catalog["toml"].as_str().expect("toml").to_owned();
        office
    }

    fn url(&self, path: &str) -> Result<Url, String> {
        Url::parse(&format!("{}{path}", self.base)).map_err(|e| format!("bad URL {path:?}: {e}"))
    }

    async fn send(&self, req: &Req) -> Result<Answer, String> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let mut r = self
            .client
            .request(req.method.clone(), self.url(&req.path)?);
        match &req.token {
            Token::Valid => r = r.bearer_auth(TOKEN),
            Token::Missing => {}
            Token::Header(h) => r = r.header(reqwest::header::AUTHORIZATION, h),
        }
        if let Some(ct) = &req.content_type {
            r = r.header(reqwest::header::CONTENT_TYPE, ct);
        }
        if let Some(b) = req.body.bytes() {
            r = r.body(b);
        }
        let response = r
            .send()
            .await
            .map_err(|e| format!("no answer (dropped connection?): {e:?}"))?;
        let status = response.status();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| format!("answer cut off: {e:?}"))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(Answer {
            status,
            json: serde_json::from_slice(&bytes).ok(),
            text,
        })
    }

    /// A well-formed call with the token that must succeed.
    async fn ok(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let req = match body {
            Some(b) => Req::json(method, path, b),
            None => Req {
                method,
                path: path.into(),
                token: Token::Valid,
                content_type: None,
                body: Body::None,
            },
        };
        let a = self.send(&req).await.expect("answer");
        assert!(a.status.is_success(), "{req:?} → {a:?}");
        a.json
            .unwrap_or_else(|| panic!("{req:?}: not JSON: {}", a.text))
    }

    async fn healthy(&self) -> Result<(), String> {
        let req = Req {
            method: Method::GET,
            path: "/healthz".into(),
            token: Token::Missing,
            content_type: None,
            body: Body::None,
        };
        match self.send(&req).await {
            Ok(a) if a.status == StatusCode::OK && a.text == "ok" => Ok(()),
            Ok(a) => Err(format!("/healthz: {a:?}")),
            Err(e) => Err(format!("/healthz: {e}")),
        }
    }

    /// One request with every invariant: its answer, what it did to the state GET shows, and
    /// the office's health afterwards. Returns the answer for further checks.
    async fn request(&self, req: &Req) -> Result<Answer, String> {
        let url = self.url(&req.path)?;
        let target = changed_by(&req.method, url.path());
        let before = match &target {
            Some(t) => Some(self.read(t).await?),
            None => None,
        };
        // More than the socket takes at once.
        let oversized = req.body.bytes().is_some_and(|b| b.len() > 16 * 1024);
        let answer = match self.send(req).await {
            Ok(a) => a,
            // A server may answer (401, 413) before reading a large body and close the
            // connection; the client then fails writing the rest. Not a panic (that closes
            // without an answer once the body is read): the checks below still run.
            Err(e) if oversized && e.contains("BodyWrite") => Answer {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                text: String::new(),
                json: Some(json!({"error": "closed while the oversized body was sent"})),
            },
            Err(e) => {
                // A dead server fails every later case: stop there.
                if self.healthy().await.is_err() {
                    self.dead.store(true, Ordering::SeqCst);
                }
                return Err(e);
            }
        };
        *self
            .stats
            .lock()
            .expect("lock")
            .entry(format!(
                "{} {} {}",
                req.method,
                endpoint(url.path()),
                answer.status.as_u16()
            ))
            .or_default() += 1;
        check_answer(req, &url, &answer)?;
        if let (Some(t), Some(before)) = (&target, before) {
            let after = self.read(t).await?;
            if answer.status.is_client_error() && after != before {
                return Err(format!(
                    "refused ({}) but GET {t} changed:\nbefore {}\nafter  {}",
                    answer.status,
                    clip(&before, 500),
                    clip(&after, 500)
                ));
            }
            if answer.status.is_success() && t.contains("/messages/") {
                if !after.starts_with("200 ") {
                    return Err(format!(
                        "accepted ({}) a change of a message GET does not know: {}",
                        answer.status,
                        clip(&after, 300)
                    ));
                }
                self.changed.lock().expect("lock").insert(t.clone());
            }
            if answer.status.is_success() && req.method == Method::PUT {
                let sent: Option<Value> = req
                    .body
                    .bytes()
                    .and_then(|b| serde_json::from_slice(&b).ok());
                let field = if t.ends_with("/catalog") {
                    "toml"
                } else {
                    "value"
                };
                let shown: Value = after
                    .split_once(' ')
                    .and_then(|(_, body)| serde_json::from_str(body).ok())
                    .unwrap_or_default();
                let sent = sent.as_ref().map(|s| &s[field]);
                if sent != Some(&shown[field]) {
                    return Err(format!(
                        "accepted ({}) but GET {t} shows {} instead of {}",
                        answer.status,
                        clip(&shown[field].to_string(), 300),
                        clip(&sent.map(Value::to_string).unwrap_or_default(), 300)
                    ));
                }
            }
        }
        if let Err(e) = self.healthy().await {
            self.dead.store(true, Ordering::SeqCst);
            return Err(e);
        }
        Ok(answer)
    }

    /// What GET shows of `path`: its status and body.
    async fn read(&self, path: &str) -> Result<String, String> {
        let req = Req {
            method: Method::GET,
            path: path.into(),
            token: Token::Valid,
            content_type: None,
            body: Body::None,
        };
        let a = self.send(&req).await?;
        if a.status.is_server_error() {
            return Err(format!("GET {path}: {a:?}"));
        }
        Ok(format!("{} {}", a.status.as_u16(), a.text))
    }

    /// Runs `cases` cases of `strategy` through `test`, panicking with the shrunk case on a
    /// violation.
    fn run<S: Strategy>(
        &self,
        name: &str,
        cases: u32,
        strategy: S,
        test: impl Fn(&Office, S::Value) -> Result<(), String>,
    ) where
        S::Value: fmt::Debug,
    {
        let config = Config {
            cases,
            failure_persistence: None,
            max_shrink_iters: 2000,
            max_shrink_time: 120_000,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        let result = runner.run(&strategy, |case| {
            if self.dead.load(Ordering::SeqCst) {
                return Ok(());
            }
            self.cases.fetch_add(1, Ordering::Relaxed);
            test(self, case).map_err(|e| {
                self.first_violation
                    .lock()
                    .expect("lock")
                    .get_or_insert_with(|| e.clone());
                TestCaseError::fail(e)
            })
        });
        if let Err(e) = result {
            let first = self.first_violation.lock().expect("lock").clone();
            panic!("{name}: {e}\nfirst violation seen: {first:?}");
        }
    }

    /// The office keeps running with what it had: a translation and a catalogue set, a change
    /// of each refused, and a citizen in `schalter chat` on the same database gets the ones
    /// in force.
    fn finish(mut self) {
        let serve = self.serve.take().expect("serve");
        let db = self.db.take().expect("db");
        self.rt.block_on(async {
            // The Turkish texts the citizen below reads back as they are in the files (a
            // rollback without a body), so that the checks need not know what the cases set.
            let changed = self.changed.lock().expect("lock").clone();
            for path in changed.iter().filter(|p| p.contains("/locales/tr/")) {
                let rollback = Req {
                    method: Method::POST,
                    path: format!("{path}/rollback"),
                    token: Token::Valid,
                    content_type: None,
                    body: Body::None,
                };
                let a = self.request(&rollback).await.expect("rollback");
                assert_eq!(a.status, StatusCode::OK, "{rollback:?}: {a:?}");
            }
            let cheaper = self
                .catalog
                .replacen("fee_cents = 1300", "fee_cents = 1400", 1);
            assert_ne!(cheaper, self.catalog, "the demo catalogue has a 13 € fee");
            self.ok(
                Method::PUT,
                "/admin/api/catalog",
                Some(json!({"toml": cheaper})),
            )
            .await;
            self.ok(
                Method::PUT,
                "/admin/api/locales/tr/messages/menu-help",
                Some(json!({"value": "Yardım hattı"})),
            )
            .await;
            for (path, body) in [
                (
                    "/admin/api/catalog",
                    json!({"toml": cheaper.replace("[[services]]", "[[service]]")}),
                ),
                (
                    "/admin/api/locales/tr/messages/menu-help",
                    json!({"value": "Yardım { $nope }"}),
                ),
            ] {
                let a = self
                    .request(&Req::json(Method::PUT, path, body))
                    .await
                    .unwrap_or_else(|e| panic!("{path}: {e}"));
                assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {a:?}");
            }
            let (mut chat, menu) = Chat::start(&db.url, "fuzz", Some("tr")).await;
            assert!(menu.has_option("Yardım hattı"), "{menu:#?}");
            let checklist = chat.send("iyi hal belgesi").await;
            assert!(checklist.text.contains("14,00 €"), "{checklist:#?}");
            assert!(chat.finish().await.success());
            serve.kill().await;
            db.drop_db().await;
        });
    }

    fn stop(mut self) {
        let serve = self.serve.take().expect("serve");
        let db = self.db.take().expect("db");
        self.rt.block_on(async {
            serve.kill().await;
            db.drop_db().await;
        });
    }

    /// One request that must keep every invariant; its status and reason.
    fn expect(&self, req: Req) -> (StatusCode, String) {
        let a = self
            .rt
            .block_on(self.request(&req))
            .unwrap_or_else(|e| panic!("{req:?}: {e}"));
        let reason = a.json.as_ref().map_or(String::new(), |j| {
            j["error"].as_str().unwrap_or_default().to_owned()
        });
        (a.status, reason)
    }

    /// What the cases reached, by method, endpoint and status.
    fn print_stats(&self) {
        for (key, n) in self.stats.lock().expect("lock").iter() {
            println!("{n:>8}  {key}");
        }
    }

    fn figures(&self) -> (u64, u64) {
        (
            self.cases.load(Ordering::Relaxed),
            self.requests.load(Ordering::Relaxed),
        )
    }
}

/// A path with its variable segments named, to count answers by endpoint.
fn endpoint(path: &str) -> String {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["admin", "api", "locales", _, "messages", _, rest @ ..] => {
            format!("/admin/api/locales/L/messages/I/{}", rest.join("/"))
        }
        ["admin", "api", "locales", _, rest @ ..] => {
            format!("/admin/api/locales/L/{}", rest.join("/"))
        }
        ["admin", "api", "messages", _] => "/admin/api/messages/I".into(),
        ["admin", "api", "citizens", _] => "/admin/api/citizens/C".into(),
        _ => clip(path, 30),
    }
}

/// The variables (`$name`) a Fluent value uses.
fn variables(value: &str) -> Vec<String> {
    let mut out: Vec<String> = value
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect::<String>()
        })
        .filter(|v| !v.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The resource whose GET shows what `method path` may change, if it changes anything.
fn changed_by(method: &Method, path: &str) -> Option<String> {
    if ![Method::PUT, Method::POST, Method::DELETE, Method::PATCH].contains(method) {
        return None;
    }
    if path == "/admin/api/catalog" {
        return Some(path.to_owned());
    }
    let rest = path.strip_prefix("/admin/api/locales/")?;
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        [lang, "messages", id] | [lang, "messages", id, "rollback" | "confirm"] => {
            Some(format!("/admin/api/locales/{lang}/messages/{id}"))
        }
        _ => None,
    }
}

/// The rules every answer keeps.
fn check_answer(req: &Req, url: &Url, a: &Answer) -> Result<(), String> {
    if a.status.is_server_error() {
        return Err(format!("{}: {}", a.status, clip(&a.text, 500)));
    }
    let path = url.path();
    let api = path == "/admin/api" || path.starts_with("/admin/api/");
    if !api || req.method == Method::HEAD {
        return Ok(());
    }
    if a.status.is_success() && !matches!(req.token, Token::Valid) {
        return Err(format!("{} without the token", a.status));
    }
    let Some(json) = &a.json else {
        return Err(format!(
            "{} with a body that is not JSON: {:?}",
            a.status,
            clip(&a.text, 300)
        ));
    };
    if a.status.is_client_error() {
        let reason = json["error"].as_str().unwrap_or_default();
        if reason.trim().is_empty() {
            return Err(format!("{} without a reason: {json}", a.status));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Generators

/// Percent-encodes every byte but the unreserved ones.
fn pct(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(b) {
                (*b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Strings people and scripts send: plain, any Unicode including controls and NUL, odd
/// ones, long ones.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ._-]{0,20}",
        2 => prop::collection::vec(any::<char>(), 0..30).prop_map(String::from_iter),
        2 => select(vec![
            "", " ", "\0", "\u{202e}abc", "مساعدة", "Допомога", "😀👍🏽", "{ $x }", "}", "{",
            "\\", "\"", "\r\n", "%00", "null", "../", "\u{feff}", "ẞ", "İı", "\u{200f}١٢٣",
            "menu-help", "hilfe", "\u{fffd}", "\t", "Ⅻ", "a\u{0301}",
        ])
        .prop_map(String::from),
        1 => (0usize..5000).prop_map(|n| "x".repeat(n)),
    ]
    .boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        select(vec![
            json!(1e308),
            json!(-0.0),
            json!(u64::MAX),
            json!(i64::MIN)
        ]),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// An object with the fields the endpoints read, each of any type or a fitting string.
fn shaped_body() -> BoxedStrategy<Value> {
    let field = prop_oneof![
        3 => fluent_any(),
        2 => json_value().prop_map(|v| v.to_string()),
    ];
    let value = prop_oneof![
        3 => field.prop_map(Value::from),
        1 => json_value(),
    ];
    prop::collection::vec(
        (
            select(vec![
                "value", "author", "to", "id", "args", "toml", "value", "toml", "extra",
            ]),
            value,
        ),
        0..4,
    )
    .prop_map(|kv| {
        Value::Object(
            kv.into_iter()
                .map(|(k, v)| {
                    // `args` mostly as an object of sample variables.
                    let v = match (k, v) {
                        ("args", Value::String(s)) => json!({ "max": s, "n": 1e308 }),
                        (_, v) => v,
                    };
                    (k.to_owned(), v)
                })
                .collect(),
        )
    })
    .boxed()
}

/// Bodies of any kind: shaped and arbitrary JSON, broken JSON, deep nesting, huge numbers,
/// invalid UTF-8, and sizes around the limit.
fn body() -> BoxedStrategy<Body> {
    prop_oneof![
        2 => Just(Body::None),
        6 => shaped_body().prop_map(Body::Json),
        2 => json_value().prop_map(Body::Json),
        1 => (1usize..3000, any::<bool>()).prop_map(|(n, object)| {
            let text = if object {
                format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n))
            } else {
                format!("{}{}", "[".repeat(n), "]".repeat(n))
            };
            Body::Raw(text.into_bytes())
        }),
        1 => select(vec![
            format!("1{}", "0".repeat(500)),
            "1e999999".to_owned(),
            r#"{"value": 1e400}"#.to_owned(),
            r#"{"value": -1e-400, "toml": 1e400}"#.to_owned(),
            r#"{"value": "\u0000", "author": "\ud800"}"#.to_owned(),
            r#"{"value": "a", "value": "b"}"#.to_owned(),
            r#"{"toml": "x", "toml": 3}"#.to_owned(),
            "".to_owned(),
            " ".to_owned(),
            "null".to_owned(),
            "[]".to_owned(),
            "\u{feff}{}".to_owned(),
            "{}".to_owned(),
            r#"{"value": "Hilfe"}garbage"#.to_owned(),
        ])
        .prop_map(|s| Body::Raw(s.into_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Body::Raw),
        1 => (shaped_body(), any::<prop::sample::Index>()).prop_map(|(v, i)| {
            let mut b = serde_json::to_vec(&v).expect("JSON");
            let cut = i.index(b.len().max(1));
            b.truncate(cut);
            Body::Raw(b)
        }),
        1 => (
            select(vec![
                0,
                MAX_BODY - 1,
                MAX_BODY,
                MAX_BODY + 1,
                2 * MAX_BODY,
                1024 * 1024
            ]),
            any::<bool>()
        )
            .prop_map(|(len, json)| Body::Sized { len, json }),
    ]
    .boxed()
}

fn content_type() -> BoxedStrategy<Option<String>> {
    prop_oneof![
        6 => Just(Some("application/json".to_owned())),
        3 => select(vec![
            None,
            Some("application/json; charset=utf-8"),
            Some("APPLICATION/JSON"),
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/problem+json"),
            Some("application/jsonx"),
            Some(""),
            Some("*/*"),
            Some("application/json; charset=latin1"),
        ])
        .prop_map(|c| c.map(String::from)),
        1 => "[ -~]{0,30}".prop_map(Some),
    ]
    .boxed()
}

fn token() -> BoxedStrategy<Token> {
    prop_oneof![
        8 => Just(Token::Valid),
        1 => Just(Token::Missing),
        1 => prop_oneof![
            Just(format!("bearer {TOKEN}")),
            Just(format!("Bearer  {TOKEN}")),
            Just(format!("Bearer {}", &TOKEN[1..])),
            Just(format!("Basic {TOKEN}")),
            Just(TOKEN.to_owned()),
            Just("Bearer ".to_owned()),
            "Bearer [ -~]{0,50}",
        ]
        .prop_map(Token::Header),
    ]
    .boxed()
}

fn method() -> BoxedStrategy<Method> {
    prop_oneof![
        4 => Just(Method::GET),
        3 => Just(Method::PUT),
        3 => Just(Method::POST),
        1 => Just(Method::DELETE),
        1 => select(vec![Method::PATCH, Method::HEAD, Method::OPTIONS]),
    ]
    .boxed()
}

/// A path segment: mostly a real value, else odd characters, percent-encoded bytes (invalid
/// UTF-8 too), dot segments, long ones.
fn segment(real: Vec<String>) -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(real),
        1 => "[a-z-]{0,12}",
        1 => prop::collection::vec(any::<char>(), 0..12)
            .prop_map(|c| pct(String::from_iter(c).as_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..12).prop_map(|b| pct(&b)),
        1 => select(vec![
            "%FF", "%00", "..", ".", "%2E%2E", "%2F", "a%2Fb", "%20", "menu%20help", "DE",
            "de-DE", "de_DE", "xx", "-brand", "menu-help.title", "%F0%9F%98%80", "%C3%BC",
            "%", "%G1", "telegram:1", "matrix:@a:b", "telegram%3A1", ";", "@",
        ])
        .prop_map(String::from),
        1 => (100usize..4000).prop_map(|n| "m".repeat(n)),
    ]
    .boxed()
}

fn query_value() -> BoxedStrategy<String> {
    prop_oneof![
        2 => text().prop_map(|t| pct(t.as_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..16).prop_map(|b| pct(&b)),
        2 => select(vec![
            "menu", "hilfe", "to-review", "done", "0", "1", "200", "201", "-1", "1e3",
            "99999999999999999999999", "paid", "open", "refunded", "2027-02-02", "2027-02-30",
            "0000-01-01", "-5000-01-01", "%2B262143-12-31", "%2B262142-12-31", "262143-12-31",
            "9999-12-31", "-262143-01-01", "%FF", "%", "%%", "tr", "ar", "x-klingon",
            "de;q=0.5", "%24max", "%7B", "%E2%82%AC",
        ])
        .prop_map(String::from),
        1 => (190usize..210).prop_map(|n| "a".repeat(n)),
    ]
    .boxed()
}

fn query() -> BoxedStrategy<String> {
    prop_oneof![
        2 => Just(String::new()),
        6 => prop::collection::vec(
            (
                prop_oneof![
                    4 => select(vec!["q", "state", "limit", "day", "lang"]).prop_map(String::from),
                    1 => "[a-z%]{0,5}",
                ],
                query_value(),
            ),
            1..4,
        )
        .prop_map(|kv| {
            let pairs: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", pairs.join("&"))
        }),
        1 => select(vec!["?", "?&&", "?q", "?q=&q=", "?=x", "?q=a=b", "?%%%"]).prop_map(String::from),
    ]
    .boxed()
}

/// A path and the method its endpoint takes.
fn path(ids: Vec<String>) -> BoxedStrategy<(Method, String)> {
    let langs: Vec<String> = LANGS.iter().map(|l| (*l).to_owned()).collect();
    (
        0usize..21,
        segment(langs),
        segment(ids),
        segment(vec![
            "telegram:4711".into(),
            "matrix:@ana:example.org".into(),
        ]),
        query(),
    )
        .prop_map(|(n, lang, id, conversation, query)| {
            let message = format!("/admin/api/locales/{lang}/messages/{id}");
            let (method, p) = match n {
                0 => (Method::GET, "/admin/api/locales".to_owned()),
                1 => (Method::GET, format!("/admin/api/locales/{lang}/messages")),
                2 => (Method::GET, message),
                3 => (Method::PUT, message),
                4 => (Method::GET, format!("{message}/history")),
                5 => (Method::POST, format!("{message}/rollback")),
                6 => (Method::POST, format!("{message}/confirm")),
                7 | 8 => (Method::GET, "/admin/api/messages".to_owned()),
                9 => (Method::GET, format!("/admin/api/messages/{id}")),
                10 => (Method::POST, format!("/admin/api/locales/{lang}/preview")),
                11 => (Method::GET, format!("/admin/api/locales/{lang}/export")),
                12 => (Method::PUT, "/admin/api/catalog".to_owned()),
                13 => (Method::GET, "/admin/api/queue".to_owned()),
                14 => (Method::GET, "/admin/api/payments".to_owned()),
                15 => (
                    Method::DELETE,
                    format!("/admin/api/citizens/{conversation}"),
                ),
                16 => (Method::GET, "/admin/api/audit".to_owned()),
                17 => (Method::GET, format!("/admin/api/{id}")),
                18 => (Method::GET, "/admin/".to_owned()),
                19 => (Method::GET, "/metrics".to_owned()),
                _ => (Method::GET, "/admin/api".to_owned()),
            };
            (method, format!("{p}{query}"))
        })
        .boxed()
}

/// Mostly the method the endpoint takes, else any.
fn request(ids: Vec<String>) -> BoxedStrategy<Req> {
    (
        path(ids),
        prop::option::weighted(0.25, method()),
        token(),
        content_type(),
        body(),
    )
        .prop_map(|((own, path), other, token, content_type, body)| Req {
            method: other.unwrap_or(own),
            path,
            token,
            content_type,
            body,
        })
        .boxed()
}

/// Fluent of every kind for a message that may use `vars`: text in any script, placeables of
/// each kind (known and unknown variables, literals, terms, message references, functions),
/// selectors with and without a default, broken syntax, attributes and second messages, deep
/// nesting, many placeables, and texts around and far past the length limit.
fn fluent(vars: Vec<String>) -> BoxedStrategy<String> {
    let mut names = vars;
    names.push("nope".into());
    let var = select(names);
    let piece = prop_oneof![
        6 => prop_oneof![
            "[a-zA-Z0-9 ,.!?:;'()-]{1,20}",
            select(vec!["Hilfe", "مساعدة", "Допомога", "😀", "ẞ", "\u{202e}", "\u{fffd}", "€ 13,00"])
                .prop_map(String::from),
            prop::collection::vec(any::<char>(), 1..8).prop_map(String::from_iter),
        ],
        4 => var.clone().prop_map(|v| format!("{{ ${v} }}")),
        2 => var.clone().prop_map(|v| format!("{{ NUMBER(${v}) }}")),
        1 => var.clone().prop_map(|v| format!("{{ NUMBER(${v}, minimumFractionDigits: 2) }}")),
        1 => var.clone().prop_map(|v| format!("{{ DATETIME(${v}) }}")),
        2 => var.clone().prop_map(|v| format!("{{ ${v} ->\n    [one] eins\n   *[other] {{ ${v} }} viele\n}}")),
        1 => var.clone().prop_map(|v| format!("{{ ${v} ->\n    [one] eins\n    [other] viele\n}}")),
        1 => var.clone().prop_map(|v| format!("{{ ${v} ->\n   *[other] {{ ${v} ->\n       *[x] tief\n    }}\n}}")),
        3 => select(vec![
            "{ \"literal\" }", "{ 42 }", "{ -3.5 }", "{ \"\\u0041\" }", "{ \"\\U01F600\" }",
            "{ \"\\UFFFFFF\" }", "{ \"\\u0000\" }", "{ \"\\uD800\" }", "{ \"\\\\\" }",
            "{ -brand }", "{ -brand-name }", "{ -term(case: \"x\") }", "{ menu-help }",
            "{ menu-book }", "{ menu-help.title }", "{ no-such-message }", "{ NOPE() }",
            "{ NUMBER(\"x\") }", "{ \"x\" -> *[x] y }", "{ 1 ->\n *[one] y\n}",
            "{", "}", "{ $ }", "{ }", "{ { } }", "[one]", "*[other]", "\\", "{ \"unterminated }",
            "\n.attr = Attribut", "\n# Kommentar", "\nzweite = Nachricht", "\n-term = Begriff",
            "\n    eingerückt", "\n[one] x", "\n*[other] y", "\n}", "\n.", "\0", "\r\n", "\n\n",
            "\u{0}{ $x }",
        ])
        .prop_map(String::from),
        1 => (1usize..2100).prop_map(|n| format!("{}\"x\"{}", "{".repeat(n), "}".repeat(n))),
        1 => (1usize..700).prop_map(|n| format!("{}1{}", "{ ".repeat(n), " }".repeat(n))),
        1 => (90usize..130).prop_map(|n| "{ \"a\" }".repeat(n)),
        1 => select(vec![3999usize, 4000, 4001, 10_000]).prop_map(|n| "ü".repeat(n)),
    ];
    prop::collection::vec(piece, 1..5)
        .prop_map(|p| p.concat())
        .boxed()
}

/// Fluent without knowing the message (for bodies of arbitrary requests).
fn fluent_any() -> BoxedStrategy<String> {
    fluent(vec!["max".into(), "service".into()])
}

// ---------------------------------------------------------------------------------------------
// Catalogue mutations

#[derive(Clone, Debug)]
enum CatalogOp {
    RemoveService(usize),
    RemoveAllServices,
    /// One weekday's opening intervals (a TOML value, usually an array).
    Hours(&'static str, String),
    Office(&'static str, String),
    Service(usize, &'static str, String),
    Closure(String, Option<String>),
    AddService(String),
    UnknownField(String),
    Truncate(prop::sample::Index),
    Insert(prop::sample::Index, String),
    Deep(usize),
    HugeString(usize),
    Replace(String),
}

fn number_literal() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "0", "1", "-1", "5", "7", "10", "15", "20", "60", "120", "240", "241", "366", "367",
            "480", "481", "500", "501", "4294967295", "4294967296", "9223372036854775807",
            "99999999999999999999", "1e10", "1.5", "\"3\"", "true", "[]", "{}", "nan", "inf",
            "-inf", "0x10", "1_000",
        ])
        .prop_map(String::from),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ]
    .boxed()
}

fn interval() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(vec![
            "08:00-12:00", "00:00-23:59", "12:00-08:00", "08:00-08:00", "25:00-26:00", "8-12",
            "08:00", "", "24:00-24:00", "07:59-08:01", "23:59-00:00", "00:00-00:01",
            "08:00 - 09:00", "08:00-09:00-10:00", "٠٨:٠٠-١٢:٠٠", "08:00:00-12:00:00",
        ])
        .prop_map(String::from),
        3 => (0u32..30, 0u32..70, 0u32..30, 0u32..70)
            .prop_map(|(a, b, c, d)| format!("{a:02}:{b:02}-{c:02}:{d:02}")),
    ]
    .boxed()
}

fn date() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(vec![
            "2027-02-02", "2027-02-03", "2027-02-30", "0001-01-01", "9999-12-31",
            "+262143-12-31", "+262142-01-01", "-0001-01-01", "-262143-01-01", "2027-2-2", "",
            "x", "262143-12-31", "1970-01-01", "2100-01-01",
        ])
        .prop_map(String::from),
        1 => (2020i32..2040, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
    .boxed()
}

fn catalog_op() -> BoxedStrategy<CatalogOp> {
    let day = select(vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    prop_oneof![
        3 => (0usize..12).prop_map(CatalogOp::RemoveService),
        1 => Just(CatalogOp::RemoveAllServices),
        3 => (day.clone(), prop::collection::vec(interval(), 0..6)).prop_map(|(d, list)| {
            let items: Vec<String> = list.iter().map(|i| format!("\"{i}\"")).collect();
            CatalogOp::Hours(d, format!("[{}]", items.join(", ")))
        }),
        1 => (day, prop_oneof![
            Just("\"08:00-12:00\"".to_owned()),
            Just("42".to_owned()),
            Just("[[\"08:00\"]]".to_owned()),
            (1usize..200).prop_map(|n| format!("[{}]", vec!["\"08:00-08:01\""; n].join(", "))),
            Just(format!("[{}]", (0..24 * 12).map(|i| format!("\"{:02}:{:02}-{:02}:{:02}\"", i / 12, (i % 12) * 5, i / 12, (i % 12) * 5 + 1)).collect::<Vec<_>>().join(", "))),
        ]).prop_map(|(d, v)| CatalogOp::Hours(d, v)),
        4 => (
            select(vec![
                "desks", "slot_minutes", "hold_minutes", "booking_horizon_days",
                "min_notice_minutes", "max_active_bookings", "check_in_before_minutes",
                "no_show_after_minutes", "walk_ins",
            ]),
            number_literal(),
        )
            .prop_map(|(f, v)| CatalogOp::Office(f, v)),
        3 => (
            0usize..12,
            select(vec!["duration_minutes", "fee_cents", "video", "pay_after_call", "id", "documents"]),
            prop_oneof![
                3 => number_literal(),
                1 => select(vec![
                    "\"neu\"", "\"\"", "\"UPPER\"", "\"führerschein\"", "[\"id-card\"]",
                    "[\"no-such-doc\"]", "[]", "false", "true",
                ])
                .prop_map(String::from),
            ],
        )
            .prop_map(|(i, f, v)| CatalogOp::Service(i, f, v)),
        3 => (date(), prop::option::of(date())).prop_map(|(d, u)| CatalogOp::Closure(d, u)),
        1 => select(vec!["hundesteuer", "anmeldung", "x", "Bad Id", ""])
            .prop_map(|s| CatalogOp::AddService(s.to_owned())),
        1 => "[a-z_]{1,10}".prop_map(CatalogOp::UnknownField),
        1 => any::<prop::sample::Index>().prop_map(CatalogOp::Truncate),
        1 => (
            any::<prop::sample::Index>(),
            prop_oneof![
                text(),
                select(vec!["\n[office]\n", "\n[[services]]\n", "\"", "'''", "\n=\n", "\0"])
                    .prop_map(String::from),
            ]
        )
            .prop_map(|(i, s)| CatalogOp::Insert(i, s)),
        1 => (1usize..5000).prop_map(CatalogOp::Deep),
        1 => select(vec![MAX_BODY / 2, MAX_BODY - 100, MAX_BODY]).prop_map(CatalogOp::HugeString),
        1 => text().prop_map(CatalogOp::Replace),
    ]
    .boxed()
}

/// The byte offsets of each `[[services]]` block.
fn service_blocks(toml: &str) -> Vec<(usize, usize)> {
    let starts: Vec<usize> = toml.match_indices("[[services]]").map(|(i, _)| i).collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, s)| (*s, starts.get(n + 1).copied().unwrap_or(toml.len())))
        .collect()
}

/// Sets `field = value` in the section starting at `at` (its first line), or adds it there.
fn set_field(toml: &mut String, at: usize, end: usize, field: &str, value: &str) {
    let section = &toml[at..end];
    let key = format!("\n{field} = ");
    match section.find(&key) {
        Some(i) => {
            let start = at + i + 1;
            let line_end = toml[start..].find('\n').map_or(toml.len(), |e| start + e);
            toml.replace_range(start..line_end, &format!("{field} = {value}"));
        }
        None => {
            let line_end = toml[at..].find('\n').map_or(toml.len(), |e| at + e);
            toml.insert_str(line_end, &format!("\n{field} = {value}"));
        }
    }
}

fn char_boundary(s: &str, i: prop::sample::Index) -> usize {
    let mut at = i.index(s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(toml: &str, ops: &[CatalogOp]) -> String {
    let mut t = toml.to_owned();
    for op in ops {
        match op {
            CatalogOp::RemoveService(i) => {
                let blocks = service_blocks(&t);
                if !blocks.is_empty() {
                    let (s, e) = blocks[i % blocks.len()];
                    t.replace_range(s..e, "");
                }
            }
            CatalogOp::RemoveAllServices => {
                if let Some((s, _)) = service_blocks(&t).first() {
                    t.truncate(*s);
                }
            }
            CatalogOp::Hours(day, value) => {
                let key = format!("\n{day} = ");
                if let Some(i) = t.find(&key) {
                    let start = i + 1;
                    let end = t[start..].find('\n').map_or(t.len(), |e| start + e);
                    t.replace_range(start..end, &format!("{day} = {value}"));
                }
            }
            CatalogOp::Office(field, value) => {
                if let Some(at) = t.find("[office]") {
                    let end = t[at + 1..].find("\n[").map_or(t.len(), |e| at + 1 + e);
                    set_field(&mut t, at, end, field, value);
                }
            }
            CatalogOp::Service(i, field, value) => {
                let blocks = service_blocks(&t);
                if !blocks.is_empty() {
                    let (s, e) = blocks[i % blocks.len()];
                    set_field(&mut t, s, e, field, value);
                }
            }
            CatalogOp::Closure(date, until) => {
                let entry = match until {
                    Some(u) => format!("\n  {{ date = \"{date}\", until = \"{u}\" }},"),
                    None => format!("\n  {{ date = \"{date}\" }},"),
                };
                if let Some(i) = t.find("closures = [") {
                    t.insert_str(i + "closures = [".len(), &entry);
                }
            }
            CatalogOp::AddService(id) => t.push_str(&format!(
                "\n[[services]]\nid = \"{id}\"\nvideo = true\nduration_minutes = 10\n"
            )),
            CatalogOp::UnknownField(f) => {
                if let Some(at) = t.find("[office]\n") {
                    t.insert_str(at + "[office]\n".len(), &format!("{f} = 1\n"));
                }
            }
            CatalogOp::Truncate(i) => {
                let at = char_boundary(&t, *i);
                t.truncate(at);
            }
            CatalogOp::Insert(i, s) => {
                let at = char_boundary(&t, *i);
                t.insert_str(at, s);
            }
            CatalogOp::Deep(n) => {
                t.push_str(&format!(
                    "\n[deep]\nx = {}1{}\n",
                    "[".repeat(*n),
                    "]".repeat(*n)
                ));
            }
            CatalogOp::HugeString(n) => {
                if let Some(at) = t.find("[privacy]\n") {
                    t.insert_str(
                        at + "[privacy]\n".len(),
                        &format!("controller = \"{}\"\n", "B".repeat(*n)),
                    );
                }
            }
            CatalogOp::Replace(s) => t = s.clone(),
        }
    }
    t
}

// ---------------------------------------------------------------------------------------------
// The properties

fn ids_of(office: &Office) -> Vec<String> {
    office.messages.iter().map(|(id, _)| id.clone()).collect()
}

/// Any request at all keeps the rules.
fn arbitrary_requests(office: &Office, cases: u32) {
    office.run(
        "arbitrary requests",
        cases,
        request(ids_of(office)),
        |office, req| office.rt.block_on(office.request(&req)).map(|_| ()),
    );
}

/// Arbitrary Fluent for real messages and locales: refused with 422 and a reason (and the
/// preview agrees), or accepted, shown by GET, and rendered by the preview without an
/// unresolved placeable.
fn arbitrary_fluent(office: &Office, cases: u32) {
    let messages = office.messages.clone();
    let strategy = (0..messages.len(), select(LANGS.to_vec()), any::<u64>()).prop_flat_map(
        move |(i, lang, seed)| {
            let (id, vars) = messages[i].clone();
            (
                Just(id),
                Just(lang),
                fluent(vars.clone()),
                Just(vars),
                Just(seed),
            )
        },
    );
    office.run(
        "arbitrary Fluent",
        cases,
        strategy,
        |office, (id, lang, value, vars, seed)| {
            office.rt.block_on(async {
                let path = format!("/admin/api/locales/{lang}/messages/{id}");
                let put = office
                    .request(&Req::json(
                        Method::PUT,
                        &path,
                        json!({"value": value, "author": "fuzz"}),
                    ))
                    .await?;
                let args: serde_json::Map<String, Value> = vars
                    .iter()
                    .enumerate()
                    .map(|(n, v)| {
                        // Numbers and strings, as the bot passes them.
                        let sample = if (seed >> n) & 1 == 0 {
                            json!(seed % 1000)
                        } else {
                            json!("Anmeldung")
                        };
                        (v.clone(), sample)
                    })
                    .collect();
                let preview = office
                    .request(&Req::json(
                        Method::POST,
                        format!("/admin/api/locales/{lang}/preview"),
                        json!({"id": id, "value": value, "args": args}),
                    ))
                    .await?;
                if put.status.is_success() {
                    if preview.status != StatusCode::OK {
                        return Err(format!("accepted, but the preview says {preview:?}"));
                    }
                    let text = preview
                        .json
                        .as_ref()
                        .map_or("", |j| j["text"].as_str().unwrap_or_default());
                    if text.contains('{') {
                        return Err(format!(
                            "accepted, and the citizen would read an unresolved placeable: {}",
                            clip(text, 300)
                        ));
                    }
                } else {
                    if put.status != StatusCode::UNPROCESSABLE_ENTITY {
                        return Err(format!("a real message refused with {put:?}"));
                    }
                    if preview.status != put.status {
                        return Err(format!("refused, but the preview says {preview:?}"));
                    }
                }
                Ok(())
            })
        },
    );
}

/// Arbitrary catalogues, most of them the shipped one changed here and there: refused with
/// a reason and the old one kept, or accepted and shown.
fn arbitrary_catalogues(office: &Office, cases: u32) {
    let original = office.catalog.clone();
    office.run(
        "arbitrary catalogues",
        cases,
        prop::collection::vec(catalog_op(), 1..4),
        move |office, ops| {
            let toml = apply(&original, &ops);
            office.rt.block_on(async {
                let a = office
                    .request(&Req::json(
                        Method::PUT,
                        "/admin/api/catalog",
                        json!({"toml": toml, "author": "fuzz"}),
                    ))
                    .await?;
                if a.status.is_client_error()
                    && a.status != StatusCode::UNPROCESSABLE_ENTITY
                    && a.status != StatusCode::PAYLOAD_TOO_LARGE
                {
                    return Err(format!("a catalogue refused with {a:?}"));
                }
                Ok(())
            })
        },
    );
}

/// Case counts of the regular run; the whole file stays under a minute in a debug build.
const REQUESTS: u32 = 1500;
const FLUENT: u32 = 500;
const CATALOGUES: u32 = 500;

#[test]
fn arbitrary_requests_get_an_answer_with_a_reason() {
    let office = Office::start();
    arbitrary_requests(&office, REQUESTS);
    office.print_stats();
    office.finish();
}

#[test]
fn arbitrary_fluent_is_refused_with_a_reason_or_in_force() {
    let office = Office::start();
    arbitrary_fluent(&office, FLUENT);
    office.print_stats();
    office.finish();
}

#[test]
fn arbitrary_catalogues_are_refused_with_a_reason_or_in_force() {
    let office = Office::start();
    arbitrary_catalogues(&office, CATALOGUES);
    office.print_stats();
    office.finish();
}

/// The long run: every property in turn on one office until `FUZZ_REQUESTS` requests went
/// out (default 100,000).
#[test]
#[ignore = "long: cargo test --release -p schalter-tests --test admin_fuzz -- --ignored fuzz"]
fn fuzz_admin_api() {
    let target: u64 = std::env::var("FUZZ_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let started = Instant::now();
    let office = Office::start();
    while office.figures().1 < target {
        arbitrary_requests(&office, 3000);
        arbitrary_fluent(&office, 1000);
        arbitrary_catalogues(&office, 1000);
        let (cases, requests) = office.figures();
        println!(
            "fuzz_admin_api: {cases} cases, {requests} requests, {:.0?}",
            started.elapsed()
        );
    }
    let (cases, requests) = office.figures();
    office.print_stats();
    office.finish();
    println!(
        "fuzz_admin_api: {cases} cases, {requests} requests, {:.1?}, 0 violations",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions: the shrunk cases of defects the properties found, each fixed

fn bare(method: Method, path: &str) -> Req {
    Req {
        method,
        path: path.into(),
        token: Token::Valid,
        content_type: None,
        body: Body::None,
    }
}

/// axum answered these itself, as plain text or an empty body (shrunk: `PUT
/// /admin/api/locales`, `GET /admin/api/`, a path segment of invalid UTF-8).
#[test]
fn regression_refusals_by_axum_itself_are_json_with_a_reason() {
    let office = Office::start();
    let (status, reason) = office.expect(bare(Method::PUT, "/admin/api/locales"));
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(reason.contains("PUT"), "{reason}");
    let (status, _) = office.expect(bare(Method::GET, "/admin/api/"));
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, reason) = office.expect(bare(Method::GET, "/admin/api/locales/%FF/messages"));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("UTF-8"), "{reason}");
    let (status, reason) = office.expect(bare(Method::GET, "/admin/api/payments?day=a&day=b"));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("day"), "{reason}");
    office.stop();
}

/// A body past the limit got axum's plain-text 413 (shrunk: `PUT /admin/api/catalog` with
/// 128 KiB); a wrong content type its plain-text 415.
#[test]
fn regression_bodies_past_the_limit_or_of_the_wrong_type_are_refused_as_json() {
    let office = Office::start();
    for len in [MAX_BODY + 1, 2 * MAX_BODY] {
        let mut req = bare(Method::PUT, "/admin/api/catalog");
        req.content_type = Some("application/json".into());
        req.body = Body::Sized { len, json: true };
        let (status, reason) = office.expect(req);
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(reason.contains("limit"), "{reason}");
    }
    let mut req = Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/menu-help",
        json!({"value": "Yardım"}),
    );
    req.content_type = Some("text/plain".into());
    let (status, reason) = office.expect(req);
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(reason.contains("application/json"), "{reason}");
    office.stop();
}

/// Confirm and rollback take only optional fields: without a body they were refused with
/// axum's plain-text 415. Now no body counts as `{}`; a body that is there must be JSON.
#[test]
fn regression_confirm_and_rollback_without_a_body() {
    let office = Office::start();
    let message = "/admin/api/locales/tr/messages/menu-help";
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        message,
        json!({"value": "Yardım masası"}),
    ));
    assert_eq!(status, StatusCode::OK, "{reason}");
    let (status, reason) = office.expect(bare(Method::POST, &format!("{message}/confirm")));
    assert_eq!(status, StatusCode::OK, "{reason}");
    let (status, reason) = office.expect(bare(Method::POST, &format!("{message}/rollback")));
    assert_eq!(status, StatusCode::OK, "{reason}");
    let shown = office.rt.block_on(office.ok(Method::GET, message, None));
    assert_eq!(shown["value"], "Yardım", "back to the file's text");
    let mut garbage = bare(Method::POST, &format!("{message}/confirm"));
    garbage.body = Body::Raw(b"author=ayse".to_vec());
    let (status, reason) = office.expect(garbage.clone());
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(reason.contains("application/json"), "{reason}");
    garbage.content_type = Some("application/json".into());
    let (status, reason) = office.expect(garbage);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("JSON"), "{reason}");
    office.stop();
}

/// Fluent that parses but does not format was accepted, and the citizen read `{NUMBER()}`
/// (shrunk: `{ NUMBER($max) }`: the bundles have no functions); so were unknown terms,
/// messages and attributes, and more placeables than Fluent formats.
#[test]
fn regression_a_text_that_does_not_render_is_refused() {
    let office = Office::start();
    let path = "/admin/api/locales/tr/messages/input-too-long";
    for value in [
        "{ NUMBER($max) }",
        "En fazla { DATETIME($max) }",
        "{ -brand } { $max }",
        "{ no-such-message }",
        "{ menu-help.title }",
        &"{ \"a\" }".repeat(101),
    ] {
        let (status, reason) = office.expect(Req::json(Method::PUT, path, json!({"value": value})));
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{value}");
        assert!(reason.contains("does not render"), "{value}: {reason}");
        let (status, _) = office.expect(Req::json(
            Method::POST,
            "/admin/api/locales/tr/preview",
            json!({"id": "input-too-long", "value": value}),
        ));
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "preview of {value}"
        );
    }
    // What does render stays allowed: a variable, another message, a selector.
    for value in [
        "En fazla { $max } karakter; { menu-help }",
        "{ $max ->\n    [one] bir karakter\n   *[other] { $max } karakter\n}",
    ] {
        let (status, reason) = office.expect(Req::json(Method::PUT, path, json!({"value": value})));
        assert_eq!(status, StatusCode::OK, "{value}: {reason}");
    }
    office.stop();
}

/// Placeables nested some hundred deep overflowed the stack and aborted the whole `serve`
/// (shrunk: 700 × `{ ` … `1` … ` }` for a Turkish message).
#[test]
fn regression_deeply_nested_placeables_do_not_crash_the_office() {
    let office = Office::start();
    let deep = format!("{}1{}", "{ ".repeat(700), " }".repeat(700));
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/input-not-understood",
        json!({"value": deep}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reason.contains("nested"), "{reason}");
    let (status, _) = office.expect(Req::json(
        Method::POST,
        "/admin/api/locales/tr/preview",
        json!({"id": "input-not-understood", "value": deep}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Three deep is what real messages do.
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/input-not-understood",
        json!({"value": "{ { { \"Anlamadım\" } } }"}),
    ));
    assert_eq!(status, StatusCode::OK, "{reason}");
    office.stop();
}

/// A closure from year -262143 to 2027 was expanded day by day: ~96 million days, and the
/// request never came back (shrunk: one `Closure("-262143-01-01", Some("2027-05-12"))`).
#[test]
fn regression_a_closure_over_millennia_is_refused_at_once() {
    let office = Office::start();
    let toml = apply(
        &office.catalog,
        &[CatalogOp::Closure(
            "-262143-01-01".into(),
            Some("2027-05-12".into()),
        )],
    );
    let started = Instant::now();
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/catalog",
        json!({"toml": toml}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reason.contains("366 days"), "{reason}");
    assert!(started.elapsed() < Duration::from_secs(10));
    // A year's closure is fine.
    let toml = apply(
        &office.catalog,
        &[CatalogOp::Closure(
            "2027-06-01".into(),
            Some("2028-05-31".into()),
        )],
    );
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/catalog",
        json!({"toml": toml}),
    ));
    assert_eq!(status, StatusCode::OK, "{reason}");
    office.stop();
}

/// A rollback of a message that does not exist answered 200 and wrote a history entry and
/// an audit line for it.
#[test]
fn regression_a_rollback_of_an_unknown_message_is_refused() {
    let office = Office::start();
    let path = "/admin/api/locales/tr/messages/no-such-message";
    let (status, reason) = office.expect(bare(Method::POST, &format!("{path}/rollback")));
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(reason.contains("no-such-message"), "{reason}");
    let history = office
        .rt
        .block_on(office.ok(Method::GET, &format!("{path}/history"), None));
    assert_eq!(history, json!([]));
    let audit = office
        .rt
        .block_on(office.ok(Method::GET, "/admin/api/audit", None));
    assert_eq!(audit["entries"], json!([]));
    office.stop();
}

/// Serde reads a JSON array as the fields in order: `["-"]` set the German text of
/// `admin-catalogue` to "-" (shrunk from the long run). Every endpoint that takes JSON wants an
/// object.
#[test]
fn regression_a_body_that_is_not_an_object_is_refused() {
    let office = Office::start();
    for (method, path, body) in [
        (
            Method::PUT,
            "/admin/api/locales/de/messages/admin-catalogue",
            json!(["-"]),
        ),
        (
            Method::PUT,
            "/admin/api/locales/it/messages/input-not-understood",
            json!(["Non ho capito", "fuzz"]),
        ),
        (
            Method::POST,
            "/admin/api/locales/tr/preview",
            json!(["menu-help", "Yardım"]),
        ),
        (Method::PUT, "/admin/api/catalog", json!(["[office]"])),
        (
            Method::POST,
            "/admin/api/locales/tr/messages/menu-help/confirm",
            json!(["ayse"]),
        ),
        (
            Method::POST,
            "/admin/api/locales/tr/messages/menu-help/rollback",
            json!("x"),
        ),
    ] {
        let (status, reason) = office.expect(Req::json(method, path, body));
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(reason.contains("object"), "{path}: {reason}");
    }
    // Fields of the wrong type are named.
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/menu-help",
        json!({"value": 3}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reason.contains("expected a string"), "{reason}");
    office.stop();
}
