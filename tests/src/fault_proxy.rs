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

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

/// The longest head (start line and headers) or chunk-size line accepted.
const MAX_HEAD: u64 = 64 * 1024;
/// How long a closing connection keeps reading what the client still sends, so that unread
/// bytes do not turn the close into a reset that swallows the answer just written.
const LINGER: Duration = Duration::from_secs(2);
/// Headers about the connection itself, replaced by `Connection: close` on both sides.
const HOP_BY_HOP: [&str; 4] = ["connection", "keep-alive", "proxy-connection", "upgrade"];

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

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    // Owned here, so that aborting this task (dropping the proxy) ends every connection too.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                // While down, a new connection is closed as soon as it is accepted.
                Ok((client, _)) if !shared.is_down() => {
                    connections.spawn(serve_connection(client, shared.clone()));
                }
                Ok(_) => {}
                // Out of file descriptors or the like: let some connections finish first.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next() => {}
        }
    }
}

async fn serve_connection(client: TcpStream, shared: Arc<Shared>) {
    let mut down = shared.down.subscribe();
    tokio::select! {
        biased;
        // A homeserver that is restarting: the connection ends at once, whatever it was doing.
        _ = down.wait_for(|down| *down) => {}
        _ = exchange(client, &shared) => {}
    }
}

/// One request and its answer on a client connection, which is closed afterwards.
async fn exchange(client: TcpStream, shared: &Shared) -> io::Result<()> {
    client.set_nodelay(true)?;
    let (read, mut write) = client.into_split();
    let mut read = BufReader::new(read);
    let Some(raw) = read_head(&mut read).await? else {
        return Ok(());
    };
    match Request::parse(&raw) {
        Err(_) => write.write_all(&html_answer(400)).await?,
        Ok(request) => match shared.take_fault(request.path()) {
            Some(fault) => {
                let Some(answer) = fault_answer(&fault) else {
                    // HttpFault::Reset: dropping the socket closes it without a word.
                    return Ok(());
                };
                // Read the body as a reverse proxy would, so the client is not cut off
                // mid-upload and reads the answer.
                copy_body(&mut read, &mut tokio::io::sink(), request.framing).await?;
                write.write_all(&answer).await?;
            }
            None => forward(shared, &request, &mut read, &mut write).await?,
        },
    }
    write.shutdown().await?;
    linger(&mut read).await;
    Ok(())
}

/// Relays one request to the homeserver and its response back.
async fn forward<R, W>(
    shared: &Shared,
    request: &Request,
    client_read: &mut R,
    client_write: &mut W,
) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let Ok(upstream) = TcpStream::connect(&shared.upstream).await else {
        // What a reverse proxy answers when the homeserver is not there.
        copy_body(client_read, &mut tokio::io::sink(), request.framing).await?;
        return client_write.write_all(&html_answer(502)).await;
    };
    upstream.set_nodelay(true)?;
    let (up_read, mut up_write) = upstream.into_split();
    let mut up_read = BufReader::new(up_read);
    up_write
        .write_all(&request.head.rewritten(Some(&shared.upstream)))
        .await?;
    shared.state().forwarded.push(request.path().to_owned());

    let send = async {
        let sent = copy_body(client_read, &mut up_write, request.framing).await;
        if sent.is_err() {
            // The client went away mid-body: let the homeserver see the end too.
            let _ = up_write.shutdown().await;
        }
    };
    let login = (request.method == "POST" && request.path().ends_with("/login"))
        .then_some(shared.url.as_str());
    let receive = relay_response(&mut up_read, client_write, &request.method, login);
    tokio::pin!(send, receive);
    let mut sending = true;
    loop {
        tokio::select! {
            // The response may come before the body is all sent (an early error); it decides.
            () = &mut send, if sending => sending = false,
            received = &mut receive => return received,
        }
    }
}

/// Relays interim responses (100 Continue) and the final response, with `Connection: close`.
/// `login`: the response is to a login, whose advertised homeserver becomes this URL.
async fn relay_response<R, W>(
    upstream: &mut R,
    client: &mut W,
    method: &str,
    login: Option<&str>,
) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    loop {
        let Ok(Some(raw)) = read_head(upstream).await else {
            // The homeserver hung up without answering: as a reverse proxy would say.
            return client.write_all(&html_answer(502)).await;
        };
        let mut head = Head::parse(&raw)?;
        let status = head
            .start
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| invalid("response without a status"))?;
        if (100..200).contains(&status) && status != 101 {
            client.write_all(&raw).await?;
            continue;
        }
        let no_body =
            method.eq_ignore_ascii_case("HEAD") || status == 204 || status == 304 || status == 101;
        let framing = match head.framing()? {
            _ if no_body => Framing::Empty,
            // Without a length the body ends when the homeserver closes.
            Framing::Empty => Framing::UntilClose,
            framing => framing,
        };
        if let Some(proxy_url) = login {
            // Small, and it must be whole to be rewritten; Synapse sends it chunked.
            let body = read_whole_body(upstream, framing).await?;
            let body = advertise_proxy(&body, proxy_url).unwrap_or(body);
            head.set_body_length(body.len());
            client.write_all(&head.rewritten(None)).await?;
            return client.write_all(&body).await;
        }
        client.write_all(&head.rewritten(None)).await?;
        return copy_body(upstream, client, framing).await;
    }
}

