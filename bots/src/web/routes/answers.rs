//! Starting a conversation and taking an answer, for the pages and the API alike: the
//! client id, the text's length and characters, the inbox, the transcript.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct StartForm {
    pub(super) lang: Option<String>,
}

/// Starts a conversation: a new token, its cookie, and the greeting in the chosen language.
pub(super) async fn begin(
    chat: &WebChat,
    lang: Option<Lang>,
    headers: &HeaderMap,
) -> Result<String, Refusal> {
    let token = session::new_token();
    let conversation = session::conversation_of(&token).expect("a token we made");
    let lang = lang.or_else(|| session::browser_lang(headers));
    let key = format!("web:{}:start", conversation.user());
    let hint = lang.map(Lang::code);
    // The greeting is in the transcript when this returns.
    match chat
        .web
        .engine()
        .dialogue()
        .handle_shown(
            &conversation,
            &key,
            hint,
            Input::Text("/start".into()),
            None,
            false,
        )
        .await
    {
        Ok(_) => Ok(token),
        Err(e) => {
            tracing::warn!(target: "web", error = %e, "start not stored");
            Err(Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "web-error-unknown",
            ))
        }
    }
}

/// A body axum could not take (JSON or form), by the status of its rejection: too large, or
/// not what was asked for.
pub(super) fn body_refusal(status: StatusCode) -> Refusal {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::new(StatusCode::PAYLOAD_TOO_LARGE, "web-error-too-large")
    } else {
        Refusal::new(StatusCode::BAD_REQUEST, "web-error-unknown")
    }
}

/// An answer: typed text or a pressed option, under the client's id for it.
#[derive(Deserialize, Default)]
pub(super) struct Answer {
    pub(super) client_id: Option<String>,
    pub(super) text: Option<String>,
    pub(super) option: Option<String>,
}

/// Takes an answer under its client id: handled, and what the page shows of it (the
/// citizen's words and the reply) written into the transcript with the conversation's new
/// state, before this returns (see [`schalter_core::dialogue::Dialogue::handle_shown`]; a
/// repeated client id is the same answer, handled once). Only a conversation that was started
/// here takes answers, so a forged token finds none. The number of the reply's row.
pub(super) async fn take(
    chat: &WebChat,
    conversation: &ConversationId,
    answer: Answer,
) -> Result<i64, Refusal> {
    let client_id = answer
        .client_id
        .filter(|c| {
            (1..=64).contains(&c.len())
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .ok_or_else(|| Refusal::new(StatusCode::BAD_REQUEST, "web-error-unknown"))?;
    let (input, shown) = match (answer.option, answer.text) {
        (Some(option), _) if !option.is_empty() && option.len() <= 64 => {
            let label = option_label(chat, conversation, &option).await;
            (Input::Choice(option), label)
        }
        (_, Some(text)) => {
            let text = clean(&text);
            if text.is_empty() {
                return Err(Refusal::new(StatusCode::BAD_REQUEST, "web-error-empty"));
            }
            if text.chars().count() > MAX_TEXT {
                return Err(Refusal {
                    status: StatusCode::PAYLOAD_TOO_LARGE,
                    key: "web-error-too-long",
                    max: Some(MAX_TEXT),
                });
            }
            (Input::Text(text.clone()), Some(text))
        }
        _ => return Err(Refusal::new(StatusCode::BAD_REQUEST, "web-error-empty")),
    };
    let key = format!("web:{}:{client_id}", conversation.user());
    let engine = chat.web.engine();
    let unavailable = |e: &dyn std::fmt::Display| {
        tracing::warn!(target: "web", error = %e, "input not handled");
        Refusal::new(StatusCode::SERVICE_UNAVAILABLE, "web-error-unknown")
    };
    let keyed = engine
        .dialogue()
        .handle_shown(conversation, &key, None, input, shown.as_deref(), true)
        .await
        .map_err(|e| unavailable(&e))?
        .ok_or_else(|| Refusal::new(StatusCode::FORBIDDEN, "web-error-session"))?;
    match keyed.shown.last() {
        Some(row) => Ok(row.seq),
        // A repeated client id: shown when it was first handled.
        None => engine
            .transcript()
            .last_seq(conversation)
            .await
            .map_err(|e| unavailable(&e)),
    }
}

/// The label of an option the conversation was offered lately, to show what was pressed:
/// from the options last shown (kept in memory), else from the office's recent messages (an
/// option that came with a notification: check-in, more time).
pub(super) async fn option_label(
    chat: &WebChat,
    conversation: &ConversationId,
    id: &str,
) -> Option<String> {
    let engine = chat.web.engine();
    if let Ok(Some(label)) = engine.dialogue().offered_label(conversation, id).await {
        return Some(label.trim_start_matches('\u{200F}').to_owned());
    }
    let rows = engine.transcript().latest(conversation, 20).await.ok()?;
    rows.iter().rev().find_map(|r| match &r.entry {
        Entry::Office { message, .. } => message
            .options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.label.trim_start_matches('\u{200F}').to_owned()),
        Entry::Citizen { .. } => None,
    })
}

/// What a citizen typed, without control characters (line breaks and tabs become spaces)
/// and surrounding space.
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn typed_text_loses_control_and_direction_characters() {
        assert_eq!(clean("  a\u{0}b\u{7}c\nd\u{202E}e\u{2066} "), "abc de");
        assert_eq!(clean("\u{1b}[31m"), "[31m");
        assert_eq!(clean("مرحبا"), "مرحبا");
    }
}
