//! The device check before a call: the hashes of the links sent for a booking
//! (`device_check_links`) and the booking's last result (`device_checks`). What the rows hold
//! and when they go: migration `0017_device_checks`. What the values mean is the service's
//! (`crate::device_check`); this file only keeps what it is given.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{DeviceCheckRepo, Result, from_ts, ts};
use crate::channel::ConversationId;

/// A booking's kept result, each part `ok`, `failed` or `not_tried`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCheckRow {
    pub booking_id: String,
    pub camera: String,
    pub microphone: String,
    pub speaker: String,
    pub connection: String,
    pub platform: String,
    pub checked_at: DateTime<Utc>,
}

/// A query of whole rows: the columns, then `$rest` (sqlx takes only static SQL).
macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT booking_id, camera, microphone, speaker, connection, platform, checked_at \
             FROM device_checks ",
            $rest
        )
    };
}

fn row(r: &sqlx::any::AnyRow) -> Result<DeviceCheckRow> {
    Ok(DeviceCheckRow {
        booking_id: r.try_get("booking_id")?,
        camera: r.try_get("camera")?,
        microphone: r.try_get("microphone")?,
        speaker: r.try_get("speaker")?,
        connection: r.try_get("connection")?,
        platform: r.try_get("platform")?,
        checked_at: from_ts(r.try_get("checked_at")?)?,
    })
}

impl DeviceCheckRepo<'_> {
    /// Keeps the hash of a new link's secret for `booking_id`.
    pub async fn add_link(
        self,
        token_hash: &str,
        booking_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO device_check_links (token_hash, booking_id, created_at) \
             VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(booking_id)
        .bind(ts(now))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// The booking a link is for, while the link works: the booking is confirmed and its
    /// appointment has not ended at `now`.
    pub async fn booking_of_link(
        self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT l.booking_id FROM device_check_links l JOIN bookings b ON b.id = l.booking_id \
             WHERE l.token_hash = $1 AND b.status = 'confirmed' AND b.ends_at > $2",
        )
        .bind(token_hash)
        .bind(ts(now))
        .fetch_optional(&self.0.pool)
        .await?)
    }

    /// Keeps `row` as its booking's result (the one before is replaced).
    pub async fn save(self, row: &DeviceCheckRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO device_checks \
             (booking_id, camera, microphone, speaker, connection, platform, checked_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (booking_id) DO UPDATE SET camera = excluded.camera, \
             microphone = excluded.microphone, speaker = excluded.speaker, \
             connection = excluded.connection, platform = excluded.platform, \
             checked_at = excluded.checked_at",
        )
        .bind(&row.booking_id)
        .bind(&row.camera)
        .bind(&row.microphone)
        .bind(&row.speaker)
        .bind(&row.connection)
        .bind(&row.platform)
        .bind(ts(row.checked_at))
        .execute(&self.0.pool)
        .await?;
        Ok(())
    }

    /// The booking's last result, if it was checked.
    pub async fn result(self, booking_id: &str) -> Result<Option<DeviceCheckRow>> {
        sqlx::query(select!("WHERE booking_id = $1"))
            .bind(booking_id)
            .fetch_optional(&self.0.pool)
            .await?
            .map(|r| row(&r))
            .transpose()
    }

    /// The results of a conversation's bookings.
    pub async fn of_conversation(
        self,
        conversation_id: &ConversationId,
    ) -> Result<Vec<DeviceCheckRow>> {
        sqlx::query(select!(
            "WHERE booking_id IN (SELECT id FROM bookings WHERE conversation_id = $1) \
             ORDER BY checked_at"
        ))
        .bind(conversation_id)
        .fetch_all(&self.0.pool)
        .await?
        .iter()
        .map(row)
        .collect()
    }
}
