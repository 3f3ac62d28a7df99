//! The web chat on the city's own site: a page of its own (`/chat/`) and a widget any page of
//! the city adds with one `<script src="…/chat/widget.js" defer>` line, for citizens who have
//! neither Telegram nor Matrix. Everything the office says on its own (reminders, the
//! check-in, the call, the calendar file) goes through the shared outbox like on the other
//! channels, and its delivery writes the message into the conversation's transcript
//! ([`schalter_core::transcript`]), numbered per conversation. A citizen's answer takes a
//! shorter way than on Telegram or Matrix, because here the request that brings it can wait
//! for the reply: it is handled at once under its client id, and the citizen's words and the
//! reply are written into the transcript in the same transaction as the conversation's new
//! state ([`schalter_core::dialogue::Dialogue::handle_shown`]): exactly once without the
//! inbox, and one transaction instead of four. A request that fails is answered with an
//! error; one whose answer was lost is sent again under the same client id.
//! A page reads the transcript: at once when it is rendered, then as a stream of Server-Sent
//! Events that resumes from the last number it saw. So delivery never depends on a browser
//! being connected (a citizen who closed the tab finds every message on the next visit), any
//! replica can serve any page, and a message written on another replica reaches an open page
//! through PostgreSQL's `NOTIFY`.
//!
//! - [`session`]: the token (a 128-bit secret in an `HttpOnly` cookie of `/chat/`, or a
//!   bearer header for a widget on another site), the conversation it stands for (a hash),
//!   the allowed origins, the client's address behind trusted proxies.
//! - [`page`]: the HTML, from templates, every word from `locales/`.
//! - [`routes`]: the HTTP side: pages and plain forms (the chat works without JavaScript),
//!   the JSON API, the event stream, files, the script and the style.

pub mod page;
pub mod routes;
pub mod session;

use std::sync::Arc;

use anyhow::Result;
use schalter_core::notice::NoticeKind;
use schalter_core::{Capabilities, ChannelKind, Engine};

use crate::channel::inbound::Inbound;
use crate::channel::outbox::{Outbox, Wake};
use crate::channel::{Channel, Delivery, SendError, Sent, leader};

const LEADER: &str = "web";

/// The web channel: what delivers to transcripts, and what the routes share.
#[derive(Clone)]
pub struct Web {
    pub inbound: Arc<Inbound>,
    /// The hosted-payment provider, if one is configured: fees are paid by its link.
    pub provider: Option<crate::payments::Provider>,
    /// Whether the city's mail relay is configured: the page then offers e-mail reminders.
    pub mail: bool,
}

impl Web {
    pub fn engine(&self) -> &Arc<Engine> {
        self.inbound.engine()
    }
}

impl Channel for Web {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Web]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: true,
            url_buttons: true,
            edit_in_place: true,
            max_text: 16_000,
            max_option_id: 64,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let message =
            crate::payments::with_link(self.engine(), self.provider.as_deref(), &d.message).await?;
        // The platform's id of a message is its number in the transcript; an edit shows the
        // element of the number it replaces anew, so that number stays the message's id.
        let replaces = d.replace.as_deref().and_then(|id| id.parse::<i64>().ok());
        let seq = self
            .engine()
            .transcript()
            .show(
                &d.to,
                &format!("outbox:{}", d.idempotency_key),
                &message,
                replaces,
                d.kind == NoticeKind::Farewell,
            )
            .await
            .map_err(SendError::internal)?;
        // A reminder, the check-in or the call also goes to an address the citizen
        // confirmed (once: the mail's slot is this delivery's key).
        if self.mail {
            self.engine()
                .mail()
                .follow(&d.to, d.kind, &d.idempotency_key)
                .await
                .map_err(SendError::internal)?;
        }
        Ok(Sent {
            message_id: Some(replaces.unwrap_or(seq).to_string()),
        })
    }
}

/// Delivers the web chat's outbox on the replica that leads it, and relays other replicas'
/// new messages to this one's open pages, until the task is dropped.
pub async fn run(web: Web, wake: Wake) -> Result<()> {
    let engine = web.engine().clone();
    let relay = {
        let engine = engine.clone();
        tokio::spawn(async move { engine.transcript().relay_changes().await })
    };
    leader::lead(&engine, LEADER, || {
        let (web, wake) = (web.clone(), wake.clone());
        async move {
            let outbox = Outbox::new(Arc::new(web.clone()), web.engine().clone(), wake);
            // Unregistered when this round of leading ends (the future is dropped).
            let _direct = web
                .inbound
                .deliver_through(ChannelKind::Web, Arc::new(outbox.clone()));
            outbox.run().await;
            Ok(())
        }
    })
    .await;
    relay.abort();
    Ok(())
}
