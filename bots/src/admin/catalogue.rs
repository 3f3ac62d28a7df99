//! The catalogue as TOML: read, and replaced (checked, saved, audited and put in force by the
//! core admin service).

use axum::Json;
use axum::extract::{Extension, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::Shared;
use super::body::JsonObject;
use super::error::AdminError;
use super::identity::Caller;

pub async fn get_catalog(State(admin): State<Shared>) -> Result<Json<Value>, AdminError> {
    let text = admin.engine.admin().catalogue_text(&admin.sources).await?;
    Ok(Json(json!({"toml": text})))
}

#[derive(Deserialize)]
pub struct CatalogEdit {
    toml: String,
}

pub async fn put_catalog(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    JsonObject(body): JsonObject<CatalogEdit>,
) -> Result<Json<Value>, AdminError> {
    admin
        .engine
        .admin()
        .replace_catalogue(&body.toml, &caller.person)
        .await?;
    Ok(Json(json!({"ok": true})))
}
