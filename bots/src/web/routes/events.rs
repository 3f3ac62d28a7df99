//! The transcript as Server-Sent Events, resuming from the last number the page saw.

use super::*;
use schalter_core::transcript::Shown;

#[derive(Deserialize, Default)]
pub(super) struct After {
    pub(super) after: Option<i64>,
}

/// The transcript after `after` (or `Last-Event-ID`), then each row as it is written, as
/// Server-Sent Events: `message` (`{seq, id, html}`, `id` the element it fills), `reset`
/// (the page claimed a number the transcript never reached: it starts over from 0) and `end`
/// (the farewell was sent: nothing follows).
pub(super) async fn events(
    State(chat): State<WebChat>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    query: Result<Query<After>, QueryRejection>,
) -> Response {
    let asker = asker(&chat, &headers, peer).await;
    let conversation = match asker.session(&chat, true) {
        Ok(c) => c,
        Err(refusal) => return *refusal,
    };
    let last_event = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok());
    let mut after = query
        .ok()
        .and_then(|q| q.0.after)
        .or(last_event)
        .unwrap_or(0)
        .max(0);
    let engine = chat.web.engine().clone();
    // The transcript's last number as the request found it (rows are only ever added while
    // a page is open, so a number the page saw is never above it).
    let last = match engine.transcript().last_seq(&conversation).await {
        Ok(last) => Some(last),
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "transcript unavailable");
            None
        }
    };
    // The widget on another origin links to the chat's own.
    let base = match &asker.from {
        From::Own => BASE.to_owned(),
        From::Embedding(_) => own_base(&headers, asker.secure),
    };
    let stream = async_stream::stream! {
        let i18n = engine.office().i18n();
        let transcript = engine.transcript();
        let mut watch = transcript.watch(&conversation);
        match last {
            Some(last) if after > last => {
                yield Ok::<Event, std::convert::Infallible>(Event::default().event("reset").data("{}"));
                after = 0;
            }
            Some(_) => {}
            None => return,
        }
        let client_id = session::new_token();
        // Rows a turn of this page's conversation wrote here are handed over as written
        // when they follow on the last one sent; anything else is read.
        let mut handed: Option<Arc<[Shown]>> = None;
        loop {
            let rows = match handed.take() {
                Some(rows) => rows.to_vec(),
                None => match transcript.since(&conversation, after, STREAMED).await {
                    Ok(rows) => rows,
                    Err(_) => return,
                },
            };
            let full = rows.len() as i64 == STREAMED;
            let mut ended = false;
            for row in &rows {
                let (id, html) = page::message(i18n, row, &client_id, &base);
                let data = json!({ "seq": row.seq, "id": id, "html": html }).to_string();
                yield Ok(Event::default().id(row.seq.to_string()).event("message").data(data));
                after = row.seq;
                ended |= row.ends;
            }
            if ended {
                yield Ok(Event::default().event("end").data("{}"));
                return;
            }
            if full {
                continue;
            }
            if watch.changed().await.is_err() {
                return;
            }
            handed = watch.borrow_and_update().next_after(after);
        }
    };
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}
