//! Retention: rows that outlived their purpose are deleted, or lose what identifies the
//! citizen (GDPR Art. 5(1)(e)). Each rule is one statement run in batches until nothing is
//! left, so that no transaction grows with the backlog and other writers get their turn.
//!
//! [`RetentionRepo::count_purge`] counts with the very conditions [`RetentionRepo::purge`] applies, and the
//! rules are disjoint (a row is counted by one rule only) and do not change what a later rule
//! finds, so a dry run reports what the real run then does.

use chrono::{DateTime, Utc};

use super::{Result, RetentionRepo, ts};
use crate::channel::ConversationId;

/// The moments before which each kind of data goes (see `catalog::Retention`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    pub now: DateTime<Utc>,
    /// Conversations nobody wrote in since.
    pub idle_conversation: DateTime<Utc>,
    /// Appointments and visits before this lose the link to the citizen.
    pub appointment: DateTime<Utc>,
    /// Clerks' notes of calls finished before this, and the link of feedback given before it.
    pub clerk_note: DateTime<Utc>,
    /// Finished jobs, delivered messages and handled inputs.
    pub delivered: DateTime<Utc>,
    /// The admins' audit log.
    pub audit: DateTime<Utc>,
    /// Documents of appointments that ended before this.
    pub document: DateTime<Utc>,
}

/// What a purge removed (or, in a dry run, would remove), in rows per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// Idle conversations (dialogue state and language), deleted.
    pub conversations: u64,
    /// Channel message ids (direct rooms, edited messages, video rooms), deleted.
    pub channel_messages: u64,
    /// Handled inputs, deleted.
    pub inputs: u64,
    /// Outbox rows: delivered or given up, or never delivered for the appointment period.
    pub messages: u64,
    /// Bookings that lost conversation, reference and checklist.
    pub bookings: u64,
    /// Visits (queue entries) that lost conversation, reference, link, note and checklist.
    pub visits: u64,
    /// Payments that lost the conversation (the bookkeeping record stays).
    pub payments: u64,
    /// Clerks' notes, cleared.
    pub notes: u64,
    /// Feedback that lost the link to its call (rating and comment stay).
    pub feedback: u64,
    /// Finished jobs, deleted.
    pub jobs: u64,
    /// Admins' audit entries, deleted.
    pub audit: u64,
    /// Web chat transcript rows, deleted (with their conversation, or left over by it).
    pub web_messages: u64,
    /// E-mail addresses given in the web chat, deleted (booking over, or never confirmed).
    pub web_mail: u64,
    /// Keys of the links in those mails, deleted once expired.
    pub web_keys: u64,
    /// Staff sessions that ended (idle or past their end) and sign-ins never finished.
    pub staff_sessions: u64,
    /// API tokens 30 days after they expired or were revoked.
    pub api_tokens: u64,
    /// Documents sent for a checklist, with their bytes: `document_days` after the
    /// appointment, or once it was cancelled, missed or is gone.
    pub documents: u64,
    /// Device checks' results (`document_days` after the appointment, or once it was
    /// cancelled, missed or is gone) and the hashes of their links (once the booking's
    /// appointment ended or it is no longer confirmed).
    pub device_checks: u64,
}

/// What happens to the rows of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Deleted,
    Anonymised,
    Cleared,
    Unlinked,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Deleted => "deleted",
            Effect::Anonymised => "anonymised",
            Effect::Cleared => "cleared",
            Effect::Unlinked => "unlinked",
        }
    }
}

impl PurgeReport {
    /// The kinds' names (also the `kind` label of `/metrics`), in report order.
    pub const KINDS: [&'static str; 18] = [
        "conversations",
        "channel_messages",
        "inputs",
        "messages",
        "bookings",
        "visits",
        "payments",
        "notes",
        "feedback",
        "jobs",
        "audit",
        "web_messages",
        "web_mail",
        "web_keys",
        "staff_sessions",
        "api_tokens",
        "documents",
        "device_checks",
    ];

