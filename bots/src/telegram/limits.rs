//! Telegram's limits on sending (<https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this>):
//! at most 30 messages in any second overall, one a second per chat ("we may allow short
//! bursts": here at most [`CHAT_BURST`] in any [`CHAT_BURST`] seconds, so that a booking's
//! calendar file and its confirmation go out together instead of a second apart), 20 a minute
//! per group or channel. A message waits exactly until it may go, and no longer: teloxide's throttle
//! adaptor, used before, looked at its queue only every 250 ms, which added up to a quarter
//! of a second to every reply once a few chats were busy. A 429 that comes anyway is the
//! outbox's to honour (`retry_after`).
//!
//! The overall budget is counted as Telegram sees it: a message holds its place from the
//! moment it is sent until a second after Telegram answered it ([`Slot`]), so that however
//! long requests take on the way, no second at Telegram's end holds more than 30. Counted at
//! the moment of sending, as before, requests that had waited on the way arrived together
//! and made 33 in one second (60 chats from two replicas, `tests/tests/replica_limits.rs`).
//! Only one replica sends (the leader), so one count in its memory is everybody's.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use teloxide::types::ChatId;
use tokio::sync::Notify;
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
    /// Wakes those waiting for a place when a message is answered.
    answered: Notify,
}

/// Messages in flight and answered within the last second, overall; sent per chat in the
/// last minute.
#[derive(Default)]
struct Sent {
    in_flight: usize,
    answered: VecDeque<Instant>,
    chats: HashMap<i64, VecDeque<Instant>>,
}

/// Why a message may not go yet.
#[derive(Debug, PartialEq, Eq)]
enum Wait {
    /// Until this moment.
    Until(Instant),
    /// Until a message in flight is answered (and a second has passed since).
    Answer,
}

/// A message's place in the overall budget, held while it is on its way and for a second
/// after it was answered (or failed, or was given up): dropped once the request returned.
pub struct Slot<'a> {
    limits: &'a Limits,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        lock(&self.limits.sent).answer(Instant::now());
        self.limits.answered.notify_waiters();
    }
}

impl Limits {
    /// Waits until a message to `chat` may go, and holds its place: keep the slot until
    /// Telegram has answered.
    pub async fn wait(&self, chat: ChatId) -> Slot<'_> {
        loop {
            // Registered before looking, so that an answer in between is not missed.
            let answered = self.answered.notified();
            let wait = match lock(&self.sent).take(chat.0, Instant::now()) {
                Ok(()) => return Slot { limits: self },
                Err(wait) => wait,
            };
            match wait {
                Wait::Until(until) => tokio::time::sleep_until(until).await,
                Wait::Answer => answered.await,
            }
        }
    }
}

impl Sent {
    /// Counts a message to `chat` going at `now`, or says how long it must wait.
    fn take(&mut self, chat: i64, now: Instant) -> Result<(), Wait> {
        let second_ago = now.checked_sub(SECOND);
        let minute_ago = now.checked_sub(MINUTE);
        prune(&mut self.answered, second_ago);
        if self.chats.len() > FORGET_ABOVE {
            self.chats.retain(|_, times| {
                prune(times, minute_ago);
                !times.is_empty()
            });
        }
        let times = self.chats.entry(chat).or_default();
        prune(times, minute_ago);
        let mut until = None;
        let taken = self.in_flight + self.answered.len();
        if taken >= PER_SECOND_OVERALL {
            // The place that frees first: the oldest answer's, a second after it; if all the
            // places are on their way, the next answer's.
            match self.answered.get(taken - PER_SECOND_OVERALL) {
                Some(answered) => until = Some(*answered + SECOND),
                None => return Err(Wait::Answer),
            }
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
            return Err(Wait::Until(until));
        }
        times.push_back(now);
        self.in_flight += 1;
        Ok(())
    }

    /// A message taken before was answered at `now`.
    fn answer(&mut self, now: Instant) {
        self.in_flight = self.in_flight.saturating_sub(1);
        self.answered.push_back(now);
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

    /// Takes a message to `chat` at `now` and has it answered at once.
    fn send(sent: &mut Sent, chat: i64, now: Instant) -> Result<(), Wait> {
        sent.take(chat, now)?;
        sent.answer(now);
        Ok(())
    }

    #[test]
    fn one_a_second_per_chat_in_short_bursts_thirty_overall() {
        let mut sent = Sent::default();
        let t0 = Instant::now();
        // A burst of three (a calendar file, its confirmation, a reminder) goes at once; the
        // fourth waits until the first is three seconds old.
        for _ in 0..3 {
            assert_eq!(send(&mut sent, 1, t0), Ok(()));
        }
        assert_eq!(sent.take(1, t0), Err(Wait::Until(t0 + CHAT_WINDOW)));
        for chat in 2..29 {
            assert_eq!(send(&mut sent, chat, t0), Ok(()));
        }
        // The 31st message in this second waits for the first to be a second old.
        assert_eq!(sent.take(99, t0), Err(Wait::Until(t0 + SECOND)));
        assert_eq!(send(&mut sent, 99, t0 + SECOND), Ok(()));
        assert_eq!(
            sent.take(1, t0 + SECOND),
            Err(Wait::Until(t0 + CHAT_WINDOW))
        );
        assert_eq!(send(&mut sent, 1, t0 + CHAT_WINDOW), Ok(()));
        // Steadily, one a second.
        for i in 4..20 {
            assert_eq!(send(&mut sent, 1, t0 + SECOND * i), Ok(()));
        }
    }

    #[test]
    fn a_place_is_held_until_a_second_after_the_answer() {
        let mut sent = Sent::default();
        let t0 = Instant::now();
        for chat in 0..30 {
            assert_eq!(sent.take(chat, t0), Ok(()));
        }
        // All thirty on their way: the next waits for an answer, not for a time.
        assert_eq!(sent.take(100, t0 + SECOND * 5), Err(Wait::Answer));
        // Answered late (the request took 400 ms): the place frees a second after that.
        let answered = t0 + Duration::from_millis(400);
        sent.answer(answered);
        assert_eq!(
            sent.take(100, answered),
            Err(Wait::Until(answered + SECOND))
        );
        assert_eq!(sent.take(100, answered + SECOND), Ok(()));
    }

    #[test]
    fn twenty_a_minute_per_group() {
        let mut sent = Sent::default();
        let t0 = Instant::now();
        for i in 0..20 {
            assert_eq!(send(&mut sent, -100, t0 + SECOND * i), Ok(()));
        }
        assert_eq!(
            sent.take(-100, t0 + SECOND * 20),
            Err(Wait::Until(t0 + MINUTE))
        );
        assert_eq!(send(&mut sent, -100, t0 + MINUTE), Ok(()));
        // A private chat may go on at one a second.
        for i in 0..25 {
            assert_eq!(send(&mut sent, 7, t0 + SECOND * i), Ok(()));
        }
    }
}
