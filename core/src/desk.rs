//! What a clerk's desk does with a call, whichever desk it is (a Matrix room, the terminal):
//! pick the next citizen (or one by reference), tell them, end the call (done, no-show, back
//! to the queue) with the fee and the question how it went, send a prepared message, and
//! keep the clerk's presence and lease alive. Also named here: what the desk works with (an
//! entry of the queue, what `next` or `take` found, how a call ends).

use crate::dialogue::Dialogue;
use crate::error::EngineError;
use crate::fargs;
use crate::i18n::Lang;
use crate::message::Link;
use crate::metrics::WALK_IN;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::payments::Payments;
use crate::queue::{WAITING_ROOM_SLOT, WaitingRoom};
use crate::store::{EntryStatus, Store};
pub use crate::store::{Finish, Pick, QueueEntry};

/// Prepared messages a clerk can send to the citizen in the call (`!say KEY`); each is the
/// message `say-KEY` in the citizen's language.
pub const SAY_KEYS: [&str; 5] = ["camera", "microphone", "documents", "moment", "link"];

/// The outcome of `!say KEY`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Sent(Box<QueueEntry>),
    UnknownKey,
    NoCall,
}

/// The clerks' side of the queue.
#[derive(Clone)]
pub struct Desk {
    office: Office,
    store: Store,
    room: WaitingRoom,
    payments: Payments,
    dialogue: Dialogue,
}

impl Desk {
    pub(crate) fn new(
        office: Office,
        store: Store,
        room: WaitingRoom,
        payments: Payments,
        dialogue: Dialogue,
    ) -> Self {
        Self {
            office,
            store,
            room,
            payments,
            dialogue,
        }
    }

    /// `next` (no reference) or `take REF` for a clerk. The citizen is told at once; the
    /// others' positions move.
    pub async fn pick_next(
        &self,
        clerk: &str,
        reference: Option<&str>,
        video_url: Option<&str>,
    ) -> Result<Pick, EngineError> {
        let now = self.office.now();
        self.store.queue().clerk_seen(clerk, now).await?;
        let pick = self
            .store
            .queue()
            .pick(clerk, reference, self.room.lease(), video_url, now)
            .await?;
        if let Pick::Picked(entry) = &pick {
            let service = entry.service.as_deref().unwrap_or(WALK_IN);
            let called = entry.called_at.unwrap_or(now);
            self.office
                .metrics()
                .waited(service, called - entry.joined_at);
        }
        // A waiting citizen always has a conversation (only finished rows are anonymised).
        if let Pick::Picked(entry) = &pick
            && let Some(citizen) = &entry.conversation_id
        {
            let lang = Lang::from_tag(&entry.lang).unwrap_or(Lang::REFERENCE);
            let i18n = self.office.i18n();
            let mut text = vec![i18n.text(lang, "called")];
            text.push(match video_url {
                Some(url) => i18n.msg(lang, "called-link", &fargs!["url" => url.to_owned()]),
                None => i18n.text(lang, "called-no-link"),
            });
            let link = video_url.map(|url| Link {
                label: i18n.text(lang, "option-join-video"),
                url: url.to_owned(),
            });
            let body = self
                .office
                .message_with_link(lang, text.join("\n"), Vec::new(), link);
            self.store
                .outbox()
                .notify_once(
                    citizen,
                    &format!("called:{}:{}", entry.id, now.timestamp()),
                    NoticeKind::Called,
                    &body,
                    now,
                )
                .await?;
            let status = self
                .office
                .message_json(lang, i18n.text(lang, "in-call"), Vec::new());
            self.store
                .outbox()
                .notify_update(citizen, WAITING_ROOM_SLOT, NoticeKind::InCall, &status, now)
                .await?;
            self.room.refresh_waiting_room().await?;
        }
        Ok(pick)
    }

    /// Ends the clerk's call: done, no-show, or back to the queue.
    pub async fn finish_call(
        &self,
        clerk: &str,
        how: Finish,
    ) -> Result<Option<QueueEntry>, EngineError> {
        let now = self.office.now();
        self.store.queue().clerk_seen(clerk, now).await?;
        let Some(entry) = self.store.queue().finish_call(clerk, &how, now).await? else {
            return Ok(None);
        };
        // A citizen who had themselves forgotten during the call is told nothing more.
        let Some(citizen) = entry.conversation_id.clone() else {
            return Ok(Some(entry));
        };
        let lang = Lang::from_tag(&entry.lang).unwrap_or(Lang::REFERENCE);
        let (kind, id) = match entry.status {
            EntryStatus::Done => (NoticeKind::VisitDone, "visit-done"),
            EntryStatus::NoShow => (NoticeKind::VisitNoShow, "visit-no-show"),
            _ => (NoticeKind::BackInQueue, "back-in-queue"),
        };
        let text = self.office.i18n().text(lang, id);
        let body = self.office.message_json(lang, text, Vec::new());
        self.store
            .outbox()
            .notify_update(&citizen, WAITING_ROOM_SLOT, kind, &body, now)
            .await?;
        if entry.status == EntryStatus::Done {
            // The fee first, then the question how it went.
            self.payments.fee_after_call(&entry, clerk).await?;
            self.dialogue.ask_feedback(&citizen, &entry.id).await?;
        }
        Ok(Some(entry))
    }

    /// Sends the prepared message `key` to the clerk's current citizen.
    pub async fn say(&self, clerk: &str, key: &str) -> Result<Said, EngineError> {
        let Some(entry) = self.store.queue().clerk_entry(clerk).await? else {
            return Ok(Said::NoCall);
        };
        let Some(citizen) = entry.conversation_id.clone() else {
            return Ok(Said::NoCall);
        };
        if !SAY_KEYS.contains(&key) {
            return Ok(Said::UnknownKey);
        }
        let now = self.office.now();
        let lang = Lang::from_tag(&entry.lang).unwrap_or(Lang::REFERENCE);
        let mut text = self.office.i18n().text(lang, &format!("say-{key}"));
        if key == "link"
            && let Some(url) = &entry.video_url
        {
            text = format!("{text}\n{url}");
        }
        let body = self.office.message_json(lang, text, Vec::new());
        let slot = format!("say:{}:{key}:{}", entry.id, now.timestamp_micros());
        self.store
            .outbox()
            .notify_once(&citizen, &slot, NoticeKind::Say, &body, now)
            .await?;
        Ok(Said::Sent(Box::new(entry)))
    }

    /// A clerk reports `available` or `away`. Only clerks available count for estimates.
    pub async fn set_presence(&self, clerk: &str, available: bool) -> Result<(), EngineError> {
        let status = if available { "available" } else { "away" };
        self.store
            .queue()
            .set_clerk_status(clerk, status, self.office.now())
            .await?;
        self.room.refresh_waiting_room().await
    }

    /// The desk is alive: renews the clerk's presence and the lease on their current call.
    pub async fn keep_alive(&self, clerk: &str) -> Result<(), EngineError> {
        let now = self.office.now();
        self.store.queue().clerk_seen(clerk, now).await?;
        self.store
            .queue()
            .renew_lease(clerk, now + self.room.lease())
            .await?;
        Ok(())
    }
}
