//! A Telegram Bot API emulator for end-to-end tests. It speaks the Bot API's JSON schema
//! (`{"ok": …, "result": …}`, errors with `error_code` and `description`, 429 with
//! `parameters.retry_after`), accepts method names in any case, and rejects what Telegram
//! rejects: unknown chats, empty or over-long texts, malformed keyboards (callback data over
//! 64 bytes, buttons with no or two actions, bad URLs), edits that change nothing, unknown
//! callback query ids, `getUpdates` while a webhook is set. Tests drive fake users through it
//! and read what the bot sent.
//!
//! `getUpdates` holds the request up to its `timeout` (seconds, at most 50) while nothing is
//! pending and answers as soon as an update arrives; the largest `timeout` asked for is kept
//! ([`Emulator::max_poll_timeout`]).
//!
//! For latency figures the emulator keeps when each update was queued
//! ([`Emulator::pushed_at`]) and each bot message sent ([`Emulator::sent_at`]);
//! [`Emulator::next_message`] wakes on every message the bot sends, so waiting adds no delay.
//!
//! Faults, as Telegram produces them (see `faults.rs`):
//! - [`Emulator::inject`] (any chat) and [`Emulator::inject_for_chat`] (calls with that
//!   `chat_id`): the next calls of a method (in any case; `*` for every method but
//!   getUpdates) answer with a [`TgFault`] instead of being carried out, so nothing is sent.
//!   Faults are served in the order injected, before any other fault; each one served is
//!   counted ([`Emulator::injected`], [`Emulator::faults_left`]) and recorded as an
//!   [`Event::Rejected`]. The forms:
//!   - [`TgFault::Json`]: Telegram's error body `{"ok":false,"error_code":…,"description":…}`
//!     with that HTTP status: 500, 502, 504, a 429 without `parameters`, a 400 or 403 with
//!     a reason the bot has never seen.
//!   - [`TgFault::Html`]: the HTML error page of Telegram's nginx front end with that status
//!     (`text/html`, not JSON).
//!   - [`TgFault::RetryAfter`]: flood control's 429 with `parameters.retry_after`.
//!   - [`TgFault::CutAfterHeaders`]: status 200 and headers whose Content-Length announces
//!     the whole body, then most of the body (512 KiB, so that hyper flushes it), then the
//!     connection closes before the body is complete.
//!   - [`TgFault::NoResponse`]: no answer; the request is held until the client gives up
//!     (at most 120 s, then nginx's 504 page), without holding up other calls.
//! - [`Emulator::block`]: the user blocked the bot. Every call that sends to or edits in that
//!   chat (any method with that `chat_id`: sendMessage, editMessageText,
//!   editMessageReplyMarkup, sendDocument, …) answers 403 "Forbidden: bot was blocked by the
//!   user" and is counted ([`Emulator::refused_calls`]). The user's own updates still arrive,
//!   as if they blocked the bot right after writing.
//! - [`Emulator::fail_next_sends`]: the next sendMessage calls answer 502 with the HTML page of
//!   Telegram's nginx front end (not JSON); nothing is sent.
//! - [`Emulator::throttle_next`], [`Emulator::throttle_next_for`]: the next sendMessage calls
//!   to a known chat answer flood control's 429 with `parameters.retry_after`; nothing is sent
//!   ([`Emulator::throttled_at`]).
//! - [`Emulator::restart_update_ids`]: update ids start again lower, as Telegram does after a
//!   week without updates. Each run of ids is a *numbering*. An `offset` belongs to the newest
//!   numbering whose ids it follows (`start < offset <= last id + 1`; failing that, the
//!   numbering starting below it that got furthest). It confirms the updates of its numbering
//!   whose id is below it and every update of older numberings, never an update of a newer
//!   numbering: so a bot still sending the offset from before the restart keeps getting the
//!   new (lower) updates, and they stay pending until it confirms them with an offset of the
//!   new numbering ([`Emulator::pending_updates`]).
//!
//! Payments (<https://core.telegram.org/bots/api#payments>):
//! - `sendInvoice` validates like Telegram (required parameters, title 1-32 characters,
//!   description 1-255, payload 1-128 bytes, a three-letter currency, a non-empty
//!   `provider_token` unless the currency is `XTR`, `prices` a non-empty array of
//!   `LabeledPrice` with integer amounts above 0 — exactly one for `XTR` —, a custom keyboard
//!   must start with a `pay` button) and records a bot message carrying an [`Invoice`]
//!   (its `text` is empty; `editMessageText` on it is refused as Telegram does).
//! - [`Emulator::pre_checkout`] (or [`Emulator::pre_checkout_with`] for tampered values) makes
//!   the user press Pay: a `pre_checkout_query` update. `answerPreCheckoutQuery` must come
//!   within 10 s, once; an unknown, already answered or late query id is refused with
//!   Telegram's "query is too old" error. [`Emulator::wait_pre_checkout_answer`] gives the
//!   answer and how long the bot took.
//! - [`Emulator::pay`] delivers the `successful_payment` service message;
//!   [`Emulator::pay_again`] delivers the same payment (same charge ids) once more as a new
//!   update and message, to test that a payment is recorded only once.

