//! Expected waiting times.
//!
//! Each clerk on duty is a server that becomes free at some moment: now, or when their
//! current call is expected to end (its service's average handling time after it started,
//! never in the past). The waiting citizens are handed out in queue order, each to the clerk
//! who becomes free first; a citizen's expected wait is the moment their clerk becomes free.
//! This is the number of clerks on duty at work, not the size of any sample: with no clerk
//! on duty the wait is unknown.
//!
//! A service's handling time is the rolling average of its last [`SAMPLE`] finished calls,
//! or the catalogue's duration while there are none.

use chrono::Duration;

/// How many recent calls the rolling average looks at.
pub const SAMPLE: i64 = 20;

/// Mean of the observed handling times, or `fallback` when there are none.
pub fn rolling_average(seconds: &[i64], fallback: Duration) -> Duration {
    let valid: Vec<i64> = seconds.iter().copied().filter(|s| *s >= 0).collect();
    if valid.is_empty() {
        return fallback;
    }
    Duration::seconds(valid.iter().sum::<i64>() / valid.len() as i64)
}

/// Expected waits of the waiting citizens, in queue order.
///
/// - `clerks_on_duty`: clerks available right now (including those in a call);
/// - `calls`: for each call in progress, how much of its expected handling time is left
///   (negative values count as zero);
/// - `waiting`: the expected handling time of each waiting citizen, in queue order.
pub fn expected_waits(
    clerks_on_duty: usize,
    calls: &[Duration],
    waiting: &[Duration],
) -> Vec<Option<Duration>> {
    if clerks_on_duty == 0 {
        return vec![None; waiting.len()];
    }
    let mut free_at: Vec<Duration> = vec![Duration::zero(); clerks_on_duty];
    let mut remaining: Vec<Duration> = calls.iter().map(|d| (*d).max(Duration::zero())).collect();
    // The longest calls are the ones on duty clerks are in; extra calls (a clerk who went
    // away mid-call) do not block anyone.
    remaining.sort_by(|a, b| b.cmp(a));
    for (slot, left) in free_at.iter_mut().zip(remaining) {
        *slot = left;
    }
    waiting
        .iter()
        .map(|handling| {
            let (index, start) = free_at
                .iter()
                .enumerate()
                .min_by_key(|(_, t)| **t)
                .map(|(i, t)| (i, *t))
                .expect("at least one clerk");
            free_at[index] = start + *handling;
            Some(start)
        })
        .collect()
}

/// Minutes to tell a citizen: rounded up, so that nobody is told "0" while they wait.
pub fn minutes_to_tell(wait: Duration) -> i64 {
    (wait.num_seconds() + 59).div_euclid(60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: i64) -> Duration {
        Duration::minutes(n)
    }

    #[test]
    fn one_clerk_serves_in_order() {
        let waits = expected_waits(1, &[], &[m(10), m(20), m(5)]);
        assert_eq!(waits, vec![Some(m(0)), Some(m(10)), Some(m(30))]);
    }

    #[test]
    fn clerks_share_the_work() {
        // Two clerks, both free: the first two start now, the third waits for the shorter.
        let waits = expected_waits(2, &[], &[m(10), m(20), m(5), m(5)]);
        assert_eq!(
            waits,
            vec![Some(m(0)), Some(m(0)), Some(m(10)), Some(m(15))]
        );
    }

    #[test]
    fn calls_in_progress_delay_the_queue() {
        // Two clerks, one 8 minutes from the end of a call.
        let waits = expected_waits(2, &[m(8)], &[m(10), m(10)]);
        assert_eq!(waits, vec![Some(m(0)), Some(m(8))]);
        // A call that overran counts as ending now.
        assert_eq!(expected_waits(1, &[m(-3)], &[m(10)]), vec![Some(m(0))]);
    }

    #[test]
    fn divides_by_clerks_not_by_sample_size() {
        // Twenty handled calls of 10 minutes, three clerks, six waiting: the sixth waits
        // for one round of the first three... twice 10 minutes on one of three clerks.
        let avg = rolling_average(&[600; 20], m(30));
        assert_eq!(avg, m(10));
        let waits = expected_waits(3, &[], &[avg; 6]);
        assert_eq!(waits[5], Some(m(10)));
        let waits = expected_waits(3, &[], &[avg; 7]);
        assert_eq!(waits[6], Some(m(20)));
    }

    #[test]
    fn nobody_on_duty_means_unknown() {
        assert_eq!(
            expected_waits(0, &[m(5)], &[m(10), m(10)]),
            vec![None, None]
        );
    }

    #[test]
    fn rolling_average_falls_back_to_the_catalogue() {
        assert_eq!(rolling_average(&[], m(20)), m(20));
        assert_eq!(rolling_average(&[300, 900], m(20)), m(10));
        assert_eq!(minutes_to_tell(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_tell(Duration::zero()), 0);
    }
}
