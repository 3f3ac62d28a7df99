//! Failures of Bot API calls, in the forms Telegram and its nginx front end really answer
//! with. A call that fails is not carried out: nothing is sent to the chat, so a bot that
//! retries can be seen to deliver each message once.
//!
//! Injected faults ([`Emulator::inject`]) wait in one queue and are served in the order they
//! were injected, before the faults of the older helpers (`fail_next_sends`, `block`,
//! `throttle_next`), whose behaviour is unchanged.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::params::int;
use super::{Emulator, Event, error};

/// How long a [`TgFault::NoResponse`] call is held at most.
const NO_RESPONSE_HOLD: Duration = Duration::from_secs(120);

/// A way a Bot API call can fail, as Telegram and its front end really answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TgFault {
    /// Telegram's JSON error body with this HTTP status:
    /// `{"ok":false,"error_code":status,"description":description}` (e.g. 502 "Bad Gateway",
    /// 500 "Internal Server Error", 504 "Gateway Timeout", 429 "Too Many Requests: retry after 2"
    /// without `parameters`, 400 "Bad Request: some new reason", 403 "Forbidden: ...").
    Json { status: u16, description: String },
    /// The HTML page of Telegram's nginx front end with this status (502, 503, 504 …),
    /// content-type text/html.
    Html(u16),
    /// 429 with `parameters.retry_after` (seconds), as Telegram's flood control answers:
    /// `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after N","parameters":{"retry_after":N}}`.
    RetryAfter(u32),
    /// A 200 status line and headers (with a Content-Length for the full body) go out, then the
    /// connection is closed before the body is complete. Nothing is sent to the chat.
    CutAfterHeaders,
    /// No answer at all: the request is held open until the client gives up (or for at most
    /// 120 s, after which nginx's 504 page comes). Nothing is sent to the chat.
    NoResponse,
}

impl TgFault {
    /// Telegram's JSON error with this status and description, e.g.
    /// `TgFault::json(502, "Bad Gateway")`.
    pub fn json(status: u16, description: impl Into<String>) -> Self {
        Self::Json {
            status,
            description: description.into(),
        }
    }

    /// 400 "Bad Request: `reason`", as the Bot API refuses a call it cannot carry out.
    pub fn bad_request(reason: &str) -> Self {
        Self::json(400, format!("Bad Request: {reason}"))
    }

    /// 403 "Forbidden: `reason`", e.g. "bot was kicked from the group chat".
    pub fn forbidden(reason: &str) -> Self {
        Self::json(403, format!("Forbidden: {reason}"))
    }

    /// The HTTP status this fault answers with, if it has one of its own.
    fn status(&self) -> Option<u16> {
        match self {
            Self::Json { status, .. } | Self::Html(status) => Some(*status),
            Self::RetryAfter(_) | Self::CutAfterHeaders | Self::NoResponse => None,
        }
    }

    /// The answer to a call this fault hit; for `NoResponse`, after holding the call.
    pub(super) async fn answer(self) -> Response {
        match self {
            Self::Json {
                status,
                description,
            } => error(status, &description),
            Self::Html(status) => nginx_page(status),
            Self::RetryAfter(secs) => retry_after(secs),
            Self::CutAfterHeaders => cut_after_headers(),
            Self::NoResponse => {
                // Nothing of the emulator is held here: other calls go on meanwhile, and the
                // client giving up drops this future with its connection.
                tokio::time::sleep(NO_RESPONSE_HOLD).await;
                nginx_page(504)
            }
        }
    }
}

/// The page nginx (Telegram's front end) shows for an error status, byte for byte.
fn nginx_page(status: u16) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    // nginx's own wording, where it differs from the standard reason phrase.
    let reason = match code.as_u16() {
        413 => "Request Entity Too Large",
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => code.canonical_reason().unwrap_or("Error"),
    };
    let title = format!("{} {reason}", code.as_u16());
    let page = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n\
         <center><h1>{title}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n\
         </body>\r\n</html>\r\n"
    );
    (code, [(header::CONTENT_TYPE, "text/html")], page).into_response()
}

