//! The Bot API methods: the route every call takes, then each method as Telegram carries it
//! out or refuses it.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::params::{entities, int, object, params, validate_markup};
use super::payments::{answer_pre_checkout_query, send_invoice};
use super::updates::get_updates;
use super::{BOT_ID, BotMessage, Document, Emulator, Event, TOKEN, error, now_secs, ok};

pub(super) fn message_json(m: &BotMessage, chat: &Value) -> Value {
    let mut v = json!({"message_id": m.message_id, "from": {"id": BOT_ID, "is_bot": true,
        "first_name": "Schalter", "username": "schalter_bot"}, "chat": chat, "date": now_secs()});
    match (&m.invoice, &m.document) {
        (Some(i), _) => {
            v["invoice"] = json!({"title": i.title, "description": i.description,
                "start_parameter": "", "currency": i.currency, "total_amount": i.total_amount});
        }
        (None, Some(d)) => {
            v["document"] = json!({"file_id": format!("doc-{}-{}", m.chat_id, m.message_id),
                "file_unique_id": format!("u{}{}", m.chat_id, m.message_id),
                "file_name": d.file_name, "mime_type": "application/json",
                "file_size": d.content.len()});
            if !m.text.is_empty() {
                v["caption"] = json!(m.text);
            }
        }
        (None, None) => v["text"] = json!(m.text),
    }
    if !m.entities.is_empty() {
        let key = if m.document.is_some() {
            "caption_entities"
        } else {
            "entities"
        };
        v[key] = Value::Array(m.entities.clone());
    }
    if let Some(k) = &m.reply_markup {
        v["reply_markup"] = k.clone();
    }
    if m.edits > 0 {
        v["edit_date"] = json!(now_secs());
    }
    v
}

/// Every Bot API call: `/bot<token>/<method>`, the method in any case.
pub(super) async fn api(
    State(emu): State<Emulator>,
    Path((bot, method)): Path<(String, String)>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if bot != format!("bot{TOKEN}") {
        return error(401, "Unauthorized");
    }
    let p = match params(&headers, &body, uri.query()) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let method = method.to_ascii_lowercase();
    if let Some(fault) = emu.take_fault(&method, &p) {
        return fault.answer().await;
    }
    let result = match emu.refusal(&method, &p) {
        Some(r) => r,
        None => handle(&emu, &method, &p).await,
    };
    if let Some(description) = match &result {
        r if r.status() == StatusCode::OK => None,
        _ => Some(method.clone()),
    } {
        emu.lock()
            .events
            .push(Event::Rejected(description, p.to_string()));
    }
    result
}

