//! Back-off delays: exponential with jitter, from backon, capped.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

/// Delay before attempt `attempt + 1` of something that failed `attempt` times: 1 s, 2 s,
/// 4 s … up to `cap`, each with up to as much again of random jitter so that many retries
/// do not come at once.
pub fn delay(attempt: i64, cap: Duration) -> Duration {
    let n = usize::try_from(attempt.max(0))
        .unwrap_or(usize::MAX)
        .min(30);
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_secs(1))
        .with_max_delay(cap)
        .with_jitter()
        .without_max_times()
        .build()
        .nth(n)
        .unwrap_or(cap)
}

/// A back-off for loops that retry in place (polling, syncing, electing a leader).
pub struct Backoff {
    attempt: i64,
    cap: Duration,
}

impl Backoff {
    pub fn new(cap: Duration) -> Self {
        Self { attempt: 0, cap }
    }

    /// Waits before the next try.
    pub async fn wait(&mut self) {
        tokio::time::sleep(delay(self.attempt, self.cap)).await;
        self.attempt += 1;
    }

    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::delay;
    use std::time::Duration;

    #[test]
    fn delays_grow_and_stay_under_the_cap() {
        let cap = Duration::from_secs(60);
        assert!(delay(0, cap) >= Duration::from_secs(1));
        assert!(delay(0, cap) <= Duration::from_secs(2));
        assert!(delay(3, cap) >= Duration::from_secs(8));
        for n in [10, 30, 1000, i64::MAX] {
            assert!(delay(n, cap) <= cap * 2, "{n}");
        }
    }
}
