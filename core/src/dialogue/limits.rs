//! The limits that protect everybody's appointments: at most `max_active_bookings` future
//! bookings and at most [`INPUTS_PER_MINUTE`] inputs a minute per conversation (counted in
//! this process, in an [`InputLimit`] of the dialogue).

use crate::channel::ConversationId;
use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, Duration, Utc};

use std::sync::Mutex;

use super::{Dialogue, EngineError};
use crate::fargs;
use crate::i18n::Lang;

/// Inputs one conversation may send within a minute (counted per process).
pub const INPUTS_PER_MINUTE: usize = 20;

/// The rate limit's map never shrinks below room for this many conversations.
const SWEPT_MAP_MIN: usize = 64;

impl Dialogue {
    /// Whether the conversation holds as many future bookings as it may.
    pub(super) async fn booking_limit_reached(
        &self,
        conversation: &ConversationId,
    ) -> Result<bool, EngineError> {
        let max = self.office.catalog().office.max_active_bookings as usize;
        if max > 0
            && self
                .store
                .conversations()
                .no_upcoming_bookings_known(conversation)
        {
            return Ok(false);
        }
        let active = self
            .store
            .bookings()
            .upcoming_bookings(conversation, self.office.now())
            .await?
            .len();
        Ok(active >= max)
    }

    pub(super) fn booking_limit_text(&self, lang: Lang) -> String {
        self.office.i18n().msg(
            lang,
            "booking-limit",
            &fargs!["max" => self.office.catalog().office.max_active_bookings],
        )
    }

    /// Counts an input; `false` once the conversation sent more than [`INPUTS_PER_MINUTE`]
    /// within the last minute. Only the public networks are limited: the terminal is a
    /// person (or a script) at this machine.
    ///
    /// The memory follows the conversations heard from within the last minute, however many
    /// there were before: a conversation keeps at most `INPUTS_PER_MINUTE + 1` times (enough
    /// to tell "more than the limit", however fast it writes), and the ones quiet for a
    /// minute are dropped when the map is full, before it would grow. The map is then sized
    /// to twice what it kept, so the next sweep is as many new conversations away as it
    /// keeps: a sweep costs a few steps per new conversation, never one per input.
    pub(super) fn input_allowed(&self, conversation: &ConversationId) -> bool {
        if !conversation.channel().is_public() {
            return true;
        }
        let now = self.office.now();
        let mut recent = self.limit.recent.lock().unwrap_or_else(|e| e.into_inner());
        note_input(&mut recent, conversation, now)
    }
}

/// Recent inputs per conversation, for the rate limit.
type RecentInputs = HashMap<ConversationId, VecDeque<DateTime<Utc>>>;

/// The inputs each conversation sent within the last minute, in this process.
#[derive(Debug, Default)]
pub(crate) struct InputLimit {
    recent: Mutex<RecentInputs>,
}

/// [`Dialogue::input_allowed`] on the map: counts the input, sweeping out the conversations
/// quiet for a minute when a new one finds the map full.
fn note_input(
    recent: &mut RecentInputs,
    conversation: &ConversationId,
    now: DateTime<Utc>,
) -> bool {
    if let Some(times) = recent.get_mut(conversation) {
        return count_input(times, now);
    }
    if recent.len() >= recent.capacity() {
        recent.retain(|_, times| times.back().is_some_and(|t| within_minute(*t, now)));
        // A new table of twice the size kept: without the sweep's holes, and neither kept
        // large after a quiet spell nor grown past what the last minute needs.
        let mut fresh = HashMap::with_capacity((2 * recent.len()).max(SWEPT_MAP_MIN));
        fresh.extend(recent.drain());
        *recent = fresh;
    }
    let mut times = VecDeque::new();
    let allowed = count_input(&mut times, now);
    recent.insert(conversation.to_owned(), times);
    allowed
}

fn within_minute(t: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - t < Duration::minutes(1)
}

/// Adds an input at `now` to a conversation's recent ones; `false` if that makes more than
/// [`INPUTS_PER_MINUTE`] within the last minute. Only the newest `INPUTS_PER_MINUTE + 1` are
/// kept: when there are more within the minute, so are these.
fn count_input(times: &mut VecDeque<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    while times.front().is_some_and(|t| !within_minute(*t, now)) {
        times.pop_front();
    }
    if times.len() > INPUTS_PER_MINUTE {
        times.pop_front();
    }
    times.push_back(now);
    times.len() <= INPUTS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channel::ChannelKind;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn more_than_the_limit_within_a_minute_is_refused() {
        let mut times = VecDeque::new();
        for _ in 0..INPUTS_PER_MINUTE {
            assert!(count_input(&mut times, at(0)));
        }
        assert!(!count_input(&mut times, at(30)));
        assert!(!count_input(&mut times, at(59)));
        // The 20 from the start are a minute old; the two refused ones still count.
        assert!(count_input(&mut times, at(60)));
        assert_eq!(times.len(), 3);
    }

    #[test]
    fn a_flood_keeps_a_bounded_count_and_ends_a_minute_after_it() {
        let mut times = VecDeque::new();
        for s in 0..1_000 {
            let allowed = count_input(&mut times, at(s / 20));
            assert_eq!(allowed, s < INPUTS_PER_MINUTE as i64, "input {s}");
            assert!(times.len() <= INPUTS_PER_MINUTE + 1);
        }
        // The last came at 49 s, so this one is refused (and counts); a minute after it,
        // all is well again.
        assert!(!count_input(&mut times, at(108)));
        assert!(count_input(&mut times, at(168)));
    }

    #[test]
    fn the_map_holds_the_last_minutes_conversations() {
        let mut recent = RecentInputs::new();
        // 200,000 conversations, 100 a second, two inputs each: 6,000 a minute.
        for c in 0..200_000_i64 {
            let conversation = ConversationId::new(ChannelKind::Telegram, c.to_string());
            let now = at(c / 100);
            assert!(note_input(&mut recent, &conversation, now));
            assert!(note_input(&mut recent, &conversation, now));
            // At most twice the room of twice the last minute's, as the table rounds up.
            assert!(recent.capacity() <= 4 * 6_100 + 2 * SWEPT_MAP_MIN, "{c}");
        }
        // The newest are all there.
        assert_eq!(
            recent[&ConversationId::new(ChannelKind::Telegram, "199999")].len(),
            2
        );
        // Quiet for a minute: the next new conversation sweeps them out when the map is full.
        let later = at(2_000 + 61);
        for c in 0..recent.capacity() - recent.len() + 1 {
            assert!(note_input(
                &mut recent,
                &ConversationId::new(ChannelKind::Matrix, format!("@u{c}:example.org")),
                later
            ));
        }
        assert!(recent.keys().all(|k| k.channel() == ChannelKind::Matrix));
    }
}