/// A login response naming the proxy as the homeserver (`well_known` `m.homeserver`), or
/// `None` if it names none. In production the homeserver's `public_baseurl`, which Synapse puts
/// there, is its reverse proxy; in tests it is Synapse's own port, and matrix-sdk follows it by
/// default (`respect_login_well_known`), so a client would leave the proxy right after login.
fn advertise_proxy(body: &[u8], proxy_url: &str) -> Option<Vec<u8>> {
    let mut login: serde_json::Value = serde_json::from_slice(body).ok()?;
    let base_url = login
        .get_mut("well_known")?
        .get_mut("m.homeserver")?
        .get_mut("base_url")?;
    *base_url = format!("{proxy_url}/").into();
    serde_json::to_vec(&login).ok()
}

/// Reads what the client still sends, until it closes or for [`LINGER`], and drops it.
async fn linger<R: AsyncRead + Unpin>(client: &mut R) {
    let _ = tokio::time::timeout(LINGER, tokio::io::copy(client, &mut tokio::io::sink())).await;
}

/// The answer for a fault, or `None` for [`HttpFault::Reset`], which has none.
fn fault_answer(fault: &HttpFault) -> Option<Vec<u8>> {
    match fault {
        HttpFault::Html(status) => Some(html_answer(*status)),
        HttpFault::Matrix {
            status,
            errcode,
            error,
            retry_after_ms,
        } => {
            let mut body = serde_json::json!({ "errcode": errcode, "error": error });
            let mut extra = String::new();
            if let Some(ms) = retry_after_ms {
                body["retry_after_ms"] = (*ms).into();
                extra = format!("Retry-After: {}\r\n", ms.div_ceil(1000));
            }
            Some(answer(
                *status,
                "application/json",
                &extra,
                &body.to_string(),
            ))
        }
        HttpFault::Reset => None,
    }
}

/// An error page as nginx, the usual reverse proxy before Synapse, writes it.
fn html_answer(status: u16) -> Vec<u8> {
    let title = format!("{status} {}", reason(status));
    let body = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n\
         <center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    answer(status, "text/html", "", &body)
}

fn answer(status: u16, content_type: &str, extra_headers: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {extra_headers}Connection: close\r\n\r\n{body}",
        reason(status),
        body.len()
    )
    .into_bytes()
}

fn reason(status: u16) -> &'static str {
    axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error")
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

/// How the body after a head is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Empty,
    Length(u64),
    Chunked,
    /// Until the sender closes (a response without a length).
    UntilClose,
}

/// A request or response head: the start line and the header fields, in order.
struct Head {
    start: String,
    headers: Vec<(String, String)>,
}

impl Head {
    fn parse(raw: &[u8]) -> io::Result<Self> {
        let text = std::str::from_utf8(raw).map_err(|_| invalid("head is not UTF-8"))?;
        let mut lines = text.lines();
        let start = lines
            .next()
            .filter(|l| !l.is_empty())
            .ok_or_else(|| invalid("empty head"))?
            .to_owned();
        let headers = lines
            .take_while(|l| !l.is_empty())
            .map(|line| {
                let (name, value) = line
                    .split_once(':')
                    .ok_or_else(|| invalid("header without a colon"))?;
                Ok((name.trim().to_owned(), value.trim().to_owned()))
            })
            .collect::<io::Result<_>>()?;
        Ok(Self { start, headers })
    }

    /// The body's framing as the headers declare it; `Empty` when they declare none.
    fn framing(&self) -> io::Result<Framing> {
        let chunked = self.headers.iter().any(|(name, value)| {
            name.eq_ignore_ascii_case("transfer-encoding")
                && value.to_ascii_lowercase().contains("chunked")
        });
        if chunked {
            return Ok(Framing::Chunked);
        }
        match self
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        {
            Some((_, length)) => length
                .parse()
                .map(Framing::Length)
                .map_err(|_| invalid("bad Content-Length")),
            None => Ok(Framing::Empty),
        }
    }

