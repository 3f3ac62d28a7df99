//! A citizen's rights over their data: everything stored about one conversation (`/mydata`),
//! and forgetting it (`/forget`, the admin API): future bookings are cancelled (their slots
//! freed), the waiting room is left, and every row that refers to the citizen is deleted or
//! loses the reference. Anonymous statistics (service, language, day, times, rating) stay.

use crate::channel::ConversationId;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Booking, Payment, PrivacyRepo, QueueEntry, Result, ts};

/// What is stored about one conversation.
#[derive(Debug, Clone, Default)]
pub struct CitizenData {
    /// Language, and when the conversation last changed.
    pub conversation: Option<(Option<String>, DateTime<Utc>)>,
    pub bookings: Vec<Booking>,
    pub visits: Vec<QueueEntry>,
    pub payments: Vec<Payment>,
    /// Ratings and comments of the citizen's calls.
    pub feedback: Vec<(i64, Option<String>)>,
    /// Messages to the citizen still kept (pending, or delivered in the last days).
    pub messages: i64,
    /// Inputs still kept (pending, or handled in the last days; their text is gone).
    pub inputs: i64,
    /// E-mail addresses given in the web chat for a booking.
    pub mail: Vec<super::MailAddress>,
    /// Documents sent for a booking's checklist (without their bytes).
    pub documents: Vec<super::DocumentRow>,
    /// The device checks' results of the citizen's bookings.
    pub device_checks: Vec<super::DeviceCheckRow>,
}

/// What forgetting did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub bookings_cancelled: u64,
    pub left_queue: bool,
}

