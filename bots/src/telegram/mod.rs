//! The Telegram channel on teloxide: long polling (default) or a webhook, inline keyboard
//! buttons, the waiting-room message edited in place.
//!
//! Inputs go through the shared inbox: an update is stored (keyed on its id and date, so a
//! redelivery is recognised and a numbering that restarts lower is not mistaken for one)
//! before the polling offset moves on or the webhook answers, and each chat is handled on its
//! own, in order. Replies and notifications go through the shared outbox, one row each; a
//! reply queued on the leader is sent the moment it is written, the outbox loop delivers the
//! rest. What a failed call means is judged in [`errors`]: blocked chats are given up at
//! once, a 5xx in any form or a network error is retried with back-off, a 429 after its
//! `retry_after`, an answer nobody knows a few times. Telegram's limits (1 message/s per chat, 30/s
//! overall) are kept in [`limits`].

mod errors;
mod limits;
mod render;
mod updates;

pub use updates::receive_update;

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use schalter_core::{Capabilities, ChannelKind, Engine, Lang};
use sha2::{Digest, Sha256};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, InputFile, LabeledPrice, MessageId};
use teloxide::{ApiError, RequestError};

use errors::classify;

use crate::channel::inbound::Inbound;
use crate::channel::outbox::{Outbox, Wake};
use crate::channel::retry::Backoff;
use crate::channel::{Channel, Delivery, SendError, Sent, leader};
use crate::config::Config;

const LEADER: &str = "telegram";
/// Seconds a `getUpdates` may wait for news: well below teloxide's 17 s client timeout, so a
/// quiet spell never ends in a timeout and a back-off.
const POLL_TIMEOUT: u32 = 10;

/// What the channel needs to receive and send.
#[derive(Clone)]
pub struct Telegram {
    pub bot: Bot,
    pub inbound: Arc<Inbound>,
    /// Telegram's limits on sending, shared by every clone.
    limits: Arc<limits::Limits>,
    /// BotFather's payment provider token: fees go out as native invoices.
    payment_token: Option<String>,
}

impl Telegram {
    pub fn new(config: &Config, token: &str, inbound: Arc<Inbound>) -> Result<Self> {
        let mut bot = Bot::new(token);
        if let Some(url) = &config.telegram_api_url {
            let url = url::Url::parse(url)
                .with_context(|| format!("SCHALTER_TELEGRAM_API_URL `{url}` is not a URL"))?;
            bot = bot.set_api_url(url);
        }
        Ok(Self {
            bot,
            inbound,
            limits: Arc::default(),
            payment_token: config.telegram_payment_token.clone(),
        })
    }

    fn engine(&self) -> &Arc<Engine> {
        self.inbound.engine()
    }

