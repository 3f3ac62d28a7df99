//! The live queue and today's waiting times.

use axum::Json;
use axum::extract::State;
use chrono::Duration;
use schalter_core::Engine;
use schalter_core::engine::EngineError;
use serde_json::{Value, json};

use super::Shared;
use super::error::AdminError;

/// Waiting times of today's calls, in minutes, and the live queue.
async fn queue_data(engine: &Engine) -> Result<Value, EngineError> {
    let view = engine.waiting_room().queue_view().await?;
    let now = engine.office().clock().now();
    let waiting: Vec<Value> = view
        .waiting
        .iter()
        .enumerate()
        .map(|(i, (e, eta))| {
            json!({
                "position": i + 1,
                "reference": e.reference,
                "service": e.service,
                "lang": e.lang,
                "waited_minutes": (now - e.joined_at).num_minutes(),
                "expected_minutes": eta.map(schalter_core::queue::estimate::minutes_to_tell),
            })
        })
        .collect();
    let today = engine
        .waiting_room()
        .waits_since(now - Duration::hours(24))
        .await?;
    Ok(json!({
        "waiting": waiting,
        "in_calls": view.calls.len(),
        "clerks_on_duty": view.clerks_on_duty,
        "today": today.iter().map(|(at, minutes)| json!({"called_at": at.to_rfc3339(), "waited_minutes": minutes})).collect::<Vec<_>>(),
    }))
}

pub async fn queue(State(admin): State<Shared>) -> Result<Json<Value>, AdminError> {
    Ok(Json(queue_data(&admin.engine).await?))
}