async fn handle(emu: &Emulator, method: &str, p: &Value) -> Response {
    match method {
        "getme" => ok(
            json!({"id": BOT_ID, "is_bot": true, "first_name": "Schalter",
            "username": "schalter_bot", "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": false, "can_connect_to_business": false, "has_main_web_app": false}),
        ),
        "getupdates" => get_updates(emu, p).await,
        "getfile" => super::files::get_file(emu, p),
        "sendmessage" => {
            let Some(chat_id) = int(&p["chat_id"]) else {
                return error(400, "Bad Request: chat_id is empty");
            };
            let text = p["text"].as_str().unwrap_or_default().to_owned();
            let markup = object(&p["reply_markup"]);
            let mut s = emu.lock();
            if let Some(throttled) = s.faults.throttle() {
                return throttled;
            }
            let Some(chat) = s.chats.get(&chat_id).cloned() else {
                return error(400, "Bad Request: chat not found");
            };
            if text.trim().is_empty() {
                return error(400, "Bad Request: message text is empty");
            }
            if text.encode_utf16().count() > 4096 {
                return error(400, "Bad Request: message is too long");
            }
            let entities = match entities(&p["entities"], &text) {
                Ok(e) => e,
                Err(e) => return error(400, e),
            };
            if let Some(m) = &markup
                && let Err(e) = validate_markup(m)
            {
                return error(400, e);
            }
            let counter = s.next_message.entry(chat_id).or_insert(0);
            *counter += 1;
            let message = BotMessage {
                chat_id,
                message_id: *counter,
                text,
                reply_markup: markup,
                entities,
                edits: 0,
                invoice: None,
                document: None,
            };
            let json = message_json(&message, &chat);
            s.events.push(Event::Sent(chat_id, message.message_id));
            s.sent_at
                .insert((chat_id, message.message_id), std::time::Instant::now());
            s.messages.insert((chat_id, message.message_id), message);
            emu.sent.notify_waiters();
            ok(json)
        }
        "senddocument" => {
            let Some(chat_id) = int(&p["chat_id"]) else {
                return error(400, "Bad Request: chat_id is empty");
            };
            // The file comes inline, or as `attach://<part>` naming another part.
            let field = match p["document"].as_str() {
                Some(v) => v
                    .strip_prefix("attach://")
                    .map_or_else(|| "document".to_owned(), str::to_owned),
                None => return error(400, "Bad Request: there is no document in the request"),
            };
            let Some(content) = p[field.as_str()].as_str().map(str::to_owned) else {
                return error(400, "Bad Request: wrong file identifier/HTTP URL specified");
            };
            let file_name = p[format!("{field}__file_name").as_str()]
                .as_str()
                .unwrap_or("document")
                .to_owned();
            let caption = p["caption"].as_str().unwrap_or_default().to_owned();
            if caption.encode_utf16().count() > 1024 {
                return error(400, "Bad Request: message caption is too long");
            }
            let entities = match entities(&p["caption_entities"], &caption) {
                Ok(e) => e,
                Err(e) => return error(400, e),
            };
            let mut s = emu.lock();
            let Some(chat) = s.chats.get(&chat_id).cloned() else {
                return error(400, "Bad Request: chat not found");
            };
            let counter = s.next_message.entry(chat_id).or_insert(0);
            *counter += 1;
            let message = BotMessage {
                chat_id,
                message_id: *counter,
                text: caption,
                reply_markup: None,
                entities,
                edits: 0,
                invoice: None,
                document: Some(Document { file_name, content }),
            };
            let json = message_json(&message, &chat);
            s.events.push(Event::Sent(chat_id, message.message_id));
            s.sent_at
                .insert((chat_id, message.message_id), std::time::Instant::now());
            s.messages.insert((chat_id, message.message_id), message);
            emu.sent.notify_waiters();
            ok(json)
        }
        "editmessagetext" => {
            let (Some(chat_id), Some(message_id)) = (int(&p["chat_id"]), int(&p["message_id"]))
            else {
                return error(400, "Bad Request: message identifier is not specified");
            };
            let text = p["text"].as_str().unwrap_or_default().to_owned();
            let markup = object(&p["reply_markup"]);
            let mut s = emu.lock();
            let Some(chat) = s.chats.get(&chat_id).cloned() else {
                return error(400, "Bad Request: chat not found");
            };
            if text.trim().is_empty() {
                return error(400, "Bad Request: message text is empty");
            }
            if let Some(m) = &markup
                && let Err(e) = validate_markup(m)
            {
                return error(400, e);
            }
            let entities = match entities(&p["entities"], &text) {
                Ok(e) => e,
                Err(e) => return error(400, e),
            };
            let Some(existing) = s.messages.get_mut(&(chat_id, message_id)) else {
                return error(400, "Bad Request: message to edit not found");
            };
            if existing.invoice.is_some() {
                return error(400, "Bad Request: there is no text in the message to edit");
            }
            if existing.text == text && existing.reply_markup == markup {
                return error(
                    400,
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
                );
            }
            existing.text = text;
            existing.reply_markup = markup;
            existing.entities = entities;
            existing.edits += 1;
            let json = message_json(existing, &chat);
            s.events.push(Event::Edited(chat_id, message_id));
            ok(json)
        }
        "answercallbackquery" => {
            let id = p["callback_query_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let mut s = emu.lock();
            match s.callbacks.get_mut(&id) {
                Some(answered) if !*answered => {
                    *answered = true;
                    s.events.push(Event::CallbackAnswered(id));
                    ok(json!(true))
                }
                _ => error(
                    400,
                    "Bad Request: query is too old and response timeout expired or query ID is invalid",
                ),
            }
        }
        "sendinvoice" => send_invoice(emu, p),
        "answerprecheckoutquery" => answer_pre_checkout_query(emu, p),
        "setmycommands" => {
            let commands = object(&p["commands"]).unwrap_or(json!([]));
            for c in commands.as_array().into_iter().flatten() {
                let name = c["command"].as_str().unwrap_or_default();
                let desc = c["description"]
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .count();
                if name.is_empty()
                    || name.len() > 32
                    || !name
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
                {
                    return error(400, "Bad Request: BOT_COMMAND_INVALID");
                }
                if !(1..=256).contains(&desc) {
                    return error(400, "Bad Request: command description must be non-empty");
                }
            }
            let lang = p["language_code"].as_str().unwrap_or_default().to_owned();
            emu.lock()
                .commands
                .insert(lang, commands.as_array().cloned().unwrap_or_default());
            ok(json!(true))
        }
        "deletewebhook" => {
            emu.lock().webhook = None;
            ok(json!(true))
        }
        "setwebhook" => {
            let url = p["url"].as_str().unwrap_or_default().to_owned();
            if !url.starts_with("https://") {
                return error(
                    400,
                    "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
                );
            }
            let secret = p["secret_token"].as_str().unwrap_or_default().to_owned();
            if secret.len() > 256
                || !secret
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return error(
                    400,
                    "Bad Request: secret token contains unallowed characters",
                );
            }
            emu.lock().webhook = Some((url, secret));
            ok(json!(true))
        }
        "getwebhookinfo" => {
            let url = emu.lock().webhook.clone().map(|w| w.0).unwrap_or_default();
            ok(json!({"url": url, "has_custom_certificate": false, "pending_update_count": 0}))
        }
        _ => error(404, "Not Found"),
    }
}