    /// The secret Telegram sends with every webhook call: derived from the token, so every
    /// replica knows it without further configuration, and nobody without the token does.
    pub fn webhook_secret(token: &str) -> String {
        let digest = Sha256::digest(format!("schalter-webhook:{token}").as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The command menu in every language; Telegram shows the one of the user's app.
    /// Failing to set it is not fatal.
    async fn set_commands(&self) {
        let i18n = self.engine().office().i18n();
        // Telegram takes two-letter codes only (ISO 639-1): Leichte Sprache readers get the
        // default menu, and the bot's own words in the chat.
        for lang in Lang::ALL.into_iter().filter(|l| l.code().len() == 2) {
            let commands: Vec<BotCommand> = [
                "start",
                "language",
                "help",
                "cancel",
                "appointments",
                "privacy",
                "mydata",
                "forget",
            ]
            .iter()
            .map(|c| BotCommand::new(*c, i18n.text(lang, &format!("command-{c}"))))
            .collect();
            if let Err(e) = self
                .bot
                .set_my_commands(commands)
                .language_code(lang.code())
                .await
            {
                tracing::warn!(target: "telegram", %lang, error = %e, "could not set the command menu");
            }
        }
    }
}

/// Files citizens send: `getFile` for the path, then the download, read as it arrives (the
/// core stops reading past the limit). The Bot API's own refusals ("file is too big", an unknown file id)
/// are for good; a broken connection or a server error is tried again later.
impl crate::channel::FetchFile for Telegram {
    fn fetch<'a>(&'a self, source: &'a str, max_bytes: usize) -> crate::channel::Fetching<'a> {
        use crate::channel::FetchError;
        use futures_util::StreamExt;
        use teloxide::net::Download;
        Box::pin(async move {
            let file = match self
                .bot
                .get_file(teloxide::types::FileId(source.to_owned()))
                .await
            {
                Ok(f) => f,
                Err(teloxide::RequestError::Api(e)) => {
                    let text = e.to_string();
                    return Err(if text.contains("too big") {
                        FetchError::TooLarge
                    } else {
                        FetchError::Gone
                    });
                }
                Err(e) => return Err(FetchError::Failed(e.to_string())),
            };
            if file.size as usize > max_bytes {
                return Err(FetchError::TooLarge);
            }
            // Read as it arrives: a broken download fails the read, and the input is tried
            // again.
            let stream = self
                .bot
                .download_file_stream(&file.path)
                .map(|piece| piece.map_err(std::io::Error::other));
            let file: crate::channel::FileReader =
                Box::new(tokio_util::io::StreamReader::new(Box::pin(stream)));
            Ok(file)
        })
    }
}

impl Channel for Telegram {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Telegram]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: true,
            url_buttons: true,
            edit_in_place: true,
            max_text: render::MAX_TEXT,
            max_option_id: render::MAX_CALLBACK_DATA,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let Ok(chat) = d.to.user().parse::<i64>().map(ChatId) else {
            return Err(SendError::unreachable("not a chat id"));
        };
        let message = match (&d.message.payment, &self.payment_token) {
            (Some(ask), Some(token)) => return self.send_invoice(chat, ask, token).await,
            (Some(ask), None) => crate::payments::offline(&d.message, ask),
            (None, _) => d.message.clone(),
        };
        if let Some(file) = &message.attachment {
            let _slot = self.limits.wait(chat).await;
            let document = InputFile::memory(file.content.clone().into_bytes())
                .file_name(file.file_name.clone());
            let caption = self.capabilities().text_of(&message);
            let sent = self
                .bot
                .send_document(chat, document)
                .caption_entities(render::link_entities(&caption))
                .caption(caption)
                .await
                .map_err(classify)?;
            return Ok(Sent {
                message_id: Some(sent.id.0.to_string()),
            });
        }
        let text = self.capabilities().text_of(&message);
        let keyboard = render::keyboard(&message);
        let links = render::link_entities(&text);
        if let Some(id) = d.replace.as_deref().and_then(|id| id.parse::<i32>().ok()) {
            let mut edit = self
                .bot
                .edit_message_text(chat, MessageId(id), text.clone())
                .entities(links.clone());
            if let Some(k) = keyboard.clone() {
                edit = edit.reply_markup(k);
            }
            match edit.await {
                Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => {
                    return Ok(Sent {
                        message_id: Some(id.to_string()),
                    });
                }
                // Deleted or too old to edit: a new message below.
                Err(RequestError::Api(
                    ApiError::MessageToEditNotFound | ApiError::MessageCantBeEdited,
                )) => {}
                Err(e) => return Err(classify(e)),
            }
        }
        let _slot = self.limits.wait(chat).await;
        let mut send = self.bot.send_message(chat, text).entities(links);
        if let Some(k) = keyboard {
            send = send.reply_markup(k);
        }
        let sent = send.await.map_err(classify)?;
        Ok(Sent {
            message_id: Some(sent.id.0.to_string()),
        })
    }
}

