//! The web chat's event stream as the benches read it: each event's `data` line with the
//! moment it arrived, and the wait for the next message from the office.

use std::time::{Duration, Instant};

use tokio::sync::mpsc::UnboundedReceiver;

/// Opens `GET {http}/chat/api/events?after={after}` with the citizen's `cookie` (and their
/// address behind the trusted proxy, `from`) and yields each event's `data` line as it comes.
pub async fn open(
    client: &reqwest::Client,
    http: &str,
    cookie: &str,
    from: &str,
    after: i64,
) -> UnboundedReceiver<(Instant, String)> {
    let mut r = client
        .get(format!("{http}/chat/api/events?after={after}"))
        .header(reqwest::header::COOKIE, cookie)
        .header("x-forwarded-for", from)
        .send()
        .await
        .expect("events");
    assert!(r.status().is_success(), "events: {}", r.status());
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut buffer = String::new();
        while let Ok(Some(chunk)) = r.chunk().await {
            buffer.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(cut) = buffer.find("\n\n") {
                let event: String = buffer.drain(..cut + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: "))
                    && tx.send((Instant::now(), data.to_owned())).is_err()
                {
                    return;
                }
            }
        }
    });
    rx
}

/// Waits (at most 30 s) for the next event that is a message from the office, and returns
/// when it arrived.
pub async fn next_office(rx: &mut UnboundedReceiver<(Instant, String)>) -> Instant {
    loop {
        let (at, data) = tokio::time::timeout(Duration::from_secs(30), rx.recv())
            .await
            .expect("an event within 30 s")
            .expect("the stream is open");
        if data.contains("sc-office") {
            return at;
        }
    }
}
