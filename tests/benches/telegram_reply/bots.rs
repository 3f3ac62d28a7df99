//! The four bots measured, each started against an emulator and stopped again; Schalter as
//! its release build's `serve`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use schalter_tests::TestDb;
use schalter_tests::telegram_emulator::{Emulator, TOKEN};

use crate::MORNING;
use crate::echo::{durable_echo_bot, echo_bot};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Echo,
    EchoLimited,
    DurableEcho,
    Schalter,
}

impl Side {
    pub(crate) const ALL: [Side; 4] = [
        Side::Echo,
        Side::EchoLimited,
        Side::DurableEcho,
        Side::Schalter,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Side::Echo => "echo bot",
            Side::EchoLimited => "echo bot within limits",
            Side::DurableEcho => "durable echo bot",
            Side::Schalter => "Schalter",
        }
    }
}

/// The `schalter` binary to run: the release build, or `TELEGRAM_BENCH_SCHALTER`.
pub(crate) fn schalter_bin() -> PathBuf {
    std::env::var_os("TELEGRAM_BENCH_SCHALTER").map_or_else(
        || schalter_tests::workspace().join("target/release/schalter"),
        PathBuf::from,
    )
}

/// A bot running against an emulator.
pub(crate) enum Running {
    Echo(tokio::task::JoinHandle<()>),
    DurableEcho(tokio::task::JoinHandle<()>, TestDb),
    Schalter(Box<(tokio::process::Child, TestDb)>),
}

impl Running {
    pub(crate) async fn start(side: Side, emu: &Emulator) -> Self {
        match side {
            Side::Echo => Running::Echo(tokio::spawn(echo_bot(emu.url.clone(), None))),
            Side::EchoLimited => Running::Echo(tokio::spawn(echo_bot(
                emu.url.clone(),
                Some(Arc::default()),
            ))),
            Side::DurableEcho => {
                let db = TestDb::sqlite().await;
                for table in [
                    "CREATE TABLE bench_inbox (update_id INTEGER PRIMARY KEY, chat INTEGER NOT \
                     NULL, text TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0)",
                    "CREATE TABLE bench_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, chat \
                     INTEGER NOT NULL, text TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)",
                ] {
                    sqlx::query(table)
                        .execute(db.store.pool())
                        .await
                        .expect("bench tables");
                }
                let task = tokio::spawn(durable_echo_bot(emu.url.clone(), db.store.clone()));
                Running::DurableEcho(task, db)
            }
            Side::Schalter => {
                let db = TestDb::sqlite().await;
                let child = serve(&db, emu).await;
                Running::Schalter(Box::new((child, db)))
            }
        }
    }

    pub(crate) async fn stop(self) {
        match self {
            Running::Echo(task) => task.abort(),
            Running::DurableEcho(task, db) => {
                task.abort();
                db.drop_db().await;
            }
            Running::Schalter(running) => {
                let (mut child, db) = *running;
                child.kill().await.expect("kill schalter serve");
                db.drop_db().await;
            }
        }
    }
}

/// `schalter serve` as the tests start it (see `schalter_tests::Serve`), but from the release
/// build, once its HTTP side answers.
async fn serve(db: &TestDb, emu: &Emulator) -> tokio::process::Child {
    let bind = format!("127.0.0.1:{}", schalter_tests::free_port());
    let child = tokio::process::Command::new(schalter_bin())
        .arg("serve")
        .current_dir(schalter_tests::workspace())
        .env("SCHALTER_HTTP_BIND", &bind)
        .env(
            "SCHALTER_LOG",
            std::env::var("TELEGRAM_BENCH_LOG").unwrap_or_else(|_| "error".to_owned()),
        )
        .env("SCHALTER_DATABASE_URL", &db.url)
        .env("SCHALTER_TELEGRAM_TOKEN", TOKEN)
        .env("SCHALTER_TELEGRAM_API_URL", &emu.url)
        .env("SCHALTER_CLOCK_START", MORNING)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start schalter serve");
    let client = reqwest::Client::new();
    for _ in 0..300 {
        if let Ok(r) = client.get(format!("http://{bind}/healthz")).send().await
            && r.status().is_success()
        {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("schalter serve did not come up on {bind}");
}
