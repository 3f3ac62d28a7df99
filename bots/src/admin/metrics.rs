//! `/metrics`, in Prometheus' text format (0.0.4), written by `prometheus-client` (see
//! `schalter_core::metrics`): the process's counters and histograms, and what the database
//! holds now.
//!
//! A database that fails or does not answer in time never fails the scrape: it is answered
//! with `schalter_database_up 0` and the process's own figures, so that an alert can tell "the
//! database is unreachable" from "Schalter is down" (`up == 0`).

use std::time::Duration;

use anyhow::Context as _;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use schalter_core::Engine;
use schalter_core::engine::EngineError;
use schalter_core::metrics::{CONTENT_TYPE, Gauges};

use super::Shared;
use super::error::AdminError;

/// How long a scrape waits for the database: below Prometheus' default scrape timeout (10 s),
/// so that a database that hangs is reported as down rather than the whole scrape lost.
const DATABASE_WITHIN: Duration = Duration::from_secs(5);

pub async fn metrics(State(admin): State<Shared>) -> Result<Response, AdminError> {
    let engine = &admin.engine;
    let office = engine.office();
    let local_now = office.now().with_timezone(&office.tz()).naive_local();
    let office_open = office.catalog().office.is_open(local_now);
    let gauges = match tokio::time::timeout(DATABASE_WITHIN, stored(engine, office_open)).await {
        Ok(Ok(gauges)) => gauges,
        Ok(Err(e)) => {
            tracing::warn!(target: "metrics", error = %e, "the database's figures could not be read");
            Gauges::database_down(office_open)
        }
        Err(_) => {
            tracing::warn!(
                target: "metrics",
                within_ms = DATABASE_WITHIN.as_millis(),
                "the database did not answer in time for the scrape"
            );
            Gauges::database_down(office_open)
        }
    };
    let metrics = office.metrics();
    metrics.expect_services(office.catalog().services.iter().map(|s| s.id.as_str()));
    let text = metrics.encode(&gauges).context("encoding the metrics")?;
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response())
}

/// What the database holds now.
async fn stored(engine: &Engine, office_open: bool) -> Result<Gauges, EngineError> {
    let view = engine.waiting_room().queue_view().await?;
    Ok(Gauges {
        queue_waiting: view.waiting.len(),
        queue_in_call: view.calls.len(),
        clerks_on_duty: view.clerks_on_duty,
        payments: engine.admin().payments_by_state().await?,
        outbox_pending: engine.admin().undelivered_messages().await?,
        database_up: true,
        office_open,
    })
}
