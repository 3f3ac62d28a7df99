//! A document for the checklist, sent from the page (`POST /chat/file`, a plain multipart
//! form) or by the script (`POST /chat/api/file`): the file is handed to the core as it
//! arrives, which checks it and keeps it sealed with the booking a piece at a time, reads no
//! further than the catalogue's limit, and answers in the transcript, once per client id.

use axum::extract::Multipart;
use axum::extract::multipart::{Field, MultipartRejection};
use futures_util::StreamExt;
use schalter_core::dialogue::Fetched;

use super::answers::{self, body_refusal};
use super::*;

/// The largest body an upload route takes: the catalogue's highest limit (50 MiB) and room
/// for the form around it. The catalogue's own limit is applied while the file is read.
pub(super) const MAX_UPLOAD_BODY: usize = 51 * 1024 * 1024;

/// The longest file name shown back to the citizen, in characters.
const MAX_NAME: usize = 80;

/// Reads the form (`client_id`, then `file`) and hands the file to the core as it arrives:
/// the number of the reply's row.
async fn take_file(
    chat: &WebChat,
    conversation: &ConversationId,
    mut form: Multipart,
) -> Result<i64, Refusal> {
    let bad = || Refusal::new(StatusCode::BAD_REQUEST, "web-error-unknown");
    let mut client_id = None;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| body_refusal(e.status()))?
    {
        match field.name() {
            Some("client_id") => {
                let id = field.text().await.map_err(|e| body_refusal(e.status()))?;
                client_id = Some(id);
            }
            Some("file") => {
                let client_id = client_id
                    .filter(|c| {
                        (1..=64).contains(&c.len())
                            && c.bytes()
                                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    })
                    .ok_or_else(bad)?;
                // Nothing after the file is needed.
                return keep(chat, conversation, &client_id, field).await;
            }
            _ => {}
        }
    }
    Err(Refusal::new(StatusCode::BAD_REQUEST, "web-error-empty"))
}

/// The file of the form, read as it arrives: the core checks, seals and writes it a piece at
/// a time and stops reading past the catalogue's limit (then it says the file is too large).
async fn keep(
    chat: &WebChat,
    conversation: &ConversationId,
    client_id: &str,
    field: Field<'_>,
) -> Result<i64, Refusal> {
    let name: String = field
        .file_name()
        .map(answers::clean)
        .unwrap_or_default()
        .chars()
        .take(MAX_NAME)
        .collect();
    let key = format!("web:{}:{client_id}", conversation.user());
    let said = match name.as_str() {
        "" => "📎".to_owned(),
        name => format!("📎 {name}"),
    };
    let engine = chat.web.engine();
    let unavailable = |e: &dyn std::fmt::Display| {
        tracing::warn!(target: "web", error = %e, "file not handled");
        Refusal::new(StatusCode::SERVICE_UNAVAILABLE, "web-error-unknown")
    };
    let pieces = field.map(|piece| piece.map_err(std::io::Error::other));
    let fetched = Fetched::Reading(Box::new(tokio_util::io::StreamReader::new(Box::pin(
        pieces,
    ))));
    let keyed = engine
        .dialogue()
        .handle_file_shown(conversation, &key, fetched, &said)
        .await
        .map_err(|e| unavailable(&e))?
        .ok_or_else(|| Refusal::new(StatusCode::FORBIDDEN, "web-error-session"))?;
    match keyed.shown.last() {
        Some(row) => Ok(row.seq),
        None => engine
            .transcript()
            .last_seq(conversation)
            .await
            .map_err(|e| unavailable(&e)),
    }
}

/// The file of a request's form taken for the asker's conversation (see [`take_file`]).
async fn take_request(
    chat: &WebChat,
    asker: &Asker,
    json: bool,
    form: Result<Multipart, MultipartRejection>,
) -> Result<i64, Response> {
    let conversation = asker.session(chat, json).map_err(|refusal| *refusal)?;
    let taken = match form {
        Ok(form) => take_file(chat, &conversation, form).await,
        Err(rejection) => Err(body_refusal(rejection.status())),
    };
    match taken {
        Ok(seq) => Ok(seq),
        Err(refusal) if json => Err(refuse(chat, asker.lang, true, refusal)),
        Err(refusal) => {
            let text = refusal.text(chat, asker.lang);
            let mut r = pages::view(chat, asker, None, &text).await;
            *r.status_mut() = refusal.status;
            Err(r)
        }
    }
}

/// `POST /chat/file`: the plain form; the page again once the reply is there.
pub(super) async fn form(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    match take_request(&chat, &asker, false, form).await {
        Ok(_) => Redirect::to("/chat/#sc-status").into_response(),
        Err(response) => response,
    }
}

/// `POST /chat/api/file`: the same for the script, answered in JSON.
pub(super) async fn api(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    match take_request(&chat, &asker, true, form).await {
        Ok(seq) => (
            StatusCode::ACCEPTED,
            Json(json!({ "ok": true, "seq": seq })),
        )
            .into_response(),
        Err(response) => response,
    }
}
