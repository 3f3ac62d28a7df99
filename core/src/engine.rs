//! The engine: the core services wired together, and nothing else. Each service is a struct
//! of its own holding what it needs (the [`Office`] everybody reads, the store, and the
//! services it asks in turn); the engine builds them once, in the order they depend on each
//! other, and hands them out:
//!
//! | service | asks | for |
//! |---|---|---|
//! | [`Dialogue`] | waiting room, scheduler, payments, rights, calendar, transcript | the citizen's conversation |
//! | [`WaitingRoom`] | — | check-in, walk-ins, positions and waits |
//! | [`Desk`] | waiting room, payments, dialogue | what a clerk does with a call |
//! | [`Scheduler`] | waiting room, rights | reminders, no-shows, agendas, the daily purge |
//! | [`Payments`] | — | fees, their messages, refunds |
//! | [`Rights`] | waiting room | privacy notice, `/mydata`, `/forget`, retention |
//! | [`Calendar`] | — | calendar files |
//! | [`Inbox`], [`Outbox`], [`ChannelState`] | — | what the channels keep and send |
//! | [`Transcript`] | — | what a web page shows, numbered for resuming |
//! | [`Admin`] | rights | translations, catalogue, audit log |
//! | [`Documents`] | — | files citizens send for their checklist, sealed; the clerk's copies |
//! | [`DeviceChecks`] | — | the device check before a call: its links, each booking's result |

use std::sync::Arc;

use chrono_tz::Tz;

use crate::admin::Admin;
use crate::calendar::Calendar;
use crate::catalog::Catalog;
use crate::channel_state::ChannelState;
use crate::clock::Clock;
use crate::desk::Desk;
use crate::device_check::DeviceChecks;
use crate::dialogue::Dialogue;
use crate::documents::Documents;
pub use crate::error::EngineError;
use crate::i18n::I18n;
use crate::inbox::Inbox;
use crate::mail::Mailing;
pub use crate::office::Office;
use crate::outbox::Outbox;
use crate::payments::Payments;
use crate::queue::WaitingRoom;
use crate::rights::Rights;
use crate::staff::Staff;
pub use crate::store::Leadership;
use crate::store::{Store, StoreError};
use crate::timers::Scheduler;
use crate::transcript::Transcript;

/// The core services of one process; see the module.
pub struct Engine {
    office: Office,
    store: Store,
    dialogue: Dialogue,
    room: WaitingRoom,
    desk: Desk,
    scheduler: Scheduler,
    payments: Payments,
    rights: Rights,
    calendar: Calendar,
    inbox: Inbox,
    outbox: Outbox,
    channel_state: ChannelState,
    transcript: Transcript,
    mail: Mailing,
    admin: Admin,
    staff: Staff,
    documents: Documents,
    device_checks: DeviceChecks,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("office", &self.office)
            .finish_non_exhaustive()
    }
}

impl Engine {
    pub fn new(
        catalog: Catalog,
        i18n: Arc<I18n>,
        store: Store,
        clock: Arc<dyn Clock>,
        tz: Tz,
    ) -> Self {
        let office = Office::new(catalog, i18n, clock, tz);
        let room = WaitingRoom::new(office.clone(), store.clone());
        let payments = Payments::new(office.clone(), store.clone());
        let calendar = Calendar::new(office.clone(), store.clone());
        let rights = Rights::new(office.clone(), store.clone(), room.clone());
        let device_checks = DeviceChecks::new(office.clone(), store.clone());
        let scheduler = Scheduler::new(
            office.clone(),
            store.clone(),
            room.clone(),
            rights.clone(),
            device_checks.clone(),
        );
        let transcript = Transcript::new(office.clone(), store.clone());
        let documents = Documents::new(office.clone(), store.clone());
        let dialogue = Dialogue::new(
            office.clone(),
            store.clone(),
            crate::dialogue::Services {
                room: room.clone(),
                scheduler: scheduler.clone(),
                payments: payments.clone(),
                rights: rights.clone(),
                calendar: calendar.clone(),
                transcript: transcript.clone(),
                documents: documents.clone(),
                device_checks: device_checks.clone(),
            },
        );
        let desk = Desk::new(
            office.clone(),
            store.clone(),
            room.clone(),
            payments.clone(),
            dialogue.clone(),
        );
        Self {
            inbox: Inbox::new(office.clone(), store.clone()),
            outbox: Outbox::new(office.clone(), store.clone()),
            channel_state: ChannelState::new(store.clone()),
            transcript,
            mail: Mailing::new(office.clone(), store.clone(), calendar.clone()),
            admin: Admin::new(office.clone(), store.clone(), rights.clone()),
            staff: Staff::new(office.clone(), store.clone()),
            documents,
            device_checks,
            office,
            store,
            dialogue,
            room,
            desk,
            scheduler,
            payments,
            rights,
            calendar,
        }
    }

