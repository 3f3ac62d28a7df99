//! What a failed Bot API call means for the outbox: judged by the answer's status, not by
//! whether teloxide knows its description by name.
//!
//! teloxide-core 0.13 reads a JSON error body's `description` (and `parameters`) and drops
//! its `error_code`, and it turns a body that is not JSON (nginx's HTML page in front of the
//! Bot API) into `InvalidJson`. Telegram's descriptions start with the reason phrase of the
//! HTTP status they come with ("Bad Request: …", "Forbidden: …", "Too Many Requests: retry
//! after 5", "Bad Gateway"), so the status is read back from there. What the code knows to be
//! final is final (for the chat: blocked, gone; for the message: too long, bad markup, bad
//! buttons); 5xx in any form, 429 with or without `retry_after`, and no answer at all are
//! transient; anything else is [`FailureKind::Unrecognized`]: tried a few times, then the
//! message is given up with an apology.

use std::time::Duration;

use axum::http::StatusCode;
use teloxide::{ApiError, RequestError};

use crate::channel::{FailureKind, SendError};

/// How a failed request counts for the outbox.
pub fn classify(e: RequestError) -> SendError {
    match e {
        RequestError::RetryAfter(after) => {
            SendError::new(FailureKind::RateLimited, "flood control").after(Some(after.duration()))
        }
        RequestError::MigrateToChatId(_) => SendError::unreachable("chat migrated"),
        // The token is hidden from these by teloxide.
        RequestError::Network(e) if e.is_timeout() => {
            SendError::new(FailureKind::Network, "timed out")
        }
        RequestError::Network(e) => SendError::new(FailureKind::Network, e),
        RequestError::Io(e) => SendError::new(FailureKind::Network, e),
        RequestError::InvalidJson { raw, .. } => {
            if serde_json::from_str::<serde_json::Value>(&raw).is_ok() {
                // JSON of a form teloxide does not read: an answer we do not know.
                SendError::new(FailureKind::Unrecognized, "unreadable answer")
            } else {
                // An HTML error page or an empty body: the front end, not the Bot API.
                SendError::new(FailureKind::ServerError, page_title(&raw))
            }
        }
        RequestError::Api(e) => classify_api(e),
    }
}

fn classify_api(e: ApiError) -> SendError {
    use ApiError as A;
    let kind = match &e {
        A::BotBlocked
        | A::ChatNotFound
        | A::UserNotFound
        | A::UserDeactivated
        | A::BotKicked
        | A::BotKickedFromSupergroup
        | A::BotKickedFromChannel
        | A::CantInitiateConversation
        | A::CantTalkWithBots
        | A::GroupDeactivated
        | A::NotEnoughRightsToPostMessages => FailureKind::Unreachable,
        A::MessageIsTooLong
        | A::EditedMessageIsTooLong
        | A::MessageTextIsEmpty
        | A::CantParseEntities(_)
        | A::ButtonUrlInvalid
        | A::ButtonDataInvalid
        | A::TextButtonsAreUnallowed
        | A::WrongHttpUrl
        | A::CantParseUrl
        | A::RequestEntityTooLarge
        | A::MessageIdInvalid
        | A::MessageCantBeEdited
        | A::MessageToEditNotFound
        | A::MessageToReplyNotFound
        | A::WrongFileId
        | A::WrongFileIdOrUrl
        | A::FileIdInvalid
        | A::FailedToGetUrlContent
        | A::ImageProcessFailed
        | A::PhotoAsInputFileRequired => FailureKind::Refused,
        A::InvalidToken => FailureKind::Credentials,
        A::Unknown(description) => return by_description(description),
        _ => FailureKind::Unrecognized,
    };
    SendError::new(kind, e)
}

/// An error teloxide has no name for, judged by the status its description starts with.
fn by_description(description: &str) -> SendError {
    let reason = description.split(':').next().unwrap_or_default().trim();
    let kind = match status_of(reason).map(|s| s.as_u16()) {
        Some(429) => {
            return SendError::new(FailureKind::RateLimited, description)
                .after(retry_after(description));
        }
        Some(403) => FailureKind::Unreachable,
        Some(500..=599) => FailureKind::ServerError,
        // An unknown 400 may well be final, but nothing says so: a few tries, then an apology.
        _ => FailureKind::Unrecognized,
    };
    SendError::new(kind, description)
}

/// The status whose reason phrase `reason` is ("Bad Gateway" → 502).
fn status_of(reason: &str) -> Option<StatusCode> {
    (400..=599)
        .filter_map(|code| StatusCode::from_u16(code).ok())
        .find(|s| {
            s.canonical_reason()
                .is_some_and(|r| r.eq_ignore_ascii_case(reason))
        })
}

