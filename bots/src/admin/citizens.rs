//! `DELETE /admin/api/citizens/{conversation}`: forgetting a citizen on their behalf.

use axum::Json;
use axum::extract::{Extension, Path, State};
use schalter_core::ConversationId;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;
use super::identity::Caller;

/// Forgets a citizen as `/forget` does (future bookings cancelled, waiting room left, every
/// row that refers to them deleted or unlinked). The audit log records that it happened, not
/// whom, under the signed-in caller's name.
pub async fn forget_citizen(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path(conversation): Path<String>,
) -> Result<Json<Value>, AdminError> {
    let Ok(id) = ConversationId::parse(&conversation) else {
        return Err(AdminError::BadRequest(
            "a conversation is channel:user, e.g. telegram:12345 or matrix:@ana:example.org"
                .to_owned(),
        ));
    };
    let Some(forgotten) = admin
        .engine
        .admin()
        .erase_citizen(&id, &caller.person)
        .await?
    else {
        return Err(AdminError::UnknownCitizen);
    };
    Ok(Json(json!({
        "ok": true,
        "bookings_cancelled": forgotten.bookings_cancelled,
        "left_waiting_room": forgotten.left_queue,
    })))
}
