//! The questions citizens ask at a counter ("Wann habt ihr geöffnet?", "Was kostet die
//! Anmeldung?", "Kann jemand für mich kommen?"), answered from what the office knows: the
//! catalogue's hours, closures, holidays, fees, durations, documents and who may come instead,
//! in the words of `locales/*/questions.ftl`. Nothing here is hard-coded text, so an admin's
//! change to the catalogue shows in the next answer.
//!
//! Questions are matched like services, with the same normalisation, from the per-language
//! keywords `question-*-keywords`; the input was normalised once by the caller. An answer is
//! a notice: the step the citizen is on stays as it was.

use chrono::{Datelike, Duration, NaiveTime, Timelike};

use super::screens::choice;
use super::state::State;
use super::{Choice, Conversation, Dialogue, Notices};
use crate::action::Action;
use crate::catalog::{Catalog, Proxy, Service, document_name_id};
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::matching;

/// What a citizen may ask besides a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Question {
    Greeting,
    Thanks,
    Hours,
    Address,
    Cost,
    Duration,
    Documents,
    Payment,
    Call,
    Proxy,
}

impl Question {
    /// In the order that wins a tie: a question about a service before a general one.
    pub(super) const ALL: [Question; 10] = [
        Question::Proxy,
        Question::Cost,
        Question::Duration,
        Question::Documents,
        Question::Payment,
        Question::Hours,
        Question::Address,
        Question::Call,
        Question::Thanks,
        Question::Greeting,
    ];

    /// The questions offered as buttons on the help screen, by the name in their option id
    /// (`ask:hours`) and their label (`question-button-<name>`).
    const BUTTONS: [(Question, &'static str); 6] = [
        (Question::Hours, "hours"),
        (Question::Address, "address"),
        (Question::Cost, "cost"),
        (Question::Call, "call"),
        (Question::Payment, "payment"),
        (Question::Proxy, "proxy"),
    ];

    fn named(name: &str) -> Option<Question> {
        Question::BUTTONS
            .into_iter()
            .find(|(_, n)| *n == name)
            .map(|(q, _)| q)
    }

    fn keywords_id(self) -> &'static str {
        match self {
            Question::Greeting => "question-greeting-keywords",
            Question::Thanks => "question-thanks-keywords",
            Question::Hours => "question-hours-keywords",
            Question::Address => "question-address-keywords",
            Question::Cost => "question-cost-keywords",
            Question::Duration => "question-duration-keywords",
            Question::Documents => "question-documents-keywords",
            Question::Payment => "question-payment-keywords",
            Question::Call => "question-call-keywords",
            Question::Proxy => "question-proxy-keywords",
        }
    }

    /// Whether the answer is about one service; a general question gives way to a service
    /// named in the same words ("Hallo, ich möchte mich anmelden" is the Anmeldung).
    fn about_a_service(self) -> bool {
        matches!(
            self,
            Question::Cost | Question::Duration | Question::Documents | Question::Proxy
        )
    }
}

impl Dialogue {
    /// The question `words` ask, if any: the best-scoring keywords of the citizen's language,
    /// forgiving typos, or of any other one typed exactly (people mix), ties going to the
    /// earlier of [`Question::ALL`].
    pub(super) fn question(&self, lang: Lang, words: &matching::Text) -> Option<(Question, u32)> {
        let i18n = self.office.i18n();
        let mut best: Option<(Question, u32)> = None;
        for question in Question::ALL {
            let score = Lang::ALL
                .iter()
                .filter_map(|l| {
                    let keywords = i18n.keywords(*l, question.keywords_id());
                    if *l == lang {
                        keywords.score(words)
                    } else {
                        keywords.score_exactly(words)
                    }
                })
                .max();
            if let Some(score) = score
                && best.is_none_or(|(_, top)| score > top)
            {
                best = Some((question, score));
            }
        }
        best
    }

    /// Answers what `words` ask, and says whether it did. The step stays as it is. A
    /// question about a service takes the one service named in the text, else the one the
    /// citizen is booking; a general question gives way to a service the text names at least
    /// as well at the steps where a service is chosen by its name ("Hallo, ich möchte mich
    /// anmelden" is the Anmeldung; "Wo ist das Bürgeramt?" is not a service whose keywords
    /// share a word with it).
    pub(super) fn answer_question(
        &self,
        conv: &Conversation,
        words: &matching::Text,
        found: &Found,
        notices: &mut Notices,
    ) -> bool {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let Some((question, score)) = self.question(lang, words) else {
            return false;
        };
        let catalog = self.office.catalog();
        let named = match found.services.as_slice() {
            [one] => catalog.service(one),
            _ => None,
        };
        // Small talk around a request is the request ("Dzień dobry, potrzebuję zameldowanie");
        // another question gives way to a service named at least as well.
        let service_wins = found.score.is_some_and(|s| {
            matches!(question, Question::Greeting | Question::Thanks) || s >= score
        });
        if !question.about_a_service() && service_wins && chooses_service(&conv.state) {
            return false;
        }
        match self.answer(conv, question, named) {
            Some(answer) => {
                notices.push(answer);
                true
            }
            None => false,
        }
    }

