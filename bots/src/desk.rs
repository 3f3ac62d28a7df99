//! The clerk's desk in a terminal: the same commands and the same authorization as the
//! Matrix desk room, on the same database as the citizens' channels.

use std::io::Write;
use std::sync::Arc;

use anyhow::Result;
use schalter_core::fargs;
use schalter_core::payments::{Fee, parse_amount};
use schalter_core::queue::Said;
use schalter_core::store::{Finish, Payment, PaymentState, Pick, QueueEntry};
use schalter_core::{Capabilities, ChannelKind, Engine, Lang};
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::channel::{Channel, Delivery, SendError, Sent, outbox};
use crate::clerks;
use crate::config::Config;
use crate::payments::{PaymentProvider, ProviderError};
use backon::{ExponentialBuilder, Retryable};

/// A desk command, as typed (a leading `!` as in Element is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Next,
    Take(String),
    Done(Option<String>),
    NoShow,
    Back,
    Queue,
    Today,
    Away,
    Available,
    /// A prepared message to the citizen in the call, in their language.
    Say(String),
    /// `fee [AMOUNT] [reason]`: the amount as typed (checked when run) and the reason.
    Fee(Option<String>, Option<String>),
    /// `paid REF`: the payment state.
    Paid(String),
    /// `refund REF [AMOUNT]`.
    Refund(String, Option<String>),
    Help,
    Unknown,
}

