//! Reading a call's parameters (JSON, form or multipart bodies, the query string) and
//! checking them as the Bot API does.

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{Value, json};

use super::error;

/// Parameters from a JSON body, a form body or the query string.
pub(super) fn params(
    headers: &HeaderMap,
    body: &Bytes,
    query: Option<&str>,
) -> Result<Value, Box<Response>> {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if body.is_empty() {
        let mut v = json!({});
        for (k, val) in query
            .unwrap_or_default()
            .split('&')
            .filter_map(|p| p.split_once('='))
        {
            v[k] = json!(val);
        }
        return Ok(v);
    }
    if content_type.starts_with("application/json") {
        return serde_json::from_slice(body)
            .map_err(|_| Box::new(error(400, "Bad Request: can't parse JSON")));
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let mut v = json!({});
        for (k, val) in String::from_utf8_lossy(body)
            .split('&')
            .filter_map(|p| p.split_once('='))
        {
            v[k] = json!(val);
        }
        return Ok(v);
    }
    if let Some(boundary) = content_type
        .strip_prefix("multipart/form-data")
        .and_then(|rest| rest.split("boundary=").nth(1))
    {
        return Ok(multipart(body, boundary.trim_matches('"')));
    }
    Err(Box::new(error(
        400,
        "Bad Request: unsupported content type",
    )))
}

/// The text fields of a multipart/form-data body (files are not needed here).
fn multipart(body: &[u8], boundary: &str) -> Value {
    let body = String::from_utf8_lossy(body);
    let mut v = json!({});
    for part in body.split(&format!("--{boundary}")) {
        let Some((headers, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let Some(name) = headers
            .split("name=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
        else {
            continue;
        };
        v[name] = json!(value.strip_suffix("\r\n").unwrap_or(value));
        if let Some(file_name) = headers
            .split("filename=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
        {
            v[format!("{name}__file_name")] = json!(file_name);
        }
    }
    v
}

/// Telegram sends nested objects as JSON strings in forms; accept both.
pub(super) fn object(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        other => Some(other.clone()),
    }
}

pub(super) fn int(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

pub(super) fn validate_markup(markup: &Value) -> Result<(), &'static str> {
    let rows = markup["inline_keyboard"]
        .as_array()
        .ok_or("Bad Request: object expected as reply markup")?;
    for row in rows {
        for b in row.as_array().ok_or("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays")? {
            let text = b["text"].as_str().unwrap_or_default();
            if text.is_empty() {
                return Err("Bad Request: text buttons are unallowed in the inline keyboard");
            }
            let actions = ["callback_data", "url", "web_app", "login_url", "switch_inline_query",
                "switch_inline_query_current_chat", "callback_game", "pay", "copy_text"]
                .iter()
                .filter(|k| !b[**k].is_null())
                .count();
            if actions != 1 {
                return Err("Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used");
            }
            if let Some(data) = b["callback_data"].as_str()
                && (data.is_empty() || data.len() > 64)
            {
                return Err("Bad Request: BUTTON_DATA_INVALID");
            }
            if let Some(url) = b["url"].as_str()
                && !(url.starts_with("https://") || url.starts_with("http://") || url.starts_with("tg://"))
            {
                return Err("Bad Request: BUTTON_URL_INVALID");
            }
        }
    }
    Ok(())
}

/// A string parameter; `None` when missing or empty (Telegram treats both alike).
pub(super) fn string_param(p: &Value, name: &str) -> Option<String> {
    match &p[name] {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(super) fn required(name: &str) -> Response {
    error(
        400,
        &format!("Bad Request: parameter \"{name}\" is required"),
    )
}

/// A boolean parameter as the Bot API reads it (JSON `true`, or "true"/"1" in forms).
pub(super) fn flag(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64().is_some_and(|n| n != 0),
        Value::String(s) => s.eq_ignore_ascii_case("true") || s == "1",
        _ => false,
    }
}

/// The `entities` (or `caption_entities`) parameter, as Telegram checks it: an array (or its
/// JSON text, in multipart requests) of entities inside the text, offsets in UTF-16 units;
/// a `text_link` needs an http(s) `url`.
pub(super) fn entities(param: &Value, text: &str) -> Result<Vec<Value>, &'static str> {
    const BAD: &str = "Bad Request: can't parse entities";
    let list = match param {
        Value::Null => return Ok(Vec::new()),
        Value::String(s) => serde_json::from_str::<Value>(s).map_err(|_| BAD)?,
        other => other.clone(),
    };
    let Value::Array(list) = list else {
        return Err(BAD);
    };
    let len = text.encode_utf16().count() as u64;
    for e in &list {
        let (Some(kind), Some(offset), Some(length)) = (
            e["type"].as_str(),
            e["offset"].as_u64(),
            e["length"].as_u64(),
        ) else {
            return Err(BAD);
        };
        if length == 0 || offset + length > len {
            return Err(BAD);
        }
        if kind == "text_link"
            && !e["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            return Err(BAD);
        }
    }
    Ok(list)
}
