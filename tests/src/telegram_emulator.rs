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
//! Faults, as Telegram produces them:
//! - [`Emulator::block`]: the user blocked the bot. Every call that sends to or edits in that
//!   chat (any method with that `chat_id`: sendMessage, editMessageText,
//!   editMessageReplyMarkup, sendDocument, …) answers 403 "Forbidden: bot was blocked by the
//!   user" and is counted ([`Emulator::refused_calls`]). The user's own updates still arrive,
//!   as if they blocked the bot right after writing.
//! - [`Emulator::fail_next_sends`]: the next sendMessage calls answer 502 with the HTML page of
//!   Telegram's nginx front end (not JSON); nothing is sent.
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

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::sync::Notify;

pub const TOKEN: &str = "123456789:TEST-schalter-token";
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

/// How long Telegram waits for `answerPreCheckoutQuery`.
const PRE_CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);

/// A pre-checkout query sent to the bot and what became of it.
#[derive(Debug, Clone)]
struct PreCheckout {
    pushed: std::time::Instant,
    /// `(ok, error_message, time taken)` of the accepted answer.
    answer: Option<(bool, Option<String>, Duration)>,
    /// When an answer came after Telegram's timeout (and was refused).
    late: Option<Duration>,
}

/// Everything the bot did, in order.
#[derive(Debug, Clone)]
pub enum Event {
    Sent(i64, i64),
    Edited(i64, i64),
    CallbackAnswered(String),
    Rejected(String, String),
}

/// One run of update ids: the first id and the last id given to an update so far
/// (`start - 1` when none).
#[derive(Debug, Clone, Copy)]
struct Numbering {
    start: i64,
    last: i64,
}

/// An update and the numbering its id belongs to.
#[derive(Debug, Clone)]
struct Queued {
    numbering: usize,
    update: Value,
}

impl Queued {
    fn id(&self) -> i64 {
        self.update["update_id"].as_i64().unwrap_or(0)
    }
}

