//! `GET /admin/api/audit`: the newest admin actions (written by the core admin service with
//! every change).

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;

pub async fn audit(State(admin): State<Shared>) -> Result<Json<Value>, AdminError> {
    let entries = admin.engine.admin().audit_log().await?;
    Ok(Json(json!({"entries": entries})))
}