mod faults;
mod files;
mod methods;
mod params;
mod payments;
mod updates;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::sync::Notify;

use faults::Faults;
pub use faults::TgFault;
use payments::PreCheckout;
use updates::{Numbering, Queued};

pub const TOKEN: &str = "123456789:TEST-schalter-token";

/// The secret `schalter serve` gives `setWebhook` for [`TOKEN`] and expects in
/// `X-Telegram-Bot-Api-Secret-Token` (hex of SHA-256 over `schalter-webhook:<token>`).
pub fn webhook_secret() -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(format!("schalter-webhook:{TOKEN}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
const BOT_ID: i64 = 123_456_789;

/// A fake Telegram user in a private chat with the bot.
#[derive(Debug, Clone)]
pub struct TgUser {
    pub id: i64,
    pub first_name: String,
    pub language_code: Option<String>,
}

impl TgUser {
    pub fn new(id: i64, name: &str, language_code: Option<&str>) -> Self {
        Self {
            id,
            first_name: name.to_owned(),
            language_code: language_code.map(str::to_owned),
        }
    }

    fn json(&self) -> Value {
        let mut v = json!({"id": self.id, "is_bot": false, "first_name": self.first_name});
        if let Some(l) = &self.language_code {
            v["language_code"] = json!(l);
        }
        v
    }
}

/// A message the bot sent, as it stands now (after edits).
#[derive(Debug, Clone)]
pub struct BotMessage {
    pub chat_id: i64,
    pub message_id: i64,
    pub text: String,
    pub reply_markup: Option<Value>,
    /// The message entities the bot sent with the text (or the caption), as JSON.
    pub entities: Vec<Value>,
    pub edits: u32,
    /// The invoice, for a message sent with `sendInvoice` (its `text` is empty then).
    pub invoice: Option<Invoice>,
    /// The file, for a message sent with `sendDocument` (its `text` is the caption then).
    pub document: Option<Document>,
}

/// A file the bot sent with `sendDocument`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub file_name: String,
    pub content: String,
}

/// An invoice the bot sent with `sendInvoice`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    pub title: String,
    pub description: String,
    pub currency: String,
    /// The sum of the prices, in the smallest units of the currency.
    pub total_amount: i64,
    /// The bot's own payload, never shown to the user.
    pub payload: String,
}

impl BotMessage {
    /// `(text covered, url)` of every `text_link` entity.
    pub fn text_links(&self) -> Vec<(String, String)> {
        let utf16: Vec<u16> = self.text.encode_utf16().collect();
        self.entities
            .iter()
            .filter(|e| e["type"] == "text_link")
            .filter_map(|e| {
                let offset = usize::try_from(e["offset"].as_u64()?).ok()?;
                let length = usize::try_from(e["length"].as_u64()?).ok()?;
                let span = String::from_utf16(utf16.get(offset..offset + length)?).ok()?;
                Some((span, e["url"].as_str()?.to_owned()))
            })
            .collect()
    }

    /// `(label, callback data)` of every callback button.
    pub fn buttons(&self) -> Vec<(String, String)> {
        self.keyboard()
            .filter_map(|b| {
                Some((
                    b["text"].as_str()?.to_owned(),
                    b["callback_data"].as_str()?.to_owned(),
                ))
            })
            .collect()
    }

    /// `(label, url)` of every URL button.
    pub fn url_buttons(&self) -> Vec<(String, String)> {
        self.keyboard()
            .filter_map(|b| {
                Some((
                    b["text"].as_str()?.to_owned(),
                    b["url"].as_str()?.to_owned(),
                ))
            })
            .collect()
    }

