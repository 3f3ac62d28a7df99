//! The web chat's HTTP side, under `/chat`:
//!
//! | route | what |
//! |---|---|
//! | `GET /chat/` | the start page, or the chat with its transcript (plain HTML) |
//! | `POST /chat/start` | starts a conversation: the token's cookie, the greeting |
//! | `POST /chat/` | an answer from the plain form (each answer a page) |
//! | `GET /chat/privacy` | the privacy notice |
//! | `GET /chat/file/{seq}` | a message's file (the calendar, `/mydata`) |
//! | `GET /chat/chat.js`, `chat.css`, `widget.js` | the script, the style, the widget |
//! | `GET /chat/api/view` | the start or the chat as a fragment, for the widget |
//! | `POST /chat/api/start`, `/chat/api/input`, `/chat/api/close` | the same as JSON |
//! | `GET /chat/api/events?after=N` | the transcript after `N`, then as it grows (SSE) |
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
use super::page::{self, MAX_TEXT};
use super::session::{self, From, Origins};

/// The largest request body taken (a message of [`MAX_TEXT`] characters fits many times).
const MAX_BODY: usize = 16 * 1024;
/// Transcript rows a page is rendered with (older ones are in the transcript still).
const RENDERED: i64 = 200;
/// Rows per event-stream read.
const STREAMED: i64 = 100;
/// How long a plain form's answer waits for the reply before it shows the page anyway.
const REPLY_WAIT: Duration = Duration::from_secs(3);
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
        .route("/view", get(api_view))
        .route("/start", post(api_start))
        .route("/input", post(api_input))
        .route("/close", post(api_close))
        .route("/events", get(events));
    Router::new()
        .route("/chat", get(|| async { Redirect::permanent("/chat/") }))
        .route("/chat/", get(show).post(answer))
        .route("/chat/start", post(start))
        .route("/chat/privacy", get(privacy))
        .route("/chat/file/{seq}", get(file))
        .route("/chat/chat.js", get(script))
        .route("/chat/widget.js", get(widget))
        .route("/chat/chat.css", get(style))
        .nest("/chat/api", api)
        .layer(axum::middleware::from_fn_with_state(chat.clone(), guard))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(chat)
}

