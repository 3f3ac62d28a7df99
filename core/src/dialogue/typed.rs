//! Free text: what a citizen types that is neither an option's number or label nor a command
//! (a language's name, a service's words, a time, a booking reference).

use super::questions::{Found, chooses_service};
use super::state::{Draft, Purpose, State};
use super::{Conversation, Dialogue, EngineError, Notices};
use crate::action::Action;
use crate::i18n::Lang;
use crate::matching;
use crate::reference::parse_reference;

impl Dialogue {
    /// Free text that is neither a number, a label nor a command.
    pub(super) async fn free_text(
        &self,
        conv: &mut Conversation,
        text: &str,
        words: &matching::Text,
        notices: &mut Notices,
    ) -> Result<(), EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        // What a citizen types as a comment, or to pick their language, is not a question.
        let asks = !matches!(
            conv.state,
            State::FeedbackComment { .. } | State::PickLanguage { .. }
        );
        let found = if asks || chooses_service(&conv.state) {
            self.find_services(words)
        } else {
            Found::default()
        };
        if asks && self.answer_question(conv, words, &found, notices) {
            return Ok(());
        }
        let found = found.services;
        match &conv.state {
            State::PickLanguage { .. } => {
                // A tag, a language's name, or the words people use for it ("Leichte
                // Sprache", "einfach", "türkçe"): `keywords-lang`, the best one.
                let i18n = self.office.i18n();
                let chosen = Lang::from_tag(text)
                    .or_else(|| {
                        Lang::ALL
                            .into_iter()
                            .find(|l| matching::same_words(text, &i18n.text(*l, "lang-name")))
                    })
                    .or_else(|| {
                        Lang::ALL
                            .into_iter()
                            .filter_map(|l| {
                                i18n.keywords(l, "keywords-lang")
                                    .score(words)
                                    .map(|s| (l, s))
                            })
                            .max_by_key(|(_, s)| *s)
                            .map(|(l, _)| l)
                    });
                if let Some(l) = chosen {
                    return self
                        .choose(conv, &Action::ChooseLanguage(l).encode(), notices)
                        .await;
                }
            }
            State::Menu | State::Help | State::PickService { .. } | State::Checklist { .. } => {
                let purpose = match &conv.state {
                    State::PickService { purpose, .. } | State::Checklist { purpose, .. } => {
                        *purpose
                    }
                    _ => Purpose::Book,
                };
                match found.as_slice() {
                    [one] => {
                        conv.state = State::Checklist {
                            purpose,
                            draft: Draft {
                                service: one.clone(),
                                have: Vec::new(),
                                reschedule: None,
                            },
                        };
                        return Ok(());
                    }
                    [] => {
                        if !matches!(conv.state, State::Checklist { .. }) {
                            // Neither a service nor a question: what can be asked, and
                            // while the office is open, a clerk.
                            notices.push(self.office.i18n().text(lang, "question-unanswered"));
                            notices.push(self.office.i18n().text(lang, "help-text"));
                            self.offer_clerk(lang, notices);
                            return Ok(());
                        }
                    }
                    many => {
                        notices.push(self.office.i18n().text(lang, "service-ambiguous"));
                        conv.state = State::PickService {
                            purpose,
                            only: many.to_vec(),
                        };
                        return Ok(());
                    }
                }
            }
            State::FeedbackComment { entry } => {
                let (entry, comment) = (entry.clone(), text.chars().take(1000).collect::<String>());
                self.ensure_current(conv).await?;
                self.store
                    .queue()
                    .comment_feedback(&entry, &comment)
                    .await?;
                notices.push(self.office.i18n().text(lang, "feedback-thanks"));
                conv.state = State::Menu;
                return Ok(());
            }
            State::PickTime { .. } => {
                if let Some(id) = self.time_typed(conv, text) {
                    return self.choose(conv, &id, notices).await;
                }
            }
            State::Appointments => {
                if let Some(reference) = parse_reference(text) {
                    let booking = self
                        .store
                        .bookings()
                        .booking_by_reference(&reference)
                        .await?
                        .filter(|b| {
                            b.conversation_id.as_ref() == Some(&conv.id) && b.status.is_active()
                        });
                    match booking {
                        Some(b) => conv.state = State::Appointment { booking: b.id },
                        None => notices.push(self.office.i18n().text(lang, "appointment-gone")),
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        notices.push(self.office.i18n().text(lang, "input-not-understood"));
        notices.push(self.office.i18n().text(lang, "input-hint"));
        self.offer_clerk(lang, notices);
        Ok(())
    }

    /// After an input nothing answers: while walk-ins are open, the offer to talk to a clerk
    /// now, and where the questions are.
    fn offer_clerk(&self, lang: Lang, notices: &mut Notices) {
        if self.room.walk_ins_open() {
            notices.push(self.office.i18n().text(lang, "question-unanswered-clerk"));
        }
    }

    /// Services whose names or keywords in any language match the text best. The text is
    /// normalized once here; the keywords were normalized when the translations were loaded.
    fn find_services(&self, input: &matching::Text) -> Found {
        let catalog = self.office.catalog();
        let scored = catalog.services.iter().filter_map(|s| {
            let ids = [s.keywords_id(), s.name_id()];
            Lang::ALL
                .iter()
                .flat_map(|l| {
                    ids.iter()
                        .map(|id| self.office.i18n().keywords(*l, id).score(input))
                })
                .flatten()
                .max()
                .map(|score| (s.id.clone(), score))
        });
        let scored: Vec<(String, u32)> = scored.collect();
        Found {
            score: scored.iter().map(|(_, score)| *score).max(),
            services: matching::best(scored),
        }
    }

    /// A time typed as `9:30`, `09.30` or `930` that is among the offered times.
    fn time_typed(&self, conv: &Conversation, text: &str) -> Option<String> {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let (h, m) = match (text.find([':', '.', 'h']), digits.len()) {
            (Some(i), _) => (
                text[..i].trim().parse::<u32>().ok()?,
                text[i + 1..]
                    .trim()
                    .trim_end_matches(char::is_alphabetic)
                    .trim()
                    .parse::<u32>()
                    .unwrap_or(0),
            ),
            (None, 1 | 2) => (digits.parse().ok()?, 0),
            (None, 3 | 4) => (
                digits[..digits.len() - 2].parse().ok()?,
                digits[digits.len() - 2..].parse().ok()?,
            ),
            _ => return None,
        };
        let wanted = format!("{h:02}:{m:02}");
        conv.offered
            .iter()
            .find(|c| {
                matches!(Action::parse(&c.id), Some(Action::PickSlot(t))
                    if t.with_timezone(&self.office.tz()).format("%H:%M").to_string() == wanted)
            })
            .map(|c| c.id.clone())
    }
}
