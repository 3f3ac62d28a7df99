//! Fees paid from home after a call. A clerk's `fee` sets or adds to the call's request (a
//! draft while the call runs); `done` sends it, or it goes at once when the call is over
//! already; services marked `pay_after_call` get theirs on `done` without a word. The
//! channels offer their way to pay (a Telegram invoice, a hosted payment link); whoever
//! confirms a payment records it here, once, with the receipt and the desk's line. What may be
//! refunded, how much and through whom is decided here ([`Payments::plan_refund`]); the desk
//! only asks the provider to carry it out and records that it did.

use chrono::Duration;

use crate::channel::{ChannelKind, ConversationId};
use std::sync::{Arc, RwLock};

use crate::error::EngineError;
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::message::{Message, PaymentAsk};
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::store::Store;
pub use crate::store::{Item, Payment, PaymentState, Recorded};
use crate::store::{NewPayment, QueueEntry};

/// The currency of every fee.
pub const CURRENCY: &str = "EUR";
/// How long after a call the clerk may still set its fee.
const AFTER_CALL: Duration = Duration::hours(12);

/// What `fee` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fee {
    /// The clerk has no call now and none that just ended.
    NoCall,
    /// The request is paid already; it cannot change.
    AlreadyPaid(Box<Payment>),
    /// The request as it stands now, and whether it went to the citizen.
    Set { payment: Box<Payment>, sent: bool },
}

/// `13`, `13,50`, `13.5`, `13 €`, `€13.50`, `1.300,00` → cents; `None` if it is no amount or
/// not above zero and below 100,000 €.
pub fn parse_amount(input: &str) -> Option<i64> {
    let s: String = input
        .trim()
        .trim_matches(|c: char| c == '€' || c.is_whitespace())
        .trim_end_matches("EUR")
        .trim_end_matches("eur")
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // The last separator followed by one or two digits is the decimal one; others group.
    let (whole, fraction) = match s.rfind([',', '.']).map(|i| (i, s.len() - i - 1)) {
        Some((i, 1 | 2)) => (&s[..i], &s[i + 1..]),
        Some((_, 3)) => (&s[..], ""),
        Some(_) => return None,
        None => (&s[..], ""),
    };
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let total = whole.checked_mul(100)?.checked_add(cents)?;
    (total > 0 && total < 10_000_000).then_some(total)
}

/// Fees: what the desk sets, what the citizen is sent, what a provider confirms, what is
/// refunded.
#[derive(Clone)]
pub struct Payments {
    office: Office,
    store: Store,
    /// The channels whose citizens can pay from home (configured by the application).
    online: Arc<RwLock<Vec<ChannelKind>>>,
}

/// What `refund REF [AMOUNT]` comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refund {
    /// Give back part or all of a charge through the provider that took it.
    Through(RefundPlan),
    /// Nothing is given back here, and why.
    Refused(RefundRefusal),
}

/// A refund to carry out: `cents` of the charge `charge_id` at `provider`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundPlan {
    pub payment_id: String,
    /// The reference clerks know the payment by (the visit's, else its own).
    pub reference: String,
    pub provider: String,
    pub charge_id: String,
    pub cents: i64,
    /// The same for the same refund however often it is tried (here, or by the clerk again
    /// later), so that the provider carries it out once.
    pub idempotency_key: String,
}

/// Why a refund is not carried out here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefundRefusal {
    /// No payment by the reference as typed.
    Unknown { typed: String },
    /// The request is not paid (or refunded in full already).
    NotPaid { reference: String },
    /// The amount as typed is no amount.
    BadAmount { typed: String },
    /// More than is left to refund (`left_cents`).
    TooMuch { reference: String, left_cents: i64 },
    /// Paid by Telegram invoice: refunded at the payment provider, by this charge.
    AtProvider {
        reference: String,
        charge_id: String,
    },
    /// Paid through a provider this office cannot refund through.
    Unsupported { reference: String },
}

