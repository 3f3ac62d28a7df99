//! Counters for `/metrics`: messages by channel and language, errors, deliveries and rows
//! purged by the retention rules.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::channel::ChannelKind;

#[derive(Debug, Default)]
pub struct Metrics {
    messages: Mutex<BTreeMap<(String, String), u64>>,
    errors: AtomicU64,
    delivered: AtomicU64,
    retried: AtomicU64,
    dead: AtomicU64,
    /// Failed deliveries by platform and kind of failure.
    send_failures: Mutex<BTreeMap<(String, &'static str), u64>>,
    purged: Mutex<BTreeMap<&'static str, u64>>,
}

impl Metrics {
    /// One input from a citizen on `channel` in `lang`.
    pub fn message(&self, channel: ChannelKind, lang: &str) {
        let channel = channel.as_str().to_owned();
        let mut m = self.messages.lock().unwrap_or_else(|e| e.into_inner());
        *m.entry((channel, lang.to_owned())).or_default() += 1;
    }

    pub fn error(&self) {
        self.errors.fetch_add(1, Ordering::Relaxed);
    }

    pub fn messages(&self) -> Vec<((String, String), u64)> {
        let m = self.messages.lock().unwrap_or_else(|e| e.into_inner());
        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
    }

    pub fn errors(&self) -> u64 {
        self.errors.load(Ordering::Relaxed)
    }

    /// An outgoing message reached its conversation.
    pub fn delivered(&self) {
        self.delivered.fetch_add(1, Ordering::Relaxed);
    }

    /// A delivery failed and will be tried again.
    pub fn retried(&self) {
        self.retried.fetch_add(1, Ordering::Relaxed);
    }

    /// `n` messages were given up (the conversation unreachable or the message refused).
    pub fn dead(&self, n: u64) {
        self.dead.fetch_add(n, Ordering::Relaxed);
    }

    /// A delivery failed on `platform` (`telegram`, `matrix`, `stripe` …) with a failure of
    /// `kind` (the outbox's labels: `server_error`, `rate_limited`, `unrecognized` …).
    pub fn send_failed(&self, platform: &str, kind: &'static str) {
        let mut m = self.send_failures.lock().unwrap_or_else(|e| e.into_inner());
        *m.entry((platform.to_owned(), kind)).or_default() += 1;
    }

    /// Failed deliveries since start, by platform and kind.
    pub fn send_failures(&self) -> Vec<((String, &'static str), u64)> {
        let m = self.send_failures.lock().unwrap_or_else(|e| e.into_inner());
        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
    }

    /// `(delivered, retried, dead)` since start.
    pub fn deliveries(&self) -> (u64, u64, u64) {
        (
            self.delivered.load(Ordering::Relaxed),
            self.retried.load(Ordering::Relaxed),
            self.dead.load(Ordering::Relaxed),
        )
    }

    /// `n` rows of `kind` (see `retention::PurgeReport::KINDS`) went by the retention rules.
    pub fn purged(&self, kind: &'static str, n: u64) {
        let mut m = self.purged.lock().unwrap_or_else(|e| e.into_inner());
        *m.entry(kind).or_default() += n;
    }

    /// Rows purged since start, for every kind (0 before the first purge).
    pub fn purged_rows(&self) -> Vec<(&'static str, u64)> {
        let m = self.purged.lock().unwrap_or_else(|e| e.into_inner());
        crate::store::PurgeReport::KINDS
            .iter()
            .map(|k| (*k, m.get(k).copied().unwrap_or(0)))
            .collect()
    }
}
