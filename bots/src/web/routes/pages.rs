//! The chat as pages: the start, the chat, plain forms (each answer a page), the privacy
//! notice and a message's file.

use super::answers::*;
use super::*;

/// The start page, or the chat of the cookie's conversation.
pub(super) async fn show(
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
    view(&chat, &asker, chosen, "").await
}

/// The start or the chat as a page of its own; after the farewell, the transcript and the
/// cookie go.
pub(super) async fn view(
    chat: &WebChat,
    asker: &Asker,
    chosen: Option<Lang>,
    error: &str,
) -> Response {
    let shown = match render(chat, asker, chosen, error, Place::Page).await {
        Ok(shown) => shown,
        Err(unavailable) => return *unavailable,
    };
    let mut response = Html(shown.html).into_response();
    if let (Some(conversation), true) = (&asker.conversation, shown.ended) {
        // The farewell is on the page now: the rest goes, and so does the cookie.
        if let Err(e) = chat.web.engine().transcript().close(conversation).await {
            tracing::warn!(target: "web", error = %e, "transcript not closed");
        }
        response
            .headers_mut()
            .insert(header::SET_COOKIE, session::clear_cookie(asker.secure));
    }
    response
}

/// A view's HTML, and whether it shows the farewell.
pub(super) struct Shown {
    pub(super) html: String,
    pub(super) ended: bool,
}

/// The start or the chat, as a page or as the widget's part. A conversation without a
/// transcript (a forged or forgotten token) is shown the start.
pub(super) async fn render(
    chat: &WebChat,
    asker: &Asker,
    chosen: Option<Lang>,
    error: &str,
    place: Place<'_>,
) -> Result<Shown, Box<Response>> {
    let whole = matches!(place, Place::Page);
    let i18n = chat.i18n();
    let start = || Shown {
        html: page::start(i18n, chosen.unwrap_or(asker.lang), error, place),
        ended: false,
    };
    let Some(conversation) = &asker.conversation else {
        return Ok(start());
    };
    let rows = match chat
        .web
        .engine()
        .transcript()
        .latest(conversation, RENDERED)
        .await
    {
        Ok(rows) => rows,
        Err(e) => return Err(Box::new(unavailable(chat, asker.lang, whole, &e))),
    };
    if rows.is_empty() {
        return Ok(start());
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
            mail: chat.web.mail,
        },
        place,
    );
    Ok(Shown { html, ended })
}

pub(super) fn unavailable(
    chat: &WebChat,
    lang: Lang,
    whole: bool,
    e: &dyn std::fmt::Display,
) -> Response {
    tracing::warn!(target: "web", error = %e, "transcript unavailable");
    let text = chat.i18n().text(lang, "web-error-unknown");
    if whole {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Html(page::start(chat.i18n(), lang, &text, Place::Page)),
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

pub(super) async fn start(
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

/// An answer from the plain form: taken, then the page again once the reply is there.
pub(super) async fn answer(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let conversation = match asker.session(&chat, false) {
        Ok(c) => c,
        Err(refusal) => return *refusal,
    };
    let answer = match form {
        Ok(f) => f.0,
        Err(rejection) => {
            let refusal = body_refusal(rejection.status());
            let text = refusal.text(&chat, asker.lang);
            let mut r = view(&chat, &asker, None, &text).await;
            *r.status_mut() = refusal.status;
            return r;
        }
    };
    match take(&chat, &conversation, answer).await {
        // The reply is in the transcript already.
        Ok(_) => Redirect::to("/chat/#sc-status").into_response(),
        Err(refusal) => {
            let text = refusal.text(&chat, asker.lang);
            let mut r = view(&chat, &asker, None, &text).await;
            *r.status_mut() = refusal.status;
            r
        }
    }
}

/// The privacy notice, before anything is stored.
pub(super) async fn privacy(
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
pub(super) async fn file(
    State(chat): State<WebChat>,
    headers: HeaderMap,
    Path(seq): Path<String>,
) -> Response {
    let lang = session::browser_lang(&headers).unwrap_or(Lang::REFERENCE);
    let (Some(conversation), Ok(seq)) = (conversation(&chat, &headers).await, seq.parse::<i64>())
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