/// Who asks, in which language, on which conversation.
struct Asker {
    from: From,
    conversation: Option<ConversationId>,
    lang: Lang,
    secure: bool,
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
    let headers = request.headers().clone();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)), |c| c.0);
    let method = request.method().clone();
    let lang = session::browser_lang(&headers).unwrap_or(Lang::REFERENCE);
    let changes = method != Method::GET && method != Method::HEAD;
    // A foreign `Origin` is refused everywhere, the event stream included; a GET that names
    // none is the chat's own page (browsers send none on same-origin GETs), and another site
    // could not read the answer anyway (no CORS for it, and the cookie is `SameSite=Strict`).
    let from = chat.origins.check(&headers, changes);
    let mut response = match from {
        Err(()) => refuse(
            &chat,
            lang,
            wants_json(&headers),
            Refusal::new(StatusCode::FORBIDDEN, "web-error-origin"),
        ),
        Ok(from) => {
            let client = chat.origins.client(peer, &headers);
            if method == Method::OPTIONS {
                preflight(&from)
            } else if changes && chat.limiter.check_key(&client).is_err() {
                let mut r = refuse(
                    &chat,
                    lang,
                    wants_json(&headers),
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
    h.insert(header::CONTENT_SECURITY_POLICY, csp(&chat.origins));
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
            Html(page::start(chat.i18n(), lang, &text, true)),
        )
            .into_response()
    }
}

async fn asker(chat: &WebChat, headers: &HeaderMap, peer: SocketAddr) -> Asker {
    let conversation = session::conversation(headers);
    let lang = match &conversation {
        Some(c) => match chat.web.engine().transcript().last_seq(c).await {
            Ok(n) if n > 0 => chat.web.engine().transcript().lang(c).await.ok(),
            _ => None,
        },
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
    lang: Option<String>,
}

/// The start page, or the chat of the cookie's conversation.
async fn show(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let chosen = query
        .ok()
        .and_then(|q| q.0.lang)
        .and_then(|l| Lang::from_tag(&l));
    view(&chat, &asker, chosen, "", true).await
}

/// The start or the chat, whole or as the widget's fragment. A conversation without a
/// transcript (a forged or forgotten token) is shown the start.
async fn view(
    chat: &WebChat,
    asker: &Asker,
    chosen: Option<Lang>,
    error: &str,
    whole: bool,
) -> Response {
    let i18n = chat.i18n();
    let Some(conversation) = &asker.conversation else {
        return Html(page::start(
            i18n,
            chosen.unwrap_or(asker.lang),
            error,
            whole,
        ))
        .into_response();
    };
    let transcript = chat.web.engine().transcript();
    let rows = match transcript.latest(conversation, RENDERED).await {
        Ok(rows) => rows,
        Err(e) => return unavailable(chat, asker.lang, whole, &e),
    };
    if rows.is_empty() {
        return Html(page::start(
            i18n,
            chosen.unwrap_or(asker.lang),
            error,
            whole,
        ))
        .into_response();
    }
    let ended = rows.last().is_some_and(|r| r.ends);
    let after = rows.last().map_or(0, |r| r.seq);
    let client_id = session::new_token();
    let html = page::chat(
        i18n,
        &page::ChatView {
            lang: asker.lang,
            rows: &rows,
            after,
            client_id: &client_id,
            error,
            ended,
        },
        whole,
    );
    let mut response = Html(html).into_response();
    if ended && whole {
        // The farewell is on the page now: the rest goes, and so does the cookie.
        if let Err(e) = transcript.close(conversation).await {
            tracing::warn!(target: "web", error = %e, "transcript not closed");
        }
        response
            .headers_mut()
            .insert(header::SET_COOKIE, session::clear_cookie(asker.secure));
    }
    response
}

fn unavailable(chat: &WebChat, lang: Lang, whole: bool, e: &dyn std::fmt::Display) -> Response {
    tracing::warn!(target: "web", error = %e, "transcript unavailable");
    let text = chat.i18n().text(lang, "web-error-unknown");
    if whole {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Html(page::start(chat.i18n(), lang, &text, true)),
        )
            .into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "error": text })),
        )
            .into_response()
    }
}

#[derive(Deserialize, Default)]
struct StartForm {
    lang: Option<String>,
}

/// Starts a conversation: a new token, its cookie, and the greeting in the chosen language.
async fn begin(chat: &WebChat, lang: Option<Lang>, headers: &HeaderMap) -> Result<String, Refusal> {
    let token = session::new_token();
    let conversation = session::conversation_of(&token).expect("a token we made");
    let lang = lang.or_else(|| session::browser_lang(headers));
    let key = format!("web:{}:start", conversation.user());
    let hint = lang.map(Lang::code);
    match chat
        .web
        .inbound
        .receive(&key, &conversation, &Input::Text("/start".into()), hint)
        .await
    {
        Ok(_) => {
            chat.web.inbound.dispatch(&conversation);
            wait_for_reply(chat, &conversation, 0).await;
            Ok(token)
        }
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "start not stored");
            Err(Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "web-error-unknown",
            ))
        }
    }
}

/// Waits (a little) until the transcript has a row after `after` from the office.
async fn wait_for_reply(chat: &WebChat, conversation: &ConversationId, after: i64) {
    let transcript = chat.web.engine().transcript();
    let mut watch = transcript.watch(conversation);
    let _ = tokio::time::timeout(REPLY_WAIT, async {
        loop {
            match transcript.since(conversation, after, 10).await {
                Ok(rows) if rows.iter().any(|r| matches!(r.entry, Entry::Office { .. })) => {
                    return;
                }
                Ok(_) => {}
                Err(_) => return,
            }
            if watch.changed().await.is_err() {
                return;
            }
        }
    })
    .await;
}

async fn start(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<StartForm>, FormRejection>,
) -> Response {
    let lang = form
        .ok()
        .and_then(|f| f.0.lang)
        .and_then(|l| Lang::from_tag(&l));
    let secure = chat.origins.secure(peer, &headers);
    match begin(&chat, lang, &headers).await {
        Ok(token) => {
            let mut r = Redirect::to("/chat/#sc-log").into_response();
            r.headers_mut().insert(
                header::SET_COOKIE,
                session::set_cookie(&token, chat.cookie_days, secure),
            );
            r
        }
        Err(refusal) => refuse(&chat, lang.unwrap_or(Lang::REFERENCE), false, refusal),
    }
}

