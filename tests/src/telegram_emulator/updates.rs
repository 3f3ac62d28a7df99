//! Update ids, their numberings, and `getUpdates` (see the module doc of the emulator for
//! how an offset relates to a numbering after ids restart).

use std::time::Duration;

use axum::response::Response;
use serde_json::{Value, json};

use super::params::int;
use super::{Emulator, error, ok};

/// One run of update ids: the first id and the last id given to an update so far
/// (`start - 1` when none).
#[derive(Debug, Clone, Copy)]
pub(super) struct Numbering {
    pub(super) start: i64,
    pub(super) last: i64,
}

/// An update and the numbering its id belongs to.
#[derive(Debug, Clone)]
pub(super) struct Queued {
    pub(super) numbering: usize,
    pub(super) update: Value,
}

impl Queued {
    pub(super) fn id(&self) -> i64 {
        self.update["update_id"].as_i64().unwrap_or(0)
    }
}

/// The numbering an `offset` refers to (see the module doc).
fn numbering_of(numberings: &[Numbering], offset: i64) -> Option<usize> {
    numberings
        .iter()
        .rposition(|n| n.start < offset && offset <= n.last + 1)
        .or_else(|| {
            numberings
                .iter()
                .enumerate()
                .filter(|(_, n)| n.start < offset)
                .max_by_key(|(i, n)| (n.last, *i))
                .map(|(i, _)| i)
        })
}

impl Emulator {
    /// Puts updates back in the queue, as Telegram does when it was not sure they arrived.
    pub fn redeliver(&self, ids: &[i64]) {
        let mut s = self.lock();
        for id in ids {
            if let Some(u) = s.all.get(id).cloned() {
                s.queue.push(u);
            }
        }
        s.queue.sort_by_key(|q| (q.numbering, q.id()));
        drop(s);
        self.notify.notify_waiters();
    }

    /// The next update gets id `next` (lower than before), as Telegram does after a week
    /// without updates; see the module doc for how offsets relate to the new numbering.
    pub fn restart_update_ids(&self, next: i64) {
        let mut s = self.lock();
        s.next_update = next - 1;
        s.numberings.push(Numbering {
            start: next,
            last: next - 1,
        });
    }

    /// Updates not yet confirmed by an offset (as of the last getUpdates call).
    pub fn pending_updates(&self) -> usize {
        self.lock().queue.len()
    }

    /// How often getUpdates handed out the update with this id (of the newest numbering
    /// that used the id).
    pub fn handed_out(&self, update_id: i64) -> u32 {
        let s = self.lock();
        s.all
            .get(&update_id)
            .and_then(|q| s.handed_out.get(&(q.numbering, update_id)))
            .copied()
            .unwrap_or(0)
    }

    /// The largest `timeout` (seconds) the bot asked getUpdates for, if it polled at all.
    pub fn max_poll_timeout(&self) -> Option<u64> {
        self.lock().max_poll_timeout
    }
}

/// `getUpdates`: held up to its `timeout` (at most 50 s) while nothing is pending.
pub(super) async fn get_updates(emu: &Emulator, p: &Value) -> Response {
    if emu.lock().webhook.is_some() {
        return error(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
    }
    let offset = int(&p["offset"]).unwrap_or(0);
    let limit = int(&p["limit"]).unwrap_or(100).clamp(1, 100) as usize;
    let asked = int(&p["timeout"]).unwrap_or(0).max(0);
    let timeout = asked.min(50);
    {
        let mut s = emu.lock();
        let asked = u64::try_from(asked).unwrap_or(0);
        s.max_poll_timeout = Some(s.max_poll_timeout.map_or(asked, |m| m.max(asked)));
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout as u64);
    loop {
        let notified = emu.notify.notified();
        {
            let mut s = emu.lock();
            // An offset confirms the updates before it in its numbering and every
            // update of older numberings (see the module doc).
            if let Some(of) = numbering_of(&s.numberings, offset) {
                s.queue
                    .retain(|q| q.numbering > of || (q.numbering == of && q.id() >= offset));
            }
            if !s.queue.is_empty() {
                let batch: Vec<Queued> = s.queue.iter().take(limit).cloned().collect();
                for q in &batch {
                    *s.handed_out.entry((q.numbering, q.id())).or_default() += 1;
                }
                return ok(Value::Array(batch.into_iter().map(|q| q.update).collect()));
            }
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return ok(json!([]));
        }
    }
}
