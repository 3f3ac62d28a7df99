//! The Telegram channel on teloxide: long polling (default) or a webhook, inline keyboard
//! buttons, the waiting-room message edited in place, and exactly-once answers.
//!
//! Exactly once: every update carries its id as the input key, stored with the dialogue state
//! and the reply, so a redelivered update (after a restart, or Telegram retrying a webhook)
//! never acts twice and its reply is only sent if it was not yet; the polling offset is
//! persisted after each batch. Limits (1 message/s per chat, 30/s overall) and 429
//! `retry_after` are handled by teloxide's throttle adaptor.

mod outbox;
mod render;
mod updates;

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use schalter_core::{Engine, Lang};
use sha2::{Digest, Sha256};
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::prelude::*;
use teloxide::types::BotCommand;

use crate::config::Config;

pub use updates::handle_update;

/// The bot as every part of the channel uses it.
pub type TgBot = Throttle<Bot>;

/// What the channel needs to answer an update.
#[derive(Clone)]
pub struct Telegram {
    pub bot: TgBot,
    pub engine: Arc<Engine>,
}

/// Name of the polling offset in `channel_cursors` and of the leader lock.
const CURSOR: &str = "telegram:offset";
const LEADER: &str = "telegram";

impl Telegram {
    pub fn new(config: &Config, token: &str, engine: Arc<Engine>) -> Result<Self> {
        let mut bot = Bot::new(token);
        if let Some(url) = &config.telegram_api_url {
            let url = url::Url::parse(url)
                .with_context(|| format!("SCHALTER_TELEGRAM_API_URL `{url}` is not a URL"))?;
            bot = bot.set_api_url(url);
        }
        Ok(Self {
            bot: bot.throttle(Limits::default()),
            engine,
        })
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
        let i18n = self.engine.i18n();
        for lang in Lang::ALL {
            let commands: Vec<BotCommand> = ["start", "language", "help", "cancel", "appointments"]
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

/// Runs the channel until the process ends. In polling mode one replica polls and delivers
/// (the leader); in webhook mode every replica answers the webhook calls it gets and the
/// leader delivers the outbox.
pub async fn run(config: Config, token: String, engine: Arc<Engine>) -> Result<()> {
    let tg = Telegram::new(&config, &token, engine.clone())?;
    loop {
        let leadership = match engine.store().try_lead(LEADER).await {
            Ok(Some(l)) => l,
            Ok(None) => {
                // Another replica leads; stand by.
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
            Err(e) => {
                tracing::warn!(target: "telegram", error = %e, "leader election failed, retrying");
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
        };
        tracing::info!(target: "telegram", "leading the Telegram channel");
        tg.set_commands().await;
        match &config.telegram_webhook_url {
            Some(url) => {
                let url =
                    url::Url::parse(url).context("SCHALTER_TELEGRAM_WEBHOOK_URL is not a URL")?;
                if let Err(e) = tg
                    .bot
                    .set_webhook(url)
                    .secret_token(Telegram::webhook_secret(&token))
                    .await
                {
                    tracing::warn!(target: "telegram", error = %e, "could not set the webhook");
                }
                outbox::run(&tg).await;
            }
            None => {
                if let Err(e) = tg.bot.delete_webhook().await {
                    tracing::warn!(target: "telegram", error = %e, "could not remove a webhook");
                }
                tokio::select! {
                    () = poll(&tg) => {}
                    () = outbox::run(&tg) => {}
                }
            }
        }
        drop(leadership);
    }
}

/// Long polling with a persisted offset.
async fn poll(tg: &Telegram) {
    let store = tg.engine.store();
    let mut backoff = Duration::from_secs(1);
    loop {
        let offset = match store.cursor(CURSOR).await {
            Ok(o) => o.unwrap_or(0),
            Err(e) => {
                tracing::warn!(target: "telegram", error = %e, "cannot read the offset");
                tokio::time::sleep(backoff).await;
                continue;
            }
        };
        let request = tg
            .bot
            .inner()
            .get_updates()
            .offset(i32::try_from(offset).unwrap_or(0))
            .timeout(25);
        let updates = match request.await {
            Ok(u) => {
                backoff = Duration::from_secs(1);
                u
            }
            Err(e) => {
                tracing::warn!(target: "telegram", error = %e, "getUpdates failed, retrying");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(60));
                continue;
            }
        };
        let Some(last) = updates.iter().map(|u| u.id.0).max() else {
            continue;
        };
        updates::handle_batch(tg, updates).await;
        if let Err(e) = store.advance_cursor(CURSOR, i64::from(last) + 1).await {
            tracing::warn!(target: "telegram", error = %e, "cannot store the offset");
        }
    }
}
