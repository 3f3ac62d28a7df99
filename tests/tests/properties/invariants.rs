//! The rules checked at every step: on each reply, on the bookings a citizen can reach, on
//! the database and on what went to the outbox.

use std::collections::HashSet;

use schalter_core::dialogue::State;
use schalter_core::queue::Message;
use schalter_core::store::BookingStatus;
use schalter_core::{Choice, Input, Lang, Reply};
use sqlx::Row;

use crate::oracle::plain;
use crate::world::{Checked, World, pick};

/// A booking that occupies its desk (confirmed, or held and not run out), with its units.
struct LiveBooking {
    id: String,
    conversation: String,
    desk: i64,
    starts: i64,
    ends: i64,
    status: String,
    /// How many desk units it holds, on which desks (lowest, highest).
    units: (i64, i64, i64),
}

impl World<'_> {
    /// Nothing unresolved, no message id, well-formed options.
    pub(crate) fn readable(&self, reply: &Reply) -> Checked {
        if reply.text.trim().is_empty() {
            return Err("an empty reply".into());
        }
        let mut ids = HashSet::new();
        for c in &reply.options {
            if c.id.is_empty() || c.id.len() > 64 {
                return Err(format!("option id of {} bytes: {:?}", c.id.len(), c.id));
            }
            if !ids.insert(c.id.as_str()) {
                return Err(format!("option offered twice: {:?}", c.id));
            }
            if c.label.trim().is_empty() {
                return Err(format!("option without a label: {:?}", c.id));
            }
        }
        for text in std::iter::once(&reply.text).chain(reply.options.iter().map(|c| &c.label)) {
            if let Some(why) = self.oracle.unreadable(text) {
                return Err(format!("reply unreadable: {why}"));
            }
        }
        Ok(())
    }

    /// Every rule about one reply.
    pub(crate) async fn check_reply(
        &self,
        conv: usize,
        reply: &Reply,
        forgotten: bool,
        lang_before: Option<Lang>,
    ) -> Checked {
        let id = self.citizens[conv].id;
        let row = self
            .store
            .conversations()
            .load_conversation(&schalter_tests::conv(id))
            .await
            .map_err(|e| format!("load conversation: {e}"))?;
        self.readable(reply)?;
        let picker;
        let expected = if forgotten {
            if row.is_some() {
                return Err("a forgotten conversation is still stored".into());
            }
            picker = false;
            lang_before.unwrap_or(Lang::REFERENCE)
        } else {
            let Some(row) = &row else {
                return Err("a conversation was not stored after its reply".into());
            };
            let offered: Vec<Choice> = serde_json::from_str(&row.offered)
                .map_err(|e| format!("stored options unreadable: {e}"))?;
            if offered != reply.options {
                return Err(format!(
                    "the stored options differ from the reply's: {offered:?}"
                ));
            }
            let state: State = serde_json::from_str(&row.state)
                .map_err(|e| format!("stored state unreadable: {e}"))?;
            // A conversation without a language is at the picker, whatever step it stored
            // (the engine reads it back so).
            let lang = row.lang.as_deref().and_then(Lang::from_tag);
            picker = lang.is_none() || matches!(state, State::PickLanguage { .. });
            lang.unwrap_or(Lang::REFERENCE)
        };
        if picker {
            if reply.options.len() != Lang::ALL.len()
                || !reply.options.iter().all(|c| c.id.starts_with("lang:"))
            {
                return Err("the language picker offers something else".into());
            }
            return Ok(());
        }
        if reply.lang != expected {
            return Err(format!(
                "reply in {} but the conversation speaks {expected}",
                reply.lang
            ));
        }
        let all = std::iter::once(&reply.text).chain(reply.options.iter().map(|c| &c.label));
        for text in all {
            if let Some(line) = self.oracle.foreign_line(expected, text) {
                return Err(format!(
                    "a {expected} reply has a line of another language: {line:?}"
                ));
            }
        }
        Ok(())
    }

    /// `/appointments` lists every upcoming booking; one of them (a removed service's if
    /// there is one) is opened and cancelled through the dialogue.
    pub(crate) async fn check_bookings(&mut self, conv: usize, which: u8) -> Checked {
        let id = self.citizens[conv].id;
        if self.conv_lang(conv).await?.is_none() {
            return Ok(());
        }
        let upcoming = self
            .store
            .bookings()
            .upcoming_bookings(&schalter_tests::conv(id), self.now())
            .await
            .map_err(|e| format!("upcoming: {e}"))?;
        let reply = self
            .input(conv, Input::Text("/appointments".into()), false)
            .await?;
        let lang = reply.lang;
        if self.rate_limited(lang, &reply) {
            return Ok(());
        }
        let text = plain(&reply.text);
        for b in &upcoming {
            if !text.contains(&b.reference) {
                return Err(format!(
                    "booking {} ({}) is not listed: {}",
                    b.reference, b.service, reply.text
                ));
            }
        }
        let removed: Vec<_> = upcoming
            .iter()
            .filter(|b| self.removed.contains(&b.service))
            .cloned()
            .collect();
        let Some(b) = pick(
            if removed.is_empty() {
                &upcoming
            } else {
                &removed
            },
            which,
        ) else {
            return Ok(());
        };
        for (step, option) in [
            ("open", format!("appt:{}", b.reference)),
            ("cancel", "cancel".to_owned()),
            ("confirm the cancellation", "yes-cancel".to_owned()),
        ] {
            let offered = self.offered(conv).await?;
            if !offered.iter().any(|c| c.id == option) {
                return Err(format!(
                    "{step}: booking {} ({}) offers no `{option}`: {offered:?}",
                    b.reference, b.service
                ));
            }
            let reply = self.input(conv, Input::Choice(option), true).await?;
            if self.rate_limited(lang, &reply) {
                return Ok(());
            }
        }
        let after = self
            .store
            .bookings()
            .booking(&b.id)
            .await
            .map_err(|e| format!("booking: {e}"))?;
        if after.map(|b| b.status) != Some(BookingStatus::Cancelled) {
            return Err(format!(
                "booking {} ({}) was not cancelled through the dialogue",
                b.reference, b.service
            ));
        }
        if self.removed.contains(&b.service) {
            self.stats.removed_cancelled += 1;
        }
        Ok(())
    }

    fn rate_limited(&self, lang: Lang, reply: &Reply) -> bool {
        let limited = plain(&self.engine.office().i18n().text(lang, "input-rate-limited"));
        plain(&reply.text).contains(&limited)
    }

    pub(crate) async fn check_store(&mut self) -> Checked {
        let db = |e: sqlx::Error| format!("invariant query: {e}");
        let pool = self.store.pool();
        let now = self.now().timestamp();

        // Documents: each belongs to a booking of the conversation that sent it (unless
        // that booking was anonymised since), none to a cancelled booking, none without its
        // sealed bytes, and no booking has more than the catalogue's limit.
        let stray: Vec<String> = sqlx::query_scalar(
            "SELECT d.id FROM documents d LEFT JOIN bookings b ON b.id = d.booking_id \
             WHERE b.id IS NULL OR b.status = 'cancelled' \
             OR (b.conversation_id <> '' AND b.conversation_id <> d.conversation_id) \
             OR NOT EXISTS (SELECT 1 FROM document_chunks k WHERE k.document_id = d.id)",
        )
        .fetch_all(pool)
        .await
        .map_err(db)?;
        if !stray.is_empty() {
            return Err(format!(
                "documents without their booking or bytes: {stray:?}"
            ));
        }
        let most: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM documents GROUP BY booking_id) c",
        )
        .fetch_one(pool)
        .await
        .map_err(db)?;
        let max = i64::from(self.engine.office().catalog().uploads.max_files);
        if most.unwrap_or(0) > max {
            return Err(format!("a booking has {most:?} documents, more than {max}"));
        }
        let unit = i64::from(self.engine.office().catalog().office.slot_minutes).max(1) * 60;

        // Desk units: no unit taken twice (two live bookings on one desk at one time), every
        // live booking holds exactly its units, nothing cancelled or expired holds any.
        let live: Vec<LiveBooking> = sqlx::query(
            "SELECT b.id, b.conversation_id, b.desk, b.starts_at, b.ends_at, b.status, \
             COALESCE(u.n, 0) AS n, COALESCE(u.lo, 0) AS lo, COALESCE(u.hi, 0) AS hi \
             FROM bookings b LEFT JOIN (SELECT booking_id, COUNT(*) AS n, MIN(desk) AS lo, \
             MAX(desk) AS hi FROM desk_units GROUP BY booking_id) u ON u.booking_id = b.id \
             WHERE b.status = 'confirmed' OR (b.status = 'held' AND b.hold_expires_at > $1) \
             ORDER BY b.desk, b.starts_at",
        )
        .bind(now)
        .fetch_all(pool)
        .await
        .map_err(db)?
        .iter()
        .map(|r| LiveBooking {
            id: r.get("id"),
            conversation: r.get("conversation_id"),
            desk: r.get("desk"),
            starts: r.get("starts_at"),
            ends: r.get("ends_at"),
            status: r.get("status"),
            units: (r.get("n"), r.get("lo"), r.get("hi")),
        })
        .collect();
        for pair in live.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.desk == b.desk && b.starts < a.ends {
                return Err(format!(
                    "desk {} booked twice: {} [{}, {}) and {} [{}, {})",
                    a.desk, a.id, a.starts, a.ends, b.id, b.starts, b.ends
                ));
            }
        }
        let mut holds = HashSet::new();
        for b in live.iter().filter(|b| b.status == "held") {
            if !holds.insert(b.conversation.as_str()) {
                return Err(format!("{} holds two slots at once", b.conversation));
            }
        }
        for b in &live {
            let want = (b.ends - b.starts + unit - 1) / unit;
            if b.units != (want, b.desk, b.desk) {
                return Err(format!(
                    "booking {} ({}) on desk {} holds (units, first desk, last desk) {:?}, \
                     wants {want} units",
                    b.id, b.status, b.desk, b.units
                ));
            }
        }

        // Cancelled or expired bookings keep no units; a citizen waits or talks in one place
        // at most; a clerk has at most one call, and a call has its clerk.
        let r = sqlx::query(
            "SELECT \
             (SELECT COUNT(*) FROM desk_units u JOIN bookings b ON b.id = u.booking_id \
              WHERE b.status IN ('cancelled', 'expired')) AS leaked, \
             (SELECT COUNT(*) FROM (SELECT conversation_id FROM queue_entries \
              WHERE status IN ('waiting', 'called') GROUP BY conversation_id \
              HAVING COUNT(*) > 1) t) AS twice, \
             (SELECT COUNT(*) FROM (SELECT clerk FROM queue_entries WHERE status = 'called' \
              GROUP BY clerk HAVING COUNT(*) > 1) t) AS busy, \
             (SELECT COUNT(*) FROM queue_entries WHERE (status = 'called' AND clerk IS NULL) \
              OR (status = 'waiting' AND clerk IS NOT NULL)) AS odd, \
             (SELECT COUNT(*) FROM bookings \
              WHERE status IN ('confirmed', 'done', 'no_show')) AS bookings, \
             (SELECT COUNT(*) FROM queue_entries) AS entries",
        )
        .fetch_one(pool)
        .await
        .map_err(db)?;
        let count = |c: &str| r.get::<i64, _>(c);
        for (column, what) in [
            ("leaked", "desk units kept by cancelled or expired bookings"),
            ("twice", "citizens in the queue twice"),
            ("busy", "clerks with two calls"),
            ("odd", "queue entries with a clerk that does not fit"),
        ] {
            if count(column) > 0 {
                let detail: Vec<(String, String, Option<String>)> = sqlx::query(
                    "SELECT conversation_id, status, clerk FROM queue_entries \
                     WHERE status IN ('waiting', 'called') ORDER BY conversation_id",
                )
                .fetch_all(pool)
                .await
                .map_err(db)?
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect();
                return Err(format!("{}: {what} (queue: {detail:?})", count(column)));
            }
        }
        self.stats.bookings = count("bookings") as u64;
        self.stats.check_ins = count("entries") as u64;
        Ok(())
    }

    /// Whatever went to the outbox since the last look reads well (texts, labels, links and
    /// payment strings; a data file's content is data); its options may be pressed later.
    pub(crate) async fn check_outbox(&mut self) -> Checked {
        let rows = sqlx::query(
            "SELECT id, conversation_id, body, version, changed_at FROM notifications \
             WHERE changed_at >= $1",
        )
        .bind(self.outbox_since)
        .fetch_all(self.store.pool())
        .await
        .map_err(|e| format!("outbox: {e}"))?;
        for r in rows {
            let id: String = r.get("id");
            let version: i64 = r.get("version");
            self.outbox_since = self.outbox_since.max(r.get("changed_at"));
            if self.outbox_seen.get(&id) == Some(&version) {
                continue;
            }
            self.outbox_seen.insert(id, version);
            let conversation: String = r.get("conversation_id");
            let body: String = r.get("body");
            let message: Message = serde_json::from_str(&body)
                .map_err(|e| format!("outbox body unreadable ({e}): {body}"))?;
            let mut texts = vec![message.text.clone()];
            texts.extend(message.options.iter().map(|c| c.label.clone()));
            if let Some(link) = &message.link {
                texts.push(link.label.clone());
            }
            if let Some(p) = &message.payment {
                texts.extend([
                    p.title.clone(),
                    p.description.clone(),
                    p.link_label.clone(),
                    p.online_hint.clone(),
                    p.offline_hint.clone(),
                    p.unavailable.clone(),
                ]);
                texts.extend(p.items.iter().map(|i| i.label.clone()));
            }
            for text in &texts {
                if let Some(why) = self.oracle.unreadable(text) {
                    return Err(format!("message to {conversation} unreadable: {why}"));
                }
            }
            // A citizen's messages come in the language the citizen speaks now.
            if let Some(lang) = self
                .store
                .conversations()
                .load_conversation(&schalter_tests::conv(&conversation))
                .await
                .map_err(|e| format!("load conversation: {e}"))?
                .and_then(|r| r.lang)
                .and_then(|l| Lang::from_tag(&l))
            {
                let grace = self
                    .lang_grace
                    .filter(|(c, _)| *c == conversation)
                    .map(|(_, l)| l);
                for text in &texts {
                    if let Some(line) = self.oracle.foreign_line(lang, text)
                        && grace.is_none_or(|g| self.oracle.foreign_line(g, text).is_some())
                    {
                        return Err(format!(
                            "a message to {conversation} (speaking {lang}) has a line of \
                             another language: {line:?}"
                        ));
                    }
                }
            }
            if let Some(c) = self.citizens.iter_mut().find(|c| c.id == conversation) {
                c.notified.extend(message.options.iter().cloned());
                if c.notified.len() > 32 {
                    let extra = c.notified.len() - 32;
                    c.notified.drain(..extra);
                }
            }
        }
        Ok(())
    }
}
