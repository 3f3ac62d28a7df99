//! `POST /v1/checkout/sessions`, `GET /v1/checkout/sessions/{id}` and
//! `POST /v1/checkout/sessions/{id}/expire`.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::error::ApiError;
use super::params::{Params, int, is_url, known_params, metadata, money, split_key};
use super::{Fake, random_id};

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

/// The locales Checkout is translated into.
const LOCALES: &[&str] = &[
    "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr",
    "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt",
    "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
];

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

pub(super) fn create_session(s: &mut Fake, params: &Params) -> Result<Value, ApiError> {
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

pub(super) fn missing_session(id: &str) -> ApiError {
    ApiError::invalid(format!("No such checkout.session: '{id}'"))
        .code("resource_missing")
        .param("session")
        .status(StatusCode::NOT_FOUND)
}

pub(super) fn expire_session(s: &mut Fake, id: &str) -> Result<Value, ApiError> {
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

pub(super) fn get_session(s: &Fake, id: &str) -> Result<Value, ApiError> {
    s.sessions
        .iter()
        .find(|x| x["id"] == id)
        .cloned()
        .ok_or_else(|| missing_session(id))
}