impl Telegram {
    /// A fee as a native invoice: the items as its prices, our payment id as its payload.
    async fn send_invoice(
        &self,
        chat: ChatId,
        ask: &schalter_core::queue::PaymentAsk,
        token: &str,
    ) -> Result<Sent, SendError> {
        let prices: Vec<LabeledPrice> = ask
            .items
            .iter()
            .filter(|i| i.cents > 0)
            .map(|i| LabeledPrice {
                label: i.label.chars().take(64).collect(),
                amount: u32::try_from(i.cents).unwrap_or(u32::MAX),
            })
            .collect();
        let _slot = self.limits.wait(chat).await;
        let sent = self
            .bot
            .send_invoice(
                chat,
                ask.title.clone(),
                ask.description.clone(),
                ask.payment_id.clone(),
                ask.currency.clone(),
                prices,
            )
            .provider_token(token.to_owned())
            .await
            .map_err(classify)?;
        Ok(Sent {
            message_id: Some(sent.id.0.to_string()),
        })
    }
}

/// Runs the channel until the process ends. One replica leads: it polls (in polling mode)
/// and delivers the outbox, replies straight from the handler; in webhook mode every replica
/// stores the updates it gets.
pub async fn run(config: Config, token: String, tg: Telegram, wake: Wake) -> Result<()> {
    let engine = tg.engine().clone();
    let webhook = match &config.telegram_webhook_url {
        Some(url) => {
            Some(url::Url::parse(url).context("SCHALTER_TELEGRAM_WEBHOOK_URL is not a URL")?)
        }
        None => None,
    };
    leader::lead(&engine, LEADER, || {
        let (tg, wake, webhook, token) = (tg.clone(), wake.clone(), webhook.clone(), token.clone());
        async move {
            tg.set_commands().await;
            let outbox = Outbox::new(Arc::new(tg.clone()), tg.engine().clone(), wake);
            // Unregistered when this round of leading ends (the future is dropped).
            let _direct = tg
                .inbound
                .deliver_through(ChannelKind::Telegram, Arc::new(outbox.clone()));
            match webhook {
                Some(url) => {
                    if let Err(e) = tg
                        .bot
                        .set_webhook(url)
                        .secret_token(Telegram::webhook_secret(&token))
                        .await
                    {
                        tracing::warn!(target: "telegram", error = %e, "could not set the webhook");
                    }
                    outbox.run().await;
                }
                None => {
                    if let Err(e) = tg.bot.delete_webhook().await {
                        tracing::warn!(target: "telegram", error = %e, "could not remove a webhook");
                    }
                    tokio::select! {
                        () = poll(&tg) => {}
                        () = outbox.run() => {}
                    }
                }
            }
            Ok(())
        }
    })
    .await;
    Ok(())
}

/// Long polling. A batch is stored in the inbox before the offset moves past it (which is
/// what confirms it to Telegram); handling goes on per chat while the next poll is already
/// waiting.
///
/// The offset is kept in memory, not in the database: Telegram itself keeps every update
/// until a `getUpdates` with a higher offset confirms it, and one without an offset starts
/// at the earliest unconfirmed update. A new leader therefore starts there and gets again
/// at most the batch its predecessor had stored but not yet confirmed, which the inbox
/// recognises by its keys. So no write per batch, and no stored offset that could lie
/// ahead of a numbering Telegram restarted lower.
async fn poll(tg: &Telegram) {
    tg.engine().office().metrics().poll_started("telegram");
    let mut backoff = Backoff::new(Duration::from_secs(30));
    let mut offset: Option<i64> = None;
    loop {
        let mut request = tg.bot.get_updates().timeout(POLL_TIMEOUT);
        if let Some(offset) = offset {
            request = request.offset(i32::try_from(offset).unwrap_or(0));
        }
        let updates = match request.await {
            Ok(u) => {
                tg.engine().office().metrics().polled("telegram");
                u
            }
            Err(e) => {
                tracing::warn!(target: "telegram", error = %e, "getUpdates failed, retrying");
                backoff.wait().await;
                continue;
            }
        };
        // The last one handed out, not the largest: after a week without updates Telegram
        // may number them anew, lower than before.
        let Some(last) = updates.last().map(|u| u.id.0) else {
            backoff.reset();
            continue;
        };
        let stored = updates::receive_batch(tg, updates).await;
        if !stored {
            // Not acknowledged: Telegram hands the batch out again.
            backoff.wait().await;
            continue;
        }
        offset = Some(i64::from(last) + 1);
        backoff.reset();
    }
}
