//! Conversation rows: the persisted dialogue state of one citizen on one channel.

use crate::channel::ConversationId;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{ClosedUnlessDone, ConversationRepo, Result, StoreError, ts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationRow {
    /// `channel:user`, e.g. `terminal:alice` or `telegram:12345`.
    pub id: ConversationId,
    pub lang: Option<String>,
    /// JSON of the dialogue state.
    pub state: String,
    /// JSON of the options last shown, in order.
    pub offered: String,
    /// The key of the last input handled (e.g. a Telegram update id) and its reply (JSON).
    pub last_key: Option<String>,
    pub last_reply: Option<String>,
    pub reply_sent: bool,
    /// The row's version when it was read, `None` for a conversation not stored yet. A save
    /// succeeds only if the stored row still has it.
    pub version: Option<i64>,
    /// When the conversation may send again at the full rate of the input limit
    /// (microseconds since the epoch; 0 never limited): the limit's state, written with each
    /// step so that every replica counts the same inputs.
    pub input_tat: i64,
}

/// The inbox input a step answers, for [`ConversationRepo::save_conversation_answering`]:
/// its reply (the outbox row's `kind` and `body`), and until when the row is claimed for the
/// process that sends it at once, if it does.
#[derive(Debug, Clone, Copy)]
pub struct Answering<'a> {
    pub input: &'a str,
    pub kind: &'a str,
    pub body: &'a str,
    pub claim_until: Option<DateTime<Utc>>,
}

/// The conversations this process read or wrote last, with their versions, so that a step
/// of a citizen who is in the middle of a dialogue is one statement (the versioned write)
/// instead of two. Every write is conditional on the version, so a row changed by another
/// process (a replica that led before, the retention purge) is never overwritten from here:
/// the write fails with [`StoreError::Conflict`], the entry is dropped and the caller reads
/// the row again. Bounded, least recently used first out (`hashlink`, already in the tree
/// through sqlx); about 1 kB an entry.
///
/// An entry may also know that the conversation has no upcoming confirmed booking, so that
/// the menu need not ask the database whether a check-in is open. A booking is confirmed
/// only in a step of its own conversation, which that step then saves: here the entry is
/// told at once ([`ConversationRepo::bookings_changed`]); in another process the save makes this
/// entry's version stale, and its next save fails and drops it. The knowledge is kept across
/// this process's own saves and lost with the entry.
pub(crate) struct ConversationCache {
    entries: std::sync::Mutex<hashlink::LruCache<ConversationId, Entry>>,
    /// Bumped whenever a booking is confirmed here, so that an empty answer read while one
    /// was being confirmed is not taken for knowledge.
    bookings: std::sync::atomic::AtomicU64,
}

#[derive(Clone)]
pub(super) struct Entry {
    pub(super) row: ConversationRow,
    no_upcoming_bookings: bool,
}

impl ConversationCache {
    const CAPACITY: usize = 1_024;

    pub(super) fn new() -> Self {
        Self {
            entries: std::sync::Mutex::new(hashlink::LruCache::new(Self::CAPACITY)),
            bookings: std::sync::atomic::AtomicU64::new(0),
        }
    }

    pub(super) fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, hashlink::LruCache<ConversationId, Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, id: &ConversationId) -> Option<ConversationRow> {
        self.lock().get(id).map(|e| e.row.clone())
    }

    /// A row as read from the database: nothing known about its bookings.
    fn put(&self, row: ConversationRow) {
        let entry = Entry {
            row,
            no_upcoming_bookings: false,
        };
        self.lock().insert(entry.row.id.clone(), entry);
    }

    /// A row this process saved over version `before`: what was known of it stays known.
    fn put_saved(&self, row: ConversationRow, before: Option<i64>) {
        let mut entries = self.lock();
        let known = entries
            .get(&row.id)
            .is_some_and(|e| e.no_upcoming_bookings && before.is_some() && e.row.version == before);
        entries.insert(
            row.id.clone(),
            Entry {
                row,
                no_upcoming_bookings: known,
            },
        );
    }

    pub(super) fn forget(&self, id: &ConversationId) {
        self.lock().remove(id);
    }

    fn clear(&self) {
        self.lock().clear();
    }
}

