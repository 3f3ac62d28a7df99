//! The limits that protect everybody's appointments: at most `max_active_bookings` future
//! bookings and at most [`INPUTS_PER_MINUTE`] inputs a minute per conversation.
//!
//! The input limit is counted in the conversation's row, not in a process: webhooks and web
//! requests land on any replica, and a limit each replica counted alone would let a citizen
//! send as many times more as there are replicas. Its state is one number, the "theoretical
//! arrival time" of the generic cell rate algorithm (GCRA, what the `governor` crate runs in
//! memory for the web chat's per-address limit): a conversation may send a burst of
//! [`INPUTS_PER_MINUTE`], then one input every `60 s / INPUTS_PER_MINUTE`. The number is
//! written with the step's versioned write, which every replica already makes (one statement,
//! none added), and that write's version check makes two replicas count in turn: a step
//! counted on an out-of-date row fails and is taken again on the stored one. `governor` keeps
//! its state in its own memory and cannot be given a row's, so the few lines of arithmetic
//! are here.

use crate::channel::ConversationId;

use chrono::{DateTime, Utc};

use super::{Conversation, Dialogue, EngineError};
use crate::fargs;
use crate::i18n::Lang;

/// Inputs one conversation may send at once, and in any minute at a steady pace.
pub const INPUTS_PER_MINUTE: usize = 20;

/// Microseconds between inputs at the steady pace.
const EMISSION_MICROS: i64 = 60_000_000 / INPUTS_PER_MINUTE as i64;
/// How far the theoretical arrival time may run ahead of now: a burst of
/// [`INPUTS_PER_MINUTE`].
const TOLERANCE_MICROS: i64 = EMISSION_MICROS * (INPUTS_PER_MINUTE as i64 - 1);

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

    /// Counts an input in `conv` (stored with its step); `false` once the conversation sent
    /// more than the limit allows. Only the public networks are limited: the terminal is a
    /// person (or a script) at this machine.
    pub(super) fn input_allowed(&self, conv: &mut Conversation) -> bool {
        if !conv.id.channel().is_public() {
            return true;
        }
        match admit(conv.input_tat, self.office.now()) {
            Some(tat) => {
                conv.input_tat = tat;
                true
            }
            None => false,
        }
    }
}

/// GCRA: the new theoretical arrival time if an input at `now` is within the limit, given
/// the stored one (`tat`, microseconds; 0 for none), else `None` (and the stored one stays:
/// a refused input does not use up the allowance).
fn admit(tat: i64, now: DateTime<Utc>) -> Option<i64> {
    let now = now.timestamp_micros();
    let tat = tat.max(now);
    (tat - now <= TOLERANCE_MICROS).then_some(tat + EMISSION_MICROS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: f64) -> DateTime<Utc> {
        DateTime::from_timestamp_micros(1_800_000_000_000_000 + (seconds * 1e6) as i64).unwrap()
    }

    /// Sends at each of `times` (seconds), counting from `tat`; returns the admitted count
    /// and the state after.
    fn send(mut tat: i64, times: impl IntoIterator<Item = f64>) -> (usize, i64) {
        let mut admitted = 0;
        for t in times {
            if let Some(next) = admit(tat, at(t)) {
                tat = next;
                admitted += 1;
            }
        }
        (admitted, tat)
    }

    #[test]
    fn a_burst_of_the_limit_then_one_input_per_emission() {
        // 100 inputs within one second: the first INPUTS_PER_MINUTE pass.
        let (admitted, tat) = send(0, (0..100).map(|i| f64::from(i) / 100.0));
        assert_eq!(admitted, INPUTS_PER_MINUTE);
        // Still refused a moment later, then one more every three seconds.
        assert_eq!(send(tat, [2.0]).0, 0);
        assert_eq!(send(tat, [3.0, 3.1]).0, 1);
        // After a quiet minute the whole burst again.
        assert_eq!(
            send(tat, (0..100).map(|i| 61.0 + f64::from(i) / 100.0)).0,
            20
        );
    }

    #[test]
    fn a_steady_pace_within_the_limit_is_never_refused() {
        // One input every three seconds for an hour.
        let (admitted, _) = send(0, (0..1200).map(|i| f64::from(i) * 3.0));
        assert_eq!(admitted, 1200);
        // Twice that pace: half of them, once the burst is used up.
        let (admitted, _) = send(0, (0..1200).map(|i| f64::from(i) * 1.5));
        assert!(
            (600..=600 + INPUTS_PER_MINUTE).contains(&admitted),
            "{admitted}"
        );
    }

    #[test]
    fn a_refused_input_does_not_use_up_the_allowance() {
        let (_, tat) = send(0, (0..20).map(|_| 0.0));
        let (admitted, after) = send(tat, (0..1000).map(|i| f64::from(i) / 1000.0));
        assert_eq!((admitted, after), (0, tat));
    }
}
