//! The virtual waiting room and the clerks' queue, on top of [`crate::store`]: check-in and
//! walk-ins, positions and expected waits pushed to citizens, atomic picks, call outcomes and
//! clerk presence. Every change is in the database, so replicas share one queue.

pub mod estimate;

use crate::channel::ConversationId;
use chrono::{DateTime, Duration, Utc};

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use crate::action::Action;
use crate::error::EngineError;
use crate::fargs;
use crate::i18n::Lang;
use crate::message::Choice;
use crate::office::Office;
use crate::store::Store;
use crate::store::{Booking, BookingStatus, EntryKind, NewEntry, QueueEntry};

/// How long a pick stays with a clerk without a sign of life from their desk, by default
/// ([`WaitingRoom::set_lease`] changes it). Desks renew it every quarter of it
/// ([`WaitingRoom::heartbeat`]); a clerk who vanishes loses the citizen back to the queue
/// after it.
pub const LEASE: Duration = Duration::minutes(2);
pub use crate::message::{Attachment, Link, Message, PaymentAsk};
pub use crate::store::WAITING_ROOM_SLOT;

/// The outcome of a check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckIn {
    Joined(Box<QueueEntry>),
    /// Check-in opens at this time.
    NotYet(DateTime<Utc>),
    /// Too late: the appointment counts as missed.
    TooLate,
    /// Not this citizen's booking, or not confirmed.
    Unknown,
}

/// The queue as a clerk sees it.
#[derive(Debug, Clone)]
pub struct QueueView {
    pub waiting: Vec<(QueueEntry, Option<Duration>)>,
    pub calls: Vec<QueueEntry>,
    pub clerks_on_duty: usize,
}

/// The virtual waiting room: who is in it, in which order, how long each waits.
#[derive(Clone)]
pub struct WaitingRoom {
    office: Office,
    store: Store,
    /// See [`WaitingRoom::lease`], in seconds.
    lease_seconds: Arc<AtomicI64>,
}