impl ConversationRepo<'_> {
    /// Forgets every conversation this process cached, e.g. when it becomes the leader after
    /// another process handled the conversations.
    pub fn drop_cached_conversations(self) {
        self.0.conversation_cache.clear();
    }

    /// Whether this process knows that the conversation has no upcoming confirmed booking.
    pub fn no_upcoming_bookings_known(self, id: &ConversationId) -> bool {
        self.0
            .conversation_cache
            .lock()
            .peek(id)
            .is_some_and(|e| e.no_upcoming_bookings)
    }

    /// A mark to take before asking for a conversation's upcoming bookings, for
    /// [`ConversationRepo::note_no_upcoming_bookings`].
    pub fn bookings_mark(self) -> u64 {
        self.0
            .conversation_cache
            .bookings
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The conversation had no upcoming confirmed booking when asked after `mark`: known from
    /// now on, unless a booking was confirmed in this process since the mark.
    pub fn note_no_upcoming_bookings(self, id: &ConversationId, mark: u64) {
        let mut entries = self.0.conversation_cache.lock();
        if self.bookings_mark() != mark {
            return;
        }
        if let Some(e) = entries.get_mut(id) {
            e.no_upcoming_bookings = true;
        }
    }

    /// A booking of the conversation was confirmed: whatever was known is not any more.
    pub(crate) fn bookings_changed(self, id: &ConversationId) {
        let mut entries = self.0.conversation_cache.lock();
        self.0
            .conversation_cache
            .bookings
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if let Some(e) = entries.get_mut(id) {
            e.no_upcoming_bookings = false;
        }
    }
}

/// The reply to input `$2` reached the citizen (or is queued for them).
pub(super) const REPLY_SENT: &str =
    "UPDATE conversations SET reply_sent = 1 WHERE id = $1 AND last_key = $2";

