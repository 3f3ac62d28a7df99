//! Accepting connections and serving one exchange on each: a fault answer, or the request
//! relayed to the homeserver and its response back.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

use super::Shared;
use super::answers::{fault_answer, html_answer};
use super::login::advertise_proxy;
use super::wire::{Framing, Head, Request, copy_body, invalid, read_head, read_whole_body};

/// How long a closing connection keeps reading what the client still sends, so that unread
/// bytes do not turn the close into a reset that swallows the answer just written.
const LINGER: Duration = Duration::from_secs(2);

pub(super) async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
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

/// Reads what the client still sends, until it closes or for [`LINGER`], and drops it.
async fn linger<R: AsyncRead + Unpin>(client: &mut R) {
    let _ = tokio::time::timeout(LINGER, tokio::io::copy(client, &mut tokio::io::sink())).await;
}
