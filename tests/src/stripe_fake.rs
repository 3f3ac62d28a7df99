//! A fake of Stripe's REST API (Checkout Sessions and Refunds) and of its webhooks, for
//! end-to-end tests without network. It speaks Stripe's documented formats: form-encoded
//! request bodies with the bracket syntax (`line_items[0][price_data][currency]=eur`),
//! `Authorization: Bearer sk_…`, the `Idempotency-Key` header, error bodies
//! `{"error": {"type", "message", "code"?, "param"?}}`, and webhook events signed with
//! `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
//!
//! What it checks, as Stripe does:
//! - every call carries the secret key (Bearer, or Basic with the key as user name), else 401;
//! - request bodies are `application/x-www-form-urlencoded`, else 400;
//! - unknown top-level parameters are refused ("Received unknown parameter: …"); real
//!   Checkout parameters this fake does not model (`customer_email`, `payment_intent_data`, …)
//!   are accepted and ignored;
//! - Checkout Sessions: `mode=payment`, at least one line item with `price_data` (a 3-letter
//!   currency, the same for every item; a positive integer `unit_amount`; a
//!   `product_data[name]`; a positive integer `quantity`; no `recurring`), a total between
//!   Stripe's minimum charge (€0.50, $0.50, CHF 0.50, £0.30) and 99 999 999, an http(s)
//!   `success_url` (and `cancel_url` if given), `client_reference_id` up to 200 characters,
//!   at most 50 `metadata` keys of at most 40 characters with values of at most 500,
//!   `expires_at` 30 minutes to 24 hours ahead (default 24 hours), `locale` one of Checkout's
//!   locales (Checkout has no `ar` nor `uk`: send `auto` for those);
//! - an `Idempotency-Key` reused with the same endpoint and parameters replays the first
//!   answer (header `Idempotent-Replayed: true`), with other parameters or another endpoint
//!   it is a 400 `idempotency_error`; only successful answers are kept;
//! - refunds never exceed what is left of the payment (`amount_too_large`), and a fully
//!   refunded payment refuses more (`charge_already_refunded`).
//!
//! Sessions expire only through the API or [`StripeFake::expire_and_notify`], never by
//! themselves. Time is the wall clock, shifted by [`StripeFake::set_clock_offset`] to follow
//! a bot running on `SCHALTER_CLOCK_START`.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

pub const SECRET_KEY: &str = "sk_test_schalter";
pub const WEBHOOK_SECRET: &str = "whsec_test_schalter";
pub const API_VERSION: &str = "2024-06-20";
/// `base64("sk_test_schalter:")`: the key as HTTP Basic user name, as Stripe also accepts.
const BASIC_AUTH: &str = "c2tfdGVzdF9zY2hhbHRlcjo=";

/// The top-level parameters of `POST /v1/checkout/sessions` Stripe knows.
const SESSION_PARAMS: &[&str] = &[
    "adaptive_pricing",
    "after_expiration",
    "allow_promotion_codes",
    "automatic_tax",
    "billing_address_collection",
    "branding_settings",
    "cancel_url",
    "client_reference_id",
    "consent_collection",
    "currency",
    "custom_fields",
    "custom_text",
    "customer",
    "customer_creation",
    "customer_email",
    "customer_update",
    "discounts",
    "expand",
    "expires_at",
    "invoice_creation",
    "line_items",
    "locale",
    "metadata",
    "mode",
    "name_collection",
    "optional_items",
    "origin_context",
    "payment_intent_data",
    "payment_method_collection",
    "payment_method_configuration",
    "payment_method_data",
    "payment_method_options",
    "payment_method_types",
    "permissions",
    "phone_number_collection",
    "redirect_on_completion",
    "return_url",
    "saved_payment_method_options",
    "setup_intent_data",
    "shipping_address_collection",
    "shipping_options",
    "submit_type",
    "subscription_data",
    "success_url",
    "tax_id_collection",
    "ui_mode",
    "wallet_options",
];

/// The top-level parameters of `POST /v1/refunds` Stripe knows.
const REFUND_PARAMS: &[&str] = &[
    "amount",
    "charge",
    "currency",
    "customer",
    "expand",
    "instructions_email",
    "metadata",
    "origin",
    "payment_intent",
    "reason",
    "refund_application_fee",
    "reverse_transfer",
];

/// The locales Checkout is translated into.
const LOCALES: &[&str] = &[
    "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr",
    "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt",
    "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
];

type Params = BTreeMap<String, String>;

/// A paid Checkout Session's payment.
struct Payment {
    charge: String,
    amount: i64,
    currency: String,
    refunded: i64,
}

/// A successful answer kept for its idempotency key.
struct Kept {
    path: String,
    params: Params,
    status: StatusCode,
    body: Value,
}

#[derive(Default)]
struct Fake {
    sessions: Vec<Value>,
    refunds: Vec<Value>,
    /// By payment intent id.
    payments: HashMap<String, Payment>,
    idempotency: HashMap<String, Kept>,
    /// The path of every API call, in order.
    calls: Vec<String>,
    down: bool,
    webhook: Option<String>,
    /// The last event sent (raw body, `Stripe-Signature`).
    last_sent: Option<(String, String)>,
    clock_offset: i64,
}

impl Fake {
    fn now(&self) -> i64 {
        now_secs() + self.clock_offset
    }

    fn session_mut(&mut self, id: &str) -> Option<&mut Value> {
        self.sessions.iter_mut().find(|s| s["id"] == id)
    }
}

