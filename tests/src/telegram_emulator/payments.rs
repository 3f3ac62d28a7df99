//! Payments (see the module doc of the emulator): `sendInvoice`, the user's pre-checkout
//! query and `answerPreCheckoutQuery`, and the `successful_payment` message.

use std::time::Duration;

use axum::response::Response;
use serde_json::{Value, json};

use super::methods::message_json;
use super::params::{flag, int, object, required, string_param, validate_markup};
use super::{BotMessage, Emulator, Event, Invoice, TgUser, error, ok};

/// How long Telegram waits for `answerPreCheckoutQuery`.
const PRE_CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);

/// A pre-checkout query sent to the bot and what became of it.
#[derive(Debug, Clone)]
pub(super) struct PreCheckout {
    pushed: std::time::Instant,
    /// `(ok, error_message, time taken)` of the accepted answer.
    answer: Option<(bool, Option<String>, Duration)>,
    /// When an answer came after Telegram's timeout (and was refused).
    late: Option<Duration>,
}

impl Emulator {
    /// The user presses Pay on an invoice the bot sent: a `pre_checkout_query` update with
    /// the invoice's currency, total and payload. Returns the query id.
    pub fn pre_checkout(&self, user: &TgUser, invoice: &BotMessage) -> String {
        let i = invoice
            .invoice
            .as_ref()
            .unwrap_or_else(|| panic!("message {} is no invoice", invoice.message_id));
        self.pre_checkout_with(user, &i.currency, i.total_amount, &i.payload)
    }

    /// A `pre_checkout_query` with any values, e.g. a total or payload that no invoice had.
    /// Returns the query id.
    pub fn pre_checkout_with(
        &self,
        user: &TgUser,
        currency: &str,
        total_amount: i64,
        payload: &str,
    ) -> String {
        self.private_chat(user);
        let id = {
            let mut s = self.lock();
            // Telegram's ids are decimal numbers (an int64 as a string).
            let id = loop {
                let id = (rand::random::<u64>() >> 1).to_string();
                if !s.pre_checkouts.contains_key(&id) {
                    break id;
                }
            };
            s.pre_checkouts.insert(
                id.clone(),
                PreCheckout {
                    pushed: std::time::Instant::now(),
                    answer: None,
                    late: None,
                },
            );
            id
        };
        let q = json!({"id": id, "from": user.json(), "currency": currency,
                       "total_amount": total_amount, "invoice_payload": payload});
        self.push("pre_checkout_query", q);
        id
    }

    /// The bot's answer to a pre-checkout query, if it gave one in time: `(ok, error_message,
    /// time from the query to the answer)`.
    pub fn pre_checkout_answer(&self, id: &str) -> Option<(bool, Option<String>, Duration)> {
        self.lock()
            .pre_checkouts
            .get(id)
            .and_then(|q| q.answer.clone())
    }