/// The numbering an `offset` refers to (see the module doc).
fn numbering_of(numberings: &[Numbering], offset: i64) -> Option<usize> {
    numberings
        .iter()
        .rposition(|n| n.start < offset && offset <= n.last + 1)
        .or_else(|| {
            numberings
                .iter()
                .enumerate()
                .filter(|(_, n)| n.start < offset)
                .max_by_key(|(i, n)| (n.last, *i))
                .map(|(i, _)| i)
        })
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
    /// Users who blocked the bot, and the calls refused for each chat.
    blocked: HashSet<i64>,
    refused: HashMap<i64, usize>,
    /// The next this many sendMessage calls get a 502 from the front end.
    fail_sends: u32,
    bad_gateways: u32,
    sent_at: HashMap<(i64, i64), std::time::Instant>,
    chats: HashMap<i64, Value>,
    next_message: HashMap<i64, i64>,
    messages: HashMap<(i64, i64), BotMessage>,
    callbacks: HashMap<String, bool>,
    events: Vec<Event>,
    webhook: Option<(String, String)>,
    commands: HashMap<String, Vec<Value>>,
    /// The next this many sendMessage calls get a 429.
    throttle_next: u32,
    /// The `retry_after` (seconds) those 429s ask for; 0 means 1.
    throttle_secs: u32,
    throttled_at: Vec<std::time::Instant>,
    /// When each update was queued, by id (the newest numbering's, should ids repeat).
    pushed_at: HashMap<i64, std::time::Instant>,
    /// Pre-checkout queries by id.
    pre_checkouts: HashMap<String, PreCheckout>,
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
            .route("/{bot}/{method}", axum::routing::any(api))
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

    /// Puts updates back in the queue, as Telegram does when it was not sure they arrived.
    pub fn redeliver(&self, ids: &[i64]) {
        let mut s = self.lock();
        for id in ids {
            if let Some(u) = s.all.get(id).cloned() {
                s.queue.push(u);
            }
        }
        s.queue.sort_by_key(|q| (q.numbering, q.id()));
        drop(s);
        self.notify.notify_waiters();
    }

    /// The next `n` sendMessage calls get "429 Too Many Requests, retry after 1".
    pub fn throttle_next(&self, n: u32) {
        self.throttle_next_for(n, 1);
    }

    /// The next `n` sendMessage calls get "429 Too Many Requests, retry after `secs`".
    pub fn throttle_next_for(&self, n: u32, secs: u32) {
        let mut s = self.lock();
        s.throttle_next = n;
        s.throttle_secs = secs;
    }

    pub fn throttled_at(&self) -> Vec<std::time::Instant> {
        self.lock().throttled_at.clone()
    }

    /// The user blocks the bot: from now on every call that sends to or edits in their chat
    /// answers 403 "Forbidden: bot was blocked by the user".
    pub fn block(&self, user_id: i64) {
        self.lock().blocked.insert(user_id);
    }

    /// The user unblocks the bot.
    pub fn unblock(&self, user_id: i64) {
        self.lock().blocked.remove(&user_id);
    }

    /// How many calls for `chat_id` were refused because the user blocked the bot.
    pub fn refused_calls(&self, chat_id: i64) -> usize {
        self.lock().refused.get(&chat_id).copied().unwrap_or(0)
    }

    /// The next `n` sendMessage calls answer 502 Bad Gateway with nginx's HTML page, as
    /// Telegram's front end does; nothing is sent.
    pub fn fail_next_sends(&self, n: u32) {
        self.lock().fail_sends = n;
    }

    /// How many calls got a 502 so far.
    pub fn bad_gateways(&self) -> u32 {
        self.lock().bad_gateways
    }

    /// The next update gets id `next` (lower than before), as Telegram does after a week
    /// without updates; see the module doc for how offsets relate to the new numbering.
    pub fn restart_update_ids(&self, next: i64) {
        let mut s = self.lock();
        s.next_update = next - 1;
        s.numberings.push(Numbering {
            start: next,
            last: next - 1,
        });
    }

    /// Updates not yet confirmed by an offset (as of the last getUpdates call).
    pub fn pending_updates(&self) -> usize {
        self.lock().queue.len()
    }

    /// How often getUpdates handed out the update with this id (of the newest numbering
    /// that used the id).
    pub fn handed_out(&self, update_id: i64) -> u32 {
        let s = self.lock();
        s.all
            .get(&update_id)
            .and_then(|q| s.handed_out.get(&(q.numbering, update_id)))
            .copied()
            .unwrap_or(0)
    }

    /// The largest `timeout` (seconds) the bot asked getUpdates for, if it polled at all.
    pub fn max_poll_timeout(&self) -> Option<u64> {
        self.lock().max_poll_timeout
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
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
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

    /// The user presses Pay on an invoice the bot sent: a `pre_checkout_query` update with
    /// the invoice's currency, total and payload. Returns the query id.
    pub fn pre_checkout(&self, user: &TgUser, invoice: &BotMessage) -> String {
        let i = invoice
            .invoice
            .as_ref()
            .unwrap_or_else(|| panic!("message {} is no invoice", invoice.message_id));
        self.pre_checkout_with(user, &i.currency, i.total_amount, &i.payload)
    }

    /// A `pre_checkout_query` with any values, e.g. a total or payload that no invoice had.
    /// Returns the query id.
    pub fn pre_checkout_with(
        &self,
        user: &TgUser,
        currency: &str,
        total_amount: i64,
        payload: &str,
    ) -> String {
        self.private_chat(user);
        let id = {
            let mut s = self.lock();
            // Telegram's ids are decimal numbers (an int64 as a string).
            let id = loop {
                let id = (rand::random::<u64>() >> 1).to_string();
                if !s.pre_checkouts.contains_key(&id) {
                    break id;
                }
            };
            s.pre_checkouts.insert(
                id.clone(),
                PreCheckout {
                    pushed: std::time::Instant::now(),
                    answer: None,
                    late: None,
                },
            );
            id
        };
        let q = json!({"id": id, "from": user.json(), "currency": currency,
                       "total_amount": total_amount, "invoice_payload": payload});
        self.push("pre_checkout_query", q);
        id
    }

    /// The bot's answer to a pre-checkout query, if it gave one in time: `(ok, error_message,
    /// time from the query to the answer)`.
    pub fn pre_checkout_answer(&self, id: &str) -> Option<(bool, Option<String>, Duration)> {
        self.lock()
            .pre_checkouts
            .get(id)
            .and_then(|q| q.answer.clone())
    }

    /// Waits for the bot's answer to a pre-checkout query. Panics after 15 s, or as soon as
    /// the bot answers after Telegram's 10 s (Telegram refuses such an answer).
    pub async fn wait_pre_checkout_answer(&self, id: &str) -> (bool, Option<String>, Duration) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let q = self
                .lock()
                .pre_checkouts
                .get(id)
                .cloned()
                .unwrap_or_else(|| panic!("unknown pre-checkout query {id}"));
            if let Some(answer) = q.answer {
                return answer;
            }
            if let Some(after) = q.late {
                panic!(
                    "pre-checkout query {id} answered after {after:?}; Telegram allows \
                     {PRE_CHECKOUT_TIMEOUT:?} and refused the answer"
                );
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no answer to pre-checkout query {id} within 15 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The user pays an invoice: a `successful_payment` service message from the user in
    /// their private chat, with fresh charge ids. Call it after the bot accepted the
    /// pre-checkout query (not enforced). Returns the update id.
    pub fn pay(&self, user: &TgUser, invoice: &BotMessage) -> i64 {
        let i = invoice
            .invoice
            .as_ref()
            .unwrap_or_else(|| panic!("message {} is no invoice", invoice.message_id));
        let payment = json!({
            "currency": i.currency,
            "total_amount": i.total_amount,
            "invoice_payload": i.payload,
            "telegram_payment_charge_id": format!("tg_{:016x}", rand::random::<u64>()),
            "provider_payment_charge_id": format!("prov_{:016x}", rand::random::<u64>()),
        });
        let m = self.user_message(user, json!({"successful_payment": payment}));
        self.push("message", m)
    }

    /// The payment of update `update_id` (from [`Emulator::pay`]) arrives once more, as a new
    /// update with a new message id but the same `successful_payment` (same charge ids).
    /// Returns the new update id.
    pub fn pay_again(&self, user: &TgUser, update_id: i64) -> i64 {
        let payment = self.update_json(update_id)["message"]["successful_payment"].clone();
        assert!(
            payment.is_object(),
            "update {update_id} carries no successful_payment"
        );
        let m = self.user_message(user, json!({"successful_payment": payment}));
        self.push("message", m)
    }
}

/// Parameters from a JSON body, a form body or the query string.
fn params(headers: &HeaderMap, body: &Bytes, query: Option<&str>) -> Result<Value, Box<Response>> {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if body.is_empty() {
        let mut v = json!({});
        for (k, val) in query
            .unwrap_or_default()
            .split('&')
            .filter_map(|p| p.split_once('='))
        {
            v[k] = json!(val);
        }
        return Ok(v);
    }
    if content_type.starts_with("application/json") {
        return serde_json::from_slice(body)
            .map_err(|_| Box::new(error(400, "Bad Request: can't parse JSON")));
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let mut v = json!({});
        for (k, val) in String::from_utf8_lossy(body)
            .split('&')
            .filter_map(|p| p.split_once('='))
        {
            v[k] = json!(val);
        }
        return Ok(v);
    }
    if let Some(boundary) = content_type
        .strip_prefix("multipart/form-data")
        .and_then(|rest| rest.split("boundary=").nth(1))
    {
        return Ok(multipart(body, boundary.trim_matches('"')));
    }
    Err(Box::new(error(
        400,
        "Bad Request: unsupported content type",
    )))
}

/// The text fields of a multipart/form-data body (files are not needed here).
fn multipart(body: &[u8], boundary: &str) -> Value {
    let body = String::from_utf8_lossy(body);
    let mut v = json!({});
    for part in body.split(&format!("--{boundary}")) {
        let Some((headers, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let Some(name) = headers
            .split("name=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
        else {
            continue;
        };
        v[name] = json!(value.strip_suffix("\r\n").unwrap_or(value));
        if let Some(file_name) = headers
            .split("filename=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
        {
            v[format!("{name}__file_name")] = json!(file_name);
        }
    }
    v
}

/// Telegram sends nested objects as JSON strings in forms; accept both.
fn object(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        other => Some(other.clone()),
    }
}

fn int(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

fn validate_markup(markup: &Value) -> Result<(), &'static str> {
    let rows = markup["inline_keyboard"]
        .as_array()
        .ok_or("Bad Request: object expected as reply markup")?;
    for row in rows {
        for b in row.as_array().ok_or("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays")? {
            let text = b["text"].as_str().unwrap_or_default();
            if text.is_empty() {
                return Err("Bad Request: text buttons are unallowed in the inline keyboard");
            }
            let actions = ["callback_data", "url", "web_app", "login_url", "switch_inline_query",
                "switch_inline_query_current_chat", "callback_game", "pay", "copy_text"]
                .iter()
                .filter(|k| !b[**k].is_null())
                .count();
            if actions != 1 {
                return Err("Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used");
            }
            if let Some(data) = b["callback_data"].as_str()
                && (data.is_empty() || data.len() > 64)
            {
                return Err("Bad Request: BUTTON_DATA_INVALID");
            }
            if let Some(url) = b["url"].as_str()
                && !(url.starts_with("https://") || url.starts_with("http://") || url.starts_with("tg://"))
            {
                return Err("Bad Request: BUTTON_URL_INVALID");
            }
        }
    }
    Ok(())
}

fn message_json(m: &BotMessage, chat: &Value) -> Value {
    let mut v = json!({"message_id": m.message_id, "from": {"id": BOT_ID, "is_bot": true,
        "first_name": "Schalter", "username": "schalter_bot"}, "chat": chat, "date": now_secs()});
    match (&m.invoice, &m.document) {
        (Some(i), _) => {
            v["invoice"] = json!({"title": i.title, "description": i.description,
                "start_parameter": "", "currency": i.currency, "total_amount": i.total_amount});
        }
        (None, Some(d)) => {
            v["document"] = json!({"file_id": format!("doc-{}-{}", m.chat_id, m.message_id),
                "file_unique_id": format!("u{}{}", m.chat_id, m.message_id),
                "file_name": d.file_name, "mime_type": "application/json",
                "file_size": d.content.len()});
            if !m.text.is_empty() {
                v["caption"] = json!(m.text);
            }
        }
        (None, None) => v["text"] = json!(m.text),
    }
    if !m.entities.is_empty() {
        let key = if m.document.is_some() {
            "caption_entities"
        } else {
            "entities"
        };
        v[key] = Value::Array(m.entities.clone());
    }
    if let Some(k) = &m.reply_markup {
        v["reply_markup"] = k.clone();
    }
    if m.edits > 0 {
        v["edit_date"] = json!(now_secs());
    }
    v
}

async fn api(
    State(emu): State<Emulator>,
    Path((bot, method)): Path<(String, String)>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if bot != format!("bot{TOKEN}") {
        return error(401, "Unauthorized");
    }
    let p = match params(&headers, &body, uri.query()) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let method = method.to_ascii_lowercase();
    let result = match fault(&emu, &method, &p) {
        Some(r) => r,
        None => handle(&emu, &method, &p).await,
    };
    if let Some(description) = match &result {
        r if r.status() == StatusCode::OK => None,
        _ => Some(method.clone()),
    } {
        emu.lock()
            .events
            .push(Event::Rejected(description, p.to_string()));
    }
    result
}

/// The injected faults: the front end's 502 first, then a chat that blocked the bot.
fn fault(emu: &Emulator, method: &str, p: &Value) -> Option<Response> {
    let mut s = emu.lock();
    if method == "sendmessage" && s.fail_sends > 0 {
        s.fail_sends -= 1;
        s.bad_gateways += 1;
        return Some(bad_gateway());
    }
    let chat_id = int(&p["chat_id"])?;
    if !s.blocked.contains(&chat_id) {
        return None;
    }
    *s.refused.entry(chat_id).or_default() += 1;
    Some(error(403, "Forbidden: bot was blocked by the user"))
}

/// What Telegram's nginx answers when the Bot API behind it is unreachable.
fn bad_gateway() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(axum::http::header::CONTENT_TYPE, "text/html")],
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
         <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n\
         </body>\r\n</html>\r\n",
    )
        .into_response()
}

async fn handle(emu: &Emulator, method: &str, p: &Value) -> Response {
    match method {
        "getme" => ok(
            json!({"id": BOT_ID, "is_bot": true, "first_name": "Schalter",
            "username": "schalter_bot", "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": false, "can_connect_to_business": false, "has_main_web_app": false}),
        ),
        "getupdates" => {
            if emu.lock().webhook.is_some() {
                return error(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
                );
            }
            let offset = int(&p["offset"]).unwrap_or(0);
            let limit = int(&p["limit"]).unwrap_or(100).clamp(1, 100) as usize;
            let asked = int(&p["timeout"]).unwrap_or(0).max(0);
            let timeout = asked.min(50);
            {
                let mut s = emu.lock();
                let asked = u64::try_from(asked).unwrap_or(0);
                s.max_poll_timeout = Some(s.max_poll_timeout.map_or(asked, |m| m.max(asked)));
            }
            let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout as u64);
            loop {
                let notified = emu.notify.notified();
                {
                    let mut s = emu.lock();
                    // An offset confirms the updates before it in its numbering and every
                    // update of older numberings (see the module doc).
                    if let Some(of) = numbering_of(&s.numberings, offset) {
                        s.queue.retain(|q| {
                            q.numbering > of || (q.numbering == of && q.id() >= offset)
                        });
                    }
                    if !s.queue.is_empty() {
                        let batch: Vec<Queued> = s.queue.iter().take(limit).cloned().collect();
                        for q in &batch {
                            *s.handed_out.entry((q.numbering, q.id())).or_default() += 1;
                        }
                        return ok(Value::Array(batch.into_iter().map(|q| q.update).collect()));
                    }
                }
                if tokio::time::timeout_at(deadline, notified).await.is_err() {
                    return ok(json!([]));
                }
            }
        }
        "sendmessage" => {
            let Some(chat_id) = int(&p["chat_id"]) else {
                return error(400, "Bad Request: chat_id is empty");
            };
            let text = p["text"].as_str().unwrap_or_default().to_owned();
            let markup = object(&p["reply_markup"]);
            let mut s = emu.lock();
            if s.throttle_next > 0 {
                s.throttle_next -= 1;
                s.throttled_at.push(std::time::Instant::now());
                let secs = s.throttle_secs.max(1);
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    axum::Json(json!({"ok": false, "error_code": 429,
                    "description": format!("Too Many Requests: retry after {secs}"),
                    "parameters": {"retry_after": secs}})),
                )
                    .into_response();
            }
            let Some(chat) = s.chats.get(&chat_id).cloned() else {
                return error(400, "Bad Request: chat not found");
            };
            if text.trim().is_empty() {
                return error(400, "Bad Request: message text is empty");
            }
            if text.encode_utf16().count() > 4096 {
                return error(400, "Bad Request: message is too long");
            }
            let entities = match entities(&p["entities"], &text) {
                Ok(e) => e,
                Err(e) => return error(400, e),
            };
            if let Some(m) = &markup
                && let Err(e) = validate_markup(m)
            {
                return error(400, e);
            }
            let counter = s.next_message.entry(chat_id).or_insert(0);
            *counter += 1;
            let message = BotMessage {
                chat_id,
                message_id: *counter,
                text,
                reply_markup: markup,
                entities,
                edits: 0,
                invoice: None,
                document: None,
            };
            let json = message_json(&message, &chat);
            s.events.push(Event::Sent(chat_id, message.message_id));
            s.sent_at
                .insert((chat_id, message.message_id), std::time::Instant::now());
            s.messages.insert((chat_id, message.message_id), message);
            emu.sent.notify_waiters();
            ok(json)
        }
        "senddocument" => {
            let Some(chat_id) = int(&p["chat_id"]) else {
                return error(400, "Bad Request: chat_id is empty");
            };
            // The file comes inline, or as `attach://<part>` naming another part.
            let field = match p["document"].as_str() {
                Some(v) => v
                    .strip_prefix("attach://")
                    .map_or_else(|| "document".to_owned(), str::to_owned),
                None => return error(400, "Bad Request: there is no document in the request"),
            };
            let Some(content) = p[field.as_str()].as_str().map(str::to_owned) else {
                return error(400, "Bad Request: wrong file identifier/HTTP URL specified");
            };
            let file_name = p[format!("{field}__file_name").as_str()]
                .as_str()
                .unwrap_or("document")
                .to_owned();
            let caption = p["caption"].as_str().unwrap_or_default().to_owned();
            if caption.encode_utf16().count() > 1024 {
                return error(400, "Bad Request: message caption is too long");
            }
            let entities = match entities(&p["caption_entities"], &caption) {
                Ok(e) => e,
                Err(e) => return error(400, e),
            };
            let mut s = emu.lock();
            let Some(chat) = s.chats.get(&chat_id).cloned() else {
                return error(400, "Bad Request: chat not found");
            };
            let counter = s.next_message.entry(chat_id).or_insert(0);
            *counter += 1;
            let message = BotMessage {
                chat_id,
                message_id: *counter,
                text: caption,
                reply_markup: None,
                entities,
                edits: 0,
                invoice: None,
                document: Some(Document { file_name, content }),
            };
            let json = message_json(&message, &chat);
            s.events.push(Event::Sent(chat_id, message.message_id));
            s.sent_at
                .insert((chat_id, message.message_id), std::time::Instant::now());
            s.messages.insert((chat_id, message.message_id), message);
            emu.sent.notify_waiters();
            ok(json)
        }
        "editmessagetext" => {
            let (Some(chat_id), Some(message_id)) = (int(&p["chat_id"]), int(&p["message_id"]))
            else {
                return error(400, "Bad Request: message identifier is not specified");
            };
            let text = p["text"].as_str().unwrap_or_default().to_owned();
            let markup = object(&p["reply_markup"]);
            let mut s = emu.lock();
            let Some(chat) = s.chats.get(&chat_id).cloned() else {
                return error(400, "Bad Request: chat not found");
            };
            if text.trim().is_empty() {
                return error(400, "Bad Request: message text is empty");
            }
            if let Some(m) = &markup
                && let Err(e) = validate_markup(m)
            {
                return error(400, e);
            }
            let entities = match entities(&p["entities"], &text) {
                Ok(e) => e,
                Err(e) => return error(400, e),
            };
            let Some(existing) = s.messages.get_mut(&(chat_id, message_id)) else {
                return error(400, "Bad Request: message to edit not found");
            };
            if existing.invoice.is_some() {
                return error(400, "Bad Request: there is no text in the message to edit");
            }
            if existing.text == text && existing.reply_markup == markup {
                return error(
                    400,
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
                );
            }
            existing.text = text;
            existing.reply_markup = markup;
            existing.entities = entities;
            existing.edits += 1;
            let json = message_json(existing, &chat);
            s.events.push(Event::Edited(chat_id, message_id));
            ok(json)
        }
        "answercallbackquery" => {
            let id = p["callback_query_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let mut s = emu.lock();
            match s.callbacks.get_mut(&id) {
                Some(answered) if !*answered => {
                    *answered = true;
                    s.events.push(Event::CallbackAnswered(id));
                    ok(json!(true))
                }
                _ => error(
                    400,
                    "Bad Request: query is too old and response timeout expired or query ID is invalid",
                ),
            }
        }
        "sendinvoice" => send_invoice(emu, p),
        "answerprecheckoutquery" => answer_pre_checkout_query(emu, p),
        "setmycommands" => {
            let commands = object(&p["commands"]).unwrap_or(json!([]));
            for c in commands.as_array().into_iter().flatten() {
                let name = c["command"].as_str().unwrap_or_default();
                let desc = c["description"]
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .count();
                if name.is_empty()
                    || name.len() > 32
                    || !name
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
                {
                    return error(400, "Bad Request: BOT_COMMAND_INVALID");
                }
                if !(1..=256).contains(&desc) {
                    return error(400, "Bad Request: command description must be non-empty");
                }
            }
            let lang = p["language_code"].as_str().unwrap_or_default().to_owned();
            emu.lock()
                .commands
                .insert(lang, commands.as_array().cloned().unwrap_or_default());
            ok(json!(true))
        }
        "deletewebhook" => {
            emu.lock().webhook = None;
            ok(json!(true))
        }
        "setwebhook" => {
            let url = p["url"].as_str().unwrap_or_default().to_owned();
            if !url.starts_with("https://") {
                return error(
                    400,
                    "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
                );
            }
            let secret = p["secret_token"].as_str().unwrap_or_default().to_owned();
            if secret.len() > 256
                || !secret
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return error(
                    400,
                    "Bad Request: secret token contains unallowed characters",
                );
            }
            emu.lock().webhook = Some((url, secret));
            ok(json!(true))
        }
        "getwebhookinfo" => {
            let url = emu.lock().webhook.clone().map(|w| w.0).unwrap_or_default();
            ok(json!({"url": url, "has_custom_certificate": false, "pending_update_count": 0}))
        }
        _ => error(404, "Not Found"),
    }
}

