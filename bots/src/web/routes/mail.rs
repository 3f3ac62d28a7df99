//! E-mail from the chat: the address a citizen gives for their appointment (a plain form and
//! JSON), and the three links of the mails (`schalter_core::mail`): confirm the address, stop
//! the mails, back into the chat. A link's page only shows a button; the POST acts, so that a
//! mail provider that opens links to scan them confirms, stops or opens nothing.

use schalter_core::mail::{MAX_ADDRESS, Offered, masked};

use super::answers::body_refusal;
use super::pages::view;
use super::*;

/// The stop link's path (its POST also takes RFC 8058's one-click form).
pub(super) const STOP: &str = "/chat/mail/stop";

#[derive(Deserialize)]
pub(super) struct MailForm {
    address: String,
}

/// A link's secret and the language of its mail, from the link or the page's form.
#[derive(Deserialize, Default)]
pub(super) struct KeyForm {
    k: Option<String>,
    lang: Option<String>,
}

impl KeyForm {
    fn lang(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_tag)
    }

    /// The secret, if it has the form of one we make (26 base32 characters).
    fn secret(&self) -> Option<&str> {
        self.k
            .as_deref()
            .map(str::trim)
            .filter(|k| k.len() == 26 && k.bytes().all(|b| b.is_ascii_alphanumeric()))
    }
}

/// What became of an address, as the status line says it.
async fn offer(
    chat: &WebChat,
    asker: &Asker,
    conversation: &ConversationId,
    address: &str,
) -> (StatusCode, String) {
    let i18n = chat.i18n();
    let lang = asker.lang;
    if !chat.web.mail {
        return (StatusCode::NOT_FOUND, i18n.text(lang, "web-error-unknown"));
    }
    if address.chars().count() > MAX_ADDRESS {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            i18n.text(lang, "web-mail-invalid"),
        );
    }
    match chat
        .web
        .engine()
        .mail()
        .offer(conversation, address, lang)
        .await
    {
        Ok(Offered::Sent) => (
            StatusCode::OK,
            i18n.msg(
                lang,
                "web-mail-sent",
                &fargs!["address" => masked(&address.trim().to_lowercase())],
            ),
        ),
        Ok(Offered::Confirmed) => (
            StatusCode::OK,
            i18n.text(lang, "web-mail-confirmed-already"),
        ),
        Ok(Offered::Bounced) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            i18n.text(lang, "web-mail-bounced"),
        ),
        Ok(Offered::NoBooking) => (StatusCode::CONFLICT, i18n.text(lang, "web-mail-no-booking")),
        Ok(Offered::Invalid) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            i18n.text(lang, "web-mail-invalid"),
        ),
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "mail address not taken");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                i18n.text(lang, "web-error-unknown"),
            )
        }
    }
}

/// `POST /chat/api/mail {"address"}`: `{"text"}` when taken, `{"error"}` when not.
pub(super) async fn api_offer(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<MailForm>, JsonRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let conversation = match asker.session(&chat, true) {
        Ok(c) => c,
        Err(refusal) => return *refusal,
    };
    let form = match body {
        Ok(b) => b.0,
        Err(rejection) => {
            return refuse(&chat, asker.lang, true, body_refusal(rejection.status()));
        }
    };
    let (status, text) = offer(&chat, &asker, &conversation, &form.address).await;
    let body = if status.is_success() {
        json!({ "text": text })
    } else {
        json!({ "error": text })
    };
    (status, Json(body)).into_response()
}

/// `POST /chat/mail` from the plain form: the chat again, the answer in its status line.
pub(super) async fn form_offer(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<MailForm>, FormRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let conversation = match asker.session(&chat, false) {
        Ok(c) => c,
        Err(refusal) => return *refusal,
    };
    let (status, text) = match form {
        Ok(f) => offer(&chat, &asker, &conversation, &f.0.address).await,
        Err(rejection) => {
            let refusal = body_refusal(rejection.status());
            (refusal.status, refusal.text(&chat, asker.lang))
        }
    };
    let mut r = view(&chat, &asker, None, &text).await;
    *r.status_mut() = status;
    r
}

/// A page about a link: its title, what to say, and the button (if the link can act).
fn notice(
    chat: &WebChat,
    lang: Lang,
    status: StatusCode,
    title: &str,
    text: &str,
    action: Option<(&str, &str, &str)>,
) -> Response {
    let i18n = chat.i18n();
    let (title, text) = (i18n.text(lang, title), i18n.text(lang, text));
    let html = page::notice(
        i18n,
        &page::Notice {
            lang,
            title: &title,
            text: &text,
            action,
        },
    );
    (status, Html(html)).into_response()
}

/// The answer to a link whose secret is malformed, unknown, used or expired.
fn stale(chat: &WebChat, lang: Lang, title: &str) -> Response {
    notice(
        chat,
        lang,
        StatusCode::NOT_FOUND,
        title,
        "web-mail-link-invalid",
        None,
    )
}

