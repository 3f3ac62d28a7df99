#![recursion_limit = "256"]
//! Test harness: fresh databases on real peers, and the real `schalter` binary.
//!
//! PostgreSQL is expected at `SCHALTER_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`, trust auth; any user that may create
//! databases, with a password and options in the URL if it needs them); every test gets a
//! database of its own. A missing PostgreSQL fails the test: it never skips silently.

pub mod documents;
pub mod fault_proxy;
pub mod matrix_client;
pub mod oidc;
pub mod outage;
pub mod prometheus;
pub mod staff;
pub mod stripe_fake;
pub mod synapse;
pub mod telegram_emulator;
pub mod terminal;
pub mod traces;
pub mod web_events;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use schalter_core::{Catalog, Engine, FixedClock, I18n, Store};

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database that exists only for one test.
#[derive(Debug)]
pub struct TestDb {
    pub url: String,
    pub store: Store,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    File(PathBuf),
    Postgres { admin_url: String, name: String },
}

fn unique(prefix: &str) -> String {
    format!("{prefix}_{}_{}", std::process::id(), rand::random::<u64>())
}

/// A fresh scratch directory under the system temp dir.
pub fn scratch_dir(prefix: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(unique(prefix));
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = scratch_dir("schalter_sqlite");
        let path = dir.join("test.db");
        let url = format!("sqlite://{}", path.display());
        let store = Store::connect(&url).await.expect("open SQLite");
        store.migrate().await.expect("migrate SQLite");
        Self {
            url,
            store,
            cleanup: Cleanup::File(dir),
        }
    }

    pub async fn postgres() -> Self {
        let admin_url = std::env::var("SCHALTER_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into());
        let admin = Store::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is required for this test and was not reachable at {admin_url}: {e}. \
                 Start it (the README's test command does) or set SCHALTER_TEST_POSTGRES_URL."
            )
        });
        let name = unique("schalter_t");
        // Database names cannot be bound as parameters; this one is ours, made of [a-z0-9_].
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(admin.pool())
            .await
            .expect("create test database");
        admin.close().await;
        // The same server, user and options (`?sslmode=…`), another database.
        let (path, options) = admin_url
            .split_once('?')
            .map_or((admin_url.as_str(), ""), |(p, o)| (p, o));
        let (base, _) = path.rsplit_once('/').expect("URL has a database");
        let url = match options {
            "" => format!("{base}/{name}"),
            options => format!("{base}/{name}?{options}"),
        };
        let store = Store::connect(&url)
            .await
            .expect("connect to test database");
        store.migrate().await.expect("migrate PostgreSQL");
        Self {
            url,
            store,
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }

    /// Closes the pool and removes the database.
    pub async fn drop_db(self) {
        self.store.close().await;
        match self.cleanup {
            Cleanup::File(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                if let Ok(admin) = Store::connect(&admin_url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(admin.pool())
                    .await;
                    admin.close().await;
                }
            }
        }
    }
}

/// A conversation id written as it is stored (`terminal:alice`). Panics on an unknown
/// channel, which only a typo in a test can make.
pub fn conv(stored: &str) -> schalter_core::ConversationId {
    schalter_core::ConversationId::parse(stored).expect("a conversation id of a known channel")
}

/// A row's conversation as it was stored: empty once the row is anonymised.
pub fn stored(conversation: &Option<schalter_core::ConversationId>) -> &str {
    conversation
        .as_ref()
        .map_or("", schalter_core::ConversationId::as_str)
}

/// An engine on `store` with the demo catalogue, the shipped locales and a clock at `now`.
pub fn engine(store: &Store, now: DateTime<Utc>) -> (Arc<Engine>, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(now));
    let engine = Engine::new(
        Catalog::builtin().expect("demo catalogue"),
        Arc::new(I18n::builtin()),
        store.clone(),
        clock.clone(),
        chrono_tz::Europe::Berlin,
    );
    (Arc::new(engine), clock)
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives in the workspace")
        .to_path_buf()
}

/// The `schalter` binary next to this test executable, refusing a missing or stale one.
pub fn schalter_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps");
    let bin = dir.join(format!("schalter{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&bin)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| {
            panic!(
                "{} is missing: build it first with `cargo build -p schalter` \
                 (the README's test command does)",
                bin.display()
            )
        });
    // The files the binary was built from, as cargo's dep-info lists them (a test-only file
    // such as a unit-test module does not make the binary stale); without it, every source.
    let deps = std::fs::read_to_string(dir.join("schalter.d")).ok();
    let newest = match deps.as_deref().and_then(|d| d.lines().next()) {
        Some(line) => line
            .split_once(": ")
            .map(|(_, files)| files)
            .unwrap_or_default()
            .split(' ')
            .filter(|f| !f.is_empty())
            .filter_map(|f| newest_mtime(Path::new(&f.replace("\\ ", " "))))
            .max(),
        None => {
            let root = workspace();
            ["bots/src", "core/src", "locales", "migrations", "deploy"]
                .iter()
                .filter_map(|d| newest_mtime(&root.join(d)))
                .max()
        }
    };
    if let Some(newest) = newest {
        assert!(
            built >= newest,
            "{} is older than the sources: rebuild it with `cargo build -p schalter`",
            bin.display()
        );
    }
    bin
}

