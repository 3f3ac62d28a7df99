//! The mail channel: the outbox rows of `mail:<address id>` (see `schalter_core::mail`) go
//! out through the city's SMTP relay (`SCHALTER_SMTP_URL`), each as plain text and HTML in the
//! citizen's language, with `List-Unsubscribe` (one click, RFC 8058) and the calendar file of
//! the booking's confirmation attached.
//!
//! What the relay says decides what the outbox does: a connection that fails or a 4xx
//! answer is tried again with the outbox's back-off (a relay down for an hour delays the
//! mails, loses none); a 5xx answer to the address is a hard bounce: the address is marked
//! so and nothing more goes to it. Bounces the relay accepts first and reports later by mail
//! (DSNs) need a mailbox this server does not read: the city's relay keeps them.

use std::sync::{Arc, LazyLock};

use anyhow::{Context, Result};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use minijinja::{Environment, context};
use schalter_core::mail::Letter;
use schalter_core::{Capabilities, ChannelKind, Engine};

use crate::channel::outbox::{Outbox, Wake};
use crate::channel::{Channel, Delivery, FailureKind, SendError, Sent, leader};
use crate::config::MailConfig;

const LEADER: &str = "mail";

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.add_template("letter.html", include_str!("letter.html"))
        .expect("the mail template parses");
    env
});

/// The mail channel.
#[derive(Clone)]
pub struct Mail {
    engine: Arc<Engine>,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// `https://host`: where the links in mails lead.
    public_url: String,
}

impl Mail {
    pub fn new(engine: Arc<Engine>, config: &MailConfig) -> Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .context("SCHALTER_SMTP_URL is not a relay URL lettre takes (smtp:// or smtps://)")?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let from = config
            .from
            .parse::<Mailbox>()
            .with_context(|| format!("SCHALTER_MAIL_FROM `{}` is not an address", config.from))?;
        Ok(Self {
            engine,
            transport,
            from,
            public_url: config.public_url.clone(),
        })
    }

    /// The mail as the relay gets it.
    fn message(&self, letter: &Letter, message_id: String) -> Result<lettre::Message, SendError> {
        let to: Mailbox = letter
            .to
            .parse()
            .map_err(|_| SendError::unreachable("the address is not one a relay takes"))?;
        let (action_label, action_url) = &letter.action;
        let mut plain = letter.paragraphs.join("\n\n");
        plain.push_str(&format!(
            "\n\n{action_label}:\n{action_url}\n\n-- \n{}\n{}: {}\n",
            letter.footer, letter.stop_label, letter.stop_url
        ));
        let html = TEMPLATES
            .get_template("letter.html")
            .and_then(|t| {
                t.render(context! {
                    lang => letter.lang.code(),
                    dir => if letter.lang.is_rtl() { "rtl" } else { "ltr" },
                    subject => letter.subject, paragraphs => letter.paragraphs,
                    action_label => action_label, action_url => action_url,
                    footer => letter.footer, stop_label => letter.stop_label,
                    stop_url => letter.stop_url,
                })
            })
            .map_err(SendError::internal)?;
        let body = MultiPart::alternative_plain_html(plain, html);
        let body = match &letter.attachment {
            Some(file) => MultiPart::mixed().multipart(body).singlepart(
                Attachment::new(file.file_name.clone()).body(
                    file.content.clone(),
                    ContentType::parse(&format!("{}; charset=utf-8", file.mime))
                        .map_err(SendError::internal)?,
                ),
            ),
            None => MultiPart::mixed().multipart(body),
        };
        let header = |name: &'static str, value: String| {
            HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
        };
        lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(letter.subject.clone())
            .message_id(Some(message_id))
            .raw_header(header("List-Unsubscribe", format!("<{}>", letter.stop_url)))
            .raw_header(header(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".into(),
            ))
            // RFC 3834: no vacation replies to this.
            .raw_header(header("Auto-Submitted", "auto-generated".into()))
            .raw_header(header("Content-Language", letter.lang.code().into()))
            .multipart(body)
            .map_err(SendError::internal)
    }
}

impl Channel for Mail {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Mail]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: false,
            url_buttons: false,
            edit_in_place: false,
            max_text: 100_000,
            max_option_id: 64,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let id = d.to.user();
        let Some(letter) = self
            .engine
            .mail()
            .letter(id, d.kind, &self.public_url)
            .await
            .map_err(SendError::internal)?
        else {
            // Stopped, bounced, confirmed meanwhile, or its booking is over: nothing to say.
            return Ok(Sent::default());
        };
        let host = self
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or("schalter.invalid")
            .split(['/', ':'])
            .next()
            .unwrap_or("schalter.invalid")
            .to_owned();
        // The same mail tried again has the same id: a mailbox shows it once.
        let message = self.message(&letter, format!("<{}@{host}>", d.idempotency_key))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(Sent::default()),
            Err(e) if e.is_permanent() && is_bounce(&e) => {
                // A hard bounce: nothing more goes to this address. The reason is the relay's
                // code only; its text may repeat the address.
                if let Err(e) = self.engine.mail().bounced(id).await {
                    return Err(SendError::internal(e));
                }
                Err(SendError::unreachable(format!(
                    "the relay refused the address for good ({})",
                    code(&e, "5xx")
                )))
            }
            // Refused for another reason (the content, the size): this mail is given up, the
            // address stays.
            Err(e) if e.is_permanent() => Err(SendError::refused(format!(
                "the relay refused the mail ({})",
                code(&e, "5xx")
            ))),
            Err(e) if e.is_transient() => Err(SendError::new(
                FailureKind::ServerError,
                format!("the relay answered {}", code(&e, "4xx")),
            )),
            Err(e) if e.is_tls() => Err(SendError::new(
                FailureKind::Network,
                "TLS with the relay failed",
            )),
            Err(_) => Err(SendError::new(
                FailureKind::Network,
                "the relay cannot be reached",
            )),
        }
    }
}

/// Whether a permanent refusal is about the address (RFC 5321: 550 mailbox unavailable, 551
/// user not local, 553 mailbox name not allowed), not about this one mail.
fn is_bounce(e: &lettre::transport::smtp::Error) -> bool {
    e.status()
        .is_some_and(|c| matches!(c.to_string().as_str(), "550" | "551" | "553"))
}

fn code(e: &lettre::transport::smtp::Error, unknown: &str) -> String {
    e.status()
        .map_or_else(|| unknown.to_owned(), |c| c.to_string())
}

/// Delivers the mails on the replica that leads them, until the task is dropped.
pub async fn run(mail: Mail, wake: Wake) -> Result<()> {
    let engine = mail.engine.clone();
    leader::lead(&engine, LEADER, || {
        let (mail, wake) = (mail.clone(), wake.clone());
        async move {
            Outbox::new(Arc::new(mail.clone()), mail.engine.clone(), wake)
                .run()
                .await;
            Ok(())
        }
    })
    .await;
    Ok(())
}