    /// `(kind, effect, rows)` in the order of [`PurgeReport::KINDS`].
    pub fn kinds(&self) -> [(&'static str, Effect, u64); 18] {
        let [c, cm, i, m, b, v, p, n, f, j, a, w, wm, wk, ss, at, d, dc] = Self::KINDS;
        [
            (c, Effect::Deleted, self.conversations),
            (cm, Effect::Deleted, self.channel_messages),
            (i, Effect::Deleted, self.inputs),
            (m, Effect::Deleted, self.messages),
            (b, Effect::Anonymised, self.bookings),
            (v, Effect::Anonymised, self.visits),
            (p, Effect::Unlinked, self.payments),
            (n, Effect::Cleared, self.notes),
            (f, Effect::Unlinked, self.feedback),
            (j, Effect::Deleted, self.jobs),
            (a, Effect::Deleted, self.audit),
            (w, Effect::Deleted, self.web_messages),
            (wm, Effect::Deleted, self.web_mail),
            (wk, Effect::Deleted, self.web_keys),
            (ss, Effect::Deleted, self.staff_sessions),
            (at, Effect::Deleted, self.api_tokens),
            (d, Effect::Deleted, self.documents),
            (dc, Effect::Deleted, self.device_checks),
        ]
    }

    /// Rows in all.
    pub fn total(&self) -> u64 {
        self.kinds().iter().map(|(_, _, n)| n).sum()
    }
}

/// Conversations that may go: idle since `$1` (seconds) and with nothing under way at `$2`:
/// no booking still to come, no place in the waiting room, no input still to handle, no fee
/// still to pay (its receipt goes to the conversation's room).
macro_rules! idle_conversations {
    () => {
        "SELECT c.id FROM conversations c WHERE c.updated_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.conversation_id = c.id \
         AND b.status IN ('held', 'confirmed') AND b.ends_at > $2) \
         AND NOT EXISTS (SELECT 1 FROM queue_entries q WHERE q.conversation_id = c.id \
         AND q.status IN ('waiting', 'called')) \
         AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.conversation_id = c.id \
         AND i.status = 'pending') \
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.conversation_id = c.id \
         AND p.state IN ('draft', 'open'))"
    };
}

/// Visits (by slot and arrival) before `$1` (seconds) that are over.
macro_rules! old_visits {
    () => {
        "SELECT id FROM queue_entries WHERE slot_at < $1 AND joined_at < $1 \
         AND status NOT IN ('waiting', 'called')"
    };
}

/// One batched rule: `$1` is its cutoff, `$2` the batch size.
struct Rule {
    purge: &'static str,
    count: &'static str,
}

const NOTES: Rule = Rule {
    purge: "UPDATE queue_entries SET note = NULL WHERE id IN (SELECT id FROM queue_entries \
            WHERE note IS NOT NULL AND finished_at < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM queue_entries WHERE note IS NOT NULL AND finished_at < $1",
};

const FEEDBACK: Rule = Rule {
    purge: "UPDATE feedback SET entry_id = '' WHERE id IN (SELECT id FROM feedback \
            WHERE entry_id <> '' AND created_at < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM feedback WHERE entry_id <> '' AND created_at < $1",
};

/// Payments of old visits, found through the visits' times (not their conversation, which
/// the visits' rule empties), so that the order of the rules does not matter.
const PAYMENTS: Rule = Rule {
    purge: concat!(
        "UPDATE payments SET conversation_id = '', reference = 'anon-' || id, \
         visit_reference = NULL, checkout_url = NULL WHERE id IN (SELECT id FROM payments \
         WHERE conversation_id <> '' AND entry_id IN (",
        old_visits!(),
        ") LIMIT $2)"
    ),
    count: concat!(
        "SELECT COUNT(*) FROM payments WHERE conversation_id <> '' AND entry_id IN (",
        old_visits!(),
        ")"
    ),
};

const VIDEO_ROOMS: Rule = Rule {
    purge: concat!(
        "DELETE FROM channel_messages WHERE conversation_id IN (SELECT conversation_id \
         FROM channel_messages WHERE conversation_id IN (SELECT 'video:' || id FROM (",
        old_visits!(),
        ") v) LIMIT $2)"
    ),
    count: concat!(
        "SELECT COUNT(*) FROM channel_messages WHERE conversation_id IN \
         (SELECT 'video:' || id FROM (",
        old_visits!(),
        ") v)"
    ),
};

const VISITS: Rule = Rule {
    purge: concat!(
        "UPDATE queue_entries SET conversation_id = '', reference = NULL, video_url = NULL, \
         note = NULL, checklist = '[]', told_position = NULL, told_wait = NULL \
         WHERE conversation_id <> '' AND id IN (",
        old_visits!(),
        " AND conversation_id <> '' LIMIT $2)"
    ),
    count: concat!(
        "SELECT COUNT(*) FROM queue_entries WHERE conversation_id <> '' AND id IN (",
        old_visits!(),
        ")"
    ),
};

const BOOKINGS: Rule = Rule {
    purge: "UPDATE bookings SET conversation_id = '', reference = 'anon-' || id, \
            checklist = '[]' WHERE conversation_id <> '' AND id IN (SELECT id FROM bookings \
            WHERE conversation_id <> '' AND starts_at < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM bookings WHERE conversation_id <> '' AND starts_at < $1",
};

/// Messages that never went out in the whole appointment period ($1 in microseconds): the
/// citizen is unreachable or the channel gone. Delivered and given-up ones go earlier.
const STALE_MESSAGES: Rule = Rule {
    purge: "DELETE FROM notifications WHERE id IN (SELECT id FROM notifications \
            WHERE changed_at < $1 AND delivered_version < version AND dead_at IS NULL LIMIT $2)",
    count: "SELECT COUNT(*) FROM notifications \
            WHERE changed_at < $1 AND delivered_version < version AND dead_at IS NULL",
};

const JOBS: Rule = Rule {
    purge: "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs \
            WHERE status IN ('done', 'failed') AND done_at < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM jobs WHERE status IN ('done', 'failed') AND done_at < $1",
};

/// Web transcript rows whose conversation is gone: the farewell after `/forget` that no page
/// fetched, and whatever an interrupted erasure left.
/// Seconds an address given in the web chat may wait for its confirmation.
const MAIL_UNCONFIRMED: i64 = 86_400;

const WEB_LEFTOVERS: Rule = Rule {
    purge: "DELETE FROM web_messages WHERE (conversation_id, seq) IN (SELECT conversation_id, seq \
            FROM web_messages w WHERE w.created_at < $1 AND NOT EXISTS \
            (SELECT 1 FROM conversations c WHERE c.id = w.conversation_id) LIMIT $2)",
    count: "SELECT COUNT(*) FROM web_messages w WHERE w.created_at < $1 AND NOT EXISTS \
            (SELECT 1 FROM conversations c WHERE c.id = w.conversation_id)",
};

/// E-mail addresses whose booking is no longer a confirmed one (served, missed, cancelled,
/// gone) or ended before `$1` (a day ago): its mails are over; and those never confirmed,
/// given before `$1`.
const WEB_MAIL: Rule = Rule {
    purge: "DELETE FROM web_mail WHERE id IN (SELECT id FROM web_mail m WHERE \
            (m.state = 'pending' AND m.created_at < $1) OR NOT EXISTS (SELECT 1 FROM bookings b \
            WHERE b.id = m.booking_id AND b.status = 'confirmed' AND b.ends_at > $1) LIMIT $2)",
    count: "SELECT COUNT(*) FROM web_mail m WHERE (m.state = 'pending' AND m.created_at < $1) \
            OR NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = m.booking_id \
            AND b.status = 'confirmed' AND b.ends_at > $1)",
};

/// Queued and sent mails (outbox rows of `mail:<id>`) whose address goes by [`WEB_MAIL`] now
/// or is gone: run before it, so that the dry run counts the same.
const WEB_MAIL_MESSAGES: Rule = Rule {
    purge: "DELETE FROM notifications WHERE id IN (SELECT n.id FROM notifications n \
            WHERE n.channel = 'mail' AND NOT EXISTS (SELECT 1 FROM web_mail m \
            WHERE 'mail:' || m.id = n.conversation_id AND NOT (m.state = 'pending' \
            AND m.created_at < $1) AND EXISTS (SELECT 1 FROM bookings b \
            WHERE b.id = m.booking_id AND b.status = 'confirmed' AND b.ends_at > $1)) LIMIT $2)",
    count: "SELECT COUNT(*) FROM notifications n WHERE n.channel = 'mail' AND NOT EXISTS \
            (SELECT 1 FROM web_mail m WHERE 'mail:' || m.id = n.conversation_id \
            AND NOT (m.state = 'pending' AND m.created_at < $1) AND EXISTS (SELECT 1 \
            FROM bookings b WHERE b.id = m.booking_id AND b.status = 'confirmed' \
            AND b.ends_at > $1))",
};

/// Keys of mail links expired before `$1` (now). A confirm key lives a day, a stop or back
/// key until a day after its appointment: as long as the address they serve, at most.
const WEB_KEYS: Rule = Rule {
    purge: "DELETE FROM web_keys WHERE hash IN (SELECT hash FROM web_keys \
            WHERE expires_at < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM web_keys WHERE expires_at < $1",
};

/// Staff sessions ended before `$1` (now): past their end, or unused for 30 minutes
/// (`staff::SESSION_IDLE`; checked at every use, this deletes what nobody came back for).
const STAFF_SESSIONS: Rule = Rule {
    purge: "DELETE FROM staff_sessions WHERE hash IN (SELECT hash FROM staff_sessions \
            WHERE expires_at < $1 OR seen_at + 1800 < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM staff_sessions WHERE expires_at < $1 OR seen_at + 1800 < $1",
};

/// Sign-ins at the identity provider begun more than 10 minutes before `$1` (now)
/// (`staff::LOGIN_WAIT`); counted with the sessions.
const STAFF_LOGINS: Rule = Rule {
    purge: "DELETE FROM staff_logins WHERE hash IN (SELECT hash FROM staff_logins \
            WHERE created_at + 600 < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM staff_logins WHERE created_at + 600 < $1",
};

/// API tokens expired or revoked more than 30 days before `$1` (now).
const API_TOKENS: Rule = Rule {
    purge: "DELETE FROM api_tokens WHERE id IN (SELECT id FROM api_tokens \
            WHERE expires_at + 2592000 < $1 OR revoked_at + 2592000 < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM api_tokens \
            WHERE expires_at + 2592000 < $1 OR revoked_at + 2592000 < $1",
};

/// Documents whose appointment ended before `$1` (`document_days` ago), or whose booking
/// was cancelled, ran out, was missed or is gone: none is kept for a call that will not come.
macro_rules! expired_documents {
    () => {
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM bookings b \
         WHERE b.id = d.booking_id AND b.status IN ('confirmed', 'done') AND b.ends_at >= $1)"
    };
}

