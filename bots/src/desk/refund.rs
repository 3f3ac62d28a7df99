//! `refund REF [AMOUNT]` at the desk: the core decides what may be given back, how much and
//! through whom ([`schalter_core::payments::Payments::plan_refund`]); the desk asks the
//! provider to do it (a few times while it is unavailable) and tells the clerk.

use anyhow::Result;
use backon::{ExponentialBuilder, Retryable};
use schalter_core::fargs;
use schalter_core::payments::{Refund, RefundPlan, RefundRefusal};
use schalter_core::{Engine, Lang};

use crate::payments::{PaymentProvider, ProviderError};

/// Runs `refund REF [AMOUNT]` and returns what the clerk reads in `lang`.
pub(super) async fn refund(
    engine: &Engine,
    lang: Lang,
    provider: Option<&dyn PaymentProvider>,
    typed: &str,
    amount: Option<&str>,
) -> Result<String> {
    let plan = match engine
        .payments()
        .plan_refund(typed, amount, provider.map(|p| p.name()))
        .await?
    {
        Refund::Through(plan) => plan,
        Refund::Refused(why) => return Ok(refused(engine, lang, why)),
    };
    // The plan names the provider configured here; anything else cannot be refunded here.
    let Some(provider) = provider.filter(|p| p.name() == plan.provider) else {
        let reference = plan.reference;
        return Ok(refused(
            engine,
            lang,
            RefundRefusal::Unsupported { reference },
        ));
    };
    let i18n = engine.office().i18n();
    match carry_out(provider, &plan).await {
        Ok(()) => {
            engine.payments().refunded(&plan).await?;
            Ok(i18n.msg(
                lang,
                "desk-refund-done",
                &fargs![
                    "reference" => plan.reference,
                    "amount" => engine.office().amount_text(lang, plan.cents),
                ],
            ))
        }
        Err(e) => {
            tracing::warn!(target: "desk", error = %e, "refund failed");
            Ok(i18n.msg(
                lang,
                "desk-refund-failed",
                &fargs!["reference" => plan.reference],
            ))
        }
    }
}

/// Asks the provider to refund, again (with the same key) while it is unavailable.
async fn carry_out(provider: &dyn PaymentProvider, plan: &RefundPlan) -> Result<(), ProviderError> {
    let attempt = || provider.refund(&plan.charge_id, plan.cents, &plan.idempotency_key);
    attempt
        .retry(
            ExponentialBuilder::default()
                .with_min_delay(std::time::Duration::from_millis(500))
                .with_max_times(3),
        )
        .when(|e| matches!(e, ProviderError::Unavailable { .. }))
        .await
}

/// Why nothing was refunded, as the clerk reads it.
fn refused(engine: &Engine, lang: Lang, why: RefundRefusal) -> String {
    let i18n = engine.office().i18n();
    match why {
        RefundRefusal::Unknown { typed } => {
            i18n.msg(lang, "desk-payment-unknown", &fargs!["reference" => typed])
        }
        RefundRefusal::NotPaid { reference } => i18n.msg(
            lang,
            "desk-refund-not-paid",
            &fargs!["reference" => reference],
        ),
        RefundRefusal::BadAmount { typed } => {
            i18n.msg(lang, "desk-fee-bad-amount", &fargs!["input" => typed])
        }
        RefundRefusal::TooMuch {
            reference,
            left_cents,
        } => i18n.msg(
            lang,
            "desk-refund-too-much",
            &fargs![
                "reference" => reference,
                "amount" => engine.office().amount_text(lang, left_cents),
            ],
        ),
        RefundRefusal::AtProvider {
            reference,
            charge_id,
        } => i18n.msg(
            lang,
            "desk-refund-at-provider",
            &fargs!["reference" => reference, "payment" => charge_id],
        ),
        RefundRefusal::Unsupported { reference } => i18n.msg(
            lang,
            "desk-refund-unsupported",
            &fargs!["reference" => reference],
        ),
    }
}
