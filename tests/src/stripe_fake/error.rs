//! Stripe's error body, `{"error": {"type", "message", "code"?, "doc_url"?, "param"?}}`.

use axum::http::StatusCode;
use serde_json::{Value, json};

/// A Stripe API error.
pub(super) struct ApiError {
    pub(super) status: StatusCode,
    pub(super) kind: &'static str,
    pub(super) code: Option<&'static str>,
    pub(super) param: Option<String>,
    pub(super) message: String,
}

impl ApiError {
    pub(super) fn invalid(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "invalid_request_error",
            code: None,
            param: None,
            message: message.into(),
        }
    }

    /// A 500 `api_error`: a failure on Stripe's side, worth retrying.
    pub(super) fn internal() -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "api_error",
            message: "An unknown error occurred. Please try again later.".into(),
            ..Self::invalid("")
        }
    }

    /// An `idempotency_error`: a key misused, or still busy with another request.
    pub(super) fn idempotency(message: impl Into<String>) -> Self {
        Self {
            kind: "idempotency_error",
            ..Self::invalid(message)
        }
    }

    pub(super) fn missing(param: &str) -> Self {
        Self::invalid(format!("Missing required param: {param}."))
            .code("parameter_missing")
            .param(param)
    }

    pub(super) fn unknown(param: &str) -> Self {
        Self::invalid(format!(
            "Received unknown parameter: {param}. Did you mean to use a different parameter?"
        ))
        .code("parameter_unknown")
        .param(param)
    }

    pub(super) fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    pub(super) fn param(mut self, param: &str) -> Self {
        self.param = Some(param.to_owned());
        self
    }

    pub(super) fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    pub(super) fn body(&self) -> Value {
        let mut e = json!({"type": self.kind, "message": self.message});
        if let Some(code) = self.code {
            e["code"] = json!(code);
            e["doc_url"] = json!(format!("https://stripe.com/docs/error-codes/{code}"));
        }
        if let Some(param) = &self.param {
            e["param"] = json!(param);
        }
        json!({"error": e})
    }
}
