//! `/metrics`, in Prometheus' text format.

use std::fmt::Write as _;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Duration;

use super::Shared;
use super::error::AdminError;

/// Prometheus text format.
pub async fn metrics(State(admin): State<Shared>) -> Result<Response, AdminError> {
    let engine = &admin.engine;
    let mut out = String::new();
    let view = engine.waiting_room().queue_view().await?;
    let waits = engine
        .waiting_room()
        .waits_since(engine.office().clock().now() - Duration::hours(24))
        .await?;
    let _ = writeln!(
        out,
        "# HELP schalter_queue_waiting Citizens in the waiting room.\n# TYPE schalter_queue_waiting gauge"
    );
    let _ = writeln!(out, "schalter_queue_waiting {}", view.waiting.len());
    let _ = writeln!(
        out,
        "# HELP schalter_queue_in_call Citizens with a clerk.\n# TYPE schalter_queue_in_call gauge"
    );
    let _ = writeln!(out, "schalter_queue_in_call {}", view.calls.len());
    let _ = writeln!(
        out,
        "# HELP schalter_clerks_on_duty Clerks available.\n# TYPE schalter_clerks_on_duty gauge"
    );
    let _ = writeln!(out, "schalter_clerks_on_duty {}", view.clerks_on_duty);
    let _ = writeln!(
        out,
        "# HELP schalter_waiting_minutes Waiting time before a clerk called, last 24 hours.\n# TYPE schalter_waiting_minutes histogram"
    );
    let mut sum = 0i64;
    for bound in [1, 2, 5, 10, 15, 30, 60] {
        let n = waits.iter().filter(|(_, m)| *m <= bound).count();
        let _ = writeln!(out, "schalter_waiting_minutes_bucket{{le=\"{bound}\"}} {n}");
    }
    for (_, m) in &waits {
        sum += m;
    }
    let _ = writeln!(
        out,
        "schalter_waiting_minutes_bucket{{le=\"+Inf\"}} {}",
        waits.len()
    );
    let _ = writeln!(out, "schalter_waiting_minutes_sum {sum}");
    let _ = writeln!(out, "schalter_waiting_minutes_count {}", waits.len());
    let _ = writeln!(
        out,
        "# HELP schalter_messages_total Citizens' messages by channel and language.\n# TYPE schalter_messages_total counter"
    );
    for ((channel, lang), n) in engine.office().metrics().messages() {
        let _ = writeln!(
            out,
            "schalter_messages_total{{channel=\"{channel}\",lang=\"{lang}\"}} {n}"
        );
    }
    let _ = writeln!(
        out,
        "# HELP schalter_errors_total Inputs that failed.\n# TYPE schalter_errors_total counter"
    );
    let _ = writeln!(
        out,
        "schalter_errors_total {}",
        engine.office().metrics().errors()
    );
    let (delivered, retried, dead) = engine.office().metrics().deliveries();
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_delivered_total Messages delivered by this process.\n# TYPE schalter_outbox_delivered_total counter\nschalter_outbox_delivered_total {delivered}"
    );
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_retried_total Deliveries that failed and were planned again.\n# TYPE schalter_outbox_retried_total counter\nschalter_outbox_retried_total {retried}"
    );
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_dead_total Messages given up (conversation unreachable or message refused).\n# TYPE schalter_outbox_dead_total counter\nschalter_outbox_dead_total {dead}"
    );
    let _ = writeln!(
        out,
        "# HELP schalter_delivery_failures_total Failed deliveries by platform and kind of failure (see the README's \"What each failure means\").\n# TYPE schalter_delivery_failures_total counter"
    );
    for ((platform, kind), n) in engine.office().metrics().send_failures() {
        let _ = writeln!(
            out,
            "schalter_delivery_failures_total{{platform=\"{platform}\",kind=\"{kind}\"}} {n}"
        );
    }
    let _ = writeln!(
        out,
        "# HELP schalter_purged_rows_total Rows the retention rules deleted or anonymised, by kind.\n# TYPE schalter_purged_rows_total counter"
    );
    for (kind, n) in engine.office().metrics().purged_rows() {
        let _ = writeln!(out, "schalter_purged_rows_total{{kind=\"{kind}\"}} {n}");
    }
    let totals = engine.admin().payments_by_state().await?;
    let _ = writeln!(
        out,
        "# HELP schalter_payments_total Payment requests by state.\n# TYPE schalter_payments_total gauge"
    );
    for (state, n, _) in &totals {
        let _ = writeln!(out, "schalter_payments_total{{state=\"{state}\"}} {n}");
    }
    let _ = writeln!(
        out,
        "# HELP schalter_payments_amount_cents Amounts of payment requests by state, in cents.\n# TYPE schalter_payments_amount_cents gauge"
    );
    for (state, _, cents) in &totals {
        let _ = writeln!(
            out,
            "schalter_payments_amount_cents{{state=\"{state}\"}} {cents}"
        );
    }
    let pending = engine.admin().undelivered_messages().await?;
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_pending Messages waiting for delivery.\n# TYPE schalter_outbox_pending gauge\nschalter_outbox_pending {pending}"
    );
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response())
}
