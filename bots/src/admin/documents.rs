//! `GET /admin/api/documents?days=N`: how many files citizens sent per office day, and how
//! large they were, kept (by kind) and refused. Only the anonymous counts of
//! `document_stats`: never a file, its id, its booking or who sent it.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Extension, Query, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;
use super::identity::Caller;

/// Days shown when none are asked for: two weeks.
const DEFAULT_DAYS: i64 = 14;
/// The most days one answer covers.
const MAX_DAYS: i64 = 90;
/// What the core counts files that were not kept under; every other outcome is a kind kept.
const REFUSED: &str = "refused";

#[derive(Deserialize)]
pub struct DocumentsQuery {
    /// Office days, today included (default 14, 1 to 90; more or fewer are clamped).
    days: Option<String>,
}

/// Files and bytes of one outcome or of several added up.
#[derive(Default, Clone, Copy)]
struct Count {
    files: i64,
    bytes: i64,
}

impl Count {
    fn add(&mut self, files: i64, bytes: i64) {
        self.files = self.files.saturating_add(files);
        self.bytes = self.bytes.saturating_add(bytes);
    }

    fn json(self) -> Value {
        json!({"files": self.files, "bytes": self.bytes})
    }
}

/// One office day: what was kept, by kind, and what was refused.
#[derive(Default)]
struct Day {
    kept: Count,
    refused: Count,
    by_kind: BTreeMap<String, Count>,
}

/// `{"days": [{"day", "kept": {files, bytes}, "refused": {…}, "by_kind": {"pdf": {…}, …}}]}`,
/// newest day first; a day without any file is left out.
pub async fn documents(
    State(admin): State<Shared>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<DocumentsQuery>,
) -> Result<Json<Value>, AdminError> {
    let days = match q.days.as_deref().map(str::trim) {
        None | Some("") => DEFAULT_DAYS,
        Some(n) => n.parse::<i64>().map_err(|_| {
            let i18n = admin.engine.office().i18n();
            AdminError::BadRequest(i18n.text(caller.lang, "admin-documents-bad-days"))
        })?,
    }
    .clamp(1, MAX_DAYS);
    // The core counts back from today: `days - 1` more days make `days` with today.
    let rows = admin.engine.documents().stats(days - 1).await?;
    let mut by_day: Vec<(String, Day)> = Vec::new();
    for (day, outcome, files, bytes) in rows {
        // The rows come newest day first, so a day's rows follow each other.
        if by_day.last().is_none_or(|(d, _)| *d != day) {
            by_day.push((day.clone(), Day::default()));
        }
        let Some((_, entry)) = by_day.last_mut() else {
            continue;
        };
        if outcome == REFUSED {
            entry.refused.add(files, bytes);
        } else {
            entry.kept.add(files, bytes);
            entry.by_kind.entry(outcome).or_default().add(files, bytes);
        }
    }
    let days: Vec<Value> = by_day
        .into_iter()
        .map(|(day, d)| {
            let by_kind: serde_json::Map<String, Value> = d
                .by_kind
                .into_iter()
                .map(|(kind, c)| (kind, c.json()))
                .collect();
            json!({
                "day": day,
                "kept": d.kept.json(),
                "refused": d.refused.json(),
                "by_kind": by_kind,
            })
        })
        .collect();
    Ok(Json(json!({ "days": days })))
}
