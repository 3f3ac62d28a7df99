//! Request parameters: the form encoding, the bracket syntax and the checks shared by every
//! endpoint (integers, URLs, `metadata`, unknown names), as Stripe does them.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::error::ApiError;

/// Decoded form fields by their full bracketed name (`line_items[0][quantity]`).
pub(super) type Params = BTreeMap<String, String>;

/// `application/x-www-form-urlencoded` (or a query string): `+` is a space, `%XX` a byte.
pub(super) fn parse_form(raw: &[u8]) -> Params {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    match std::str::from_utf8(&bytes[i + 1..i + 3])
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                    {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    String::from_utf8_lossy(raw)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `a[b][c]` → `("a", ["b", "c"])`; `None` when the brackets do not close.
pub(super) fn split_key(key: &str) -> Option<(&str, Vec<&str>)> {
    let Some(open) = key.find('[') else {
        return Some((key, Vec::new()));
    };
    let (name, mut rest) = key.split_at(open);
    let mut segments = Vec::new();
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let close = inner.find(']')?;
        segments.push(&inner[..close]);
        rest = &inner[close + 1..];
    }
    Some((name, segments))
}

/// `12.34 €`-style amounts as Stripe writes them in messages (`€12.34`).
pub(super) fn money(cents: i64, currency: &str) -> String {
    let value = format!("{}.{:02}", cents / 100, (cents % 100).abs());
    match currency {
        "eur" => format!("€{value}"),
        "usd" => format!("${value}"),
        "gbp" => format!("£{value}"),
        other => format!("{value} {}", other.to_uppercase()),
    }
}

pub(super) fn int(params: &Params, key: &str) -> Result<Option<i64>, ApiError> {
    params
        .get(key)
        .map(|v| {
            v.parse::<i64>()
                .map_err(|_| ApiError::invalid(format!("Invalid integer: {v}")).param(key))
        })
        .transpose()
}

pub(super) fn positive(params: &Params, key: &str) -> Result<Option<i64>, ApiError> {
    match int(params, key)? {
        Some(n) if n <= 0 => Err(ApiError::invalid(format!(
            "Invalid positive integer: {key} must be greater than 0"
        ))
        .param(key)),
        other => Ok(other),
    }
}

pub(super) fn is_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// `metadata[KEY]=VALUE` pairs, checked as Stripe does.
pub(super) fn metadata(params: &Params) -> Result<serde_json::Map<String, Value>, ApiError> {
    let mut out = serde_json::Map::new();
    for (key, value) in params {
        let Some((name, segments)) = split_key(key) else {
            continue;
        };
        if name != "metadata" || segments.is_empty() {
            continue;
        }
        let [k] = segments.as_slice() else {
            return Err(ApiError::invalid(format!("Invalid metadata: {key}")).param("metadata"));
        };
        if k.is_empty() || k.chars().count() > 40 {
            return Err(ApiError::invalid(format!(
                "Metadata keys can have a maximum length of 40 characters: {k}"
            ))
            .param(key));
        }
        if value.chars().count() > 500 {
            return Err(ApiError::invalid(
                "Metadata values can have a maximum length of 500 characters",
            )
            .param(key));
        }
        // An empty value unsets the key.
        if !value.is_empty() {
            out.insert((*k).to_owned(), json!(value));
        }
    }
    if out.len() > 50 {
        return Err(ApiError::invalid("Metadata can have a maximum of 50 keys").param("metadata"));
    }
    Ok(out)
}

/// Refuses parameters whose top-level name is not in `known`.
pub(super) fn known_params(params: &Params, known: &[&str]) -> Result<(), ApiError> {
    for key in params.keys() {
        match split_key(key) {
            Some((name, _)) if known.contains(&name) => {}
            _ => return Err(ApiError::unknown(key)),
        }
    }
    Ok(())
}