/// A link's page: the button that posts its secret to `path`.
fn link_page(
    chat: &WebChat,
    headers: &HeaderMap,
    query: Result<Query<KeyForm>, QueryRejection>,
    path: &str,
    [title, text, button]: [&str; 3],
) -> Response {
    let key = query.map(|q| q.0).unwrap_or_default();
    let lang = key
        .lang()
        .or_else(|| session::browser_lang(headers))
        .unwrap_or(Lang::REFERENCE);
    let Some(secret) = key.secret() else {
        return stale(chat, lang, title);
    };
    let button = chat.i18n().text(lang, button);
    notice(
        chat,
        lang,
        StatusCode::OK,
        title,
        text,
        Some((path, secret, &button)),
    )
}

fn lang_of(key: &KeyForm, headers: &HeaderMap) -> Lang {
    key.lang()
        .or_else(|| session::browser_lang(headers))
        .unwrap_or(Lang::REFERENCE)
}

pub(super) async fn confirm_page(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    query: Result<Query<KeyForm>, QueryRejection>,
) -> Response {
    link_page(
        &chat,
        &headers,
        query,
        "/chat/mail/confirm",
        [
            "web-mail-confirm-title",
            "web-mail-confirm-text",
            "web-mail-confirm-button",
        ],
    )
}

/// Confirms the address: the booking's confirmation with its calendar file follows by mail.
pub(super) async fn confirm(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    form: Result<Form<KeyForm>, FormRejection>,
) -> Response {
    let key = form.map(|f| f.0).unwrap_or_default();
    let lang = lang_of(&key, &headers);
    let title = "web-mail-confirm-title";
    let Some(secret) = key.secret() else {
        return stale(&chat, lang, title);
    };
    let done = chat
        .web
        .engine()
        .mail()
        .confirm(secret)
        .await
        .map(|m| m.is_some());
    outcome(&chat, lang, title, "web-mail-confirm-done", done)
}

pub(super) async fn stop_page(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    query: Result<Query<KeyForm>, QueryRejection>,
) -> Response {
    link_page(
        &chat,
        &headers,
        query,
        STOP,
        [
            "web-mail-stop-title",
            "web-mail-stop-text",
            "web-mail-stop-button",
        ],
    )
}

/// Stops the mails to the address (deleted with its queued mails). The secret comes from
/// the page's form or, for RFC 8058's one-click POST, from the link itself.
pub(super) async fn stop(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    query: Result<Query<KeyForm>, QueryRejection>,
    form: Result<Form<KeyForm>, FormRejection>,
) -> Response {
    let from_link = query.map(|q| q.0).unwrap_or_default();
    let from_form = form.map(|f| f.0).unwrap_or_default();
    let key = if from_form.secret().is_some() {
        from_form
    } else {
        from_link
    };
    let lang = lang_of(&key, &headers);
    let title = "web-mail-stop-title";
    let Some(secret) = key.secret() else {
        return stale(&chat, lang, title);
    };
    let done = chat.web.engine().mail().stop(secret).await;
    outcome(&chat, lang, title, "web-mail-stop-done", done)
}

pub(super) async fn back_page(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    query: Result<Query<KeyForm>, QueryRejection>,
) -> Response {
    link_page(
        &chat,
        &headers,
        query,
        "/chat/back",
        ["web-back-title", "web-back-text", "web-back-button"],
    )
}

/// Opens the conversation in this browser: the link's secret becomes its session key.
pub(super) async fn back(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<KeyForm>, FormRejection>,
) -> Response {
    let key = form.map(|f| f.0).unwrap_or_default();
    let lang = lang_of(&key, &headers);
    let title = "web-back-title";
    let Some(secret) = key.secret() else {
        return stale(&chat, lang, title);
    };
    match chat.web.engine().mail().back(secret).await {
        Ok(Some(_)) => {
            let mut r = Redirect::to("/chat/#sc-log").into_response();
            r.headers_mut().insert(
                header::SET_COOKIE,
                session::set_cookie(
                    &format!("{}{secret}", session::MAIL_KEY),
                    chat.cookie_days,
                    chat.origins.secure(peer, &headers),
                ),
            );
            r
        }
        found => outcome(&chat, lang, title, "", found.map(|_| false)),
    }
}

/// The page after a link's button: `done` said, the link stale, or our side failed.
fn outcome(
    chat: &WebChat,
    lang: Lang,
    title: &str,
    done: &str,
    acted: Result<bool, schalter_core::error::EngineError>,
) -> Response {
    match acted {
        Ok(true) => notice(chat, lang, StatusCode::OK, title, done, None),
        Ok(false) => stale(chat, lang, title),
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "a mail's link did not act");
            notice(
                chat,
                lang,
                StatusCode::SERVICE_UNAVAILABLE,
                title,
                "web-error-unknown",
                None,
            )
        }
    }
}
