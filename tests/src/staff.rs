//! A member of staff at the admin API, as their browser would be: the session cookie kept by
//! hand (reqwest's cookie store would not send a `Secure` cookie over the tests' plain HTTP),
//! the CSRF secret from `/admin/api/me` sent with every change, no redirects followed.

use reqwest::header::{HeaderMap, SET_COOKIE};
use reqwest::{Method, StatusCode};
use serde_json::Value;

pub const SESSION_COOKIE: &str = "__Host-schalter-session";
pub const LOGIN_COOKIE: &str = "__Host-schalter-login";

/// `(value, attributes)` of the cookie `name` a response sets.
pub fn set_cookie(headers: &HeaderMap, name: &str) -> Option<(String, String)> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let (pair, attributes) = v.split_once(';').unwrap_or((v, ""));
            let (k, value) = pair.split_once('=')?;
            (k.trim() == name).then(|| (value.to_owned(), attributes.trim().to_owned()))
        })
}

pub struct Staff {
    pub base: String,
    pub client: reqwest::Client,
    /// The session cookie's value, once signed in.
    pub session: Option<String>,
    /// The session's CSRF secret (from `/admin/api/me`).
    pub csrf: Option<String>,
    /// Sent as `Accept-Language`.
    pub lang: String,
}

impl Staff {
    pub fn new(base: &str, lang: &str) -> Self {
        Self {
            base: base.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            session: None,
            csrf: None,
            lang: lang.to_owned(),
        }
    }

    fn cookie_header(&self, extra: Option<(&str, &str)>) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.session {
            parts.push(format!("{SESSION_COOKIE}={s}"));
        }
        if let Some((k, v)) = extra {
            parts.push(format!("{k}={v}"));
        }
        parts.join("; ")
    }

    /// Posts the local sign-in form; keeps the session cookie if one is set. Returns the status
    /// and the page.
    pub async fn sign_in_local(&mut self, name: &str, password: &str) -> (StatusCode, String) {
        let r = self
            .client
            .post(format!("{}/admin/login", self.base))
            .header("accept-language", &self.lang)
            .form(&[("name", name), ("password", password)])
            .send()
            .await
            .expect("sign-in");
        self.take_session(r).await
    }

    /// Keeps the session cookie a response sets, and reads the CSRF secret of the session.
    pub async fn take_session(&mut self, r: reqwest::Response) -> (StatusCode, String) {
        let status = r.status();
        if let Some((value, _)) = set_cookie(r.headers(), SESSION_COOKIE)
            && !value.is_empty()
        {
            self.session = Some(value);
        }
        let page = r.text().await.unwrap_or_default();
        if status.is_success() && self.session.is_some() {
            let (s, me) = self.call(Method::GET, "/admin/api/me", None).await;
            if s == StatusCode::OK {
                self.csrf = me["csrf"].as_str().map(str::to_owned);
            }
        }
        (status, page)
    }

    /// An admin API call with the session cookie and (for changes) the CSRF secret.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.call_with(method, path, body, self.csrf.as_deref(), None)
            .await
    }

    /// As [`Staff::call`], with the CSRF secret and `Origin` chosen by the test.
    pub async fn call_with(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        csrf: Option<&str>,
        origin: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut r = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("accept-language", &self.lang);
        let cookies = self.cookie_header(None);
        if !cookies.is_empty() {
            r = r.header("cookie", cookies);
        }
        if let Some(c) = csrf {
            r = r.header("x-csrf-token", c);
        }
        if let Some(o) = origin {
            r = r.header("origin", o);
        }
        if let Some(b) = body {
            r = r.json(&b);
        }
        let response = r.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Signs out with the form the page shows; returns the response.
    pub async fn sign_out(&self) -> reqwest::Response {
        self.client
            .post(format!("{}/admin/logout", self.base))
            .header("cookie", self.cookie_header(None))
            .header("accept-language", &self.lang)
            .form(&[("csrf", self.csrf.clone().unwrap_or_default())])
            .send()
            .await
            .expect("sign-out")
    }
}