impl Command {
    pub fn parse(line: &str) -> Option<Command> {
        let line = line.trim();
        let line = line.strip_prefix('!').unwrap_or(line);
        if line.is_empty() {
            return None;
        }
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        Some(match word.to_lowercase().as_str() {
            "next" => Command::Next,
            "take" if !rest.is_empty() => Command::Take(rest.to_owned()),
            "done" => Command::Done((!rest.is_empty()).then(|| rest.chars().take(500).collect())),
            "noshow" => Command::NoShow,
            "back" => Command::Back,
            "queue" => Command::Queue,
            "today" => Command::Today,
            "away" => Command::Away,
            "available" => Command::Available,
            "say" => Command::Say(rest.to_lowercase()),
            "fee" => {
                let (amount, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let reason: String = reason.trim().chars().take(100).collect();
                Command::Fee(
                    (!amount.is_empty()).then(|| amount.to_owned()),
                    (!reason.is_empty()).then_some(reason),
                )
            }
            "paid" if !rest.is_empty() => Command::Paid(rest.to_owned()),
            "refund" if !rest.is_empty() => {
                let (reference, amount) =
                    rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let amount = amount.trim();
                Command::Refund(
                    reference.to_owned(),
                    (!amount.is_empty()).then(|| amount.to_owned()),
                )
            }
            "help" => Command::Help,
            _ => Command::Unknown,
        })
    }
}

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
    let i18n = engine.i18n();
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
                .clerk_pick(clerk, reference.as_deref(), video)
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
                            "waited" => (engine.clock().now() - e.joined_at).num_minutes().max(0),
                            "open" => open_items(engine, lang, &e),
                        ],
                    )];
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
            match engine.clerk_finish(clerk, how).await? {
                Some(e) => {
                    let mut text = i18n.msg(lang, id, &fargs!["reference" => reference_of(&e)]);
                    // The fee that went out with `done`.
                    if let Some(p) = engine.store().payment_of_entry(&e.id).await?
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
                .clock()
                .now()
                .with_timezone(&engine.tz())
                .date_naive();
            engine.agenda_text(lang, today, false).await?
        }
        Command::Away => {
            engine.clerk_presence(clerk, false).await?;
            t("desk-away")
        }
        Command::Available => {
            engine.clerk_presence(clerk, true).await?;
            t("desk-available")
        }
        Command::Say(key) => match engine.clerk_say(clerk, &key).await? {
            Said::Sent(e) => i18n.msg(
                lang,
                "desk-say-sent",
                &fargs!["reference" => reference_of(&e), "key" => key],
            ),
            Said::UnknownKey => i18n.msg(
                lang,
                "desk-say-keys",
                &fargs!["keys" => schalter_core::queue::SAY_KEYS.join(", ")],
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
            match engine.clerk_fee(clerk, cents, reason).await? {
                Fee::NoCall => t("desk-fee-no-call"),
                Fee::AlreadyPaid(p) => i18n.msg(
                    lang,
                    "desk-fee-paid",
                    &fargs![
                        "reference" => visit_of(&p),
                        "amount" => engine.amount_text(lang, p.amount_cents),
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
        Command::Paid(reference) => match find_payment(engine, &reference).await? {
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
                        "amount" => engine.amount_text(lang, p.amount_cents),
                        "state" => t(&format!("payment-state-{}", p.state.as_str())),
                        "payment" => p.reference.clone(),
                    ],
                );
                if p.refunded_cents > 0 {
                    text.push_str(", ");
                    text.push_str(&i18n.msg(
                        lang,
                        "desk-paid-refunded",
                        &fargs!["amount" => engine.amount_text(lang, p.refunded_cents)],
                    ));
                }
                text
            }
        },
        Command::Refund(reference, amount) => {
            refund(engine, lang, provider, &reference, amount.as_deref()).await?
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
    engine.i18n().msg(
        lang,
        "desk-fee-set",
        &fargs![
            "reference" => visit_of(p),
            "amount" => engine.amount_text(lang, p.amount_cents),
        ],
    )
}

/// The reference clerks know a payment by: the visit's, else its own.
fn visit_of(p: &Payment) -> String {
    p.visit_reference
        .clone()
        .unwrap_or_else(|| p.reference.clone())
}

/// A payment by the visit's or its own reference, however it was typed.
async fn find_payment(engine: &Engine, typed: &str) -> Result<Option<Payment>> {
    let Some(reference) = schalter_core::reference::parse_reference(typed) else {
        return Ok(None);
    };
    Ok(engine.store().payment_by_reference(&reference).await?)
}

/// `refund REF [AMOUNT]`: through the provider where it can; Telegram payments are refunded
/// at the payment provider.
async fn refund(
    engine: &Engine,
    lang: Lang,
    provider: Option<&dyn PaymentProvider>,
    typed: &str,
    amount: Option<&str>,
) -> Result<String> {
    let i18n = engine.i18n();
    let Some(p) = find_payment(engine, typed).await? else {
        return Ok(i18n.msg(
            lang,
            "desk-payment-unknown",
            &fargs!["reference" => typed.to_owned()],
        ));
    };
    let reference = visit_of(&p);
    if p.state != PaymentState::Paid {
        return Ok(i18n.msg(
            lang,
            "desk-refund-not-paid",
            &fargs!["reference" => reference],
        ));
    }
    let left = p.amount_cents - p.refunded_cents;
    let cents = match amount {
        None => left,
        Some(typed) => match parse_amount(typed) {
            Some(c) => c,
            None => {
                return Ok(i18n.msg(
                    lang,
                    "desk-fee-bad-amount",
                    &fargs!["input" => typed.to_owned()],
                ));
            }
        },
    };
    if cents > left {
        return Ok(i18n.msg(
            lang,
            "desk-refund-too-much",
            &fargs!["reference" => reference, "amount" => engine.amount_text(lang, left)],
        ));
    }
    let charge = p.provider_charge_id.clone().unwrap_or_default();
    match (p.provider.as_deref(), provider) {
        (Some("telegram"), _) => Ok(i18n.msg(
            lang,
            "desk-refund-at-provider",
            &fargs![
                "reference" => reference,
                "payment" => p.telegram_charge_id.clone().unwrap_or(charge),
            ],
        )),
        (Some(name), Some(provider)) if name == provider.name() && !charge.is_empty() => {
            // The same key for the same refund, however often it is tried (here or by the
            // clerk again later): Stripe carries it out once.
            let key = format!("refund-{}-{}-{cents}", p.id, p.refunded_cents);
            let attempt = || provider.refund(&charge, cents, &key);
            let refunded = attempt
                .retry(
                    ExponentialBuilder::default()
                        .with_min_delay(std::time::Duration::from_millis(500))
                        .with_max_times(3),
                )
                .when(|e| matches!(e, ProviderError::Unavailable { .. }))
                .await;
            match refunded {
                Ok(()) => {
                    engine
                        .store()
                        .record_refund(&p.id, cents, engine.clock().now())
                        .await?;
                    Ok(i18n.msg(
                        lang,
                        "desk-refund-done",
                        &fargs!["reference" => reference, "amount" => engine.amount_text(lang, cents)],
                    ))
                }
                Err(e) => {
                    tracing::warn!(target: "desk", error = %e, "refund failed");
                    Ok(i18n.msg(
                        lang,
                        "desk-refund-failed",
                        &fargs!["reference" => reference],
                    ))
                }
            }
        }
        _ => Ok(i18n.msg(
            lang,
            "desk-refund-unsupported",
            &fargs!["reference" => reference],
        )),
    }
}

fn service_label(engine: &Engine, lang: Lang, e: &QueueEntry) -> String {
    match &e.service {
        Some(s) => engine.i18n().text(lang, &format!("service-{s}")),
        None => engine.i18n().text(lang, "desk-walk-in"),
    }
}

/// The checklist items the citizen has not ticked off.
fn open_items(engine: &Engine, lang: Lang, e: &QueueEntry) -> String {
    let catalog = engine.catalog();
    let open: Vec<String> = e
        .service
        .as_deref()
        .and_then(|s| catalog.service(s))
        .map(|s| {
            s.documents
                .iter()
                .filter(|d| !e.checklist.contains(d))
                .map(|d| engine.i18n().text(lang, &format!("doc-{d}")))
                .collect()
        })
        .unwrap_or_default();
    if open.is_empty() {
        engine.i18n().text(lang, "desk-checklist-complete")
    } else {
        open.join(", ")
    }
}

/// The live queue as clerks see it.
pub async fn queue_text(engine: &Engine, lang: Lang) -> Result<String> {
    let i18n = engine.i18n();
    let view = engine.queue_view().await?;
    let now = engine.clock().now();
    let mut lines = Vec::new();
    if view.waiting.is_empty() {
        lines.push(i18n.text(lang, "desk-queue-empty"));
    } else {
        lines.push(i18n.msg(
            lang,
            "desk-queue-title",
            &fargs!["count" => view.waiting.len(), "clerks" => view.clerks_on_duty],
        ));
        for (i, (e, _)) in view.waiting.iter().enumerate() {
            lines.push(i18n.msg(
                lang,
                "desk-queue-line",
                &fargs![
                    "position" => i + 1,
                    "reference" => e.reference.clone().unwrap_or_default(),
                    "service" => service_label(engine, lang, e),
                    "lang" => e.lang.to_uppercase(),
                    "waited" => (now - e.joined_at).num_minutes().max(0),
                    "open" => open_items(engine, lang, e),
                ],
            ));
        }
    }
    for c in &view.calls {
        let mut line = i18n.msg(
            lang,
            "desk-in-call-line",
            &fargs![
                "reference" => c.reference.clone().unwrap_or_default(),
                "clerk" => c.clerk.clone().unwrap_or_default(),
            ],
        );
        // The call's fee, once the clerk has set one.
        if let Some(p) = engine.store().payment_of_entry(&c.id).await? {
            line.push(' ');
            line.push_str(&i18n.msg(
                lang,
                "desk-today-payment",
                &fargs!["state" => i18n.text(lang, &format!("payment-state-{}", p.state.as_str()))],
            ));
        }
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

pub async fn run(engine: Arc<Engine>, config: &Config, clerk: &str, lang: Lang) -> Result<bool> {
    let i18n = engine.i18n();
    if !clerks::is_clerk(config, clerk) {
        print(&i18n.msg(lang, "desk-not-clerk", &fargs!["clerk" => clerk.to_owned()]))?;
        return Ok(false);
    }
    engine.clerk_presence(clerk, true).await?;
    print(&i18n.msg(lang, "desk-welcome", &fargs!["clerk" => clerk.to_owned()]))?;
    let provider = crate::payments::provider(config.payment.as_ref());

    // Presence, leases and timers keep going while the clerk reads or talks.
    let background = {
        let engine = engine.clone();
        let clerk = clerk.to_owned();
        tokio::spawn(async move {
            let every = engine
                .heartbeat()
                .to_std()
                .unwrap_or(std::time::Duration::from_secs(30));
            let mut beat = tokio::time::interval(every);
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
            loop {
                tokio::select! {
                    _ = beat.tick() => {
                        if let Err(e) = engine.clerk_heartbeat(&clerk).await {
                            tracing::warn!(target: "desk", error = %e, "heartbeat failed");
                        }
                    }
                    _ = tick.tick() => {
                        if let Err(e) = engine.run_timers().await {
                            tracing::warn!(target: "desk", error = %e, "timers failed");
                        }
                    }
                }
            }
        })
    };
    // The morning agenda, when no Matrix desk room receives it.
    let agenda = config.matrix_homeserver.is_none().then(|| {
        tokio::spawn(outbox::run(
            Arc::new(TerminalDesk {
                engine: engine.clone(),
                lang,
            }),
            engine.clone(),
            Arc::new(tokio::sync::Notify::new()),
        ))
    });

    let mut lines = BufReader::new(tokio::io::stdin());
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if lines.read_until(b'\n', &mut buf).await? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&buf);
        let Some(command) = Command::parse(&line) else {
            continue;
        };
        let video = clerks::video_link(config);
        let answer = match execute(
            &engine,
            clerk,
            lang,
            command,
            video.as_deref(),
            Readers::ClerksOnly,
            provider.as_deref(),
        )
        .await
        {
            Ok(a) => a.text,
            Err(e) => {
                tracing::error!(target: "desk", error = %e, "desk command failed");
                i18n.text(lang, "error-temporary")
            }
        };
        print(&answer)?;
    }
    background.abort();
    if let Some(agenda) = agenda {
        agenda.abort();
    }
    // A desk that closes is no longer on duty.
    engine.clerk_presence(clerk, false).await?;
    Ok(true)
}

fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}\n")?;
    out.flush()?;
    Ok(())
}

/// The terminal desk as the channel of the desk's messages (the morning agenda), shown in
/// the desk's language.
struct TerminalDesk {
    engine: Arc<Engine>,
    lang: Lang,
}

impl Channel for TerminalDesk {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Desk]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: false,
            url_buttons: false,
            edit_in_place: false,
            max_text: usize::MAX,
            max_option_id: 0,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let date = d
            .slot
            .as_deref()
            .and_then(|s| s.rsplit(':').next())
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let text = match date {
            Some(date) if d.kind == "agenda" => self
                .engine
                .agenda_text(self.lang, date, true)
                .await
                .map_err(SendError::internal)?,
            _ => self.capabilities().text_of(&d.message),
        };
        print(&text).map_err(SendError::internal)?;
        Ok(Sent::default())
    }
}

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn commands_parse_with_or_without_bang() {
        assert_eq!(Command::parse("!next"), Some(Command::Next));
        assert_eq!(Command::parse("NEXT"), Some(Command::Next));
        assert_eq!(
            Command::parse("take 7kq2-m9xd"),
            Some(Command::Take("7kq2-m9xd".into()))
        );
        assert_eq!(Command::parse("take"), Some(Command::Unknown));
        assert_eq!(
            Command::parse("done  all good "),
            Some(Command::Done(Some("all good".into())))
        );
        assert_eq!(Command::parse("done"), Some(Command::Done(None)));
        assert_eq!(Command::parse("   "), None);
        assert_eq!(Command::parse("dance"), Some(Command::Unknown));
        assert_eq!(
            Command::parse("!say Camera"),
            Some(Command::Say("camera".into()))
        );
    }
}
