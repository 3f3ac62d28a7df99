//! The citizen's rights and the limits that protect everybody's appointments: the privacy
//! notice (`/privacy`, and one line at first contact), what is stored (`/mydata`), being
//! forgotten (`/forget`), at most `max_active_bookings` future bookings and at most
//! [`INPUTS_PER_MINUTE`] inputs a minute per conversation.

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, Duration, Utc};

use super::{Engine, EngineError, format};
use crate::fargs;
use crate::i18n::Lang;
use crate::store::Forgotten;

/// Whether the conversation is on a public network (Telegram, Matrix): those take files and
/// are rate-limited; the terminal is a person (or a script) at this machine.
fn on_public_network(conversation: &str) -> bool {
    crate::channel::ConversationId::parse(conversation).is_ok_and(|c| {
        matches!(
            c.channel,
            crate::channel::ChannelKind::Telegram | crate::channel::ChannelKind::Matrix
        )
    })
}

/// The kind of the outbox message with `/mydata`'s file; it is deleted once delivered.
pub const MYDATA_FILE: &str = "mydata-file";

/// Inputs one conversation may send within a minute (counted per process).
pub const INPUTS_PER_MINUTE: usize = 20;

/// The rate limit's map never shrinks below room for this many conversations.
const SWEPT_MAP_MIN: usize = 64;

impl Engine {
    /// The short line at first contact: where the privacy notice is.
    pub(super) fn privacy_line(&self, lang: Lang) -> String {
        self.i18n.msg(
            lang,
            "privacy-line",
            &fargs!["url" => self.catalog().privacy.url.clone()],
        )
    }

    /// The privacy notice: controller, purposes, retention, contact — from the catalogue.
    pub fn privacy_notice(&self, lang: Lang) -> String {
        let catalog = self.catalog();
        let p = &catalog.privacy;
        let r = &catalog.retention;
        self.i18n.msg(
            lang,
            "privacy-notice",
            &fargs![
                "controller" => p.controller.clone(),
                "contact" => p.contact.clone(),
                "url" => p.url.clone(),
                "idle" => r.idle_conversation_days,
                "appointment" => r.appointment_days,
            ],
        )
    }

    /// Everything stored about the conversation, as the citizen reads it.
    pub async fn my_data(&self, conversation: &str, lang: Lang) -> Result<String, EngineError> {
        let data = self.store.citizen_data(conversation).await?;
        let i18n = &self.i18n;
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
                    "date" => format::date(i18n, lang, updated.with_timezone(&self.tz).date_naive()),
                ],
            ));
        }
        for b in &data.bookings {
            lines.push(i18n.msg(
                lang,
                "mydata-booking",
                &fargs![
                    "reference" => b.reference.clone(),
                    "service" => self.service_name(lang, &b.service),
                    "date" => format::date(i18n, lang, b.starts_at.with_timezone(&self.tz).date_naive()),
                    "time" => format::time(i18n, lang, b.starts_at, self.tz),
                    "status" => i18n.text(lang, &format!("mydata-status-{}", b.status.as_str().replace('_', "-"))),
                ],
            ));
        }
        for v in &data.visits {
            lines.push(i18n.msg(
                lang,
                "mydata-visit",
                &fargs![
                    "date" => format::date(i18n, lang, v.joined_at.with_timezone(&self.tz).date_naive()),
                    "service" => v
                        .service
                        .as_deref()
                        .map_or_else(|| i18n.text(lang, "payment-service-other"), |s| self.service_name(lang, s)),
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
                    "amount" => self.amount_text(lang, p.amount_cents),
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
        lines.push(self.i18n.msg(
            lang,
            "mydata-retention",
            &fargs![
                "idle" => self.catalog().retention.idle_conversation_days,
                "appointment" => self.catalog().retention.appointment_days,
            ],
        ));
        Ok(lines.join("\n"))
    }

    /// What is stored, as a JSON file, for channels that take files (Telegram, Matrix): queued
    /// as an outbox message of kind [`MYDATA_FILE`], which goes as soon as it is delivered.
    pub(super) async fn send_my_data_file(
        &self,
        conversation: &str,
        lang: Lang,
    ) -> Result<(), EngineError> {
        if !on_public_network(conversation) {
            return Ok(());
        }
        let data = self.store.citizen_data(conversation).await?;
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
            "messages_kept": data.messages,
            "inputs_kept": data.inputs,
        });
        let body = serde_json::to_string(&crate::message::Message {
            text: self.i18n.text(lang, "mydata-file"),
            attachment: Some(crate::message::Attachment {
                file_name: "schalter-my-data.json".into(),
                mime: "application/json".into(),
                content: serde_json::to_string_pretty(&json).expect("json serializes"),
            }),
            ..Default::default()
        })
        .expect("messages serialize");
        let now = self.clock.now();
        self.store
            .notify_once(
                conversation,
                &format!("mydata:{}", now.timestamp_micros()),
                MYDATA_FILE,
                &body,
                now,
            )
            .await?;
        Ok(())
    }

    /// Forgets the citizen of `conversation`: future bookings cancelled (slots freed), the
    /// waiting room left, every row that refers to them deleted or unlinked. The waiting
    /// room moves on for the others.
    pub async fn forget_citizen(&self, conversation: &str) -> Result<Forgotten, EngineError> {
        let forgotten = self
            .store
            .forget_citizen(conversation, self.clock.now())
            .await?;
        if forgotten.left_queue {
            self.refresh_waiting_room().await?;
        }
        Ok(forgotten)
    }

    /// Whether the conversation holds as many future bookings as it may.
    pub(super) async fn booking_limit_reached(
        &self,
        conversation: &str,
    ) -> Result<bool, EngineError> {
        let max = self.catalog().office.max_active_bookings as usize;
        if max > 0 && self.store.no_upcoming_bookings_known(conversation) {
            return Ok(false);
        }
        let active = self
            .store
            .upcoming_bookings(conversation, self.clock.now())
            .await?
            .len();
        Ok(active >= max)
    }

    pub(super) fn booking_limit_text(&self, lang: Lang) -> String {
        self.i18n.msg(
            lang,
            "booking-limit",
            &fargs!["max" => self.catalog().office.max_active_bookings],
        )
    }

    /// Counts an input; `false` once the conversation sent more than [`INPUTS_PER_MINUTE`]
    /// within the last minute. Only the public networks are limited: the terminal is a
    /// person (or a script) at this machine.
    ///
    /// The memory follows the conversations heard from within the last minute, however many
    /// there were before: a conversation keeps at most `INPUTS_PER_MINUTE + 1` times (enough
    /// to tell "more than the limit", however fast it writes), and the ones quiet for a
    /// minute are dropped when the map is full, before it would grow. The map is then sized
    /// to twice what it kept, so the next sweep is as many new conversations away as it
    /// keeps: a sweep costs a few steps per new conversation, never one per input.
    pub(super) fn input_allowed(&self, conversation: &str) -> bool {
        if !on_public_network(conversation) {
            return true;
        }
        let now = self.clock.now();
        let mut recent = self.recent_inputs.lock().unwrap_or_else(|e| e.into_inner());
        note_input(&mut recent, conversation, now)
    }
}

