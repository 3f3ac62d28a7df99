//! What each step shows: its prompt and its options, in the citizen's language.

use crate::channel::ConversationId;
use chrono::Duration;

use super::format;
use super::state::{Purpose, State};
use super::{Choice, Conversation, Dialogue, EngineError};
use crate::action::Action;
use crate::fargs;
use crate::i18n::Lang;
use crate::slots::{Busy, Slots};
use crate::store::EntryStatus;

/// Days shown per page of the day picker, and times per page of the time picker.
const DAYS_PER_PAGE: usize = 6;
const TIMES_PER_PAGE: usize = 8;

pub(super) struct Screen {
    pub text: String,
    pub options: Vec<Choice>,
}

pub(super) fn choice(action: Action, label: impl Into<String>) -> Choice {
    Choice {
        id: action.encode(),
        label: label.into(),
    }
}

impl Dialogue {
    /// The short line at first contact: where the privacy notice is.
    pub(super) fn privacy_line(&self, lang: Lang) -> String {
        self.office.i18n().msg(
            lang,
            "privacy-line",
            &fargs!["url" => self.office.catalog().privacy.url.clone()],
        )
    }

    pub(super) fn label(&self, lang: Lang, action: Action, message: &str) -> Choice {
        choice(action, self.office.i18n().text(lang, message))
    }

    pub(super) fn nav(&self, lang: Lang, back: bool) -> Vec<Choice> {
        let mut v = Vec::new();
        if back {
            v.push(self.label(lang, Action::GoBack, "option-back"));
        }
        v.push(self.label(lang, Action::MainMenu, "option-main-menu"));
        v
    }

    /// Desk units taken anywhere in the booking window.
    pub(super) async fn busy(&self, slots: &Slots<'_>) -> Result<Busy, EngineError> {
        let now = self.office.now();
        let (from, to) = slots.window(now);
        Ok(Busy::new(
            self.store.bookings().busy_units(from, to, now).await?,
        ))
    }

    /// Renders the current step. A step that cannot be shown any more (a day that filled up,
    /// a booking that is gone) moves the conversation to the step before it, with a notice.
    pub(super) async fn screen(&self, conv: &mut Conversation) -> Result<Screen, EngineError> {
        let Some(lang) = conv.lang else {
            return Ok(self.language_screen());
        };
        let mut prefix = Vec::new();
        // Each redirect moves to an earlier step, so this ends.
        for _ in 0..8 {
            match self.try_screen(lang, &conv.state, &conv.id).await? {
                Ok(mut screen) => {
                    prefix.push(screen.text);
                    screen.text = prefix.join("\n\n");
                    return Ok(screen);
                }
                Err((notice, state)) => {
                    if !notice.is_empty() {
                        prefix.push(notice);
                    }
                    conv.state = state;
                }
            }
        }
        conv.state = State::Menu;
        Ok(self.menu_screen(lang))
    }

    fn language_screen(&self) -> Screen {
        let text = Lang::ALL
            .iter()
            .map(|l| self.office.i18n().text(*l, "pick-language"))
            .collect::<Vec<_>>()
            .join("\n");
        let options = Lang::ALL
            .iter()
            .map(|l| {
                choice(
                    Action::ChooseLanguage(*l),
                    self.office.i18n().text(*l, "lang-name"),
                )
            })
            .collect();
        Screen { text, options }
    }

    fn menu_screen(&self, lang: Lang) -> Screen {
        Screen {
            text: self.office.i18n().text(lang, "main-menu-prompt"),
            options: vec![
                self.label(lang, Action::BookAppointment, "menu-book"),
                self.label(lang, Action::MyAppointments, "menu-appointments"),
                self.label(lang, Action::WhatToBring, "menu-checklist"),
                self.label(lang, Action::Help, "menu-help"),
                self.label(lang, Action::ChangeLanguage, "menu-language"),
            ],
        }
    }

    /// The menu, with "check in" first when an appointment's check-in is open and "talk to a
    /// clerk now" while walk-ins are open.
    async fn full_menu(
        &self,
        lang: Lang,
        conversation: &ConversationId,
    ) -> Result<Screen, EngineError> {
        let mut screen = self.menu_screen(lang);
        if let Some(b) = self.room.check_in_due(conversation).await? {
            let label = self.office.i18n().msg(
                lang,
                "menu-check-in",
                &fargs![
                    "service" => self.office.service_name(lang, &b.service),
                    "time" => format::time(self.office.i18n(), lang, b.starts_at, self.office.tz()),
                ],
            );
            screen
                .options
                .insert(0, choice(Action::CheckIn(b.id.clone()), label));
        }
        if self.room.walk_ins_open() {
            let at = screen.options.len() - 2;
            screen
                .options
                .insert(at, self.label(lang, Action::TalkToClerkNow, "menu-walk-in"));
        }
        Ok(screen)
    }