    /// Frames the body by this `Content-Length`, no longer chunked.
    fn set_body_length(&mut self, length: usize) {
        self.headers.retain(|(name, _)| {
            !name.eq_ignore_ascii_case("content-length")
                && !name.eq_ignore_ascii_case("transfer-encoding")
        });
        self.headers
            .push(("Content-Length".to_owned(), length.to_string()));
    }

    /// The head to pass on: `Connection: close` instead of the connection-level headers, and
    /// `host` as the Host header when given.
    fn rewritten(&self, host: Option<&str>) -> Vec<u8> {
        let mut out = format!("{}\r\n", self.start);
        for (name, value) in &self.headers {
            if HOP_BY_HOP.iter().any(|h| name.eq_ignore_ascii_case(h)) {
                continue;
            }
            let value = match host {
                Some(host) if name.eq_ignore_ascii_case("host") => host,
                _ => value,
            };
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str("Connection: close\r\n\r\n");
        out.into_bytes()
    }
}

struct Request {
    head: Head,
    method: String,
    /// The request target as sent: path and query.
    target: String,
    framing: Framing,
}

impl Request {
    fn parse(raw: &[u8]) -> io::Result<Self> {
        let head = Head::parse(raw)?;
        let mut start = head.start.split(' ');
        let (Some(method), Some(target), Some(_version)) =
            (start.next(), start.next(), start.next())
        else {
            return Err(invalid("bad request line"));
        };
        let (method, target) = (method.to_owned(), target.to_owned());
        let framing = head.framing()?;
        Ok(Self {
            head,
            method,
            target,
            framing,
        })
    }

    fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(&self.target, |(path, _)| path)
    }
}

/// One line, `\n` included, of at most [`MAX_HEAD`] bytes; empty at the end of the stream.
async fn read_line<R: AsyncBufRead + Unpin>(from: &mut R, line: &mut Vec<u8>) -> io::Result<()> {
    line.clear();
    (&mut *from).take(MAX_HEAD).read_until(b'\n', line).await?;
    if !line.is_empty() && !line.ends_with(b"\n") {
        return Err(invalid("line too long or cut off"));
    }
    Ok(())
}

/// A head up to and including its empty line, or `None` if the stream ends before it starts.
async fn read_head<R: AsyncBufRead + Unpin>(from: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut head = Vec::new();
    let mut line = Vec::new();
    loop {
        read_line(from, &mut line).await?;
        if line.is_empty() {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        head.extend_from_slice(&line);
        if head.len() as u64 > MAX_HEAD {
            return Err(invalid("head too long"));
        }
        if line == b"\r\n" || line == b"\n" {
            return Ok(Some(head));
        }
    }
}

/// Copies exactly one body, as framed, from `from` to `to`.
async fn copy_body<R, W>(from: &mut R, to: &mut W, framing: Framing) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    match framing {
        Framing::Empty => Ok(()),
        Framing::Length(length) => copy_exact(from, to, length).await,
        Framing::UntilClose => tokio::io::copy_buf(from, to).await.map(drop),
        Framing::Chunked => {
            let mut line = Vec::new();
            loop {
                read_line(from, &mut line).await?;
                to.write_all(&line).await?;
                let size = chunk_size(&line)?;
                if size == 0 {
                    // Trailer fields, up to the empty line.
                    loop {
                        read_line(from, &mut line).await?;
                        if line.is_empty() {
                            return Err(io::ErrorKind::UnexpectedEof.into());
                        }
                        to.write_all(&line).await?;
                        if line == b"\r\n" || line == b"\n" {
                            return Ok(());
                        }
                    }
                }
                copy_exact(from, to, size).await?;
                read_line(from, &mut line).await?;
                to.write_all(&line).await?;
            }
        }
    }
}

/// A whole body, decoded from its framing.
async fn read_whole_body<R>(from: &mut R, framing: Framing) -> io::Result<Vec<u8>>
where
    R: AsyncBufRead + Unpin,
{
    let mut body = Vec::new();
    match framing {
        Framing::Empty => {}
        Framing::Length(length) => copy_exact(from, &mut body, length).await?,
        Framing::UntilClose => drop(from.read_to_end(&mut body).await?),
        Framing::Chunked => {
            let mut line = Vec::new();
            loop {
                read_line(from, &mut line).await?;
                let size = chunk_size(&line)?;
                if size == 0 {
                    // Trailer fields (dropped), up to the empty line.
                    loop {
                        read_line(from, &mut line).await?;
                        match line.as_slice() {
                            [] => return Err(io::ErrorKind::UnexpectedEof.into()),
                            b"\r\n" | b"\n" => return Ok(body),
                            _ => {}
                        }
                    }
                }
                copy_exact(from, &mut body, size).await?;
                read_line(from, &mut line).await?;
            }
        }
    }
    Ok(body)
}

