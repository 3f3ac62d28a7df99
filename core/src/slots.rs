//! Free slots: computed from opening hours, closures and public holidays, the service's
//! duration and the number of desks, in office-local time. Every slot starts on the office's
//! grid; a desk is free for a slot when none of the grid units the slot covers is taken on it.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::catalog::Office;

/// Units taken on desks: `(desk, unit start)`.
#[derive(Debug, Default, Clone)]
pub struct Busy(HashSet<(i64, i64)>);

impl Busy {
    pub fn new(units: impl IntoIterator<Item = (i64, DateTime<Utc>)>) -> Self {
        Self(units.into_iter().map(|(d, t)| (d, t.timestamp())).collect())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Slots<'a> {
    pub office: &'a Office,
    pub tz: Tz,
}

impl<'a> Slots<'a> {
    pub fn new(office: &'a Office, tz: Tz) -> Self {
        Self { office, tz }
    }

    fn unit(&self) -> Duration {
        Duration::minutes(i64::from(self.office.slot_minutes))
    }

    /// The office-local date of an instant.
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// The dates a citizen may book on, from today to the end of the booking horizon.
    pub fn bookable_dates(&self, now: DateTime<Utc>) -> impl Iterator<Item = NaiveDate> + use<> {
        let today = self.local_date(now);
        today
            .iter_days()
            .take(self.office.booking_horizon_days as usize + 1)
    }

    /// `[from, to)` covering every bookable instant, for loading what is busy.
    pub fn window(&self, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        let last = self
            .bookable_dates(now)
            .last()
            .unwrap_or(self.local_date(now));
        let end = self
            .tz
            .from_local_datetime(
                &(last + Duration::days(1))
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default(),
            )
            .earliest()
            .map_or(now + Duration::days(400), |t| t.with_timezone(&Utc));
        (now, end)
    }

    /// Slot starts on `date` that fit `duration` into the opening hours, ignoring bookings.
    /// Local times that do not exist (the spring-forward gap) are skipped; ambiguous ones
    /// (the autumn repeat) take the first occurrence.
    pub fn grid(&self, date: NaiveDate, duration: Duration) -> Vec<DateTime<Utc>> {
        if self.office.is_closed(date) {
            return Vec::new();
        }
        let mut starts = Vec::new();
        for (open, close) in self.office.hours_on(chrono::Datelike::weekday(&date)) {
            let mut t = *open;
            while t + duration <= *close && t >= *open {
                if let Some(start) = self.tz.from_local_datetime(&date.and_time(t)).earliest() {
                    starts.push(start.with_timezone(&Utc));
                }
                let (next, wrapped) = t.overflowing_add_signed(self.unit());
                if wrapped != 0 {
                    break;
                }
                t = next;
            }
        }
        starts
    }

    /// Whether some desk is free for the whole of `[start, start + duration)`.
    pub fn has_free_desk(&self, start: DateTime<Utc>, duration: Duration, busy: &Busy) -> bool {
        let units: Vec<i64> = std::iter::successors(Some(start), |t| Some(*t + self.unit()))
            .take_while(|t| *t < start + duration)
            .map(|t| t.timestamp())
            .collect();
        (1..=i64::from(self.office.desks))
            .any(|desk| units.iter().all(|u| !busy.0.contains(&(desk, *u))))
    }

    /// Free slot starts on `date` that respect the minimum notice.
    pub fn free_on(
        &self,
        date: NaiveDate,
        duration: Duration,
        now: DateTime<Utc>,
        busy: &Busy,
    ) -> Vec<DateTime<Utc>> {
        let earliest = now + Duration::minutes(i64::from(self.office.min_notice_minutes));
        self.grid(date, duration)
            .into_iter()
            .filter(|s| *s >= earliest && self.has_free_desk(*s, duration, busy))
            .collect()
    }

    /// Bookable dates with at least one free slot.
    pub fn free_days(&self, duration: Duration, now: DateTime<Utc>, busy: &Busy) -> Vec<NaiveDate> {
        self.bookable_dates(now)
            .filter(|d| !self.free_on(*d, duration, now, busy).is_empty())
            .collect()
    }

