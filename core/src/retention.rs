//! Personal data is kept only as long as it is needed (GDPR Art. 5(1)(e)). The catalogue's
//! `[retention]` says how many days each kind lives; [`crate::rights::Rights::purge`] applies it. A daily job
//! (see `timers`) runs it at [`PURGE_HOUR`] office time on one replica; `schalter purge
//! [--dry-run]` runs it by hand.
//!
//! What goes, and when:
//! - a conversation nobody wrote in for `idle_conversation_days` (unless something is under
//!   way: a booking to come, a place in the waiting room, an input or a fee pending), with its
//!   channel message ids and handled inputs;
//! - `appointment_days` after an appointment or visit: the booking's and the visit's link to
//!   the citizen (conversation, reference, video link, note, checklist), the payment's
//!   conversation (the payment stays: bookkeeping), the visit's video room id, and messages
//!   that never went out; service, language, day, desk, clerk and times stay for statistics;
//! - `clerk_note_days` after a call: the clerk's note, and the link of feedback to its call
//!   (rating and comment stay);
//! - `delivered_days` after: finished jobs, delivered or given-up messages, handled inputs;
//! - `audit_days` (default 365) after: the admins' audit log (it holds no citizen's data);
//! - `document_days` (default 1) after an appointment: the documents sent for its checklist,
//!   with their bytes; at once (the next purge) when the booking was cancelled, ran out, was
//!   missed or is gone (migration `0016_documents`);
//! - staff sessions once ended, sign-ins under way after 10 minutes, API tokens 30 days after
//!   they expired or were revoked (migration `0015_staff`).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::catalog::Retention;
pub use crate::store::{Cutoffs, Effect, PurgeReport};

/// Rows per statement: a batch is short enough not to hold up citizens and clerks.
pub const BATCH: i64 = 500;
/// When the daily purge runs, in office time: a quiet hour.
pub const PURGE_HOUR: u32 = 3;

impl Cutoffs {
    /// The cutoffs of `retention` at `now`.
    pub fn new(now: DateTime<Utc>, retention: &Retention) -> Self {
        let ago = |days: u32| now - Duration::days(i64::from(days));
        Self {
            now,
            idle_conversation: ago(retention.idle_conversation_days),
            appointment: ago(retention.appointment_days),
            clerk_note: ago(retention.clerk_note_days),
            delivered: ago(retention.delivered_days),
            audit: ago(retention.audit_days),
            document: ago(retention.document_days),
        }
    }
}

/// When the daily purge of the office-local `date` runs.
pub(crate) fn purge_at(tz: chrono_tz::Tz, date: NaiveDate) -> DateTime<Utc> {
    let at = NaiveTime::from_hms_opt(PURGE_HOUR, 0, 0).unwrap_or_default();
    // A clock change may skip the hour: then an hour later.
    [date.and_time(at), date.and_time(at) + Duration::hours(1)]
        .into_iter()
        .find_map(|local| tz.from_local_datetime(&local).earliest())
        .map_or_else(
            || Utc.from_utc_datetime(&date.and_time(at)),
            |t| t.with_timezone(&Utc),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purge_runs_at_three_office_time() {
        let tz = chrono_tz::Europe::Berlin;
        let winter = NaiveDate::from_ymd_opt(2027, 2, 2).unwrap();
        let summer = NaiveDate::from_ymd_opt(2027, 7, 2).unwrap();
        assert_eq!(
            purge_at(tz, winter).to_rfc3339(),
            "2027-02-02T02:00:00+00:00"
        );
        assert_eq!(
            purge_at(tz, summer).to_rfc3339(),
            "2027-07-02T01:00:00+00:00"
        );
    }

    #[test]
    fn cutoffs_follow_the_days() {
        let now = DateTime::parse_from_rfc3339("2027-02-02T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let c = Cutoffs::new(now, &Retention::default());
        assert_eq!(now - c.idle_conversation, Duration::days(30));
        assert_eq!(now - c.appointment, Duration::days(90));
        assert_eq!(now - c.clerk_note, Duration::days(7));
        assert_eq!(now - c.delivered, Duration::days(7));
    }
}
