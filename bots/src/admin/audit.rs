//! `GET /admin/api/audit`: the newest admin actions (written by the core with every change,
//! sign-in and token), each naming the person: their display name and stable subject.
//! `?format=json` or `?format=csv` exports the whole log kept (`[retention] audit_days`) as a
//! download. The log is append-only: no endpoint changes or deletes an entry.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use schalter_core::admin::AuditEntry;
use serde::Deserialize;
use serde_json::json;

use super::Shared;
use super::error::AdminError;

#[derive(Deserialize)]
pub struct AuditQuery {
    format: Option<String>,
}

pub async fn audit(
    State(admin): State<Shared>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, AdminError> {
    let (body, content_type, file) = match q.format.as_deref() {
        None => {
            let entries = admin.engine.admin().audit_log().await?;
            return Ok(Json(json!({"entries": entries})).into_response());
        }
        Some("json") => {
            let entries = admin.engine.admin().audit_export().await?;
            let body = serde_json::to_string_pretty(&json!({"entries": entries}))
                .map_err(|e| AdminError::Internal(e.into()))?;
            (body, "application/json", "schalter-audit.json")
        }
        Some("csv") => (
            csv(&admin.engine.admin().audit_export().await?),
            "text/csv; charset=utf-8",
            "schalter-audit.csv",
        ),
        Some(other) => {
            return Err(AdminError::BadRequest(format!(
                "format `{}` is not json or csv",
                other.chars().take(20).collect::<String>()
            )));
        }
    };
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

/// RFC 4180, with a field a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) prefixed by `'` so that opening the export runs nothing.
fn csv(entries: &[AuditEntry]) -> String {
    fn field(s: &str) -> String {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_owned()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    }
    let mut out = String::from("at,subject,name,action,target\r\n");
    for e in entries {
        let row = [
            e.at.to_rfc3339(),
            field(&e.subject),
            field(&e.actor),
            field(&e.action),
            field(&e.target),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let e = AuditEntry {
            at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
            actor: "=HYPERLINK(\"x\")".into(),
            subject: "oidc:https://id.example#1".into(),
            action: "translation-changed".into(),
            target: "ar/a,b".into(),
        };
        let text = csv(&[e]);
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "1970-01-01T00:00:00+00:00,oidc:https://id.example#1,\"'=HYPERLINK(\"\"x\"\")\",translation-changed,\"ar/a,b\""
        );
    }
}
