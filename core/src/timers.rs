//! Timers as persisted jobs: reminders a day and 15 minutes before an appointment, check-in
//! opening, no-shows, the end of slot holds, the desk's morning agenda, and the nightly purge
//! of what the retention rules say must go. A worker tick
//! claims what is due; every replica may run workers, each job still runs once.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::catalog::Catalog;
use crate::channel::{ChannelKind, ConversationId};
use crate::device_check::DeviceChecks;
use crate::error::EngineError;
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::message::Choice;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::queue::WaitingRoom;
use crate::rights::Rights;
use crate::store::{Booking, BookingStatus, Job, NewJob, Store};

/// The conversation that receives the desk's morning agenda.
pub const AGENDA_CONVERSATION: &str = "desk:agenda";

/// [`AGENDA_CONVERSATION`] as a conversation id.
fn agenda_conversation() -> ConversationId {
    ConversationId::new(ChannelKind::Desk, "agenda")
}
/// The conversation that receives the desk's lines about payments.
pub use crate::store::PAYMENTS_CONVERSATION;
/// How long a claimed job is reserved for its worker.
const CLAIM: Duration = Duration::minutes(2);
/// How long before a held slot runs out the citizen is warned (and may hold it longer).
pub const HOLD_WARNING: Duration = Duration::seconds(60);

/// A job that failed this often is given up (and logged).
const MAX_ATTEMPTS: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JobKind {
    RemindDay,
    RemindSoon,
    CheckInOpen,
    NoShow,
    HoldExpiry,
    /// A minute before a held slot runs out: the citizen may hold it longer.
    HoldWarning,
    Agenda,
    /// The retention rules, once a day (`purge:<date>`).
    Purge,
}

impl JobKind {
    fn name(self) -> &'static str {
        match self {
            JobKind::RemindDay => "remind-day",
            JobKind::RemindSoon => "remind-soon",
            JobKind::CheckInOpen => "check-in-open",
            JobKind::NoShow => "no-show",
            JobKind::HoldExpiry => "hold-expiry",
            JobKind::HoldWarning => "hold-warning",
            JobKind::Agenda => "agenda",
            JobKind::Purge => "purge",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            JobKind::RemindDay,
            JobKind::RemindSoon,
            JobKind::CheckInOpen,
            JobKind::NoShow,
            JobKind::HoldExpiry,
            JobKind::HoldWarning,
            JobKind::Agenda,
            JobKind::Purge,
        ]
        .into_iter()
        .find(|k| k.name() == s)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct BookingPayload {
    booking: String,
    /// The slot the job was planned for; a rescheduled booking ignores old jobs.
    starts_at: i64,
}

/// Timed jobs, persisted: whichever replica's worker claims one runs it, once.
#[derive(Clone)]
pub struct Scheduler {
    office: Office,
    store: Store,
    room: WaitingRoom,
    rights: Rights,
    device_checks: DeviceChecks,
    /// The last day whose agenda this process planned.
    agenda_planned: Arc<Mutex<Option<NaiveDate>>>,
}

impl Scheduler {
    pub(crate) fn new(
        office: Office,
        store: Store,
        room: WaitingRoom,
        rights: Rights,
        device_checks: DeviceChecks,
    ) -> Self {
        Self {
            office,
            store,
            room,
            rights,
            device_checks,
            agenda_planned: Arc::default(),
        }
    }