/// The size on a chunk-size line (`1a;ext=1\r\n`).
fn chunk_size(line: &[u8]) -> io::Result<u64> {
    std::str::from_utf8(line)
        .ok()
        .and_then(|l| l.split(';').next())
        .and_then(|size| u64::from_str_radix(size.trim(), 16).ok())
        .ok_or_else(|| invalid("bad chunk size"))
}

async fn copy_exact<R, W>(from: &mut R, to: &mut W, length: u64) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let copied = tokio::io::copy_buf(&mut (&mut *from).take(length), to).await?;
    if copied < length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Instant;

    use axum::Router;
    use axum::body::Bytes;
    use axum::http::{HeaderMap, Method, Uri, header};
    use axum::routing::{get, post};
    use matrix_sdk::config::SyncSettings;
    use matrix_sdk::media::{MediaFormat, MediaRequestParameters};
    use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
    use matrix_sdk::ruma::events::room::MediaSource;
    use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
    use serde_json::{Value, json};
    use sha2::{Digest, Sha256};

    use super::*;
    use crate::synapse::Synapse;

    const PASSWORD: &str = "correct horse battery staple";

    /// A small homeserver stand-in: `/mirror` sends the body back, `/wait` answers after 3 s,
    /// anything else describes the request it got.
    async fn upstream() -> String {
        let app = Router::new()
            .route("/mirror", post(mirror))
            .route("/wait", get(wait))
            .route("/_matrix/client/v3/login", post(login))
            .fallback(describe);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        url
    }

    async fn describe(
        method: Method,
        uri: Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> axum::Json<Value> {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        axum::Json(json!({
            "method": method.as_str(),
            "path": uri.path(),
            "query": uri.query(),
            "authorization": header("authorization"),
            "content_type": header("content-type"),
            "connection": header("connection"),
            "body_len": body.len(),
            "body_sha256": sha256(&body),
        }))
    }

    async fn mirror(headers: HeaderMap, body: Bytes) -> ([(header::HeaderName, String); 1], Bytes) {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/octet-stream")
            .to_owned();
        ([(header::CONTENT_TYPE, content_type)], body)
    }

    async fn login() -> axum::Json<Value> {
        axum::Json(json!({
            "user_id": "@alice:localhost",
            "access_token": "syt_secret",
            "well_known": { "m.homeserver": { "base_url": "http://127.0.0.1:1/" } },
        }))
    }

    async fn wait() -> &'static str {
        tokio::time::sleep(Duration::from_secs(3)).await;
        "late"
    }

    /// An upstream that answers every request with `chunks`, one every `pause`, chunked,
    /// and then keeps the connection open (the proxy must end the body by its framing).
    async fn slow_upstream(chunks: &'static [&'static str], pause: Duration) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut read = BufReader::new(read);
                    read_head(&mut read).await.expect("request head");
                    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\
                                Transfer-Encoding: chunked\r\n\r\n";
                    write.write_all(head.as_bytes()).await.expect("write head");
                    for chunk in chunks {
                        tokio::time::sleep(pause).await;
                        let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
                        write
                            .write_all(framed.as_bytes())
                            .await
                            .expect("write chunk");
                    }
                    write.write_all(b"0\r\n\r\n").await.expect("write end");
                    tokio::time::sleep(Duration::from_secs(30)).await;
                });
            }
        });
        url
    }

    fn sha256(bytes: &[u8]) -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn http() -> reqwest::Client {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .expect("HTTP client")
    }

    fn limit_exceeded(retry_after_ms: Option<u64>) -> HttpFault {
        HttpFault::Matrix {
            status: 429,
            errcode: "M_LIMIT_EXCEEDED".into(),
            error: "Too Many Requests".into(),
            retry_after_ms,
        }
    }

    #[tokio::test]
    async fn forwards_a_get_with_query_and_headers() {
        let proxy = FaultProxy::start(&upstream().await).await;
        let response = http()
            .get(format!(
                "{}/_matrix/client/v3/sync?timeout=0&since=s1_2",
                proxy.url
            ))
            .bearer_auth("syt_secret")
            .send()
            .await
            .expect("GET through the proxy");
        assert_eq!(response.status(), 200);
        let seen: Value = response.json().await.expect("JSON");
        assert_eq!(seen["method"], "GET");
        assert_eq!(seen["path"], "/_matrix/client/v3/sync");
        assert_eq!(seen["query"], "timeout=0&since=s1_2");
        assert_eq!(seen["authorization"], "Bearer syt_secret");
        assert_eq!(seen["connection"], "close");
        assert_eq!(proxy.forwarded("/sync"), 1);
        assert_eq!(proxy.forwarded(""), 1);
        assert_eq!(proxy.injected(), 0);
    }

    #[tokio::test]
    async fn forwards_a_put_with_a_json_body() {
        let proxy = FaultProxy::start(&upstream().await).await;
        let body = json!({ "msgtype": "m.text", "body": "Grüß Gott" }).to_string();
        let response = http()
            .put(format!(
                "{}/_matrix/client/v3/rooms/%21r%3Alocalhost/send/m.room.message/txn1",
                proxy.url
            ))
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.clone())
            .send()
            .await
            .expect("PUT through the proxy");
        let seen: Value = response.json().await.expect("JSON");
        assert_eq!(seen["method"], "PUT");
        assert_eq!(
            seen["path"],
            "/_matrix/client/v3/rooms/%21r%3Alocalhost/send/m.room.message/txn1"
        );
        assert_eq!(seen["content_type"], "application/json");
        assert_eq!(seen["body_sha256"], sha256(body.as_bytes()));
        assert_eq!(proxy.forwarded("/send/m.room.message"), 1);
    }

    #[tokio::test]
    async fn forwards_large_bodies_both_ways() {
        let proxy = FaultProxy::start(&upstream().await).await;
        let upload: Vec<u8> = (0..300 * 1024).map(|_| rand::random::<u8>()).collect();
        let response = http()
            .post(format!(
                "{}/_matrix/media/v3/upload?filename=a.png",
                proxy.url
            ))
            .header(header::CONTENT_TYPE, "image/png")
            .body(upload.clone())
            .send()
            .await
            .expect("upload through the proxy");
        let seen: Value = response.json().await.expect("JSON");
        assert_eq!(seen["content_type"], "image/png");
        assert_eq!(seen["body_len"], upload.len());
        assert_eq!(seen["body_sha256"], sha256(&upload));

        let events: Vec<Value> = (0..5000)
            .map(|i| json!({ "type": "m.room.message", "content": { "body": format!("{i}") } }))
            .collect();
        let big = json!({ "chunk": events });
        let echoed: Value = http()
            .post(format!("{}/mirror", proxy.url))
            .json(&big)
            .send()
            .await
            .expect("JSON through the proxy")
            .json()
            .await
            .expect("JSON back");
        assert_eq!(echoed, big);
        assert_eq!(proxy.forwarded("/upload"), 1);
        assert_eq!(proxy.forwarded("/mirror"), 1);
    }

    #[tokio::test]
    async fn names_itself_as_the_homeserver_in_login_responses() {
        let proxy = FaultProxy::start(&upstream().await).await;
        let login: Value = http()
            .post(format!("{}/_matrix/client/v3/login", proxy.url))
            .json(&json!({ "type": "m.login.password" }))
            .send()
            .await
            .expect("login through the proxy")
            .json()
            .await
            .expect("JSON");
        assert_eq!(
            login,
            json!({
                "user_id": "@alice:localhost",
                "access_token": "syt_secret",
                "well_known": { "m.homeserver": { "base_url": format!("{}/", proxy.url) } },
            })
        );
    }

    #[tokio::test]
    async fn streams_a_slow_response_completely() {
        const CHUNKS: &[&str] = &["eins ", "zwei ", "drei ", "vier ", "fünf"];
        let upstream = slow_upstream(CHUNKS, Duration::from_millis(300)).await;
        let proxy = FaultProxy::start(&upstream).await;
        let started = Instant::now();
        let mut response = http()
            .get(format!(
                "{}/_matrix/client/v3/sync?timeout=30000",
                proxy.url
            ))
            .send()
            .await
            .expect("GET through the proxy");
        let mut body = Vec::new();
        let mut first = None;
        while let Some(chunk) = response.chunk().await.expect("body chunk") {
            first.get_or_insert_with(|| started.elapsed());
            body.extend_from_slice(&chunk);
        }
        let total = started.elapsed();
        assert_eq!(String::from_utf8(body).expect("UTF-8"), CHUNKS.concat());
        assert!(total >= Duration::from_millis(1400), "took only {total:?}");
        // Relayed as it comes, and ended by its framing, not by the upstream closing.
        assert!(
            first.expect("a chunk") < Duration::from_millis(1000),
            "first chunk at {first:?}"
        );
        assert!(total < Duration::from_secs(5), "took {total:?}");
    }

    #[tokio::test]
    async fn answers_with_an_html_error_page() {
        let proxy = FaultProxy::start(&upstream().await).await;
        proxy.inject("", HttpFault::Html(502), 1);
        let client = http();
        let failed = client
            .get(format!("{}/_matrix/client/versions", proxy.url))
            .send()
            .await
            .expect("an answer");
        assert_eq!(failed.status(), 502);
        let content_type = failed.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(content_type.starts_with("text/html"), "{content_type}");
        assert!(failed.text().await.unwrap().contains("502 Bad Gateway"));
        let passed = client
            .get(format!("{}/_matrix/client/versions", proxy.url))
            .send()
            .await
            .expect("an answer");
        assert_eq!(passed.status(), 200);
        assert_eq!((proxy.injected(), proxy.forwarded("")), (1, 1));
    }

    #[tokio::test]
    async fn answers_with_matrix_errors() {
        let proxy = FaultProxy::start(&upstream().await).await;
        proxy.inject("", limit_exceeded(Some(1500)), 1);
        proxy.inject(
            "",
            HttpFault::Matrix {
                status: 500,
                errcode: "M_UNKNOWN".into(),
                error: "Internal server error".into(),
                retry_after_ms: None,
            },
            1,
        );
        let client = http();
        let url = format!("{}/_matrix/client/v3/account/whoami", proxy.url);

        let limited = client.get(&url).send().await.expect("an answer");
        assert_eq!(limited.status(), 429);
        assert_eq!(limited.headers()[header::RETRY_AFTER], "2");
        assert_eq!(limited.headers()[header::CONTENT_TYPE], "application/json");
        let body: Value = limited.json().await.expect("JSON");
        assert_eq!(
            body,
            json!({ "errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests", "retry_after_ms": 1500 })
        );

        let unknown = client.get(&url).send().await.expect("an answer");
        assert_eq!(unknown.status(), 500);
        assert!(unknown.headers().get(header::RETRY_AFTER).is_none());
        let body: Value = unknown.json().await.expect("JSON");
        assert_eq!(
            body,
            json!({ "errcode": "M_UNKNOWN", "error": "Internal server error" })
        );
        assert_eq!((proxy.injected(), proxy.forwarded("")), (2, 0));
    }

    #[tokio::test]
    async fn resets_without_an_answer() {
        let proxy = FaultProxy::start(&upstream().await).await;
        proxy.inject("/send/", HttpFault::Reset, 2);
        let client = http();
        let url = format!(
            "{}/_matrix/client/v3/rooms/r/send/m.room.message/t1",
            proxy.url
        );
        let get = client.get(&url).send().await.expect_err("no answer");
        let put = client
            .put(&url)
            .json(&json!({ "body": "x".repeat(200_000) }))
            .send()
            .await
            .expect_err("no answer");
        for err in [get, put] {
            assert!(err.status().is_none(), "{err:?}");
            assert!(!err.is_timeout(), "{err:?}");
        }
        assert_eq!((proxy.injected(), proxy.forwarded("")), (2, 0));
        let after = client.get(&url).send().await.expect("forwarded again");
        assert_eq!(after.status(), 200);
    }

    #[tokio::test]
    async fn serves_faults_in_order_and_counts_them() {
        let proxy = FaultProxy::start(&upstream().await).await;
        proxy.inject("/send/", HttpFault::Html(502), 1);
        proxy.inject("/send/", limit_exceeded(Some(100)), 2);
        proxy.inject("/send/", HttpFault::Html(504), 1);
        let client = http();
        let url = format!(
            "{}/_matrix/client/v3/rooms/r/send/m.room.message/t1",
            proxy.url
        );
        let mut statuses = Vec::new();
        for _ in 0..5 {
            let response = client
                .put(&url)
                .json(&json!({}))
                .send()
                .await
                .expect("an answer");
            statuses.push(response.status().as_u16());
        }
        assert_eq!(statuses, [502, 429, 429, 504, 200]);
        assert_eq!(proxy.injected(), 4);
        assert_eq!(proxy.forwarded("/send/"), 1);
    }

    #[tokio::test]
    async fn faults_only_requests_on_matching_paths() {
        let proxy = FaultProxy::start(&upstream().await).await;
        // Matched against the path, not the query.
        proxy.inject("since", HttpFault::Html(503), 1);
        proxy.inject("/sync", HttpFault::Html(504), 1);
        let client = http();
        let whoami = client
            .get(format!("{}/_matrix/client/v3/account/whoami", proxy.url))
            .send()
            .await
            .expect("an answer");
        assert_eq!(whoami.status(), 200);
        let sync_url = format!("{}/_matrix/client/v3/sync?since=s1", proxy.url);
        let first = client.get(&sync_url).send().await.expect("an answer");
        assert_eq!(first.status(), 504);
        let second = client.get(&sync_url).send().await.expect("an answer");
        assert_eq!(second.status(), 200);
        assert_eq!(proxy.injected(), 1);
        assert_eq!(proxy.forwarded("/sync"), 1);
        assert_eq!(proxy.forwarded("/whoami"), 1);
        assert_eq!(proxy.forwarded("/nothing"), 0);
    }

    #[tokio::test]
    async fn down_closes_connections_until_back_up() {
        let proxy = FaultProxy::start(&upstream().await).await;
        let client = http();
        let in_flight = tokio::spawn({
            let request = client.get(format!("{}/wait", proxy.url));
            async move {
                let started = Instant::now();
                (request.send().await, started.elapsed())
            }
        });
        while proxy.forwarded("/wait") == 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        proxy.set_down(true);
        let (cut, after) = in_flight.await.expect("request task");
        let cut = cut.expect_err("cut off by going down");
        assert!(cut.status().is_none(), "{cut:?}");
        assert!(after < Duration::from_secs(2), "cut only after {after:?}");

        let url = format!("{}/_matrix/client/versions", proxy.url);
        let refused = client.get(&url).send().await.expect_err("down");
        assert!(
            refused.status().is_none() && !refused.is_timeout(),
            "{refused:?}"
        );

        proxy.set_down(false);
        let back = client.get(&url).send().await.expect("up again");
        assert_eq!(back.status(), 200);
        assert_eq!(proxy.injected(), 0);
        assert_eq!(proxy.forwarded("/wait"), 1);
        assert_eq!(proxy.forwarded("/versions"), 1);
    }

    #[tokio::test]
    async fn a_pipelined_request_does_not_pass_unchecked() {
        let proxy = FaultProxy::start(&upstream().await).await;
        let mut raw = TcpStream::connect(proxy.url.trim_start_matches("http://"))
            .await
            .expect("connect");
        // A chunked body, then a second request on the same connection.
        raw.write_all(
            b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\
              5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n\
              GET /second HTTP/1.1\r\nHost: x\r\n\r\n",
        )
        .await
        .expect("write");
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), raw.read_to_end(&mut answer))
            .await
            .expect("the proxy closes")
            .expect("read");
        let answer = String::from_utf8(answer).expect("UTF-8");
        assert_eq!(answer.matches("HTTP/1.1 ").count(), 1, "{answer}");
        assert!(
            answer.to_ascii_lowercase().contains("connection: close"),
            "{answer}"
        );
        let body: Value =
            serde_json::from_str(answer.split("\r\n\r\n").nth(1).expect("body")).expect("JSON");
        assert_eq!(body["body_sha256"], sha256(b"hello world"));
        assert_eq!(proxy.forwarded("/echo"), 1);
        assert_eq!(proxy.forwarded("/second"), 0);
    }

    /// Registers `name` through `url` with Synapse's shared-secret script.
    async fn register_through(synapse: &Synapse, url: &str, name: &str) {
        let venv = std::env::var_os("SCHALTER_TEST_SYNAPSE")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate::workspace().join(".test-env/synapse"));
        let out = tokio::process::Command::new(venv.join("bin/register_new_matrix_user"))
            .arg("-c")
            .arg(synapse.config())
            .args(["-u", name, "-p", PASSWORD, "--no-admin", url])
            .output()
            .await
            .expect("run register_new_matrix_user");
        assert!(
            out.status.success(),
            "register {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn carries_a_matrix_client_to_synapse() {
        let synapse = Synapse::start().await;
        let proxy = FaultProxy::start(&synapse.url).await;
        register_through(&synapse, &proxy.url, "alice").await;
        assert!(
            proxy.forwarded("/_synapse/admin/v1/register") >= 2,
            "nonce and register"
        );

        let client = matrix_sdk::Client::builder()
            .homeserver_url(&proxy.url)
            .build()
            .await
            .expect("client");
        client
            .matrix_auth()
            .login_username("alice", PASSWORD)
            .await
            .expect("login through the proxy");
        let room = client
            .create_room(CreateRoom::new())
            .await
            .expect("create a room");
        room.send(RoomMessageEventContent::text_plain("eins"))
            .await
            .expect("send through the proxy");
        // Still through the proxy after login, although Synapse advertised its own address.
        assert!(
            client.homeserver().as_str().starts_with(&proxy.url),
            "{} {}",
            client.homeserver(),
            proxy.url
        );
        assert_eq!(proxy.forwarded("/send/"), 1);

        // Media of a few hundred KB up and down, and a sync that waits on the homeserver.
        let image: Vec<u8> = (0..300 * 1024).map(|_| rand::random::<u8>()).collect();
        let png = "image/png".parse().expect("MIME type");
        let uploaded = client
            .media()
            .upload(&png, image.clone(), None)
            .await
            .expect("upload through the proxy");
        let request = MediaRequestParameters {
            source: MediaSource::Plain(uploaded.content_uri),
            format: MediaFormat::File,
        };
        let downloaded = client
            .media()
            .get_media_content(&request, false)
            .await
            .expect("download through the proxy");
        assert!(downloaded == image, "the image came back changed");
        assert_eq!(proxy.forwarded("/upload"), 1);
        let settings = SyncSettings::default().timeout(Duration::from_secs(2));
        let first = client.sync_once(settings.clone()).await.expect("sync");
        let waited = Instant::now();
        client
            .sync_once(settings.token(first.next_batch))
            .await
            .expect("long-polling sync");
        assert!(
            waited.elapsed() >= Duration::from_millis(1500),
            "{:?}",
            waited.elapsed()
        );
        assert_eq!(proxy.forwarded("/sync"), 2);

        // A plain client sees the 502 page; the retry with the same transaction id goes through.
        let token = client.access_token().expect("token");
        let mut send_url = reqwest::Url::parse(&proxy.url).expect("URL");
        send_url
            .path_segments_mut()
            .expect("base")
            .extend(["_matrix", "client", "v3", "rooms", room.room_id().as_str()])
            .extend(["send", "m.room.message", "fault-proxy-txn-1"]);
        let body = json!({ "msgtype": "m.text", "body": "zwei" });
        proxy.inject("/send/", HttpFault::Html(502), 1);
        let http = http();
        let failed = http
            .put(send_url.clone())
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await;
        assert_eq!(failed.expect("an answer").status(), 502);
        let retried = http
            .put(send_url)
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await;
        let retried: Value = retried.expect("an answer").json().await.expect("JSON");
        assert!(retried["event_id"].is_string(), "{retried}");

        // matrix-sdk retries a 502 itself: the send succeeds after one fault.
        let forwarded = proxy.forwarded("/send/");
        proxy.inject("/send/", HttpFault::Html(502), 1);
        room.send(RoomMessageEventContent::text_plain("drei"))
            .await
            .expect("matrix-sdk retries past a 502");
        assert_eq!(proxy.forwarded("/send/"), forwarded + 1);

        // …and a 429 after its retry_after_ms.
        proxy.inject("/send/", limit_exceeded(Some(200)), 1);
        room.send(RoomMessageEventContent::text_plain("vier"))
            .await
            .expect("matrix-sdk waits out a 429");

        // A reset reaches the caller (no retry by default); sending again works.
        proxy.inject("/send/", HttpFault::Reset, 1);
        let reset = room.send(RoomMessageEventContent::text_plain("fünf")).await;
        assert!(reset.is_err(), "a reset is not retried by default");
        room.send(RoomMessageEventContent::text_plain("fünf"))
            .await
            .expect("send after a reset");
        // A permanent error reaches the caller at once.
        proxy.inject(
            "/send/",
            HttpFault::Matrix {
                status: 403,
                errcode: "M_FORBIDDEN".into(),
                error: "You are not invited to this room.".into(),
                retry_after_ms: None,
            },
            1,
        );
        let forbidden = room
            .send(RoomMessageEventContent::text_plain("sechs"))
            .await
            .expect_err("a 403 is not retried");
        let status = forbidden
            .as_client_api_error()
            .map(|e| e.status_code.as_u16());
        assert_eq!(status, Some(403), "{forbidden:?}");
        assert_eq!(proxy.injected(), 5);

        let mut messages_url = reqwest::Url::parse(&proxy.url).expect("URL");
        messages_url.path_segments_mut().expect("base").extend([
            "_matrix",
            "client",
            "v3",
            "rooms",
            room.room_id().as_str(),
            "messages",
        ]);
        messages_url
            .query_pairs_mut()
            .append_pair("dir", "b")
            .append_pair("limit", "50");
        let messages: Value = http
            .get(messages_url)
            .bearer_auth(&token)
            .send()
            .await
            .expect("messages")
            .json()
            .await
            .expect("JSON");
        let mut bodies: Vec<&str> = messages["chunk"]
            .as_array()
            .expect("chunk")
            .iter()
            .filter(|e| e["type"] == "m.room.message")
            .filter_map(|e| e["content"]["body"].as_str())
            .collect();
        bodies.reverse();
        assert_eq!(bodies, ["eins", "zwei", "drei", "vier", "fünf"]);
        synapse.stop().await;
    }
}