    /// Whether `start` is a slot a citizen may book now (on the grid, open, in the window).
    pub fn is_bookable(
        &self,
        start: DateTime<Utc>,
        duration: Duration,
        now: DateTime<Utc>,
    ) -> bool {
        let date = self.local_date(start);
        self.bookable_dates(now).any(|d| d == date)
            && start >= now + Duration::minutes(i64::from(self.office.min_notice_minutes))
            && self.grid(date, duration).contains(&start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;
    use chrono_tz::Europe::Berlin;

    fn office() -> Office {
        Catalog::builtin().unwrap().office
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_demo_office_opens_25_and_a_half_hours_a_week() {
        assert_eq!(office().weekly_minutes(), 25 * 60 + 30);
    }

    #[test]
    fn grid_fills_the_opening_hours() {
        let o = office();
        let s = Slots::new(&o, Berlin);
        // Tuesday 2026-12-01: 08:00–12:00 and 13:00–16:00, 20-minute service, 10-minute grid.
        let grid = s.grid(date("2026-12-01"), Duration::minutes(20));
        assert_eq!(grid.first(), Some(&utc("2026-12-01T07:00:00Z")));
        assert!(grid.contains(&utc("2026-12-01T10:40:00Z"))); // 11:40 local ends at 12:00
        assert!(!grid.contains(&utc("2026-12-01T10:50:00Z"))); // would run past noon
        assert!(grid.contains(&utc("2026-12-01T12:00:00Z"))); // 13:00 local
        assert_eq!(grid.len(), 23 + 17);
    }

    #[test]
    fn closed_on_weekends_and_holidays() {
        let o = office();
        let s = Slots::new(&o, Berlin);
        let d = Duration::minutes(10);
        assert!(s.grid(date("2026-12-05"), d).is_empty()); // Saturday
        assert!(s.grid(date("2026-12-25"), d).is_empty()); // Christmas, a Friday
        assert!(s.grid(date("2027-01-06"), d).is_empty()); // Epiphany in Baden-Württemberg
        assert!(!s.grid(date("2027-01-07"), d).is_empty());
    }

    #[test]
    fn opening_stays_at_local_eight_across_daylight_saving_changes() {
        let o = office();
        let s = Slots::new(&o, Berlin);
        let d = Duration::minutes(10);
        // Summer time starts on 2027-03-28.
        assert_eq!(
            s.grid(date("2027-03-23"), d)[0],
            utc("2027-03-23T07:00:00Z")
        );
        assert_eq!(
            s.grid(date("2027-03-30"), d)[0],
            utc("2027-03-30T06:00:00Z")
        );
        // Winter time starts on 2026-10-25.
        assert_eq!(
            s.grid(date("2026-10-20"), d)[0],
            utc("2026-10-20T06:00:00Z")
        );
        assert_eq!(
            s.grid(date("2026-10-27"), d)[0],
            utc("2026-10-27T07:00:00Z")
        );
    }

    #[test]
    fn a_slot_is_free_while_one_desk_is() {
        let o = office(); // 3 desks
        let s = Slots::new(&o, Berlin);
        let nine = utc("2026-12-01T08:00:00Z");
        let ten_min = Duration::minutes(10);
        let mut units = vec![(1, nine), (2, nine)];
        let twenty = Duration::minutes(20);
        assert!(s.has_free_desk(nine, twenty, &Busy::new(units.clone())));
        // Desk 3 is taken only in the second unit: a 20-minute slot no longer fits anywhere.
        units.push((3, nine + ten_min));
        assert!(!s.has_free_desk(nine, twenty, &Busy::new(units.clone())));
        assert!(s.has_free_desk(nine, ten_min, &Busy::new(units)));
    }

    #[test]
    fn minimum_notice_and_horizon_apply() {
        let o = office();
        let s = Slots::new(&o, Berlin);
        let now = utc("2026-12-01T08:05:00Z"); // 09:05 local, Tuesday
        let d = Duration::minutes(10);
        let today = s.free_on(date("2026-12-01"), d, now, &Busy::default());
        assert_eq!(today[0], utc("2026-12-01T08:40:00Z")); // 09:40 local: 30 minutes' notice
        let days = s.free_days(d, now, &Busy::default());
        assert_eq!(days.first(), Some(&date("2026-12-01")));
        assert!(days.last().unwrap() <= &date("2026-12-29"));
        assert!(!days.contains(&date("2026-12-24")));
        assert!(s.is_bookable(utc("2026-12-02T07:00:00Z"), d, now));
        assert!(!s.is_bookable(utc("2026-12-02T07:05:00Z"), d, now)); // off the grid
        assert!(!s.is_bookable(utc("2027-02-02T07:00:00Z"), d, now)); // beyond the horizon
    }
}
