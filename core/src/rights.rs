//! The citizen's data-protection rights: the privacy notice (`/privacy`), what is stored
//! (`/mydata`, as text and as a file), being forgotten (`/forget`), and the retention rules
//! applied every night ([`Rights::purge`]; what goes and when is in [`crate::retention`]).

use crate::channel::ConversationId;
use chrono::{DateTime, Utc};

use crate::device_check::{CheckResult, describe};
use crate::error::EngineError;
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::queue::WaitingRoom;
use crate::retention::{BATCH, Cutoffs, PurgeReport};
use crate::store::{Forgotten, Store};

/// A catalogue text, or `none` for the notice to say its default in the citizen's language.
fn or_none(text: &str) -> String {
    if text.trim().is_empty() {
        "none".to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// The kind of the outbox message with `/mydata`'s file; it is deleted once delivered.
pub const MYDATA_FILE: &str = NoticeKind::MyDataFile.as_str();

/// The rights a citizen has over their data, and the rules that erase it unasked.
#[derive(Clone)]
pub struct Rights {
    office: Office,
    store: Store,
    room: WaitingRoom,
}

impl Rights {
    pub(crate) fn new(office: Office, store: Store, room: WaitingRoom) -> Self {
        Self {
            office,
            store,
            room,
        }
    }

    /// The privacy notice: controller, purposes, retention, contact — from the catalogue.
    pub fn privacy_notice(&self, lang: Lang) -> String {
        let catalog = self.office.catalog();
        let p = &catalog.privacy;
        let r = &catalog.retention;
        self.office.i18n().msg(
            lang,
            "privacy-notice",
            &fargs![
                "controller" => p.controller.clone(),
                "contact" => p.contact.clone(),
                "url" => p.url.clone(),
                "legal_basis" => or_none(&p.legal_basis),
                "authority" => or_none(&p.authority),
                "idle" => r.idle_conversation_days,
                "appointment" => r.appointment_days,
                "delivered" => r.delivered_days,
                "notes" => r.clerk_note_days,
            ],
        )
    }

    /// Everything stored about the conversation, as the citizen reads it.
    pub async fn my_data(
        &self,
        conversation: &ConversationId,
        lang: Lang,
    ) -> Result<String, EngineError> {
        let data = self.store.privacy().citizen_data(conversation).await?;
        let i18n = self.office.i18n();
        let mut lines = vec![i18n.text(lang, "mydata-title")];
        if let Some((language, updated)) = &data.conversation {
            lines.push(i18n.msg(
                lang,
                "mydata-conversation",
                &fargs![
                    "lang" => language
                        .as_deref()
                        .and_then(Lang::from_tag)
                        .map(|l| i18n.text(l, "lang-name"))
                        .unwrap_or_default(),
                    "date" => format::date(i18n, lang, updated.with_timezone(&self.office.tz()).date_naive()),
                ],
            ));
        }
        for b in &data.bookings {
            lines.push(i18n.msg(
                lang,
                "mydata-booking",
                &fargs![
                    "reference" => b.reference.clone(),
                    "service" => self.office.service_name(lang, &b.service),
                    "date" => format::date(i18n, lang, b.starts_at.with_timezone(&self.office.tz()).date_naive()),
                    "time" => format::time(i18n, lang, b.starts_at, self.office.tz()),
                    "status" => i18n.text(lang, &format!("mydata-status-{}", b.status.as_str().replace('_', "-"))),
                ],
            ));
        }
        for v in &data.visits {
            lines.push(i18n.msg(
                lang,
                "mydata-visit",
                &fargs![
                    "date" => format::date(i18n, lang, v.joined_at.with_timezone(&self.office.tz()).date_naive()),
                    "service" => v
                        .service
                        .as_deref()
                        .map_or_else(|| i18n.text(lang, "payment-service-other"), |s| self.office.service_name(lang, s)),
                    "status" => i18n.text(lang, &format!("mydata-status-{}", v.status.as_str().replace('_', "-"))),
                ],
            ));
        }
        for p in &data.payments {
            lines.push(i18n.msg(
                lang,
                "mydata-payment",
                &fargs![
                    "reference" => p.reference.clone(),
                    "amount" => self.office.amount_text(lang, p.amount_cents),
                    "state" => i18n.text(lang, &format!("payment-state-{}", p.state.as_str())),
                ],
            ));
        }
        for (rating, comment) in &data.feedback {
            lines.push(i18n.msg(
                lang,
                "mydata-feedback",
                &fargs![
                    "rating" => *rating,
                    "comment" => comment.clone().unwrap_or_default(),
                ],
            ));
        }
        for m in &data.mail {
            lines.push(i18n.msg(
                lang,
                "mydata-mail",
                &fargs![
                    "address" => m.address.clone(),
                    "state" => i18n.text(lang, &format!("mydata-mail-{}", m.state.as_str())),
                ],
            ));
        }
        for c in &data.device_checks {
            let reference = data
                .bookings
                .iter()
                .find(|b| b.id == c.booking_id)
                .map(|b| b.reference.clone())
                .unwrap_or_default();
            let result = CheckResult::from_row(c);
            let mut args = crate::i18n::FluentArgs::new();
            args.set("reference", reference);
            args.set("result", describe(i18n, lang, Some(&result)));
            lines.push(i18n.msg(lang, "mydata-device-check", &args));
        }
        for d in &data.documents {
            let reference = data
                .bookings
                .iter()
                .find(|b| b.id == d.booking_id)
                .map(|b| b.reference.clone())
                .unwrap_or_default();
            lines.push(i18n.msg(
                lang,
                "mydata-document",
                &fargs![
                    "reference" => reference,
                    "document" => match d.item.as_str() {
                        "" => i18n.text(lang, "document-unnamed"),
                        item => i18n.text(lang, &crate::catalog::document_name_id(item)),
                    },
                    "size" => format::size(i18n, lang, d.size),
                    "date" => format::date(i18n, lang, d.created_at.with_timezone(&self.office.tz()).date_naive()),
                ],
            ));
        }
        if data.messages + data.inputs > 0 {
            lines.push(i18n.msg(
                lang,
                "mydata-messages",
                &fargs!["messages" => data.messages, "inputs" => data.inputs],
            ));
        }
        if lines.len() == 1 {
            lines.push(i18n.text(lang, "mydata-nothing"));
        }
        lines.push(self.office.i18n().msg(
            lang,
            "mydata-retention",
            &fargs![
                "idle" => self.office.catalog().retention.idle_conversation_days,
                "appointment" => self.office.catalog().retention.appointment_days,
            ],
        ));
        Ok(lines.join("\n"))
    }

    /// What is stored, as a JSON file, for channels that take files (Telegram, Matrix): queued
    /// as an outbox message of kind [`MYDATA_FILE`], which goes as soon as it is delivered.
    pub(crate) async fn send_my_data_file(
        &self,
        conversation: &ConversationId,
        lang: Lang,
    ) -> Result<(), EngineError> {
        if !conversation.channel().is_public() {
            return Ok(());
        }
        let data = self.store.privacy().citizen_data(conversation).await?;
        let json = serde_json::json!({
            "conversation": conversation,
            "language": data.conversation.as_ref().and_then(|(l, _)| l.clone()),
            "last_active": data.conversation.as_ref().map(|(_, t)| t.to_rfc3339()),
            "bookings": data.bookings.iter().map(|b| serde_json::json!({
                "reference": b.reference,
                "service": b.service,
                "starts_at": b.starts_at.to_rfc3339(),
                "status": b.status.as_str(),
                "documents_ticked": b.checklist,
            })).collect::<Vec<_>>(),
            "visits": data.visits.iter().map(|v| serde_json::json!({
                "reference": v.reference,
                "service": v.service,
                "joined_at": v.joined_at.to_rfc3339(),
                "called_at": v.called_at.map(|t| t.to_rfc3339()),
                "finished_at": v.finished_at.map(|t| t.to_rfc3339()),
                "status": v.status.as_str(),
            })).collect::<Vec<_>>(),
            "payments": data.payments.iter().map(|p| serde_json::json!({
                "reference": p.reference,
                "amount_cents": p.amount_cents,
                "currency": p.currency,
                "state": p.state.as_str(),
                "items": p.items,
            })).collect::<Vec<_>>(),
            "feedback": data.feedback.iter().map(|(rating, comment)| serde_json::json!({
                "rating": rating,
                "comment": comment,
            })).collect::<Vec<_>>(),
            "mail": data.mail.iter().map(|m| serde_json::json!({
                "address": m.address,
                "state": m.state.as_str(),
                "given_at": m.created_at.to_rfc3339(),
                "confirmed_at": m.confirmed_at.map(|t| t.to_rfc3339()),
            })).collect::<Vec<_>>(),
            // What was sent, not the files themselves: the citizen has them.
            "documents": data.documents.iter().map(|d| serde_json::json!({
                "booking": data.bookings.iter().find(|b| b.id == d.booking_id).map(|b| &b.reference),
                "checklist_item": d.item,
                "kind": d.kind,
                "bytes": d.size,
                "sent_at": d.created_at.to_rfc3339(),
            })).collect::<Vec<_>>(),
            // The device checks: each part's outcome and the platform family, nothing more.
            "device_checks": data.device_checks.iter().map(|c| serde_json::json!({
                "booking": data.bookings.iter().find(|b| b.id == c.booking_id).map(|b| &b.reference),
                "camera": c.camera,
                "microphone": c.microphone,
                "speaker": c.speaker,
                "connection": c.connection,
                "platform": c.platform,
                "checked_at": c.checked_at.to_rfc3339(),
            })).collect::<Vec<_>>(),
            "messages_kept": data.messages,
            "inputs_kept": data.inputs,
        });
        let body = (crate::message::Message {
            text: self.office.i18n().text(lang, "mydata-file"),
            attachment: Some(crate::message::Attachment {
                file_name: "schalter-my-data.json".into(),
                mime: "application/json".into(),
                content: serde_json::to_string_pretty(&json).expect("json serializes"),
            }),
            ..Default::default()
        })
        .to_json();
        let now = self.office.now();
        self.store
            .outbox()
            .notify_once(
                conversation,
                &format!("mydata:{}", now.timestamp_micros()),
                NoticeKind::MyDataFile,
                &body,
                now,
            )
            .await?;
        Ok(())
    }

    /// Forgets the citizen of `conversation`: future bookings cancelled (slots freed), the
    /// waiting room left, every row that refers to them deleted or unlinked. The waiting
    /// room moves on for the others.
    pub async fn forget_citizen(
        &self,
        conversation: &ConversationId,
    ) -> Result<Forgotten, EngineError> {
        let forgotten = self
            .store
            .privacy()
            .forget_citizen(conversation, self.office.now())
            .await?;
        if forgotten.left_queue {
            self.room.refresh_waiting_room().await?;
        }
        Ok(forgotten)
    }

    /// Applies the catalogue's retention rules as of `now`; with `dry_run` nothing changes and
    /// the report says what would go. A real run adds its counts to the metrics.
    pub async fn purge(
        &self,
        now: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<PurgeReport, EngineError> {
        let cutoffs = Cutoffs::new(now, &self.office.catalog().retention);
        if dry_run {
            return Ok(self.store.retention().count_purge(&cutoffs).await?);
        }
        let report = self.store.retention().purge(&cutoffs, BATCH).await?;
        for (kind, _, n) in report.kinds() {
            self.office.metrics().purged(kind, n);
        }
        Ok(report)
    }
}
