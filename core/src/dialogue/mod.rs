//! The channel-agnostic dialogue: a citizen's input goes in, one localized reply with its
//! options comes out. The state of every conversation is persisted before the reply is
//! returned, so a process killed at any moment continues exactly where it was.

pub(crate) use crate::format;
mod booking;
mod checklist;
mod command;
mod documents;
mod limits;
mod questions;
mod screens;
pub mod state;
mod steps;
mod typed;

use command::Command;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::calendar::Calendar;
use crate::channel::ConversationId;
use crate::device_check::DeviceChecks;
use crate::documents::{Documents, Received};
pub use crate::error::EngineError;
use crate::i18n::Lang;
use crate::matching;
pub(crate) use crate::message::directed;
pub use crate::message::{Choice, Reply};
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::payments::Payments;
use crate::queue::WaitingRoom;
use crate::rights::Rights;
use crate::store::{Answering, Claimed, ConversationRow, Store, StoreError};
use crate::timers::Scheduler;
use crate::transcript::{Shown, Transcript};
pub use documents::Fetched;
pub use limits::INPUTS_PER_MINUTE;
pub use state::{Draft, Purpose, State};

/// The longest message a citizen may send, in characters.
pub const MAX_INPUT_CHARS: usize = 4096;

/// What a citizen did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Input {
    /// Typed text (a number, an option's label, a command or free text).
    Text(String),
    /// The id of an option they pressed (e.g. a Telegram button).
    Choice(String),
    /// Something that is not text: a sticker, photo, voice message, file, location …
    Media,
    /// A new version of a message sent earlier.
    Edited,
    /// An end-to-end encrypted message the channel could not decrypt (its key is missing).
    Undecryptable,
    /// A file (a photo, a PDF) the channel fetches by `source` when it handles the input: a
    /// Telegram file id, a Matrix media source, a path in the terminal. `size`: as the
    /// channel declared it, if it did.
    File {
        source: String,
        #[serde(default)]
        size: Option<u64>,
    },
    /// What became of a file: made by [`Dialogue::handle_file`] from a fetched
    /// [`Input::File`], never received or stored.
    #[serde(skip)]
    Document(Received),
}

/// The answer to a keyed input (one that a channel may deliver twice, e.g. a Telegram update).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed {
    pub reply: Reply,
    /// Whether this reply already reached the citizen (a redelivered input).
    pub sent: bool,
    /// The citizen asked to be forgotten with this input: the reply is the last message.
    pub forgotten: bool,
    /// The transcript rows written with the state by [`Dialogue::handle_shown`]: the
    /// citizen's words (if shown) and the reply. Empty for other turns and a repeat.
    pub shown: Vec<Shown>,
    /// Set by [`Dialogue::handle_answering`] when the reply was queued in the outbox and the
    /// input marked done with the state: the reply's outbox row, if it is claimed for this
    /// process to send at once. `None` when the channel still has to answer the input (a
    /// repeat, a farewell, another kind of turn).
    pub answered: Option<Option<Claimed>>,
}

/// How a turn's outcome is stored with its state (see [`Dialogue::handle_turn`]).
#[derive(Clone, Copy)]
enum Turn<'a> {
    /// The state alone; the channel answers the input (or not) itself.
    Plain,
    /// A page's turn: `said`, the citizen's words as the page shows them, and the reply
    /// go into the transcript ([`Dialogue::handle_shown`]).
    Shown(Option<&'a str>),
    /// An inbox input: its reply goes into the outbox, claimed until then if given, and the
    /// input is done ([`Dialogue::handle_answering`]).
    Answering(Option<DateTime<Utc>>),
}

/// A turn a page shows (the web chat): the citizen's words as the page shows them, in the
/// language the conversation was in, and the rows written.
struct Page {
    said: Option<(Lang, String)>,
    rows: Vec<Shown>,
}

/// A conversation as the engine works on it.
struct Conversation {
    id: ConversationId,
    lang: Option<Lang>,
    state: State,
    offered: Vec<Choice>,
    /// The key of the input being handled, stored with the reply.
    key: Option<String>,
    /// The citizen asked to be forgotten: the conversation is not stored again.
    forgotten: bool,
    /// The stored row's version when read; `None` for a new conversation.
    version: Option<i64>,
    /// A turn a page shows: its transcript rows are written with the state.
    page: Option<Page>,
    /// An inbox input answered with the state (see [`Turn::Answering`]).
    answering: Option<Answer>,
    /// The input limit's state, stored with the row (see [`limits`]).
    input_tat: i64,
    /// Checked against the stored row in this step (see [`Dialogue::ensure_current`]).
    current: bool,
    /// The hold this step made a booking of: the state no longer holds it, and there is
    /// nothing to release (a write the confirmation would otherwise wait for).
    confirmed_hold: Option<String>,
}