impl ConversationRepo<'_> {
    /// The conversation as this process last read or wrote it, else as stored. It may be out
    /// of date if another process changed it; a save of a step taken on it then fails with
    /// [`StoreError::Conflict`].
    pub async fn cached_conversation(self, id: &ConversationId) -> Result<Option<ConversationRow>> {
        match self.0.conversation_cache.get(id) {
            Some(row) => Ok(Some(row)),
            None => self.load_conversation(id).await,
        }
    }

    /// Whether the stored conversation still has `version` (`None`: none is stored). A cached
    /// copy that is out of date is forgotten.
    pub async fn is_current(self, id: &ConversationId, version: Option<i64>) -> Result<bool> {
        let stored: Option<i64> =
            sqlx::query_scalar("SELECT version FROM conversations WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.0.pool)
                .await?;
        let current = stored == version;
        if !current {
            self.0.conversation_cache.forget(id);
        }
        Ok(current)
    }

    /// The conversation as stored.
    pub async fn load_conversation(self, id: &ConversationId) -> Result<Option<ConversationRow>> {
        let row = sqlx::query(
            "SELECT id, lang, state, offered, last_key, last_reply, reply_sent, version, \
             input_tat FROM conversations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.0.pool)
        .await?;
        let row = row
            .map(|r| {
                Ok::<_, StoreError>(ConversationRow {
                    id: r.try_get("id")?,
                    lang: r.try_get("lang")?,
                    state: r.try_get("state")?,
                    offered: r.try_get("offered")?,
                    last_key: r.try_get("last_key")?,
                    last_reply: r.try_get("last_reply")?,
                    reply_sent: r.try_get::<i64, _>("reply_sent")? != 0,
                    version: Some(r.try_get("version")?),
                    input_tat: r.try_get("input_tat")?,
                })
            })
            .transpose()?;
        if let Some(row) = &row {
            self.0.conversation_cache.put(row.clone());
        }
        Ok(row)
    }

    /// Stores `row` if the stored conversation still has `row.version` (or, for `None`, does
    /// not exist yet); otherwise [`StoreError::Conflict`]. Returns the new version.
    pub async fn save_conversation(
        &self,
        row: &ConversationRow,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let written = save_query(row, now)
            .execute(&self.0.pool)
            .await?
            .rows_affected();
        if written == 0 {
            return Err(self.conflict(row));
        }
        Ok(self.saved(row))
    }

    /// Stores `row` (the step of inbox input `answer.input`, its reply marked sent) as
    /// [`Self::save_conversation`] does and, in the same transaction, queues the reply in the
    /// outbox and marks the input done, as [`super::InboxRepo::answer_input`] does after a
    /// step: one commit instead of two, and no statement to mark the reply sent. Returns the
    /// new version and the reply's row if it is claimed for this process.
    pub async fn save_conversation_answering(
        &self,
        row: &ConversationRow,
        now: DateTime<Utc>,
        answer: Answering<'_>,
    ) -> Result<(i64, Option<super::Claimed>)> {
        let stored = match self.0.backend() {
            super::Backend::Sqlite => answering_on_sqlite(&self.0.pool, row, now, answer).await?,
            super::Backend::Postgres => {
                answering_on_postgres(&self.0.pool, row, now, answer).await?
            }
        };
        match stored {
            Some(claimed) => Ok((self.saved(row), claimed)),
            None => Err(self.conflict(row)),
        }
    }

    /// Stores `row` as [`Self::save_conversation`] does and, in the same transaction, adds
    /// `shown` to its transcript (what a web page shows of the turn that made it: the
    /// citizen's words and the reply), so that a page never shows a reply whose state was
    /// not stored, and a stored state's reply is never missing from the page. Returns the new
    /// version and the rows' numbers (that of a source written before included).
    pub async fn save_conversation_shown(
        &self,
        row: &ConversationRow,
        now: DateTime<Utc>,
        shown: &[super::NewWebMessage<'_>],
    ) -> Result<(i64, Vec<i64>)> {
        let mut last = None;
        // Two replicas may number a row of the same transcript alike (PostgreSQL; SQLite
        // writes one at a time): the loser tries again, as `WebRepo::append` does.
        for _ in 0..8 {
            match self.try_save_shown(row, now, shown).await {
                Err(StoreError::Db(e)) if super::is_retryable(&e) => last = Some(e),
                other => return other,
            }
        }
        Err(StoreError::Db(last.expect("tried at least once")))
    }

    async fn try_save_shown(
        &self,
        row: &ConversationRow,
        now: DateTime<Utc>,
        shown: &[super::NewWebMessage<'_>],
    ) -> Result<(i64, Vec<i64>)> {
        if self.0.backend() == super::Backend::Sqlite
            && let Some(batch) = sqlite_batch(row.version.is_some(), shown.len())
        {
            let mut query = bind_save(sqlx::query(batch), row, now).bind(row.version);
            for new in shown {
                query = query
                    .bind(new.source)
                    .bind(new.kind.as_str())
                    .bind(new.body);
            }
            // Closed, not handed back, unless the batch came back whole (its `COMMIT` ran).
            let mut conn = ClosedUnlessDone::acquire(&self.0.pool).await?;
            let returned = query.fetch_all(&mut **conn.get()).await?;
            let mut saved = false;
            let mut numbered = std::collections::HashMap::new();
            for r in &returned {
                let what: String = r.try_get("what")?;
                match what.is_empty() {
                    true => saved = true,
                    false => {
                        numbered.insert(what, r.try_get::<i64, _>("n")?);
                    }
                }
            }
            if !saved {
                conn.done();
                return Err(self.conflict(row));
            }
            // A row of the same source written before (the same turn again) keeps its number.
            let mut seqs = Vec::with_capacity(shown.len());
            for new in shown {
                seqs.push(match numbered.get(new.source) {
                    Some(&seq) => seq,
                    None => super::web::written(conn.get(), *new).await?,
                });
            }
            conn.done();
            return Ok((self.saved(row), seqs));
        }
        let mut tx = self.0.begin_write().await?;
        let written = save_query(row, now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if written == 0 {
            // Rolled back when dropped.
            return Err(self.conflict(row));
        }
        let mut seqs = Vec::with_capacity(shown.len());
        let mut grew = false;
        for new in shown {
            seqs.push(match super::web::insert(&mut tx, *new, now).await? {
                Some(seq) => {
                    grew = true;
                    seq
                }
                None => super::web::written(&mut tx, *new).await?,
            });
        }
        if grew && self.0.backend() == super::Backend::Postgres {
            super::web::announce(&mut tx, &row.id).await?;
        }
        tx.commit().await?;
        Ok((self.saved(row), seqs))
    }

    /// Another writer changed the conversation since `row` was read: the cached row goes.
    fn conflict(&self, row: &ConversationRow) -> StoreError {
        self.0.conversation_cache.forget(&row.id);
        StoreError::Conflict(row.id.to_string())
    }

    /// `row` was written: its new version, as cached from now on.
    fn saved(&self, row: &ConversationRow) -> i64 {
        let next = next_version(row);
        self.0.conversation_cache.put_saved(
            ConversationRow {
                version: Some(next),
                ..row.clone()
            },
            row.version,
        );
        next
    }
}

fn next_version(row: &ConversationRow) -> i64 {
    row.version.map_or(1, |v| v + 1)
}

/// The versioned write of a conversation: `$1` the id, `$2`–`$9` its columns (`$5` the
/// time), `$10` the new version, `$11` the version read.
macro_rules! update_conversation {
    () => {
        "UPDATE conversations SET lang = $2, state = $3, offered = $4, updated_at = $5, \
         last_key = $6, last_reply = $7, reply_sent = $8, input_tat = $9, version = $10 \
         WHERE id = $1 AND version = $11"
    };
}

/// The first write of a conversation (`$11` unused).
macro_rules! insert_conversation {
    () => {
        "INSERT INTO conversations (id, lang, state, offered, updated_at, last_key, \
         last_reply, reply_sent, input_tat, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING"
    };
}

/// Whether the conversation now holds the step being saved: its new version `$10`, written
/// under the input's key `$6` (see [`answer_input!`] and [`insert_shown!`]).
macro_rules! holds_step {
    () => {
        "EXISTS (SELECT 1 FROM conversations WHERE id = $1 AND version = $10 AND last_key = $6)"
    };
}

/// A transcript row of conversation `$1` written at `$5`, with the numbers of its source,
/// kind and body, if the conversation holds the step ([`holds_step!`]; the next number is
/// an aggregate, which gives a row even where none match, so the condition is outside it);
/// returns its source and number unless the source was written before.
macro_rules! insert_shown {
    ($source:literal, $kind:literal, $body:literal) => {
        concat!(
            "; INSERT INTO web_messages (conversation_id, seq, source, kind, replaces, body, \
             created_at) SELECT $1, next, ",
            $source,
            ", ",
            $kind,
            ", NULL, ",
            $body,
            ", $5 FROM (SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM web_messages \
             WHERE conversation_id = $1) WHERE ",
            holds_step!(),
            " ON CONFLICT (conversation_id, source) DO NOTHING RETURNING source AS what, seq AS n"
        )
    };
}

/// The conversation's write and its transcript rows as one batch of statements with its
/// transaction, which SQLite runs in one round trip to its connection's thread instead of one
/// for each (see [`ConversationRepo::save_conversation_shown`]), so that the write lock is
/// held for one hand-over. The write returns `''` and the new version when it took place; the
/// rows are written only if the conversation then holds this step ([`holds_step!`]), so the
/// batch can always commit.
fn sqlite_batch(update: bool, rows: usize) -> Option<&'static str> {
    macro_rules! saved {
        () => {
            " RETURNING '' AS what, version AS n"
        };
    }
    Some(match (update, rows) {
        (true, 1) => concat!(
            "BEGIN IMMEDIATE; ",
            update_conversation!(),
            saved!(),
            insert_shown!("$12", "$13", "$14"),
            "; COMMIT"
        ),
        (true, 2) => concat!(
            "BEGIN IMMEDIATE; ",
            update_conversation!(),
            saved!(),
            insert_shown!("$12", "$13", "$14"),
            insert_shown!("$15", "$16", "$17"),
            "; COMMIT"
        ),
        (false, 1) => concat!(
            "BEGIN IMMEDIATE; ",
            insert_conversation!(),
            saved!(),
            insert_shown!("$12", "$13", "$14"),
            "; COMMIT"
        ),
        (false, 2) => concat!(
            "BEGIN IMMEDIATE; ",
            insert_conversation!(),
            saved!(),
            insert_shown!("$12", "$13", "$14"),
            insert_shown!("$15", "$16", "$17"),
            "; COMMIT"
        ),
        _ => return None,
    })
}

/// The statements of [`ConversationRepo::save_conversation_answering`] after the
/// conversation's write (`$1`–`$11`), as one batch on SQLite: the reply's outbox row (`$12`
/// its id, `$13` its slot, `$14` kind, `$15` body, `$16` order, `$17` channel), due at once
/// or, if `$18` (the claim's end) is given and nothing of the conversation waits before it,
/// claimed until then; and the input `$19` done. Each only if the conversation now holds
/// this step (its new version `$10` under the input's key `$6`), so that a write that found
/// another version leaves nothing behind and the batch can commit whatever happened: the
/// reply's slot is the input's, so another process's copy of the same step is not queued
/// twice.
macro_rules! answer_input {
    () => {
        concat!(
            "; INSERT INTO notifications (id, conversation_id, slot, kind, body, version, \
             created_at, changed_at, channel, next_attempt_at) \
             SELECT $12, $1, $13, $14, $15, 1, $5, $16, $17, \
             CASE WHEN $18 IS NULL OR EXISTS (SELECT 1 FROM notifications \
             WHERE conversation_id = $1 AND delivered_version < version AND dead_at IS NULL) \
             THEN 0 ELSE $18 END WHERE ",
            holds_step!(),
            " ON CONFLICT (conversation_id, slot) DO NOTHING RETURNING 'reply' AS what, \
             next_attempt_at AS n; \
             UPDATE inbox SET status = 'done', input = '', claimed_until = NULL, \
             last_error = NULL WHERE id = $19 AND ",
            holds_step!()
        )
    };
}

/// [`ConversationRepo::save_conversation_answering`] on SQLite: the transaction and its
/// statements as one batch, one round trip to the connection's thread where a transaction of
/// its statements took seven, so that the write lock is held for one hand-over, not three.
/// The statements after the conversation's write check that it happened ([`answer_input!`]),
/// so the batch always ends in `COMMIT`. `None` if the conversation changed meanwhile
/// (nothing was written); else the reply's row if it was claimed.
///
/// A batch that fails midway, or whose caller stops waiting for it, closes its connection,
/// which rolls back the transaction (SQLite ends it with the connection) instead of handing
/// it to the next user of the pool.
async fn answering_on_sqlite(
    pool: &sqlx::Pool<sqlx::Any>,
    row: &ConversationRow,
    now: DateTime<Utc>,
    answer: Answering<'_>,
) -> Result<Option<Option<super::Claimed>>> {
    const UPDATE: &str = concat!(
        "BEGIN IMMEDIATE; ",
        update_conversation!(),
        " RETURNING '' AS what, version AS n",
        answer_input!(),
        "; COMMIT"
    );
    const INSERT: &str = concat!(
        "BEGIN IMMEDIATE; ",
        insert_conversation!(),
        " RETURNING '' AS what, version AS n",
        answer_input!(),
        "; COMMIT"
    );
    let reply = reply_row(row, answer);
    let batch = if row.version.is_some() {
        UPDATE
    } else {
        INSERT
    };
    // Closed, not handed back, unless the batch came back whole: see the function.
    let mut conn = ClosedUnlessDone::acquire(pool).await?;
    let returned = bind_answering(batch, row, now, answer, &reply)
        .fetch_all(&mut **conn.get())
        .await?;
    conn.done();
    let mut saved = false;
    let mut due = None;
    for r in &returned {
        let what: String = r.try_get("what")?;
        match what.is_empty() {
            true => saved = true,
            false => due = Some(r.try_get::<i64, _>("n")?),
        }
    }
    if !saved {
        return Ok(None);
    }
    Ok(Some(claimed(reply, due)))
}

/// [`ConversationRepo::save_conversation_answering`] on PostgreSQL: one statement whose
/// parts (each run once, to the end, whether read or not) see the same snapshot (the outbox as it was before the reply, for the claim), in
/// one round trip and one commit where a transaction of its statements took six round trips.
/// The numbering of the parameters is [`answer_input!`]'s (`$11`, which the first write of a
/// conversation does not compare, is returned so that PostgreSQL knows its type). `None` if the conversation changed
/// meanwhile (then nothing is written); else the reply's row if it was claimed.
async fn answering_on_postgres(
    pool: &sqlx::Pool<sqlx::Any>,
    row: &ConversationRow,
    now: DateTime<Utc>,
    answer: Answering<'_>,
) -> Result<Option<Option<super::Claimed>>> {
    macro_rules! answering {
        ($save:expr) => {
            concat!(
                "WITH saved AS (",
                $save,
                " RETURNING version), \
                 reply AS (INSERT INTO notifications (id, conversation_id, slot, kind, body, \
                 version, created_at, changed_at, channel, next_attempt_at) \
                 SELECT $12, $1, $13, $14, $15, 1, $5, $16, $17, \
                 CASE WHEN $18::BIGINT IS NULL OR EXISTS (SELECT 1 FROM notifications \
                 WHERE conversation_id = $1 AND delivered_version < version \
                 AND dead_at IS NULL) THEN 0 ELSE $18::BIGINT END FROM saved \
                 ON CONFLICT (conversation_id, slot) DO NOTHING RETURNING next_attempt_at), \
                 done AS (UPDATE inbox SET status = 'done', input = '', claimed_until = NULL, \
                 last_error = NULL WHERE id = $19 AND EXISTS (SELECT 1 FROM saved) RETURNING id) \
                 SELECT (SELECT version FROM saved) AS saved, \
                 (SELECT next_attempt_at FROM reply) AS due, $11::BIGINT AS read"
            )
        };
    }
    const UPDATE: &str = answering!(update_conversation!());
    const INSERT: &str = answering!(insert_conversation!());
    let reply = reply_row(row, answer);
    let batch = if row.version.is_some() {
        UPDATE
    } else {
        INSERT
    };
    let returned = bind_answering(batch, row, now, answer, &reply)
        .fetch_one(pool)
        .await?;
    if returned.try_get::<Option<i64>, _>("saved")?.is_none() {
        return Ok(None);
    }
    Ok(Some(claimed(reply, returned.try_get("due")?)))
}

/// The outbox row of an answered step's reply.
fn reply_row(row: &ConversationRow, answer: Answering<'_>) -> super::Notification {
    super::Notification {
        id: crate::reference::secret_token(),
        conversation_id: row.id.clone(),
        slot: Some(format!("reply:{}", answer.input)),
        kind: answer.kind.to_owned(),
        body: answer.body.to_owned(),
        version: 1,
        attempts: 0,
    }
}

/// The reply's row, claimed until `due` if it was written due then (0: due at once, not
/// claimed; `None`: queued before).
fn claimed(reply: super::Notification, due: Option<i64>) -> Option<super::Claimed> {
    match due {
        Some(until) if until != 0 => Some(super::Claimed { row: reply, until }),
        _ => None,
    }
}

/// `sql`, an answered step's statements, with `$1`–`$19` bound (see [`answer_input!`]).
fn bind_answering<'q>(
    sql: &'static str,
    row: &'q ConversationRow,
    now: DateTime<Utc>,
    answer: Answering<'q>,
    reply: &'q super::Notification,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    bind_save(sqlx::query(sql), row, now)
        .bind(row.version)
        .bind(&reply.id)
        .bind(reply.slot.as_deref())
        .bind(answer.kind)
        .bind(answer.body)
        .bind(super::notifications::stamp(now))
        .bind(super::channel_of(row.id.as_str()))
        .bind(answer.claim_until.map(|t| t.timestamp_micros()))
        .bind(answer.input)
}

/// The versioned write of `row` (see [`ConversationRepo::save_conversation`]).
fn save_query(
    row: &ConversationRow,
    now: DateTime<Utc>,
) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments> {
    match row.version {
        Some(v) => bind_save(sqlx::query(update_conversation!()), row, now).bind(v),
        None => bind_save(sqlx::query(insert_conversation!()), row, now),
    }
}

/// Binds `$1`–`$10` of a conversation's write.
fn bind_save<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    row: &'q ConversationRow,
    now: DateTime<Utc>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    query
        .bind(&row.id)
        .bind(&row.lang)
        .bind(&row.state)
        .bind(&row.offered)
        .bind(ts(now))
        .bind(&row.last_key)
        .bind(&row.last_reply)
        .bind(i64::from(row.reply_sent))
        .bind(row.input_tat)
        .bind(next_version(row))
}

impl ConversationRepo<'_> {
    /// Moves everything of conversation `from` to `to` (e.g. a Matrix conversation that was
    /// keyed on its room and is now keyed on its person), unless `to` exists already.
    /// Returns whether anything moved.
    pub async fn rename_conversation(
        self,
        from: &ConversationId,
        to: &ConversationId,
    ) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let exists: Option<String> =
            sqlx::query_scalar("SELECT id FROM conversations WHERE id = $1")
                .bind(to)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_some() {
            return Ok(false);
        }
        self.0.conversation_cache.forget(from);
        self.0.conversation_cache.forget(to);
        let moved =
            sqlx::query("UPDATE conversations SET id = $2, version = version + 1 WHERE id = $1")
                .bind(from)
                .bind(to)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        for sql in [
            "UPDATE bookings SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE queue_entries SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE notifications SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE channel_messages SET conversation_id = $2 WHERE conversation_id = $1",
            "UPDATE inbox SET conversation_id = $2 WHERE conversation_id = $1",
        ] {
            sqlx::query(sql)
                .bind(from)
                .bind(to)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.0.conversation_cache.forget(from);
        Ok(true)
    }

    /// The citizen now speaks `lang`: what is still to come for them (bookings held or
    /// confirmed, a place in the waiting room, fees not paid yet) follows, so that reminders,
    /// check-in, the call, the fee and the desk's view use the language they chose last, not
    /// the one they booked in. Waiting-room entries forget what they were told, so the next
    /// tick says it again in the new language.
    pub async fn set_citizen_lang(
        self,
        conversation_id: &ConversationId,
        lang: &str,
    ) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        for sql in [
            "UPDATE bookings SET lang = $2 WHERE conversation_id = $1 \
             AND status IN ('held', 'confirmed')",
            "UPDATE queue_entries SET lang = $2, told_position = NULL, told_wait = NULL \
             WHERE conversation_id = $1 AND status IN ('waiting', 'called')",
            "UPDATE payments SET lang = $2 WHERE conversation_id = $1 \
             AND state IN ('draft', 'open')",
        ] {
            sqlx::query(sql)
                .bind(conversation_id)
                .bind(lang)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records that the reply to input `key` reached the citizen.
    pub async fn mark_reply_sent(self, conversation_id: &ConversationId, key: &str) -> Result<()> {
        sqlx::query(REPLY_SENT)
            .bind(conversation_id)
            .bind(key)
            .execute(&self.0.pool)
            .await?;
        self.reply_sent_cached(conversation_id, key);
        Ok(())
    }

    /// The flag is not a new version; the cached row gets it only if it is still the reply
    /// to `key`, as in the database.
    pub(crate) fn reply_sent_cached(self, conversation_id: &ConversationId, key: &str) {
        let mut cache = self.0.conversation_cache.lock();
        if let Some(e) = cache.get_mut(conversation_id)
            && e.row.last_key.as_deref() == Some(key)
        {
            e.row.reply_sent = true;
        }
    }

    /// A channel's stored position that is a text, e.g. the Matrix sync token.
    pub async fn cursor_token(self, name: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar::<_, Option<String>>(
            "SELECT token FROM channel_cursors WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(&self.0.pool)
        .await?
        .flatten())
    }

    pub async fn set_cursor_token(self, name: &str, token: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO channel_cursors (name, value, token) VALUES ($1, 0, $2) \
             ON CONFLICT (name) DO UPDATE SET token = excluded.token",
        )
        .bind(name)
        .bind(token)
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// The channel message that shows a conversation's outbox slot.
    pub async fn channel_message(
        &self,
        conversation_id: &str,
        slot: &str,
    ) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT message_id FROM channel_messages WHERE conversation_id = $1 AND slot = $2",
        )
        .bind(conversation_id)
        .bind(slot)
        .fetch_optional(&self.0.pool)
        .await?)
    }

    pub async fn set_channel_message(
        &self,
        conversation_id: &str,
        slot: &str,
        message_id: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO channel_messages (conversation_id, slot, message_id) VALUES ($1, $2, $3) \
             ON CONFLICT (conversation_id, slot) DO UPDATE SET message_id = excluded.message_id",
        )
        .bind(conversation_id)
        .bind(slot)
        .bind(message_id)
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }
}
