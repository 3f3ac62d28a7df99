//! Telegram updates into the shared inbox: the citizen's input, keyed on the update.

use anyhow::Result;
use schalter_core::{ChannelKind, ConversationId, Input, Lang};
use teloxide::prelude::*;
use teloxide::types::{Message, PreCheckoutQuery, SuccessfulPayment, Update, UpdateKind};

use super::Telegram;

/// An update as the inbox takes it.
struct Received {
    key: String,
    conversation: ConversationId,
    input: Input,
    hint: Option<String>,
}

/// Stores a batch in the inbox and starts handling it. `false` if anything could not be
/// stored: the batch must not be acknowledged.
pub async fn receive_batch(tg: &Telegram, updates: Vec<Update>) -> bool {
    let mut ok = true;
    let mut touched = Vec::new();
    for update in updates {
        match receive(tg, update).await {
            Ok(Some(conversation)) => touched.push(conversation),
            Ok(None) => {}
            Err(e) => {
                tracing::warn!(target: "telegram.update", error = %e, "update not stored");
                ok = false;
            }
        }
    }
    for conversation in &touched {
        tg.inbound.dispatch(conversation);
    }
    ok
}

/// Stores one update (a webhook call) and starts handling it.
pub async fn receive_update(tg: &Telegram, update: Update) -> Result<()> {
    if let Some(conversation) = receive(tg, update).await? {
        tg.inbound.dispatch(&conversation);
    }
    tg.engine().office().metrics().polled("telegram");
    Ok(())
}

/// Stores one update; returns the conversation that has new input, if any.
async fn receive(tg: &Telegram, update: Update) -> Result<Option<ConversationId>> {
    let Some(received) = read(tg, update).await? else {
        return Ok(None);
    };
    tg.inbound
        .receive(
            &received.key,
            &received.conversation,
            &received.input,
            received.hint.as_deref(),
        )
        .await?;
    Ok(Some(received.conversation))
}

/// The key of an update: its id and what makes it unique beyond that, since Telegram may
/// restart the numbering after a week without updates.
fn key(id: u32, unique: &str) -> String {
    format!("telegram:{id}:{unique}")
}

async fn read(tg: &Telegram, update: Update) -> Result<Option<Received>> {
    let id = update.id.0;
    match update.kind {
        UpdateKind::Message(m) => on_message(tg, id, m, false).await,
        UpdateKind::EditedMessage(m) => on_message(tg, id, m, true).await,
        UpdateKind::PreCheckoutQuery(q) => {
            answer_pre_checkout(tg, q).await?;
            Ok(None)
        }
        UpdateKind::CallbackQuery(q) => {
            // Stop the button's spinner now; the answer comes as a message.
            let bot = tg.bot.clone();
            let query = q.id.clone();
            tokio::spawn(async move {
                if let Err(e) = bot.answer_callback_query(query).await {
                    tracing::debug!(target: "telegram.update", error = %e, "answerCallbackQuery failed");
                }
            });
            let Some(chat) = q.message.as_ref().map(|m| m.chat().clone()) else {
                return Ok(None);
            };
            if !chat.is_private() {
                return Ok(None);
            }
            Ok(Some(Received {
                key: key(id, &q.id.0),
                conversation: ConversationId::new(ChannelKind::Telegram, chat.id.0.to_string()),
                input: match q.data {
                    Some(data) => Input::Choice(data),
                    None => Input::Media,
                },
                hint: q.from.language_code,
            }))
        }
        _ => Ok(None),
    }
}

/// Telegram asks whether to take a payment; it waits 10 s for the answer. Yes only for an
/// open request with exactly this amount and currency.
async fn answer_pre_checkout(tg: &Telegram, q: PreCheckoutQuery) -> Result<()> {
    let verdict = tg
        .engine()
        .payments()
        .check_payment(
            &q.invoice_payload,
            &q.currency,
            i64::from(q.total_amount),
            q.from.language_code.as_deref(),
        )
        .await?;
    let answer = tg.bot.answer_pre_checkout_query(q.id, verdict.is_ok());
    let answer = match verdict {
        Ok(()) => answer,
        Err(reason) => answer.error_message(reason),
    };
    if let Err(e) = answer.await {
        // Too late or already answered: Telegram tells the citizen it failed.
        tracing::warn!(target: "telegram.payment", error = %e, "pre-checkout answer failed");
    }
    Ok(())
}

/// A payment went through: recorded once (keyed on Telegram's charge id), with the receipt
/// and the desk's line. An error leaves the update unacknowledged, so it comes again.
async fn record_payment(tg: &Telegram, p: &SuccessfulPayment) -> Result<()> {
    let recorded = tg
        .engine()
        .payments()
        .record_paid(
            &p.invoice_payload,
            &format!("telegram:{}", p.telegram_payment_charge_id.0),
            "telegram",
            Some(&p.provider_payment_charge_id),
            Some(&p.telegram_payment_charge_id.0),
        )
        .await?;
    if let schalter_core::payments::Recorded::NotOpen = recorded {
        tracing::warn!(target: "telegram.payment", "a payment for a request that is not open");
    }
    Ok(())
}

async fn on_message(tg: &Telegram, id: u32, m: Message, edited: bool) -> Result<Option<Received>> {
    if let Some(payment) = m.successful_payment() {
        record_payment(tg, payment).await?;
        return Ok(None);
    }
    let hint = m.from.as_ref().and_then(|u| u.language_code.clone());
    let conversation = ConversationId::new(ChannelKind::Telegram, m.chat.id.0.to_string());
    let unique = format!(
        "{}:{}",
        m.id.0,
        m.edit_date().unwrap_or(&m.date).timestamp()
    );
    if !m.chat.is_private() {
        // Groups and channels: say where the bot works, once per message, through the outbox.
        if !edited {
            let lang = hint.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
            tg.engine()
                .outbox()
                .tell_private_only(&conversation, &key(id, &unique), lang)
                .await?;
            tg.inbound.deliver(&conversation);
        }
        return Ok(None);
    }
    let input = if edited {
        Input::Edited
    } else if let Some(text) = m.text() {
        Input::Text(text.to_owned())
    } else if let Some(largest) = m
        .photo()
        .and_then(|sizes| sizes.iter().max_by_key(|p| p.file.size))
    {
        // A photo comes in several sizes: the clerk gets the largest.
        Input::File {
            source: largest.file.id.0.clone(),
            size: declared(largest.file.size),
        }
    } else if let Some(doc) = m.document() {
        Input::File {
            source: doc.file.id.0.clone(),
            size: declared(doc.file.size),
        }
    } else {
        Input::Media
    };
    Ok(Some(Received {
        key: key(id, &unique),
        conversation,
        input,
        hint,
    }))
}

/// The size Telegram declared for a file; `None` when it left it out (teloxide then reads
/// `u32::MAX`): the download's own limit applies.
fn declared(size: u32) -> Option<u64> {
    (size != u32::MAX).then_some(u64::from(size))
}