/// Flood control's answer.
fn retry_after(secs: u32) -> Response {
    let body = json!({"ok": false, "error_code": 429,
        "description": format!("Too Many Requests: retry after {secs}"),
        "parameters": {"retry_after": secs}});
    (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response()
}

/// How much of the body goes out before the cut: more than hyper buffers (about 408 KiB), so
/// that it must write the headers and this much before it notices that the body ends early.
const CUT_AFTER: usize = 512 * 1024;

/// A 200 whose body stops short of its Content-Length.
fn cut_after_headers() -> Response {
    // The beginning of an ordinary answer whose text is long enough, and the end the client
    // never gets.
    let mut first = String::from(
        r#"{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":0,"type":"private"},"text":""#,
    );
    first.extend(std::iter::repeat_n('-', CUT_AFTER));
    let whole = first.len() + r#""}}"#.len();
    // A streamed body has no length of its own, so hyper keeps to the Content-Length header
    // and closes the connection when the stream ends short of it. It polls the stream again
    // while its write buffer has room: a short first part would still be in the buffer with
    // the headers when the early end is found, and go down unsent (no answer at all). A part
    // larger than the buffer is written out first.
    let mut response = Response::new(Body::from_stream(Body::from(first).into_data_stream()));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(whole));
    response
}

/// Faults waiting to be served, the settings of the older helpers, and what was served.
#[derive(Default)]
pub(super) struct Faults {
    /// Injected faults, oldest first.
    queue: Vec<Injected>,
    /// Calls answered with an injected fault.
    served: u32,
    /// Users who blocked the bot, and the calls refused for each chat.
    blocked: HashSet<i64>,
    refused: HashMap<i64, usize>,
    /// The next this many sendMessage calls get a 502 from the front end.
    fail_sends: u32,
    bad_gateways: u32,
    /// The next this many sendMessage calls get a 429.
    throttle_next: u32,
    /// The `retry_after` (seconds) those 429s ask for; 0 means 1.
    throttle_secs: u32,
    throttled_at: Vec<Instant>,
}

/// Faults injected with one call of [`Emulator::inject`] or [`Emulator::inject_for_chat`].
struct Injected {
    /// The method in lower case; `*` for every method but getUpdates.
    method: String,
    /// Only calls to this chat, if set.
    chat_id: Option<i64>,
    fault: TgFault,
    /// How many calls it still hits (above 0).
    left: u32,
}

impl Injected {
    fn hits(&self, method: &str, chat_id: Option<i64>) -> bool {
        let method_hits = match self.method.as_str() {
            "*" => method != "getupdates",
            m => m == method,
        };
        method_hits && self.chat_id.is_none_or(|c| chat_id == Some(c))
    }
}

impl Faults {
    /// The oldest injected fault that hits this call, used up by one.
    fn take(&mut self, method: &str, chat_id: Option<i64>) -> Option<TgFault> {
        let i = self.queue.iter().position(|f| f.hits(method, chat_id))?;
        let injected = &mut self.queue[i];
        injected.left -= 1;
        let fault = injected.fault.clone();
        if injected.left == 0 {
            self.queue.remove(i);
        }
        self.served += 1;
        Some(fault)
    }

    /// The answer of the older helpers: the front end's 502 first, then a chat that blocked
    /// the bot.
    fn refuse(&mut self, method: &str, chat_id: Option<i64>) -> Option<Response> {
        if method == "sendmessage" && self.fail_sends > 0 {
            self.fail_sends -= 1;
            self.bad_gateways += 1;
            return Some(nginx_page(502));
        }
        let chat_id = chat_id?;
        if !self.blocked.contains(&chat_id) {
            return None;
        }
        *self.refused.entry(chat_id).or_default() += 1;
        Some(error(403, "Forbidden: bot was blocked by the user"))
    }

