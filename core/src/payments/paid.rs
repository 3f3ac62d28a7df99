//! A payment confirmed: the pre-checkout check, and recording the payment once.

use crate::error::EngineError;
use crate::fargs;
use crate::i18n::Lang;
use crate::message::Message;
use crate::notice::NoticeKind;
use crate::store::{Payment, PaymentState, Recorded};

use super::Payments;

impl Payments {
    /// Telegram's pre-checkout: `Ok(())` if the request is open with exactly this amount and
    /// currency, otherwise the reason in the citizen's language.
    pub async fn check_payment(
        &self,
        payment_id: &str,
        currency: &str,
        total_cents: i64,
        lang_hint: Option<&str>,
    ) -> Result<Result<(), String>, EngineError> {
        let payment = self.store.payments().payment(payment_id).await?;
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
            .payments()
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
            && let Some(p) = self.store.payments().payment(payment_id).await?
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
                .outbox()
                .notify_once(
                    &crate::store::payments_conversation(),
                    &format!("paid-twice:{event}"),
                    NoticeKind::PaidTwice,
                    &body,
                    now,
                )
                .await?;
        }
        Ok(recorded)
    }
}
