//! Requests and answers as the fuzzer sends and reads them, short enough in a failure report.

use std::fmt;

use reqwest::{Method, StatusCode};
use serde_json::Value;

#[derive(Clone, Debug)]
pub(crate) enum Token {
    Valid,
    Missing,
    /// The session of a member of staff with role [`crate::office::ROLES`]`[i]`: its cookie
    /// and CSRF secret.
    Session(usize),
    /// A session cookie nobody was given.
    ForgedSession,
    /// An `Authorization` header as given.
    Header(String),
}

#[derive(Clone)]
pub(crate) enum Body {
    None,
    Json(Value),
    Raw(Vec<u8>),
    /// `len` bytes: a JSON edit padded to that size, or (`json: false`) filler.
    Sized {
        len: usize,
        json: bool,
    },
}

impl Body {
    pub(crate) fn bytes(&self) -> Option<Vec<u8>> {
        match self {
            Body::None => None,
            Body::Json(v) => Some(serde_json::to_vec(v).expect("JSON")),
            Body::Raw(b) => Some(b.clone()),
            Body::Sized { len, json } => {
                let mut b = if *json {
                    let frame = br#"{"value":"","toml":""}"#;
                    let fill = len.saturating_sub(frame.len());
                    format!(r#"{{"value":"{}","toml":""}}"#, "a".repeat(fill)).into_bytes()
                } else {
                    vec![b'x'; *len]
                };
                b.truncate(*len);
                Some(b)
            }
        }
    }
}

/// Short enough to read in a failure report.
pub(crate) fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!(
            "{}… ({} chars)",
            s.chars().take(n).collect::<String>(),
            s.chars().count()
        )
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::None => write!(f, "None"),
            Body::Json(v) => write!(f, "Json({})", clip(&v.to_string(), 400)),
            Body::Raw(b) => write!(f, "Raw({:?})", clip(&String::from_utf8_lossy(b), 400)),
            Body::Sized { len, json } => write!(f, "Sized {{ len: {len}, json: {json} }}"),
        }
    }
}

#[derive(Clone)]
pub(crate) struct Req {
    pub(crate) method: Method,
    /// Path and query, percent-encoded as sent.
    pub(crate) path: String,
    pub(crate) token: Token,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Body,
}

impl fmt::Debug for Req {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} token={:?} content-type={:?} body={:?}",
            self.method,
            clip(&self.path, 300),
            self.token,
            self.content_type,
            self.body
        )
    }
}

impl Req {
    pub(crate) fn json(method: Method, path: impl Into<String>, body: Value) -> Self {
        Self {
            method,
            path: path.into(),
            token: Token::Valid,
            content_type: Some("application/json".into()),
            body: Body::Json(body),
        }
    }
}

#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) text: String,
    pub(crate) json: Option<Value>,
}
