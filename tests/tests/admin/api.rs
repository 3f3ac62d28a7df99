//! The admin API's client, and a `schalter serve` started for it (with or without a token).

use reqwest::StatusCode;
use schalter_tests::{Serve, TestDb};
use serde_json::Value;

use crate::{CLOCK, TOKEN};

pub(crate) struct Api {
    pub(crate) base: String,
    pub(crate) client: reqwest::Client,
}

impl Api {
    pub(crate) async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut r = self.client.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            r = r.bearer_auth(t);
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

    pub(crate) async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::GET, path, Some(TOKEN), None)
            .await
    }

    pub(crate) async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::PUT, path, Some(TOKEN), Some(body))
            .await
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::POST, path, Some(TOKEN), Some(body))
            .await
    }
}

pub(crate) async fn start(db: &TestDb, token: Option<&str>) -> (Serve, Api) {
    let mut env = vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_CLOCK_START", CLOCK),
    ];
    if let Some(t) = token {
        env.push(("SCHALTER_ADMIN_TOKEN", t));
    }
    let serve = Serve::start(&env).await;
    let api = Api {
        base: serve.http.clone(),
        client: reqwest::Client::new(),
    };
    (serve, api)
}