/// An inbox input whose reply is queued with the state: until when the reply's row is
/// claimed for this process, and, once stored, the row if it was claimed.
struct Answer {
    claim_until: Option<DateTime<Utc>>,
    stored: Option<Option<Claimed>>,
}

/// What a transition produced: short notices shown above the new step's prompt.
#[derive(Default)]
struct Notices(Vec<String>);

impl Notices {
    fn push(&mut self, text: String) {
        self.0.push(text);
    }
}

/// The services a dialogue asks (see [`crate::engine`]).
pub(crate) struct Services {
    pub room: WaitingRoom,
    pub scheduler: Scheduler,
    pub payments: Payments,
    pub rights: Rights,
    pub calendar: Calendar,
    pub transcript: Transcript,
    pub documents: Documents,
    pub device_checks: DeviceChecks,
}

/// The citizen's conversation: an input in, a reply out, the state stored in between.
#[derive(Clone)]
pub struct Dialogue {
    office: Office,
    store: Store,
    room: WaitingRoom,
    scheduler: Scheduler,
    payments: Payments,
    rights: Rights,
    calendar: Calendar,
    transcript: Transcript,
    documents: Documents,
    device_checks: DeviceChecks,
    /// Inputs of one conversation are handled one after the other.
    turns: Arc<Mutex<HashMap<ConversationId, Arc<tokio::sync::Mutex<()>>>>>,
}

impl Dialogue {
    pub(crate) fn new(office: Office, store: Store, services: Services) -> Self {
        let Services {
            room,
            scheduler,
            payments,
            rights,
            calendar,
            transcript,
            documents,
            device_checks,
        } = services;
        Self {
            office,
            store,
            room,
            scheduler,
            payments,
            rights,
            calendar,
            transcript,
            documents,
            device_checks,
            turns: Arc::default(),
        }
    }

    /// Opens a conversation: a returning citizen continues where they left off; a new one is
    /// greeted in `lang_hint` if it is supported, or asked for their language.
    pub async fn open(
        &self,
        conversation: &ConversationId,
        lang_hint: Option<&str>,
    ) -> Result<Reply, EngineError> {
        again_on_conflict(|| async {
            let mut notices = Notices::default();
            let mut conv = match self.load(conversation).await? {
                Some(conv) => {
                    if let Some(lang) = conv.lang {
                        notices.push(self.office.i18n().text(lang, "welcome-back"));
                    }
                    conv
                }
                None => self.first_contact(conversation, lang_hint, &mut notices),
            };
            self.finish(&mut conv, notices).await
        })
        .await
    }

