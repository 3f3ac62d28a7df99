//! The one place that reads the wall clock. Everything else takes a [`Clock`], so slots,
//! holds and timers are tested with a fixed or stepped time.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        #[allow(clippy::disallowed_methods)] // the single sanctioned wall-clock read
        Utc::now()
    }
}

/// A clock for tests: stands still until told to move.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *now += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The real clock shifted to start at a chosen moment: for demos and end-to-end tests of
/// timers ("it is Tuesday 8:25"). Time then passes at the normal rate.
#[derive(Debug)]
pub struct ShiftedClock {
    start: DateTime<Utc>,
    started: std::time::Instant,
}

impl ShiftedClock {
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        Self {
            start,
            started: std::time::Instant::now(),
        }
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        let elapsed = Duration::from_std(self.started.elapsed()).unwrap_or_default();
        self.start + elapsed
    }
}
