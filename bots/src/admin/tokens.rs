//! `GET /admin/api/me` (who the caller is, what they may do, the CSRF secret of their session)
//! and API tokens for automation: `POST /admin/api/tokens` makes one (shown once), `GET` lists
//! them (an operator sees all, anyone else their own), `DELETE /admin/api/tokens/{id}` revokes
//! one (its maker or an operator).

use axum::extract::{Extension, Path, State};
use axum::{Json, http::StatusCode};
use schalter_core::staff::{MAX_TOKEN_DAYS, Role, Roles};
use serde::Deserialize;
use serde_json::{Value, json};

use super::Shared;
use super::body::JsonObject;
use super::error::AdminError;
use super::identity::{Caller, Via};

pub async fn me(State(admin): State<Shared>, Extension(caller): Extension<Caller>) -> Json<Value> {
    let i18n = admin.engine.office().i18n();
    let (csrf, token) = match &caller.via {
        Via::Session { csrf } => (Some(csrf.clone()), None),
        Via::Token { id } => (None, Some(id.clone())),
        Via::AdminToken => (None, None),
    };
    let roles: Vec<String> = caller.roles.grants().map(ToString::to_string).collect();
    // "Translator (العربية)", in the caller's language.
    let role_names: Vec<String> = caller
        .roles
        .grants()
        .map(|g| {
            let role = i18n.text(caller.lang, &format!("admin-role-{}", g.role.code()));
            match g.lang {
                Some(l) => format!("{role} ({})", i18n.text(l, "lang-name")),
                None => role,
            }
        })
        .collect();
    Json(json!({
        "name": caller.person.name,
        "subject": caller.person.subject,
        "roles": roles,
        "role_names": role_names,
        "csrf": csrf,
        "token": token,
        "may": {
            "texts": caller.roles.has(Role::Translator) || caller.roles.has(Role::CatalogueEditor),
            "translate": caller.roles.has(Role::Translator),
            "catalogue": caller.roles.has(Role::CatalogueEditor) || caller.roles.has(Role::Operator),
            "edit_catalogue": caller.roles.has(Role::CatalogueEditor),
            "queue": caller.roles.has(Role::QueueSupervisor),
            "audit": caller.roles.has(Role::DataProtection),
            "operate": caller.roles.has(Role::Operator),
        },
    }))
}

#[derive(Deserialize)]
pub struct NewToken {
    name: String,
    roles: Vec<String>,
    #[serde(default = "default_days")]
    days: u32,
}

fn default_days() -> u32 {
    90
}

pub async fn create(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    JsonObject(body): JsonObject<NewToken>,
) -> Result<(StatusCode, Json<Value>), AdminError> {
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AdminError::BadRequest(
            "a token's name is 1 to 100 characters".into(),
        ));
    }
    if !(1..=MAX_TOKEN_DAYS).contains(&body.days) {
        return Err(AdminError::BadRequest(format!(
            "days is between 1 and {MAX_TOKEN_DAYS}"
        )));
    }
    let roles =
        Roles::parse(&body.roles.join(" ")).map_err(|e| AdminError::BadRequest(e.to_string()))?;
    if roles.is_empty() {
        return Err(AdminError::BadRequest(
            "a token needs at least one role".into(),
        ));
    }
    if !caller.roles.covers(&roles) {
        let i18n = admin.engine.office().i18n();
        return Err(AdminError::Forbidden(
            i18n.text(caller.lang, "admin-forbidden-more-than-own"),
        ));
    }
    let (token, secret) = admin
        .engine
        .staff()
        .create_token(name, &roles, body.days, &caller.person)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"token": secret, "id": token.id, "name": token.name,
                    "roles": token.roles, "expires_at": token.expires_at})),
    ))
}

pub async fn list(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<Value>, AdminError> {
    let all = caller.roles.has(Role::Operator);
    let tokens: Vec<_> = admin
        .engine
        .staff()
        .tokens()
        .await?
        .into_iter()
        .filter(|t| all || t.created_by_subject == caller.person.subject)
        .collect();
    Ok(Json(json!({"tokens": tokens})))
}

pub async fn revoke(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AdminError> {
    let staff = admin.engine.staff();
    let token = staff.tokens().await?.into_iter().find(|t| t.id == id);
    let Some(token) = token else {
        return Err(AdminError::UnknownToken);
    };
    if !(caller.roles.has(Role::Operator) || token.created_by_subject == caller.person.subject) {
        let i18n = admin.engine.office().i18n();
        return Err(AdminError::Forbidden(
            i18n.text(caller.lang, "admin-forbidden-not-yours"),
        ));
    }
    let revoked = staff.revoke_token(&id, &caller.person).await?;
    Ok(Json(json!({"ok": true, "revoked": revoked})))
}
