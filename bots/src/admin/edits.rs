//! Changing translations: an admin's text (validated, previewed), a rollback through the
//! history, and confirming that a translation still fits its changed German reference. What
//! a change does besides (reviews, audit log, reload) is the core admin service's.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::response::IntoResponse;
use schalter_core::i18n::edit::{self, Review, ReviewState};
use schalter_core::i18n::{FluentArgs, FluentValue, FtlFile};
use schalter_core::{I18n, Lang};
use serde::Deserialize;
use serde_json::{Value, json};

use super::body::{JsonObject, OptionalJson};
use super::error::AdminError;
use super::identity::Caller;
use super::snapshot::{Snapshot, current, lang_of};
use super::{Admin, Shared};

#[derive(Deserialize)]
pub struct Edit {
    value: String,
}

pub async fn put_message(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path((lang, id)): Path<(String, String)>,
    JsonObject(body): JsonObject<Edit>,
) -> Result<Json<Value>, AdminError> {
    check_value(&admin, &lang, &id, &body.value).await?;
    let change = admin
        .engine
        .admin()
        .change_translation(&admin.sources, &lang, &id, &body.value, &caller.person)
        .await?;
    Ok(Json(json!({"ok": true, "change": change})))
}

/// An admin's text for message `id` of `lang`: valid Fluent with the reference's variables
/// only, and rendering among the locale's messages in force. Returns the .ftl files read.
async fn check_value(
    admin: &Admin,
    lang: &str,
    id: &str,
    value: &str,
) -> Result<Vec<FtlFile>, AdminError> {
    let (files, overrides) = current(admin).await?;
    edit::validate(&files, lang, id, value)?;
    // `validate` knows the locale.
    let l = lang_of(lang)?;
    edit::check_renders(&files, &overrides, l, id, value)?;
    Ok(files)
}

/// Nothing to say: a body, if any, must still be a JSON object (a name in it is not taken for
/// the person's; the audit log names the signed-in caller).
#[derive(Deserialize, Default)]
pub struct Confirm {}

/// `POST /admin/api/locales/{lang}/messages/{id}/confirm`: the translation still fits its
/// German reference as it is now; it is no longer "to review". Audited.
pub async fn confirm(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path((lang, id)): Path<(String, String)>,
    OptionalJson(Confirm {}): OptionalJson<Confirm>,
) -> Result<Json<Value>, AdminError> {
    let l = lang_of(&lang)?;
    let snap = Snapshot::read(&admin, Some(&id)).await?;
    let Some(reference) = snap.reference(&id) else {
        return Err(AdminError::UnknownMessage(id));
    };
    if l == Lang::REFERENCE {
        return Err(AdminError::ReferenceNotConfirmable);
    }
    let Some(translation) = snap.text(l, &id) else {
        return Err(AdminError::NothingToConfirm { lang, id });
    };
    let was = snap.state(l, &id);
    let review = Review {
        lang: lang.clone(),
        message_id: id.clone(),
        reference: reference.clone(),
        translation: translation.clone(),
    };
    admin
        .engine
        .admin()
        .confirm_translation(&review, &caller.person)
        .await?;
    Ok(Json(
        json!({"ok": true, "state": ReviewState::Reviewed, "was": was}),
    ))
}

/// Every change of a message in a locale, newest first.
pub async fn history(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
) -> Result<impl IntoResponse, AdminError> {
    lang_of(&lang)?;
    let history = admin.engine.admin().translation_history(&lang, &id).await?;
    Ok(Json(history))
}

#[derive(Deserialize, Default)]
pub struct Rollback {
    /// A change to go back to; none: back to the text of the .ftl file.
    #[serde(default)]
    to: Option<String>,
}

pub async fn rollback(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path((lang, id)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<Rollback>,
) -> Result<Json<Value>, AdminError> {
    lang_of(&lang)?;
    // As for an edit: only a message of the reference (else any path made a history entry
    // and an audit line for a message that does not exist).
    let (files, overrides) = current(&admin).await?;
    if !edit::messages(&files, &overrides, Lang::REFERENCE).contains_key(&id) {
        return Err(AdminError::UnknownMessage(id));
    }
    let rolled_back = admin
        .engine
        .admin()
        .roll_back_translation(
            &admin.sources,
            &lang,
            &id,
            body.to.as_deref(),
            &caller.person,
        )
        .await?;
    if rolled_back.is_none() {
        let to = body.to.unwrap_or_default();
        return Err(AdminError::UnknownChange { id, to });
    }
    Ok(Json(json!({"ok": true})))
}

#[derive(Deserialize)]
pub struct Preview {
    id: String,
    value: String,
    #[serde(default)]
    args: BTreeMap<String, Value>,
}

/// Validates a value and renders it with sample variables, as the bot would.
pub async fn preview(
    State(admin): State<Shared>,
    Path(lang): Path<String>,
    JsonObject(body): JsonObject<Preview>,
) -> Result<Json<Value>, AdminError> {
    let code = lang.clone();
    let lang = lang_of(&lang)?;
    let files = check_value(&admin, &code, &body.id, &body.value).await?;
    let i18n = I18n::from_files(&[]).map_err(anyhow::Error::from)?;
    let probe = vec![(code, body.id.clone(), body.value.clone())];
    i18n.reload_with(&files, &probe)
        .map_err(anyhow::Error::from)?;
    let mut args = FluentArgs::new();
    for (k, v) in &body.args {
        let value: FluentValue = match v {
            Value::Number(n) => n
                .as_f64()
                .map_or_else(|| FluentValue::from(n.to_string()), FluentValue::from),
            Value::String(s) => FluentValue::from(s.clone()),
            other => FluentValue::from(other.to_string()),
        };
        args.set(k.clone(), value);
    }
    Ok(Json(
        json!({"text": i18n.msg(lang, &body.id, &args), "rtl": lang.is_rtl()}),
    ))
}
