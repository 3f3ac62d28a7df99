//! The `Calendar` service: queues a booking's calendar file for the citizen.

use crate::channel::ConversationId;
use chrono::{DateTime, Utc};

use crate::error::EngineError;
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::store::{Booking, Store};

use super::writer::ics;
use super::{Event, Method, file_name, sequence, uid};

/// How long after the confirmation (or the cancellation) the file goes out: the citizen
/// reads what happened first, and a Telegram chat takes one message a second anyway.
const FOLLOWS: chrono::Duration = chrono::Duration::seconds(1);

/// Calendar files for the citizen's bookings.
#[derive(Clone)]
pub struct Calendar {
    office: Office,
    store: Store,
}

impl Calendar {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self { office, store }
    }

    /// Queues the calendar file of `booking` for the citizen, in `lang`, after a change made
    /// at `changed_at`: the booking as it is now (`Request`), or its cancellation (`Cancel`).
    /// The same change queued again is kept once (one outbox slot per version).
    pub(crate) async fn send_calendar_file(
        &self,
        conversation: &ConversationId,
        lang: Lang,
        booking: &Booking,
        method: Method,
        changed_at: DateTime<Utc>,
    ) -> Result<(), EngineError> {
        let body = self.file(lang, booking, method, changed_at).to_json();
        let sequence = sequence(changed_at, method);
        self.store
            .outbox()
            .notify_once_after(
                conversation,
                &format!(
                    "calendar:{}:{sequence}:{}",
                    booking.id,
                    booking.starts_at.timestamp()
                ),
                NoticeKind::CalendarFile,
                &body,
                changed_at,
                FOLLOWS,
            )
            .await?;
        Ok(())
    }

    /// The calendar file of `booking` after a change made at `changed_at`, with the line
    /// that goes with it, in `lang` (also what a mail attaches).
    pub(crate) fn file(
        &self,
        lang: Lang,
        booking: &Booking,
        method: Method,
        changed_at: DateTime<Utc>,
    ) -> crate::message::Message {
        let i18n = self.office.i18n();
        let tz = self.office.tz();
        let service = i18n.text(lang, &format!("service-{}", booking.service));
        let reference = booking.reference.clone();
        let summary = i18n.msg(
            lang,
            "calendar-summary",
            &fargs!["service" => service.clone()],
        );
        let (description, text) = match method {
            Method::Request => (
                i18n.msg(
                    lang,
                    "calendar-description",
                    &fargs![
                        "service" => service.clone(),
                        "reference" => reference.clone(),
                        "minutes" => self.office.catalog().office.check_in_before_minutes,
                    ],
                ),
                i18n.msg(
                    lang,
                    "calendar-file-request",
                    &fargs![
                        "service" => service,
                        "reference" => reference.clone(),
                        "date" => format::date(i18n, lang, booking.starts_at.with_timezone(&tz).date_naive()),
                        "time" => format::time(i18n, lang, booking.starts_at, tz),
                    ],
                ),
            ),
            Method::Cancel => (
                i18n.msg(
                    lang,
                    "calendar-description-cancelled",
                    &fargs!["reference" => reference.clone()],
                ),
                i18n.msg(
                    lang,
                    "calendar-file-cancel",
                    &fargs!["reference" => reference.clone()],
                ),
            ),
        };
        // Right-to-left languages get every line marked, as in the chat.
        let rtl = |text: String| crate::message::directed(lang, text, Vec::new()).0;
        let (summary, description, text) = (rtl(summary), rtl(description), rtl(text));
        let sequence = sequence(changed_at, method);
        let content = ics(&Event {
            method,
            uid: &uid(&booking.id),
            sequence,
            stamp: changed_at,
            starts_at: booking.starts_at,
            ends_at: booking.ends_at,
            tz,
            lang: lang.code(),
            summary: &summary,
            description: &description,
        });
        crate::message::Message {
            text,
            attachment: Some(crate::message::Attachment {
                file_name: file_name(&booking.reference),
                mime: method.mime(),
                content,
            }),
            ..Default::default()
        }
    }
}
