//! `DELETE /admin/api/citizens/{conversation}`: forgetting a citizen on their behalf.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use schalter_core::ConversationId;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;

/// Forgets a citizen as `/forget` does (future bookings cancelled, waiting room left, every
/// row that refers to them deleted or unlinked). The audit log records that it happened, not
/// whom; the acting admin may name themselves in `X-Schalter-Admin`.
pub async fn forget_citizen(
    State(admin): State<Shared>,
    Path(conversation): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, AdminError> {
    let Ok(id) = ConversationId::parse(&conversation) else {
        return Err(AdminError::BadRequest(
            "a conversation is channel:user, e.g. telegram:12345 or matrix:@ana:example.org"
                .to_owned(),
        ));
    };
    let author = headers
        .get("x-schalter-admin")
        .and_then(|v| v.to_str().ok());
    let Some(forgotten) = admin.engine.admin().erase_citizen(&id, author).await? else {
        return Err(AdminError::UnknownCitizen);
    };
    Ok(Json(json!({
        "ok": true,
        "bookings_cancelled": forgotten.bookings_cancelled,
        "left_waiting_room": forgotten.left_queue,
    })))
}
