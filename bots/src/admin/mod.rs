//! The admin API under `/admin/api`, the admin page at `/admin/`, staff sign-in
//! (`/admin/login`, `/admin/callback`, `/admin/logout`) and `/metrics` for Prometheus.
//!
//! Staff sign in as themselves (through the city's identity provider, or local accounts) and
//! each holds roles for their tasks; scripts use API tokens with roles; see `identity` for who
//! may call what, `login` for the sign-in, `oidc` for the provider, `tokens` for the tokens.
//!
//! For translators: search across every locale (`GET /messages?q=`), one message in every
//! locale side by side (`GET /messages/{id}`), and translations "to review" after their German
//! reference changed, until edited or confirmed (see `i18n::edit` on reviews).
//!
//! This is an adapter: it reads requests and words answers. What an admin may do, and what
//! it leaves in the audit log, is the core's admin service (`schalter_core::admin`). Every
//! refusal is an [`error::AdminError`], answered as JSON with its status.
//!
//! - `identity`: who calls, and the role each endpoint needs; `error`: refusals; `body`:
//!   request bodies;
//! - `snapshot`: the texts in force with their reviews; `locales`, `messages` (reading, search)
//!   and `edits` (changing, confirming, rolling back, previewing);
//! - `catalogue`, `queue`, `payments`, `citizens`, `audit`;
//! - `page`: the admin page; `metrics`: `/metrics`.

mod audit;
mod body;
mod catalogue;
mod citizens;
mod documents;
mod edits;
mod error;
mod identity;
mod locales;
mod login;
mod messages;
mod metrics;
mod oidc;
mod page;
mod payments;
mod queue;
mod snapshot;
mod tokens;

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
    /// `SCHALTER_ADMIN_TOKEN`: every role, for scripts of earlier versions.
    pub token: Option<String>,
    /// The city's identity provider; without one, local accounts sign in.
    pub oidc: Option<Arc<oidc::Oidc>>,
    /// `SCHALTER_PUBLIC_URL`: the one origin changes may come from, if set.
    pub public_url: Option<String>,
    login_limiter: Arc<login::LoginLimiter>,
}

impl Admin {
    pub fn new(
        engine: Arc<Engine>,
        sources: Sources,
        token: Option<String>,
        oidc: Option<crate::config::OidcConfig>,
        public_url: Option<String>,
    ) -> anyhow::Result<Self> {
        if token.is_some() {
            tracing::warn!(
                target: "admin",
                "SCHALTER_ADMIN_TOKEN is set: whoever holds it has every role and the audit log \
                 cannot say who they are; make API tokens with a role each (POST \
                 /admin/api/tokens) and remove it"
            );
        }
        Ok(Self {
            engine,
            sources,
            token,
            oidc: oidc.map(oidc::Oidc::new).transpose()?.map(Arc::new),
            public_url,
            login_limiter: Arc::new(login::login_limiter()),
        })
    }

    /// Whether a request's `Origin` is this server: `SCHALTER_PUBLIC_URL`'s origin if set,
    /// else the request's own `Host`.
    pub fn own_origin(&self, origin: &str, headers: &axum::http::HeaderMap) -> bool {
        match &self.public_url {
            Some(public) => {
                url::Url::parse(public).is_ok_and(|u| u.origin().ascii_serialization() == origin)
            }
            None => {
                let host = headers
                    .get(axum::http::header::HOST)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                !host.is_empty()
                    && (origin == format!("http://{host}") || origin == format!("https://{host}"))
            }
        }
    }
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
        .route("/documents", get(documents::documents))
        .route("/citizens/{conversation}", delete(citizens::forget_citizen))
        .route("/audit", get(audit::audit))
        .route("/me", get(tokens::me))
        .route("/tokens", get(tokens::list).post(tokens::create))
        .route("/tokens/{id}", delete(tokens::revoke))
        .fallback(error::no_such_endpoint)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .route_layer(middleware::from_fn_with_state(
            shared.clone(),
            identity::authorize,
        ))
        .layer(middleware::from_fn(error::json_refusals))
        .with_state(shared.clone());
    Router::new()
        .nest("/admin/api", api)
        // The nested router sees neither `/admin/api/` nor (when nested) its own root.
        .route("/admin/api/", any(error::no_such_endpoint))
        .route("/admin/", get(page::page).with_state(shared.clone()))
        .route(
            "/admin/login",
            get(login::start)
                .post(login::local)
                .with_state(shared.clone()),
        )
        .route(
            "/admin/callback",
            get(login::callback).with_state(shared.clone()),
        )
        .route(
            "/admin/logout",
            get(login::confirm_logout)
                .post(login::logout)
                .with_state(shared.clone()),
        )
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