    /// Waits for the bot's answer to a pre-checkout query. Panics after 15 s, or as soon as
    /// the bot answers after Telegram's 10 s (Telegram refuses such an answer).
    pub async fn wait_pre_checkout_answer(&self, id: &str) -> (bool, Option<String>, Duration) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let q = self
                .lock()
                .pre_checkouts
                .get(id)
                .cloned()
                .unwrap_or_else(|| panic!("unknown pre-checkout query {id}"));
            if let Some(answer) = q.answer {
                return answer;
            }
            if let Some(after) = q.late {
                panic!(
                    "pre-checkout query {id} answered after {after:?}; Telegram allows \
                     {PRE_CHECKOUT_TIMEOUT:?} and refused the answer"
                );
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no answer to pre-checkout query {id} within 15 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The user pays an invoice: a `successful_payment` service message from the user in
    /// their private chat, with fresh charge ids. Call it after the bot accepted the
    /// pre-checkout query (not enforced). Returns the update id.
    pub fn pay(&self, user: &TgUser, invoice: &BotMessage) -> i64 {
        let i = invoice
            .invoice
            .as_ref()
            .unwrap_or_else(|| panic!("message {} is no invoice", invoice.message_id));
        let payment = json!({
            "currency": i.currency,
            "total_amount": i.total_amount,
            "invoice_payload": i.payload,
            "telegram_payment_charge_id": format!("tg_{:016x}", rand::random::<u64>()),
            "provider_payment_charge_id": format!("prov_{:016x}", rand::random::<u64>()),
        });
        let m = self.user_message(user, json!({"successful_payment": payment}));
        self.push("message", m)
    }

    /// The payment of update `update_id` (from [`Emulator::pay`]) arrives once more, as a new
    /// update with a new message id but the same `successful_payment` (same charge ids).
    /// Returns the new update id.
    pub fn pay_again(&self, user: &TgUser, update_id: i64) -> i64 {
        let payment = self.update_json(update_id)["message"]["successful_payment"].clone();
        assert!(
            payment.is_object(),
            "update {update_id} carries no successful_payment"
        );
        let m = self.user_message(user, json!({"successful_payment": payment}));
        self.push("message", m)
    }
}

/// The largest amount Telegram accepts in any currency.
const MAX_AMOUNT: i64 = 9_999_999_999_999;

/// The amounts of a `prices` parameter, checked as the Bot API server does.
fn labeled_prices(p: &Value) -> Result<Vec<i64>, Box<Response>> {
    let prices = match &p["prices"] {
        Value::Null => return Err(Box::new(required("prices"))),
        Value::String(s) if s.is_empty() => return Err(Box::new(required("prices"))),
        Value::String(s) => serde_json::from_str(s)
            .map_err(|_| Box::new(error(400, "Bad Request: can't parse prices JSON object")))?,
        other => other.clone(),
    };
    let Some(prices) = prices.as_array() else {
        return Err(Box::new(error(
            400,
            "Bad Request: expected an Array of labeled prices",
        )));
    };
    let bad = |why: &str| {
        Box::new(error(
            400,
            &format!("Bad Request: can't parse labeled price: {why}"),
        ))
    };
    let mut amounts = Vec::new();
    for price in prices {
        if !price.is_object() {
            return Err(bad("LabeledPrice must be an Object"));
        }
        match &price["label"] {
            Value::String(l) if !l.is_empty() => {}
            Value::String(_) | Value::Null => {
                return Err(bad("LabeledPrice label must be non-empty"));
            }
            _ => return Err(bad("Field \"label\" must be of type String")),
        }
        let amount = match &price["amount"] {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.parse().ok(),
            Value::Null => return Err(bad("Field \"amount\" must be non-empty")),
            _ => return Err(bad("Field \"amount\" must be of type Number or String")),
        };
        let Some(amount) = amount else {
            return Err(bad("Can't parse \"amount\" as Number"));
        };
        if !(-MAX_AMOUNT..=MAX_AMOUNT).contains(&amount) {
            return Err(Box::new(error(
                400,
                "Bad Request: too big amount of the currency specified",
            )));
        }
        amounts.push(amount);
    }
    if amounts.is_empty() {
        return Err(Box::new(error(
            400,
            "Bad Request: there must be at least one price",
        )));
    }
    Ok(amounts)
}

pub(super) fn send_invoice(emu: &Emulator, p: &Value) -> Response {
    let Some(chat_id) = int(&p["chat_id"]) else {
        return error(400, "Bad Request: chat_id is empty");
    };
    let Some(title) = string_param(p, "title") else {
        return required("title");
    };
    let Some(description) = string_param(p, "description") else {
        return required("description");
    };
    let Some(payload) = string_param(p, "payload") else {
        return required("payload");
    };
    let provider_token = string_param(p, "provider_token").unwrap_or_default();
    let Some(currency) = string_param(p, "currency") else {
        return required("currency");
    };
    let amounts = match labeled_prices(p) {
        Ok(a) => a,
        Err(r) => return *r,
    };
    let markup = object(&p["reply_markup"]);
    if let Some(m) = &markup
        && let Err(e) = validate_markup(m)
    {
        return error(400, e);
    }
    let mut s = emu.lock();
    let Some(chat) = s.chats.get(&chat_id).cloned() else {
        return error(400, "Bad Request: chat not found");
    };
    if title.chars().count() > 32 {
        return error(400, "Bad Request: TITLE_INVALID");
    }
    if description.chars().count() > 255 {
        return error(400, "Bad Request: DESCRIPTION_INVALID");
    }
    if payload.len() > 128 {
        return error(400, "Bad Request: INVOICE_PAYLOAD_INVALID");
    }
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return error(400, "Bad Request: CURRENCY_INVALID");
    }
    let stars = currency == "XTR";
    if !stars && provider_token.is_empty() {
        return error(400, "Bad Request: PAYMENT_PROVIDER_INVALID");
    }
    if stars && amounts.len() != 1 {
        return error(400, "Bad Request: STARS_INVOICE_INVALID");
    }
    let total_amount: i64 = amounts.iter().sum();
    if total_amount <= 0 {
        return error(400, "Bad Request: total price must be positive");
    }
    if total_amount > MAX_AMOUNT {
        return error(400, "Bad Request: total price is too big");
    }
    if amounts.iter().any(|a| *a <= 0) {
        return error(400, "Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
    }
    // A custom keyboard of an invoice must start with the Pay button.
    if let Some(m) = &markup {
        let buttons = m["inline_keyboard"].as_array().into_iter().flatten();
        let first = buttons
            .flat_map(|r| r.as_array().into_iter().flatten())
            .next();
        if first.is_some_and(|b| !flag(&b["pay"])) {
            return error(400, "Bad Request: REPLY_MARKUP_BUY_EMPTY");
        }
    }
    let counter = s.next_message.entry(chat_id).or_insert(0);
    *counter += 1;
    let message = BotMessage {
        chat_id,
        message_id: *counter,
        text: String::new(),
        reply_markup: markup,
        entities: Vec::new(),
        edits: 0,
        invoice: Some(Invoice {
            title,
            description,
            currency,
            total_amount,
            payload,
        }),
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

pub(super) fn answer_pre_checkout_query(emu: &Emulator, p: &Value) -> Response {
    let id = string_param(p, "pre_checkout_query_id").unwrap_or_default();
    let accepted = flag(&p["ok"]);
    let error_message = string_param(p, "error_message");
    if !accepted && error_message.is_none() {
        return required("error_message");
    }
    let too_old = || {
        error(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        )
    };
    let mut s = emu.lock();
    let Some(q) = s.pre_checkouts.get_mut(&id) else {
        return too_old();
    };
    if q.answer.is_some() || q.late.is_some() {
        return too_old();
    }
    let took = q.pushed.elapsed();
    if took > PRE_CHECKOUT_TIMEOUT {
        q.late = Some(took);
        return too_old();
    }
    // Telegram shows the error message only when the bot refuses.
    let error_message = if accepted { None } else { error_message };
    q.answer = Some((accepted, error_message, took));
    ok(json!(true))
}
