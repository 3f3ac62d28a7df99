//! What a case is made of: its citizens, their platform's answers, its steps, and the
//! strategies that generate them.

use std::time::Duration;

use proptest::prelude::*;
use schalter_core::{ChannelKind, ConversationId};

use super::{HINTS, TEXTS};
use crate::channel::{FailureKind, SendError};

#[derive(Debug, Clone)]
pub(crate) struct Case {
    /// Real milliseconds per clock step.
    pub(crate) tick_ms: u64,
    pub(crate) citizens: Vec<Citizen>,
    pub(crate) steps: Vec<Step>,
}

#[derive(Debug, Clone)]
pub(crate) struct Citizen {
    /// Index into [`HINTS`], or none.
    pub(crate) hint: Option<usize>,
    /// The platform's answer to the conversation's sends, in turn (`None`: it went); every
    /// send after these goes.
    pub(crate) answers: Vec<Option<Transient>>,
}

#[derive(Debug, Clone)]
pub(crate) enum Step {
    /// The citizen (modulo the number of citizens) types `TEXTS[text]`, `gap_ms` (real time
    /// and office time alike) after the step before.
    Say { who: usize, text: usize, gap_ms: u8 },
    /// Office time passes: `ticks` clock steps.
    Wait { ticks: u8 },
}

/// A transient failure of one send.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Transient {
    ServerError,
    Network,
    /// A 429, with the seconds it asks to wait, if any.
    RateLimited(Option<u8>),
    Credentials,
    Internal,
    /// The message reached the citizen, the answer to the request did not.
    ShownAnswerLost,
}

impl Transient {
    pub(crate) fn error(self) -> SendError {
        match self {
            Transient::ServerError => SendError::new(FailureKind::ServerError, "502 Bad Gateway"),
            Transient::Network => SendError::new(FailureKind::Network, "connection refused"),
            Transient::RateLimited(after) => {
                SendError::new(FailureKind::RateLimited, "Too Many Requests")
                    .after(after.map(|s| Duration::from_secs(u64::from(s))))
            }
            Transient::Credentials => SendError::new(FailureKind::Credentials, "Unauthorized"),
            Transient::Internal => SendError::internal("database is locked"),
            Transient::ShownAnswerLost => {
                SendError::new(FailureKind::Network, "connection reset after the request")
            }
        }
    }
}

fn transient() -> impl Strategy<Value = Transient> {
    prop_oneof![
        Just(Transient::ServerError),
        Just(Transient::Network),
        prop::option::of(1u8..=40).prop_map(Transient::RateLimited),
        Just(Transient::Credentials),
        Just(Transient::Internal),
        Just(Transient::ShownAnswerLost),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0usize..4, 0..TEXTS.len(), 0u8..=40)
            .prop_map(|(who, text, gap_ms)| Step::Say { who, text, gap_ms }),
        1 => (1u8..=4).prop_map(|ticks| Step::Wait { ticks }),
    ]
}

/// A case; each send fails with the case's probability (0–60 %): its roll (0–99) plus the
/// percentage reaches 100. Both shrink towards sends that go.
pub(crate) fn case() -> impl Strategy<Value = Case> {
    let citizen = (
        prop::option::of(0..HINTS.len()),
        prop::collection::vec((0u32..100, transient()), 0..=24),
    );
    (
        0u32..=60,
        20u64..=50,
        prop::collection::vec(citizen, 2..=4),
        prop::collection::vec(step(), 1..=14),
    )
        .prop_map(|(percent, tick_ms, citizens, steps)| Case {
            tick_ms,
            citizens: citizens
                .into_iter()
                .map(|(hint, sends)| Citizen {
                    hint,
                    answers: sends
                        .into_iter()
                        .map(|(roll, failure)| (roll + percent >= 100).then_some(failure))
                        .collect(),
                })
                .collect(),
            steps,
        })
}

pub(crate) fn conversation(i: usize) -> ConversationId {
    ConversationId::new(ChannelKind::Telegram, (1001 + i).to_string())
}