/// "Too Many Requests: retry after 5" → 5 s.
fn retry_after(description: &str) -> Option<Duration> {
    let lower = description.to_ascii_lowercase();
    let (_, tail) = lower.split_once("retry after")?;
    let secs: u64 = tail
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    Some(Duration::from_secs(secs))
}

/// The title of an HTML error page ("502 Bad Gateway"), or a short note for anything else.
fn page_title(raw: &str) -> String {
    let lower = raw.to_ascii_lowercase();
    match (lower.find("<title>"), lower.find("</title>")) {
        (Some(start), Some(end)) if start + 7 <= end => raw[start + 7..end].trim().to_owned(),
        _ if raw.trim().is_empty() => "empty answer".to_owned(),
        _ => "not JSON".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSON error body as the Bot API sends it, read by teloxide as it reads a real one.
    fn api(body: &str) -> SendError {
        #[derive(serde::Deserialize)]
        struct Err {
            description: ApiError,
            #[serde(default)]
            parameters: Option<teloxide::types::ResponseParameters>,
        }
        let e: Err = serde_json::from_str(body).unwrap();
        match e.parameters {
            Some(teloxide::types::ResponseParameters::RetryAfter(s)) => {
                classify(RequestError::RetryAfter(s))
            }
            _ => classify(RequestError::Api(e.description)),
        }
    }

    fn html(raw: &str) -> SendError {
        let source = serde_json::from_str::<serde_json::Value>("<").unwrap_err();
        classify(RequestError::InvalidJson {
            source: std::sync::Arc::new(source),
            raw: raw.into(),
        })
    }

    #[test]
    fn five_hundreds_are_transient_in_every_form() {
        for (code, reason) in [
            (500, "Internal Server Error"),
            (502, "Bad Gateway"),
            (503, "Service Unavailable"),
            (504, "Gateway Timeout"),
        ] {
            let e = api(&format!(
                r#"{{"ok":false,"error_code":{code},"description":"{reason}"}}"#
            ));
            assert_eq!(e.kind, FailureKind::ServerError, "{code} {reason}");
        }
        let e =
            html("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body></body></html>");
        assert_eq!(e.kind, FailureKind::ServerError);
        assert_eq!(e.reason, "502 Bad Gateway");
        assert_eq!(html("").kind, FailureKind::ServerError);
    }

    #[test]
    fn too_many_requests_waits_as_asked_with_or_without_parameters() {
        let e = api(
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#,
        );
        assert_eq!(e.kind, FailureKind::RateLimited);
        assert_eq!(e.retry_after, Some(Duration::from_secs(7)));
        let e = api(
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3"}"#,
        );
        assert_eq!(e.kind, FailureKind::RateLimited);
        assert_eq!(e.retry_after, Some(Duration::from_secs(3)));
        let e = api(r#"{"ok":false,"error_code":429,"description":"Too Many Requests"}"#);
        assert_eq!((e.kind, e.retry_after), (FailureKind::RateLimited, None));
    }

    #[test]
    fn known_refusals_are_final_for_the_chat_or_the_message() {
        for d in [
            "Forbidden: bot was blocked by the user",
            "Forbidden: user is deactivated",
            "Bad Request: chat not found",
            // A 403 teloxide has no name for is still the chat refusing us.
            "Forbidden: bot can't send messages to this kind of chat",
        ] {
            let e = api(&format!(
                r#"{{"ok":false,"error_code":403,"description":"{d}"}}"#
            ));
            assert_eq!(e.kind, FailureKind::Unreachable, "{d}");
        }
        for d in [
            "Bad Request: message is too long",
            "Bad Request: message text is empty",
            "Bad Request: BUTTON_DATA_INVALID",
            "Bad Request: can't parse entities: Unsupported start tag \\\"b\\\" at byte offset 0",
        ] {
            let e = api(&format!(
                r#"{{"ok":false,"error_code":400,"description":"{d}"}}"#
            ));
            assert_eq!(e.kind, FailureKind::Refused, "{d}");
        }
    }

    #[test]
    fn what_is_not_known_is_unrecognized_not_final() {
        for (code, d) in [
            (400, "Bad Request: a reason Telegram adds next year"),
            (418, "I'm a teapot"),
            (200, "Something else"),
        ] {
            let e = api(&format!(
                r#"{{"ok":false,"error_code":{code},"description":"{d}"}}"#
            ));
            assert_eq!(e.kind, FailureKind::Unrecognized, "{d}");
        }
        // JSON, but not of the Bot API's form.
        assert_eq!(html(r#"{"ok":"maybe"}"#).kind, FailureKind::Unrecognized);
    }

    #[test]
    fn a_revoked_token_makes_every_message_wait() {
        let e = api(r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#);
        assert_eq!(e.kind, FailureKind::Credentials);
    }
}
