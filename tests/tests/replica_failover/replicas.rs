//! Starting a replica: its environment, and its clock in step with the other replicas'.

use std::time::Instant;

use schalter_tests::telegram_emulator::{Emulator, TOKEN};
use schalter_tests::{Serve, TestDb};

use crate::MORNING;

/// The environment of replica `label`: one database (its connections named after the
/// replica, to tell in `pg_stat_activity` who holds which lock), the Telegram emulator, and
/// the Matrix settings shared by all (one store directory: only the leader opens it).
pub(crate) fn env(
    label: char,
    clock: Instant,
    db: &TestDb,
    emu: &Emulator,
    matrix: &[(String, String)],
) -> Vec<(String, String)> {
    let sep = if db.url.contains('?') { '&' } else { '?' };
    // Shows who leads when (the replicas' stderr goes to the test's); SCHALTER_LOG overrides.
    let log = std::env::var("SCHALTER_LOG").unwrap_or_else(|_| {
        "warn,leader=info,matrix_sdk_crypto::backups=error,matrix_sdk::http_client=off".into()
    });
    let mut env: Vec<(String, String)> = [
        (
            "SCHALTER_DATABASE_URL",
            format!("{}{sep}application_name=schalter-{label}", db.url),
        ),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN.to_owned()),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.clone()),
        ("SCHALTER_CLOCK_START", clock_now(clock)),
        ("SCHALTER_LOG", log),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    env.extend(matrix.iter().cloned());
    env
}

/// The office's time now on a clock that showed `MORNING` at `origin`: every replica starts
/// its clock there, so that they all show the same time, as hosts with synchronised clocks
/// do (a replica's clock starts at SCHALTER_CLOCK_START when the process starts).
pub(crate) fn clock_now(origin: Instant) -> String {
    let morning = chrono::DateTime::parse_from_rfc3339(MORNING).expect("MORNING");
    let elapsed = chrono::Duration::from_std(origin.elapsed()).expect("elapsed time");
    (morning + elapsed).to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

/// Starts replica `label`, its clock in step with `clock` (see [`clock_now`]).
pub(crate) async fn start_replica(
    label: char,
    clock: Instant,
    db: &TestDb,
    emu: &Emulator,
    matrix: &[(String, String)],
) -> (char, Serve) {
    let env = env(label, clock, db, emu, matrix);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    (label, Serve::start(&env).await)
}
