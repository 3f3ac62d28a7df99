//! The checklist of a service: its documents, ticked or open, with the fee and the duration,
//! and the options to tick them and go on.

use super::Dialogue;
use super::format;
use super::screens::{Screen, choice};
use super::state::{Draft, Purpose};
use crate::action::Action;
use crate::catalog::{Service, document_name_id, document_note_id};
use crate::fargs;
use crate::i18n::Lang;

impl Dialogue {
    /// The documents of a service, ticked or open, under a title.
    pub(super) fn checklist_lines(
        &self,
        lang: Lang,
        service: &Service,
        have: &[String],
    ) -> Vec<String> {
        let catalog = self.office.catalog();
        let name = self.office.service_name(lang, &service.id);
        let mut lines =
            vec![
                self.office
                    .i18n()
                    .msg(lang, "checklist-title", &fargs!["service" => name]),
            ];
        for doc in &service.documents {
            let doc_name = self.office.i18n().text(lang, &document_name_id(doc));
            let mut line = if have.contains(doc) {
                self.office
                    .i18n()
                    .msg(lang, "checklist-item-done", &fargs!["document" => doc_name])
            } else {
                self.office.i18n().msg(
                    lang,
                    "checklist-item-open",
                    &fargs![
                        "document" => doc_name,
                        "note" => self.office.i18n().text(lang, &document_note_id(doc)),
                    ],
                )
            };
            if catalog.documents.get(doc).is_some_and(|d| d.optional) {
                line = format!(
                    "{line} {}",
                    self.office.i18n().text(lang, "checklist-item-optional")
                );
            }
            lines.push(line);
        }
        lines
    }

    pub(super) fn checklist_screen(
        &self,
        lang: Lang,
        purpose: Purpose,
        draft: &Draft,
        service: &Service,
        pays_online: bool,
    ) -> Screen {
        let t = |id: &str| self.office.i18n().text(lang, id);
        let mut lines = vec![
            self.office.i18n().text(lang, &service.about_id()),
            String::new(),
        ];
        lines.extend(self.checklist_lines(lang, service, &draft.have));
        let mut options = Vec::new();
        if service.video {
            for doc in &service.documents {
                let doc_name = self.office.i18n().text(lang, &document_name_id(doc));
                let (id, msg) = if draft.have.contains(doc) {
                    (Action::MissingDocument(doc.clone()), "option-untick")
                } else {
                    (Action::HaveDocument(doc.clone()), "option-tick")
                };
                options.push(choice(
                    id,
                    self.office
                        .i18n()
                        .msg(lang, msg, &fargs!["document" => doc_name]),
                ));
            }
        }
        lines.push(String::new());
        lines.push(if service.fee_cents == 0 {
            t("checklist-fee-none")
        } else {
            // "From home" only where the citizen's channel can take the payment.
            self.office.i18n().msg(
                lang,
                if pays_online {
                    "checklist-fee"
                } else {
                    "checklist-fee-office"
                },
                &fargs!["fee" => format::fee(self.office.i18n(), lang, service.fee_cents)],
            )
        });
        if service.video {
            lines.push(self.office.i18n().msg(
                lang,
                "checklist-duration",
                &fargs!["duration" => format::minutes(self.office.i18n(), lang, service.duration_minutes)],
            ));
            if service.documents.iter().all(|d| draft.have.contains(d)) {
                lines.push(t("checklist-all-done"));
            } else {
                lines.push(t("checklist-tick-hint"));
            }
            options.push(match purpose {
                Purpose::Book => {
                    self.label(lang, Action::ContinueToDates, "option-continue-to-dates")
                }
                Purpose::Checklist => self.label(lang, Action::BookThisService, "option-book-this"),
            });
        } else {
            lines.push(String::new());
            lines.push(t("service-in-person-only"));
            lines.push(self.office.i18n().text(lang, &service.where_id()));
        }
        options.extend(self.nav(lang, true));
        Screen {
            text: lines.join("\n"),
            options,
        }
    }
}
