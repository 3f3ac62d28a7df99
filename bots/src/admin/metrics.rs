//! `/metrics`, in Prometheus' text format (0.0.4), written by `prometheus-client` (see
//! `schalter_core::metrics`): the process's counters and histograms, and what the database
//! holds now.

use anyhow::Context as _;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use schalter_core::metrics::{CONTENT_TYPE, Gauges};

use super::Shared;
use super::error::AdminError;

pub async fn metrics(State(admin): State<Shared>) -> Result<Response, AdminError> {
    let engine = &admin.engine;
    let view = engine.waiting_room().queue_view().await?;
    let gauges = Gauges {
        queue_waiting: view.waiting.len(),
        queue_in_call: view.calls.len(),
        clerks_on_duty: view.clerks_on_duty,
        payments: engine.admin().payments_by_state().await?,
        outbox_pending: engine.admin().undelivered_messages().await?,
    };
    let metrics = engine.office().metrics();
    metrics.expect_services(
        engine
            .office()
            .catalog()
            .services
            .iter()
            .map(|s| s.id.as_str()),
    );
    let text = metrics.encode(&gauges).context("encoding the metrics")?;
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response())
}
