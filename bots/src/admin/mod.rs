//! The admin API under `/admin/api` (bearer token, compared in constant time; off without
//! SCHALTER_ADMIN_TOKEN), the admin page at `/admin/`, and `/metrics` for Prometheus.
//!
//! For translators: search across every locale (`GET /messages?q=`), one message in every
//! locale side by side (`GET /messages/{id}`), and translations "to review" after their German
//! reference changed, until edited or confirmed (see `i18n::edit` on reviews).
//!
//! This is an adapter: it reads requests and words answers. What an admin may do, and what
//! it leaves in the audit log, is the core's admin service (`schalter_core::admin`). Every
//! refusal is an [`error::AdminError`], answered as JSON with its status.
//!
//! - `auth`: the bearer token; `error`: refusals; `body`: request bodies;
//! - `snapshot`: the texts in force with their reviews; `locales`, `messages` (reading, search)
//!   and `edits` (changing, confirming, rolling back, previewing);
//! - `catalogue`, `queue`, `payments`, `citizens`, `audit`;
//! - `page`: the admin page; `metrics`: `/metrics`.

mod audit;
mod auth;
mod body;
mod catalogue;
mod citizens;
mod edits;
mod error;
mod locales;
mod messages;
mod metrics;
mod page;
mod payments;
mod queue;
mod snapshot;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{any, delete, get, post};
use schalter_core::Engine;
use schalter_core::live::Sources;

/// Largest request body the admin API accepts.
pub const MAX_BODY: usize = 64 * 1024;

/// What the admin API works with. No `Debug`: it holds the token.
#[derive(Clone)]
pub struct Admin {
    pub engine: Arc<Engine>,
    pub sources: Sources,
    pub token: Option<String>,
}

type Shared = Arc<Admin>;

pub fn router(admin: Admin) -> Router {
    let shared: Shared = Arc::new(admin);
    let api = Router::new()
        .route("/locales", get(locales::locales))
        .route("/locales/{lang}/messages", get(locales::messages))
        .route(
            "/locales/{lang}/messages/{id}",
            get(messages::message).put(edits::put_message),
        )
        .route("/locales/{lang}/messages/{id}/history", get(edits::history))
        .route(
            "/locales/{lang}/messages/{id}/rollback",
            post(edits::rollback),
        )
        .route(
            "/locales/{lang}/messages/{id}/confirm",
            post(edits::confirm),
        )
        .route("/messages", get(messages::search))
        .route("/messages/{id}", get(messages::side_by_side))
        .route("/locales/{lang}/preview", post(edits::preview))
        .route("/locales/{lang}/export", get(locales::export))
        .route(
            "/catalog",
            get(catalogue::get_catalog).put(catalogue::put_catalog),
        )
        .route("/queue", get(queue::queue))
        .route("/payments", get(payments::payments))
        .route("/citizens/{conversation}", delete(citizens::forget_citizen))
        .route("/audit", get(audit::audit))
        .fallback(error::no_such_endpoint)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .route_layer(middleware::from_fn_with_state(
            shared.clone(),
            auth::authorize,
        ))
        .layer(middleware::from_fn(error::json_refusals))
        .with_state(shared.clone());
    Router::new()
        .nest("/admin/api", api)
        // The nested router sees neither `/admin/api/` nor (when nested) its own root.
        .route("/admin/api/", any(error::no_such_endpoint))
        .route("/admin/", get(page::page).with_state(shared.clone()))
        .route(
            "/admin",
            get(|| async { axum::response::Redirect::permanent("/admin/") }),
        )
}

/// `/metrics` for Prometheus: on the main listener, or on one of its own
/// (`SCHALTER_METRICS_BIND`) that an operator keeps off the public ingress.
pub fn metrics_router(admin: Admin) -> Router {
    Router::new().route(
        "/metrics",
        get(metrics::metrics).with_state(Arc::new(admin)),
    )
}
