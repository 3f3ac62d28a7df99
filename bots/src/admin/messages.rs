//! Reading messages: one in one locale, one in every locale side by side, and the search
//! across every locale.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use schalter_core::Lang;
use schalter_core::i18n::edit;
use serde::Deserialize;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;
use super::snapshot::{Snapshot, dir, lang_of};

/// Longest search query, in characters.
const MAX_QUERY_CHARS: usize = 200;
/// Search results shown unless `limit` says otherwise, and the most `limit` may ask for.
const SEARCH_LIMIT: usize = 50;
const MAX_SEARCH_LIMIT: usize = 200;

pub async fn message(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
) -> Result<Json<Value>, AdminError> {
    let lang = lang_of(&lang)?;
    let snap = Snapshot::read(&admin, Some(&id)).await?;
    let (Some(reference_value), Some(state)) = (snap.reference(&id), snap.state(lang, &id)) else {
        return Err(AdminError::UnknownMessage(id));
    };
    Ok(Json(json!({
        "id": id,
        "lang": lang.code(),
        "dir": dir(lang),
        "value": snap.text(lang, &id),
        "reference": reference_value,
        "state": state,
        "reviewed_reference": snap.reviewed_reference(lang, &id),
    })))
}

/// `GET /admin/api/messages/{id}`: one message in every locale side by side, each with its
/// text (`null`: missing), direction and review state.
pub async fn side_by_side(
    State(admin): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AdminError> {
    let snap = Snapshot::read(&admin, Some(&id)).await?;
    let Some(reference) = snap.reference(&id) else {
        return Err(AdminError::UnknownMessage(id));
    };
    let i18n = admin.engine.office().i18n();
    let locales: Vec<Value> = Lang::ALL
        .into_iter()
        .map(|l| {
            let changed = snap
                .overrides
                .iter()
                .any(|(o, i, _)| o == l.code() && *i == id);
            json!({
                "lang": l.code(),
                "name": i18n.text(l, "lang-name"),
                "dir": dir(l),
                "value": snap.text(l, &id),
                "state": snap.state(l, &id),
                "reviewed_reference": snap.reviewed_reference(l, &id),
                "changed_by_admin": changed,
            })
        })
        .collect();
    Ok(Json(json!({
        "id": id,
        "file": edit::reference_files(&snap.files).get(&id),
        "reference": reference,
        "locales": locales,
    })))
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    /// `to-review`: only messages with a translation to review.
    state: Option<String>,
    limit: Option<String>,
}

/// `GET /admin/api/messages?q=…&state=to-review&limit=…`: messages whose id or text in any
/// locale contains `q` (see `edit::search`), or every message with a translation to review.
/// Each result has its id, file, German text, and the texts of the locales that matched or
/// are to review.
pub async fn search(
    State(admin): State<Shared>,
    Query(q): Query<SearchQuery>,
) -> Result<Json<Value>, AdminError> {
    let query = q.q.as_deref().unwrap_or_default().trim();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(AdminError::BadRequest(format!(
            "q is longer than {MAX_QUERY_CHARS} characters"
        )));
    }
    let to_review_only = match q.state.as_deref() {
        None | Some("") => false,
        Some("to-review") => true,
        Some(_) => return Err(AdminError::BadRequest("state must be to-review".to_owned())),
    };
    if query.is_empty() && !to_review_only {
        return Err(AdminError::BadRequest(
            "give q (a message id or words of its text in any locale), or state=to-review"
                .to_owned(),
        ));
    }
    let limit = match q.limit.as_deref() {
        None | Some("") => SEARCH_LIMIT,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=MAX_SEARCH_LIMIT).contains(&n) => n,
            _ => {
                return Err(AdminError::BadRequest(format!(
                    "limit must be a number from 1 to {MAX_SEARCH_LIMIT}"
                )));
            }
        },
    };
    let snap = Snapshot::read(&admin, None).await?;
    let found = if query.is_empty() {
        snap.texts
            .get(&Lang::REFERENCE)
            .into_iter()
            .flat_map(|m| m.keys())
            .map(|id| edit::Found {
                id: id.clone(),
                id_matched: false,
                locales: Vec::new(),
            })
            .collect()
    } else {
        edit::search(&snap.texts, query)
    };
    let files = edit::reference_files(&snap.files);
    let mut total = 0;
    let mut results = Vec::new();
    for f in found {
        let to_review = snap.to_review(&f.id);
        if to_review_only && to_review.is_empty() {
            continue;
        }
        total += 1;
        if results.len() == limit {
            continue;
        }
        let texts: BTreeMap<&str, &String> = Lang::ALL
            .into_iter()
            .filter(|l| f.locales.contains(l) || to_review.contains(&l.code()))
            .filter_map(|l| snap.text(l, &f.id).map(|t| (l.code(), t)))
            .collect();
        results.push(json!({
            "id": &f.id,
            "file": files.get(&f.id),
            "reference": snap.reference(&f.id),
            "id_matched": f.id_matched,
            "matched": f.locales.iter().map(|l| l.code()).collect::<Vec<_>>(),
            "texts": texts,
            "to_review": to_review,
        }));
    }
    Ok(Json(
        json!({"query": query, "total": total, "results": results}),
    ))
}
