//! The web chat's HTTP side, under `/chat`:
//!
//! | route | what |
//! |---|---|
//! | `GET /chat/` | the start page, or the chat with its transcript (plain HTML) |
//! | `POST /chat/start` | starts a conversation: the token's cookie, the greeting |
//! | `POST /chat/` | an answer from the plain form (each answer a page) |
//! | `GET /chat/privacy` | the privacy notice |
//! | `GET /chat/file/{seq}` | a message's file (the calendar, `/mydata`) |
//! | `POST /chat/file`, `/chat/api/file` | a document for the checklist (multipart form) |
//! | `GET /chat/chat.js`, `chat.css`, `widget.js` | the script, the style, the widget |
//! | `GET /chat/api/view` | the start or the chat as a fragment, for the widget |
//! | `POST /chat/api/start`, `/chat/api/input`, `/chat/api/close` | the same as JSON |
//! | `GET /chat/api/events?after=N` | the transcript after `N`, then as it grows (SSE) |
//! | `POST /chat/mail`, `/chat/api/mail` | an e-mail address for reminders (form, JSON) |
//! | `GET`/`POST /chat/mail/confirm?k=…` | a mail's confirmation link (the POST confirms) |
//! | `GET`/`POST /chat/mail/stop?k=…` | a mail's stop link (also RFC 8058's one-click POST) |
//! | `GET`/`POST /chat/back?k=…` | a mail's link back into the chat (the POST opens it) |
//!
//! The event stream is Server-Sent Events rather than a WebSocket: the server only ever
//! talks, inputs are ordinary POSTs (each answered once by its client id), SSE passes every
//! proxy a city runs as plain HTTP, and its numbered events fit resuming from the last number
//! seen; a WebSocket would add a second protocol and its own reconnection for nothing.
//!
//! Every refusal is a short answer in the citizen's language (HTML in the page, `{"error"}`
//! in the API), never a blank page; nothing a citizen wrote, no token and no address is
//! logged.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::rejection::{FormRejection, JsonRejection, QueryRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use schalter_core::transcript::Entry;
use schalter_core::{ConversationId, Input, Lang, fargs};
use serde::Deserialize;
use serde_json::json;

use super::Web;
use super::page::{self, BASE, MAX_TEXT, Place};
use super::session::{self, From, Origins};

mod answers;
mod api;
mod assets;
mod events;
mod mail;
mod pages;
mod upload;

/// The largest request body taken (a message of [`MAX_TEXT`] characters fits many times).
const MAX_BODY: usize = 16 * 1024;

/// Transcript rows a page is rendered with (older ones are in the transcript still).
const RENDERED: i64 = 200;

/// Rows per event-stream read.
const STREAMED: i64 = 100;

/// Requests a client address may make a second, and at once.
const PER_ADDRESS: u32 = 10;

const PER_ADDRESS_BURST: u32 = 30;

/// What the routes share.
#[derive(Clone)]
pub struct WebChat {
    pub web: Web,
    pub origins: Arc<Origins>,
    /// Days the cookie lives: the idle conversations' retention.
    cookie_days: u32,
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    /// The `Content-Security-Policy` of every answer (made once: the origins are fixed).
    csp: HeaderValue,
}

impl WebChat {
    pub fn new(web: Web, origins: Origins) -> Self {
        let cookie_days = web
            .engine()
            .office()
            .catalog()
            .retention
            .idle_conversation_days;
        let quota = Quota::per_second(NonZeroU32::new(PER_ADDRESS).expect("not zero"))
            .allow_burst(NonZeroU32::new(PER_ADDRESS_BURST).expect("not zero"));
        Self {
            web,
            csp: csp(&origins),
            origins: Arc::new(origins),
            cookie_days,
            limiter: Arc::new(RateLimiter::keyed(quota)),
        }
    }

    fn i18n(&self) -> &schalter_core::I18n {
        self.web.engine().office().i18n()
    }
}