    /// `Ok(screen)`, or `Err((notice, earlier state))` when the step cannot be shown.
    async fn try_screen(
        &self,
        lang: Lang,
        state: &State,
        conversation: &ConversationId,
    ) -> Result<Result<Screen, (String, State)>, EngineError> {
        let catalog = self.office.catalog();
        let now = self.office.now();
        let t = |id: &str| self.office.i18n().text(lang, id);
        Ok(Ok(match state {
            State::PickLanguage { .. } => self.language_screen(),
            State::Menu => self.full_menu(lang, conversation).await?,
            State::Help => {
                let mut options = self.question_buttons(lang);
                options.push(self.label(lang, Action::MainMenu, "option-main-menu"));
                Screen {
                    text: t("help-text"),
                    options,
                }
            }
            State::PickService { purpose, only } => {
                let prompt = match purpose {
                    Purpose::Book => "pick-service-prompt",
                    Purpose::Checklist => "pick-service-checklist-prompt",
                };
                let mut options: Vec<Choice> = catalog
                    .services
                    .iter()
                    .filter(|s| only.is_empty() || only.contains(&s.id))
                    .map(|s| {
                        choice(
                            Action::PickService(s.id.clone()),
                            self.office.service_name(lang, &s.id),
                        )
                    })
                    .collect();
                options.extend(self.nav(lang, false));
                Screen {
                    text: t(prompt),
                    options,
                }
            }
            State::Checklist { purpose, draft } => {
                let Some(service) = catalog.service(&draft.service) else {
                    return Ok(Err((t("service-not-found"), State::Menu)));
                };
                self.checklist_screen(
                    lang,
                    *purpose,
                    draft,
                    service,
                    self.payments.pays_online(conversation),
                )
            }
            State::PickDay { draft, page } => {
                let Some(service) = catalog.service(&draft.service) else {
                    return Ok(Err((t("service-not-found"), State::Menu)));
                };
                let slots = Slots::new(&catalog.office, self.office.tz());
                let busy = self.busy(&slots).await?;
                let duration = Duration::minutes(i64::from(service.duration_minutes));
                let days = slots.free_days(duration, now, &busy);
                if days.is_empty() {
                    let notice = self.office.i18n().msg(
                        lang,
                        "no-free-days",
                        &fargs!["days" => catalog.office.booking_horizon_days],
                    );
                    return Ok(Err((notice, State::Menu)));
                }
                let page = (*page).min((days.len() - 1) / DAYS_PER_PAGE);
                let mut options: Vec<Choice> = days
                    .iter()
                    .skip(page * DAYS_PER_PAGE)
                    .take(DAYS_PER_PAGE)
                    .map(|d| {
                        choice(
                            Action::PickDay(*d),
                            format::date(self.office.i18n(), lang, *d),
                        )
                    })
                    .collect();
                if (page + 1) * DAYS_PER_PAGE < days.len() {
                    options.push(self.label(lang, Action::LaterDays, "option-later-days"));
                }
                if page > 0 {
                    options.push(self.label(lang, Action::EarlierDays, "option-earlier-days"));
                }
                options.extend(self.nav(lang, true));
                Screen {
                    text: t("pick-day-prompt"),
                    options,
                }
            }
            State::PickTime { draft, date, page } => {
                let Some(service) = catalog.service(&draft.service) else {
                    return Ok(Err((t("service-not-found"), State::Menu)));
                };
                let slots = Slots::new(&catalog.office, self.office.tz());
                let busy = self.busy(&slots).await?;
                let duration = Duration::minutes(i64::from(service.duration_minutes));
                let bookable = slots.bookable_dates(now).any(|d| d == *date);
                let times = if bookable {
                    slots.free_on(*date, duration, now, &busy)
                } else {
                    Vec::new()
                };
                if times.is_empty() {
                    return Ok(Err((
                        t("day-full"),
                        State::PickDay {
                            draft: draft.clone(),
                            page: 0,
                        },
                    )));
                }
                let page = (*page).min((times.len() - 1) / TIMES_PER_PAGE);
                let mut options: Vec<Choice> = times
                    .iter()
                    .skip(page * TIMES_PER_PAGE)
                    .take(TIMES_PER_PAGE)
                    .map(|s| {
                        choice(
                            Action::PickSlot(*s),
                            format::time(self.office.i18n(), lang, *s, self.office.tz()),
                        )
                    })
                    .collect();
                if (page + 1) * TIMES_PER_PAGE < times.len() {
                    options.push(self.label(lang, Action::LaterTimes, "option-more-times"));
                }
                options.extend(self.nav(lang, true));
                Screen {
                    text: self.office.i18n().msg(
                        lang,
                        "pick-time-prompt",
                        &fargs!["date" => format::date(self.office.i18n(), lang, *date)],
                    ),
                    options,
                }
            }
            State::Confirm {
                draft, starts_at, ..
            } => {
                let date = format::date(
                    self.office.i18n(),
                    lang,
                    local_date(*starts_at, self.office.tz()),
                );
                Screen {
                    text: self.office.i18n().msg(
                        lang,
                        "slot-held",
                        &fargs![
                            "duration" => format::minutes(self.office.i18n(), lang, catalog.office.hold_minutes),
                            "service" => self.office.service_name(lang, &draft.service),
                            "date" => date,
                            "time" => format::time(self.office.i18n(), lang, *starts_at, self.office.tz()),
                        ],
                    ),
                    options: vec![
                        self.label(lang, Action::ConfirmAppointment, "option-confirm"),
                        self.label(lang, Action::ChooseAnotherTime, "option-other-time"),
                        self.label(lang, Action::AbortBooking, "option-abort"),
                    ],
                }
            }
            State::Appointments => {
                let bookings = self
                    .store
                    .bookings()
                    .upcoming_bookings(conversation, now)
                    .await?;
                let payments = self.store.payments().open_payments(conversation).await?;
                if bookings.is_empty() && payments.is_empty() {
                    let mut screen = self.full_menu(lang, conversation).await?;
                    screen.text = format!("{}\n\n{}", t("appointments-none"), screen.text);
                    return Ok(Ok(screen));
                }
                let mut lines = Vec::new();
                if !bookings.is_empty() {
                    lines.push(self.office.i18n().msg(
                        lang,
                        "appointments-count",
                        &fargs!["count" => bookings.len()],
                    ));
                }
                let mut options = Vec::new();
                for b in &bookings {
                    let line = self.office.i18n().msg(
                        lang,
                        "appointment-line",
                        &fargs![
                            "reference" => b.reference.clone(),
                            "service" => self.office.service_name(lang, &b.service),
                            "date" => format::date(self.office.i18n(), lang, local_date(b.starts_at, self.office.tz())),
                            "time" => format::time(self.office.i18n(), lang, b.starts_at, self.office.tz()),
                        ],
                    );
                    lines.push(line.clone());
                    options.push(choice(Action::OpenAppointment(b.reference.clone()), line));
                }
                // Fees still to pay, each with the way to pay it again.
                for p in &payments {
                    let amount = self.office.amount_text(lang, p.amount_cents);
                    let service = match &p.service {
                        Some(s) => self.office.service_name(lang, s),
                        None => t("payment-service-other"),
                    };
                    lines.push(self.office.i18n().msg(
                        lang,
                        "appointments-open-payment",
                        &fargs![
                            "amount" => amount.clone(),
                            "service" => service,
                            "reference" => p.reference.clone(),
                        ],
                    ));
                    if self.payments.pays_online(conversation) {
                        options.push(choice(
                            Action::PayFee(p.id.clone()),
                            self.office
                                .i18n()
                                .msg(lang, "option-pay", &fargs!["amount" => amount]),
                        ));
                    }
                }
                if !bookings.is_empty() {
                    lines.push(t("appointments-pick"));
                }
                options.extend(self.nav(lang, false));
                Screen {
                    text: lines.join("\n"),
                    options,
                }
            }
            State::Waiting { entry } => {
                let Some(e) = self
                    .store
                    .queue()
                    .queue_entry(entry)
                    .await?
                    .filter(|e| e.conversation_id.as_ref() == Some(conversation))
                else {
                    return Ok(Err((String::new(), State::Menu)));
                };
                match e.status {
                    EntryStatus::Waiting => {
                        let view = self.room.queue_view().await?;
                        let (position, wait) = view
                            .waiting
                            .iter()
                            .enumerate()
                            .find(|(_, (w, _))| w.id == e.id)
                            .map(|(i, (_, wait))| (i as i64 + 1, *wait))
                            .unwrap_or((1, None));
                        let minutes = wait.map(crate::queue::estimate::minutes_to_tell);
                        let mut options = self.room.waiting_options(lang);
                        options.push(self.label(lang, Action::MainMenu, "option-main-menu"));
                        Screen {
                            text: self.room.waiting_text(lang, position, minutes),
                            options,
                        }
                    }
                    EntryStatus::Called => {
                        let mut text = vec![t("in-call")];
                        if let Some(url) = &e.video_url {
                            text.push(self.office.i18n().msg(
                                lang,
                                "called-link",
                                &fargs!["url" => url.clone()],
                            ));
                        }
                        Screen {
                            text: text.join("\n"),
                            options: self.nav(lang, false),
                        }
                    }
                    EntryStatus::Done => return Ok(Err((t("visit-done"), State::Menu))),
                    EntryStatus::NoShow => return Ok(Err((t("visit-no-show"), State::Menu))),
                    EntryStatus::Left => return Ok(Err((t("queue-left"), State::Menu))),
                }
            }
            State::Feedback { .. } => Screen {
                text: t("feedback-question"),
                options: (1..=5)
                    .map(|n| choice(Action::RateVisit(n), t(&format!("feedback-{n}"))))
                    .chain([self.label(lang, Action::SkipFeedback, "option-skip")])
                    .collect(),
            },
            State::ConfirmForget { .. } => Screen {
                text: t("forget-confirm"),
                options: vec![
                    self.label(lang, Action::ForgetMe, "option-forget-yes"),
                    self.label(lang, Action::GoBack, "option-forget-no"),
                ],
            },
            State::FeedbackComment { .. } => Screen {
                text: t("feedback-comment-prompt"),
                options: vec![self.label(lang, Action::SkipFeedback, "option-skip")],
            },
            State::Documents { booking, .. } | State::WhichDocument { booking, .. } => {
                let Some(b) = self.store.bookings().booking(booking).await?.filter(|b| {
                    b.conversation_id.as_ref() == Some(conversation) && b.status.is_active()
                }) else {
                    return Ok(Err((t("appointment-gone"), State::Appointments)));
                };
                let (asked, which) = match state {
                    State::WhichDocument { document, .. } => (None, Some(document.as_str())),
                    State::Documents { item, .. } => (item.as_deref(), None),
                    _ => (None, None),
                };
                self.documents_screen(lang, &b, asked, which).await?
            }
            State::Appointment { booking } | State::CancelAppointment { booking } => {
                let Some(b) = self.store.bookings().booking(booking).await?.filter(|b| {
                    b.conversation_id.as_ref() == Some(conversation) && b.status.is_active()
                }) else {
                    return Ok(Err((t("appointment-gone"), State::Appointments)));
                };
                let date = format::date(
                    self.office.i18n(),
                    lang,
                    local_date(b.starts_at, self.office.tz()),
                );
                if matches!(state, State::CancelAppointment { .. }) {
                    Screen {
                        text: self.office.i18n().msg(
                            lang,
                            "cancel-confirm-prompt",
                            &fargs!["reference" => b.reference.clone(), "date" => date],
                        ),
                        options: vec![
                            self.label(lang, Action::ConfirmCancellation, "option-yes-cancel"),
                            self.label(lang, Action::KeepAppointment, "option-no-keep"),
                        ],
                    }
                } else {
                    let mut options = Vec::new();
                    let (opens, closes) = self.room.check_in_window(&b);
                    if opens <= now && now < closes {
                        options.push(choice(Action::CheckIn(b.id.clone()), t("option-check-in")));
                    }
                    options.extend(self.documents_option(lang, &b).await?);
                    options.push(self.label(
                        lang,
                        Action::RescheduleAppointment,
                        "option-reschedule",
                    ));
                    options.push(self.label(
                        lang,
                        Action::CancelAppointment,
                        "option-cancel-appointment",
                    ));
                    options.extend(self.nav(lang, true));
                    Screen {
                        text: self.office.i18n().msg(
                            lang,
                            "appointment-detail",
                            &fargs![
                                "reference" => b.reference.clone(),
                                "service" => self.office.service_name(lang, &b.service),
                                "date" => date,
                                "time" => format::time(self.office.i18n(), lang, b.starts_at, self.office.tz()),
                            ],
                        ),
                        options,
                    }
                }
            }
        }))
    }
}

pub(super) fn local_date(t: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> chrono::NaiveDate {
    t.with_timezone(&tz).date_naive()
}
