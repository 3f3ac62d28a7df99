//! The catalogue as TOML: read, and replaced (checked, saved, audited and put in force by the
//! core admin service).

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use super::Shared;
use super::body::JsonObject;
use super::error::AdminError;

pub async fn get_catalog(State(admin): State<Shared>) -> Result<Json<Value>, AdminError> {
    let text = admin.engine.admin().catalogue_text(&admin.sources).await?;
    Ok(Json(json!({"toml": text})))
}

#[derive(Deserialize)]
pub struct CatalogEdit {
    toml: String,
    #[serde(default)]
    author: Option<String>,
}

pub async fn put_catalog(
    State(admin): State<Shared>,
    JsonObject(body): JsonObject<CatalogEdit>,
) -> Result<Json<Value>, AdminError> {
    admin
        .engine
        .admin()
        .replace_catalogue(&body.toml, body.author.as_deref())
        .await?;
    Ok(Json(json!({"ok": true})))
}
