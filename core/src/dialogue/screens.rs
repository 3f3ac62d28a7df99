//! What each step shows: its prompt and its options, in the citizen's language.

use chrono::Duration;

use super::format;
use super::state::{Draft, Purpose, State};
use super::{Choice, Conversation, Engine, EngineError};
use crate::catalog::{Service, document_name_id, document_note_id};
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

fn choice(id: impl Into<String>, label: impl Into<String>) -> Choice {
    Choice {
        id: id.into(),
        label: label.into(),
    }
}

impl Engine {
    fn label(&self, lang: Lang, id: &str, message: &str) -> Choice {
        choice(id, self.i18n.text(lang, message))
    }

    fn nav(&self, lang: Lang, back: bool) -> Vec<Choice> {
        let mut v = Vec::new();
        if back {
            v.push(self.label(lang, "nav:back", "option-back"));
        }
        v.push(self.label(lang, "nav:menu", "option-main-menu"));
        v
    }

    pub(crate) fn service_name(&self, lang: Lang, service: &str) -> String {
        self.i18n.text(lang, &format!("service-{service}"))
    }

    /// Desk units taken anywhere in the booking window.
    pub(super) async fn busy(&self, slots: &Slots<'_>) -> Result<Busy, EngineError> {
        let now = self.clock.now();
        let (from, to) = slots.window(now);
        Ok(Busy::new(self.store.busy_units(from, to, now).await?))
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
            .map(|l| self.i18n.text(*l, "pick-language"))
            .collect::<Vec<_>>()
            .join("\n");
        let options = Lang::ALL
            .iter()
            .map(|l| choice(format!("lang:{l}"), self.i18n.text(*l, "lang-name")))
            .collect();
        Screen { text, options }
    }

    fn menu_screen(&self, lang: Lang) -> Screen {
        Screen {
            text: self.i18n.text(lang, "main-menu-prompt"),
            options: vec![
                self.label(lang, "menu:book", "menu-book"),
                self.label(lang, "menu:appointments", "menu-appointments"),
                self.label(lang, "menu:checklist", "menu-checklist"),
                self.label(lang, "menu:help", "menu-help"),
                self.label(lang, "menu:language", "menu-language"),
            ],
        }
    }

    /// The menu, with "check in" first when an appointment's check-in is open and "talk to a
    /// clerk now" while walk-ins are open.
    async fn full_menu(&self, lang: Lang, conversation: &str) -> Result<Screen, EngineError> {
        let mut screen = self.menu_screen(lang);
        if let Some(b) = self.check_in_due(conversation).await? {
            let label = self.i18n.msg(
                lang,
                "menu-check-in",
                &fargs![
                    "service" => self.service_name(lang, &b.service),
                    "time" => format::time(&self.i18n, lang, b.starts_at, self.tz),
                ],
            );
            screen
                .options
                .insert(0, choice(format!("checkin:{}", b.id), label));
        }
        if self.walk_ins_open() {
            let at = screen.options.len() - 2;
            screen
                .options
                .insert(at, self.label(lang, "menu:walkin", "menu-walk-in"));
        }
        Ok(screen)
    }

