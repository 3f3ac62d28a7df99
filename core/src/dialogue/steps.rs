//! Transitions: what a chosen option, a command or free text does to the dialogue state.

use super::screens::local_date;
use super::state::{Draft, Purpose, State};
use super::{Command, Conversation, Dialogue, EngineError, Notices, format};
use crate::action::Action;
use crate::calendar::Method;
use crate::fargs;
use crate::i18n::Lang;
use crate::queue::CheckIn;

impl Dialogue {
    pub(super) async fn run_command(
        &self,
        conv: &mut Conversation,
        command: Command,
        notices: &mut Notices,
    ) -> Result<(), EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        match command {
            Command::Menu => conv.state = State::Menu,
            Command::Cancel => {
                if conv.state.hold().is_some() {
                    notices.push(self.office.i18n().text(lang, "booking-aborted"));
                }
                conv.state = State::Menu;
            }
            Command::Help => notices.push(self.office.i18n().text(lang, "help-text")),
            Command::Appointments => conv.state = State::Appointments,
            Command::Language => {
                if !matches!(conv.state, State::PickLanguage { .. }) {
                    let back = std::mem::replace(&mut conv.state, State::Menu);
                    conv.state = State::PickLanguage {
                        back: Some(Box::new(back)),
                    };
                }
            }
            Command::Privacy => notices.push(self.rights.privacy_notice(lang)),
            Command::MyData => {
                notices.push(self.rights.my_data(&conv.id, lang).await?);
                self.rights.send_my_data_file(&conv.id, lang).await?;
            }
            Command::Forget => {
                if !matches!(conv.state, State::ConfirmForget { .. }) {
                    let back = std::mem::replace(&mut conv.state, State::Menu);
                    conv.state = State::ConfirmForget {
                        back: Some(Box::new(back)),
                    };
                }
            }
            Command::Back => {
                let back = Action::GoBack.encode();
                if conv.offered.iter().any(|c| c.id == back) {
                    return self.choose(conv, &back, notices).await;
                }
                conv.state = State::Menu;
            }
        }
        Ok(())
    }

    /// The citizen picked an offered option.
    pub(super) async fn choose(
        &self,
        conv: &mut Conversation,
        id: &str,
        notices: &mut Notices,
    ) -> Result<(), EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let Some(action) = Action::parse(id) else {
            // Not an id this office ever offered in this form (forged, or cut off).
            tracing::warn!(target: "dialogue", "option id not understood");
            notices.push(self.office.i18n().text(lang, "option-expired"));
            return Ok(());
        };
        if action.touches_records() {
            self.ensure_current(conv).await?;
        }
        let state = std::mem::replace(&mut conv.state, State::Menu);
        conv.state = match (action, state) {
            (Action::ChooseLanguage(new), State::PickLanguage { back }) => {
                let first = conv.lang.is_none();
                // Found by tests/tests/properties.rs (a_language_switch_reaches_the_reminders):
                // reminders, check-in and calls followed the language of the booking, not the
                // one the citizen switched to since.
                if conv.lang.is_some_and(|old| old != new) {
                    self.store
                        .conversations()
                        .set_citizen_lang(&conv.id, new.code())
                        .await?;
                }
                conv.lang = Some(new);
                notices.push(self.office.i18n().text(new, "language-changed"));
                if first {
                    notices.push(self.office.i18n().text(new, "welcome"));
                    notices.push(self.privacy_line(new));
                }
                back.map_or(State::Menu, |b| *b)
            }
            (Action::MainMenu, _) => State::Menu,
            (Action::GoBack, state) => back_from(state, self.office.tz()),
            (Action::ForgetMe, State::ConfirmForget { .. }) => {
                self.rights.forget_citizen(&conv.id).await?;
                conv.forgotten = true;
                notices.push(self.office.i18n().text(lang, "forget-done"));
                State::Menu
            }
            (Action::PayFee(payment), state) => {
                let id = if self.payments.resend_payment(&conv.id, &payment).await? {
                    "payment-sent-again"
                } else {
                    "payment-refused-closed"
                };
                notices.push(self.office.i18n().text(lang, id));
                state
            }
            (Action::CheckIn(booking), state) => {
                match self.room.check_in(&conv.id, &booking).await? {
                    CheckIn::Joined(entry) => {
                        // One gentle nudge if the device check found something failing.
                        if let Some(nudge) = self.device_checks.nudge(lang, &booking).await? {
                            notices.push(nudge);
                        }
                        State::Waiting { entry: entry.id }
                    }
                    CheckIn::NotYet(opens) => {
                        notices.push(self.office.i18n().msg(
                        lang,
                        "check-in-not-yet",
                        &fargs!["time" => format::time(self.office.i18n(), lang, opens, self.office.tz())],
                    ));
                        state
                    }
                    CheckIn::TooLate => {
                        notices.push(self.office.i18n().text(lang, "check-in-too-late"));
                        State::Menu
                    }
                    CheckIn::Unknown => {
                        notices.push(self.office.i18n().text(lang, "appointment-gone"));
                        State::Menu
                    }
                }
            }
            (action @ (Action::RefreshQueue | Action::LeaveQueue), state) => {
                match (action, self.store.queue().active_entry(&conv.id).await?) {
                    (Action::LeaveQueue, Some(_)) => {
                        if !self.room.leave_queue(&conv.id).await? {
                            // Already with a clerk: leaving is no longer possible.
                            notices.push(self.office.i18n().text(lang, "in-call"));
                        }
                        State::Menu
                    }
                    (_, Some(entry)) => State::Waiting { entry: entry.id },
                    (_, None) => match state {
                        State::Waiting { .. } => State::Menu,
                        other => other,
                    },
                }
            }
            (Action::TalkToClerkNow, _) => match self.room.walk_in(&conv.id, lang).await? {
                Some(entry) => State::Waiting { entry: entry.id },
                None => {
                    notices.push(self.office.i18n().text(lang, "walk-in-closed"));
                    State::Menu
                }
            },
            (Action::BookAppointment, _) if self.booking_limit_reached(&conv.id).await? => {
                notices.push(self.booking_limit_text(lang));
                State::Appointments
            }
            (Action::BookAppointment, _) => State::PickService {
                purpose: Purpose::Book,
                only: Vec::new(),
            },
            (Action::WhatToBring, _) => State::PickService {
                purpose: Purpose::Checklist,
                only: Vec::new(),
            },
            (Action::MyAppointments, _) => State::Appointments,
            (Action::ChangeLanguage, _) => State::PickLanguage {
                back: Some(Box::new(State::Menu)),
            },
            (Action::Help, _) => State::Help,
            (Action::Ask(question), state) => {
                self.ask(conv, &question, notices);
                state
            }
            (Action::PickService(service), State::PickService { purpose, .. }) => {
                State::Checklist {
                    purpose,
                    draft: Draft {
                        service,
                        have: Vec::new(),
                        reschedule: None,
                    },
                }
            }
            (Action::HaveDocument(doc), State::Checklist { purpose, mut draft }) => {
                draft.have.retain(|d| *d != doc);
                draft.have.push(doc);
                State::Checklist { purpose, draft }
            }
            (Action::MissingDocument(doc), State::Checklist { purpose, mut draft }) => {
                draft.have.retain(|d| *d != doc);
                State::Checklist { purpose, draft }
            }
            (Action::BookThisService, State::Checklist { draft, .. }) => State::Checklist {
                purpose: Purpose::Book,
                draft,
            },
            (Action::ContinueToDates, State::Checklist { draft, .. }) => {
                State::PickDay { draft, page: 0 }
            }
            (Action::LaterDays, State::PickDay { draft, page }) => State::PickDay {
                draft,
                page: page + 1,
            },
            (Action::EarlierDays, State::PickDay { draft, page }) => State::PickDay {
                draft,
                page: page.saturating_sub(1),
            },
            (Action::PickDay(date), State::PickDay { draft, .. }) => State::PickTime {
                draft,
                date,
                page: 0,
            },
            (Action::LaterTimes, State::PickTime { draft, date, page }) => State::PickTime {
                draft,
                date,
                page: page + 1,
            },
            (Action::PickSlot(start), State::PickTime { draft, .. }) => {
                self.hold_slot(conv, draft, start, notices).await?
            }
            (
                Action::ConfirmAppointment,
                State::Confirm {
                    draft,
                    hold,
                    starts_at,
                },
            ) => self.confirm(conv, draft, hold, starts_at, notices).await?,
            (
                Action::ChooseAnotherTime,
                State::Confirm {
                    draft, starts_at, ..
                },
            ) => State::PickTime {
                draft,
                date: local_date(starts_at, self.office.tz()),
                page: 0,
            },
            (
                Action::KeepHolding,
                State::Confirm {
                    draft,
                    hold,
                    starts_at,
                },
            ) => {
                self.keep_holding(conv, draft, hold, starts_at, notices)
                    .await?
            }
            // The warning of a hold the citizen has left (booked, chose another time).
            (Action::KeepHolding, state) => {
                notices.push(self.office.i18n().text(lang, "option-expired"));
                state
            }
            (Action::AbortBooking, State::Confirm { .. }) => {
                notices.push(self.office.i18n().text(lang, "booking-aborted"));
                State::Menu
            }
            (Action::OpenAppointment(reference), _) => {
                self.open_appointment(conv, &reference).await?
            }
            (Action::RescheduleAppointment, State::Appointment { booking }) => {
                match self.store.bookings().booking(&booking).await? {
                    Some(b)
                        if b.conversation_id.as_ref() == Some(&conv.id) && b.status.is_active() =>
                    {
                        notices.push(self.office.i18n().msg(
                            lang,
                            "reschedule-intro",
                            &fargs!["service" => self.office.service_name(lang, &b.service)],
                        ));
                        State::PickDay {
                            draft: Draft {
                                service: b.service,
                                have: b.checklist,
                                reschedule: Some(b.id),
                            },
                            page: 0,
                        }
                    }
                    _ => {
                        notices.push(self.office.i18n().text(lang, "appointment-gone"));
                        State::Appointments
                    }
                }
            }
            (Action::OpenDocuments, State::Appointment { booking }) => State::Documents {
                booking,
                item: None,
            },
            (Action::SendDocument(item), State::Documents { booking, .. }) => State::Documents {
                booking,
                item: Some(item),
            },
            (Action::RemoveDocument(item), State::Documents { booking, .. }) => {
                self.remove_document(lang, booking, &item, notices).await?
            }
            (Action::DocumentIs(item), State::WhichDocument { booking, document }) => {
                self.document_is(lang, booking, &document, &item, notices)
                    .await?
            }
            (Action::CancelAppointment, State::Appointment { booking }) => {
                State::CancelAppointment { booking }
            }
            (Action::RateVisit(rating), State::Feedback { entry }) => {
                self.store
                    .queue()
                    .save_feedback(&entry, i64::from(rating), None, self.office.now())
                    .await?;
                State::FeedbackComment { entry }
            }
            (Action::SkipFeedback, State::Feedback { .. } | State::FeedbackComment { .. }) => {
                notices.push(self.office.i18n().text(lang, "feedback-thanks"));
                State::Menu
            }
            (Action::ConfirmCancellation, State::CancelAppointment { booking }) => {
                let before = self.store.bookings().booking(&booking).await?;
                let now = self.office.now();
                if self
                    .store
                    .bookings()
                    .cancel(&booking, &conv.id, now)
                    .await?
                {
                    if let Some(b) = &before {
                        self.calendar
                            .send_calendar_file(&conv.id, lang, b, Method::Cancel, now)
                            .await?;
                    }
                    notices.push(self.office.i18n().msg(
                        lang,
                        "appointment-cancelled",
                        &fargs!["reference" => before.map(|b| b.reference).unwrap_or_default()],
                    ));
                } else {
                    notices.push(self.office.i18n().text(lang, "appointment-gone"));
                }
                State::Appointments
            }
            (Action::KeepAppointment, State::CancelAppointment { booking }) => {
                notices.push(self.office.i18n().text(lang, "appointment-kept"));
                State::Appointment { booking }
            }
            (_, state) => {
                // An offered option that this step does not know: only possible if the
                // offered list and the state disagree, e.g. after an upgrade.
                tracing::warn!(target: "dialogue", option = id, "option does not fit the step");
                notices.push(self.office.i18n().text(lang, "option-expired"));
                state
            }
        };
        Ok(())
    }
}