/// A string parameter; `None` when missing or empty (Telegram treats both alike).
fn string_param(p: &Value, name: &str) -> Option<String> {
    match &p[name] {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn required(name: &str) -> Response {
    error(
        400,
        &format!("Bad Request: parameter \"{name}\" is required"),
    )
}

/// A boolean parameter as the Bot API reads it (JSON `true`, or "true"/"1" in forms).
fn flag(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64().is_some_and(|n| n != 0),
        Value::String(s) => s.eq_ignore_ascii_case("true") || s == "1",
        _ => false,
    }
}

/// The largest amount Telegram accepts in any currency.
const MAX_AMOUNT: i64 = 9_999_999_999_999;

/// The amounts of a `prices` parameter, checked as the Bot API server does.
fn labeled_prices(p: &Value) -> Result<Vec<i64>, Box<Response>> {
    let prices = match &p["prices"] {
        Value::Null => return Err(Box::new(required("prices"))),
        Value::String(s) if s.is_empty() => return Err(Box::new(required("prices"))),
        Value::String(s) => serde_json::from_str(s)
            .map_err(|_| Box::new(error(400, "Bad Request: can't parse prices JSON object")))?,
        other => other.clone(),
    };
    let Some(prices) = prices.as_array() else {
        return Err(Box::new(error(
            400,
            "Bad Request: expected an Array of labeled prices",
        )));
    };
    let bad = |why: &str| {
        Box::new(error(
            400,
            &format!("Bad Request: can't parse labeled price: {why}"),
        ))
    };
    let mut amounts = Vec::new();
    for price in prices {
        if !price.is_object() {
            return Err(bad("LabeledPrice must be an Object"));
        }
        match &price["label"] {
            Value::String(l) if !l.is_empty() => {}
            Value::String(_) | Value::Null => {
                return Err(bad("LabeledPrice label must be non-empty"));
            }
            _ => return Err(bad("Field \"label\" must be of type String")),
        }
        let amount = match &price["amount"] {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.parse().ok(),
            Value::Null => return Err(bad("Field \"amount\" must be non-empty")),
            _ => return Err(bad("Field \"amount\" must be of type Number or String")),
        };
        let Some(amount) = amount else {
            return Err(bad("Can't parse \"amount\" as Number"));
        };
        if !(-MAX_AMOUNT..=MAX_AMOUNT).contains(&amount) {
            return Err(Box::new(error(
                400,
                "Bad Request: too big amount of the currency specified",
            )));
        }
        amounts.push(amount);
    }
    if amounts.is_empty() {
        return Err(Box::new(error(
            400,
            "Bad Request: there must be at least one price",
        )));
    }
    Ok(amounts)
}

fn send_invoice(emu: &Emulator, p: &Value) -> Response {
    let Some(chat_id) = int(&p["chat_id"]) else {
        return error(400, "Bad Request: chat_id is empty");
    };
    let Some(title) = string_param(p, "title") else {
        return required("title");
    };
    let Some(description) = string_param(p, "description") else {
        return required("description");
    };
    let Some(payload) = string_param(p, "payload") else {
        return required("payload");
    };
    let provider_token = string_param(p, "provider_token").unwrap_or_default();
    let Some(currency) = string_param(p, "currency") else {
        return required("currency");
    };
    let amounts = match labeled_prices(p) {
        Ok(a) => a,
        Err(r) => return *r,
    };
    let markup = object(&p["reply_markup"]);
    if let Some(m) = &markup
        && let Err(e) = validate_markup(m)
    {
        return error(400, e);
    }
    let mut s = emu.lock();
    let Some(chat) = s.chats.get(&chat_id).cloned() else {
        return error(400, "Bad Request: chat not found");
    };
    if title.chars().count() > 32 {
        return error(400, "Bad Request: TITLE_INVALID");
    }
    if description.chars().count() > 255 {
        return error(400, "Bad Request: DESCRIPTION_INVALID");
    }
    if payload.len() > 128 {
        return error(400, "Bad Request: INVOICE_PAYLOAD_INVALID");
    }
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return error(400, "Bad Request: CURRENCY_INVALID");
    }
    let stars = currency == "XTR";
    if !stars && provider_token.is_empty() {
        return error(400, "Bad Request: PAYMENT_PROVIDER_INVALID");
    }
    if stars && amounts.len() != 1 {
        return error(400, "Bad Request: STARS_INVOICE_INVALID");
    }
    let total_amount: i64 = amounts.iter().sum();
    if total_amount <= 0 {
        return error(400, "Bad Request: total price must be positive");
    }
    if total_amount > MAX_AMOUNT {
        return error(400, "Bad Request: total price is too big");
    }
    if amounts.iter().any(|a| *a <= 0) {
        return error(400, "Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
    }
    // A custom keyboard of an invoice must start with the Pay button.
    if let Some(m) = &markup {
        let buttons = m["inline_keyboard"].as_array().into_iter().flatten();
        let first = buttons
            .flat_map(|r| r.as_array().into_iter().flatten())
            .next();
        if first.is_some_and(|b| !flag(&b["pay"])) {
            return error(400, "Bad Request: REPLY_MARKUP_BUY_EMPTY");
        }
    }
    let counter = s.next_message.entry(chat_id).or_insert(0);
    *counter += 1;
    let message = BotMessage {
        chat_id,
        message_id: *counter,
        text: String::new(),
        reply_markup: markup,
        entities: Vec::new(),
        edits: 0,
        invoice: Some(Invoice {
            title,
            description,
            currency,
            total_amount,
            payload,
        }),
        document: None,
    };
    let json = message_json(&message, &chat);
    s.events.push(Event::Sent(chat_id, message.message_id));
    s.sent_at
        .insert((chat_id, message.message_id), std::time::Instant::now());
    s.messages.insert((chat_id, message.message_id), message);
    emu.sent.notify_waiters();
    ok(json)
}

fn answer_pre_checkout_query(emu: &Emulator, p: &Value) -> Response {
    let id = string_param(p, "pre_checkout_query_id").unwrap_or_default();
    let accepted = flag(&p["ok"]);
    let error_message = string_param(p, "error_message");
    if !accepted && error_message.is_none() {
        return required("error_message");
    }
    let too_old = || {
        error(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        )
    };
    let mut s = emu.lock();
    let Some(q) = s.pre_checkouts.get_mut(&id) else {
        return too_old();
    };
    if q.answer.is_some() || q.late.is_some() {
        return too_old();
    }
    let took = q.pushed.elapsed();
    if took > PRE_CHECKOUT_TIMEOUT {
        q.late = Some(took);
        return too_old();
    }
    // Telegram shows the error message only when the bot refuses.
    let error_message = if accepted { None } else { error_message };
    q.answer = Some((accepted, error_message, took));
    ok(json!(true))
}

/// The `entities` (or `caption_entities`) parameter, as Telegram checks it: an array (or its
/// JSON text, in multipart requests) of entities inside the text, offsets in UTF-16 units;
/// a `text_link` needs an http(s) `url`.
fn entities(param: &Value, text: &str) -> Result<Vec<Value>, &'static str> {
    const BAD: &str = "Bad Request: can't parse entities";
    let list = match param {
        Value::Null => return Ok(Vec::new()),
        Value::String(s) => serde_json::from_str::<Value>(s).map_err(|_| BAD)?,
        other => other.clone(),
    };
    let Value::Array(list) = list else {
        return Err(BAD);
    };
    let len = text.encode_utf16().count() as u64;
    for e in &list {
        let (Some(kind), Some(offset), Some(length)) = (
            e["type"].as_str(),
            e["offset"].as_u64(),
            e["length"].as_u64(),
        ) else {
            return Err(BAD);
        };
        if length == 0 || offset + length > len {
            return Err(BAD);
        }
        if kind == "text_link"
            && !e["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            return Err(BAD);
        }
    }
    Ok(list)
}
