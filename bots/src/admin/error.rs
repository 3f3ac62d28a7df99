//! Every refusal of the admin API, each with its status, answered as `{"error": "…"}` so that
//! a script or the admin page can show the reason. Failures of the office itself are logged
//! and answered with a sentence that points at the log: their text may name tables or paths.

use axum::Json;
use axum::extract::Request;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use schalter_core::admin::CatalogueRefused;
use schalter_core::engine::EngineError;
use schalter_core::i18n::edit::EditError;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// 401: no session, and no token that is valid (the token itself is never logged).
    #[error(
        "sign in at /admin/login, or send an API token that is valid (Authorization: Bearer …)"
    )]
    Unauthorized,
    /// 403: the caller lacks the role; the reason is in their language.
    #[error("{0}")]
    Forbidden(String),
    /// 403: a change with a session cookie but without its CSRF secret, or from another site.
    #[error("refused: this change did not come from the admin page; reload it and try again")]
    CrossSite,
    /// 404
    #[error("no such token")]
    UnknownToken,
    /// 404
    #[error("no such admin endpoint")]
    NoSuchEndpoint,
    /// 404
    #[error("unknown locale `{0}`")]
    UnknownLocale(String),
    /// 404
    #[error("unknown message `{0}`")]
    UnknownMessage(String),
    /// 404: a rollback to a change the message does not have.
    #[error("no change `{to}` of `{id}`")]
    UnknownChange { id: String, to: String },
    /// 404
    #[error("nothing is stored for this conversation")]
    UnknownCitizen,
    /// 400: a query parameter or path segment out of its range.
    #[error("{0}")]
    BadRequest(String),
    /// 422
    #[error("the body must be a JSON object")]
    NotAnObject,
    /// 422
    #[error("the body does not fit: {0}")]
    BodyDoesNotFit(serde_json::Error),
    /// 422
    #[error(
        "the German reference is what translations are reviewed against; it has nothing to confirm"
    )]
    ReferenceNotConfirmable,
    /// 422
    #[error("locale `{lang}` has no text for `{id}` to confirm; write one instead")]
    NothingToConfirm { lang: String, id: String },
    /// 404 for an unknown locale or message, 422 for a text refused.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// 422, or 500 when the office failed.
    #[error(transparent)]
    Catalogue(#[from] CatalogueRefused),
    /// A client error axum words itself (see [`json_refusals`]).
    #[error("{reason}")]
    Refused { status: StatusCode, reason: String },
    /// axum's refusal of a body, answered as axum answers it and worded as JSON by
    /// [`json_refusals`]: not JSON (400), another content type (415), too large (413).
    #[error(transparent)]
    Json(#[from] JsonRejection),
    #[error(transparent)]
    Body(#[from] BytesRejection),
    /// 500
    #[error(transparent)]
    Core(#[from] EngineError),
    /// 500
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AdminError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NoSuchEndpoint
            | Self::UnknownToken
            | Self::UnknownLocale(_)
            | Self::UnknownMessage(_)
            | Self::UnknownChange { .. }
            | Self::UnknownCitizen
            | Self::Edit(EditError::UnknownLocale(_) | EditError::UnknownMessage(_)) => {
                StatusCode::NOT_FOUND
            }
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) | Self::CrossSite => StatusCode::FORBIDDEN,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::NotAnObject
            | Self::BodyDoesNotFit(_)
            | Self::ReferenceNotConfirmable
            | Self::NothingToConfirm { .. }
            | Self::Edit(EditError::Invalid(_))
            | Self::Catalogue(
                CatalogueRefused::Invalid(_) | CatalogueRefused::MissingMessage { .. },
            ) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Refused { status, .. } => *status,
            Self::Json(r) => r.status(),
            Self::Body(r) => r.status(),
            Self::Catalogue(CatalogueRefused::Engine(_)) | Self::Core(_) | Self::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match self {
            Self::Json(r) => return r.into_response(),
            Self::Body(r) => return r.into_response(),
            e if status.is_server_error() => {
                tracing::error!(target: "admin", error = %e, "admin request failed");
                "internal error; see the server log".to_owned()
            }
            e => e.to_string(),
        };
        (status, Json(json!({"error": message}))).into_response()
    }
}

pub async fn no_such_endpoint() -> AdminError {
    AdminError::NoSuchEndpoint
}

/// Refusals that axum words itself (a method an endpoint does not take, a body that is not
/// JSON, of the wrong content type or too large, a path segment or query that does not decode)
/// come as plain text or empty; like every other refusal of the admin API they are answered
/// as JSON with the reason, so that a script or the admin page can show it.
pub async fn json_refusals(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let response = next.run(request).await;
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !status.is_client_error() || json {
        return response;
    }
    // axum's own refusals are a line of text.
    let text = axum::body::to_bytes(response.into_body(), 16 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let reason = if status == StatusCode::METHOD_NOT_ALLOWED {
        // axum adds the Allow header further out.
        format!("this endpoint does not take {method}; the Allow header says what it takes")
    } else if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("refused")
            .to_lowercase()
    } else {
        text
    };
    AdminError::Refused { status, reason }.into_response()
}
