//! The answer when something meant for a citizen could not be given: an input that could not
//! be handled, or a message the platform would not take. Written once, for the inbox and the
//! outbox alike, in the language the conversation speaks.

use schalter_core::queue::Message;
use schalter_core::{ConversationId, Engine, Lang};

/// The outbox's kind for an apology: one that is itself refused gets none.
pub const APOLOGY: &str = "apology";

/// Queues "something went wrong on our side, please try again" for `conversation`, once per
/// `slot`. `hint`: the language the channel guessed, for a conversation that has none yet.
pub async fn apologize(
    engine: &Engine,
    conversation: &ConversationId,
    slot: &str,
    kind: &str,
    hint: Option<&str>,
) -> anyhow::Result<()> {
    let store = engine.store();
    let conversation = conversation.to_string();
    let lang = match store.load_conversation(&conversation).await {
        Ok(Some(row)) => row.lang.as_deref().and_then(Lang::from_tag),
        _ => None,
    }
    .or_else(|| hint.and_then(Lang::from_tag))
    .unwrap_or(Lang::REFERENCE);
    let body = serde_json::to_string(&Message {
        text: engine.i18n().text(lang, "error-temporary"),
        ..Message::default()
    })?;
    store
        .notify_once(&conversation, slot, kind, &body, engine.clock().now())
        .await?;
    Ok(())
}
