//! Payment requests: one per call, a draft while the call runs, open once sent, paid exactly
//! once (the paid state, the receipt and the desk's line are written in one transaction, so a
//! process killed in between still sends the receipt, once).

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::notifications::{NOTIFY_UPDATE, notify_with};
use super::{PaymentRepo, Result, StoreError, from_ts, ts};
use crate::channel::{ChannelKind, ConversationId};
use crate::notice::NoticeKind;

/// The conversation the desk's payment lines go to (the clerks' room).
pub const PAYMENTS_CONVERSATION: &str = "desk:payments";

/// [`PAYMENTS_CONVERSATION`] as a conversation id.
pub fn payments_conversation() -> ConversationId {
    ConversationId::new(ChannelKind::Desk, "payments")
}

pub use crate::message::Item;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentState {
    Draft,
    Open,
    Paid,
    Refunded,
    Cancelled,
}

impl PaymentState {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentState::Draft => "draft",
            PaymentState::Open => "open",
            PaymentState::Paid => "paid",
            PaymentState::Refunded => "refunded",
            PaymentState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            PaymentState::Draft,
            PaymentState::Open,
            PaymentState::Paid,
            PaymentState::Refunded,
            PaymentState::Cancelled,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: String,
    pub reference: String,
    pub entry_id: String,
    /// The citizen's conversation; `None` once the row is anonymised (the retention rules,
    /// `/forget`).
    pub conversation_id: Option<ConversationId>,
    pub visit_reference: Option<String>,
    pub service: Option<String>,
    pub lang: String,
    pub items: Vec<Item>,
    pub amount_cents: i64,
    pub currency: String,
    pub state: PaymentState,
    pub provider: Option<String>,
    pub checkout_id: Option<String>,
    pub checkout_url: Option<String>,
    pub checkout_expires_at: Option<DateTime<Utc>>,
    pub provider_charge_id: Option<String>,
    pub telegram_charge_id: Option<String>,
    pub refunded_cents: i64,
    pub clerk: Option<String>,
    pub created_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
}

/// A new payment request.
#[derive(Debug, Clone)]
pub struct NewPayment<'a> {
    pub entry_id: &'a str,
    pub conversation_id: &'a ConversationId,
    pub visit_reference: Option<&'a str>,
    pub service: Option<&'a str>,
    pub lang: &'a str,
    pub items: &'a [Item],
    pub currency: &'a str,
    pub clerk: &'a str,
}

/// What became of a payment confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// Paid now; the receipt and the desk's line are queued.
    Paid(Box<Payment>),
    /// This event or charge was recorded before.
    Again,
    /// No such payment, or it is not open (paid by another way, cancelled).
    NotOpen,
}

macro_rules! select_payments {
    ($rest:literal) => {
        concat!(
            "SELECT id, reference, entry_id, conversation_id, visit_reference, service, lang, \
             items, amount_cents, currency, state, provider, checkout_id, checkout_url, \
             checkout_expires_at, provider_charge_id, telegram_charge_id, refunded_cents, clerk, \
             created_at, paid_at FROM payments ",
            $rest
        )
    };
}

fn payment(r: &AnyRow) -> Result<Payment> {
    let items: String = r.try_get("items")?;
    let state: String = r.try_get("state")?;
    let opt_ts = |name: &str| -> Result<Option<DateTime<Utc>>> {
        r.try_get::<Option<i64>, _>(name)?.map(from_ts).transpose()
    };
    Ok(Payment {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        entry_id: r.try_get("entry_id")?,
        conversation_id: super::citizen(r.try_get("conversation_id")?)?,
        visit_reference: r.try_get("visit_reference")?,
        service: r.try_get("service")?,
        lang: r.try_get("lang")?,
        items: serde_json::from_str(&items)
            .map_err(|e| StoreError::Corrupt(format!("payment items: {e}")))?,
        amount_cents: r.try_get("amount_cents")?,
        currency: r.try_get("currency")?,
        state: PaymentState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("payment state {state}")))?,
        provider: r.try_get("provider")?,
        checkout_id: r.try_get("checkout_id")?,
        checkout_url: r.try_get("checkout_url")?,
        checkout_expires_at: opt_ts("checkout_expires_at")?,
        provider_charge_id: r.try_get("provider_charge_id")?,
        telegram_charge_id: r.try_get("telegram_charge_id")?,
        refunded_cents: r.try_get("refunded_cents")?,
        clerk: r.try_get("clerk")?,
        created_at: from_ts(r.try_get("created_at")?)?,
        paid_at: opt_ts("paid_at")?,
    })
}

