//! The locales: how complete each is, and all of one locale's messages (as a map, or as the
//! .ftl files to take home).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use schalter_core::Lang;
use schalter_core::i18n::edit::{self, ReviewState};
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;
use super::snapshot::{Snapshot, current, dir, lang_of};

pub async fn locales(State(admin): State<Shared>) -> Result<Json<Value>, AdminError> {
    let snap = Snapshot::read(&admin, None).await?;
    let empty = BTreeMap::new();
    let reference = snap.texts.get(&Lang::REFERENCE).unwrap_or(&empty);
    let list: Vec<Value> = Lang::ALL
        .iter()
        .map(|l| {
            let m = snap.texts.get(l).unwrap_or(&empty);
            let missing: Vec<&String> = reference.keys().filter(|id| !m.contains_key(*id)).collect();
            let to_review: Vec<&String> = reference
                .keys()
                .filter(|id| snap.state(*l, id) == Some(ReviewState::ToReview))
                .collect();
            let present = reference.len() - missing.len();
            json!({
                "lang": l.code(),
                "name": admin.engine.office().i18n().text(*l, "lang-name"),
                "rtl": l.is_rtl(),
                "dir": dir(*l),
                "messages": m.len(),
                "missing": missing,
                "to_review": to_review,
                "completeness": if reference.is_empty() { 100.0 } else { 100.0 * present as f64 / reference.len() as f64 },
            })
        })
        .collect();
    Ok(Json(
        json!({"reference": Lang::REFERENCE.code(), "locales": list}),
    ))
}

pub async fn messages(
    State(admin): State<Shared>,
    Path(lang): Path<String>,
) -> Result<Json<BTreeMap<String, String>>, AdminError> {
    let lang = lang_of(&lang)?;
    let (files, overrides) = current(&admin).await?;
    Ok(Json(edit::messages(&files, &overrides, lang)))
}

pub async fn export(
    State(admin): State<Shared>,
    Path(lang): Path<String>,
) -> Result<Json<Value>, AdminError> {
    let lang = lang_of(&lang)?;
    let (files, overrides) = current(&admin).await?;
    let files: Vec<Value> = edit::export(&files, &overrides, lang)
        .into_iter()
        .map(|(name, text)| json!({"name": format!("{}/{name}", lang.code()), "text": text}))
        .collect();
    Ok(Json(json!({"lang": lang.code(), "files": files})))
}