fn newest_mtime(path: &Path) -> Option<std::time::SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| newest_mtime(&e.path()))
        .max()
}

/// The messages of `kind` (a `NoticeKind`'s name) queued for `conversation` and not yet
/// delivered, oldest first.
pub async fn queued(
    store: &Store,
    conversation: &str,
    kind: &str,
) -> Vec<schalter_core::message::Message> {
    store
        .outbox()
        .pending_for(&conv(conversation), 100)
        .await
        .expect("read the outbox")
        .into_iter()
        .filter(|n| n.kind == kind)
        .map(|n| serde_json::from_str(&n.body).expect("a message"))
        .collect()
}

/// The first line of Leichte Sprache message `id` as shipped, up to its first placeable: what
/// a test looks for in an answer in `de-x-ls`.
pub fn easy_first_line(id: &str) -> String {
    static I18N: std::sync::LazyLock<schalter_core::I18n> =
        std::sync::LazyLock::new(schalter_core::I18n::builtin);
    let text = I18N.text(schalter_core::Lang::DeXls, id);
    let line = text.lines().next().unwrap_or_default();
    line.split('{').next().unwrap_or_default().trim().to_owned()
}

/// A running `schalter serve`.
pub struct Serve {
    child: tokio::process::Child,
    pub http: String,
}

/// A free TCP port on loopback (bound and released; the OS does not hand it out again soon).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Serve {
    /// Starts `schalter serve` from the workspace root with `env` and waits until its HTTP
    /// side answers `/healthz`.
    pub async fn start(env: &[(&str, &str)]) -> Self {
        Self::start_at(&format!("127.0.0.1:{}", free_port()), env).await
    }

    /// As [`Serve::start`], on `bind` (e.g. the address a killed one had).
    pub async fn start_at(bind: &str, env: &[(&str, &str)]) -> Self {
        let bind = bind.to_owned();
        let child = tokio::process::Command::new(schalter_bin())
            .arg("serve")
            .current_dir(workspace())
            .env("SCHALTER_HTTP_BIND", &bind)
            .env("SCHALTER_LOG", "warn,matrix_sdk_crypto::backups=error")
            .envs(env.iter().copied())
            .stdin(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start schalter serve");
        let http = format!("http://{bind}");
        let client = reqwest::Client::new();
        for _ in 0..300 {
            if let Ok(r) = client.get(format!("{http}/healthz")).send().await
                && r.status().is_success()
            {
                return Self { child, http };
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("schalter serve did not come up on {bind}");
    }

    /// Kills it without warning, as a crash would.
    pub async fn kill(mut self) {
        self.child.kill().await.expect("kill serve");
    }
}

/// A copy of the shipped `locales/` in a scratch folder, to edit in a test.
pub fn copy_locales() -> PathBuf {
    let dir = scratch_dir("schalter_locales");
    for entry in std::fs::read_dir(workspace().join("locales")).expect("locales/") {
        let entry = entry.expect("locale folder");
        let target = dir.join(entry.file_name());
        std::fs::create_dir_all(&target).expect("create locale folder");
        for f in std::fs::read_dir(entry.path()).expect("locale files") {
            let f = f.expect("locale file");
            std::fs::copy(f.path(), target.join(f.file_name())).expect("copy .ftl");
        }
    }
    dir
}

/// The id of the first option of `reply` whose id starts with `prefix` (the test fails if
/// there is none).
pub fn option_id(reply: &schalter_core::Reply, prefix: &str) -> String {
    reply
        .options
        .iter()
        .find(|o| o.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no option {prefix} in {reply:#?}"))
        .id
        .clone()
}

/// Presses the first option of `reply` whose id starts with `prefix`, in conversation
/// `conversation` (stored form, e.g. `telegram:1`), through the engine's dialogue.
pub async fn press(
    engine: &Engine,
    conversation: &str,
    reply: &schalter_core::Reply,
    prefix: &str,
) -> schalter_core::Reply {
    engine
        .dialogue()
        .handle(
            &conv(conversation),
            schalter_core::Input::Choice(option_id(reply, prefix)),
        )
        .await
        .expect("engine answers")
}
