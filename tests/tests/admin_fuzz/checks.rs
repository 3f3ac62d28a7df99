//! The rules every request keeps: its answer, what it did to the state GET shows, and the
//! office's health afterwards.

use std::sync::atomic::Ordering;

use reqwest::{Method, StatusCode, Url};
use serde_json::{Value, json};

use crate::office::Office;
use crate::requests::{Answer, Body, Req, Token, clip};

impl Office {
    /// One request with every invariant: its answer, what it did to the state GET shows, and
    /// the office's health afterwards. Returns the answer for further checks.
    pub(crate) async fn request(&self, req: &Req) -> Result<Answer, String> {
        let url = self.url(&req.path)?;
        let target = changed_by(&req.method, url.path());
        let before = match &target {
            Some(t) => Some(self.read(t).await?),
            None => None,
        };
        // More than the socket takes at once.
        let oversized = req.body.bytes().is_some_and(|b| b.len() > 16 * 1024);
        let answer = match self.send(req).await {
            Ok(a) => a,
            // A server may answer (401, 413) before reading a large body and close the
            // connection; the client then fails writing the rest. Not a panic (that closes
            // without an answer once the body is read): the checks below still run.
            Err(e) if oversized && e.contains("BodyWrite") => Answer {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                text: String::new(),
                json: Some(json!({"error": "closed while the oversized body was sent"})),
            },
            Err(e) => {
                // A dead server fails every later case: stop there.
                if self.healthy().await.is_err() {
                    self.dead.store(true, Ordering::SeqCst);
                }
                return Err(e);
            }
        };
        *self
            .stats
            .lock()
            .expect("lock")
            .entry(format!(
                "{} {} {} as {}",
                req.method,
                endpoint(url.path()),
                answer.status.as_u16(),
                match req.token {
                    Token::Valid => "admin-token",
                    Token::Session(i) => crate::office::ROLES[i],
                    _ => "nobody",
                }
            ))
            .or_default() += 1;
        check_answer(req, &url, &answer)?;
        if let (Some(t), Some(before)) = (&target, before) {
            let after = self.read(t).await?;
            if answer.status.is_client_error() && after != before {
                return Err(format!(
                    "refused ({}) but GET {t} changed:\nbefore {}\nafter  {}",
                    answer.status,
                    clip(&before, 500),
                    clip(&after, 500)
                ));
            }
            if answer.status.is_success() && t.contains("/messages/") {
                if !after.starts_with("200 ") {
                    return Err(format!(
                        "accepted ({}) a change of a message GET does not know: {}",
                        answer.status,
                        clip(&after, 300)
                    ));
                }
                self.changed.lock().expect("lock").insert(t.clone());
            }
            if answer.status.is_success() && req.method == Method::PUT {
                let sent: Option<Value> = req
                    .body
                    .bytes()
                    .and_then(|b| serde_json::from_slice(&b).ok());
                let field = if t.ends_with("/catalog") {
                    "toml"
                } else {
                    "value"
                };
                let shown: Value = after
                    .split_once(' ')
                    .and_then(|(_, body)| serde_json::from_str(body).ok())
                    .unwrap_or_default();
                let sent = sent.as_ref().map(|s| &s[field]);
                if sent != Some(&shown[field]) {
                    return Err(format!(
                        "accepted ({}) but GET {t} shows {} instead of {}",
                        answer.status,
                        clip(&shown[field].to_string(), 300),
                        clip(&sent.map(Value::to_string).unwrap_or_default(), 300)
                    ));
                }
            }
        }
        if let Err(e) = self.healthy().await {
            self.dead.store(true, Ordering::SeqCst);
            return Err(e);
        }
        Ok(answer)
    }

    /// What GET shows of `path`: its status and body.
    pub(crate) async fn read(&self, path: &str) -> Result<String, String> {
        let req = Req {
            method: Method::GET,
            path: path.into(),
            token: Token::Valid,
            content_type: None,
            body: Body::None,
        };
        let a = self.send(&req).await?;
        if a.status.is_server_error() {
            return Err(format!("GET {path}: {a:?}"));
        }
        Ok(format!("{} {}", a.status.as_u16(), a.text))
    }
}

