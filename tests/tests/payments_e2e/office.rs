//! The office every process shares: its shifted clock, the processes' settings, the desk's call.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, Utc};
use schalter_tests::TestDb;
use schalter_tests::stripe_fake::StripeFake;
use schalter_tests::telegram_emulator::{Emulator, TOKEN};
use schalter_tests::terminal::Desk;

use crate::{ADMIN_TOKEN, CLERK, LOG, PAYMENT_TOKEN};

/// The office's shifted clock, shared by every process of a test: each one starts at the
/// office time that has passed since the test began, so that they all read the same time
/// (a process started later with the same fixed `SCHALTER_CLOCK_START` would lag behind, and
/// retries it plans would be late for the others).
pub(crate) struct Office {
    pub(crate) start: DateTime<FixedOffset>,
    pub(crate) began: Instant,
}

impl Office {
    pub(crate) fn new(start: &str) -> Self {
        Self {
            start: DateTime::parse_from_rfc3339(start).expect("RFC 3339"),
            began: Instant::now(),
        }
    }

    /// `SCHALTER_CLOCK_START` for a process started now.
    pub(crate) fn now(&self) -> String {
        let passed = chrono::Duration::from_std(self.began.elapsed()).expect("short test");
        (self.start + passed).to_rfc3339()
    }

    /// `base` with the office clock as of now.
    pub(crate) fn env(&self, base: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut env = base.to_vec();
        env.push(("SCHALTER_CLOCK_START", self.now()));
        env
    }
}

pub(crate) fn refs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

/// What every process of a test shares: the database, the desk's clerk, logs.
pub(crate) fn common(db: &TestDb) -> Vec<(&'static str, String)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.clone()),
        ("SCHALTER_MATRIX_CLERKS", CLERK.into()),
        ("SCHALTER_VIDEO_BASE_URL", "https://meet.example.org".into()),
        ("SCHALTER_ADMIN_TOKEN", ADMIN_TOKEN.into()),
        ("SCHALTER_LOG", LOG.into()),
    ]
}

/// Telegram with native invoices. The desk needs it too: whoever says `done` decides how
/// the citizen is asked to pay.
pub(crate) fn telegram_env(db: &TestDb, emu: &Emulator) -> Vec<(&'static str, String)> {
    let mut env = common(db);
    env.extend([
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN.to_owned()),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.clone()),
        ("SCHALTER_TELEGRAM_PAYMENT_TOKEN", PAYMENT_TOKEN.to_owned()),
    ]);
    env
}

/// Stripe Checkout for the terminal citizen.
pub(crate) fn stripe_env(db: &TestDb, fake: &StripeFake) -> Vec<(&'static str, String)> {
    let mut env = common(db);
    env.extend([
        ("SCHALTER_PAYMENT_PROVIDER", "stripe".to_owned()),
        ("SCHALTER_STRIPE_SECRET_KEY", fake.secret_key.clone()),
        (
            "SCHALTER_STRIPE_WEBHOOK_SECRET",
            fake.webhook_secret.clone(),
        ),
        ("SCHALTER_STRIPE_API_URL", fake.url.clone()),
        (
            "SCHALTER_PAYMENT_RETURN_URL",
            "https://example.org/back".to_owned(),
        ),
    ]);
    env
}

/// The clerk calls the citizen and ends the call: returns the desk's answer to `done`.
pub(crate) async fn call_and_finish(desk: &mut Desk, reference: &str, service: &str) -> String {
    let picked = desk.command("next", "Aufgerufen").await;
    assert!(
        picked.contains(reference) && picked.contains(service),
        "the booked citizen is called: {picked}"
    );
    let done = desk.command("done", "erledigt").await;
    assert!(done.contains(reference), "{done}");
    done
}