    /// `Ok(screen)`, or `Err((notice, earlier state))` when the step cannot be shown.
    async fn try_screen(
        &self,
        lang: Lang,
        state: &State,
        conversation: &str,
    ) -> Result<Result<Screen, (String, State)>, EngineError> {
        let catalog = self.catalog();
        let now = self.clock.now();
        let t = |id: &str| self.i18n.text(lang, id);
        Ok(Ok(match state {
            State::PickLanguage { .. } => self.language_screen(),
            State::Menu => self.full_menu(lang, conversation).await?,
            State::PickService { purpose, only } => {
                let prompt = match purpose {
                    Purpose::Book => "pick-service-prompt",
                    Purpose::Checklist => "pick-service-checklist-prompt",
                };
                let mut options: Vec<Choice> = catalog
                    .services
                    .iter()
                    .filter(|s| only.is_empty() || only.contains(&s.id))
                    .map(|s| choice(format!("svc:{}", s.id), self.service_name(lang, &s.id)))
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
                    self.pays_online(conversation),
                )
            }
            State::PickDay { draft, page } => {
                let Some(service) = catalog.service(&draft.service) else {
                    return Ok(Err((t("service-not-found"), State::Menu)));
                };
                let slots = Slots::new(&catalog.office, self.tz);
                let busy = self.busy(&slots).await?;
                let duration = Duration::minutes(i64::from(service.duration_minutes));
                let days = slots.free_days(duration, now, &busy);
                if days.is_empty() {
                    let notice = self.i18n.msg(
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
                    .map(|d| choice(format!("day:{d}"), format::date(&self.i18n, lang, *d)))
                    .collect();
                if (page + 1) * DAYS_PER_PAGE < days.len() {
                    options.push(self.label(lang, "days:more", "option-later-days"));
                }
                if page > 0 {
                    options.push(self.label(lang, "days:less", "option-earlier-days"));
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
                let slots = Slots::new(&catalog.office, self.tz);
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
                            format!("time:{}", s.timestamp()),
                            format::time(&self.i18n, lang, *s, self.tz),
                        )
                    })
                    .collect();
                if (page + 1) * TIMES_PER_PAGE < times.len() {
                    options.push(self.label(lang, "times:more", "option-more-times"));
                }
                options.extend(self.nav(lang, true));
                Screen {
                    text: self.i18n.msg(
                        lang,
                        "pick-time-prompt",
                        &fargs!["date" => format::date(&self.i18n, lang, *date)],
                    ),
                    options,
                }
            }
            State::Confirm {
                draft, starts_at, ..
            } => {
                let date = format::date(&self.i18n, lang, local_date(*starts_at, self.tz));
                Screen {
                    text: self.i18n.msg(
                        lang,
                        "slot-held",
                        &fargs![
                            "duration" => format::minutes(&self.i18n, lang, catalog.office.hold_minutes),
                            "service" => self.service_name(lang, &draft.service),
                            "date" => date,
                            "time" => format::time(&self.i18n, lang, *starts_at, self.tz),
                        ],
                    ),
                    options: vec![
                        self.label(lang, "confirm", "option-confirm"),
                        self.label(lang, "other-time", "option-other-time"),
                        self.label(lang, "abort", "option-abort"),
                    ],
                }
            }
            State::Appointments => {
                let bookings = self.store.upcoming_bookings(conversation, now).await?;
                let payments = self.store.open_payments(conversation).await?;
                if bookings.is_empty() && payments.is_empty() {
                    let mut screen = self.full_menu(lang, conversation).await?;
                    screen.text = format!("{}\n\n{}", t("appointments-none"), screen.text);
                    return Ok(Ok(screen));
                }
                let mut lines = Vec::new();
                if !bookings.is_empty() {
                    lines.push(self.i18n.msg(
                        lang,
                        "appointments-count",
                        &fargs!["count" => bookings.len()],
                    ));
                }
                let mut options = Vec::new();
                for b in &bookings {
                    let line = self.i18n.msg(
                        lang,
                        "appointment-line",
                        &fargs![
                            "reference" => b.reference.clone(),
                            "service" => self.service_name(lang, &b.service),
                            "date" => format::date(&self.i18n, lang, local_date(b.starts_at, self.tz)),
                            "time" => format::time(&self.i18n, lang, b.starts_at, self.tz),
                        ],
                    );
                    lines.push(line.clone());
                    options.push(choice(format!("appt:{}", b.reference), line));
                }
                // Fees still to pay, each with the way to pay it again.
                for p in &payments {
                    let amount = self.amount_text(lang, p.amount_cents);
                    let service = match &p.service {
                        Some(s) => self.service_name(lang, s),
                        None => t("payment-service-other"),
                    };
                    lines.push(self.i18n.msg(
                        lang,
                        "appointments-open-payment",
                        &fargs![
                            "amount" => amount.clone(),
                            "service" => service,
                            "reference" => p.reference.clone(),
                        ],
                    ));
                    if self.pays_online(conversation) {
                        options.push(choice(
                            format!("pay:{}", p.id),
                            self.i18n
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
                    .queue_entry(entry)
                    .await?
                    .filter(|e| e.conversation_id == conversation)
                else {
                    return Ok(Err((String::new(), State::Menu)));
                };
                match e.status {
                    EntryStatus::Waiting => {
                        let view = self.queue_view().await?;
                        let (position, wait) = view
                            .waiting
                            .iter()
                            .enumerate()
                            .find(|(_, (w, _))| w.id == e.id)
                            .map(|(i, (_, wait))| (i as i64 + 1, *wait))
                            .unwrap_or((1, None));
                        let minutes = wait.map(crate::queue::estimate::minutes_to_tell);
                        let mut options = self.waiting_options(lang);
                        options.push(self.label(lang, "nav:menu", "option-main-menu"));
                        Screen {
                            text: self.waiting_text(lang, position, minutes),
                            options,
                        }
                    }
                    EntryStatus::Called => {
                        let mut text = vec![t("in-call")];
                        if let Some(url) = &e.video_url {
                            text.push(self.i18n.msg(
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
                    .map(|n| choice(format!("feedback:{n}"), t(&format!("feedback-{n}"))))
                    .chain([self.label(lang, "skip", "option-skip")])
                    .collect(),
            },
            State::ConfirmForget { .. } => Screen {
                text: t("forget-confirm"),
                options: vec![
                    self.label(lang, "forget:yes", "option-forget-yes"),
                    self.label(lang, "nav:back", "option-forget-no"),
                ],
            },
            State::FeedbackComment { .. } => Screen {
                text: t("feedback-comment-prompt"),
                options: vec![self.label(lang, "skip", "option-skip")],
            },
            State::Appointment { booking } | State::CancelAppointment { booking } => {
                let Some(b) = self
                    .store
                    .booking(booking)
                    .await?
                    .filter(|b| b.conversation_id == conversation && b.status.is_active())
                else {
                    return Ok(Err((t("appointment-gone"), State::Appointments)));
                };
                let date = format::date(&self.i18n, lang, local_date(b.starts_at, self.tz));
                if matches!(state, State::CancelAppointment { .. }) {
                    Screen {
                        text: self.i18n.msg(
                            lang,
                            "cancel-confirm-prompt",
                            &fargs!["reference" => b.reference.clone(), "date" => date],
                        ),
                        options: vec![
                            self.label(lang, "yes-cancel", "option-yes-cancel"),
                            self.label(lang, "no-keep", "option-no-keep"),
                        ],
                    }
                } else {
                    let mut options = Vec::new();
                    let (opens, closes) = self.check_in_window(&b);
                    if opens <= now && now < closes {
                        options.push(choice(format!("checkin:{}", b.id), t("option-check-in")));
                    }
                    options.push(self.label(lang, "reschedule", "option-reschedule"));
                    options.push(self.label(lang, "cancel", "option-cancel-appointment"));
                    options.extend(self.nav(lang, true));
                    Screen {
                        text: self.i18n.msg(
                            lang,
                            "appointment-detail",
                            &fargs![
                                "reference" => b.reference.clone(),
                                "service" => self.service_name(lang, &b.service),
                                "date" => date,
                                "time" => format::time(&self.i18n, lang, b.starts_at, self.tz),
                            ],
                        ),
                        options,
                    }
                }
            }
        }))
    }

    /// The documents of a service, ticked or open, under a title.
    pub(super) fn checklist_lines(
        &self,
        lang: Lang,
        service: &Service,
        have: &[String],
    ) -> Vec<String> {
        let catalog = self.catalog();
        let name = self.service_name(lang, &service.id);
        let mut lines = vec![
            self.i18n
                .msg(lang, "checklist-title", &fargs!["service" => name]),
        ];
        for doc in &service.documents {
            let doc_name = self.i18n.text(lang, &document_name_id(doc));
            let mut line = if have.contains(doc) {
                self.i18n
                    .msg(lang, "checklist-item-done", &fargs!["document" => doc_name])
            } else {
                self.i18n.msg(
                    lang,
                    "checklist-item-open",
                    &fargs![
                        "document" => doc_name,
                        "note" => self.i18n.text(lang, &document_note_id(doc)),
                    ],
                )
            };
            if catalog.documents.get(doc).is_some_and(|d| d.optional) {
                line = format!("{line} {}", self.i18n.text(lang, "checklist-item-optional"));
            }
            lines.push(line);
        }
        lines
    }

    fn checklist_screen(
        &self,
        lang: Lang,
        purpose: Purpose,
        draft: &Draft,
        service: &Service,
        pays_online: bool,
    ) -> Screen {
        let t = |id: &str| self.i18n.text(lang, id);
        let mut lines = vec![self.i18n.text(lang, &service.about_id()), String::new()];
        lines.extend(self.checklist_lines(lang, service, &draft.have));
        let mut options = Vec::new();
        if service.video {
            for doc in &service.documents {
                let doc_name = self.i18n.text(lang, &document_name_id(doc));
                let (id, msg) = if draft.have.contains(doc) {
                    (format!("untick:{doc}"), "option-untick")
                } else {
                    (format!("tick:{doc}"), "option-tick")
                };
                options.push(choice(
                    id,
                    self.i18n.msg(lang, msg, &fargs!["document" => doc_name]),
                ));
            }
        }
        lines.push(String::new());
        lines.push(if service.fee_cents == 0 {
            t("checklist-fee-none")
        } else {
            // "From home" only where the citizen's channel can take the payment.
            self.i18n.msg(
                lang,
                if pays_online {
                    "checklist-fee"
                } else {
                    "checklist-fee-office"
                },
                &fargs!["fee" => format::fee(&self.i18n, lang, service.fee_cents)],
            )
        });
        if service.video {
            lines.push(self.i18n.msg(
                lang,
                "checklist-duration",
                &fargs!["duration" => format::minutes(&self.i18n, lang, service.duration_minutes)],
            ));
            if service.documents.iter().all(|d| draft.have.contains(d)) {
                lines.push(t("checklist-all-done"));
            } else {
                lines.push(t("checklist-tick-hint"));
            }
            options.push(match purpose {
                Purpose::Book => self.label(lang, "go:dates", "option-continue-to-dates"),
                Purpose::Checklist => self.label(lang, "go:book", "option-book-this"),
            });
        } else {
            lines.push(String::new());
            lines.push(t("service-in-person-only"));
            lines.push(self.i18n.text(lang, &service.where_id()));
        }
        options.extend(self.nav(lang, true));
        Screen {
            text: lines.join("\n"),
            options,
        }
    }
}

pub(super) fn local_date(t: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> chrono::NaiveDate {
    t.with_timezone(&tz).date_naive()
}