fn total(items: &[Item]) -> i64 {
    items.iter().map(|i| i.cents).sum()
}

impl PaymentRepo<'_> {
    /// Creates the request of a call (a draft), or returns the one it has.
    pub async fn payment_for_entry(
        &self,
        new: &NewPayment<'_>,
        now: DateTime<Utc>,
    ) -> Result<Payment> {
        if let Some(p) = self.payment_of_entry(new.entry_id).await? {
            return Ok(p);
        }
        let items = serde_json::to_string(new.items).expect("items serialize");
        let inserted = sqlx::query(
            "INSERT INTO payments (id, reference, entry_id, conversation_id, visit_reference, \
             service, lang, items, amount_cents, currency, state, clerk, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12, $12) \
             ON CONFLICT (entry_id) DO NOTHING",
        )
        .bind(crate::reference::secret_token())
        .bind(crate::reference::new_reference())
        .bind(new.entry_id)
        .bind(new.conversation_id)
        .bind(new.visit_reference)
        .bind(new.service)
        .bind(new.lang)
        .bind(&items)
        .bind(total(new.items))
        .bind(new.currency)
        .bind(new.clerk)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await;
        match inserted {
            Ok(_) => {}
            // A reference taken already (one in 2^40): the caller tries again.
            Err(e) if super::is_retryable(&e) => {}
            Err(e) => return Err(e.into()),
        }
        self.payment_of_entry(new.entry_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("payment vanished".into()))
    }

    pub async fn payment_of_entry(self, entry_id: &str) -> Result<Option<Payment>> {
        sqlx::query(select_payments!("WHERE entry_id = $1"))
            .bind(entry_id)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| payment(&r))
            .transpose()
    }

    pub async fn payment(self, id: &str) -> Result<Option<Payment>> {
        sqlx::query(select_payments!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| payment(&r))
            .transpose()
    }

    /// A payment by its own reference or, newest first, by the visit's reference.
    pub async fn payment_by_reference(self, reference: &str) -> Result<Option<Payment>> {
        sqlx::query(select_payments!(
            "WHERE reference = $1 OR visit_reference = $1 \
             ORDER BY CASE WHEN reference = $1 THEN 0 ELSE 1 END, created_at DESC LIMIT 1"
        ))
        .bind(reference)
        .fetch_optional(&self.0.pool)
        .await?
        .map(|r| payment(&r))
        .transpose()
    }

    /// Every request of a conversation.
    pub async fn payments_of(self, conversation_id: &ConversationId) -> Result<Vec<Payment>> {
        sqlx::query(select_payments!(
            "WHERE conversation_id = $1 ORDER BY created_at"
        ))
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(payment)
        .collect()
    }

    /// A conversation's requests that wait for payment.
    pub async fn open_payments(self, conversation_id: &ConversationId) -> Result<Vec<Payment>> {
        sqlx::query(select_payments!(
            "WHERE conversation_id = $1 AND state = 'open' ORDER BY created_at"
        ))
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(payment)
        .collect()
    }

    /// Payments created in `[from, to)`, optionally in one state, oldest first.
    pub async fn payments_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        state: Option<PaymentState>,
    ) -> Result<Vec<Payment>> {
        let rows =
            match state {
                Some(state) => sqlx::query(select_payments!(
                    "WHERE created_at >= $1 AND created_at < $2 AND state = $3 ORDER BY created_at"
                ))
                .bind(ts(from))
                .bind(ts(to))
                .bind(state.as_str())
                .fetch_all(&self.0.pool)
                .await?,
                None => {
                    sqlx::query(select_payments!(
                        "WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at"
                    ))
                    .bind(ts(from))
                    .bind(ts(to))
                    .fetch_all(&self.0.pool)
                    .await?
                }
            };
        rows.iter().map(payment).collect()
    }

    /// Replaces the items of a request that is not paid yet; `false` if it is paid.
    pub async fn set_payment_items(
        &self,
        id: &str,
        items: &[Item],
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let json = serde_json::to_string(items).expect("items serialize");
        let done = sqlx::query(
            "UPDATE payments SET items = $2, amount_cents = $3, updated_at = $4, \
             checkout_id = NULL, checkout_url = NULL, checkout_expires_at = NULL \
             WHERE id = $1 AND state IN ('draft', 'open')",
        )
        .bind(id)
        .bind(&json)
        .bind(total(items))
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Sends a request: it becomes open and its message (`slot`) is queued, in one step.
    pub async fn open_payment(
        &self,
        id: &str,
        conversation_id: &ConversationId,
        slot: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.0.begin_write().await?;
        let opened = sqlx::query(
            "UPDATE payments SET state = 'open', updated_at = $2 \
             WHERE id = $1 AND state IN ('draft', 'open')",
        )
        .bind(id)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if opened {
            notify_with(
                &mut *tx,
                NOTIFY_UPDATE,
                [
                    conversation_id.as_str(),
                    slot,
                    NoticeKind::Payment.as_str(),
                    body,
                ],
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(opened)
    }

    /// Remembers the hosted checkout of an open request.
    pub async fn set_checkout(
        &self,
        id: &str,
        provider: &str,
        checkout_id: &str,
        url: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE payments SET provider = $2, checkout_id = $3, checkout_url = $4, \
             checkout_expires_at = $5 WHERE id = $1",
        )
        .bind(id)
        .bind(provider)
        .bind(checkout_id)
        .bind(url)
        .bind(ts(expires_at))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// Forgets an expired checkout's link: the next request for the payment makes a fresh
    /// one (its expiry stays, and makes the new checkout's idempotency key differ).
    pub async fn clear_checkout(self, id: &str) -> Result<()> {
        sqlx::query("UPDATE payments SET checkout_url = NULL WHERE id = $1")
            .bind(id)
            .execute(&self.0.pool)
            .await?;
        Ok(())
    }

    /// Records a payment once: `event` is the provider's id of what happened (a webhook event
    /// id, a Telegram charge id). Marks the request paid and queues the receipt for the citizen
    /// and the line for the desk, all in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_payment(
        &self,
        id: &str,
        event: &str,
        provider: &str,
        provider_charge_id: Option<&str>,
        telegram_charge_id: Option<&str>,
        receipt: &(dyn Fn(&Payment) -> (String, String) + Sync),
        now: DateTime<Utc>,
    ) -> Result<Recorded> {
        let mut tx = self.0.begin_write().await?;
        let new_event = sqlx::query(
            "INSERT INTO payment_events (id, payment_id, kind, received_at) \
             VALUES ($1, $2, 'paid', $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(event)
        .bind(id)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !new_event {
            return Ok(Recorded::Again);
        }
        let paid = sqlx::query(
            "UPDATE payments SET state = 'paid', provider = $2, provider_charge_id = $3, \
             telegram_charge_id = $4, paid_at = $5, updated_at = $5 \
             WHERE id = $1 AND state = 'open'",
        )
        .bind(id)
        .bind(provider)
        .bind(provider_charge_id)
        .bind(telegram_charge_id)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !paid {
            tx.commit().await?;
            return Ok(Recorded::NotOpen);
        }
        let p = sqlx::query(select_payments!("WHERE id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let p = payment(&p)?;
        let (receipt_text, desk) = receipt(&p);
        // An anonymised payment (its citizen forgotten) gets no receipt; the desk is told.
        if let Some(citizen) = &p.conversation_id {
            notify_with(
                &mut *tx,
                NOTIFY_UPDATE,
                [
                    citizen.as_str(),
                    &format!("receipt:{}", p.id),
                    NoticeKind::Receipt.as_str(),
                    &receipt_text,
                ],
                now,
            )
            .await?;
        }
        notify_with(
            &mut *tx,
            NOTIFY_UPDATE,
            [
                PAYMENTS_CONVERSATION,
                &format!("paid:{}", p.id),
                NoticeKind::Paid.as_str(),
                &desk,
            ],
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Recorded::Paid(Box::new(p)))
    }

    /// `(state, count, cents)` of all requests, for `/metrics`.
    pub async fn payment_totals(self) -> Result<Vec<(String, i64, i64)>> {
        sqlx::query(
            // PostgreSQL sums BIGINTs as NUMERIC, which the Any driver cannot read.
            "SELECT state, COUNT(*) AS n, CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS cents \
             FROM payments GROUP BY state ORDER BY state",
        )
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("state")?, r.try_get("n")?, r.try_get("cents")?)))
        .collect()
    }

    /// Records a refund of `cents`; the request is refunded once nothing is left.
    pub async fn record_refund(self, id: &str, cents: i64, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE payments SET refunded_cents = refunded_cents + $2, updated_at = $3, \
             state = CASE WHEN refunded_cents + $2 >= amount_cents THEN 'refunded' ELSE state END \
             WHERE id = $1",
        )
        .bind(id)
        .bind(cents)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }
}