    fn agenda_planned_for(&self) -> Option<NaiveDate> {
        *self
            .agenda_planned
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    fn set_agenda_planned_for(&self, date: NaiveDate) {
        *self
            .agenda_planned
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some(date);
    }

    /// Plans the timers of a confirmed booking. Idempotent.
    pub async fn schedule_booking_jobs(&self, b: &Booking) -> Result<(), EngineError> {
        let office = &self.office.catalog().office;
        let now = self.office.now();
        let plan = [
            (JobKind::RemindDay, b.starts_at - Duration::hours(24)),
            (JobKind::RemindSoon, b.starts_at - Duration::minutes(15)),
            (
                JobKind::CheckInOpen,
                b.starts_at - Duration::minutes(i64::from(office.check_in_before_minutes)),
            ),
            (
                JobKind::NoShow,
                b.starts_at + Duration::minutes(i64::from(office.no_show_after_minutes)),
            ),
        ];
        let payload = serde_json::to_string(&BookingPayload {
            booking: b.id.clone(),
            starts_at: b.starts_at.timestamp(),
        })
        .expect("payload serializes");
        let jobs: Vec<NewJob> = plan
            .into_iter()
            // Reminders whose moment has passed are pointless; the no-show check never is.
            .filter(|&(kind, at)| {
                at > now || kind == JobKind::NoShow || kind == JobKind::CheckInOpen
            })
            .map(|(kind, at)| NewJob {
                kind: kind.name().into(),
                dedupe: format!("{}:{}:{}", kind.name(), b.id, b.starts_at.timestamp()),
                run_at: at,
                payload: payload.clone(),
            })
            .collect();
        self.store.jobs().schedule_all(&jobs).await?;
        Ok(())
    }

    /// Plans the release of a slot hold when it runs out, and the warning a minute before
    /// (WCAG 2.2.1: a time limit comes with a warning and a way to extend it). A hold held
    /// longer gets new ones; the old ones find the hold changed and do nothing.
    pub async fn schedule_hold_expiry(
        &self,
        hold_id: &str,
        at: DateTime<Utc>,
    ) -> Result<(), EngineError> {
        let mut jobs = vec![NewJob {
            kind: JobKind::HoldExpiry.name().into(),
            dedupe: format!("hold-expiry:{hold_id}:{}", at.timestamp()),
            run_at: at,
            payload: hold_id.to_owned(),
        }];
        let warn_at = at - HOLD_WARNING;
        if warn_at > self.office.now() + HOLD_WARNING / 2 {
            jobs.push(NewJob {
                kind: JobKind::HoldWarning.name().into(),
                dedupe: format!("hold-warning:{hold_id}:{}", at.timestamp()),
                run_at: warn_at,
                payload: serde_json::to_string(&BookingPayload {
                    booking: hold_id.to_owned(),
                    starts_at: at.timestamp(),
                })
                .expect("payload serializes"),
            });
        }
        self.store.jobs().schedule_all(&jobs).await?;
        Ok(())
    }

    /// Tells the citizen that their held slot runs out at `until`, with the option to hold it
    /// longer (and to confirm it), unless it was confirmed, released or held longer since.
    async fn warn_hold(&self, hold_id: &str, until: i64) -> Result<(), EngineError> {
        let Some(b) = self.store.bookings().booking(hold_id).await? else {
            return Ok(());
        };
        let (BookingStatus::Held, Some(expires), Some(citizen)) =
            (b.status, b.hold_expires_at, &b.conversation_id)
        else {
            return Ok(());
        };
        if expires.timestamp() != until {
            return Ok(());
        }
        let lang = Lang::from_tag(&b.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let text = i18n.msg(
            lang,
            "hold-warning",
            &fargs!["time" => format::time(i18n, lang, expires, self.office.tz())],
        );
        let options = vec![
            Choice {
                id: Action::KeepHolding.encode(),
                label: i18n.text(lang, "option-hold-more"),
            },
            Choice {
                id: Action::ConfirmAppointment.encode(),
                label: i18n.text(lang, "option-confirm"),
            },
        ];
        let body = self.office.message_json(lang, text, options);
        self.store
            .outbox()
            .notify_once(
                citizen,
                &format!("hold-warning:{hold_id}:{until}"),
                NoticeKind::HoldWarning,
                &body,
                self.office.now(),
            )
            .await?;
        Ok(())
    }

    /// One worker tick: frees calls of vanished clerks, plans today's and tomorrow's agenda,
    /// runs the jobs that are due, and brings every waiting citizen's position up to date.
    /// Returns how many jobs ran.
    pub async fn run_timers(&self) -> Result<usize, EngineError> {
        let now = self.office.now();
        self.store.queue().expire_leases(now).await?;
        self.plan_agendas(now).await?;
        let jobs = self.store.jobs().claim_jobs(now, 50, CLAIM).await?;
        let ran = jobs.len();
        for job in jobs {
            match self.run_job(&job).await {
                Ok(()) => self.store.jobs().complete_job(&job.id, now).await?,
                Err(e) if job.attempts >= MAX_ATTEMPTS => {
                    tracing::error!(target: "timers", kind = %job.kind, error = %e, "job failed for good");
                    self.store.jobs().fail_job(&job.id, now).await?;
                }
                Err(e) => {
                    tracing::warn!(target: "timers", kind = %job.kind, error = %e, "job failed, will retry");
                }
            }
        }
        self.room.refresh_waiting_room().await?;
        Ok(ran)
    }

    /// Plans today's and tomorrow's agenda and purge: once per day and process, not on every
    /// tick (a write each second would keep SQLite's single writer busy for nothing).
    async fn plan_agendas(&self, now: DateTime<Utc>) -> Result<(), EngineError> {
        let today = now.with_timezone(&self.office.tz()).date_naive();
        if self.agenda_planned_for() == Some(today) {
            return Ok(());
        }
        let catalog = self.office.catalog();
        for date in [today, today + Duration::days(1)] {
            // Planned ahead only, so that it runs at the quiet hour and not whenever a process
            // starts: a day's purge is planned the day before (by whichever process ran then).
            let purge_at = crate::retention::purge_at(self.office.tz(), date);
            if purge_at > now {
                self.store
                    .jobs()
                    .schedule(&NewJob {
                        kind: JobKind::Purge.name().into(),
                        dedupe: format!("purge:{date}"),
                        run_at: purge_at,
                        payload: date.to_string(),
                    })
                    .await?;
            }
            if let Some(at) = opening(&catalog, self.office.tz(), date) {
                self.store
                    .jobs()
                    .schedule(&NewJob {
                        kind: JobKind::Agenda.name().into(),
                        dedupe: format!("agenda:{date}"),
                        run_at: at,
                        payload: date.to_string(),
                    })
                    .await?;
            }
        }
        self.set_agenda_planned_for(today);
        Ok(())
    }

    async fn run_job(&self, job: &Job) -> Result<(), EngineError> {
        let now = self.office.now();
        let Some(kind) = JobKind::parse(&job.kind) else {
            tracing::warn!(target: "timers", kind = %job.kind, "unknown job kind, skipped");
            return Ok(());
        };
        match kind {
            JobKind::HoldExpiry => {
                self.store
                    .bookings()
                    .release_expired_hold(&job.payload, now)
                    .await?;
            }
            JobKind::HoldWarning => {
                let Ok(p) = serde_json::from_str::<BookingPayload>(&job.payload) else {
                    tracing::warn!(target: "timers", kind = %job.kind, "unreadable payload, skipped");
                    return Ok(());
                };
                self.warn_hold(&p.booking, p.starts_at).await?;
            }
            // An agenda is for the morning: one that could not run then is dropped.
            JobKind::Agenda if now - job.run_at > Duration::hours(3) => {}
            JobKind::Agenda => self.post_agenda(&job.payload, &job.dedupe).await?,
            // A purge more than a day late (the office was down) is dropped: the next day's
            // does the same work, and a backlog of them would only repeat it.
            JobKind::Purge if now - job.run_at > Duration::days(1) => {}
            JobKind::Purge => {
                let r = self.rights.purge(now, false).await?;
                tracing::info!(
                    target: "retention",
                    day = %job.payload,
                    conversations = r.conversations,
                    channel_messages = r.channel_messages,
                    inputs = r.inputs,
                    messages = r.messages,
                    bookings = r.bookings,
                    visits = r.visits,
                    payments = r.payments,
                    notes = r.notes,
                    feedback = r.feedback,
                    jobs = r.jobs,
                    audit = r.audit,
                    web_messages = r.web_messages,
                    "purged"
                );
            }
            JobKind::RemindDay | JobKind::RemindSoon | JobKind::CheckInOpen | JobKind::NoShow => {
                let Ok(p) = serde_json::from_str::<BookingPayload>(&job.payload) else {
                    tracing::warn!(target: "timers", kind = %job.kind, "unreadable payload, skipped");
                    return Ok(());
                };
                let Some(b) = self.store.bookings().booking(&p.booking).await? else {
                    return Ok(());
                };
                // Cancelled, moved or already handled: nothing to do.
                if b.status != BookingStatus::Confirmed || b.starts_at.timestamp() != p.starts_at {
                    return Ok(());
                }
                if kind == JobKind::NoShow {
                    if self.store.queue().booking_visited(&b.id).await? {
                        return Ok(());
                    }
                    self.store.bookings().mark_no_show(&b.id, now).await?;
                }
                self.tell_about_booking(kind, &b, &job.dedupe).await?;
            }
        }
        Ok(())
    }

    async fn tell_about_booking(
        &self,
        kind: JobKind,
        b: &Booking,
        dedupe: &str,
    ) -> Result<(), EngineError> {
        // An anonymised booking has nobody to tell.
        let Some(citizen) = &b.conversation_id else {
            return Ok(());
        };
        let lang = Lang::from_tag(&b.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let (notice, id) = match kind {
            JobKind::RemindDay => (NoticeKind::RemindDay, "reminder-day"),
            JobKind::RemindSoon => (NoticeKind::RemindSoon, "reminder-soon"),
            JobKind::CheckInOpen => (NoticeKind::CheckInOpen, "check-in-open"),
            _ => (NoticeKind::NoShow, "appointment-missed"),
        };
        let local = b.starts_at.with_timezone(&self.office.tz());
        let mut text = i18n.msg(
            lang,
            id,
            &fargs![
                "service" => i18n.text(lang, &format!("service-{}", b.service)),
                "reference" => b.reference.clone(),
                "date" => format::date(i18n, lang, local.date_naive()),
                "time" => format::time(i18n, lang, b.starts_at, self.office.tz()),
            ],
        );
        // The reminders and the check-in prompt offer the device check (not once it found
        // everything ready), with a link of their own.
        if kind != JobKind::NoShow
            && let Some(offer) = self.device_checks.offer(lang, &b.id).await?
        {
            text.push('\n');
            text.push_str(&offer);
        }
        let options = if kind == JobKind::CheckInOpen {
            vec![Choice {
                id: Action::CheckIn(b.id.clone()).encode(),
                label: i18n.text(lang, "option-check-in"),
            }]
        } else {
            Vec::new()
        };
        let body = self.office.message_json(lang, text, options);
        self.store
            .outbox()
            .notify_once(
                citizen,
                &format!("job:{dedupe}"),
                notice,
                &body,
                self.office.now(),
            )
            .await?;
        Ok(())
    }

    /// The day's agenda for the clerks' desk, in the reference language.
    async fn post_agenda(&self, date: &str, dedupe: &str) -> Result<(), EngineError> {
        let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            return Ok(());
        };
        let text = self.agenda_text(Lang::REFERENCE, date, true).await?;
        let body = (crate::message::Message {
            text,
            ..Default::default()
        })
        .to_json();
        self.store
            .outbox()
            .notify_once(
                &agenda_conversation(),
                &format!("job:{dedupe}"),
                NoticeKind::Agenda,
                &body,
                self.office.now(),
            )
            .await?;
        Ok(())
    }

    /// The bookings of a local date as lines for clerks.
    pub async fn agenda_text(
        &self,
        lang: Lang,
        date: NaiveDate,
        morning: bool,
    ) -> Result<String, EngineError> {
        let tz = self.office.tz();
        let start = tz
            .from_local_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .map_or_else(|| self.office.now(), |t| t.with_timezone(&Utc));
        let bookings = self
            .store
            .bookings()
            .visits_between(start, start + Duration::days(1))
            .await?;
        let i18n = self.office.i18n();
        let title = if morning {
            "desk-agenda-title"
        } else {
            "desk-today-title"
        };
        let mut lines = vec![i18n.msg(lang, title, &fargs!["count" => bookings.len()])];
        for b in &bookings {
            // The fee's state, once the call has one.
            let fee = match self.store.payments().payment_by_reference(&b.reference).await? {
                Some(p) => format!(
                    " {}",
                    i18n.msg(
                        lang,
                        "desk-today-payment",
                        &fargs!["state" => i18n.text(lang, &format!("payment-state-{}", p.state.as_str()))],
                    )
                ),
                None => String::new(),
            };
            let device = self.device_checks.result(&b.id).await?;
            let device = self.device_checks.clerk_text(lang, device.as_ref());
            let line = i18n.msg(
                lang,
                "desk-today-line",
                &fargs![
                    "time" => b.starts_at.with_timezone(&tz).format("%H:%M").to_string(),
                    "reference" => b.reference.clone(),
                    "service" => i18n.text(lang, &format!("service-{}", b.service)),
                    "lang" => b.lang.clone(),
                    "desk" => b.desk,
                ],
            );
            lines.push(format!("{line}{fee} · {device}"));
        }
        Ok(lines.join("\n"))
    }

    /// At start: plans the timers of upcoming bookings in case a process died between a
    /// confirmation and its planning.
    pub async fn recover_timers(&self) -> Result<(), EngineError> {
        let now = self.office.now();
        let horizon =
            Duration::days(i64::from(self.office.catalog().office.booking_horizon_days) + 2);
        for b in self
            .store
            .queue()
            .bookings_between(now - Duration::hours(1), now + horizon)
            .await?
        {
            self.schedule_booking_jobs(&b).await?;
        }
        Ok(())
    }
}

/// When the office opens on `date`, if it does.
fn opening(catalog: &Catalog, tz: chrono_tz::Tz, date: NaiveDate) -> Option<DateTime<Utc>> {
    if catalog.office.is_closed(date) {
        return None;
    }
    let (from, _) = catalog
        .office
        .hours_on(chrono::Datelike::weekday(&date))
        .first()?;
    tz.from_local_datetime(&date.and_time(*from))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
