//! E-mail addresses web citizens gave for one booking (`web_mail`), and the hashed secrets of
//! the links in their mails (`web_keys`). The mails themselves are outbox rows of the
//! conversation `mail:<id>`; see `crate::mail`.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{MailRepo, Result, StoreError, from_ts, ts};
use crate::channel::{ChannelKind, ConversationId};

/// Where an address stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailState {
    /// Given, its confirmation link not opened yet: nothing but that link is sent to it.
    Pending,
    /// Confirmed by the link: the booking's mails go to it.
    Confirmed,
    /// The relay refused it for good: nothing more is sent to it.
    Bounced,
}

impl MailState {
    pub fn as_str(self) -> &'static str {
        match self {
            MailState::Pending => "pending",
            MailState::Confirmed => "confirmed",
            MailState::Bounced => "bounced",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "pending" => Ok(MailState::Pending),
            "confirmed" => Ok(MailState::Confirmed),
            "bounced" => Ok(MailState::Bounced),
            other => Err(StoreError::Corrupt(format!("mail state {other}"))),
        }
    }
}

/// What a link's secret opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPurpose {
    /// Confirms the address (double opt-in).
    Confirm,
    /// Stops the mails to the address.
    Stop,
    /// Opens the web conversation in the browser the mail is read in.
    Back,
}

impl KeyPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyPurpose::Confirm => "confirm",
            KeyPurpose::Stop => "stop",
            KeyPurpose::Back => "back",
        }
    }
}

/// One address for one booking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAddress {
    pub id: String,
    pub conversation_id: ConversationId,
    pub booking_id: String,
    pub address: String,
    /// The language of its mails (the citizen's when they gave it).
    pub lang: String,
    pub state: MailState,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
}

impl MailAddress {
    /// The conversation its mails are queued for: `mail:<id>`.
    pub fn outbox(&self) -> ConversationId {
        ConversationId::new(ChannelKind::Mail, &self.id)
    }
}

fn mail_address(r: &sqlx::any::AnyRow) -> Result<MailAddress> {
    let conversation: String = r.try_get("conversation_id")?;
    Ok(MailAddress {
        id: r.try_get("id")?,
        conversation_id: ConversationId::parse(&conversation)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?,
        booking_id: r.try_get("booking_id")?,
        address: r.try_get("address")?,
        lang: r.try_get("lang")?,
        state: MailState::parse(&r.try_get::<String, _>("state")?)?,
        created_at: from_ts(r.try_get("created_at")?)?,
        confirmed_at: r
            .try_get::<Option<i64>, _>("confirmed_at")?
            .map(from_ts)
            .transpose()?,
    })
}

/// A `SELECT` of whole rows, with the rest of the statement.
macro_rules! select_mail {
    ($rest:literal) => {
        concat!(
            "SELECT id, conversation_id, booking_id, address, lang, state, created_at, \
             confirmed_at FROM web_mail ",
            $rest
        )
    };
}

/// A new address, as the citizen gave it.
#[derive(Debug, Clone, Copy)]
pub struct NewMail<'a> {
    pub conversation_id: &'a ConversationId,
    pub booking_id: &'a str,
    pub address: &'a str,
    pub lang: &'a str,
}

impl MailRepo<'_> {
    /// Adds an address for a booking, pending; the same address given again for the same
    /// booking is the row written before (its state unchanged). `(row, new)`.
    pub async fn add(self, new: NewMail<'_>, now: DateTime<Utc>) -> Result<(MailAddress, bool)> {
        let written = sqlx::query(
            "INSERT INTO web_mail (id, conversation_id, booking_id, address, lang, state, \
             created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6) \
             ON CONFLICT (booking_id, address) DO NOTHING",
        )
        .bind(crate::reference::secret_token())
        .bind(new.conversation_id)
        .bind(new.booking_id)
        .bind(new.address)
        .bind(new.lang)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query(select_mail!("WHERE booking_id = $1 AND address = $2"))
            .bind(new.booking_id)
            .bind(new.address)
            .fetch_one(&self.0.pool)
            .await?;
        Ok((mail_address(&row)?, written))
    }

    /// One address by its id.
    pub async fn get(self, id: &str) -> Result<Option<MailAddress>> {
        sqlx::query(select_mail!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.0.pool)
            .await?
            .as_ref()
            .map(mail_address)
            .transpose()
    }

    /// The addresses a web conversation gave, oldest first.
    pub async fn of_conversation(
        self,
        conversation_id: &ConversationId,
    ) -> Result<Vec<MailAddress>> {
        sqlx::query(select_mail!(
            "WHERE conversation_id = $1 ORDER BY created_at, id"
        ))
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(mail_address)
        .collect()
    }

    /// Confirms a pending address; `false` if it was not pending (confirmed already, bounced).
    pub async fn confirm(self, id: &str, now: DateTime<Utc>) -> Result<bool> {
        Ok(sqlx::query(
            "UPDATE web_mail SET state = 'confirmed', confirmed_at = $2 \
             WHERE id = $1 AND state = 'pending'",
        )
        .bind(id)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Marks an address refused for good by the relay; its queued mails are dropped.
    pub async fn bounced(self, id: &str) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        sqlx::query("UPDATE web_mail SET state = 'bounced' WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM notifications WHERE conversation_id = $1 \
             AND delivered_version < version",
        )
        .bind(format!("mail:{id}"))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes an address, its queued mails and the keys of its confirm and stop links.
    pub async fn remove(self, id: &str) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        sqlx::query("DELETE FROM notifications WHERE conversation_id = $1")
            .bind(format!("mail:{id}"))
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM web_keys WHERE mail_id = $1 AND purpose <> 'back'")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM web_mail WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps the hash of a link's secret until `expires_at`.
    pub async fn add_key(
        self,
        hash: &str,
        purpose: KeyPurpose,
        mail: &MailAddress,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_keys (hash, purpose, mail_id, conversation_id, expires_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING",
        )
        .bind(hash)
        .bind(purpose.as_str())
        .bind(&mail.id)
        .bind(&mail.conversation_id)
        .bind(ts(expires_at))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// What a link's secret (by its hash) opens, if it is one for `purpose` and has not
    /// expired at `now`: the mail row's id and the web conversation.
    pub async fn key(
        self,
        hash: &str,
        purpose: KeyPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<(String, ConversationId)>> {
        let row = sqlx::query(
            "SELECT mail_id, conversation_id FROM web_keys \
             WHERE hash = $1 AND purpose = $2 AND expires_at > $3",
        )
        .bind(hash)
        .bind(purpose.as_str())
        .bind(ts(now))
        .fetch_optional(&self.0.pool)
        .await?;
        row.map(|r| -> Result<_> {
            let conversation: String = r.try_get("conversation_id")?;
            Ok((
                r.try_get("mail_id")?,
                ConversationId::parse(&conversation)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            ))
        })
        .transpose()
    }
}
