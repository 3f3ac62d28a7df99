//! The API front door: every call is recorded, may meet an injected fault, then is checked
//! (key, body, `Idempotency-Key`) and routed to its endpoint.

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::error::ApiError;
use super::faults::{self, Conn, StripeFault};
use super::params::{Params, parse_form};
use super::refunds::{create_refund, get_refund};
use super::sessions::{create_session, expire_session, get_session};
use super::{API_VERSION, Call, Fake, Kept, SECRET_KEY, StripeFake, random_id};

/// `base64("sk_test_schalter:")`: the key as HTTP Basic user name, as Stripe also accepts.
const BASIC_AUTH: &str = "c2tfdGVzdF9zY2hhbHRlcjo=";

/// What a call gets, decided with the state locked.
enum Outcome {
    /// `(status, body, replayed)`.
    Answer(StatusCode, Value, bool),
    /// An injected `StripeFault::Status`.
    Fault(u16),
    /// The connection is closed instead of answering.
    Hang,
}

/// The handler behind every path.
pub(super) async fn api(
    State(fake): State<StripeFake>,
    ConnectInfo(conn): ConnectInfo<Conn>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let idempotency_key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let outcome = {
        let mut s = fake.lock();
        s.calls.push(Call {
            path: uri.path().to_owned(),
            idempotency_key: idempotency_key.clone(),
        });
        let fault = s.faults.take(uri.path());
        let carry_out = |s: &mut Fake| {
            let (status, body, replayed) = serve(s, &method, &uri, &headers, &body);
            Outcome::Answer(status, body, replayed)
        };
        match fault {
            None => carry_out(&mut s),
            Some(StripeFault::Status(code)) => Outcome::Fault(code),
            Some(StripeFault::Drop) => Outcome::Hang,
            Some(StripeFault::DropAfterCommit) => {
                carry_out(&mut s);
                Outcome::Hang
            }
        }
    };
    match outcome {
        Outcome::Answer(status, body, replayed) => json_answer(status, body, replayed),
        Outcome::Fault(code) => faults::answer(code, idempotency_key.as_deref()),
        Outcome::Hang => {
            conn.close();
            // Never reaches the client: the socket is already shut.
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A JSON answer with the headers Stripe's API servers set.
pub(super) fn json_answer(status: StatusCode, body: Value, replayed: bool) -> Response {
    let mut response = (status, axum::Json(body)).into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&random_id("req_", 14)) {
        h.insert("request-id", v);
    }
    h.insert("stripe-version", HeaderValue::from_static(API_VERSION));
    if replayed {
        h.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    faults::mark_retry(response)
}

/// One API call, with the state locked: `(status, body, replayed)`.
fn serve(
    s: &mut Fake,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> (StatusCode, Value, bool) {
    if s.down {
        let e = ApiError::internal();
        return (e.status, e.body(), false);
    }
    let outcome = authenticate(headers)
        .and_then(|()| params(method, uri, headers, body))
        .and_then(|params| idempotent(s, method, uri.path(), headers, params));
    match outcome {
        Ok((body, replayed)) => (StatusCode::OK, body, replayed),
        Err(e) => (e.status, e.body(), false),
    }
}

/// The secret key, as Bearer token or as Basic user name.
fn authenticate(headers: &HeaderMap) -> Result<(), ApiError> {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let key = auth.strip_prefix("Bearer ").map(str::trim).or_else(|| {
        auth.strip_prefix("Basic ")
            .map(|b| b.trim())
            .map(|b| if b == BASIC_AUTH { SECRET_KEY } else { b })
    });
    if key == Some(SECRET_KEY) {
        return Ok(());
    }
    let message = match key {
        None | Some("") => "You did not provide an API key. You need to provide your API key in \
                            the Authorization header, using Bearer auth (e.g. 'Authorization: \
                            Bearer YOUR_SECRET_KEY')."
            .to_owned(),
        Some(k) => {
            let tail: String = k
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!(
                "Invalid API Key provided: {}****{tail}",
                k.chars().take(8).collect::<String>()
            )
        }
    };
    Err(ApiError::invalid(message).status(StatusCode::UNAUTHORIZED))
}

/// The form body of a POST, the query string of anything else.
fn params(
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Params, ApiError> {
    if method != Method::POST {
        return Ok(parse_form(uri.query().unwrap_or_default().as_bytes()));
    }
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !body.is_empty()
        && !content_type.is_empty()
        && !content_type.starts_with("application/x-www-form-urlencoded")
    {
        return Err(ApiError::invalid(format!(
            "Invalid request: unsupported Content-Type {content_type}. If error persists and you \
             need assistance, please contact support@stripe.com."
        )));
    }
    Ok(parse_form(body))
}

/// Replays the kept answer of a known `Idempotency-Key` (POST only), else routes the call and
/// keeps a successful answer: `(body, replayed)`.
fn idempotent(
    s: &mut Fake,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    params: Params,
) -> Result<(Value, bool), ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|_| method == Method::POST)
        .map(str::to_owned);
    let Some(key) = key else {
        return route(s, method, path, &params).map(|body| (body, false));
    };
    if key.len() > 255 {
        return Err(ApiError::invalid(
            "Idempotency-Key must be at most 255 characters long.",
        ));
    }
    if let Some(kept) = s.idempotency.get(&key) {
        if kept.path != path {
            return Err(ApiError::idempotency(format!(
                "Keys for idempotent requests can only be used for the same endpoint they were \
                 first used for ('{}' vs '{path}'). Try using a key other than '{key}' if you \
                 meant to execute a different request.",
                kept.path
            )));
        }
        if kept.params != params {
            return Err(ApiError::idempotency(format!(
                "Keys for idempotent requests can only be used with the same parameters they \
                 were first used with. Try using a key other than '{key}' if you meant to \
                 execute a different request."
            )));
        }
        return Ok((kept.body.clone(), true));
    }
    let body = route(s, method, path, &params)?;
    s.idempotency.insert(
        key,
        Kept {
            path: path.to_owned(),
            params,
            body: body.clone(),
        },
    );
    Ok((body, false))
}

/// The endpoint for `method` and `path`.
fn route(s: &mut Fake, method: &Method, path: &str, params: &Params) -> Result<Value, ApiError> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("POST", ["v1", "checkout", "sessions"]) => create_session(s, params),
        ("GET", ["v1", "checkout", "sessions", id]) => get_session(s, id),
        ("POST", ["v1", "checkout", "sessions", id, "expire"]) => expire_session(s, id),
        ("POST", ["v1", "refunds"]) => create_refund(s, params),
        ("GET", ["v1", "refunds", id]) => get_refund(s, id),
        _ => Err(ApiError::invalid(format!(
            "Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or \
             we can help at https://support.stripe.com/."
        ))
        .status(StatusCode::NOT_FOUND)),
    }
}
