//! E-mail for web citizens: an address given (never required) for one booking, confirmed by
//! a link before anything else is sent to it (double opt-in), then used only for that
//! booking's confirmation with its calendar file, its reminders, the check-in prompt and, at
//! call time, a link back into the chat — never the video link itself, never a citizen's
//! words. Each mail is an outbox row of the conversation `mail:<address id>`, delivered by the
//! mail channel like any other message: a relay that is down delays it, never loses it.
//!
//! The secrets of the links in a mail (confirm, stop, back into the chat) are made when the
//! mail is written, and only their hashes kept: a database dump opens nothing.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use crate::calendar::{Calendar, Method};
use crate::channel::ConversationId;
use crate::error::EngineError;
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::message::Attachment;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::reference::secret_token;
use crate::store::{BookingStatus, KeyPurpose, MailAddress, MailState, NewMail, Store};

pub use crate::store::MailAddress as Address;

/// The longest address taken (RFC 5321's limit of a path).
pub const MAX_ADDRESS: usize = 254;

/// How long a confirmation link works.
const CONFIRM_FOR: Duration = Duration::days(1);

/// How long after the appointment's end the links of its mails still work.
const LINKS_AFTER: Duration = Duration::days(1);

/// What became of an address a citizen gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offered {
    /// A confirmation link is on its way (or went out a moment ago) to it.
    Sent,
    /// It is confirmed for the booking already.
    Confirmed,
    /// The relay refused it for good earlier.
    Bounced,
    /// The citizen has no appointment to come for it to serve.
    NoBooking,
    /// Not an e-mail address.
    Invalid,
}

/// One mail as the mail channel sends it: every word in the citizen's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub to: String,
    pub lang: Lang,
    pub subject: String,
    /// Paragraphs of plain text.
    pub paragraphs: Vec<String>,
    /// The one thing to do: a button's label and its link.
    pub action: (String, String),
    /// Why the citizen gets the mail, and how to stop it (the text, then the link).
    pub footer: String,
    pub stop_label: String,
    pub stop_url: String,
    pub attachment: Option<Attachment>,
}

/// The kinds of web messages a confirmed address gets a mail for: a new calendar file (the
/// appointment was moved: its confirmation again, with the new file), the reminders, the
/// check-in prompt and the call. (The first confirmation goes when the address is confirmed.)
pub fn follows(kind: NoticeKind) -> bool {
    matches!(
        kind,
        NoticeKind::CalendarFile
            | NoticeKind::RemindDay
            | NoticeKind::RemindSoon
            | NoticeKind::CheckInOpen
            | NoticeKind::Called
    )
}

/// The body of a mail's outbox row: empty, for the mail is written when it goes (from the
/// booking as it is then, with fresh link secrets), never from a citizen's words.
fn placeholder() -> String {
    crate::message::Message::default().to_json()
}

/// The hash kept of a link's secret.
pub fn key_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(format!("schalter-mail:{secret}").as_bytes()))
}

/// Whether `s` is an address worth a confirmation mail: one `@`, a dotted domain, nothing a
/// mail header could be fooled by. The relay has the last word (a refusal there is a bounce).
pub fn well_formed(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    s.len() <= MAX_ADDRESS
        && !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"\"(),:;<>[\\]".contains(c))
}