/// Recent inputs per conversation, for the rate limit.
type RecentInputs = HashMap<String, VecDeque<DateTime<Utc>>>;

/// [`Engine::input_allowed`] on the map: counts the input, sweeping out the conversations
/// quiet for a minute when a new one finds the map full.
fn note_input(recent: &mut RecentInputs, conversation: &str, now: DateTime<Utc>) -> bool {
    if let Some(times) = recent.get_mut(conversation) {
        return count_input(times, now);
    }
    if recent.len() >= recent.capacity() {
        recent.retain(|_, times| times.back().is_some_and(|t| within_minute(*t, now)));
        // A new table of twice the size kept: without the sweep's holes, and neither kept
        // large after a quiet spell nor grown past what the last minute needs.
        let mut fresh = HashMap::with_capacity((2 * recent.len()).max(SWEPT_MAP_MIN));
        fresh.extend(recent.drain());
        *recent = fresh;
    }
    let mut times = VecDeque::new();
    let allowed = count_input(&mut times, now);
    recent.insert(conversation.to_owned(), times);
    allowed
}

fn within_minute(t: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - t < Duration::minutes(1)
}

/// Adds an input at `now` to a conversation's recent ones; `false` if that makes more than
/// [`INPUTS_PER_MINUTE`] within the last minute. Only the newest `INPUTS_PER_MINUTE + 1` are
/// kept: when there are more within the minute, so are these.
fn count_input(times: &mut VecDeque<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    while times.front().is_some_and(|t| !within_minute(*t, now)) {
        times.pop_front();
    }
    if times.len() > INPUTS_PER_MINUTE {
        times.pop_front();
    }
    times.push_back(now);
    times.len() <= INPUTS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn more_than_the_limit_within_a_minute_is_refused() {
        let mut times = VecDeque::new();
        for _ in 0..INPUTS_PER_MINUTE {
            assert!(count_input(&mut times, at(0)));
        }
        assert!(!count_input(&mut times, at(30)));
        assert!(!count_input(&mut times, at(59)));
        // The 20 from the start are a minute old; the two refused ones still count.
        assert!(count_input(&mut times, at(60)));
        assert_eq!(times.len(), 3);
    }

    #[test]
    fn a_flood_keeps_a_bounded_count_and_ends_a_minute_after_it() {
        let mut times = VecDeque::new();
        for s in 0..1_000 {
            let allowed = count_input(&mut times, at(s / 20));
            assert_eq!(allowed, s < INPUTS_PER_MINUTE as i64, "input {s}");
            assert!(times.len() <= INPUTS_PER_MINUTE + 1);
        }
        // The last came at 49 s, so this one is refused (and counts); a minute after it,
        // all is well again.
        assert!(!count_input(&mut times, at(108)));
        assert!(count_input(&mut times, at(168)));
    }

    #[test]
    fn the_map_holds_the_last_minutes_conversations() {
        let mut recent = RecentInputs::new();
        // 200,000 conversations, 100 a second, two inputs each: 6,000 a minute.
        for c in 0..200_000_i64 {
            let conversation = format!("telegram:{c}");
            let now = at(c / 100);
            assert!(note_input(&mut recent, &conversation, now));
            assert!(note_input(&mut recent, &conversation, now));
            // At most twice the room of twice the last minute's, as the table rounds up.
            assert!(recent.capacity() <= 4 * 6_100 + 2 * SWEPT_MAP_MIN, "{c}");
        }
        // The newest are all there.
        assert_eq!(recent["telegram:199999"].len(), 2);
        // Quiet for a minute: the next new conversation sweeps them out when the map is full.
        let later = at(2_000 + 61);
        for c in 0..recent.capacity() - recent.len() + 1 {
            assert!(note_input(
                &mut recent,
                &format!("matrix:@u{c}:example.org"),
                later
            ));
        }
        assert!(recent.keys().all(|k| k.starts_with("matrix:")));
    }
}