    /// Answers a question asked by its button on the help screen; the step stays as it is.
    /// An unknown name (an old or forged button) gets the help text.
    pub(super) fn ask(&self, conv: &Conversation, name: &str, notices: &mut Notices) {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let answer = Question::named(name).and_then(|q| self.answer(conv, q, None));
        notices.push(answer.unwrap_or_else(|| self.office.i18n().text(lang, "help-text")));
    }

    /// The answer to `question`, about `named` or else the service being booked; `None`
    /// where the catalogue has nothing to say (no address).
    fn answer(
        &self,
        conv: &Conversation,
        question: Question,
        named: Option<&Service>,
    ) -> Option<String> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let catalog = self.office.catalog();
        let service = named.or_else(|| {
            conv.state
                .draft()
                .and_then(|draft| catalog.service(&draft.service))
        });
        match (question, service) {
            (Question::Greeting, _) => Some(self.office.i18n().text(lang, "question-greeting")),
            (Question::Thanks, _) => Some(self.office.i18n().text(lang, "question-thanks")),
            (Question::Hours, _) => Some(self.hours(lang, &catalog)),
            (Question::Address, _) => catalog.office.address.as_ref().map(|address| {
                self.office.i18n().msg(
                    lang,
                    "question-address",
                    &fargs!["address" => address.as_str()],
                )
            }),
            (Question::Cost | Question::Duration, Some(service)) => {
                Some(self.cost_and_duration(lang, service))
            }
            (Question::Cost | Question::Duration, None) => {
                Some(self.every_cost_and_duration(lang, &catalog))
            }
            (Question::Documents, Some(service)) => Some(self.documents_of(lang, service)),
            (Question::Proxy, Some(service)) => Some(self.proxy_of(lang, service)),
            (Question::Documents | Question::Proxy, None) => {
                Some(self.office.i18n().text(lang, "question-which-service"))
            }
            (Question::Payment, _) => Some(self.office.i18n().text(
                lang,
                if self.payments.pays_online(&conv.id) {
                    "question-payment-online"
                } else {
                    "question-payment-after-call"
                },
            )),
            // How to prepare: the device check (the page without a booking; the personal
            // link comes with the confirmation and the reminders).
            (Question::Call, _) => Some(format!(
                "{}\n{}",
                self.office.i18n().text(lang, "question-call"),
                self.office.i18n().msg(
                    lang,
                    "device-check-try",
                    &fargs!["link" => self.device_checks.page_url()],
                )
            )),
        }
    }

    /// The help screen's buttons: a question each, as `ask:<name>` (the address only where
    /// the catalogue has one).
    pub(super) fn question_buttons(&self, lang: Lang) -> Vec<Choice> {
        let has_address = self.office.catalog().office.address.is_some();
        Question::BUTTONS
            .into_iter()
            .filter(|(q, _)| *q != Question::Address || has_address)
            .map(|(_, name)| {
                choice(
                    Action::Ask(name.to_owned()),
                    self.office
                        .i18n()
                        .text(lang, &format!("question-button-{name}")),
                )
            })
            .collect()
    }

    /// This week's hours from today, day by day with holidays and closures, and whether the
    /// office is open now and until when, or when it opens next.
    fn hours(&self, lang: Lang, catalog: &Catalog) -> String {
        let i18n = self.office.i18n();
        let office = &catalog.office;
        let now = self
            .office
            .now()
            .with_timezone(&self.office.tz())
            .naive_local();
        let today = now.date();
        let mut lines = vec![i18n.text(lang, "question-hours-title")];
        for offset in 0..7 {
            let date = today + Duration::days(offset);
            let day = format::date(i18n, lang, date);
            let hours = office.hours_on(date.weekday());
            let line = if office.is_closed(date) {
                i18n.msg(lang, "question-hours-day-closed", &fargs!["day" => day])
            } else if hours.is_empty() {
                i18n.msg(lang, "question-hours-day-none", &fargs!["day" => day])
            } else {
                let spans: Vec<String> = hours
                    .iter()
                    .map(|(from, to)| {
                        i18n.msg(
                            lang,
                            "question-hours-span",
                            &fargs!["from" => clock(lang, *from), "to" => clock(lang, *to)],
                        )
                    })
                    .collect();
                i18n.msg(
                    lang,
                    "question-hours-day",
                    &fargs!["day" => day, "hours" => spans.join(", ")],
                )
            };
            lines.push(line);
        }
        let open_until = (!office.is_closed(today))
            .then(|| office.hours_on(today.weekday()))
            .into_iter()
            .flatten()
            .find(|(from, to)| *from <= now.time() && now.time() < *to)
            .map(|(_, to)| *to);
        lines.push(match open_until {
            Some(until) => i18n.msg(
                lang,
                "question-hours-open-now",
                &fargs!["until" => clock(lang, until)],
            ),
            None => match next_opening(office, now) {
                Some(at) => i18n.msg(
                    lang,
                    "question-hours-closed-now",
                    &fargs![
                        "day" => format::date(i18n, lang, at.date()),
                        "time" => clock(lang, at.time()),
                    ],
                ),
                None => i18n.text(lang, "question-hours-closed-now-unknown"),
            },
        });
        lines.join("\n")
    }

    fn cost_and_duration(&self, lang: Lang, service: &Service) -> String {
        let i18n = self.office.i18n();
        i18n.msg(
            lang,
            if service.video {
                "question-cost-duration"
            } else {
                "question-cost-duration-in-person"
            },
            &fargs![
                "service" => self.office.service_name(lang, &service.id),
                "fee" => format::fee(i18n, lang, service.fee_cents),
                "duration" => format::minutes(i18n, lang, service.duration_minutes),
            ],
        )
    }

    fn every_cost_and_duration(&self, lang: Lang, catalog: &Catalog) -> String {
        let i18n = self.office.i18n();
        let mut lines = vec![i18n.text(lang, "question-cost-all")];
        lines.extend(catalog.services.iter().map(|service| {
            i18n.msg(
                lang,
                "question-cost-all-line",
                &fargs![
                    "service" => self.office.service_name(lang, &service.id),
                    "fee" => format::fee(i18n, lang, service.fee_cents),
                    "duration" => format::minutes(i18n, lang, service.duration_minutes),
                ],
            )
        }));
        lines.join("\n")
    }

    fn documents_of(&self, lang: Lang, service: &Service) -> String {
        let i18n = self.office.i18n();
        let name = self.office.service_name(lang, &service.id);
        if service.documents.is_empty() {
            return i18n.msg(lang, "question-documents-none", &fargs!["service" => name]);
        }
        let documents: Vec<String> = service
            .documents
            .iter()
            .map(|d| i18n.text(lang, &document_name_id(d)))
            .collect();
        i18n.msg(
            lang,
            "question-documents",
            &fargs!["service" => name, "documents" => documents.join(", ")],
        )
    }

    fn proxy_of(&self, lang: Lang, service: &Service) -> String {
        let i18n = self.office.i18n();
        let name = self.office.service_name(lang, &service.id);
        match &service.proxy {
            Proxy::WithForm(form) => i18n.msg(
                lang,
                "question-proxy-form",
                &fargs![
                    "service" => name,
                    "form" => i18n.text(lang, &document_name_id(form)),
                ],
            ),
            Proxy::InPerson => {
                i18n.msg(lang, "question-proxy-in-person", &fargs!["service" => name])
            }
            Proxy::NotSaid => i18n.msg(lang, "question-proxy-ask", &fargs!["service" => name]),
        }
    }
}

/// The services typed text names best, and how well (see [`matching::best`]).
#[derive(Debug, Default)]
pub(super) struct Found {
    pub services: Vec<String>,
    pub score: Option<u32>,
}

/// The steps at which a service is chosen by typing its name.
pub(super) fn chooses_service(state: &State) -> bool {
    matches!(
        state,
        State::Menu | State::Help | State::PickService { .. } | State::Checklist { .. }
    )
}

/// A time of day in the language's digits (`8:00`).
fn clock(lang: Lang, time: NaiveTime) -> String {
    lang.digits(&format!("{}:{:02}", time.hour(), time.minute()))
}

/// When the office opens next after `now` (local), within the next four weeks.
fn next_opening(
    office: &crate::catalog::Office,
    now: chrono::NaiveDateTime,
) -> Option<chrono::NaiveDateTime> {
    (0..28)
        .map(|offset| now.date() + Duration::days(offset))
        .filter(|date| !office.is_closed(*date))
        .find_map(|date| {
            office
                .hours_on(date.weekday())
                .iter()
                .map(|(from, _)| date.and_time(*from))
                .find(|at| *at > now)
        })
}