/// The chat's routes, with their headers and limits.
pub fn router(chat: WebChat) -> Router {
    let api = Router::new()
        .route("/view", get(api::view))
        .route("/start", post(api::start))
        .route(
            "/input",
            post(api::input).layer(axum::middleware::from_fn(drain_oversized)),
        )
        .route("/close", post(api::close))
        .route("/mail", post(mail::api_offer))
        .route("/events", get(events::events))
        .route(
            "/file",
            post(upload::api).layer(DefaultBodyLimit::max(upload::MAX_UPLOAD_BODY)),
        );
    Router::new()
        .route("/chat", get(|| async { Redirect::permanent("/chat/") }))
        .route(
            "/chat/",
            get(pages::show)
                .merge(post(pages::answer).layer(axum::middleware::from_fn(drain_oversized))),
        )
        .route("/chat/start", post(pages::start))
        .route("/chat/privacy", get(pages::privacy))
        .route(
            "/chat/file",
            post(upload::form).layer(DefaultBodyLimit::max(upload::MAX_UPLOAD_BODY)),
        )
        .route("/chat/file/{seq}", get(pages::file))
        .route("/chat/mail", post(mail::form_offer))
        .route(
            "/chat/mail/confirm",
            get(mail::confirm_page).post(mail::confirm),
        )
        .route(mail::STOP, get(mail::stop_page).post(mail::stop))
        .route("/chat/back", get(mail::back_page).post(mail::back))
        .route("/chat/chat.js", get(assets::script))
        .route("/chat/widget.js", get(assets::widget))
        .route("/chat/chat.css", get(assets::style))
        .nest("/chat/api", api)
        .layer(axum::middleware::from_fn_with_state(chat.clone(), guard))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(chat)
}

/// The most of an over-long answer's body that is read before it is refused.
const DRAIN_MAX: u64 = 4 * 1024 * 1024;

/// Reads an over-long answer's body to its end (up to [`DRAIN_MAX`]) before the body limit
/// refuses it. The limit answers as soon as it sees the declared length, and the kernel
/// resets a connection closed with data unread: a client still sending then got the reset
/// instead of the short answer (a flaky test with a 1 MiB body). The body handed on is just
/// over the limit, so the refusal is the usual, localized one.
async fn drain_oversized(req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(n) if n > MAX_BODY as u64 && n <= DRAIN_MAX => {
            use futures_util::StreamExt as _;
            let (mut parts, body) = req.into_parts();
            let mut data = body.into_data_stream();
            while let Some(Ok(_)) = data.next().await {}
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(MAX_BODY + 1));
            let over = axum::body::Body::from(vec![b' '; MAX_BODY + 1]);
            next.run(Request::from_parts(parts, over)).await
        }
        _ => next.run(req).await,
    }
}

/// Who asks, in which language, on which conversation.
struct Asker {
    from: From,
    conversation: Option<ConversationId>,
    lang: Lang,
    secure: bool,
}

impl Asker {
    /// The conversation the request's token stands for, or the answer that there is none
    /// (JSON for the API, a page for a plain browser).
    fn session(&self, chat: &WebChat, json: bool) -> Result<ConversationId, Box<Response>> {
        self.conversation.clone().ok_or_else(|| {
            Box::new(refuse(
                chat,
                self.lang,
                json,
                Refusal::new(StatusCode::FORBIDDEN, "web-error-session"),
            ))
        })
    }
}

/// A refusal in the asker's language.
struct Refusal {
    status: StatusCode,
    key: &'static str,
    max: Option<usize>,
}

impl Refusal {
    fn new(status: StatusCode, key: &'static str) -> Self {
        Self {
            status,
            key,
            max: None,
        }
    }

    fn text(&self, chat: &WebChat, lang: Lang) -> String {
        match self.max {
            Some(max) => chat
                .i18n()
                .msg(lang, self.key, &fargs!["max" => max as i64]),
            None => chat.i18n().text(lang, self.key),
        }
    }
}