    /// Flood control for a sendMessage to a known chat, while [`Emulator::throttle_next`]
    /// asks for it.
    pub(super) fn throttle(&mut self) -> Option<Response> {
        if self.throttle_next == 0 {
            return None;
        }
        self.throttle_next -= 1;
        self.throttled_at.push(Instant::now());
        Some(retry_after(self.throttle_secs.max(1)))
    }
}

impl Emulator {
    /// The next `n` calls of `method` (case-insensitive: "sendMessage", "SendMessage"; "*" for
    /// any method except getUpdates) answer with `fault` instead of being carried out.
    pub fn inject(&self, method: &str, fault: TgFault, n: u32) {
        self.enqueue(None, method, fault, n);
    }

    /// Like `inject`, but only for calls to this chat (`chat_id` parameter).
    pub fn inject_for_chat(&self, chat_id: i64, method: &str, fault: TgFault, n: u32) {
        self.enqueue(Some(chat_id), method, fault, n);
    }

    /// How many calls were answered with an injected fault so far, in all.
    pub fn injected(&self) -> u32 {
        self.lock().faults.served
    }

    /// The faults still waiting to be served (0 when all injected faults were used).
    pub fn faults_left(&self) -> u32 {
        self.lock().faults.queue.iter().map(|f| f.left).sum()
    }

    fn enqueue(&self, chat_id: Option<i64>, method: &str, fault: TgFault, n: u32) {
        if let Some(status) = fault.status() {
            assert!(
                StatusCode::from_u16(status).is_ok(),
                "{status} is no HTTP status ({fault:?})"
            );
        }
        if n == 0 {
            return;
        }
        self.lock().faults.queue.push(Injected {
            method: method.to_ascii_lowercase(),
            chat_id,
            fault,
            left: n,
        });
    }

    /// The injected fault for this call, if one hits it; it is counted and recorded as a
    /// refusal.
    pub(super) fn take_fault(&self, method: &str, p: &Value) -> Option<TgFault> {
        let mut s = self.lock();
        let fault = s.faults.take(method, int(&p["chat_id"]))?;
        s.events
            .push(Event::Rejected(method.to_owned(), p.to_string()));
        Some(fault)
    }

    /// The refusal of the older fault helpers for this call, if any.
    pub(super) fn refusal(&self, method: &str, p: &Value) -> Option<Response> {
        self.lock().faults.refuse(method, int(&p["chat_id"]))
    }

    /// The next `n` sendMessage calls get "429 Too Many Requests, retry after 1".
    pub fn throttle_next(&self, n: u32) {
        self.throttle_next_for(n, 1);
    }

    /// The next `n` sendMessage calls get "429 Too Many Requests, retry after `secs`".
    pub fn throttle_next_for(&self, n: u32, secs: u32) {
        let mut s = self.lock();
        s.faults.throttle_next = n;
        s.faults.throttle_secs = secs;
    }

    pub fn throttled_at(&self) -> Vec<Instant> {
        self.lock().faults.throttled_at.clone()
    }

    /// The user blocks the bot: from now on every call that sends to or edits in their chat
    /// answers 403 "Forbidden: bot was blocked by the user".
    pub fn block(&self, user_id: i64) {
        self.lock().faults.blocked.insert(user_id);
    }

    /// The user unblocks the bot.
    pub fn unblock(&self, user_id: i64) {
        self.lock().faults.blocked.remove(&user_id);
    }

    /// How many calls for `chat_id` were refused because the user blocked the bot.
    pub fn refused_calls(&self, chat_id: i64) -> usize {
        self.lock()
            .faults
            .refused
            .get(&chat_id)
            .copied()
            .unwrap_or(0)
    }

    /// The next `n` sendMessage calls answer 502 Bad Gateway with nginx's HTML page, as
    /// Telegram's front end does; nothing is sent.
    pub fn fail_next_sends(&self, n: u32) {
        self.lock().faults.fail_sends = n;
    }

    /// How many calls got the 502 of [`Emulator::fail_next_sends`] so far (injected faults
    /// are counted by [`Emulator::injected`]).
    pub fn bad_gateways(&self) -> u32 {
        self.lock().faults.bad_gateways
    }
}

#[cfg(test)]
mod tests;
