//! Chats of more than one person: the office serves one citizen at a time, so a group that
//! writes is told, once per message, to write in private instead; nothing it says is kept.

use crate::channel::ConversationId;
use crate::engine::{Engine, EngineError};
use crate::i18n::Lang;
use crate::message::Message;

impl Engine {
    /// Queues "write me in private" for the group `conversation` in `lang`, once per `once`
    /// (the platform's key of the message that came).
    pub async fn tell_private_only(
        &self,
        conversation: &ConversationId,
        once: &str,
        lang: Lang,
    ) -> Result<(), EngineError> {
        let body = serde_json::to_string(&Message {
            text: self.i18n().text(lang, "private-only"),
            ..Message::default()
        })
        .expect("messages serialize");
        self.store
            .notify_once(
                &conversation.to_string(),
                once,
                "private-only",
                &body,
                self.clock().now(),
            )
            .await?;
        Ok(())
    }
}