async fn api_start(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<StartForm>, JsonRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let lang = match body {
        Ok(b) => b.0.lang.and_then(|l| Lang::from_tag(&l)),
        Err(rejection) => {
            return refuse(&chat, asker.lang, true, json_refusal(&rejection));
        }
    };
    match begin(&chat, lang, &headers).await {
        Ok(token) => {
            // A page of another site keeps the token itself (its browser may withhold the
            // cookie); the chat's own pages never see it.
            let body = match &asker.from {
                From::Embedding(_) => json!({ "ok": true, "token": token }),
                From::Own => json!({ "ok": true }),
            };
            let mut r = Json(body).into_response();
            r.headers_mut().insert(
                header::SET_COOKIE,
                session::set_cookie(&token, chat.cookie_days, asker.secure),
            );
            r
        }
        Err(refusal) => refuse(&chat, lang.unwrap_or(asker.lang), true, refusal),
    }
}

fn json_refusal(rejection: &JsonRejection) -> Refusal {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::new(StatusCode::PAYLOAD_TOO_LARGE, "web-error-too-large")
    } else {
        Refusal::new(StatusCode::BAD_REQUEST, "web-error-unknown")
    }
}

fn form_refusal(rejection: &FormRejection) -> Refusal {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::new(StatusCode::PAYLOAD_TOO_LARGE, "web-error-too-large")
    } else {
        Refusal::new(StatusCode::BAD_REQUEST, "web-error-unknown")
    }
}

/// An answer: typed text or a pressed option, under the client's id for it.
#[derive(Deserialize, Default)]
struct Answer {
    client_id: Option<String>,
    text: Option<String>,
    option: Option<String>,
}

/// Takes an answer: stored in the inbox (a repeated client id is the same answer), shown in
/// the transcript, handled. The number of the row that shows it.
async fn take(
    chat: &WebChat,
    conversation: &ConversationId,
    answer: Answer,
) -> Result<i64, Refusal> {
    let client_id = answer
        .client_id
        .filter(|c| {
            (1..=64).contains(&c.len())
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .ok_or_else(|| Refusal::new(StatusCode::BAD_REQUEST, "web-error-unknown"))?;
    let transcript = chat.web.engine().transcript();
    // Only a conversation that exists (was started here) takes answers: a forged token
    // finds none.
    match transcript.last_seq(conversation).await {
        Ok(0) => {
            return Err(Refusal::new(StatusCode::FORBIDDEN, "web-error-session"));
        }
        Ok(_) => {}
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "transcript unavailable");
            return Err(Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "web-error-unknown",
            ));
        }
    }
    let (input, shown) = match (answer.option, answer.text) {
        (Some(option), _) if !option.is_empty() && option.len() <= 64 => {
            let label = option_label(chat, conversation, &option).await;
            (Input::Choice(option), label)
        }
        (_, Some(text)) => {
            let text = clean(&text);
            if text.is_empty() {
                return Err(Refusal::new(StatusCode::BAD_REQUEST, "web-error-empty"));
            }
            if text.chars().count() > MAX_TEXT {
                return Err(Refusal {
                    status: StatusCode::PAYLOAD_TOO_LARGE,
                    key: "web-error-too-long",
                    max: Some(MAX_TEXT),
                });
            }
            (Input::Text(text.clone()), Some(text))
        }
        _ => return Err(Refusal::new(StatusCode::BAD_REQUEST, "web-error-empty")),
    };
    let key = format!("web:{}:{client_id}", conversation.user());
    if let Err(e) = chat
        .web
        .inbound
        .receive(&key, conversation, &input, None)
        .await
    {
        tracing::warn!(target: "web", error = %e, "input not stored");
        return Err(Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "web-error-unknown",
        ));
    }
    let seq = match shown {
        Some(text) => transcript.sent(conversation, &key, &text).await.ok(),
        None => None,
    };
    chat.web.inbound.dispatch(conversation);
    let after = match seq {
        Some(seq) => seq,
        None => transcript.last_seq(conversation).await.unwrap_or(0),
    };
    Ok(after)
}