/// The headers every answer of the chat carries, and the checks every request passes first:
/// the origin (a page of another site than the allowed ones is refused, also on the event
/// stream), the client address's rate limit, and CORS for the allowed embedding sites.
async fn guard(State(chat): State<WebChat>, request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)), |c| c.0);
    let method = request.method().clone();
    let headers = request.headers();
    // The API always answers JSON; the pages answer a page.
    let json = request.uri().path().starts_with("/chat/api/") || wants_json(headers);
    let changes = method != Method::GET && method != Method::HEAD;
    // A foreign `Origin` is refused everywhere, the event stream included; a GET that names
    // none is the chat's own page (browsers send none on same-origin GETs), and another site
    // could not read the answer anyway (no CORS for it, and the cookie is `SameSite=Strict`).
    // The one-click stop of a mail (RFC 8058) is posted by the citizen's mail provider,
    // which names no origin; its secret, not a cookie, is what it acts on.
    let one_click = request.uri().path() == mail::STOP;
    let from = chat.origins.check(headers, changes && !one_click);
    // A refusal is in the browser's language (read only then).
    let refusal = |headers: &HeaderMap, refusal: Refusal| {
        let lang = session::browser_lang(headers).unwrap_or(Lang::REFERENCE);
        refuse(&chat, lang, json, refusal)
    };
    let mut response = match from {
        Err(()) => refusal(
            headers,
            Refusal::new(StatusCode::FORBIDDEN, "web-error-origin"),
        ),
        Ok(from) => {
            let client = chat.origins.client(peer, headers);
            if method == Method::OPTIONS {
                preflight(&from)
            } else if changes && chat.limiter.check_key(&client).is_err() {
                let mut r = refusal(
                    headers,
                    Refusal::new(StatusCode::TOO_MANY_REQUESTS, "web-error-too-many"),
                );
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
                r
            } else {
                let mut r = next.run(request).await;
                if let From::Embedding(origin) = &from {
                    cors(r.headers_mut(), origin);
                }
                r
            }
        }
    };
    if chat.limiter.len() > 100_000 {
        chat.limiter.retain_recent();
    }
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, chat.csp.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// No inline script or style, nothing from elsewhere; embedded only by the allowed sites.
fn csp(origins: &Origins) -> HeaderValue {
    let mut ancestors = String::from("'self'");
    for o in &origins.allowed {
        ancestors.push(' ');
        ancestors.push_str(o);
    }
    HeaderValue::from_str(&format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors {ancestors}"
    ))
    .expect("origins are ASCII")
}

fn cors(h: &mut HeaderMap, origin: &str) {
    if let Ok(o) = HeaderValue::from_str(origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, o);
        h.insert(
            header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
            HeaderValue::from_static("true"),
        );
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
}

fn preflight(from: &From) -> Response {
    let mut r = StatusCode::NO_CONTENT.into_response();
    if let From::Embedding(origin) = from {
        let h = r.headers_mut();
        cors(h, origin);
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type, authorization, last-event-id"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
    }
    r
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json") || a.contains("text/event-stream"))
        || headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("application/json"))
}

/// A refusal as the asker reads it: JSON for the script, a page for a plain browser.
fn refuse(chat: &WebChat, lang: Lang, json: bool, refusal: Refusal) -> Response {
    let text = refusal.text(chat, lang);
    if json {
        (refusal.status, Json(json!({ "error": text }))).into_response()
    } else {
        (
            refusal.status,
            Html(page::start(chat.i18n(), lang, &text, Place::Page)),
        )
            .into_response()
    }
}

/// Where the chat is, as a page of another origin reaches it: `scheme://host/chat`.
fn own_base(headers: &HeaderMap, secure: bool) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost");
    let scheme = if secure { "https" } else { "http" };
    format!("{scheme}://{host}{BASE}")
}

/// The conversation a request's token stands for: a token of the browser's own, or the
/// secret of a mail's link back into the chat that this browser opened.
async fn conversation(chat: &WebChat, headers: &HeaderMap) -> Option<ConversationId> {
    if let Some(own) = session::conversation(headers) {
        return Some(own);
    }
    let token = session::token(headers)?;
    let secret = token.strip_prefix(session::MAIL_KEY)?;
    match chat.web.engine().mail().back(secret).await {
        Ok(conversation) => conversation,
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "mail key not looked up");
            None
        }
    }
}

async fn asker(chat: &WebChat, headers: &HeaderMap, peer: SocketAddr) -> Asker {
    let conversation = conversation(chat, headers).await;
    // The conversation's language once it has one, else the browser's.
    let lang = match &conversation {
        Some(c) => chat
            .web
            .engine()
            .transcript()
            .known_lang(c)
            .await
            .ok()
            .flatten(),
        None => None,
    }
    .or_else(|| session::browser_lang(headers))
    .unwrap_or(Lang::REFERENCE);
    Asker {
        from: chat.origins.check(headers, false).unwrap_or(From::Own),
        conversation,
        lang,
        secure: chat.origins.secure(peer, headers),
    }
}

#[derive(Deserialize, Default)]
struct LangQuery {
    pub(super) lang: Option<String>,
}
