//! Refunds: what `refund REF [AMOUNT]` may give back, how much and through whom.

use crate::error::EngineError;
use crate::store::PaymentState;

use super::Payments;

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
            .payments()
            .record_refund(&plan.payment_id, plan.cents, now)
            .await?)
    }
}