    fn keyboard(&self) -> impl Iterator<Item = &Value> {
        self.reply_markup
            .iter()
            .flat_map(|m| m["inline_keyboard"].as_array().into_iter().flatten())
            .flat_map(|row| row.as_array().into_iter().flatten())
    }

    /// The callback data of the first button whose data starts with `prefix`.
    pub fn data(&self, prefix: &str) -> String {
        self.buttons()
            .into_iter()
            .find(|(_, d)| d.starts_with(prefix))
            .unwrap_or_else(|| panic!("no button {prefix} in {self:#?}"))
            .1
    }
}

/// Everything the bot did, in order.
#[derive(Debug, Clone)]
pub enum Event {
    Sent(i64, i64),
    Edited(i64, i64),
    CallbackAnswered(String),
    Rejected(String, String),
}

#[derive(Default)]
struct Emu {
    next_update: i64,
    /// The runs of update ids; the last one is current.
    numberings: Vec<Numbering>,
    /// Updates not yet confirmed by an offset.
    queue: Vec<Queued>,
    /// Every update ever queued, by id (the newest numbering's, should ids repeat), to
    /// redeliver.
    all: HashMap<i64, Queued>,
    /// How often each update (numbering, id) was handed out by getUpdates.
    handed_out: HashMap<(usize, i64), u32>,
    /// The largest `timeout` a getUpdates call asked for.
    max_poll_timeout: Option<u64>,
    sent_at: HashMap<(i64, i64), std::time::Instant>,
    chats: HashMap<i64, Value>,
    next_message: HashMap<i64, i64>,
    messages: HashMap<(i64, i64), BotMessage>,
    callbacks: HashMap<String, bool>,
    events: Vec<Event>,
    webhook: Option<(String, String)>,
    commands: HashMap<String, Vec<Value>>,
    /// Injected faults and the older fault helpers' settings.
    faults: Faults,
    /// When each update was queued, by id (the newest numbering's, should ids repeat).
    pushed_at: HashMap<i64, std::time::Instant>,
    /// Pre-checkout queries by id.
    pre_checkouts: HashMap<String, PreCheckout>,
    /// Files users sent, by file id.
    files: HashMap<String, files::StoredFile>,
    /// Downloads still to break off halfway.
    broken_downloads: u32,
    /// Downloads by file path.
    downloads: HashMap<String, u32>,
}

#[derive(Clone)]
pub struct Emulator {
    state: Arc<Mutex<Emu>>,
    notify: Arc<Notify>,
    /// Woken whenever the bot sends a message.
    sent: Arc<Notify>,
    pub url: String,
}

fn ok(result: Value) -> Response {
    axum::Json(json!({"ok": true, "result": result})).into_response()
}

fn error(code: u16, description: &str) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        axum::Json(json!({"ok": false, "error_code": code, "description": description})),
    )
        .into_response()
}

