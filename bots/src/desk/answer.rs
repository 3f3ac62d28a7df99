//! What a desk command does and what the clerk reads back: the same for the terminal desk and
//! the Matrix desk room.

use anyhow::Result;
use schalter_core::desk::Said;
use schalter_core::desk::{Finish, Pick, QueueEntry};
use schalter_core::fargs;
use schalter_core::payments::{Fee, Payment, PaymentState, parse_amount};
use schalter_core::{Engine, Lang};

use super::command::Command;
use super::queue::{document_items, open_items, queue_text, service_label};
use super::refund;
use crate::payments::PaymentProvider;

/// What a command did: the answer for the clerk, and the citizen if one was just called.
#[derive(Debug, Clone)]
pub struct Answer {
    pub text: String,
    pub picked: Option<QueueEntry>,
    /// The citizen whose call just ended (done, no-show or back to the queue).
    pub finished: Option<QueueEntry>,
}

/// Where a desk answer is read, and so whether a call's link may be in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// Only clerks (a terminal, a desk room of clerks): the link is shown.
    ClerksOnly,
    /// Others may read along: the link goes to the clerk by the video room's invitation only.
    Others,
}

/// Runs one command for `clerk` and returns the answer in `lang`. A pick uses `video` as the
/// call's link.
pub async fn execute(
    engine: &Engine,
    clerk: &str,
    lang: Lang,
    command: Command,
    video: Option<&str>,
    readers: Readers,
    provider: Option<&dyn PaymentProvider>,
) -> Result<Answer> {
    let mut outcome = Answer {
        text: String::new(),
        picked: None,
        finished: None,
    };
    outcome.text = answer(
        engine,
        clerk,
        lang,
        command,
        Context {
            video,
            readers,
            provider,
        },
        &mut outcome,
    )
    .await?;
    Ok(outcome)
}

