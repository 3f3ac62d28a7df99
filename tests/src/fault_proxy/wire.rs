//! HTTP/1.1 on the wire: heads, body framing, and reading and copying bodies as framed.

use std::io;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The longest head (start line and headers) or chunk-size line accepted.
const MAX_HEAD: u64 = 64 * 1024;
/// Headers about the connection itself, replaced by `Connection: close` on both sides.
const HOP_BY_HOP: [&str; 4] = ["connection", "keep-alive", "proxy-connection", "upgrade"];

pub(super) fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

/// How the body after a head is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Framing {
    Empty,
    Length(u64),
    Chunked,
    /// Until the sender closes (a response without a length).
    UntilClose,
}

/// A request or response head: the start line and the header fields, in order.
pub(super) struct Head {
    pub(super) start: String,
    headers: Vec<(String, String)>,
}

impl Head {
    pub(super) fn parse(raw: &[u8]) -> io::Result<Self> {
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
    pub(super) fn framing(&self) -> io::Result<Framing> {
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
    pub(super) fn set_body_length(&mut self, length: usize) {
        self.headers.retain(|(name, _)| {
            !name.eq_ignore_ascii_case("content-length")
                && !name.eq_ignore_ascii_case("transfer-encoding")
        });
        self.headers
            .push(("Content-Length".to_owned(), length.to_string()));
    }

    /// The head to pass on: `Connection: close` instead of the connection-level headers, and
    /// `host` as the Host header when given.
    pub(super) fn rewritten(&self, host: Option<&str>) -> Vec<u8> {
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

pub(super) struct Request {
    pub(super) head: Head,
    pub(super) method: String,
    /// The request target as sent: path and query.
    target: String,
    pub(super) framing: Framing,
}

impl Request {
    pub(super) fn parse(raw: &[u8]) -> io::Result<Self> {
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

    pub(super) fn path(&self) -> &str {
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
pub(super) async fn read_head<R: AsyncBufRead + Unpin>(
    from: &mut R,
) -> io::Result<Option<Vec<u8>>> {
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
pub(super) async fn copy_body<R, W>(from: &mut R, to: &mut W, framing: Framing) -> io::Result<()>
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
pub(super) async fn read_whole_body<R>(from: &mut R, framing: Framing) -> io::Result<Vec<u8>>
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
