//! The chat's JSON API for its script and the widget: start, an answer, the view as a
//! fragment, and the close after the farewell; and what every answer passes (client id,
//! length, control characters).

use super::answers::*;
use super::pages;
use super::*;

pub(super) async fn start(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<StartForm>, JsonRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let lang = match body {
        Ok(b) => b.0.lang.and_then(|l| Lang::from_tag(&l)),
        Err(rejection) => {
            return refuse(&chat, asker.lang, true, body_refusal(rejection.status()));
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

pub(super) async fn input(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<Answer>, JsonRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let conversation = match asker.session(&chat, true) {
        Ok(c) => c,
        Err(refusal) => return *refusal,
    };
    let answer = match body {
        Ok(b) => b.0,
        Err(rejection) => return refuse(&chat, asker.lang, true, body_refusal(rejection.status())),
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
pub(super) async fn view(
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
    let base = own_base(&headers, asker.secure);
    // The widget closes the transcript itself once it showed the farewell (`close`).
    match pages::render(&chat, &asker, chosen, "", Place::Widget { base: &base }).await {
        Ok(shown) => Json(json!({ "html": shown.html })).into_response(),
        Err(unavailable) => *unavailable,
    }
}

/// The page has shown the farewell: the transcript goes, and so does the cookie.
pub(super) async fn close(
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
