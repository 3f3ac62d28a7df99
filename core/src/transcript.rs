//! The transcript of a conversation on a channel that shows it as a page (the web chat):
//! every message to the citizen and what they sent, numbered per conversation, so that a page
//! that lost its connection, was reloaded or opened in another tab gets exactly what it
//! missed. The web channel's delivery writes here (the outbox row's version is the source, so
//! a delivery repeated after a crash writes nothing new); its pages read from here.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use crate::channel::ConversationId;
use crate::i18n::Lang;
use crate::message::{Message, Reply};
use crate::office::Office;
use crate::store::{NewWebMessage, Store, StoreError, WebKind, WebMessage};

pub use crate::store::WEB_CHANGES;

type Result<T> = std::result::Result<T, StoreError>;

/// What one transcript row shows, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Entry {
    /// The office to the citizen, in `lang` (the citizen's language when it was shown).
    Office { lang: Lang, message: Box<Message> },
    /// What the citizen sent: typed text, or the label of the option they pressed; `lang` is
    /// the language the conversation was in.
    Citizen { lang: Lang, text: String },
}

impl Entry {
    /// The office's reply, as a page shows it, in the reply's language.
    fn reply(reply: &Reply) -> Self {
        Entry::Office {
            lang: reply.lang,
            message: Box::new(Message {
                text: reply.text.clone(),
                options: reply.options.clone(),
                ..Message::default()
            }),
        }
    }

    /// The row's kind and body as stored.
    fn row(&self, ends: bool) -> (WebKind, String) {
        let kind = match self {
            Entry::Citizen { .. } => WebKind::Citizen,
            Entry::Office { .. } if ends => WebKind::End,
            Entry::Office { .. } => WebKind::Office,
        };
        (
            kind,
            serde_json::to_string(self).expect("an entry is plain data"),
        )
    }
}

/// A row of a turn a page shows, before it is numbered (see [`turn_rows`]).
pub(crate) struct TurnRow {
    source: String,
    entry: Entry,
    kind: WebKind,
    body: String,
}

impl TurnRow {
    pub(crate) fn to_write<'a>(&'a self, conversation: &'a ConversationId) -> NewWebMessage<'a> {
        NewWebMessage {
            conversation_id: conversation,
            source: &self.source,
            kind: self.kind,
            replaces: None,
            body: &self.body,
        }
    }

    /// The row as written under number `seq` at `at`.
    pub(crate) fn shown(&self, seq: i64, at: DateTime<Utc>) -> Shown {
        Shown {
            seq,
            replaces: None,
            ends: false,
            entry: self.entry.clone(),
            at,
        }
    }
}

/// What a page shows of the turn of input `key`: the citizen's words (if shown), in the
/// language the conversation was in, under the input's key, then the reply under
/// `reply:{key}`; each source is written once.
pub(crate) fn turn_rows(key: &str, said: Option<(Lang, &str)>, reply: &Reply) -> Vec<TurnRow> {
    let said = said.map(|(lang, text)| Entry::Citizen {
        lang,
        text: text.to_owned(),
    });
    let answer = Entry::reply(reply);
    said.map(|e| (key.to_owned(), e))
        .into_iter()
        .chain([(format!("reply:{key}"), answer)])
        .map(|(source, entry)| {
            let (kind, body) = entry.row(false);
            TurnRow {
                source,
                entry,
                kind,
                body,
            }
        })
        .collect()
}

/// What an open page is woken with when its transcript grew (see [`Transcript::watch`]).
#[derive(Debug, Clone, Default)]
pub struct Grown {
    /// The rows just written, when the writer had them at hand (a turn of the page's own
    /// conversation, in this process); `None`: read what is new.
    pub rows: Option<Arc<[Shown]>>,
}

impl Grown {
    /// The rows written, if they are exactly the ones after number `after`: a page that
    /// saw up to `after` shows them without reading them back.
    pub fn next_after(&self, after: i64) -> Option<Arc<[Shown]>> {
        self.rows
            .clone()
            .filter(|rows| rows.first().is_some_and(|r| r.seq == after + 1))
    }
}

/// One numbered row of a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub seq: i64,
    /// The number of the row this one shows anew (edited in place).
    pub replaces: Option<i64>,
    /// The farewell after `/forget`: nothing follows.
    pub ends: bool,
    pub entry: Entry,
    pub at: DateTime<Utc>,
}

fn shown(row: WebMessage) -> Result<Shown> {
    let entry = serde_json::from_str(&row.body)
        .map_err(|e| StoreError::Corrupt(format!("web message {}: {e}", row.seq)))?;
    Ok(Shown {
        seq: row.seq,
        replaces: row.replaces,
        ends: row.kind == WebKind::End,
        entry,
        at: row.created_at,
    })
}

/// Transcripts (see the module).
#[derive(Clone)]
pub struct Transcript {
    office: Office,
    store: Store,
    /// This process's open pages, by conversation: each holds a receiver, woken whenever
    /// the transcript grew.
    watchers: Arc<Mutex<HashMap<ConversationId, watch::Sender<Grown>>>>,
}