/// The label of an option the conversation was offered lately, to show what was pressed.
async fn option_label(chat: &WebChat, conversation: &ConversationId, id: &str) -> Option<String> {
    let rows = chat
        .web
        .engine()
        .transcript()
        .latest(conversation, 20)
        .await
        .ok()?;
    rows.iter().rev().find_map(|r| match &r.entry {
        Entry::Office { message, .. } => message
            .options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.label.trim_start_matches('\u{200F}').to_owned()),
        Entry::Citizen { .. } => None,
    })
}

/// What a citizen typed, without control characters (line breaks and tabs become spaces)
/// and surrounding space.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// An answer from the plain form: taken, then the page again once the reply is there.
async fn answer(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let Some(conversation) = asker.conversation.clone() else {
        return refuse(
            &chat,
            asker.lang,
            false,
            Refusal::new(StatusCode::FORBIDDEN, "web-error-session"),
        );
    };
    let answer = match form {
        Ok(f) => f.0,
        Err(rejection) => {
            let refusal = form_refusal(&rejection);
            let text = refusal.text(&chat, asker.lang);
            let mut r = view(&chat, &asker, None, &text, true).await;
            *r.status_mut() = refusal.status;
            return r;
        }
    };
    match take(&chat, &conversation, answer).await {
        Ok(after) => {
            wait_for_reply(&chat, &conversation, after).await;
            Redirect::to("/chat/#sc-status").into_response()
        }
        Err(refusal) => {
            let text = refusal.text(&chat, asker.lang);
            let mut r = view(&chat, &asker, None, &text, true).await;
            *r.status_mut() = refusal.status;
            r
        }
    }
}

async fn api_input(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<Answer>, JsonRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let Some(conversation) = asker.conversation.clone() else {
        return refuse(
            &chat,
            asker.lang,
            true,
            Refusal::new(StatusCode::FORBIDDEN, "web-error-session"),
        );
    };
    let answer = match body {
        Ok(b) => b.0,
        Err(rejection) => return refuse(&chat, asker.lang, true, json_refusal(&rejection)),
    };
    match take(&chat, &conversation, answer).await {
        Ok(seq) => (
            StatusCode::ACCEPTED,
            Json(json!({ "ok": true, "seq": seq })),
        )
            .into_response(),
        Err(refusal) => refuse(&chat, asker.lang, true, refusal),
    }
}

/// The start or the chat as a fragment, for the widget.
async fn api_view(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let chosen = query
        .ok()
        .and_then(|q| q.0.lang)
        .and_then(|l| Lang::from_tag(&l));
    let r = view(&chat, &asker, chosen, "", false).await;
    if r.status() != StatusCode::OK {
        return r;
    }
    let body = axum::body::to_bytes(r.into_body(), usize::MAX)
        .await
        .unwrap_or_default();
    Json(json!({ "html": String::from_utf8_lossy(&body) })).into_response()
}

/// The page has shown the farewell: the transcript goes, and so does the cookie.
async fn api_close(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    if let Some(conversation) = &asker.conversation {
        let transcript = chat.web.engine().transcript();
        let ended = matches!(transcript.latest(conversation, 1).await, Ok(rows) if rows.last().is_some_and(|r| r.ends));
        if ended && let Err(e) = transcript.close(conversation).await {
            tracing::warn!(target: "web", error = %e, "transcript not closed");
        }
    }
    let mut r = Json(json!({ "ok": true })).into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, session::clear_cookie(asker.secure));
    r
}

#[derive(Deserialize, Default)]
struct After {
    after: Option<i64>,
}

