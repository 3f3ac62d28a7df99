//! The office under test: a real `schalter serve` on SQLite with its admin token, and the
//! client that talks to it.

use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::{Method, StatusCode, Url};
use schalter_tests::terminal::Chat;
use schalter_tests::{Serve, TestDb};
use serde_json::{Value, json};

use crate::requests::{Answer, Body, Req, Token};

pub(crate) const TOKEN: &str = "fuzz-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
/// A Tuesday morning, so that the office is open.
const CLOCK: &str = "2027-02-02T09:00:00+01:00";
/// The admin API's body limit (`admin::MAX_BODY`).
pub(crate) const MAX_BODY: usize = 64 * 1024;
/// The locales the office speaks.
/// The members of staff the fuzzer calls as, one per role (a translator of Arabic only).
pub(crate) const ROLES: [&str; 5] = [
    "translator:ar",
    "catalogue-editor",
    "queue-supervisor",
    "data-protection",
    "operator",
];
const STAFF_PASSWORD: &str = "fuzzing staff password";
pub(crate) const LANGS: [&str; 13] = [
    "de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "it", "fa", "fr", "es", "de-x-ls",
];

pub(crate) struct Office {
    pub(crate) rt: tokio::runtime::Runtime,
    pub(crate) db: Option<TestDb>,
    pub(crate) serve: Option<Serve>,
    pub(crate) client: reqwest::Client,
    pub(crate) base: String,
    /// Requests sent, invariant checks included.
    pub(crate) requests: AtomicU64,
    pub(crate) cases: AtomicU64,
    /// Set when the server stopped answering: later cases pass at once, so that proptest
    /// reports the case that killed it instead of shrinking against a dead server.
    pub(crate) dead: AtomicBool,
    pub(crate) first_violation: Mutex<Option<String>>,
    /// Answers by method, endpoint and status: what the cases reached.
    pub(crate) stats: Mutex<std::collections::BTreeMap<String, u64>>,
    /// Messages whose text an accepted change set (their GET paths).
    pub(crate) changed: Mutex<std::collections::BTreeSet<String>>,
    /// The reference messages with the variables they use.
    pub(crate) messages: Vec<(String, Vec<String>)>,
    /// The catalogue as shipped.
    pub(crate) catalog: String,
    /// Per role of [`ROLES`]: the session cookie's value and its CSRF secret.
    pub(crate) sessions: Vec<(String, String)>,
}

impl Office {
    pub(crate) fn start() -> Self {
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
            sessions: Vec::new(),
        };
        office.sessions = office.rt.block_on(office.sign_in_staff());
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

    /// An account per role, each signed in through the local form.
    async fn sign_in_staff(&self) -> Vec<(String, String)> {
        let db = self.db.as_ref().expect("db");
        let now = chrono::DateTime::parse_from_rfc3339(CLOCK)
            .expect("clock")
            .to_utc();
        let (engine, _) = schalter_tests::engine(&db.store, now);
        let mut sessions = Vec::new();
        for (i, role) in ROLES.iter().enumerate() {
            let name = format!("staff{i}");
            let roles = schalter_core::staff::Roles::parse(role).expect("role");
            engine
                .staff()
                .add_account(&name, &roles, STAFF_PASSWORD)
                .await
                .expect("account");
            let mut staff = schalter_tests::staff::Staff::new(&self.base, "en");
            let (status, page) = staff.sign_in_local(&name, STAFF_PASSWORD).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            sessions.push((staff.session.expect("session"), staff.csrf.expect("csrf")));
        }
        sessions
    }

    pub(crate) fn url(&self, path: &str) -> Result<Url, String> {
        Url::parse(&format!("{}{path}", self.base)).map_err(|e| format!("bad URL {path:?}: {e}"))
    }

    pub(crate) async fn send(&self, req: &Req) -> Result<Answer, String> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let mut r = self
            .client
            .request(req.method.clone(), self.url(&req.path)?);
        match &req.token {
            Token::Valid => r = r.bearer_auth(TOKEN),
            Token::Missing => {}
            Token::Session(i) => {
                let (cookie, csrf) = &self.sessions[*i];
                r = r
                    .header(
                        reqwest::header::COOKIE,
                        format!("{}={cookie}", schalter_tests::staff::SESSION_COOKIE),
                    )
                    .header("x-csrf-token", csrf);
            }
            Token::ForgedSession => {
                r = r.header(
                    reqwest::header::COOKIE,
                    format!(
                        "{}={}",
                        schalter_tests::staff::SESSION_COOKIE,
                        "5e".repeat(32)
                    ),
                );
            }
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
    pub(crate) async fn ok(&self, method: Method, path: &str, body: Option<Value>) -> Value {
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

    pub(crate) async fn healthy(&self) -> Result<(), String> {
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

    /// Runs `cases` cases of `strategy` through `test`, panicking with the shrunk case on a
    /// violation.
    pub(crate) fn run<S: Strategy>(
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
    pub(crate) fn finish(mut self) {
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

    pub(crate) fn stop(mut self) {
        let serve = self.serve.take().expect("serve");
        let db = self.db.take().expect("db");
        self.rt.block_on(async {
            serve.kill().await;
            db.drop_db().await;
        });
    }

    /// One request that must keep every invariant; its status and reason.
    pub(crate) fn expect(&self, req: Req) -> (StatusCode, String) {
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
    pub(crate) fn print_stats(&self) {
        for (key, n) in self.stats.lock().expect("lock").iter() {
            println!("{n:>8}  {key}");
        }
    }

    pub(crate) fn figures(&self) -> (u64, u64) {
        (
            self.cases.load(Ordering::Relaxed),
            self.requests.load(Ordering::Relaxed),
        )
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