async fn answer(
    engine: &Engine,
    clerk: &str,
    lang: Lang,
    command: Command,
    ctx: Context<'_>,
    outcome: &mut Answer,
) -> Result<String> {
    let Context {
        video,
        readers,
        provider,
    } = ctx;
    let i18n = engine.office().i18n();
    let t = |id: &str| i18n.text(lang, id);
    let reference_of = |e: &QueueEntry| e.reference.clone().unwrap_or_default();
    Ok(match command {
        Command::Next | Command::Take(_) => {
            let reference = match &command {
                Command::Take(r) => match schalter_core::reference::parse_reference(r) {
                    Some(r) => Some(r),
                    None => {
                        return Ok(i18n.msg(
                            lang,
                            "desk-not-waiting",
                            &fargs!["reference" => r.clone()],
                        ));
                    }
                },
                _ => None,
            };
            match engine
                .desk()
                .pick_next(clerk, reference.as_deref(), video)
                .await?
            {
                Pick::Picked(e) => {
                    outcome.picked = Some(e.clone());
                    let mut lines = vec![i18n.msg(
                        lang,
                        "desk-picked",
                        &fargs![
                            "reference" => reference_of(&e),
                            "service" => service_label(engine, lang, &e),
                            "lang" => e.lang.to_uppercase(),
                            "waited" => (engine.office().clock().now() - e.joined_at).num_minutes().max(0),
                            "open" => open_items(engine, lang, &e),
                        ],
                    )];
                    lines.extend(document_items(engine, lang, &e).await?);
                    match (&e.video_url, readers) {
                        (Some(url), Readers::ClerksOnly) => {
                            lines.push(i18n.msg(lang, "desk-video", &fargs!["url" => url.clone()]))
                        }
                        (Some(_), Readers::Others) => lines.push(t("desk-video-invited")),
                        (None, _) => {}
                    }
                    lines.join("\n")
                }
                Pick::Nobody => match reference {
                    Some(r) => i18n.msg(lang, "desk-not-waiting", &fargs!["reference" => r]),
                    None => t("desk-nobody"),
                },
                Pick::ClerkBusy(e) => {
                    i18n.msg(lang, "desk-busy", &fargs!["reference" => reference_of(&e)])
                }
            }
        }
        Command::Done(_) | Command::NoShow | Command::Back => {
            let (how, id) = match command {
                Command::Done(note) => (Finish::Done { note }, "desk-done"),
                Command::NoShow => (Finish::NoShow, "desk-noshow"),
                _ => (Finish::Back, "desk-back"),
            };
            match engine.desk().finish_call(clerk, how).await? {
                Some(e) => {
                    let mut text = i18n.msg(lang, id, &fargs!["reference" => reference_of(&e)]);
                    // The fee that went out with `done`.
                    if let Some(p) = engine.payments().of_entry(&e.id).await?
                        && p.state == PaymentState::Open
                    {
                        text.push('\n');
                        text.push_str(&fee_text(engine, lang, &p));
                        text.push('\n');
                        text.push_str(&t("desk-fee-sent"));
                    }
                    outcome.finished = Some(e);
                    text
                }
                None => t("desk-no-call"),
            }
        }
        Command::Queue => queue_text(engine, lang).await?,
        Command::Today => {
            let today = engine
                .office()
                .clock()
                .now()
                .with_timezone(&engine.office().tz())
                .date_naive();
            engine.scheduler().agenda_text(lang, today, false).await?
        }
        Command::Away => {
            engine.desk().set_presence(clerk, false).await?;
            t("desk-away")
        }
        Command::Available => {
            engine.desk().set_presence(clerk, true).await?;
            t("desk-available")
        }
        Command::Say(key) => match engine.desk().say(clerk, &key).await? {
            Said::Sent(e) => i18n.msg(
                lang,
                "desk-say-sent",
                &fargs!["reference" => reference_of(&e), "key" => key],
            ),
            Said::UnknownKey => i18n.msg(
                lang,
                "desk-say-keys",
                &fargs!["keys" => schalter_core::desk::SAY_KEYS.join(", ")],
            ),
            Said::NoCall => t("desk-no-call"),
        },
        Command::Fee(amount, reason) => {
            let cents = match amount.as_deref().map(|a| (a, parse_amount(a))) {
                None => None,
                Some((_, Some(c))) => Some(c),
                Some((typed, None)) => {
                    return Ok(i18n.msg(
                        lang,
                        "desk-fee-bad-amount",
                        &fargs!["input" => typed.to_owned()],
                    ));
                }
            };
            match engine.payments().set_fee(clerk, cents, reason).await? {
                Fee::NoCall => t("desk-fee-no-call"),
                Fee::AlreadyPaid(p) => i18n.msg(
                    lang,
                    "desk-fee-paid",
                    &fargs![
                        "reference" => visit_of(&p),
                        "amount" => engine.office().amount_text(lang, p.amount_cents),
                    ],
                ),
                Fee::Set { payment, .. } if payment.amount_cents <= 0 => i18n.msg(
                    lang,
                    "desk-fee-zero",
                    &fargs!["reference" => visit_of(&payment)],
                ),
                Fee::Set { payment, sent } => format!(
                    "{}\n{}",
                    fee_text(engine, lang, &payment),
                    t(if sent {
                        "desk-fee-sent"
                    } else {
                        "desk-fee-at-done"
                    })
                ),
            }
        }
        Command::Paid(reference) => match engine.payments().by_reference(&reference).await? {
            None => i18n.msg(
                lang,
                "desk-payment-unknown",
                &fargs!["reference" => reference],
            ),
            Some(p) => {
                let mut text = i18n.msg(
                    lang,
                    "desk-paid-state",
                    &fargs![
                        "reference" => visit_of(&p),
                        "amount" => engine.office().amount_text(lang, p.amount_cents),
                        "state" => t(&format!("payment-state-{}", p.state.as_str())),
                        "payment" => p.reference.clone(),
                    ],
                );
                if p.refunded_cents > 0 {
                    text.push_str(", ");
                    text.push_str(&i18n.msg(
                        lang,
                        "desk-paid-refunded",
                        &fargs!["amount" => engine.office().amount_text(lang, p.refunded_cents)],
                    ));
                }
                text
            }
        },
        Command::Refund(reference, amount) => {
            refund::refund(engine, lang, provider, &reference, amount.as_deref()).await?
        }
        Command::Help => t("desk-help"),
        Command::Unknown => format!("{}\n{}", t("desk-unknown"), t("desk-help")),
    })
}

/// What a desk command needs besides the command.
struct Context<'a> {
    video: Option<&'a str>,
    readers: Readers,
    provider: Option<&'a dyn PaymentProvider>,
}

/// "Fee for REF: 13,00 €."
fn fee_text(engine: &Engine, lang: Lang, p: &Payment) -> String {
    engine.office().i18n().msg(
        lang,
        "desk-fee-set",
        &fargs![
            "reference" => visit_of(p),
            "amount" => engine.office().amount_text(lang, p.amount_cents),
        ],
    )
}

/// The reference clerks know a payment by: the visit's, else its own.
fn visit_of(p: &Payment) -> String {
    p.visit_reference
        .clone()
        .unwrap_or_else(|| p.reference.clone())
}
