//! The booking's own transitions: opening an appointment, holding a slot, confirming it (or
//! moving a booking to it), with the notices and timers that follow.

use chrono::{DateTime, Duration, Utc};

use super::screens::local_date;
use super::state::{Draft, State};
use super::{Conversation, Dialogue, EngineError, Notices, format};
use crate::calendar::Method;
use crate::fargs;
use crate::i18n::Lang;
use crate::slots::Slots;
use crate::store::HoldRequest;

impl Dialogue {
    pub(super) async fn open_appointment(
        &self,
        conv: &Conversation,
        reference: &str,
    ) -> Result<State, EngineError> {
        Ok(
            match self
                .store
                .bookings()
                .booking_by_reference(reference)
                .await?
            {
                Some(b) if b.conversation_id.as_ref() == Some(&conv.id) && b.status.is_active() => {
                    State::Appointment { booking: b.id }
                }
                _ => State::Appointments,
            },
        )
    }

    pub(super) async fn hold_slot(
        &self,
        conv: &Conversation,
        draft: Draft,
        start: DateTime<Utc>,
        notices: &mut Notices,
    ) -> Result<State, EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let catalog = self.office.catalog();
        let now = self.office.now();
        let date = local_date(start, self.office.tz());
        let Some(service) = catalog.service(&draft.service) else {
            notices.push(self.office.i18n().text(lang, "service-not-found"));
            return Ok(State::Menu);
        };
        let duration = Duration::minutes(i64::from(service.duration_minutes));
        let slots = Slots::new(&catalog.office, self.office.tz());
        let held = if slots.is_bookable(start, duration, now) {
            self.store
                .bookings()
                .hold(
                    &HoldRequest {
                        conversation_id: &conv.id,
                        service: &service.id,
                        lang: lang.code(),
                        starts_at: start,
                        ends_at: start + duration,
                        unit: Duration::minutes(i64::from(catalog.office.slot_minutes)),
                        desks: catalog.office.desks,
                        checklist: &draft.have,
                        hold_until: now + Duration::minutes(i64::from(catalog.office.hold_minutes)),
                    },
                    now,
                )
                .await?
        } else {
            None
        };
        if let Some(b) = &held
            && let Some(until) = b.hold_expires_at
        {
            self.scheduler.schedule_hold_expiry(&b.id, until).await?;
        }
        Ok(match held {
            Some(b) => State::Confirm {
                draft,
                hold: b.id,
                starts_at: start,
            },
            None => {
                notices.push(self.office.i18n().text(lang, "slot-taken"));
                State::PickTime {
                    draft,
                    date,
                    page: 0,
                }
            }
        })
    }

    /// "More time" on a held slot: held for another `hold_minutes` from now, or, if it ran
    /// out meanwhile, held again if it is still free.
    pub(super) async fn keep_holding(
        &self,
        conv: &mut Conversation,
        draft: Draft,
        hold: String,
        starts_at: DateTime<Utc>,
        notices: &mut Notices,
    ) -> Result<State, EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let now = self.office.now();
        let until = now + Duration::minutes(i64::from(self.office.catalog().office.hold_minutes));
        if !self.store.bookings().extend_hold(&hold, until, now).await? {
            return self.hold_slot(conv, draft, starts_at, notices).await;
        }
        self.scheduler.schedule_hold_expiry(&hold, until).await?;
        notices.push(self.office.i18n().msg(
            lang,
            "hold-extended",
            &fargs!["time" => format::time(self.office.i18n(), lang, until, self.office.tz())],
        ));
        Ok(State::Confirm {
            draft,
            hold,
            starts_at,
        })
    }

    pub(super) async fn confirm(
        &self,
        conv: &mut Conversation,
        draft: Draft,
        hold: String,
        starts_at: DateTime<Utc>,
        notices: &mut Notices,
    ) -> Result<State, EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let now = self.office.now();
        // The limit of future bookings (a reschedule moves one and does not count).
        if draft.reschedule.is_none() && self.booking_limit_reached(&conv.id).await? {
            self.store.bookings().release_hold(&hold, now).await?;
            notices.push(self.booking_limit_text(lang));
            return Ok(State::Appointments);
        }
        let mut hold = hold;
        // A hold that ran out is taken again if the slot is still free.
        for attempt in 0..2 {
            let booking = match &draft.reschedule {
                Some(old) => {
                    self.store
                        .bookings()
                        .confirm_reschedule(&hold, old, now)
                        .await?
                }
                None => self.store.bookings().confirm(&hold, now).await?,
            };
            if let Some(b) = booking {
                conv.confirmed_hold = Some(hold);
                self.scheduler.schedule_booking_jobs(&b).await?;
                self.calendar
                    .send_calendar_file(&conv.id, lang, &b, Method::Request, now)
                    .await?;
                let msg = if draft.reschedule.is_some() {
                    "appointment-rescheduled"
                } else {
                    "booking-confirmed"
                };
                notices.push(self.office.i18n().msg(
                    lang,
                    msg,
                    &fargs![
                        "reference" => b.reference.clone(),
                        "service" => self.office.service_name(lang, &b.service),
                        "date" => format::date(self.office.i18n(), lang, local_date(b.starts_at, self.office.tz())),
                        "time" => format::time(self.office.i18n(), lang, b.starts_at, self.office.tz()),
                    ],
                ));
                if let Some(service) = self.office.catalog().service(&b.service) {
                    notices.push(self.checklist_lines(lang, service, &b.checklist).join("\n"));
                }
                if let Some(offer) = self.device_checks.offer(lang, &b.id).await? {
                    notices.push(offer);
                }
                return Ok(State::Menu);
            }
            if let Some(old) = &draft.reschedule
                && self
                    .store
                    .bookings()
                    .booking(old)
                    .await?
                    .is_none_or(|b| !b.status.is_active())
            {
                notices.push(self.office.i18n().text(lang, "appointment-gone"));
                return Ok(State::Appointments);
            }
            if attempt == 0 {
                match self
                    .hold_slot(conv, draft.clone(), starts_at, &mut Notices::default())
                    .await?
                {
                    State::Confirm { hold: again, .. } => hold = again,
                    _ => break,
                }
            }
        }
        notices.push(self.office.i18n().text(lang, "slot-taken"));
        Ok(State::PickTime {
            date: local_date(starts_at, self.office.tz()),
            draft,
            page: 0,
        })
    }
}
