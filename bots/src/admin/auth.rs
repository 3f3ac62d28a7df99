//! Who may use the admin API: whoever sends the admin token as a bearer token. The token is
//! compared in constant time and never logged; without one configured the API is off.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use super::Shared;
use super::error::AdminError;
use crate::http::constant_time_eq;

pub async fn authorize(
    State(admin): State<Shared>,
    request: Request,
    next: Next,
) -> Result<Response, AdminError> {
    let Some(token) = &admin.token else {
        return Err(AdminError::Off);
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Err(AdminError::Unauthorized);
    }
    Ok(next.run(request).await)
}