/// The bytes of those documents, and any left without their document; run before
/// [`DOCUMENTS`], and not counted apart (they are the documents' content).
const DOCUMENT_CHUNKS: Rule = Rule {
    purge: concat!(
        "DELETE FROM document_chunks WHERE (document_id, seq) IN (SELECT document_id, seq \
         FROM document_chunks k WHERE k.document_id IN (",
        expired_documents!(),
        ") OR (NOT EXISTS (SELECT 1 FROM documents x WHERE x.id = k.document_id) \
         AND NOT EXISTS (SELECT 1 FROM document_uploads u WHERE u.id = k.document_id)) LIMIT $2)"
    ),
    count: "SELECT 0",
};

/// Documents still arriving that began before `$1` (an hour ago): their download or their
/// process died, so they never will. Their chunks first, then the rows; not counted apart (no
/// document was kept).
const UPLOAD_CHUNKS: Rule = Rule {
    purge: "DELETE FROM document_chunks WHERE (document_id, seq) IN (SELECT document_id, seq \
            FROM document_chunks k WHERE k.document_id IN (SELECT u.id FROM document_uploads u \
            WHERE u.started_at < $1) LIMIT $2)",
    count: "SELECT 0",
};

const DOCUMENT_UPLOADS: Rule = Rule {
    purge: "DELETE FROM document_uploads WHERE id IN (SELECT id FROM document_uploads \
            WHERE started_at < $1 LIMIT $2)",
    count: "SELECT 0",
};