impl Payments {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self {
            office,
            store,
            online: Arc::default(),
        }
    }

    /// The channels on which citizens can pay from home (configured by the application).
    pub fn set_online_payments(&self, channels: Vec<ChannelKind>) {
        *self.online.write().unwrap_or_else(|e| e.into_inner()) = channels;
    }

    /// Whether the citizen of `conversation` can pay from home.
    pub fn pays_online(&self, conversation: &str) -> bool {
        let Ok(id) = ConversationId::parse(conversation) else {
            return false;
        };
        self.online
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&id.channel)
    }

    /// The language the citizen speaks now, if they chose one.
    async fn citizen_lang(&self, conversation: &str) -> Result<Option<Lang>, EngineError> {
        Ok(self
            .store
            .cached_conversation(conversation)
            .await?
            .and_then(|row| row.lang.as_deref().and_then(Lang::from_tag)))
    }

    /// `fee [AMOUNT] [reason]` for the clerk's current call, or the one they just finished:
    /// without an amount the service's fee; an amount alone replaces the service's fee; an
    /// amount with a reason adds an item.
    pub async fn set_fee(
        &self,
        clerk: &str,
        amount: Option<i64>,
        reason: Option<String>,
    ) -> Result<Fee, EngineError> {
        let now = self.office.now();
        let (entry, finished) = match self.store.clerk_entry(clerk).await? {
            Some(e) => (e, false),
            None => match self.store.clerk_last_done(clerk, now - AFTER_CALL).await? {
                Some(e) => (e, true),
                None => return Ok(Fee::NoCall),
            },
        };
        let payment = self.request_for(&entry, clerk).await?;
        if !matches!(payment.state, PaymentState::Draft | PaymentState::Open) {
            return Ok(Fee::AlreadyPaid(Box::new(payment)));
        }
        let mut items = payment.items.clone();
        match (amount, reason) {
            (None, _) => {}
            (Some(cents), None) => match items.first_mut() {
                Some(base) => base.cents = cents,
                None => items.push(self.visit_item(&payment.lang, entry.service.as_deref(), cents)),
            },
            (Some(cents), Some(label)) => items.push(Item {
                label,
                cents,
                visit: false,
            }),
        }
        items.retain(|i| i.cents > 0);
        if !self
            .store
            .set_payment_items(&payment.id, &items, now)
            .await?
        {
            let paid = self.store.payment(&payment.id).await?.unwrap_or(payment);
            return Ok(Fee::AlreadyPaid(Box::new(paid)));
        }
        let payment = self
            .store
            .payment(&payment.id)
            .await?
            .ok_or_else(|| crate::store::StoreError::Corrupt("payment vanished".into()))?;
        // During the call the request waits for `done`; after it, it goes now (again, if
        // it was sent before with another amount).
        let sent = (finished || payment.state == PaymentState::Open)
            && self.send_payment(&payment).await?;
        Ok(Fee::Set {
            payment: Box::new(payment),
            sent,
        })
    }

    /// At `done`: the call's draft request goes to the citizen; a `pay_after_call` service
    /// gets its request without a word from the clerk.
    pub(crate) async fn fee_after_call(
        &self,
        entry: &QueueEntry,
        clerk: &str,
    ) -> Result<Option<Payment>, EngineError> {
        let draft = match self.store.payment_of_entry(&entry.id).await? {
            Some(p) => Some(p),
            None => {
                let automatic = entry
                    .service
                    .as_deref()
                    .and_then(|s| self.office.catalog().service(s).cloned())
                    .is_some_and(|s| s.pay_after_call && s.fee_cents > 0);
                if automatic {
                    Some(self.request_for(entry, clerk).await?)
                } else {
                    None
                }
            }
        };
        let Some(p) = draft.filter(|p| p.state == PaymentState::Draft && p.amount_cents > 0) else {
            return Ok(None);
        };
        self.send_payment(&p).await?;
        Ok(Some(p))
    }

    /// The call's request, created with the service's fee if it has none.
    async fn request_for(&self, entry: &QueueEntry, clerk: &str) -> Result<Payment, EngineError> {
        let fee = entry
            .service
            .as_deref()
            .and_then(|s| self.office.catalog().service(s).map(|s| s.fee_cents))
            .unwrap_or(0);
        // Found by tests/tests/properties.rs (a_fee_after_the_call_follows_a_language_switch):
        // a fee set after `done` went out in the language of the call, not the one the
        // citizen had switched to since (a finished call's entry keeps its language).
        let lang = match self.citizen_lang(&entry.conversation_id).await? {
            Some(lang) => lang.code().to_owned(),
            None => entry.lang.clone(),
        };
        let items = if fee > 0 {
            vec![self.visit_item(&lang, entry.service.as_deref(), i64::from(fee))]
        } else {
            Vec::new()
        };
        let now = self.office.now();
        let new = NewPayment {
            entry_id: &entry.id,
            conversation_id: &entry.conversation_id,
            visit_reference: entry.reference.as_deref(),
            service: entry.service.as_deref(),
            lang: &lang,
            items: &items,
            currency: CURRENCY,
            clerk,
        };
        // A payment reference taken already is drawn again.
        for _ in 0..3 {
            if let Ok(p) = self.store.payment_for_entry(&new, now).await {
                return Ok(p);
            }
        }
        Ok(self.store.payment_for_entry(&new, now).await?)
    }

    /// The fee's line for the visit itself, labelled in `lang` as written (it is labelled
    /// again in the citizen's language whenever it is sent).
    fn visit_item(&self, lang: &str, service: Option<&str>, cents: i64) -> Item {
        let lang = Lang::from_tag(lang).unwrap_or(Lang::REFERENCE);
        Item {
            label: self.fee_for(lang, service),
            cents,
            visit: true,
        }
    }

    /// The service's name in `lang`, or "your request" for a visit without one.
    fn fee_for(&self, lang: Lang, service: Option<&str>) -> String {
        match service {
            Some(s) => self.office.service_name(lang, s),
            None => self.office.i18n().text(lang, "payment-service-other"),
        }
    }

    /// Queues the request's message for the citizen (a new version replaces an older one).
    async fn send_payment(&self, p: &Payment) -> Result<bool, EngineError> {
        if p.amount_cents <= 0 {
            return Ok(false);
        }
        let body = self.payment_message(p);
        Ok(self
            .store
            .open_payment(
                &p.id,
                &p.conversation_id,
                &format!("payment:{}", p.id),
                &body,
                self.office.now(),
            )
            .await?)
    }

    /// The request as the citizen reads it, with what any channel needs to take it.
    fn payment_message(&self, p: &Payment) -> String {
        let lang = Lang::from_tag(&p.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let service = self.fee_for(lang, p.service.as_deref());
        // The visit's own line in the language the citizen speaks now.
        let items: Vec<Item> = p
            .items
            .iter()
            .map(|item| match item.visit {
                true => Item {
                    label: service.clone(),
                    ..item.clone()
                },
                false => item.clone(),
            })
            .collect();
        let amount = self.office.amount_text(lang, p.amount_cents);
        let mut lines = vec![i18n.msg(
            lang,
            "payment-request",
            &fargs![
                "service" => service.clone(),
                "amount" => amount.clone(),
                "reference" => p.reference.clone(),
            ],
        )];
        if items.len() > 1 {
            for item in &items {
                lines.push(i18n.msg(
                    lang,
                    "payment-item",
                    &fargs!["label" => item.label.clone(), "amount" => self.office.amount_text(lang, item.cents)],
                ));
            }
        }
        let title: String = i18n
            .msg(
                lang,
                "payment-invoice-title",
                &fargs!["service" => service.clone()],
            )
            .chars()
            .take(32)
            .collect();
        let description: String = i18n
            .msg(
                lang,
                "payment-invoice-description",
                &fargs!["service" => service, "reference" => p.reference.clone()],
            )
            .chars()
            .take(255)
            .collect();
        let (text, options) = crate::message::directed(lang, lines.join("\n"), Vec::new());
        (Message {
            text,
            options,
            link: None,
            attachment: None,
            // The channel that delivers it knows whether it can take the payment: it adds
            // the way to pay, or the hint to pay as agreed.
            payment: Some(PaymentAsk {
                payment_id: p.id.clone(),
                title,
                description,
                items,
                amount_cents: p.amount_cents,
                currency: p.currency.clone(),
                link_label: i18n.text(lang, "payment-link-label"),
                online_hint: i18n.text(lang, "payment-how-online"),
                offline_hint: i18n.text(lang, "payment-how-office"),
                unavailable: i18n.text(lang, "payment-link-unavailable"),
            }),
        })
        .to_json()
    }

    /// Sends an open request again (e.g. for a fresh payment link); `false` if it is not
    /// open or not this conversation's.
    pub async fn resend_payment(
        &self,
        conversation: &str,
        payment_id: &str,
    ) -> Result<bool, EngineError> {
        match self.store.payment(payment_id).await? {
            Some(p) if p.conversation_id == conversation && p.state == PaymentState::Open => {
                self.send_payment(&p).await
            }
            _ => Ok(false),
        }
    }

    /// Telegram's pre-checkout: `Ok(())` if the request is open with exactly this amount and
    /// currency, otherwise the reason in the citizen's language.
    pub async fn check_payment(
        &self,
        payment_id: &str,
        currency: &str,
        total_cents: i64,
        lang_hint: Option<&str>,
    ) -> Result<Result<(), String>, EngineError> {
        let payment = self.store.payment(payment_id).await?;
        let lang = payment
            .as_ref()
            .and_then(|p| Lang::from_tag(&p.lang))
            .or_else(|| lang_hint.and_then(Lang::from_tag))
            .unwrap_or(Lang::REFERENCE);
        let reason = match payment {
            Some(p) if p.state == PaymentState::Open => {
                if p.amount_cents == total_cents && p.currency.eq_ignore_ascii_case(currency) {
                    return Ok(Ok(()));
                }
                "payment-refused-amount"
            }
            Some(_) => "payment-refused-closed",
            None => "payment-refused-unknown",
        };
        Ok(Err(self.office.i18n().text(lang, reason)))
    }

    /// Records a confirmed payment once (`event`: the provider's id of the confirmation) and
    /// queues the receipt and the desk's line with it.
    pub async fn record_paid(
        &self,
        payment_id: &str,
        event: &str,
        provider: &str,
        provider_charge_id: Option<&str>,
        telegram_charge_id: Option<&str>,
    ) -> Result<Recorded, EngineError> {
        let now = self.office.now();
        let receipt = |p: &Payment| (self.receipt_message(p, now), self.desk_paid_message(p));
        let recorded = self
            .store
            .record_payment(
                payment_id,
                event,
                provider,
                provider_charge_id,
                telegram_charge_id,
                &receipt,
                now,
            )
            .await?;
        // Money for a request that was paid already (an old link and a fresh one both
        // used): the desk is told to give it back.
        if recorded == Recorded::NotOpen
            && let Some(p) = self.store.payment(payment_id).await?
            && matches!(p.state, PaymentState::Paid | PaymentState::Refunded)
        {
            let lang = Lang::REFERENCE;
            let text = self.office.i18n().msg(
                lang,
                "desk-paid-twice",
                &fargs![
                    "reference" => p.visit_reference.clone().unwrap_or_else(|| p.reference.clone()),
                    "amount" => self.office.amount_text(lang, p.amount_cents),
                    "payment" => provider_charge_id.or(telegram_charge_id).unwrap_or(event).to_owned(),
                ],
            );
            let body = (Message {
                text,
                ..Default::default()
            })
            .to_json();
            self.store
                .notify_once(
                    crate::store::PAYMENTS_CONVERSATION,
                    &format!("paid-twice:{event}"),
                    NoticeKind::PaidTwice,
                    &body,
                    now,
                )
                .await?;
        }
        Ok(recorded)
    }

    fn receipt_message(&self, p: &Payment, now: chrono::DateTime<chrono::Utc>) -> String {
        let lang = Lang::from_tag(&p.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let service = self.fee_for(lang, p.service.as_deref());
        let text = i18n.msg(
            lang,
            "payment-receipt",
            &fargs![
                "service" => service,
                "amount" => self.office.amount_text(lang, p.amount_cents),
                "date" => format::date(i18n, lang, now.with_timezone(&self.office.tz()).date_naive()),
                "reference" => p.reference.clone(),
                "payment" => p
                    .provider_charge_id
                    .clone()
                    .or_else(|| p.telegram_charge_id.clone())
                    .unwrap_or_else(|| p.id.clone()),
            ],
        );
        self.office.message_json(lang, text, Vec::new())
    }

    fn desk_paid_message(&self, p: &Payment) -> String {
        let lang = Lang::REFERENCE;
        let i18n = self.office.i18n();
        let text = i18n.msg(
            lang,
            "desk-paid-line",
            &fargs![
                "reference" => p.visit_reference.clone().unwrap_or_else(|| p.reference.clone()),
                "amount" => self.office.amount_text(lang, p.amount_cents),
                "payment" => p.reference.clone(),
            ],
        );
        (Message {
            text,
            ..Default::default()
        })
        .to_json()
    }

    /// A request by its id.
    pub async fn by_id(&self, id: &str) -> Result<Option<Payment>, EngineError> {
        Ok(self.store.payment(id).await?)
    }

    /// The request of a call (a queue entry), once the clerk or the service set one.
    pub async fn of_entry(&self, entry_id: &str) -> Result<Option<Payment>, EngineError> {
        Ok(self.store.payment_of_entry(entry_id).await?)
    }

    /// A request by the visit's or its own reference, however it was typed.
    pub async fn by_reference(&self, typed: &str) -> Result<Option<Payment>, EngineError> {
        let Some(reference) = crate::reference::parse_reference(typed) else {
            return Ok(None);
        };
        Ok(self.store.payment_by_reference(&reference).await?)
    }

    /// Remembers the hosted checkout `provider` made for an open request.
    pub async fn checkout_created(
        &self,
        id: &str,
        provider: &str,
        checkout_id: &str,
        url: &str,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), EngineError> {
        let store = &self.store;
        Ok(store
            .set_checkout(id, provider, checkout_id, url, expires_at)
            .await?)
    }

    /// A checkout ran out: the next request for the payment gets a fresh one.
    pub async fn checkout_expired(&self, id: &str) -> Result<(), EngineError> {
        Ok(self.store.clear_checkout(id).await?)
    }

    /// `refund REF [AMOUNT]` (all that is left without an amount), with `provider` the name
    /// of the provider this office refunds through, if any: only a paid request, not more
    /// than is left, and only through the provider that took the money; Telegram payments
    /// are refunded at the payment provider.
    pub async fn plan_refund(
        &self,
        typed: &str,
        amount: Option<&str>,
        provider: Option<&str>,
    ) -> Result<Refund, EngineError> {
        use RefundRefusal::*;
        let refused = |why| Ok(Refund::Refused(why));
        let Some(p) = self.by_reference(typed).await? else {
            return refused(Unknown {
                typed: typed.to_owned(),
            });
        };
        let reference = p
            .visit_reference
            .clone()
            .unwrap_or_else(|| p.reference.clone());
        if p.state != PaymentState::Paid {
            return refused(NotPaid { reference });
        }
        let left = p.amount_cents - p.refunded_cents;
        let cents = match amount.map(|typed| (typed, parse_amount(typed))) {
            None => left,
            Some((_, Some(cents))) => cents,
            Some((typed, None)) => {
                return refused(BadAmount {
                    typed: typed.to_owned(),
                });
            }
        };
        if cents > left {
            return refused(TooMuch {
                reference,
                left_cents: left,
            });
        }
        let charge = p.provider_charge_id.clone().unwrap_or_default();
        match (p.provider.as_deref(), provider) {
            (Some("telegram"), _) => refused(AtProvider {
                reference,
                charge_id: p.telegram_charge_id.clone().unwrap_or(charge),
            }),
            (Some(took), Some(ours)) if took == ours && !charge.is_empty() => {
                Ok(Refund::Through(RefundPlan {
                    idempotency_key: format!("refund-{}-{}-{cents}", p.id, p.refunded_cents),
                    payment_id: p.id,
                    reference,
                    provider: took.to_owned(),
                    charge_id: charge,
                    cents,
                }))
            }
            _ => refused(Unsupported { reference }),
        }
    }

    /// The provider carried out `plan`: the request is refunded once nothing is left.
    pub async fn refunded(&self, plan: &RefundPlan) -> Result<(), EngineError> {
        let now = self.office.now();
        let store = &self.store;
        Ok(store
            .record_refund(&plan.payment_id, plan.cents, now)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts_as_clerks_type_them() {
        assert_eq!(parse_amount("13"), Some(1300));
        assert_eq!(parse_amount("13,50"), Some(1350));
        assert_eq!(parse_amount("13.5"), Some(1350));
        assert_eq!(parse_amount("13 €"), Some(1300));
        assert_eq!(parse_amount("€13.50"), Some(1350));
        assert_eq!(parse_amount("1.300,00"), Some(130_000));
        assert_eq!(parse_amount("1,300.00"), Some(130_000));
        assert_eq!(parse_amount("1.300"), Some(130_000));
        assert_eq!(parse_amount("0"), None);
        assert_eq!(parse_amount("-5"), None);
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount("13,505"), Some(1_350_500));
        assert_eq!(parse_amount("1000000"), None);
        assert_eq!(parse_amount(""), None);
    }
}