    /// The catalogue, translations, clock and time zone every service reads.
    pub fn office(&self) -> &Office {
        &self.office
    }

    /// The citizen's conversation.
    pub fn dialogue(&self) -> &Dialogue {
        &self.dialogue
    }

    /// The virtual waiting room.
    pub fn waiting_room(&self) -> &WaitingRoom {
        &self.room
    }

    /// What a clerk's desk does with a call.
    pub fn desk(&self) -> &Desk {
        &self.desk
    }

    /// Timed jobs: reminders, no-shows, agendas, the daily purge.
    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Fees and refunds.
    pub fn payments(&self) -> &Payments {
        &self.payments
    }

    /// The citizens' data-protection rights and the retention rules.
    pub fn rights(&self) -> &Rights {
        &self.rights
    }

    /// Calendar files.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// What the channels ask of the inbox.
    pub fn inbox(&self) -> &Inbox {
        &self.inbox
    }

    /// What the channels ask of the outbox.
    pub fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// What a channel keeps about its addressing and progress.
    pub fn channel_state(&self) -> &ChannelState {
        &self.channel_state
    }

    /// The transcripts of the conversations a web page shows.
    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }

    /// E-mail for web citizens who gave an address for a booking.
    pub fn mail(&self) -> &Mailing {
        &self.mail
    }

    /// What an admin may ask of the office.
    pub fn admin(&self) -> &Admin {
        &self.admin
    }

    /// Staff who sign in: sessions, API tokens, local accounts.
    pub fn staff(&self) -> &Staff {
        &self.staff
    }

    /// Documents citizens send for their checklist.
    pub fn device_checks(&self) -> &DeviceChecks {
        &self.device_checks
    }

    pub fn documents(&self) -> &Documents {
        &self.documents
    }

    /// The store under the services: for the composition root, the core's own watchers
    /// ([`crate::live`]) and tests that set up a database. Channels, desks and the admin API
    /// never call it (`tests/tests/architecture.rs` fails if they do): what they need is a
    /// method of a service.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Tries to become the one replica that runs `name` (a network's poller and outbox);
    /// `None` while another holds it. See [`Leadership`].
    pub async fn try_lead(&self, name: &str) -> Result<Option<Leadership>, StoreError> {
        self.store.try_lead(name).await
    }

    /// Whether this replica can serve: the database answers within `within`, its schema has
    /// every version this build knows, and every network it polls as their leader was polled
    /// successfully within `poll_within`. The reason when not, for a readiness probe (no
    /// secret in it: the database's URL is not named).
    pub async fn ready(
        &self,
        within: std::time::Duration,
        poll_within: std::time::Duration,
    ) -> Result<(), String> {
        if let Some((network, age)) = self.office.metrics().stale_polls(poll_within).first() {
            return Err(format!(
                "{network} has not been polled successfully for {} s",
                age.as_secs()
            ));
        }
        match tokio::time::timeout(within, self.store.pending_migrations()).await {
            Err(_) => Err(format!(
                "the database did not answer within {} ms",
                within.as_millis()
            )),
            Ok(Err(e)) => Err(format!("the database cannot be read: {e}")),
            Ok(Ok(pending)) if !pending.is_empty() => Err(format!(
                "the database's schema lacks migrations {pending:?} (run `schalter migrate` or a \
                 replica of this version)"
            )),
            Ok(Ok(_)) => Ok(()),
        }
    }

    /// Forgets the conversations this process keeps in memory: another replica may have
    /// changed them (after a new leader took over).
    pub fn forget_cached_conversations(&self) {
        self.store.conversations().drop_cached_conversations();
    }

    /// Closes the database connections (at shutdown).
    pub async fn close(&self) {
        self.store.close().await;
    }
}