/// How long a document may take to arrive before the purge takes it for abandoned.
pub const UPLOAD_ABANDONED: chrono::TimeDelta = chrono::TimeDelta::hours(1);

const DOCUMENTS: Rule = Rule {
    purge: concat!(
        "DELETE FROM documents WHERE id IN (",
        expired_documents!(),
        " LIMIT $2)"
    ),
    count: concat!("SELECT COUNT(*) FROM (", expired_documents!(), ") e"),
};

/// Device checks' results of appointments that ended before `$1` (`document_days` ago), or
/// whose booking was cancelled, ran out, was missed or is gone (like the documents).
const DEVICE_CHECKS: Rule = Rule {
    purge: "DELETE FROM device_checks WHERE booking_id IN (SELECT d.booking_id \
            FROM device_checks d WHERE NOT EXISTS (SELECT 1 FROM bookings b \
            WHERE b.id = d.booking_id AND b.status IN ('confirmed', 'done') \
            AND b.ends_at >= $1) LIMIT $2)",
    count: "SELECT COUNT(*) FROM device_checks d WHERE NOT EXISTS (SELECT 1 FROM bookings b \
            WHERE b.id = d.booking_id AND b.status IN ('confirmed', 'done') AND b.ends_at >= $1)",
};

/// Links to the device check that no longer work at `$1` (now): the appointment ended, or the
/// booking is no longer confirmed or gone.
const DEVICE_CHECK_LINKS: Rule = Rule {
    purge: "DELETE FROM device_check_links WHERE token_hash IN (SELECT l.token_hash \
            FROM device_check_links l WHERE NOT EXISTS (SELECT 1 FROM bookings b \
            WHERE b.id = l.booking_id AND b.status = 'confirmed' AND b.ends_at > $1) LIMIT $2)",
    count: "SELECT COUNT(*) FROM device_check_links l WHERE NOT EXISTS (SELECT 1 FROM bookings b \
            WHERE b.id = l.booking_id AND b.status = 'confirmed' AND b.ends_at > $1)",
};