/// Hides most of an address for the chat's answer: `a•••@example.org`.
pub fn masked(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

/// E-mail for web citizens (see the module).
#[derive(Clone)]
pub struct Mailing {
    office: Office,
    store: Store,
    calendar: Calendar,
}

impl Mailing {
    pub(crate) fn new(office: Office, store: Store, calendar: Calendar) -> Self {
        Self {
            office,
            store,
            calendar,
        }
    }

    /// A web citizen gives `address` for their next appointment: kept pending, and a
    /// confirmation link sent to it (at most one every ten minutes per address).
    pub async fn offer(
        &self,
        conversation: &ConversationId,
        address: &str,
        lang: Lang,
    ) -> Result<Offered, EngineError> {
        let address = address.trim().to_lowercase();
        if !well_formed(&address) {
            return Ok(Offered::Invalid);
        }
        let now = self.office.now();
        let Some(booking) = self
            .store
            .bookings()
            .bookings_of(conversation)
            .await?
            .into_iter()
            .find(|b| b.status == BookingStatus::Confirmed && b.ends_at > now)
        else {
            return Ok(Offered::NoBooking);
        };
        let (mail, _) = self
            .store
            .mail()
            .add(
                NewMail {
                    conversation_id: conversation,
                    booking_id: &booking.id,
                    address: &address,
                    lang: lang.code(),
                },
                now,
            )
            .await?;
        match mail.state {
            MailState::Confirmed => Ok(Offered::Confirmed),
            MailState::Bounced => Ok(Offered::Bounced),
            MailState::Pending => {
                self.store
                    .outbox()
                    .notify_once(
                        &mail.outbox(),
                        &format!("confirm:{}", now.timestamp() / 600),
                        NoticeKind::MailConfirm,
                        &placeholder(),
                        now,
                    )
                    .await?;
                Ok(Offered::Sent)
            }
        }
    }

    /// Confirms the address a confirmation link's `secret` stands for, and queues the
    /// booking's confirmation with its calendar file. The address, or `None` for a link
    /// that is unknown, expired or used.
    pub async fn confirm(&self, secret: &str) -> Result<Option<MailAddress>, EngineError> {
        let now = self.office.now();
        let Some((id, _)) = self
            .store
            .mail()
            .key(&key_hash(secret), KeyPurpose::Confirm, now)
            .await?
        else {
            return Ok(None);
        };
        let Some(mail) = self.store.mail().get(&id).await? else {
            return Ok(None);
        };
        if self.store.mail().confirm(&id, now).await?
            && let Some(slot) = self.calendar_slot(&mail).await?
        {
            self.store
                .outbox()
                .notify_once(
                    &mail.outbox(),
                    &slot,
                    NoticeKind::CalendarFile,
                    &placeholder(),
                    now,
                )
                .await?;
        }
        Ok(Some(mail))
    }

    /// Stops the mails to the address a stop link's `secret` stands for (it is deleted,
    /// with its queued mails). `false` for a link that is unknown or expired.
    pub async fn stop(&self, secret: &str) -> Result<bool, EngineError> {
        let now = self.office.now();
        match self
            .store
            .mail()
            .key(&key_hash(secret), KeyPurpose::Stop, now)
            .await?
        {
            Some((id, _)) => {
                self.store.mail().remove(&id).await?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The web conversation a link back into the chat stands for (it then serves as the
    /// session key of the browser that opened it), if it has not expired.
    pub async fn back(&self, secret: &str) -> Result<Option<ConversationId>, EngineError> {
        let now = self.office.now();
        Ok(self
            .store
            .mail()
            .key(&key_hash(secret), KeyPurpose::Back, now)
            .await?
            .map(|(_, conversation)| conversation))
    }

    /// The mails that follow a message of `kind` just shown to a web citizen (the web
    /// channel calls this on delivery; `source` names the delivery, so that a repeat queues
    /// nothing twice): one to each confirmed address of a booking still to come.
    pub async fn follow(
        &self,
        conversation: &ConversationId,
        kind: NoticeKind,
        source: &str,
    ) -> Result<(), EngineError> {
        if !follows(kind) {
            return Ok(());
        }
        let now = self.office.now();
        for mail in self.store.mail().of_conversation(conversation).await? {
            if mail.state != MailState::Confirmed {
                continue;
            }
            // A booking's confirmation goes once per time it is at (the one sent when the
            // address was confirmed included); a cancellation's file is no mail.
            let slot = match kind {
                NoticeKind::CalendarFile => match self.calendar_slot(&mail).await? {
                    Some(slot) => slot,
                    None => continue,
                },
                _ => format!("{kind}:{source}"),
            };
            self.store
                .outbox()
                .notify_once(&mail.outbox(), &slot, kind, &placeholder(), now)
                .await?;
        }
        Ok(())
    }

    /// The outbox slot of the mail that confirms `mail`'s booking at the time it is at now;
    /// `None` if it is no longer a confirmed booking.
    async fn calendar_slot(&self, mail: &MailAddress) -> Result<Option<String>, EngineError> {
        Ok(self
            .store
            .bookings()
            .booking(&mail.booking_id)
            .await?
            .filter(|b| b.status == BookingStatus::Confirmed)
            .map(|b| format!("calendar:{}:{}", b.id, b.starts_at.timestamp())))
    }

    /// Addresses a web conversation gave (for `/mydata` and the page).
    pub async fn addresses(
        &self,
        conversation: &ConversationId,
    ) -> Result<Vec<MailAddress>, EngineError> {
        Ok(self.store.mail().of_conversation(conversation).await?)
    }

    /// The relay refused an address for good: nothing more goes to it.
    pub async fn bounced(&self, mail_id: &str) -> Result<(), EngineError> {
        Ok(self.store.mail().bounced(mail_id).await?)
    }

    /// The mail of `kind` to the address `mail_id`, with fresh link secrets (their hashes
    /// kept), the chat reached at `base` (`https://host`). `None` if there is nothing to send
    /// any more: the address is gone, stopped or bounced, not (or no longer) in the state
    /// the mail is for, or its booking is over.
    pub async fn letter(
        &self,
        mail_id: &str,
        kind: NoticeKind,
        base: &str,
    ) -> Result<Option<Letter>, EngineError> {
        let Some(mail) = self.store.mail().get(mail_id).await? else {
            return Ok(None);
        };
        let wanted = if kind == NoticeKind::MailConfirm {
            MailState::Pending
        } else {
            MailState::Confirmed
        };
        let now = self.office.now();
        let booking = match self.store.bookings().booking(&mail.booking_id).await? {
            Some(b) if mail.state == wanted && b.status == BookingStatus::Confirmed => b,
            _ => return Ok(None),
        };
        if booking.ends_at <= now || !(kind == NoticeKind::MailConfirm || follows(kind)) {
            return Ok(None);
        }
        let lang = Lang::from_tag(&mail.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let tz = self.office.tz();
        let service = self.office.service_name(lang, &booking.service);
        let args = fargs![
            "service" => service,
            "date" => format::date(i18n, lang, booking.starts_at.with_timezone(&tz).date_naive()),
            "time" => format::time(i18n, lang, booking.starts_at, tz),
            "reference" => booking.reference.clone(),
            "minutes" => self.office.catalog().office.check_in_before_minutes,
        ];
        let base = base.trim_end_matches('/');
        let links_until = booking.ends_at + LINKS_AFTER;
        let stop = self
            .link(
                &mail,
                KeyPurpose::Stop,
                links_until,
                base,
                "/chat/mail/stop",
            )
            .await?;
        let (name, action, attachment) = match kind {
            NoticeKind::MailConfirm => {
                let confirm = self
                    .link(
                        &mail,
                        KeyPurpose::Confirm,
                        now + CONFIRM_FOR,
                        base,
                        "/chat/mail/confirm",
                    )
                    .await?;
                ("confirm", confirm, None)
            }
            _ => {
                let back = self
                    .link(&mail, KeyPurpose::Back, links_until, base, "/chat/back")
                    .await?;
                let (name, attachment) = match kind {
                    NoticeKind::CalendarFile => (
                        "booked",
                        self.calendar
                            .file(lang, &booking, Method::Request, now)
                            .attachment,
                    ),
                    NoticeKind::RemindDay | NoticeKind::RemindSoon => ("remind", None),
                    NoticeKind::CheckInOpen => ("checkin", None),
                    _ => ("called", None),
                };
                (name, back, attachment)
            }
        };
        let text = |id: &str| i18n.msg(lang, &format!("mail-{name}-{id}"), &args);
        Ok(Some(Letter {
            to: mail.address.clone(),
            lang,
            subject: text("subject"),
            paragraphs: text("body")
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
            action: (text("action"), action),
            footer: i18n.msg(lang, "mail-footer", &args),
            stop_label: i18n.text(lang, "mail-stop"),
            stop_url: stop,
            attachment,
        }))
    }

    /// A new link of `purpose` for `mail`, working until `until`: its hash is kept, the
    /// secret only in the link.
    async fn link(
        &self,
        mail: &MailAddress,
        purpose: KeyPurpose,
        until: DateTime<Utc>,
        base: &str,
        path: &str,
    ) -> Result<String, EngineError> {
        let secret = secret_token();
        self.store
            .mail()
            .add_key(&key_hash(&secret), purpose, mail, until)
            .await?;
        Ok(format!("{base}{path}?k={secret}"))
    }
}

#[cfg(test)]
mod tests {
    use super::{masked, well_formed};

    #[test]
    fn addresses_are_taken_only_when_a_relay_could_deliver_them() {
        for good in [
            "a@example.org",
            "anna.m+termin@rathaus.heidelberg.de",
            "ü@bü.de",
        ] {
            assert!(well_formed(good), "{good}");
        }
        for bad in [
            "",
            "anna",
            "@example.org",
            "anna@",
            "anna@localhost",
            "anna@example..org",
            "an na@example.org",
            "anna@example.org\r\nBcc: x@y.z",
            "<anna@example.org>",
            "anna@exa mple.org",
            &format!("{}@example.org", "a".repeat(65)),
        ] {
            assert!(!well_formed(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_masked_address_shows_its_domain_only() {
        assert_eq!(masked("anna@example.org"), "a•••@example.org");
    }
}