    /// The current step again, without greeting (e.g. after a notification changed what it
    /// offers).
    pub async fn current(&self, conversation: &ConversationId) -> Result<Reply, EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        again_on_conflict(|| async {
            let mut conv = match self.load(conversation).await? {
                Some(conv) => conv,
                None => self.first_contact(conversation, None, &mut Notices::default()),
            };
            self.finish(&mut conv, Notices::default()).await
        })
        .await
    }

    /// The label of option `id` among the options the conversation was last shown, read
    /// from this process's copy of the conversation when it has one (a page shows what the
    /// citizen pressed). `None` for an option not among them (one that came with a
    /// notification, or one another replica showed since).
    pub async fn offered_label(
        &self,
        conversation: &ConversationId,
        id: &str,
    ) -> Result<Option<String>, EngineError> {
        let Some(row) = self
            .store
            .conversations()
            .cached_conversation(conversation)
            .await?
        else {
            return Ok(None);
        };
        let offered: Vec<Choice> = serde_json::from_str(&row.offered).unwrap_or_default();
        Ok(offered.into_iter().find(|c| c.id == id).map(|c| c.label))
    }

    /// Handles one input and returns the reply. The new state is stored before returning.
    pub async fn handle(
        &self,
        conversation: &ConversationId,
        input: Input,
    ) -> Result<Reply, EngineError> {
        Ok(self
            .handle_keyed(conversation, None, None, input)
            .await?
            .reply)
    }

    /// Handles an input that a channel may deliver more than once, identified by `key`: the
    /// state, the key and the reply are stored together, so a repeated key returns the stored
    /// reply instead of acting twice. `lang_hint` greets a new citizen in their language.
    pub async fn handle_keyed(
        &self,
        conversation: &ConversationId,
        key: Option<&str>,
        lang_hint: Option<&str>,
        input: Input,
    ) -> Result<Keyed, EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        again_on_conflict(|| {
            self.handle_turn(conversation, key, lang_hint, input.clone(), Turn::Plain)
        })
        .await
    }

    /// Handles inbox input `key` as [`Self::handle_keyed`] does and, in the transaction that
    /// stores the state, queues its reply in the outbox (claimed until `claim_until` for this
    /// process, when given and nothing of the conversation waits before it) and marks the
    /// input done: one commit for what took two. [`Keyed::answered`] says whether that
    /// happened; when it did not (a repeated key, a farewell), the channel answers the input
    /// itself.
    pub async fn handle_answering(
        &self,
        conversation: &ConversationId,
        key: &str,
        lang_hint: Option<&str>,
        input: Input,
        claim_until: Option<DateTime<Utc>>,
    ) -> Result<Keyed, EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        again_on_conflict(|| {
            self.handle_turn(
                conversation,
                Some(key),
                lang_hint,
                input.clone(),
                Turn::Answering(claim_until),
            )
        })
        .await
    }

    /// Handles a keyed input of a channel that shows the conversation as a page (the web
    /// chat), as [`Self::handle_keyed`] does, and writes what the page shows of the turn into
    /// the transcript in the same transaction as the state: `said`, the citizen's words as the
    /// page shows them (typed text, a pressed option's label), and the reply. So the reply is
    /// delivered when this returns, without the inbox and the outbox between (one transaction
    /// instead of four), and exactly once: a repeated key writes nothing and returns the
    /// stored reply with `sent` set. `None` for a conversation that was never started
    /// (`known_only`: a token nobody was given), which is then not started either.
    pub async fn handle_shown(
        &self,
        conversation: &ConversationId,
        key: &str,
        lang_hint: Option<&str>,
        input: Input,
        said: Option<&str>,
        known_only: bool,
    ) -> Result<Option<Keyed>, EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        if known_only
            && self
                .store
                .conversations()
                .cached_conversation(conversation)
                .await?
                .is_none()
        {
            return Ok(None);
        }
        let keyed = again_on_conflict(|| {
            self.handle_turn(
                conversation,
                Some(key),
                lang_hint,
                input.clone(),
                Turn::Shown(said),
            )
        })
        .await?;
        if !keyed.shown.is_empty() {
            self.transcript.grew(conversation, &keyed.shown);
        }
        if !keyed.forgotten {
            return Ok(Some(keyed));
        }
        // The conversation is erased, its state with it: the farewell is the last row (the
        // rest of the transcript goes with the citizen's last traces), and the page closes
        // the transcript once it has shown it. Killed in between, the retention rules take
        // what is left.
        let farewell = self
            .transcript
            .farewell(conversation, &format!("reply:{key}"), &keyed.reply)
            .await?;
        self.store.privacy().forget_traces(conversation).await?;
        Ok(Some(Keyed {
            shown: vec![farewell],
            ..keyed
        }))
    }

    /// One turn, stored as `how` says.
    async fn handle_turn(
        &self,
        conversation: &ConversationId,
        key: Option<&str>,
        lang_hint: Option<&str>,
        input: Input,
        how: Turn<'_>,
    ) -> Result<Keyed, EngineError> {
        // One read of the conversation serves the repeat check and the step.
        let row = self
            .store
            .conversations()
            .cached_conversation(conversation)
            .await?;
        // The same input again (handled, then a crash before the channel recorded it): the
        // stored reply, no second transition. Its JSON is read only then.
        if let Some(key) = key
            && let Some(row) = &row
            && row.last_key.as_deref() == Some(key)
            && let Some(reply) = row
                .last_reply
                .as_deref()
                .and_then(|r| serde_json::from_str::<Reply>(r).ok())
        {
            return Ok(Keyed {
                reply,
                sent: row.reply_sent,
                forgotten: false,
                shown: Vec::new(),
                answered: None,
            });
        }
        let mut notices = Notices::default();
        let mut conv = match row {
            Some(row) => Self::from_row(row),
            None => self.first_contact(conversation, lang_hint, &mut notices),
        };
        let before = conv.state.clone();
        match how {
            Turn::Plain => {}
            Turn::Shown(said) => {
                conv.page = Some(Page {
                    said: said.map(|text| (conv.lang.unwrap_or(Lang::REFERENCE), text.to_owned())),
                    rows: Vec::new(),
                });
            }
            Turn::Answering(claim_until) => {
                conv.answering = Some(Answer {
                    claim_until,
                    stored: None,
                });
            }
        }
        // Counted once the step is stored: a step taken on a row another replica changed
        // meanwhile is taken again, and must not count twice.
        let heard = (conversation.channel(), conv.lang.map_or("none", Lang::code));
        // Too many inputs in a minute: a short explanation, and the input is not acted on.
        if !self.input_allowed(&mut conv) {
            notices.push(
                self.office
                    .i18n()
                    .text(conv.lang.unwrap_or(Lang::REFERENCE), "input-rate-limited"),
            );
            conv.key = key.map(str::to_owned);
            let reply = self.finish(&mut conv, notices).await?;
            self.office.metrics().message(heard.0, heard.1);
            self.office.metrics().input_limited(heard.0);
            return Ok(Keyed {
                reply,
                sent: conv.page.is_some(),
                forgotten: false,
                shown: conv.page.map(|p| p.rows).unwrap_or_default(),
                answered: conv.answering.and_then(|a| a.stored),
            });
        }
        let stepped = self.step(&mut conv, input, &mut notices).await;
        if stepped.is_err() {
            self.office.metrics().error();
        }
        stepped?;
        if let Some(hold) = before.hold()
            && conv.state.hold() != Some(hold)
            && conv.confirmed_hold.as_deref() != Some(hold)
        {
            self.ensure_current(&mut conv).await?;
            self.store
                .bookings()
                .release_hold(hold, self.office.now())
                .await?;
        }
        conv.key = key.map(str::to_owned);
        let reply = self.finish(&mut conv, notices).await?;
        self.office.metrics().message(heard.0, heard.1);
        Ok(Keyed {
            reply,
            sent: conv.page.is_some() && !conv.forgotten,
            forgotten: conv.forgotten,
            shown: conv.page.map(|p| p.rows).unwrap_or_default(),
            answered: conv.answering.and_then(|a| a.stored),
        })
    }

    /// After a call: asks the citizen for a rating (and then an optional comment), whatever
    /// step they were at.
    pub(crate) async fn ask_feedback(
        &self,
        conversation: &ConversationId,
        entry: &str,
    ) -> Result<(), EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        again_on_conflict(|| self.ask_feedback_once(conversation, entry)).await
    }

    async fn ask_feedback_once(
        &self,
        conversation: &ConversationId,
        entry: &str,
    ) -> Result<(), EngineError> {
        let Some(mut conv) = self.load(conversation).await? else {
            return Ok(());
        };
        conv.state = State::Feedback {
            entry: entry.to_owned(),
        };
        let reply = self.finish(&mut conv, Notices::default()).await?;
        let body = (crate::message::Message {
            text: reply.text,
            options: reply.options,
            link: None,
            payment: None,
            attachment: None,
        })
        .to_json();
        self.store
            .outbox()
            .notify_once(
                conversation,
                &format!("feedback:{entry}"),
                NoticeKind::Feedback,
                &body,
                self.office.now(),
            )
            .await?;
        Ok(())
    }

    /// The lock that serializes the inputs of one conversation within this process.
    fn turn(&self, conversation: &ConversationId) -> Arc<tokio::sync::Mutex<()>> {
        let mut turns = self.turns.lock().unwrap_or_else(|e| e.into_inner());
        turns.retain(|_, lock| Arc::strong_count(lock) > 1);
        turns.entry(conversation.to_owned()).or_default().clone()
    }

    fn first_contact(
        &self,
        id: &ConversationId,
        lang_hint: Option<&str>,
        notices: &mut Notices,
    ) -> Conversation {
        let lang = lang_hint.and_then(Lang::from_tag);
        let state = match lang {
            Some(lang) => {
                notices.push(self.office.i18n().text(lang, "welcome"));
                notices.push(self.privacy_line(lang));
                State::Menu
            }
            None => State::PickLanguage { back: None },
        };
        Conversation {
            id: id.to_owned(),
            lang,
            state,
            offered: Vec::new(),
            key: None,
            forgotten: false,
            version: None,
            page: None,
            answering: None,
            input_tat: 0,
            current: false,
            confirmed_hold: None,
        }
    }

    /// A step that changes more than the conversation (the queue, a booking, a payment, a
    /// file) is taken only on the stored conversation. The copy this process cached may be
    /// out of date when replicas share the inputs (webhooks behind a load balancer), and what
    /// such a step did would stay when its write of the conversation then fails. Checked once
    /// a step; a conversation moved on elsewhere is a conflict, and the step is taken again on
    /// the stored row. Found by `cargo bench --bench scale_out` with three replicas: a "4"
    /// meant for the checklist was read on a copy still at the menu, where it is "talk to a
    /// clerk now", and put the citizen in the waiting room.
    async fn ensure_current(&self, conv: &mut Conversation) -> Result<(), EngineError> {
        if conv.current {
            return Ok(());
        }
        if !self
            .store
            .conversations()
            .is_current(&conv.id, conv.version)
            .await?
        {
            return Err(EngineError::Store(StoreError::Conflict(
                conv.id.to_string(),
            )));
        }
        conv.current = true;
        Ok(())
    }

    async fn load(&self, id: &ConversationId) -> Result<Option<Conversation>, EngineError> {
        Ok(self
            .store
            .conversations()
            .cached_conversation(id)
            .await?
            .map(Self::from_row))
    }

    fn from_row(row: ConversationRow) -> Conversation {
        let lang = row.lang.as_deref().and_then(Lang::from_tag);
        let state = serde_json::from_str(&row.state).unwrap_or_else(|e| {
            tracing::warn!(target: "dialogue", error = %e, "unreadable conversation state, back to the menu");
            State::Menu
        });
        let state = match (lang, state) {
            (None, _) => State::PickLanguage { back: None },
            (_, state) => state,
        };
        let offered = serde_json::from_str(&row.offered).unwrap_or_default();
        Conversation {
            id: row.id,
            lang,
            state,
            offered,
            key: None,
            forgotten: false,
            version: row.version,
            page: None,
            answering: None,
            input_tat: row.input_tat,
            current: false,
            confirmed_hold: None,
        }
    }

    /// Renders the current step under the notices, stores the conversation, builds the reply.
    async fn finish(
        &self,
        conv: &mut Conversation,
        notices: Notices,
    ) -> Result<Reply, EngineError> {
        let screen = self.screen(conv).await?;
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let mut parts = notices.0;
        parts.push(screen.text);
        let text = parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        // The language picker speaks every language at once and keeps its natural directions.
        let (text, options) = if matches!(conv.state, State::PickLanguage { .. }) {
            (text, screen.options)
        } else {
            directed(lang, text, screen.options)
        };
        conv.offered = options.clone();
        let reply = Reply {
            lang,
            text,
            options,
        };
        if conv.forgotten {
            return Ok(reply);
        }
        let row = ConversationRow {
            id: conv.id.clone(),
            lang: conv.lang.map(|l| l.code().to_owned()),
            state: serde_json::to_string(&conv.state).expect("states serialize"),
            offered: serde_json::to_string(&conv.offered).expect("choices serialize"),
            last_key: conv.key.clone(),
            last_reply: conv
                .key
                .as_ref()
                .map(|_| serde_json::to_string(&reply).expect("replies serialize")),
            // A page's turn is shown with the state, an inbox input's reply queued with it
            // (below).
            reply_sent: (conv.page.is_some() || conv.answering.is_some()) && conv.key.is_some(),
            version: conv.version,
            input_tat: conv.input_tat,
        };
        let conversations = self.store.conversations();
        let now = self.office.now();
        conv.version = Some(match (conv.page.as_mut(), conv.key.as_deref()) {
            (Some(page), Some(key)) => {
                let said = page
                    .said
                    .as_ref()
                    .map(|(lang, text)| (*lang, text.as_str()));
                let rows = crate::transcript::turn_rows(key, said, &reply);
                let (version, seqs) = conversations
                    .save_conversation_shown(
                        &row,
                        now,
                        &rows
                            .iter()
                            .map(|r| r.to_write(&conv.id))
                            .collect::<Vec<_>>(),
                    )
                    .await?;
                page.rows = rows
                    .iter()
                    .zip(seqs)
                    .map(|(row, seq)| row.shown(seq, now))
                    .collect();
                version
            }
            (None, Some(key)) if conv.answering.is_some() => {
                let answer = conv.answering.as_mut().expect("checked");
                let body = crate::message::Message {
                    text: reply.text.clone(),
                    options: reply.options.clone(),
                    ..crate::message::Message::default()
                }
                .to_json();
                let answering = Answering {
                    input: key,
                    kind: NoticeKind::Reply.as_str(),
                    body: &body,
                    claim_until: answer.claim_until,
                };
                let (version, claimed) = conversations
                    .save_conversation_answering(&row, now, answering)
                    .await?;
                answer.stored = Some(claimed);
                version
            }
            _ => conversations.save_conversation(&row, now).await?,
        });
        Ok(reply)
    }

    /// Turns typed text into the input it stands for, or answers it with a hint.
    async fn step(
        &self,
        conv: &mut Conversation,
        input: Input,
        notices: &mut Notices,
    ) -> Result<(), EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let text = match input {
            Input::Choice(id) => {
                // Check-in and waiting-room buttons also come with notifications, outside the
                // current step; they are checked against the database instead.
                let global = Action::parse(&id).is_some_and(|a| a.is_global());
                if global || conv.offered.iter().any(|c| c.id == id) {
                    return self.choose(conv, &id, notices).await;
                }
                notices.push(self.office.i18n().text(lang, "option-expired"));
                return Ok(());
            }
            Input::Text(text) => matching::clean_input(&text).into_owned(),
            Input::Document(received) => {
                self.ensure_current(conv).await?;
                return self.document_received(conv, received, notices).await;
            }
            // A file no channel fetched (a page that cannot send files yet).
            Input::Media | Input::File { .. } => {
                notices.push(self.office.i18n().text(lang, "input-media"));
                notices.push(self.office.i18n().text(lang, "input-hint"));
                return Ok(());
            }
            Input::Edited => {
                notices.push(self.office.i18n().text(lang, "input-edited"));
                return Ok(());
            }
            Input::Undecryptable => {
                notices.push(self.office.i18n().text(lang, "input-undecryptable"));
                return Ok(());
            }
        };
        if text.chars().count() > MAX_INPUT_CHARS {
            notices.push(self.office.i18n().msg(
                lang,
                "input-too-long",
                &crate::fargs!["max" => MAX_INPUT_CHARS],
            ));
            return Ok(());
        }
        let text = text.trim();
        if text.is_empty() {
            notices.push(self.office.i18n().text(lang, "input-empty"));
            notices.push(self.office.i18n().text(lang, "input-hint"));
            return Ok(());
        }
        // Normalized once for every comparison below.
        let words = matching::Text::new(text);
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || words.is_empty()
        {
            notices.push(self.office.i18n().text(lang, "input-unreadable"));
            notices.push(self.office.i18n().text(lang, "input-hint"));
            return Ok(());
        }
        if let Some(command) = self.command(conv, text, &words) {
            return self.run_command(conv, command, notices).await;
        }
        if text.starts_with('/') {
            notices.push(self.office.i18n().text(lang, "command-unknown"));
            return Ok(());
        }
        if let Ok(n) = text.trim_end_matches(['.', ')']).parse::<usize>()
            && let Some(choice) = n.checked_sub(1).and_then(|i| conv.offered.get(i))
        {
            let id = choice.id.clone();
            return self.choose(conv, &id, notices).await;
        }
        let by_label = conv
            .offered
            .iter()
            .find(|c| matching::same_words(text, &c.label))
            .map(|c| c.id.clone());
        if let Some(id) = by_label {
            return self.choose(conv, &id, notices).await;
        }
        self.free_text(conv, text, &words, notices).await
    }
}

/// Runs `attempt` again (three tries in all) when another process changed the conversation
/// since this one cached it (it led the channel before, wrote the feedback question after a
/// call at the desk, or the purge deleted the row): the step is then taken on the stored row.
/// What a failed try did outside the conversation stays as after a crash between a step and
/// its save (a hold runs out at its deadline).
async fn again_on_conflict<T, F, Fut>(mut attempt: F) -> Result<T, EngineError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, EngineError>>,
{
    let mut tries = 0;
    loop {
        tries += 1;
        match attempt().await {
            Err(EngineError::Store(StoreError::Conflict(_))) if tries < 3 => {
                tracing::info!(target: "dialogue", "conversation changed elsewhere, step taken again");
            }
            other => return other,
        }
    }
}