const AUDIT: Rule = Rule {
    purge: "DELETE FROM admin_audit WHERE id IN (SELECT id FROM admin_audit WHERE at < $1 LIMIT $2)",
    count: "SELECT COUNT(*) FROM admin_audit WHERE at < $1",
};

impl RetentionRepo<'_> {
    /// Applies the retention rules, each in batches of `batch` rows until nothing is left.
    pub async fn purge(self, c: &Cutoffs, batch: i64) -> Result<PurgeReport> {
        let batch = batch.max(1);
        let mail_cutoff = ts(c.now) - MAIL_UNCONFIRMED;
        let mail_messages = self.drain(&WEB_MAIL_MESSAGES, mail_cutoff, batch).await?;
        let mut r = PurgeReport {
            // Notes and feedback first: the visits' rule below clears notes as well.
            notes: self.drain(&NOTES, ts(c.clerk_note), batch).await?,
            feedback: self.drain(&FEEDBACK, ts(c.clerk_note), batch).await?,
            payments: self.drain(&PAYMENTS, ts(c.appointment), batch).await?,
            channel_messages: self.drain(&VIDEO_ROOMS, ts(c.appointment), batch).await?,
            visits: self.drain(&VISITS, ts(c.appointment), batch).await?,
            bookings: self.drain(&BOOKINGS, ts(c.appointment), batch).await?,
            messages: mail_messages
                + self
                    .drain(&STALE_MESSAGES, c.appointment.timestamp_micros(), batch)
                    .await?,
            jobs: self.drain(&JOBS, ts(c.delivered), batch).await?,
            audit: self.drain(&AUDIT, ts(c.audit), batch).await?,
            web_messages: self.drain(&WEB_LEFTOVERS, ts(c.delivered), batch).await?,
            web_mail: self
                .drain(&WEB_MAIL, ts(c.now) - MAIL_UNCONFIRMED, batch)
                .await?,
            ..PurgeReport::default()
        };
        r.web_keys = self.drain(&WEB_KEYS, ts(c.now), batch).await?;
        r.staff_sessions = self.drain(&STAFF_SESSIONS, ts(c.now), batch).await?
            + self.drain(&STAFF_LOGINS, ts(c.now), batch).await?;
        r.api_tokens = self.drain(&API_TOKENS, ts(c.now), batch).await?;
        let abandoned = ts(c.now - UPLOAD_ABANDONED);
        self.drain(&UPLOAD_CHUNKS, abandoned, batch).await?;
        self.drain(&DOCUMENT_UPLOADS, abandoned, batch).await?;
        self.drain(&DOCUMENT_CHUNKS, ts(c.document), batch).await?;
        r.documents = self.drain(&DOCUMENTS, ts(c.document), batch).await?;
        r.device_checks = self.drain(&DEVICE_CHECKS, ts(c.document), batch).await?
            + self.drain(&DEVICE_CHECK_LINKS, ts(c.now), batch).await?;
        loop {
            let n = self.0.outbox().prune_outbox(c.delivered, batch).await?;
            r.messages += n;
            if n < batch as u64 {
                break;
            }
        }
        loop {
            let n = self.0.inbox().prune_inbox(c.delivered, batch).await?;
            r.inputs += n;
            if n < batch as u64 {
                break;
            }
        }
        loop {
            let (conversations, channel_messages, inputs, web_messages) =
                self.delete_idle_conversations(c, batch).await?;
            r.conversations += conversations;
            r.channel_messages += channel_messages;
            r.inputs += inputs;
            r.web_messages += web_messages;
            if conversations < batch as u64 {
                break;
            }
        }
        Ok(r)
    }

    /// What [`RetentionRepo::purge`] would do now, changing nothing.
    pub async fn count_purge(self, c: &Cutoffs) -> Result<PurgeReport> {
        let (idle, now, appointment, note, delivered) = (
            ts(c.idle_conversation),
            ts(c.now),
            ts(c.appointment),
            ts(c.clerk_note),
            ts(c.delivered),
        );
        let conversations = self
            .count_sql(
                concat!("SELECT COUNT(*) FROM (", idle_conversations!(), ") idle"),
                &[idle, now],
            )
            .await?;
        let conversation_messages = self
            .count_sql(
                concat!(
                    "SELECT COUNT(*) FROM channel_messages WHERE conversation_id IN (",
                    idle_conversations!(),
                    ")"
                ),
                &[idle, now],
            )
            .await?;
        let inputs = self
            .count_sql(
                concat!(
                    "SELECT COUNT(*) FROM inbox WHERE status <> 'pending' AND (received_at < $3 \
                     OR conversation_id IN (",
                    idle_conversations!(),
                    "))"
                ),
                &[idle, now, c.delivered.timestamp_micros()],
            )
            .await?;
        let delivered_messages = self
            .count_sql(
                "SELECT COUNT(*) FROM notifications WHERE changed_at < $1 \
                 AND (delivered_version >= version OR dead_at IS NOT NULL)",
                &[c.delivered.timestamp_micros()],
            )
            .await?;
        let stale = self
            .count_sql(STALE_MESSAGES.count, &[c.appointment.timestamp_micros()])
            .await?;
        let conversation_web_messages = self
            .count_sql(
                concat!(
                    "SELECT COUNT(*) FROM web_messages WHERE conversation_id IN (",
                    idle_conversations!(),
                    ")"
                ),
                &[idle, now],
            )
            .await?;
        Ok(PurgeReport {
            conversations,
            channel_messages: conversation_messages
                + self.count_sql(VIDEO_ROOMS.count, &[appointment]).await?,
            inputs,
            messages: delivered_messages
                + stale
                + self
                    .count_sql(WEB_MAIL_MESSAGES.count, &[now - MAIL_UNCONFIRMED])
                    .await?,
            bookings: self.count_sql(BOOKINGS.count, &[appointment]).await?,
            visits: self.count_sql(VISITS.count, &[appointment]).await?,
            payments: self.count_sql(PAYMENTS.count, &[appointment]).await?,
            notes: self.count_sql(NOTES.count, &[note]).await?,
            feedback: self.count_sql(FEEDBACK.count, &[note]).await?,
            jobs: self.count_sql(JOBS.count, &[delivered]).await?,
            audit: self.count_sql(AUDIT.count, &[ts(c.audit)]).await?,
            web_messages: conversation_web_messages
                + self.count_sql(WEB_LEFTOVERS.count, &[delivered]).await?,
            web_mail: self
                .count_sql(WEB_MAIL.count, &[now - MAIL_UNCONFIRMED])
                .await?,
            web_keys: self.count_sql(WEB_KEYS.count, &[now]).await?,
            staff_sessions: self.count_sql(STAFF_SESSIONS.count, &[now]).await?
                + self.count_sql(STAFF_LOGINS.count, &[now]).await?,
            api_tokens: self.count_sql(API_TOKENS.count, &[now]).await?,
            documents: self.count_sql(DOCUMENTS.count, &[ts(c.document)]).await?,
            device_checks: self
                .count_sql(DEVICE_CHECKS.count, &[ts(c.document)])
                .await?
                + self.count_sql(DEVICE_CHECK_LINKS.count, &[now]).await?,
        })
    }

    /// Runs `rule` until a batch comes back short.
    async fn drain(self, rule: &Rule, cutoff: i64, batch: i64) -> Result<u64> {
        let mut total = 0;
        loop {
            let n = sqlx::query(rule.purge)
                .bind(cutoff)
                .bind(batch)
                .execute(&self.0.pool)
                .await?
                .rows_affected();
            total += n;
            if n < batch as u64 {
                return Ok(total);
            }
        }
    }

    async fn count_sql(self, sql: &'static str, binds: &[i64]) -> Result<u64> {
        let mut query = sqlx::query_scalar::<_, i64>(sql);
        for b in binds {
            query = query.bind(*b);
        }
        Ok(u64::try_from(query.fetch_one(&self.0.pool).await?).unwrap_or(0))
    }

    /// Deletes up to `batch` idle conversations with their channel message ids, handled
    /// inputs and web transcripts, in one transaction. `(conversations, channel messages,
    /// inputs, web transcript rows)` deleted.
    async fn delete_idle_conversations(
        self,
        c: &Cutoffs,
        batch: i64,
    ) -> Result<(u64, u64, u64, u64)> {
        let mut tx = self.0.begin_write().await?;
        // The outer `updated_at` is checked again on the row itself: a citizen who writes
        // while this runs keeps the conversation (PostgreSQL re-reads a row it waited for).
        let ids: Vec<ConversationId> = sqlx::query_scalar(concat!(
            "DELETE FROM conversations WHERE updated_at < $1 AND id IN (",
            idle_conversations!(),
            " LIMIT $3) RETURNING id"
        ))
        .bind(ts(c.idle_conversation))
        .bind(ts(c.now))
        .bind(batch)
        .fetch_all(&mut *tx)
        .await?;
        let (mut messages, mut inputs, mut web) = (0, 0, 0);
        for id in &ids {
            messages += sqlx::query("DELETE FROM channel_messages WHERE conversation_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            inputs +=
                sqlx::query("DELETE FROM inbox WHERE conversation_id = $1 AND status <> 'pending'")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            web += sqlx::query("DELETE FROM web_messages WHERE conversation_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
        for id in &ids {
            self.0.conversation_cache.forget(id);
        }
        Ok((ids.len() as u64, messages, inputs, web))
    }
}