impl WaitingRoom {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self {
            office,
            store,
            lease_seconds: Arc::new(AtomicI64::new(LEASE.num_seconds())),
        }
    }

    /// `[opens, closes)` of the check-in window of a booking.
    pub fn check_in_window(&self, booking: &Booking) -> (DateTime<Utc>, DateTime<Utc>) {
        let office = &self.office.catalog().office;
        (
            booking.starts_at - Duration::minutes(i64::from(office.check_in_before_minutes)),
            booking.starts_at + Duration::minutes(i64::from(office.no_show_after_minutes)),
        )
    }

    /// The citizen's booking whose check-in window is open now, if any.
    pub async fn check_in_due(
        &self,
        conversation: &ConversationId,
    ) -> Result<Option<Booking>, EngineError> {
        let store = &self.store;
        // Most citizens at the menu have nothing booked: this process may know it already.
        if store
            .conversations()
            .no_upcoming_bookings_known(conversation)
        {
            return Ok(None);
        }
        let now = self.office.now();
        let mark = store.conversations().bookings_mark();
        let upcoming = store
            .bookings()
            .upcoming_bookings(conversation, now - Duration::hours(1))
            .await?;
        if upcoming.is_empty() {
            store
                .conversations()
                .note_no_upcoming_bookings(conversation, mark);
        }
        for b in upcoming {
            let (opens, closes) = self.check_in_window(&b);
            if opens <= now && now < closes && !self.store.queue().booking_visited(&b.id).await? {
                return Ok(Some(b));
            }
        }
        Ok(None)
    }

    /// Checks a citizen in for their booking. Late arrivals may check in until
    /// `no_show_after_minutes` past the slot; after that the appointment is missed.
    pub async fn check_in(
        &self,
        conversation: &ConversationId,
        booking_id: &str,
    ) -> Result<CheckIn, EngineError> {
        let now = self.office.now();
        let Some(b) = self
            .store
            .bookings()
            .booking(booking_id)
            .await?
            .filter(|b| b.conversation_id.as_ref() == Some(conversation))
        else {
            return Ok(CheckIn::Unknown);
        };
        if b.status == BookingStatus::NoShow {
            return Ok(CheckIn::TooLate);
        }
        if b.status != BookingStatus::Confirmed {
            return Ok(CheckIn::Unknown);
        }
        let (opens, closes) = self.check_in_window(&b);
        if now < opens {
            return Ok(CheckIn::NotYet(opens));
        }
        if now >= closes {
            return Ok(CheckIn::TooLate);
        }
        let entry = self
            .store
            .queue()
            .enqueue(
                &NewEntry {
                    conversation_id: conversation,
                    booking_id: Some(&b.id),
                    reference: Some(&b.reference),
                    service: Some(&b.service),
                    lang: &b.lang,
                    kind: EntryKind::Appointment,
                    slot_at: b.starts_at,
                    checklist: &b.checklist,
                },
                now,
            )
            .await?;
        Ok(CheckIn::Joined(Box::new(entry)))
    }

    /// Whether walk-ins may join now.
    pub fn walk_ins_open(&self) -> bool {
        let office = &self.office.catalog().office;
        office.walk_ins
            && office.is_open(
                self.office
                    .now()
                    .with_timezone(&self.office.tz())
                    .naive_local(),
            )
    }

    /// "Talk to a clerk now": `None` while walk-ins are closed.
    pub async fn walk_in(
        &self,
        conversation: &ConversationId,
        lang: Lang,
    ) -> Result<Option<QueueEntry>, EngineError> {
        if !self.walk_ins_open() {
            return Ok(None);
        }
        let now = self.office.now();
        // Walk-ins get a reference of their own, so that a clerk can `take` them too.
        let reference = crate::reference::new_reference();
        let entry = self
            .store
            .queue()
            .enqueue(
                &NewEntry {
                    conversation_id: conversation,
                    booking_id: None,
                    reference: Some(&reference),
                    service: None,
                    lang: lang.code(),
                    kind: EntryKind::WalkIn,
                    slot_at: now,
                    checklist: &[],
                },
                now,
            )
            .await?;
        Ok(Some(entry))
    }

    /// The citizen leaves the waiting room.
    pub async fn leave_queue(&self, conversation: &ConversationId) -> Result<bool, EngineError> {
        let left = self
            .store
            .queue()
            .leave_queue(conversation, self.office.now())
            .await?;
        if left {
            self.refresh_waiting_room().await?;
        }
        Ok(left)
    }

    /// Expected handling time of an entry: the rolling average of its service.
    async fn handling_time(&self, service: Option<&str>) -> Result<Duration, EngineError> {
        let catalog = self.office.catalog();
        let fallback = service
            .and_then(|s| catalog.service(s))
            .map(|s| Duration::minutes(i64::from(s.duration_minutes)))
            .unwrap_or(Duration::minutes(15));
        let Some(service) = service else {
            return Ok(fallback);
        };
        let seen = self
            .store
            .queue()
            .recent_handling_seconds(service, estimate::SAMPLE)
            .await?;
        Ok(estimate::rolling_average(&seen, fallback))
    }

    /// `(called at, minutes waited)` of the calls since `since`, for statistics.
    pub async fn waits_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, i64)>, EngineError> {
        Ok(self.store.queue().waits_since(since).await?)
    }

    /// The waiting room with expected waits, and the calls in progress.
    pub async fn queue_view(&self) -> Result<QueueView, EngineError> {
        let now = self.office.now();
        let waiting = self.store.queue().waiting(now).await?;
        let calls = self.store.queue().in_calls().await?;
        let clerks = self
            .store
            .queue()
            .clerks_on_duty(now - self.lease())
            .await? as usize;
        let mut averages: std::collections::HashMap<Option<String>, Duration> = Default::default();
        for e in calls.iter().chain(&waiting) {
            if !averages.contains_key(&e.service) {
                let average = self.handling_time(e.service.as_deref()).await?;
                averages.insert(e.service.clone(), average);
            }
        }
        let left: Vec<Duration> = calls
            .iter()
            .map(|c| averages[&c.service] - (now - c.called_at.unwrap_or(now)))
            .collect();
        let handling: Vec<Duration> = waiting.iter().map(|w| averages[&w.service]).collect();
        let waits = estimate::expected_waits(clerks, &left, &handling);
        Ok(QueueView {
            waiting: waiting.into_iter().zip(waits).collect(),
            calls,
            clerks_on_duty: clerks,
        })
    }

    /// Recomputes every waiting citizen's position and expected wait and updates their
    /// waiting-room message where it changed. Runs on every worker tick rather than on every
    /// move, so a busy queue costs at most one update per citizen per tick.
    pub async fn refresh_waiting_room(&self) -> Result<(), EngineError> {
        let view = self.queue_view().await?;
        let now = self.office.now();
        for (i, (entry, wait)) in view.waiting.iter().enumerate() {
            let position = i as i64 + 1;
            let minutes = wait.map(estimate::minutes_to_tell);
            if entry.told_position == Some(position) && entry.told_wait == minutes {
                continue;
            }
            let lang = Lang::from_tag(&entry.lang).unwrap_or(Lang::REFERENCE);
            let body = self.waiting_message(lang, position, minutes);
            self.store
                .queue()
                .tell_position(entry, position, minutes, &body, now)
                .await?;
        }
        Ok(())
    }

    /// The waiting-room text: position, expected wait, and what to do.
    pub fn waiting_text(&self, lang: Lang, position: i64, minutes: Option<i64>) -> String {
        let i18n = self.office.i18n();
        let eta = match minutes {
            None => i18n.text(lang, "waiting-eta-unknown"),
            Some(0) => i18n.text(lang, "waiting-eta-now"),
            Some(m) => i18n.msg(
                lang,
                "waiting-eta",
                &fargs!["wait" => i18n.msg(lang, "duration-minutes", &fargs!["minutes" => m])],
            ),
        };
        [
            i18n.msg(lang, "waiting-status", &fargs!["position" => position]),
            eta,
            i18n.text(lang, "waiting-hint"),
        ]
        .join("\n")
    }

    fn waiting_message(&self, lang: Lang, position: i64, minutes: Option<i64>) -> String {
        self.office.message_json(
            lang,
            self.waiting_text(lang, position, minutes),
            self.waiting_options(lang),
        )
    }

    pub(crate) fn waiting_options(&self, lang: Lang) -> Vec<Choice> {
        vec![
            Choice {
                id: Action::RefreshQueue.encode(),
                label: self.office.i18n().text(lang, "option-refresh"),
            },
            Choice {
                id: Action::LeaveQueue.encode(),
                label: self.office.i18n().text(lang, "option-leave-queue"),
            },
        ]
    }

    /// How long a pick (and a clerk's presence) lasts without a heartbeat.
    pub fn lease(&self) -> Duration {
        Duration::seconds(self.lease_seconds.load(Ordering::Relaxed))
    }

    /// Sets the lease (at least 2 seconds).
    pub fn set_lease(&self, lease: Duration) {
        self.lease_seconds
            .store(lease.num_seconds().max(2), Ordering::Relaxed);
    }

    /// How often desks renew leases and presence: four times per lease.
    pub fn heartbeat(&self) -> Duration {
        self.lease() / 4
    }
}