/// The transcript after `after` (or `Last-Event-ID`), then each row as it is written, as
/// Server-Sent Events: `message` (`{seq, id, html}`, `id` the element it fills), `reset`
/// (the page claimed a number the transcript never reached: it starts over from 0) and `end`
/// (the farewell was sent: nothing follows).
async fn events(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    query: Result<Query<After>, QueryRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let Some(conversation) = asker.conversation.clone() else {
        return refuse(
            &chat,
            asker.lang,
            true,
            Refusal::new(StatusCode::FORBIDDEN, "web-error-session"),
        );
    };
    let last_event = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok());
    let mut after = query
        .ok()
        .and_then(|q| q.0.after)
        .or(last_event)
        .unwrap_or(0)
        .max(0);
    let engine = chat.web.engine().clone();
    let stream = async_stream::stream! {
        let i18n = engine.office().i18n();
        let transcript = engine.transcript();
        let mut watch = transcript.watch(&conversation);
        match transcript.last_seq(&conversation).await {
            Ok(last) if after > last => {
                yield Ok::<Event, std::convert::Infallible>(Event::default().event("reset").data("{}"));
                after = 0;
            }
            Ok(_) => {}
            Err(_) => return,
        }
        let client_id = session::new_token();
        loop {
            let Ok(rows) = transcript.since(&conversation, after, STREAMED).await else {
                return;
            };
            let full = rows.len() as i64 == STREAMED;
            let mut ended = false;
            for row in &rows {
                let (id, html) = page::message(i18n, row, &client_id);
                let data = json!({ "seq": row.seq, "id": id, "html": html }).to_string();
                yield Ok(Event::default().id(row.seq.to_string()).event("message").data(data));
                after = row.seq;
                ended |= row.ends;
            }
            if ended {
                yield Ok(Event::default().event("end").data("{}"));
                return;
            }
            if full {
                continue;
            }
            if watch.changed().await.is_err() {
                return;
            }
        }
    };
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// The privacy notice, before anything is stored.
async fn privacy(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let lang = query
        .ok()
        .and_then(|q| q.0.lang)
        .and_then(|l| Lang::from_tag(&l))
        .unwrap_or(asker.lang);
    let notice = chat.web.engine().rights().privacy_notice(lang);
    Html(page::privacy(chat.i18n(), lang, &notice)).into_response()
}

/// A message's file, to the conversation it was sent to only.
async fn file(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    Path(seq): Path<String>,
) -> Response {
    let lang = session::browser_lang(&headers).unwrap_or(Lang::REFERENCE);
    let (Some(conversation), Ok(seq)) = (session::conversation(&headers), seq.parse::<i64>())
    else {
        return refuse(
            &chat,
            lang,
            false,
            Refusal::new(StatusCode::NOT_FOUND, "web-error-session"),
        );
    };
    let row = chat.web.engine().transcript().get(&conversation, seq).await;
    let attachment = match row {
        Ok(Some(shown)) => match shown.entry {
            Entry::Office { message, .. } => message.attachment,
            Entry::Citizen { .. } => None,
        },
        _ => None,
    };
    let Some(file) = attachment else {
        return refuse(
            &chat,
            lang,
            false,
            Refusal::new(StatusCode::NOT_FOUND, "web-error-session"),
        );
    };
    let disposition = format!(
        "attachment; filename=\"{}\"",
        file.file_name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .collect::<String>()
    );
    (
        [
            (header::CONTENT_TYPE, file.mime),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        file.content,
    )
        .into_response()
}

const CHAT_JS: &str = include_str!("assets/chat.js");
const CHAT_CSS: &str = include_str!("assets/chat.css");

fn asset(kind: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        format!("(function (WIDGET) {{\n{CHAT_JS}\n}})(null);\n"),
    )
}

/// The widget: the same script, with the launcher's words in every language (so that the
/// launcher asks the server nothing until it is pressed).
async fn widget(State(chat): State<WebChat>) -> Response {
    let i18n = chat.i18n();
    let words: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|l| {
            (
                l.code().to_owned(),
                json!({
                    "launcher": i18n.text(l, "web-launcher"),
                    "close": i18n.text(l, "web-close"),
                    "dir": if l.is_rtl() { "rtl" } else { "ltr" },
                }),
            )
        })
        .collect();
    let widget = json!({ "words": words, "fallback": Lang::REFERENCE.code() });
    asset(
        "text/javascript; charset=utf-8",
        format!("(function (WIDGET) {{\n{CHAT_JS}\n}})({widget});\n"),
    )
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", CHAT_CSS.to_owned())
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn typed_text_loses_control_and_direction_characters() {
        assert_eq!(clean("  a\u{0}b\u{7}c\nd\u{202E}e\u{2066} "), "abc de");
        assert_eq!(clean("\u{1b}[31m"), "[31m");
        assert_eq!(clean("مرحبا"), "مرحبا");
    }
}