/// A path with its variable segments named, to count answers by endpoint.
fn endpoint(path: &str) -> String {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["admin", "api", "locales", _, "messages", _, rest @ ..] => {
            format!("/admin/api/locales/L/messages/I/{}", rest.join("/"))
        }
        ["admin", "api", "locales", _, rest @ ..] => {
            format!("/admin/api/locales/L/{}", rest.join("/"))
        }
        ["admin", "api", "messages", _] => "/admin/api/messages/I".into(),
        ["admin", "api", "citizens", _] => "/admin/api/citizens/C".into(),
        _ => clip(path, 30),
    }
}

/// The resource whose GET shows what `method path` may change, if it changes anything.
fn changed_by(method: &Method, path: &str) -> Option<String> {
    if ![Method::PUT, Method::POST, Method::DELETE, Method::PATCH].contains(method) {
        return None;
    }
    if path == "/admin/api/catalog" {
        return Some(path.to_owned());
    }
    let rest = path.strip_prefix("/admin/api/locales/")?;
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        [lang, "messages", id] | [lang, "messages", id, "rollback" | "confirm"] => {
            Some(format!("/admin/api/locales/{lang}/messages/{id}"))
        }
        _ => None,
    }
}

/// What each role may do, as the issue words it (not as the server's table does): the
/// oracle a session's successful answer is held to.
fn role_may(role: &str, method: &Method, path: &str) -> bool {
    let read = *method == Method::GET || *method == Method::HEAD;
    let p = path.strip_prefix("/admin/api").unwrap_or(path);
    let decoded: Vec<String> = p.trim_start_matches('/').split('/').map(unescape).collect();
    let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
    let own = matches!(segments.as_slice(), ["me"] | ["tokens"] | ["tokens", _]);
    let texts = matches!(
        segments.as_slice(),
        ["locales"] | ["locales", ..] | ["messages"] | ["messages", _]
    );
    own || match role {
        "translator:ar" => texts && (read || matches!(segments.as_slice(), ["locales", "ar", ..])),
        "catalogue-editor" => (texts && read) || segments == ["catalog"],
        "queue-supervisor" => {
            read && matches!(
                segments.as_slice(),
                ["queue"] | ["payments"] | ["documents"]
            )
        }
        "data-protection" => {
            (read && segments == ["audit"])
                || (*method == Method::DELETE && matches!(segments.as_slice(), ["citizens", _]))
        }
        "operator" => read && matches!(segments.as_slice(), ["catalog"] | ["documents"]),
        _ => false,
    }
}

/// A path segment with its `%XX` escapes decoded (as a server reads it).
fn unescape(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The rules every answer keeps.
fn check_answer(req: &Req, url: &Url, a: &Answer) -> Result<(), String> {
    if a.status.is_server_error() {
        return Err(format!("{}: {}", a.status, clip(&a.text, 500)));
    }
    let path = url.path();
    let api = path == "/admin/api" || path.starts_with("/admin/api/");
    if !api || req.method == Method::HEAD {
        return Ok(());
    }
    match req.token {
        Token::Valid => {}
        Token::Session(i) => {
            let role = crate::office::ROLES[i];
            if a.status.is_success() && !role_may(role, &req.method, path) {
                return Err(format!(
                    "{} for {role}, whose role does not allow it",
                    a.status
                ));
            }
        }
        _ if a.status.is_success() => {
            return Err(format!("{} without the token or a session", a.status));
        }
        _ => {}
    }
    // The audit log's export as CSV is a download, not JSON.
    if a.status.is_success() && a.text.starts_with("at,subject,name,action,target\r\n") {
        return Ok(());
    }
    let Some(json) = &a.json else {
        return Err(format!(
            "{} with a body that is not JSON: {:?}",
            a.status,
            clip(&a.text, 300)
        ));
    };
    if a.status.is_client_error() {
        let reason = json["error"].as_str().unwrap_or_default();
        if reason.trim().is_empty() {
            return Err(format!("{} without a reason: {json}", a.status));
        }
    }
    Ok(())
}