impl PrivacyRepo<'_> {
    /// Everything stored about `conversation_id`.
    pub async fn citizen_data(self, conversation_id: &ConversationId) -> Result<CitizenData> {
        let conversation = sqlx::query("SELECT lang, updated_at FROM conversations WHERE id = $1")
            .bind(conversation_id)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| -> Result<_> {
                Ok((
                    r.try_get::<Option<String>, _>("lang")?,
                    super::from_ts(r.try_get("updated_at")?)?,
                ))
            })
            .transpose()?;
        let bookings = self.0.bookings().bookings_of(conversation_id).await?;
        let visits = self.0.queue().entries_of(conversation_id).await?;
        let payments = self.0.payments().payments_of(conversation_id).await?;
        let feedback = sqlx::query(
            "SELECT rating, comment FROM feedback WHERE entry_id IN \
             (SELECT id FROM queue_entries WHERE conversation_id = $1) ORDER BY created_at",
        )
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("rating")?, r.try_get("comment")?)))
        .collect::<Result<Vec<_>>>()?;
        let messages: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE conversation_id = $1")
                .bind(conversation_id)
                .fetch_one(&self.0.pool)
                .await?;
        let inputs: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE conversation_id = $1")
                .bind(conversation_id)
                .fetch_one(&self.0.pool)
                .await?;
        let mail = self.0.mail().of_conversation(conversation_id).await?;
        let documents = self.0.documents().of_conversation(conversation_id).await?;
        let device_checks = self
            .0
            .device_checks()
            .of_conversation(conversation_id)
            .await?;
        Ok(CitizenData {
            device_checks,
            documents,
            mail,
            conversation,
            bookings,
            visits,
            payments,
            feedback,
            messages,
            inputs,
        })
    }

    /// Forgets a citizen in one transaction. The citizen's direct-room mapping (`dm`) stays
    /// until [`PrivacyRepo::forget_traces`], so that the farewell can still be delivered.
    pub async fn forget_citizen(
        &self,
        conversation_id: &ConversationId,
        now: DateTime<Utc>,
    ) -> Result<Forgotten> {
        let mut tx = self.0.begin_write().await?;
        // Future bookings are cancelled and their slots freed.
        let cancelled: Vec<String> = sqlx::query_scalar(
            "UPDATE bookings SET status = 'cancelled', updated_at = $2 \
             WHERE conversation_id = $1 AND status IN ('confirmed', 'held') AND ends_at > $3 \
             RETURNING id",
        )
        .bind(conversation_id)
        .bind(ts(now))
        .bind(ts(now))
        .fetch_all(&mut *tx)
        .await?;
        for id in &cancelled {
            sqlx::query("DELETE FROM desk_units WHERE booking_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        // Out of the waiting room (a call in progress ends too).
        let left = sqlx::query(
            "UPDATE queue_entries SET status = 'left', clerk = NULL, lease_until = NULL, \
             finished_at = $2 WHERE conversation_id = $1 AND status IN ('waiting', 'called')",
        )
        .bind(conversation_id)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        // The desk's own messages (the morning agenda, payment lines) name references.
        let references: Vec<String> = sqlx::query_scalar(
            "SELECT reference FROM bookings WHERE conversation_id = $1 \
             UNION SELECT reference FROM queue_entries WHERE conversation_id = $1 \
             AND reference IS NOT NULL \
             UNION SELECT reference FROM payments WHERE conversation_id = $1",
        )
        .bind(conversation_id)
        .fetch_all(&mut *tx)
        .await?;
        for reference in &references {
            sqlx::query(
                "DELETE FROM notifications WHERE conversation_id LIKE 'desk:%' \
                 AND body LIKE $1",
            )
            .bind(format!("%{reference}%"))
            .execute(&mut *tx)
            .await?;
        }
        for sql in [
            // The device check's result and its links.
            "DELETE FROM device_checks WHERE booking_id IN \
             (SELECT id FROM bookings WHERE conversation_id = $1)",
            "DELETE FROM device_check_links WHERE booking_id IN \
             (SELECT id FROM bookings WHERE conversation_id = $1)",
            // Documents sent for the checklist: their bytes, then them.
            "DELETE FROM document_chunks WHERE document_id IN \
             (SELECT id FROM documents WHERE conversation_id = $1)",
            "DELETE FROM documents WHERE conversation_id = $1",
            // Ratings and comments stay for statistics, without the link to the call.
            "UPDATE feedback SET entry_id = '' WHERE entry_id IN \
             (SELECT id FROM queue_entries WHERE conversation_id = $1)",
            "DELETE FROM channel_messages WHERE conversation_id IN \
             (SELECT 'video:' || id FROM queue_entries WHERE conversation_id = $1)",
            "UPDATE queue_entries SET conversation_id = '', reference = NULL, video_url = NULL, \
             note = NULL, checklist = '[]', told_position = NULL, told_wait = NULL \
             WHERE conversation_id = $1",
            "UPDATE bookings SET conversation_id = '', reference = 'anon-' || id, \
             checklist = '[]' WHERE conversation_id = $1",
            // The payment stays a bookkeeping record (amount, day, the provider's charge
            // ids), but nothing ties it to the citizen any more.
            // A fee not paid yet is called off: nobody is left to pay it.
            "UPDATE payments SET state = 'cancelled' WHERE conversation_id = $1 \
             AND state IN ('draft', 'open')",
            "UPDATE payments SET conversation_id = '', reference = 'anon-' || id, \
             visit_reference = NULL, checkout_url = NULL WHERE conversation_id = $1",
            "DELETE FROM notifications WHERE conversation_id = $1",
            // E-mail given in the web chat: the addresses and their queued mails; the keys
            // of their links go with the farewell's traces (a browser that came back by one
            // still has to show the farewell).
            "DELETE FROM notifications WHERE conversation_id IN \
             (SELECT 'mail:' || id FROM web_mail WHERE conversation_id = $1)",
            "DELETE FROM web_mail WHERE conversation_id = $1",
            "DELETE FROM web_keys WHERE conversation_id = $1 AND purpose <> 'back'",
            "DELETE FROM inbox WHERE conversation_id = $1",
            "DELETE FROM channel_messages WHERE conversation_id = $1 AND slot <> 'dm'",
            "DELETE FROM conversations WHERE id = $1",
        ] {
            sqlx::query(sql)
                .bind(conversation_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.0.conversation_cache.forget(conversation_id);
        Ok(Forgotten {
            bookings_cancelled: cancelled.len() as u64,
            left_queue: left,
        })
    }

    /// The last traces of a forgotten citizen, once the farewell is out: its message, the
    /// input that asked for it, the direct-room mapping.
    pub async fn forget_traces(self, conversation_id: &ConversationId) -> Result<()> {
        let mut tx = self.0.begin_write().await?;
        for sql in [
            "DELETE FROM notifications WHERE conversation_id = $1",
            "DELETE FROM inbox WHERE conversation_id = $1",
            "DELETE FROM channel_messages WHERE conversation_id = $1",
            "DELETE FROM web_keys WHERE conversation_id = $1",
            // The web page still has to show the farewell; the page, or the retention
            // rules, delete it (see `web.rs`).
            "DELETE FROM web_messages WHERE conversation_id = $1 AND kind <> 'end'",
        ] {
            sqlx::query(sql)
                .bind(conversation_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Whether a conversation exists (it does not, once forgotten).
    pub async fn conversation_exists(self, conversation_id: &ConversationId) -> Result<bool> {
        Ok(
            sqlx::query_scalar::<_, String>("SELECT id FROM conversations WHERE id = $1")
                .bind(conversation_id)
                .fetch_optional(&self.0.pool)
                .await?
                .is_some(),
        )
    }
}
