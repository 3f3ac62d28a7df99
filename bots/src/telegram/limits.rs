//! Telegram's limits on sending (<https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this>):
//! at most 30 messages in any second overall, one a second per chat ("we may allow short
//! bursts": here at most [`CHAT_BURST`] in any [`CHAT_BURST`] seconds, so that a booking's
//! calendar file and its confirmation go out together instead of a second apart), 20 a minute
//! per group or channel. A message waits exactly until it may go, and no longer: teloxide's throttle
//! adaptor, used before, looked at its queue only every 250 ms, which added up to a quarter
//! of a second to every reply once a few chats were busy. A 429 that comes anyway is the
//! outbox's to honour (`retry_after`).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use teloxide::types::ChatId;
use tokio::time::Instant;

use crate::channel::lock;

const SECOND: Duration = Duration::from_secs(1);
const MINUTE: Duration = Duration::from_secs(60);
const PER_SECOND_OVERALL: usize = 30;
/// Messages to one chat in any window of as many seconds: one a second on average.
const CHAT_BURST: usize = 3;
const CHAT_WINDOW: Duration = Duration::from_secs(CHAT_BURST as u64);
const PER_MINUTE_GROUP: usize = 20;
/// Chats remembered before the ones quiet for a minute are forgotten.
const FORGET_ABOVE: usize = 1024;

#[derive(Default)]
pub struct Limits {
    sent: Mutex<Sent>,
}

/// When messages went out: overall in the last second, per chat in the last minute.
#[derive(Default)]
struct Sent {
    overall: VecDeque<Instant>,
    chats: HashMap<i64, VecDeque<Instant>>,
}

impl Limits {
    /// Waits until a message to `chat` may go, and counts it as sent.
    pub async fn wait(&self, chat: ChatId) {
        loop {
            let until = match lock(&self.sent).take(chat.0, Instant::now()) {
                Ok(()) => return,
                Err(until) => until,
            };
            tokio::time::sleep_until(until).await;
        }
    }
}

impl Sent {
    /// Counts a message to `chat` at `now`, or says from when it might go.
    fn take(&mut self, chat: i64, now: Instant) -> Result<(), Instant> {
        let second_ago = now.checked_sub(SECOND);
        let minute_ago = now.checked_sub(MINUTE);
        prune(&mut self.overall, second_ago);
        if self.chats.len() > FORGET_ABOVE {
            self.chats.retain(|_, times| {
                prune(times, minute_ago);
                !times.is_empty()
            });
        }
        let times = self.chats.entry(chat).or_default();
        prune(times, minute_ago);
        let mut until = None;
        if self.overall.len() >= PER_SECOND_OVERALL {
            until = Some(self.overall[self.overall.len() - PER_SECOND_OVERALL] + SECOND);
        }
        let window_ago = now.checked_sub(CHAT_WINDOW);
        let in_window = times
            .iter()
            .rev()
            .take_while(|t| window_ago.is_none_or(|ago| **t > ago))
            .count();
        if in_window >= CHAT_BURST {
            until = until.max(Some(times[times.len() - CHAT_BURST] + CHAT_WINDOW));
        }
        // Groups and channels have negative ids.
        if chat < 0 && times.len() >= PER_MINUTE_GROUP {
            until = until.max(Some(times[times.len() - PER_MINUTE_GROUP] + MINUTE));
        }
        if let Some(until) = until {
            return Err(until);
        }
        times.push_back(now);
        self.overall.push_back(now);
        Ok(())
    }
}

/// Drops the times at or before `ago`.
fn prune(times: &mut VecDeque<Instant>, ago: Option<Instant>) {
    while times
        .front()
        .is_some_and(|t| ago.is_some_and(|ago| *t <= ago))
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_a_second_per_chat_in_short_bursts_thirty_overall() {
        let mut sent = Sent::default();
        let t0 = Instant::now();
        // A burst of three (a calendar file, its confirmation, a reminder) goes at once; the
        // fourth waits until the first is three seconds old.
        for _ in 0..3 {
            assert_eq!(sent.take(1, t0), Ok(()));
        }
        assert_eq!(sent.take(1, t0), Err(t0 + CHAT_WINDOW));
        for chat in 2..29 {
            assert_eq!(sent.take(chat, t0), Ok(()));
        }
        // The 31st message in this second waits for the first to be a second old.
        assert_eq!(sent.take(99, t0), Err(t0 + SECOND));
        assert_eq!(sent.take(99, t0 + SECOND), Ok(()));
        assert_eq!(sent.take(1, t0 + SECOND), Err(t0 + CHAT_WINDOW));
        assert_eq!(sent.take(1, t0 + CHAT_WINDOW), Ok(()));
        // Steadily, one a second.
        for i in 4..20 {
            assert_eq!(sent.take(1, t0 + SECOND * i), Ok(()));
        }
    }

    #[test]
    fn twenty_a_minute_per_group() {
        let mut sent = Sent::default();
        let t0 = Instant::now();
        for i in 0..20 {
            assert_eq!(sent.take(-100, t0 + SECOND * i), Ok(()));
        }
        assert_eq!(sent.take(-100, t0 + SECOND * 20), Err(t0 + MINUTE));
        assert_eq!(sent.take(-100, t0 + MINUTE), Ok(()));
        // A private chat may go on at one a second.
        for i in 0..25 {
            assert_eq!(sent.take(7, t0 + SECOND * i), Ok(()));
        }
    }
}
