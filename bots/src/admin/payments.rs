//! `GET /admin/api/payments`: payment requests and the sums the office books.

use axum::Json;
use axum::extract::{Query, State};
use chrono::NaiveDate;
use schalter_core::admin::PaymentState;
use serde::Deserialize;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;

#[derive(Deserialize)]
pub struct PaymentsQuery {
    /// draft, open, paid, refunded, cancelled
    state: Option<String>,
    /// An office-local date, YYYY-MM-DD (default: all of the last 31 days).
    day: Option<String>,
}

/// `GET /admin/api/payments?state=…&day=…`: the requests with their state, and the sums per
/// day and service (paid minus refunded). No personal data: no conversation ids.
pub async fn payments(
    State(admin): State<Shared>,
    Query(q): Query<PaymentsQuery>,
) -> Result<Json<Value>, AdminError> {
    let state = match q.state.as_deref() {
        None | Some("") => None,
        Some(s) => Some(PaymentState::parse(s).ok_or_else(|| {
            AdminError::BadRequest(
                "state must be draft, open, paid, refunded or cancelled".to_owned(),
            )
        })?),
    };
    let day = match q.day.as_deref() {
        None | Some("") => None,
        Some(day) => Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
            AdminError::BadRequest("day must be a date like 2027-02-02".to_owned())
        })?),
    };
    let report = admin.engine.admin().list_payments(day, state).await?;
    let rows: Vec<Value> = report
        .payments
        .iter()
        .map(|(day, p)| {
            json!({
                "reference": p.reference,
                "visit_reference": p.visit_reference,
                "service": p.service,
                "day": day.to_string(),
                "amount_cents": p.amount_cents,
                "refunded_cents": p.refunded_cents,
                "currency": p.currency,
                "state": p.state.as_str(),
                "provider": p.provider,
                "paid_at": p.paid_at.map(|t| t.to_rfc3339()),
            })
        })
        .collect();
    let sums: Vec<Value> = report
        .sums
        .iter()
        .map(
            |s| json!({"day": s.day.to_string(), "service": s.service, "paid_cents": s.paid_cents}),
        )
        .collect();
    Ok(Json(json!({"payments": rows, "sums": sums})))
}
