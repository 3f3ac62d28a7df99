//! The properties over generated cases (with shrinking), and one shrunk case run by name.

use std::time::Instant;

use proptest::test_runner::{Config, TestCaseError, TestRunner};

use super::case::{Case, case};
use super::run::{Stats, run_case, runtime};

/// `PROPTEST_CASES` overrides the count.
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        max_shrink_iters: 500,
        // A failing case shrinks for half a minute (each run takes about a second), unless
        // `PROPTEST_MAX_SHRINK_TIME` (ms) says otherwise.
        max_shrink_time: std::env::var("PROPTEST_MAX_SHRINK_TIME")
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(30_000),
        failure_persistence: None,
        ..Config::default()
    }
}

pub(crate) fn property(postgres: bool, cases: u32) {
    let mut runner = TestRunner::new(config(cases));
    let total = std::cell::Cell::new(Stats::default());
    let started = Instant::now();
    let result = runner.run(&case(), |case| {
        let stats = runtime()
            .block_on(run_case(postgres, &case))
            .map_err(TestCaseError::fail)?;
        let mut sum = total.get();
        sum += stats;
        total.set(sum);
        Ok(())
    });
    let total = total.get();
    println!(
        "{}: {} runs passed, {} inputs in {} conversations, {} failed sends ({} shown with the \
         answer lost, {} repeats dropped), up to {} min of office time, in {:.1} s",
        if postgres { "PostgreSQL" } else { "SQLite" },
        total.cases,
        total.inputs,
        total.conversations,
        total.failures,
        total.lost_answers,
        total.dropped_repeats,
        total.longest / 60,
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Runs one case on a fresh SQLite database and fails with what broke.
pub(crate) async fn regression(case: Case) {
    if let Err(e) = run_case(false, &case).await {
        panic!("{e}");
    }
}