fn now_secs() -> i64 {
    // The fake's own wall clock, as the real service has one; not the office's clock.
    #[allow(clippy::disallowed_methods)]
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Emulator {
    pub async fn start() -> Self {
        let emulator = Self {
            state: Arc::new(Mutex::new(Emu {
                next_update: 100_000,
                numberings: vec![Numbering {
                    start: 100_001,
                    last: 100_000,
                }],
                ..Default::default()
            })),
            notify: Arc::new(Notify::new()),
            sent: Arc::new(Notify::new()),
            url: String::new(),
        };
        let app = Router::new()
            .route("/{bot}/{method}", axum::routing::any(methods::api))
            .route("/file/{bot}/{*path}", axum::routing::get(files::download))
            .with_state(emulator.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind emulator");
        let addr: SocketAddr = listener.local_addr().expect("emulator address");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            url: format!("http://{addr}"),
            ..emulator
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Emu> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, kind: &str, payload: Value) -> i64 {
        let mut s = self.lock();
        s.next_update += 1;
        let id = s.next_update;
        let numbering = s.numberings.len() - 1;
        s.numberings[numbering].last = id;
        let queued = Queued {
            numbering,
            update: json!({"update_id": id, kind: payload}),
        };
        s.queue.push(queued.clone());
        s.all.insert(id, queued);
        s.pushed_at.insert(id, std::time::Instant::now());
        drop(s);
        self.notify.notify_waiters();
        id
    }

    fn private_chat(&self, user: &TgUser) -> Value {
        let chat = json!({"id": user.id, "type": "private", "first_name": user.first_name});
        self.lock().chats.insert(user.id, chat.clone());
        chat
    }

    fn user_message(&self, user: &TgUser, extra: Value) -> Value {
        let chat = self.private_chat(user);
        let mut s = self.lock();
        let counter = s.next_message.entry(user.id).or_insert(0);
        *counter += 1;
        let mut m =
            json!({"message_id": *counter, "from": user.json(), "chat": chat, "date": now_secs()});
        for (k, v) in extra.as_object().into_iter().flatten() {
            m[k] = v.clone();
        }
        m
    }

    /// The user presses `data` on `message`; the bot's next message that is not a file (a
    /// booking's calendar file follows its confirmation).
    pub async fn press_for_reply(
        &self,
        user: &TgUser,
        message: &BotMessage,
        data: &str,
    ) -> BotMessage {
        let before = self.last_id(user.id);
        self.press(user, message, data);
        self.wait_message(user.id, before, |m| m.document.is_none())
            .await
    }

    /// The user types `text`; the bot's next message that is not a file.
    pub async fn say_for_reply(&self, user: &TgUser, text: &str) -> BotMessage {
        let before = self.last_id(user.id);
        self.send_text(user, text);
        self.wait_message(user.id, before, |m| m.document.is_none())
            .await
    }

    /// The user types `text` (a `/command` gets its entity, as in Telegram). Returns the
    /// update id.
    pub fn send_text(&self, user: &TgUser, text: &str) -> i64 {
        let mut extra = json!({"text": text});
        if text.starts_with('/') {
            let len = text
                .split(' ')
                .next()
                .unwrap_or(text)
                .encode_utf16()
                .count();
            extra["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
        }
        let m = self.user_message(user, extra);
        self.push("message", m)
    }

    pub fn send_sticker(&self, user: &TgUser) -> i64 {
        let m = self.user_message(
            user,
            json!({"sticker": {"file_id": "CAAC-sticker", "file_unique_id": "AgAD", "type": "regular",
                    "width": 512, "height": 512, "is_animated": false, "is_video": false, "emoji": "👍"}}),
        );
        self.push("message", m)
    }

    pub fn send_photo(&self, user: &TgUser) -> i64 {
        let m = self.user_message(
            user,
            json!({"photo": [{"file_id": "AgAC-photo", "file_unique_id": "AQAD", "width": 90, "height": 90}]}),
        );
        self.push("message", m)
    }

    pub fn send_voice(&self, user: &TgUser) -> i64 {
        let m = self.user_message(
            user,
            json!({"voice": {"file_id": "AwAC-voice", "file_unique_id": "AgAD-v", "duration": 3}}),
        );
        self.push("message", m)
    }

    /// The user edits an earlier message.
    pub fn edit_text(&self, user: &TgUser, message_id: i64, text: &str) -> i64 {
        let chat = self.private_chat(user);
        let m = json!({"message_id": message_id, "from": user.json(), "chat": chat,
                       "date": now_secs() - 5, "edit_date": now_secs(), "text": text});
        self.push("edited_message", m)
    }

    /// Someone writes in a group the bot is in.
    pub fn send_in_group(&self, user: &TgUser, group_id: i64, text: &str) -> i64 {
        let chat = json!({"id": group_id, "type": "group", "title": "Nachbarschaft"});
        self.lock().chats.insert(group_id, chat.clone());
        let m = json!({"message_id": 1, "from": user.json(), "chat": chat, "date": now_secs(), "text": text});
        self.push("message", m)
    }

    /// The user presses a button of a bot message; the button must be on it.
    pub fn press(&self, user: &TgUser, message: &BotMessage, data: &str) -> i64 {
        assert!(
            message.buttons().iter().any(|(_, d)| d == data),
            "no button {data} on message {}",
            message.message_id
        );
        self.press_unchecked(user, message, data)
    }

    /// A callback query with any data, as a modified client could send.
    pub fn press_unchecked(&self, user: &TgUser, message: &BotMessage, data: &str) -> i64 {
        let chat = self.private_chat(user);
        let id = format!("cb{}", rand::random::<u64>());
        self.lock().callbacks.insert(id.clone(), false);
        let mut m = json!({"message_id": message.message_id, "from": {"id": BOT_ID, "is_bot": true,
            "first_name": "Schalter", "username": "schalter_bot"}, "chat": chat, "date": now_secs(),
            "text": message.text});
        if let Some(markup) = &message.reply_markup {
            m["reply_markup"] = markup.clone();
        }
        let q = json!({"id": id, "from": user.json(), "message": m,
                       "chat_instance": format!("ci{}", user.id), "data": data});
        self.push("callback_query", q)
    }

    /// The JSON of an update, e.g. to post it to a webhook.
    pub fn update_json(&self, id: i64) -> Value {
        self.lock()
            .all
            .get(&id)
            .map(|q| q.update.clone())
            .expect("known update")
    }

    /// How many messages the bot sent to all chats (edits not counted).
    pub fn sent_total(&self) -> usize {
        self.lock().messages.len()
    }

    /// How many messages the bot sent to a chat (edits not counted).
    pub fn sent_count(&self, chat_id: i64) -> usize {
        self.lock()
            .messages
            .values()
            .filter(|m| m.chat_id == chat_id)
            .count()
    }

    /// When the bot sent a message (its first version).
    pub fn sent_at(&self, chat_id: i64, message_id: i64) -> Option<std::time::Instant> {
        self.lock().sent_at.get(&(chat_id, message_id)).copied()
    }

    /// When an update was queued for the bot: the moment the user's message reached Telegram.
    pub fn pushed_at(&self, update_id: i64) -> Option<std::time::Instant> {
        self.lock().pushed_at.get(&update_id).copied()
    }

    /// The first message the bot sent to the chat with an id above `after`, waiting up to
    /// `timeout` for it (`None` then). Woken by every message the bot sends, so the waiting
    /// itself adds no delay (unlike [`Emulator::wait_message`], which polls).
    pub async fn next_message(
        &self,
        chat_id: i64,
        after: i64,
        timeout: Duration,
    ) -> Option<BotMessage> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Registered before looking, so that a message sent in between is not missed.
            let mut notified = std::pin::pin!(self.sent.notified());
            notified.as_mut().enable();
            {
                let s = self.lock();
                let last = s.next_message.get(&chat_id).copied().unwrap_or(0);
                if let Some(m) = (after + 1..=last).find_map(|id| s.messages.get(&(chat_id, id))) {
                    return Some(m.clone());
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }

    pub fn events(&self) -> Vec<Event> {
        self.lock().events.clone()
    }

    pub fn webhook(&self) -> Option<(String, String)> {
        self.lock().webhook.clone()
    }

    pub fn commands(&self, lang: &str) -> Vec<Value> {
        self.lock().commands.get(lang).cloned().unwrap_or_default()
    }

    /// Messages the bot sent to a chat, oldest first.
    pub fn messages(&self, chat_id: i64) -> Vec<BotMessage> {
        let s = self.lock();
        let mut v: Vec<BotMessage> = s
            .messages
            .values()
            .filter(|m| m.chat_id == chat_id)
            .cloned()
            .collect();
        v.sort_by_key(|m| m.message_id);
        v
    }

    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<BotMessage> {
        self.lock().messages.get(&(chat_id, message_id)).cloned()
    }

    /// Waits for a message to the chat, newer than `after`, that satisfies `pred`.
    pub async fn wait_message(
        &self,
        chat_id: i64,
        after: i64,
        pred: impl Fn(&BotMessage) -> bool,
    ) -> BotMessage {
        self.wait_message_within(chat_id, after, Duration::from_secs(30), pred)
            .await
    }

    /// The first bot message in the chat newer than `after` that satisfies `pred`, waiting at
    /// most `limit`.
    pub async fn wait_message_within(
        &self,
        chat_id: i64,
        after: i64,
        limit: Duration,
        pred: impl Fn(&BotMessage) -> bool,
    ) -> BotMessage {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if let Some(m) = self
                .messages(chat_id)
                .into_iter()
                .find(|m| m.message_id > after && pred(m))
            {
                return m;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no matching message in chat {chat_id} after {after}; have {:#?}",
                self.messages(chat_id)
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The next message to the chat after `after` containing `needle`.
    pub async fn wait_text(&self, chat_id: i64, after: i64, needle: &str) -> BotMessage {
        self.wait_message(chat_id, after, |m| m.text.contains(needle))
            .await
    }

    /// The id of the newest bot message in a chat (0 if none).
    pub fn last_id(&self, chat_id: i64) -> i64 {
        self.messages(chat_id).last().map_or(0, |m| m.message_id)
    }
}