/// Where "back" leads from each step.
fn back_from(state: State, tz: chrono_tz::Tz) -> State {
    match state {
        State::PickService { .. } | State::Appointments | State::Menu | State::Help => State::Menu,
        State::ConfirmForget { back } => back.map_or(State::Menu, |b| *b),
        State::PickLanguage { back } => back.map_or(State::Menu, |b| *b),
        State::Checklist { purpose, draft } if draft.reschedule.is_none() => State::PickService {
            purpose,
            only: Vec::new(),
        },
        State::Checklist { .. } => State::Appointments,
        State::PickDay { draft, .. } => match &draft.reschedule {
            Some(booking) => State::Appointment {
                booking: booking.clone(),
            },
            None => State::Checklist {
                purpose: Purpose::Book,
                draft,
            },
        },
        State::PickTime { draft, .. } => State::PickDay { draft, page: 0 },
        State::Confirm {
            draft, starts_at, ..
        } => State::PickTime {
            draft,
            // The office's day, not UTC's: a slot just after local midnight is still that day.
            date: local_date(starts_at, tz),
            page: 0,
        },
        State::Appointment { .. } | State::CancelAppointment { .. } => State::Appointments,
        State::Documents { booking, .. } => State::Appointment { booking },
        State::WhichDocument { booking, .. } => State::Documents {
            booking,
            item: None,
        },
        State::Waiting { .. } | State::Feedback { .. } | State::FeedbackComment { .. } => {
            State::Menu
        }
    }
}

#[cfg(test)]
mod back_tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn back_from_a_slot_just_after_local_midnight_shows_that_local_day() {
        // 00:30 in Heidelberg on 3 February is 23:30 UTC on 2 February.
        let starts_at = DateTime::parse_from_rfc3339("2027-02-03T00:30:00+01:00")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let draft = Draft {
            service: "anmeldung".into(),
            have: Vec::new(),
            reschedule: None,
        };
        let back = back_from(
            State::Confirm {
                draft,
                hold: "h".into(),
                starts_at,
            },
            chrono_tz::Europe::Berlin,
        );
        match back {
            State::PickTime { date, .. } => {
                assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2027, 2, 3).unwrap());
            }
            other => panic!("{other:?}"),
        }
    }
}
