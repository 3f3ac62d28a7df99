//! What a failed request to the homeserver means for the outbox: the Matrix error code where
//! the homeserver gave one (`M_LIMIT_EXCEEDED`, `M_FORBIDDEN` …), else the HTTP status (a
//! reverse proxy's HTML page in front of a homeserver that is down), else no answer at all.
//!
//! Sends go with matrix-sdk's own retrying turned off ([`send_config`]): by default it keeps
//! a send retrying inside one call for up to 15 minutes, which would hold a claimed row far
//! beyond its claim and hide each failure from the outbox's back-off and from `/metrics`.
//! The outbox retries durably instead, with the same transaction id, so a repeat is dropped
//! by the homeserver.

use std::time::Duration;

use matrix_sdk::config::RequestConfig;
use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};

use crate::channel::{FailureKind, SendError};

/// One try per call; the outbox decides about the next.
pub fn send_config() -> RequestConfig {
    RequestConfig::new()
        .disable_retry()
        .timeout(Duration::from_secs(30))
}

/// How a failed Matrix request counts for the outbox.
pub fn classify(e: matrix_sdk::Error) -> SendError {
    if let Some(api) = e.as_client_api_error() {
        let kind = match (api.error_kind(), api.status_code.as_u16()) {
            (Some(ErrorKind::LimitExceeded(limit)), _) => {
                let wait = match &limit.retry_after {
                    Some(RetryAfter::Delay(d)) => Some(*d),
                    // A point in time would need the wall clock; the back-off is close enough.
                    _ => None,
                };
                return SendError::new(FailureKind::RateLimited, &e).after(wait);
            }
            (_, 429) => FailureKind::RateLimited,
            (Some(ErrorKind::UnknownToken(_) | ErrorKind::MissingToken), _) | (_, 401) => {
                FailureKind::Credentials
            }
            // Not (or no longer) in the room: the citizen left, the bot was kicked or banned.
            (Some(ErrorKind::Forbidden), _) | (_, 403) => FailureKind::Unreachable,
            (
                Some(
                    ErrorKind::TooLarge
                    | ErrorKind::BadJson
                    | ErrorKind::NotJson
                    | ErrorKind::InvalidParam
                    | ErrorKind::MissingParam,
                ),
                _,
            )
            | (_, 413) => FailureKind::Refused,
            // `M_UNKNOWN` with a 500, or a proxy's 502 page while the homeserver restarts.
            (_, 500..=599) => FailureKind::ServerError,
            // `M_UNKNOWN` with a 400 and whatever else nobody planned for.
            _ => FailureKind::Unrecognized,
        };
        return SendError::new(kind, &e);
    }
    let kind = match &e {
        matrix_sdk::Error::Http(http) => match http.as_ref() {
            matrix_sdk::HttpError::Reqwest(_) => FailureKind::Network,
            matrix_sdk::HttpError::Api(_) => FailureKind::Unrecognized,
            _ => FailureKind::Internal,
        },
        // The crypto store, serialisation, our own state: ours to retry.
        _ => FailureKind::Internal,
    };
    SendError::new(kind, &e)
}