/// The fake Stripe. Clones share the same state.
#[derive(Clone)]
pub struct StripeFake {
    state: Arc<Mutex<Fake>>,
    client: reqwest::Client,
    /// Base URL: the bot calls `{url}/v1/…`.
    pub url: String,
    pub secret_key: String,
    pub webhook_secret: String,
}

/// A Stripe API error.
struct ApiError {
    status: StatusCode,
    kind: &'static str,
    code: Option<&'static str>,
    param: Option<String>,
    message: String,
}

impl ApiError {
    fn invalid(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "invalid_request_error",
            code: None,
            param: None,
            message: message.into(),
        }
    }

    fn missing(param: &str) -> Self {
        Self::invalid(format!("Missing required param: {param}."))
            .code("parameter_missing")
            .param(param)
    }

    fn unknown(param: &str) -> Self {
        Self::invalid(format!(
            "Received unknown parameter: {param}. Did you mean to use a different parameter?"
        ))
        .code("parameter_unknown")
        .param(param)
    }

    fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    fn param(mut self, param: &str) -> Self {
        self.param = Some(param.to_owned());
        self
    }

    fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    fn body(&self) -> Value {
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

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn random_id(prefix: &str, len: usize) -> String {
    use rand::Rng;
    let tail: String = rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(len)
        .map(char::from)
        .collect();
    format!("{prefix}{tail}")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `application/x-www-form-urlencoded` (or a query string): `+` is a space, `%XX` a byte.
fn parse_form(raw: &[u8]) -> Params {
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
fn split_key(key: &str) -> Option<(&str, Vec<&str>)> {
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
fn money(cents: i64, currency: &str) -> String {
    let value = format!("{}.{:02}", cents / 100, (cents % 100).abs());
    match currency {
        "eur" => format!("€{value}"),
        "usd" => format!("${value}"),
        "gbp" => format!("£{value}"),
        other => format!("{value} {}", other.to_uppercase()),
    }
}

fn int(params: &Params, key: &str) -> Result<Option<i64>, ApiError> {
    params
        .get(key)
        .map(|v| {
            v.parse::<i64>()
                .map_err(|_| ApiError::invalid(format!("Invalid integer: {v}")).param(key))
        })
        .transpose()
}

fn positive(params: &Params, key: &str) -> Result<Option<i64>, ApiError> {
    match int(params, key)? {
        Some(n) if n <= 0 => Err(ApiError::invalid(format!(
            "Invalid positive integer: {key} must be greater than 0"
        ))
        .param(key)),
        other => Ok(other),
    }
}

fn is_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// `metadata[KEY]=VALUE` pairs, checked as Stripe does.
fn metadata(params: &Params) -> Result<serde_json::Map<String, Value>, ApiError> {
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
fn known_params(params: &Params, known: &[&str]) -> Result<(), ApiError> {
    for key in params.keys() {
        match split_key(key) {
            Some((name, _)) if known.contains(&name) => {}
            _ => return Err(ApiError::unknown(key)),
        }
    }
    Ok(())
}

/// The checked line items: `(currency, unit_amount × quantity)` each.
fn line_items(params: &Params) -> Result<Vec<(String, i64)>, ApiError> {
    let mut items: BTreeMap<usize, Params> = BTreeMap::new();
    for (key, value) in params {
        let Some(("line_items", segments)) = split_key(key) else {
            if key == "line_items" {
                return Err(ApiError::invalid("Invalid array").param("line_items"));
            }
            continue;
        };
        let Some((index, rest)) = segments.split_first() else {
            return Err(ApiError::invalid("Invalid array").param("line_items"));
        };
        let Ok(index) = index.parse::<usize>() else {
            return Err(ApiError::invalid("Invalid array").param("line_items"));
        };
        let known = matches!(
            rest,
            [
                "adjustable_quantity" | "dynamic_tax_rates" | "price" | "quantity" | "tax_rates",
                ..,
            ] | [
                "price_data",
                "currency"
                    | "product"
                    | "recurring"
                    | "tax_behavior"
                    | "unit_amount"
                    | "unit_amount_decimal",
                ..,
            ] | [
                "price_data",
                "product_data",
                "description" | "images" | "metadata" | "name" | "tax_code" | "unit_label",
                ..,
            ]
        );
        if !known {
            return Err(ApiError::unknown(key));
        }
        items
            .entry(index)
            .or_default()
            .insert(rest.join("/"), value.clone());
    }
    if items.is_empty() {
        return Err(
            ApiError::invalid("`line_items` is required in `payment` mode.").param("line_items"),
        );
    }
    let mut out = Vec::new();
    for (index, item) in &items {
        let p = |rest: &str| {
            format!(
                "line_items[{index}][{}]",
                rest.split('/').collect::<Vec<_>>().join("][")
            )
        };
        if let Some(price) = item.get("price") {
            return Err(ApiError::invalid(format!("No such price: '{price}'"))
                .code("resource_missing")
                .param(&p("price")));
        }
        if !item.keys().any(|k| k.starts_with("price_data/")) {
            return Err(ApiError::invalid(format!(
                "You must specify either `price` or `price_data` in `line_items[{index}]`."
            ))
            .param(&format!("line_items[{index}]")));
        }
        if item.keys().any(|k| k.starts_with("price_data/recurring")) {
            return Err(ApiError::invalid(
                "You specified `payment` mode but passed a recurring price. Either switch to \
                 `subscription` mode or use only one-time prices.",
            )
            .param(&p("price_data/recurring")));
        }
        if item.contains_key("price_data/unit_amount_decimal") {
            return Err(ApiError::invalid(
                "This Stripe fake supports only `unit_amount`, not `unit_amount_decimal`.",
            )
            .param(&p("price_data/unit_amount_decimal")));
        }
        let Some(currency) = item.get("price_data/currency") else {
            return Err(ApiError::missing(&p("price_data/currency")));
        };
        let currency = currency.to_ascii_lowercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(ApiError::invalid(format!("Invalid currency: {currency}."))
                .param(&p("price_data/currency")));
        }
        let amount_key = p("price_data/unit_amount");
        let unit_amount = match item.get("price_data/unit_amount") {
            None => return Err(ApiError::missing(&amount_key)),
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n > 0 => n,
                Ok(_) => {
                    return Err(ApiError::invalid(format!(
                        "Invalid positive integer: {amount_key} must be greater than 0"
                    ))
                    .param(&amount_key));
                }
                Err(_) => {
                    return Err(
                        ApiError::invalid(format!("Invalid integer: {v}")).param(&amount_key)
                    );
                }
            },
        };
        if item.get("price_data/product").is_none()
            && item
                .get("price_data/product_data/name")
                .is_none_or(|n| n.trim().is_empty())
        {
            return Err(ApiError::missing(&p("price_data/product_data/name")));
        }
        if let Some(product) = item.get("price_data/product") {
            return Err(ApiError::invalid(format!("No such product: '{product}'"))
                .code("resource_missing")
                .param(&p("price_data/product")));
        }
        let quantity_key = p("quantity");
        let quantity = match item.get("quantity") {
            None => return Err(ApiError::missing(&quantity_key)),
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n > 0 => n,
                _ => {
                    return Err(ApiError::invalid(format!(
                        "Invalid positive integer: {quantity_key}"
                    ))
                    .param(&quantity_key));
                }
            },
        };
        let total = unit_amount
            .checked_mul(quantity)
            .ok_or_else(|| ApiError::invalid("Amount too large").param(&amount_key))?;
        out.push((currency, total));
    }
    Ok(out)
}

fn create_session(s: &mut Fake, params: &Params) -> Result<Value, ApiError> {
    known_params(params, SESSION_PARAMS)?;
    match params.get("mode").map(String::as_str) {
        None => return Err(ApiError::missing("mode")),
        Some("payment") => {}
        Some("setup" | "subscription") => {
            return Err(
                ApiError::invalid("This Stripe fake supports only `mode=payment`.").param("mode"),
            );
        }
        Some(_) => {
            return Err(ApiError::invalid(
                "Invalid mode: must be one of payment, setup, or subscription",
            )
            .param("mode"));
        }
    }
    let items = line_items(params)?;
    let currency = items[0].0.clone();
    if items.iter().any(|(c, _)| *c != currency) {
        return Err(ApiError::invalid(
            "Checkout does not support multiple currencies: all line items must have the same \
             currency.",
        )
        .param("line_items"));
    }
    let mut total: i64 = 0;
    for (_, amount) in &items {
        total = total
            .checked_add(*amount)
            .ok_or_else(|| ApiError::invalid("Amount too large").param("line_items"))?;
    }
    if total > 99_999_999 {
        return Err(ApiError::invalid(format!(
            "The Checkout Session's total amount due must be no more than {}",
            money(99_999_999, &currency)
        ))
        .code("amount_too_large")
        .param("line_items"));
    }
    let minimum = match currency.as_str() {
        "eur" | "usd" | "chf" => 50,
        "gbp" => 30,
        _ => 1,
    };
    if total < minimum {
        return Err(ApiError::invalid(format!(
            "The Checkout Session's total amount due must add up to at least {} {currency}",
            money(minimum, &currency)
        ))
        .code("amount_too_small")
        .param("line_items"));
    }
    let Some(success_url) = params.get("success_url") else {
        return Err(ApiError::missing("success_url"));
    };
    for key in ["success_url", "cancel_url"] {
        if let Some(url) = params.get(key)
            && !is_url(url)
        {
            return Err(ApiError::invalid("Not a valid URL")
                .code("url_invalid")
                .param(key));
        }
    }
    let client_reference_id = params.get("client_reference_id");
    if let Some(r) = client_reference_id
        && r.chars().count() > 200
    {
        return Err(ApiError::invalid(
            "Invalid string: client_reference_id must be at most 200 characters",
        )
        .param("client_reference_id"));
    }
    let locale = params.get("locale");
    if let Some(l) = locale
        && !LOCALES.contains(&l.as_str())
    {
        return Err(ApiError::invalid(format!(
            "Invalid locale: must be one of {}",
            LOCALES.join(", ")
        ))
        .param("locale"));
    }
    let metadata = metadata(params)?;
    let created = s.now();
    let expires_at = int(params, "expires_at")?.unwrap_or(created + 24 * 3600);
    if expires_at < created + 30 * 60 {
        return Err(ApiError::invalid(
            "The `expires_at` timestamp must be at least 30 minutes from Checkout Session \
             creation.",
        )
        .param("expires_at"));
    }
    if expires_at > created + 24 * 3600 {
        return Err(ApiError::invalid(
            "The `expires_at` timestamp must be less than 24 hours from Checkout Session \
             creation.",
        )
        .param("expires_at"));
    }
    let id = random_id("cs_test_a1", 56);
    let session = json!({
        "id": id,
        "object": "checkout.session",
        "after_expiration": null,
        "allow_promotion_codes": null,
        "amount_subtotal": total,
        "amount_total": total,
        "cancel_url": params.get("cancel_url"),
        "client_reference_id": client_reference_id,
        "created": created,
        "currency": currency,
        "customer": null,
        "customer_details": null,
        "customer_email": params.get("customer_email"),
        "expires_at": expires_at,
        "livemode": false,
        "locale": locale,
        "metadata": metadata,
        "mode": "payment",
        "payment_intent": null,
        "payment_method_types": ["card"],
        "payment_status": "unpaid",
        "status": "open",
        "success_url": success_url,
        "ui_mode": "hosted",
        "url": format!("https://checkout.stripe.com/c/pay/{id}"),
    });
    s.sessions.push(session.clone());
    Ok(session)
}

fn missing_session(id: &str) -> ApiError {
    ApiError::invalid(format!("No such checkout.session: '{id}'"))
        .code("resource_missing")
        .param("session")
        .status(StatusCode::NOT_FOUND)
}

fn expire_session(s: &mut Fake, id: &str) -> Result<Value, ApiError> {
    let session = s.session_mut(id).ok_or_else(|| missing_session(id))?;
    if session["status"] != "open" {
        return Err(ApiError::invalid(format!(
            "Only Checkout Sessions with a status in [\"open\"] can be expired: this one is \
             {}.",
            session["status"].as_str().unwrap_or_default()
        )));
    }
    session["status"] = json!("expired");
    session["url"] = Value::Null;
    Ok(session.clone())
}

fn create_refund(s: &mut Fake, params: &Params) -> Result<Value, ApiError> {
    known_params(params, REFUND_PARAMS)?;
    let metadata = metadata(params)?;
    let pi = match (params.get("payment_intent"), params.get("charge")) {
        (Some(pi), _) => {
            if !s.payments.contains_key(pi) {
                return Err(ApiError::invalid(format!("No such payment_intent: '{pi}'"))
                    .code("resource_missing")
                    .param("payment_intent"));
            }
            pi.clone()
        }
        (None, Some(ch)) => s
            .payments
            .iter()
            .find(|(_, p)| p.charge == *ch)
            .map(|(pi, _)| pi.clone())
            .ok_or_else(|| {
                ApiError::invalid(format!("No such charge: '{ch}'"))
                    .code("resource_missing")
                    .param("charge")
            })?,
        (None, None) => {
            return Err(ApiError::invalid(
                "One of the following params should be provided for this request: \
                 payment_intent or charge.",
            ));
        }
    };
    let reason = params.get("reason");
    if let Some(r) = reason
        && !["duplicate", "fraudulent", "requested_by_customer"].contains(&r.as_str())
    {
        return Err(ApiError::invalid(
            "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
        )
        .param("reason"));
    }
    let amount = positive(params, "amount")?;
    let payment = s.payments.get_mut(&pi).expect("payment looked up above");
    let remaining = payment.amount - payment.refunded;
    if remaining == 0 {
        return Err(ApiError::invalid(format!(
            "Charge {} has already been refunded.",
            payment.charge
        ))
        .code("charge_already_refunded"));
    }
    let amount = amount.unwrap_or(remaining);
    if amount > remaining {
        return Err(ApiError::invalid(format!(
            "Refund amount ({}) is greater than unrefunded amount on charge ({})",
            money(amount, &payment.currency),
            money(remaining, &payment.currency)
        ))
        .code("amount_too_large")
        .param("amount"));
    }
    payment.refunded += amount;
    let refund = json!({
        "id": random_id("re_3", 23),
        "object": "refund",
        "amount": amount,
        "balance_transaction": random_id("txn_3", 23),
        "charge": payment.charge,
        "created": now_secs() + s.clock_offset,
        "currency": payment.currency,
        "metadata": metadata,
        "payment_intent": pi,
        "reason": reason,
        "receipt_number": null,
        "source_transfer_reversal": null,
        "status": "succeeded",
        "transfer_reversal": null,
    });
    s.refunds.push(refund.clone());
    Ok(refund)
}

/// One API call, with the state locked: `(status, body, replayed)`.
fn serve(
    s: &mut Fake,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> (StatusCode, Value, bool) {
    let path = uri.path().to_owned();
    s.calls.push(path.clone());
    if s.down {
        let e = ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "api_error",
            code: None,
            param: None,
            message: "An unknown error occurred. Please try again later.".into(),
        };
        return (e.status, e.body(), false);
    }
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let key = auth.strip_prefix("Bearer ").map(str::trim).or_else(|| {
        auth.strip_prefix("Basic ")
            .map(|b| b.trim())
            .map(|b| if b == BASIC_AUTH { SECRET_KEY } else { b })
    });
    if key != Some(SECRET_KEY) {
        let message = match key {
            None | Some("") => "You did not provide an API key. You need to provide your API \
                                key in the Authorization header, using Bearer auth (e.g. \
                                'Authorization: Bearer YOUR_SECRET_KEY')."
                .to_owned(),
            Some(k) => {
                let tail: String = k
                    .chars()
                    .rev()
                    .take(4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                format!(
                    "Invalid API Key provided: {}****{tail}",
                    k.chars().take(8).collect::<String>()
                )
            }
        };
        let e = ApiError::invalid(message).status(StatusCode::UNAUTHORIZED);
        return (e.status, e.body(), false);
    }
    let post = method == Method::POST;
    let params = if post {
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !body.is_empty()
            && !content_type.is_empty()
            && !content_type.starts_with("application/x-www-form-urlencoded")
        {
            let e = ApiError::invalid(format!(
                "Invalid request: unsupported Content-Type {content_type}. If error persists \
                 and you need assistance, please contact support@stripe.com."
            ));
            return (e.status, e.body(), false);
        }
        parse_form(body)
    } else {
        parse_form(uri.query().unwrap_or_default().as_bytes())
    };
    let idempotency_key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|_| post)
        .map(str::to_owned);
    if let Some(k) = &idempotency_key {
        if k.len() > 255 {
            let e = ApiError::invalid("Idempotency-Key must be at most 255 characters long.");
            return (e.status, e.body(), false);
        }
        if let Some(kept) = s.idempotency.get(k) {
            if kept.path != path {
                let e = ApiError {
                    kind: "idempotency_error",
                    ..ApiError::invalid(format!(
                        "Keys for idempotent requests can only be used for the same endpoint \
                         they were first used for ('{}' vs '{path}'). Try using a key other \
                         than '{k}' if you meant to execute a different request.",
                        kept.path
                    ))
                };
                return (e.status, e.body(), false);
            }
            if kept.params != params {
                let e = ApiError {
                    kind: "idempotency_error",
                    ..ApiError::invalid(format!(
                        "Keys for idempotent requests can only be used with the same parameters \
                         they were first used with. Try using a key other than '{k}' if you \
                         meant to execute a different request."
                    ))
                };
                return (e.status, e.body(), false);
            }
            return (kept.status, kept.body.clone(), true);
        }
    }
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let result = match (method.as_str(), segments.as_slice()) {
        ("POST", ["v1", "checkout", "sessions"]) => create_session(s, &params),
        ("GET", ["v1", "checkout", "sessions", id]) => s
            .sessions
            .iter()
            .find(|x| x["id"] == *id)
            .cloned()
            .ok_or_else(|| missing_session(id)),
        ("POST", ["v1", "checkout", "sessions", id, "expire"]) => expire_session(s, id),
        ("POST", ["v1", "refunds"]) => create_refund(s, &params),
        ("GET", ["v1", "refunds", id]) => s
            .refunds
            .iter()
            .find(|x| x["id"] == *id)
            .cloned()
            .ok_or_else(|| {
                ApiError::invalid(format!("No such refund: '{id}'"))
                    .code("resource_missing")
                    .param("id")
                    .status(StatusCode::NOT_FOUND)
            }),
        _ => Err(ApiError::invalid(format!(
            "Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or \
             we can help at https://support.stripe.com/."
        ))
        .status(StatusCode::NOT_FOUND)),
    };
    match result {
        Ok(value) => {
            if let Some(k) = idempotency_key {
                s.idempotency.insert(
                    k,
                    Kept {
                        path,
                        params,
                        status: StatusCode::OK,
                        body: value.clone(),
                    },
                );
            }
            (StatusCode::OK, value, false)
        }
        Err(e) => (e.status, e.body(), false),
    }
}

async fn api(
    State(fake): State<StripeFake>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (status, body, replayed) = serve(&mut fake.lock(), &method, &uri, &headers, &body);
    let mut response = (status, axum::Json(body)).into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&random_id("req_", 14)) {
        h.insert("request-id", v);
    }
    h.insert("stripe-version", HeaderValue::from_static(API_VERSION));
    if replayed {
        h.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

impl StripeFake {
    /// Starts the fake on a free loopback port.
    pub async fn start() -> Self {
        let fake = Self {
            state: Arc::new(Mutex::new(Fake::default())),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
            url: String::new(),
            secret_key: SECRET_KEY.to_owned(),
            webhook_secret: WEBHOOK_SECRET.to_owned(),
        };
        let app = Router::new().fallback(api).with_state(fake.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind Stripe fake");
        let addr: SocketAddr = listener.local_addr().expect("Stripe fake address");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            url: format!("http://{addr}"),
            ..fake
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Fake> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where events go (the bot's `/payments/stripe`).
    pub fn set_webhook(&self, url: &str) {
        self.lock().webhook = Some(url.to_owned());
    }

    /// While down, every API call answers 500 with an `api_error`.
    pub fn set_down(&self, down: bool) {
        self.lock().down = down;
    }

    /// Shifts the fake's clock (`created`, `expires_at` checks, event and signature times) by
    /// `secs` from the wall clock, to match a bot on `SCHALTER_CLOCK_START`.
    pub fn set_clock_offset(&self, secs: i64) {
        self.lock().clock_offset = secs;
    }

    /// Every Checkout Session, in creation order, as it stands now.
    pub fn sessions(&self) -> Vec<Value> {
        self.lock().sessions.clone()
    }

    pub fn session(&self, id: &str) -> Option<Value> {
        self.lock().sessions.iter().find(|s| s["id"] == id).cloned()
    }

    /// Every refund made, in order.
    pub fn refunds(&self) -> Vec<Value> {
        self.lock().refunds.clone()
    }

    /// How many API calls (any method, any answer, including refused and failed ones) hit a
    /// path starting with `path_prefix`, e.g. `/v1/checkout/sessions`.
    pub fn calls(&self, path_prefix: &str) -> usize {
        self.lock()
            .calls
            .iter()
            .filter(|p| p.starts_with(path_prefix))
            .count()
    }

    /// The `Stripe-Signature` header value for `body` signed at unix time `t`.
    pub fn sign(&self, body: &str, t: i64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.webhook_secret.as_bytes())
            .expect("HMAC takes any key length");
        mac.update(format!("{t}.{body}").as_bytes());
        format!("t={t},v1={}", hex(&mac.finalize().into_bytes()))
    }

    /// The customer pays: the session becomes `complete`/`paid` with a new payment intent,
    /// and `checkout.session.completed` is sent. Returns the webhook's HTTP status (0 when it
    /// could not be reached). Panics on an unknown or not open session.
    pub async fn pay(&self, session_id: &str) -> u16 {
        let event = {
            let mut s = self.lock();
            let now = s.now();
            let session = s
                .session_mut(session_id)
                .unwrap_or_else(|| panic!("no Checkout Session {session_id}"));
            assert_eq!(
                session["status"], "open",
                "only an open Checkout Session can be paid"
            );
            let pi = random_id("pi_3", 23);
            session["status"] = json!("complete");
            session["payment_status"] = json!("paid");
            session["payment_intent"] = json!(pi);
            session["url"] = Value::Null;
            session["customer_details"] = json!({"email": null, "name": null, "phone": null,
                "address": null, "tax_exempt": "none", "tax_ids": []});
            let payment = Payment {
                charge: random_id("ch_3", 23),
                amount: session["amount_total"].as_i64().unwrap_or(0),
                currency: session["currency"].as_str().unwrap_or("eur").to_owned(),
                refunded: 0,
            };
            let snapshot = session.clone();
            s.payments.insert(pi, payment);
            event("checkout.session.completed", snapshot, now)
        };
        self.send_event(&event).await
    }

    /// Expires an open session (as `POST …/expire` would) and sends
    /// `checkout.session.expired`. Returns the webhook's HTTP status.
    pub async fn expire_and_notify(&self, session_id: &str) -> u16 {
        let event = {
            let mut s = self.lock();
            let now = s.now();
            let session = match expire_session(&mut s, session_id) {
                Ok(session) => session,
                Err(e) => panic!("cannot expire {session_id}: {}", e.message),
            };
            event("checkout.session.expired", session, now)
        };
        self.send_event(&event).await
    }

    /// Sends the last event again, same body and signature, as Stripe's retries do.
    pub async fn replay_last(&self) -> u16 {
        let (body, signature) = self.lock().last_sent.clone().expect("no event sent yet");
        self.post(body, signature).await
    }

    /// Sends any body with any `Stripe-Signature` (forgeries, old timestamps). It does not
    /// become the "last" event for [`Self::replay_last`].
    pub async fn send_raw(&self, body: &str, signature: &str) -> u16 {
        self.post(body.to_owned(), signature.to_owned()).await
    }

    async fn send_event(&self, event: &Value) -> u16 {
        // Stripe sends pretty-printed JSON: the signature covers these exact bytes.
        let body = serde_json::to_string_pretty(event).expect("event JSON");
        let t = self.lock().now();
        let signature = self.sign(&body, t);
        self.lock().last_sent = Some((body.clone(), signature.clone()));
        self.post(body, signature).await
    }

    async fn post(&self, body: String, signature: String) -> u16 {
        let url = self
            .lock()
            .webhook
            .clone()
            .expect("call set_webhook before sending events");
        self.client
            .post(url)
            .header("content-type", "application/json; charset=utf-8")
            .header(
                "user-agent",
                "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            )
            .header("stripe-signature", signature)
            .body(body)
            .send()
            .await
            .map_or(0, |r| r.status().as_u16())
    }
}

fn event(kind: &str, object: Value, now: i64) -> Value {
    json!({
        "id": random_id("evt_1", 23),
        "object": "event",
        "api_version": API_VERSION,
        "created": now,
        "data": {"object": object},
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": null, "idempotency_key": null},
        "type": kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(Stripe-Signature, body)` of every event received.
    type Received = Arc<Mutex<Vec<(String, String)>>>;

    /// A webhook endpoint that records `(Stripe-Signature, body)` and answers 200.
    async fn receiver() -> (String, Received) {
        let got: Received = Arc::default();
        let app = Router::new()
            .route(
                "/payments/stripe",
                axum::routing::post(
                    |State(got): State<Received>, headers: HeaderMap, body: String| async move {
                        let sig = headers
                            .get("stripe-signature")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned();
                        got.lock().expect("lock").push((sig, body));
                        StatusCode::OK
                    },
                ),
            )
            .with_state(got.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (format!("http://{addr}/payments/stripe"), got)
    }

    /// Checks a `Stripe-Signature` as Stripe's libraries do; returns its `t`.
    fn verify(header: &str, body: &str, secret: &str) -> i64 {
        let mut t = None;
        let mut v1 = None;
        for part in header.split(',') {
            match part.split_once('=') {
                Some(("t", x)) => t = x.parse::<i64>().ok(),
                Some(("v1", x)) => v1 = Some(x.to_owned()),
                _ => {}
            }
        }
        let (t, v1) = (t.expect("t="), v1.expect("v1="));
        assert_eq!(v1.len(), 64, "hex SHA-256");
        let bytes: Vec<u8> = (0..v1.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&v1[i..i + 2], 16).expect("hex"))
            .collect();
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
        mac.update(format!("{t}.{body}").as_bytes());
        mac.verify_slice(&bytes).expect("signature verifies");
        t
    }

    fn session_form(amount: &str) -> Vec<(String, String)> {
        let expires = (now_secs() + 3600).to_string();
        [
            ("mode", "payment"),
            ("line_items[0][price_data][currency]", "eur"),
            ("line_items[0][price_data][unit_amount]", amount),
            (
                "line_items[0][price_data][product_data][name]",
                "Reisepass (Gebühr)",
            ),
            ("line_items[0][quantity]", "1"),
            ("line_items[1][price_data][currency]", "eur"),
            ("line_items[1][price_data][unit_amount]", "250"),
            ("line_items[1][price_data][product_data][name]", "Porto"),
            ("line_items[1][quantity]", "2"),
            (
                "success_url",
                "https://example.org/ok?s={CHECKOUT_SESSION_ID}",
            ),
            ("cancel_url", "https://example.org/cancel"),
            ("client_reference_id", "pay-42"),
            ("metadata[payment_id]", "42"),
            ("metadata[note]", "a & b = c"),
            ("expires_at", expires.as_str()),
            ("locale", "de"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    async fn create(
        fake: &StripeFake,
        form: &[(String, String)],
        key: Option<&str>,
    ) -> reqwest::Response {
        let mut r = reqwest::Client::new()
            .post(format!("{}/v1/checkout/sessions", fake.url))
            .bearer_auth(&fake.secret_key)
            .form(form);
        if let Some(k) = key {
            r = r.header("Idempotency-Key", k);
        }
        r.send().await.expect("request")
    }

    #[tokio::test]
    async fn create_with_idempotency() {
        let fake = StripeFake::start().await;
        let form = session_form("3700");
        let first = create(&fake, &form, Some("k1")).await;
        let status = first.status();
        assert!(first.headers().get("idempotent-replayed").is_none());
        let first: Value = first.json().await.expect("json");
        assert_eq!(status, 200, "{first}");
        assert!(first["id"].as_str().unwrap().starts_with("cs_test_"));
        assert_eq!(first["object"], "checkout.session");
        assert_eq!(first["amount_total"], 3700 + 2 * 250);
        assert_eq!(first["currency"], "eur");
        assert_eq!(first["status"], "open");
        assert_eq!(first["payment_status"], "unpaid");
        assert_eq!(first["payment_intent"], Value::Null);
        assert_eq!(first["client_reference_id"], "pay-42");
        assert_eq!(
            first["metadata"],
            json!({"payment_id": "42", "note": "a & b = c"})
        );
        assert_eq!(first["locale"], "de");
        assert_eq!(first["livemode"], false);
        assert_eq!(
            first["url"],
            format!(
                "https://checkout.stripe.com/c/pay/{}",
                first["id"].as_str().unwrap()
            )
        );

        let again = create(&fake, &form, Some("k1")).await;
        assert_eq!(again.status(), 200);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        let again: Value = again.json().await.expect("json");
        assert_eq!(again["id"], first["id"]);

        let other = create(&fake, &session_form("3800"), Some("k1")).await;
        assert_eq!(other.status(), 400);
        let other: Value = other.json().await.expect("json");
        assert_eq!(other["error"]["type"], "idempotency_error");

        let fresh = create(&fake, &form, Some("k2")).await;
        let fresh: Value = fresh.json().await.expect("json");
        assert_ne!(fresh["id"], first["id"]);
        assert_eq!(fake.sessions().len(), 2);
        assert_eq!(fake.calls("/v1/checkout/sessions"), 4);

        let id = first["id"].as_str().unwrap();
        let got: Value = reqwest::Client::new()
            .get(format!("{}/v1/checkout/sessions/{id}", fake.url))
            .bearer_auth(SECRET_KEY)
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
        assert_eq!(got, first);
        let missing = reqwest::Client::new()
            .get(format!("{}/v1/checkout/sessions/cs_test_nope", fake.url))
            .bearer_auth(SECRET_KEY)
            .send()
            .await
            .expect("get");
        assert_eq!(missing.status(), 404);
        let missing: Value = missing.json().await.expect("json");
        assert_eq!(missing["error"]["code"], "resource_missing");

        let expire = |id: String| {
            let url = fake.url.clone();
            async move {
                reqwest::Client::new()
                    .post(format!("{url}/v1/checkout/sessions/{id}/expire"))
                    .bearer_auth(SECRET_KEY)
                    .send()
                    .await
                    .expect("expire")
            }
        };
        let expired = expire(id.to_owned()).await;
        assert_eq!(expired.status(), 200);
        assert_eq!(
            expired.json::<Value>().await.expect("json")["status"],
            "expired"
        );
        assert_eq!(expire(id.to_owned()).await.status(), 400);
        assert_eq!(fake.session(id).expect("kept")["status"], "expired");
    }

    #[tokio::test]
    async fn refusals() {
        let fake = StripeFake::start().await;
        let client = reqwest::Client::new();
        let url = format!("{}/v1/checkout/sessions", fake.url);
        let form = session_form("3700");

        let none = client.post(&url).form(&form).send().await.expect("send");
        assert_eq!(none.status(), 401);
        let wrong = client
            .post(&url)
            .bearer_auth("sk_test_other")
            .form(&form)
            .send()
            .await
            .expect("send");
        assert_eq!(wrong.status(), 401);
        let wrong: Value = wrong.json().await.expect("json");
        assert_eq!(wrong["error"]["type"], "invalid_request_error");
        assert!(
            wrong["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("Invalid API Key provided")
        );
        let basic = client
            .post(&url)
            .basic_auth(SECRET_KEY, None::<&str>)
            .form(&form)
            .send()
            .await
            .expect("send");
        assert_eq!(basic.status(), 200);

        let json_body = client
            .post(&url)
            .bearer_auth(SECRET_KEY)
            .json(&json!({"mode": "payment"}))
            .send()
            .await
            .expect("send");
        assert_eq!(json_body.status(), 400);

        let cases: Vec<(&str, Option<&str>, &str)> = vec![
            ("success_url", None, "success_url"),
            (
                "line_items[0][price_data][currency]",
                Some("euro"),
                "line_items[0][price_data][currency]",
            ),
            (
                "line_items[0][price_data][unit_amount]",
                Some("0"),
                "line_items[0][price_data][unit_amount]",
            ),
            (
                "line_items[0][price_data][unit_amount]",
                Some("12.5"),
                "line_items[0][price_data][unit_amount]",
            ),
            ("mode", Some("subscription"), "mode"),
            ("locale", Some("uk"), "locale"),
            ("expires_at", Some("1"), "expires_at"),
            ("customer_emial", Some("x@example.org"), "customer_emial"),
        ];
        for (key, value, param) in cases {
            let mut form = session_form("3700");
            form.retain(|(k, _)| k != key);
            if let Some(v) = value {
                form.push((key.to_owned(), v.to_owned()));
            }
            let r = create(&fake, &form, None).await;
            assert_eq!(r.status(), 400, "{key}={value:?}");
            let e: Value = r.json().await.expect("json");
            assert_eq!(e["error"]["type"], "invalid_request_error", "{e}");
            assert_eq!(e["error"]["param"], param, "{e}");
        }
        let no_items: Vec<(String, String)> = session_form("3700")
            .into_iter()
            .filter(|(k, _)| !k.starts_with("line_items"))
            .collect();
        assert_eq!(create(&fake, &no_items, None).await.status(), 400);

        fake.set_down(true);
        let down = create(&fake, &form, None).await;
        assert_eq!(down.status(), 500);
        assert_eq!(
            down.json::<Value>().await.expect("json")["error"]["type"],
            "api_error"
        );
        fake.set_down(false);
        assert_eq!(create(&fake, &form, None).await.status(), 200);
        assert_eq!(fake.sessions().len(), 2);
    }

    #[tokio::test]
    async fn pay_refund_and_signatures() {
        let fake = StripeFake::start().await;
        let (hook, got) = receiver().await;
        fake.set_webhook(&hook);
        let session: Value = create(&fake, &session_form("500"), None)
            .await
            .json()
            .await
            .expect("json");
        let id = session["id"].as_str().unwrap();
        assert_eq!(fake.pay(id).await, 200);

        let (sig, body) = got.lock().unwrap()[0].clone();
        let t = verify(&sig, &body, WEBHOOK_SECRET);
        assert!((t - now_secs()).abs() < 5);
        let event: Value = serde_json::from_str(&body).expect("event JSON");
        assert!(event["id"].as_str().unwrap().starts_with("evt_"));
        assert_eq!(event["type"], "checkout.session.completed");
        assert_eq!(event["api_version"], API_VERSION);
        let paid = &event["data"]["object"];
        assert_eq!(paid["id"], id);
        assert_eq!(paid["status"], "complete");
        assert_eq!(paid["payment_status"], "paid");
        let pi = paid["payment_intent"].as_str().unwrap().to_owned();
        assert!(pi.starts_with("pi_"));
        assert_eq!(fake.session(id).unwrap()["payment_intent"], pi.as_str());

        assert_eq!(fake.replay_last().await, 200);
        assert_eq!(got.lock().unwrap()[1], (sig.clone(), body.clone()));
        let old = fake.sign(&body, t - 3600);
        assert_eq!(verify(&old, &body, WEBHOOK_SECRET), t - 3600);
        assert_eq!(fake.send_raw(&body, "t=1,v1=00").await, 200);
        assert_eq!(got.lock().unwrap()[2].0, "t=1,v1=00");

        let refund = |amount: Option<i64>| {
            let url = format!("{}/v1/refunds", fake.url);
            let pi = pi.clone();
            async move {
                let mut form = vec![("payment_intent".to_owned(), pi)];
                if let Some(a) = amount {
                    form.push(("amount".to_owned(), a.to_string()));
                }
                let r = reqwest::Client::new()
                    .post(url)
                    .bearer_auth(SECRET_KEY)
                    .form(&form)
                    .send()
                    .await
                    .expect("refund");
                (r.status().as_u16(), r.json::<Value>().await.expect("json"))
            }
        };
        // 500 + 2 × 250 = 1000 paid.
        let (status, first) = refund(Some(600)).await;
        assert_eq!(status, 200, "{first}");
        assert_eq!(first["object"], "refund");
        assert_eq!(first["amount"], 600);
        assert_eq!(first["status"], "succeeded");
        assert_eq!(first["payment_intent"], pi.as_str());
        let (status, over) = refund(Some(500)).await;
        assert_eq!(status, 400);
        assert_eq!(over["error"]["code"], "amount_too_large");
        assert_eq!(
            over["error"]["message"],
            "Refund amount (€5.00) is greater than unrefunded amount on charge (€4.00)"
        );
        let (status, rest) = refund(None).await;
        assert_eq!(status, 200);
        assert_eq!(rest["amount"], 400);
        let (status, done) = refund(None).await;
        assert_eq!(status, 400);
        assert_eq!(done["error"]["code"], "charge_already_refunded");
        assert_eq!(fake.refunds().len(), 2);
        assert_eq!(fake.calls("/v1/refunds"), 4);

        let second: Value = create(&fake, &session_form("500"), None)
            .await
            .json()
            .await
            .expect("json");
        let second = second["id"].as_str().unwrap();
        assert_eq!(fake.expire_and_notify(second).await, 200);
        let (sig, body) = got.lock().unwrap()[3].clone();
        verify(&sig, &body, WEBHOOK_SECRET);
        let event: Value = serde_json::from_str(&body).expect("event JSON");
        assert_eq!(event["type"], "checkout.session.expired");
        assert_eq!(event["data"]["object"]["status"], "expired");
    }
}
