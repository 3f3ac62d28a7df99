//! A proxy in front of a real homeserver that fails on demand, as the homeserver or its reverse
//! proxy would: an HTML 502 page, a Matrix error with `retry_after_ms`, a connection closed
//! without an answer, a server that is restarting. A test points a Matrix client (or the bot's
//! `SCHALTER_MATRIX_HOMESERVER`) at [`FaultProxy::url`] and checks how it recovers.
//!
//! It is a TCP front that reads each request head itself, not an axum handler: a
//! [`HttpFault::Reset`] must end the connection without any response, which a handler cannot
//! do short of panicking. Whatever is not failed is relayed as raw bytes, so headers, bodies
//! and transaction ids reach the homeserver exactly as the client sent them (only the
//! connection-level headers change, and `Host` names the upstream). One exception: a login
//! response's `well_known` homeserver becomes the proxy (see `advertise_proxy`), as it would
//! be in production, so that matrix-sdk does not switch to the homeserver's own address.
//!
//! Invariant: one request per client connection, and every request head is checked here (fault
//! queue, down state) before anything of it reaches the homeserver. The proxy forwards exactly
//! the request's own body (by its `Content-Length` or chunked framing), and says
//! `Connection: close` to both sides, so neither keep-alive nor pipelining can carry a second
//! request past the check. Bodies are streamed, never held whole (login responses aside), and
//! a forwarded exchange has no time limit: a long-polling `/sync?timeout=30000` stays open as long as the homeserver
//! holds it.
//!
//! Paths are matched as sent on the wire (percent-encoded, without the query string).

mod answers;
mod connection;
mod login;
mod wire;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use connection::accept_loop;

/// A way a request to the homeserver can fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpFault {
    /// The reverse proxy's HTML error page with this status (502 Bad Gateway, 503, 504), not JSON.
    Html(u16),
    /// A Matrix standard error: `{"errcode": errcode, "error": error}` with this status, plus
    /// `"retry_after_ms"` in the body (and a `Retry-After` header in whole seconds, rounded up)
    /// when given — e.g. 429 M_LIMIT_EXCEEDED with retry_after_ms, 500 M_UNKNOWN, 403 M_FORBIDDEN.
    Matrix {
        status: u16,
        errcode: String,
        error: String,
        retry_after_ms: Option<u64>,
    },
    /// The connection is closed without any response (the request does not reach the homeserver).
    Reset,
}

/// A running proxy; it stops listening, and ends its open connections, when dropped.
pub struct FaultProxy {
    /// Where clients connect, e.g. `http://127.0.0.1:40123`.
    pub url: String,
    shared: Arc<Shared>,
    accept: JoinHandle<()>,
}

struct Shared {
    /// `host:port` of the homeserver.
    upstream: String,
    /// The proxy's own base URL, put into login responses.
    url: String,
    state: Mutex<State>,
    down: watch::Sender<bool>,
}

#[derive(Default)]
struct State {
    /// Served front to back: a request takes the first entry whose filter matches its path.
    queue: VecDeque<Injection>,
    injected: u32,
    /// The path of every request that reached the homeserver.
    forwarded: Vec<String>,
}

struct Injection {
    path_contains: String,
    fault: HttpFault,
    left: u32,
}

impl FaultProxy {
    /// Listens on 127.0.0.1 (a free port) and forwards every request to `upstream` (e.g. "http://127.0.0.1:8008").
    pub async fn start(upstream: &str) -> Self {
        let upstream = upstream_authority(upstream);
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fault proxy");
        let url = format!(
            "http://{}",
            listener.local_addr().expect("fault proxy address")
        );
        let shared = Arc::new(Shared {
            upstream,
            url: url.clone(),
            state: Mutex::default(),
            down: watch::Sender::new(false),
        });
        let accept = tokio::spawn(accept_loop(listener, shared.clone()));
        Self {
            url,
            shared,
            accept,
        }
    }

    /// The next `n` requests whose path contains `path_contains` (e.g. "/send/m.room.message",
    /// "/sync", "" for any) get `fault` instead of reaching the homeserver.
    pub fn inject(&self, path_contains: &str, fault: HttpFault, n: u32) {
        if n > 0 {
            self.shared.state().queue.push_back(Injection {
                path_contains: path_contains.to_owned(),
                fault,
                left: n,
            });
        }
    }

    /// While down, every new connection is closed at once and requests on open ones too
    /// (a homeserver that is restarting); `set_down(false)` lets them through again.
    /// Going down also cuts the exchanges in flight, a long-polling `/sync` among them.
    pub fn set_down(&self, down: bool) {
        self.shared.down.send_replace(down);
    }

    /// Requests answered with an injected fault (not counting `set_down`) so far.
    pub fn injected(&self) -> u32 {
        self.shared.state().injected
    }

    /// Requests whose path contains `path_contains` that reached the homeserver so far.
    pub fn forwarded(&self, path_contains: &str) -> u32 {
        let state = self.shared.state();
        let count = state
            .forwarded
            .iter()
            .filter(|path| path.contains(path_contains))
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn is_down(&self) -> bool {
        *self.down.borrow()
    }

    /// The fault for a request to `path`, if one is queued for it; taking it counts it.
    fn take_fault(&self, path: &str) -> Option<HttpFault> {
        let mut state = self.state();
        let at = state
            .queue
            .iter()
            .position(|i| path.contains(&i.path_contains))?;
        let injection = &mut state.queue[at];
        injection.left -= 1;
        let fault = injection.fault.clone();
        if injection.left == 0 {
            state.queue.remove(at);
        }
        state.injected += 1;
        Some(fault)
    }
}

/// `host:port` of a plain-HTTP base URL without a path.
fn upstream_authority(upstream: &str) -> String {
    let url = reqwest::Url::parse(upstream)
        .unwrap_or_else(|e| panic!("fault proxy upstream {upstream:?}: {e}"));
    assert_eq!(
        url.scheme(),
        "http",
        "the fault proxy speaks plain HTTP to {upstream}"
    );
    assert!(
        url.path() == "/" && url.query().is_none(),
        "the fault proxy's upstream {upstream} must be a bare base URL"
    );
    let host = url.host_str().expect("upstream host");
    let port = url.port_or_known_default().expect("upstream port");
    format!("{host}:{port}")
}
