//! `POST /v1/refunds` and `GET /v1/refunds/{id}`, against the payments of paid sessions.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::error::ApiError;
use super::params::{Params, known_params, metadata, money, positive};
use super::{Fake, now_secs, random_id};

/// The top-level parameters of `POST /v1/refunds` Stripe knows.
const REFUND_PARAMS: &[&str] = &[
    "amount",
    "charge",
    "currency",
    "customer",
    "expand",
    "instructions_email",
    "metadata",
    "origin",
    "payment_intent",
    "reason",
    "refund_application_fee",
    "reverse_transfer",
];

pub(super) fn create_refund(s: &mut Fake, params: &Params) -> Result<Value, ApiError> {
    known_params(params, REFUND_PARAMS)?;
    let metadata = metadata(params)?;
    let pi = match (params.get("payment_intent"), params.get("charge")) {
        (Some(pi), _) => {
            if !s.payments.contains_key(pi) {
                return Err(ApiError::invalid(format!("No such payment_intent: '{pi}'"))
                    .code("resource_missing")
                    .param("payment_intent"));
            }
            pi.clone()
        }
        (None, Some(ch)) => s
            .payments
            .iter()
            .find(|(_, p)| p.charge == *ch)
            .map(|(pi, _)| pi.clone())
            .ok_or_else(|| {
                ApiError::invalid(format!("No such charge: '{ch}'"))
                    .code("resource_missing")
                    .param("charge")
            })?,
        (None, None) => {
            return Err(ApiError::invalid(
                "One of the following params should be provided for this request: \
                 payment_intent or charge.",
            ));
        }
    };
    let reason = params.get("reason");
    if let Some(r) = reason
        && !["duplicate", "fraudulent", "requested_by_customer"].contains(&r.as_str())
    {
        return Err(ApiError::invalid(
            "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
        )
        .param("reason"));
    }
    let amount = positive(params, "amount")?;
    let payment = s.payments.get_mut(&pi).expect("payment looked up above");
    let remaining = payment.amount - payment.refunded;
    if remaining == 0 {
        return Err(ApiError::invalid(format!(
            "Charge {} has already been refunded.",
            payment.charge
        ))
        .code("charge_already_refunded"));
    }
    let amount = amount.unwrap_or(remaining);
    if amount > remaining {
        return Err(ApiError::invalid(format!(
            "Refund amount ({}) is greater than unrefunded amount on charge ({})",
            money(amount, &payment.currency),
            money(remaining, &payment.currency)
        ))
        .code("amount_too_large")
        .param("amount"));
    }
    payment.refunded += amount;
    let refund = json!({
        "id": random_id("re_3", 23),
        "object": "refund",
        "amount": amount,
        "balance_transaction": random_id("txn_3", 23),
        "charge": payment.charge,
        "created": now_secs() + s.clock_offset,
        "currency": payment.currency,
        "metadata": metadata,
        "payment_intent": pi,
        "reason": reason,
        "receipt_number": null,
        "source_transfer_reversal": null,
        "status": "succeeded",
        "transfer_reversal": null,
    });
    s.refunds.push(refund.clone());
    Ok(refund)
}

pub(super) fn get_refund(s: &Fake, id: &str) -> Result<Value, ApiError> {
    s.refunds
        .iter()
        .find(|x| x["id"] == id)
        .cloned()
        .ok_or_else(|| {
            ApiError::invalid(format!("No such refund: '{id}'"))
                .code("resource_missing")
                .param("id")
                .status(StatusCode::NOT_FOUND)
        })
}
