//! Time passing as a running office lives it: the clock moved, every job run at its time,
//! and what the timers must have done checked.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use sqlx::Row;

use crate::case::Advance;
use crate::world::{Checked, World, pick};

impl World<'_> {
    pub(crate) async fn target(&self, a: Advance) -> Result<DateTime<Utc>, String> {
        let now = self.now();
        let catalog = self.engine.office().catalog();
        let local = |d: NaiveDate, t: NaiveTime| {
            Berlin
                .from_local_datetime(&d.and_time(t))
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        };
        Ok(match a {
            Advance::Seconds(s) => now + Duration::seconds(i64::from(s)),
            Advance::Minutes(m) => now + Duration::minutes(i64::from(m)),
            Advance::Hours(h) => now + Duration::hours(i64::from(h)),
            Advance::Days(d) => now + Duration::days(i64::from(d)),
            Advance::PastHold => {
                now + Duration::minutes(i64::from(catalog.office.hold_minutes))
                    + Duration::seconds(1)
            }
            Advance::ToCheckIn { booking, offset } => {
                let starts: Vec<i64> = sqlx::query_scalar(
                    "SELECT starts_at FROM bookings WHERE status = 'confirmed' AND starts_at > $1 \
                     ORDER BY starts_at, id",
                )
                .bind(now.timestamp() - 1800)
                .fetch_all(self.store.pool())
                .await
                .map_err(|e| format!("bookings: {e}"))?;
                match pick(&starts, booking) {
                    Some(s) => {
                        DateTime::from_timestamp(s, 0).unwrap_or(now)
                            - Duration::minutes(i64::from(catalog.office.check_in_before_minutes))
                            + Duration::minutes(i64::from(offset))
                    }
                    None => now + Duration::minutes(1),
                }
            }
            Advance::ToOpening { offset } => {
                let today = now.with_timezone(&Berlin).date_naive();
                (0..14)
                    .map(|d| today + Duration::days(d))
                    .filter(|d| !catalog.office.is_closed(*d))
                    .flat_map(|d| {
                        catalog
                            .office
                            .hours_on(d.weekday())
                            .iter()
                            .filter_map(move |(from, _)| local(d, *from))
                            .collect::<Vec<_>>()
                    })
                    .find(|t| *t > now)
                    .map_or(now + Duration::hours(1), |t| {
                        t + Duration::minutes(i64::from(offset))
                    })
            }
            Advance::ToMidnight { offset } => {
                let tomorrow = now.with_timezone(&Berlin).date_naive() + Duration::days(1);
                local(tomorrow, NaiveTime::MIN).unwrap_or(now + Duration::hours(24))
                    + Duration::minutes(i64::from(offset))
            }
        })
    }

    /// Moves the clock to `target` the way a running office lives through it: the serve
    /// loop's one-second tick runs every job within a second of its time, and each new local
    /// day is planned; the connected clerks' desks beat their heartbeat meanwhile.
    pub(crate) async fn advance_to(&mut self, target: DateTime<Utc>) -> Checked {
        let mut stops = 0;
        while self.now() < target && stops < 200 {
            stops += 1;
            let now = self.now();
            let next_job: Option<i64> = sqlx::query_scalar(
                "SELECT MIN(run_at) FROM jobs WHERE status = 'pending' AND run_at > $1",
            )
            .bind(now.timestamp())
            .fetch_one(self.store.pool())
            .await
            .map_err(|e| format!("next job: {e}"))?;
            let midnight = Berlin
                .from_local_datetime(
                    &(now.with_timezone(&Berlin).date_naive() + Duration::days(1))
                        .and_time(NaiveTime::MIN),
                )
                .earliest()
                .map(|t| t.with_timezone(&Utc));
            let stop = [
                next_job.and_then(|t| DateTime::from_timestamp(t + 1, 0)),
                midnight.map(|t| t + Duration::seconds(1)),
                Some(target),
            ]
            .into_iter()
            .flatten()
            .filter(|t| *t > now)
            .min()
            .unwrap_or(target)
            .min(target);
            self.clock.set(stop);
            for c in 0..self.clerks.len() {
                if self.clerks[c].online {
                    self.engine
                        .desk()
                        .keep_alive(self.clerks[c].id)
                        .await
                        .map_err(|e| format!("heartbeat: {e}"))?;
                }
            }
            self.timers().await?;
        }
        if self.now() < target {
            self.clock.set(target);
            self.timers().await?;
        }
        Ok(())
    }

    /// Timer ticks until nothing is due (each claims at most 50 jobs), then: every due job
    /// done, and no hold past its deadline.
    pub(crate) async fn timers(&mut self) -> Checked {
        for _ in 0..20 {
            let ran = self
                .engine
                .scheduler()
                .run_timers()
                .await
                .map_err(|e| format!("timers failed: {e}"))?;
            if ran == 0 {
                break;
            }
        }
        let now = self.now().timestamp();
        let stuck: Vec<(String, String, i64)> = sqlx::query(
            "SELECT kind, status, attempts FROM jobs WHERE run_at <= $1 \
             AND (status <> 'done' OR attempts > 1)",
        )
        .bind(now)
        .fetch_all(self.store.pool())
        .await
        .map_err(|e| format!("jobs: {e}"))?
        .iter()
        .map(|r| {
            (
                r.get::<String, _>("kind"),
                r.get::<String, _>("status"),
                r.get::<i64, _>("attempts"),
            )
        })
        .collect();
        if !stuck.is_empty() {
            return Err(format!("due jobs that did not run cleanly: {stuck:?}"));
        }
        let overdue: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE status = 'held' AND hold_expires_at <= $1",
        )
        .bind(now)
        .fetch_one(self.store.pool())
        .await
        .map_err(|e| format!("holds: {e}"))?;
        if overdue > 0 {
            return Err(format!(
                "{overdue} hold(s) past their deadline after the timers ran"
            ));
        }
        Ok(())
    }
}
