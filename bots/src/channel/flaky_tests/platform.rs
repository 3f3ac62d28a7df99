//! The platform: it fails as the case's script says and shows what went, dropping a repeat
//! of what it has shown, as a Matrix homeserver does.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

use schalter_core::{Capabilities, ChannelKind};

use super::case::{Case, Transient, conversation};
use crate::channel::{Channel, Delivery, SendError, Sent, lock};

/// A platform that fails as its script says and shows what went, keyed like a Matrix
/// homeserver: a repeat of a transaction it has shown is dropped.
pub(crate) struct Flaky {
    /// Per conversation, the answers to its sends in turn.
    scripts: HashMap<String, Vec<Option<Transient>>>,
    pub(crate) state: Mutex<Platform>,
}

#[derive(Default)]
pub(crate) struct Platform {
    /// Sends so far, per conversation.
    calls: HashMap<String, usize>,
    /// What the citizen saw, per conversation, in order.
    shown: HashMap<String, Vec<Shown>>,
    /// Idempotency keys shown.
    seen: HashSet<String>,
    /// Idempotency keys the platform acknowledged.
    acked: HashSet<String>,
    /// Rule violations seen at the platform.
    pub(crate) violations: Vec<String>,
    pub(crate) failures: u64,
    pub(crate) lost_answers: u64,
    pub(crate) dropped_repeats: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct Shown {
    pub(crate) slot: Option<String>,
    pub(crate) kind: String,
    pub(crate) text: String,
}

impl Flaky {
    pub(crate) fn new(case: &Case) -> Self {
        let scripts = case
            .citizens
            .iter()
            .enumerate()
            .map(|(i, c)| (conversation(i).to_string(), c.answers.clone()))
            .collect();
        Self {
            scripts,
            state: Mutex::default(),
        }
    }

    pub(crate) fn shown(&self, conversation: &str) -> Vec<Shown> {
        lock(&self.state)
            .shown
            .get(conversation)
            .cloned()
            .unwrap_or_default()
    }
}

impl Channel for Flaky {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Telegram]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: true,
            url_buttons: true,
            edit_in_place: false,
            max_text: 4096,
            max_option_id: 64,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        // A moment on the network, so that other tasks go on meanwhile.
        tokio::time::sleep(Duration::from_millis(1)).await;
        let conversation = d.to.to_string();
        let key = &d.idempotency_key;
        let mut p = lock(&self.state);
        let calls = p.calls.entry(conversation.clone()).or_default();
        let call = *calls;
        *calls += 1;
        if p.acked.contains(key) {
            p.violations.push(format!(
                "{conversation}: {:?} sent again after the platform acknowledged it",
                d.slot
            ));
        }
        let answer = self
            .scripts
            .get(&conversation)
            .and_then(|s| s.get(call))
            .copied()
            .flatten();
        if let Some(failure) = answer
            && !matches!(failure, Transient::ShownAnswerLost)
        {
            p.failures += 1;
            return Err(failure.error());
        }
        if p.seen.insert(key.clone()) {
            p.shown
                .entry(conversation.clone())
                .or_default()
                .push(Shown {
                    slot: d.slot.clone(),
                    kind: d.kind.as_str().to_owned(),
                    text: d.message.text.clone(),
                });
        } else {
            p.dropped_repeats += 1;
        }
        match answer {
            Some(lost) => {
                p.failures += 1;
                p.lost_answers += 1;
                Err(lost.error())
            }
            None => {
                p.acked.insert(key.clone());
                Ok(Sent {
                    message_id: Some(format!("{conversation}/{call}")),
                })
            }
        }
    }
}
