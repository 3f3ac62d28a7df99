//! Failures injected on demand, in the forms Stripe really produces: JSON error answers, the
//! load balancer's HTML pages, and connections closed without an answer, before or after the
//! call was carried out.
//!
//! To close a connection without a single byte of answer, each accepted socket keeps a second
//! handle ([`Conn`]) that the handler reaches through `ConnectInfo`: it shuts the socket before
//! hyper writes anything. The check runs per request, so a keep-alive connection cannot carry
//! a later call past a due fault.

use std::collections::VecDeque;
use std::io;
use std::net::Shutdown;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::serve::{IncomingStream, Listener};
use tokio::net::{TcpListener, TcpStream};

use super::StripeFake;
use super::api::json_answer;
use super::error::ApiError;

/// A way a Stripe API call can fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StripeFault {
    /// An HTTP error with Stripe's JSON error body: 500 → `{"error":{"type":"api_error",
    /// "message":"..."}}`, 429 → `{"error":{"type":"invalid_request_error","code":"rate_limit",
    /// "message":"Too many requests hit the API too quickly..."}}`, 409 →
    /// `{"error":{"type":"idempotency_error","message":"There is currently another in-progress
    /// request using this Idempotent Key ... Please try again later."}}`, 502/503 → an HTML
    /// page from the load balancer (not JSON). Other 5xx are an `api_error`, other 4xx an
    /// `invalid_request_error`. Sets `Stripe-Should-Retry: true` for 409, 429 and 5xx, as
    /// Stripe does. Only 400 to 599 can be injected.
    Status(u16),
    /// The connection is closed without any answer (the request is not carried out).
    Drop,
    /// The request IS carried out (the session or refund is created and kept, so a retry with
    /// the same Idempotency-Key replays it), but the connection is closed before the answer.
    DropAfterCommit,
}

/// A fault waiting for calls to a path prefix.
struct Pending {
    path_prefix: String,
    fault: StripeFault,
    left: u32,
}

/// Faults waiting for their calls, in the order injected.
#[derive(Default)]
pub(super) struct FaultQueue {
    pending: VecDeque<Pending>,
    served: u32,
}

impl FaultQueue {
    /// The fault due for a call to `path`, if any: the first one injected for a prefix of it.
    pub(super) fn take(&mut self, path: &str) -> Option<StripeFault> {
        let i = self
            .pending
            .iter()
            .position(|p| path.starts_with(&p.path_prefix))?;
        let due = &mut self.pending[i];
        let fault = due.fault.clone();
        due.left -= 1;
        if due.left == 0 {
            self.pending.remove(i);
        }
        self.served += 1;
        Some(fault)
    }
}

impl StripeFake {
    /// The next `n` calls whose path starts with `path_prefix` (e.g. "/v1/checkout/sessions",
    /// "/v1/refunds") fail with `fault`. Faults are served in the order injected, before any
    /// other check (a faulted call is neither authenticated nor replayed). Panics on a
    /// `Status` outside 400–599.
    pub fn inject(&self, path_prefix: &str, fault: StripeFault, n: u32) {
        if let StripeFault::Status(code) = fault {
            assert!(
                (400..=599).contains(&code),
                "a Stripe fault status is 4xx or 5xx, not {code}"
            );
        }
        if n == 0 {
            return;
        }
        self.lock().faults.pending.push_back(Pending {
            path_prefix: path_prefix.to_owned(),
            fault,
            left: n,
        });
    }

    /// Calls answered with an injected fault so far.
    pub fn injected(&self) -> u32 {
        self.lock().faults.served
    }
}

/// The answer to an injected `StripeFault::Status(code)`.
pub(super) fn answer(code: u16, idempotency_key: Option<&str>) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let e = match status {
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE => {
            return mark_retry(load_balancer_page(status));
        }
        StatusCode::CONFLICT => ApiError::idempotency(format!(
            "There is currently another in-progress request using this Idempotent Key (that \
             probably means you submitted twice, and the other request is still going \
             through){}. Please try again later.",
            idempotency_key
                .map(|k| format!(": {k}"))
                .unwrap_or_default()
        )),
        StatusCode::TOO_MANY_REQUESTS => ApiError::invalid(
            "Too many requests hit the API too quickly. We recommend an exponential backoff of \
             your requests.",
        )
        .code("rate_limit"),
        s if s.is_server_error() => ApiError::internal(),
        s => ApiError::invalid(format!(
            "{} (a failure injected into the Stripe fake).",
            s.canonical_reason().unwrap_or("Request failed")
        )),
    };
    json_answer(status, e.status(status).body(), false)
}

/// What the load balancer in front of Stripe's API serves when the API cannot answer.
fn load_balancer_page(status: StatusCode) -> Response {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or_default()
    );
    let page = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1>\
         </center>\r\n</body>\r\n</html>\r\n"
    );
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/html"))],
        page,
    )
        .into_response()
}

/// Adds `Stripe-Should-Retry: true` where Stripe does: 409, 429 and 5xx.
pub(super) fn mark_retry(mut response: Response) -> Response {
    let status = response.status();
    if status == StatusCode::CONFLICT
        || status == StatusCode::TOO_MANY_REQUESTS
        || status.is_server_error()
    {
        response
            .headers_mut()
            .insert("stripe-should-retry", HeaderValue::from_static("true"));
    }
    response
}

/// An accepted connection as the handlers see it: a second handle on its socket.
#[derive(Clone, Debug)]
pub(super) struct Conn(Option<Arc<std::net::TcpStream>>);

impl Conn {
    /// Shuts the socket both ways: the client reads end-of-stream where the answer should be,
    /// and whatever hyper writes afterwards goes nowhere.
    pub(super) fn close(&self) {
        if let Some(socket) = &self.0 {
            let _ = socket.shutdown(Shutdown::Both);
        }
    }
}

/// The fake's listener: a TCP listener whose connections come with their [`Conn`].
pub(super) struct FaultListener(pub(super) TcpListener);

impl Listener for FaultListener {
    type Io = TcpStream;
    type Addr = Conn;

    async fn accept(&mut self) -> (TcpStream, Conn) {
        loop {
            match self.0.accept().await.and_then(|(s, _)| with_handle(s)) {
                Ok(accepted) => return accepted,
                // As axum does: wait for a passing shortage (file descriptors) to clear.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Conn> {
        // The listener itself has no connection to shut.
        self.0.local_addr().map(|_| Conn(None))
    }
}

impl Connected<IncomingStream<'_, FaultListener>> for Conn {
    fn connect_info(stream: IncomingStream<'_, FaultListener>) -> Self {
        stream.remote_addr().clone()
    }
}

/// `stream` and a second handle on its socket (a duplicated descriptor).
fn with_handle(stream: TcpStream) -> io::Result<(TcpStream, Conn)> {
    let socket = stream.into_std()?;
    let handle = socket.try_clone()?;
    Ok((TcpStream::from_std(socket)?, Conn(Some(Arc::new(handle)))))
}