impl Transcript {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self {
            office,
            store,
            watchers: Arc::default(),
        }
    }

    fn watchers(&self) -> std::sync::MutexGuard<'_, HashMap<ConversationId, watch::Sender<Grown>>> {
        self.watchers.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Woken whenever the conversation's transcript grows, here or on another replica (see
    /// [`Self::relay_changes`]); a change between two looks is never missed.
    pub fn watch(&self, conversation: &ConversationId) -> watch::Receiver<Grown> {
        let mut watchers = self.watchers();
        watchers.retain(|_, w| w.receiver_count() > 0);
        watchers
            .entry(conversation.clone())
            .or_insert_with(|| watch::channel(Grown::default()).0)
            .subscribe()
    }

    /// Open pages watching in this process.
    pub fn watching(&self) -> usize {
        self.watchers()
            .values()
            .map(watch::Sender::receiver_count)
            .sum()
    }

    /// The conversation's transcript grew here by `rows` (written with a dialogue's state),
    /// which its open pages take as they are.
    pub(crate) fn grew(&self, conversation: &ConversationId, rows: &[Shown]) {
        self.wake(conversation, Some(Arc::from(rows)));
    }

    fn wake(&self, conversation: &ConversationId, rows: Option<Arc<[Shown]>>) {
        if let Some(w) = self.watchers().get(conversation) {
            w.send_replace(Grown { rows });
        }
    }

    fn wake_all(&self) {
        for w in self.watchers().values() {
            w.send_replace(Grown::default());
        }
    }

    /// Relays every replica's word that a transcript grew to this process's watchers, until
    /// dropped (PostgreSQL's `LISTEN`; on SQLite this process is the only writer and returns
    /// at once). After a lost connection every watcher looks again, so nothing written
    /// meanwhile is missed.
    pub async fn relay_changes(&self) {
        loop {
            let mut listener = match self.store.web().listen().await {
                Ok(Some(l)) => l,
                Ok(None) => return,
                Err(e) => {
                    tracing::warn!(target: "transcript", error = %e, "cannot listen for changes");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            self.wake_all();
            loop {
                match listener.recv().await {
                    Ok(n) => {
                        if let Ok(c) = ConversationId::parse(n.payload()) {
                            self.wake(&c, None);
                        }
                    }
                    Err(e) => {
                        tracing::warn!(target: "transcript", error = %e, "listening interrupted");
                        break;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Shows `message` to the citizen: a new row, or the one written before for `source`.
    /// `replaces`: the number of the row it shows anew. `ends`: the farewell. Its number.
    pub async fn show(
        &self,
        conversation: &ConversationId,
        source: &str,
        message: &Message,
        replaces: Option<i64>,
        ends: bool,
    ) -> Result<i64> {
        let lang = self.lang(conversation).await?;
        let entry = Entry::Office {
            lang,
            message: Box::new(message.clone()),
        };
        self.append(conversation, source, &entry, replaces, ends)
            .await
    }

    /// Shows the farewell after `/forget` in the reply's language (the conversation, and with
    /// it its language, is gone): the last row.
    pub(crate) async fn farewell(
        &self,
        conversation: &ConversationId,
        source: &str,
        reply: &Reply,
    ) -> Result<Shown> {
        let entry = Entry::reply(reply);
        let seq = self
            .append(conversation, source, &entry, None, true)
            .await?;
        Ok(Shown {
            seq,
            replaces: None,
            ends: true,
            entry,
            at: self.office.now(),
        })
    }

    /// The language the conversation is in (the reference language before it has one).
    pub async fn lang(&self, conversation: &ConversationId) -> Result<Lang> {
        Ok(self
            .known_lang(conversation)
            .await?
            .unwrap_or(Lang::REFERENCE))
    }

    /// The language the conversation is in, once it has one.
    pub async fn known_lang(&self, conversation: &ConversationId) -> Result<Option<Lang>> {
        Ok(self
            .store
            .conversations()
            .cached_conversation(conversation)
            .await?
            .and_then(|c| c.lang.as_deref().and_then(Lang::from_tag)))
    }

    async fn append(
        &self,
        conversation: &ConversationId,
        source: &str,
        entry: &Entry,
        replaces: Option<i64>,
        ends: bool,
    ) -> Result<i64> {
        let (kind, body) = entry.row(ends);
        let seq = self
            .store
            .web()
            .append(
                NewWebMessage {
                    conversation_id: conversation,
                    source,
                    kind,
                    replaces,
                    body: &body,
                },
                self.office.now(),
            )
            .await?;
        self.wake(conversation, None);
        Ok(seq)
    }

    /// The rows after number `after`, oldest first, at most `limit`.
    pub async fn since(
        &self,
        conversation: &ConversationId,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Shown>> {
        self.store
            .web()
            .since(conversation, after, limit)
            .await?
            .into_iter()
            .map(shown)
            .collect()
    }

    /// The last `limit` rows, oldest first.
    pub async fn latest(&self, conversation: &ConversationId, limit: i64) -> Result<Vec<Shown>> {
        self.store
            .web()
            .latest(conversation, limit)
            .await?
            .into_iter()
            .map(shown)
            .collect()
    }

    /// The highest number written (0 for none).
    pub async fn last_seq(&self, conversation: &ConversationId) -> Result<i64> {
        self.store.web().last_seq(conversation).await
    }

    /// One row, e.g. for its file.
    pub async fn get(&self, conversation: &ConversationId, seq: i64) -> Result<Option<Shown>> {
        self.store
            .web()
            .message(conversation, seq)
            .await?
            .map(shown)
            .transpose()
    }

    /// Deletes a transcript whose farewell the page has shown.
    pub async fn close(&self, conversation: &ConversationId) -> Result<()> {
        self.store.web().delete(conversation).await
    }
}
