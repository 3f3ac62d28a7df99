//! The runs: proptest's regular properties and the long fuzz runs, each on a database of
//! its own.

use std::sync::Arc;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use schalter_core::{I18n, Store};
use schalter_tests::TestDb;

use crate::generators::case;
use crate::world::{Stats, run_case};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Cases and sequence length of the regular runs (debug build, both databases within the
/// CI budget); `PROPTEST_CASES` overrides the count.
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        max_shrink_iters: 2_000,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A database of its own for a run. On PostgreSQL its commits do not wait for the disk
/// (`synchronous_commit = off`, set on this database only): a case is hundreds of small
/// transactions, and what is tested is their effect, not their durability.
async fn database(postgres: bool) -> (TestDb, Store) {
    if !postgres {
        let db = TestDb::sqlite().await;
        let store = db.store.clone();
        return (db, store);
    }
    let db = TestDb::postgres().await;
    let name = db
        .url
        .rsplit('/')
        .next()
        .expect("a database name")
        .to_owned();
    // Our own database's name, made of [a-z0-9_] by the harness.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE {name} SET synchronous_commit = off"
    )))
    .execute(db.store.pool())
    .await
    .expect("synchronous_commit off");
    let store = Store::connect(&db.url).await.expect("connect again");
    (db, store)
}

pub(crate) fn property(postgres: bool, cases: u32, max_ops: usize) {
    let rt = runtime();
    let (db, store) = rt.block_on(database(postgres));
    let i18n = Arc::new(I18n::builtin());
    let mut runner = TestRunner::new(config(cases));
    let total = std::cell::Cell::new(Stats::default());
    let started = std::time::Instant::now();
    let result = runner.run(&case(max_ops), |case| {
        let stats = rt
            .block_on(run_case(&store, &i18n, &case))
            .map_err(TestCaseError::fail)?;
        let mut sum = total.get();
        sum += stats;
        total.set(sum);
        Ok(())
    });
    let total = total.get();
    println!(
        "{} cases, {} inputs, {} conversations, {} clerk actions, {} admin changes, \
         {} bookings, {} check-ins and walk-ins, {} calls, {} bookings of removed services \
         cancelled, {} documents kept, {} questions answered in place in {:.1} s",
        total.cases,
        total.inputs,
        total.conversations,
        total.clerk_actions,
        total.admin_changes,
        total.bookings,
        total.check_ins,
        total.visits,
        total.removed_cancelled,
        total.documents,
        total.questions,
        started.elapsed().as_secs_f64()
    );
    rt.block_on(async {
        store.close().await;
        db.drop_db().await;
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Runs generated cases until `inputs` inputs were handled; a failing case is shrunk as the
/// regular properties shrink it and reported with its minimal sequence.
pub(crate) fn fuzz(postgres: bool, default_inputs: u64, max_ops: usize) {
    let env = |name: &str| std::env::var(name).ok().and_then(|n| n.parse().ok());
    let inputs: u64 = env("SCHALTER_FUZZ_INPUTS").unwrap_or(default_inputs);
    // One worker per core, each with a database of its own; they share the count.
    let workers: u64 = env("SCHALTER_FUZZ_WORKERS").unwrap_or(2).max(1);
    let done = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let started = std::time::Instant::now();
    let backend = if postgres { "PostgreSQL" } else { "SQLite" };
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let done = done.clone();
            std::thread::spawn(move || fuzz_worker(postgres, inputs, max_ops, &done, w == 0))
        })
        .collect();
    let mut total = Stats::default();
    let mut failure = None;
    for h in handles {
        match h.join() {
            Ok(Ok(stats)) => total += stats,
            Ok(Err(e)) => failure = Some(e),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    if let Some(e) = failure {
        panic!("{e}");
    }
    println!(
        "fuzz on {backend}: {} inputs in {} conversations ({} cases, {workers} workers), \
         {} clerk actions, {} admin changes, {} bookings, {} check-ins and walk-ins, {} calls, \
         {} bookings of removed services cancelled, {} documents kept, {} questions answered \
         in place; {:.0} s; 0 invariant violations",
        total.inputs,
        total.conversations,
        total.cases,
        total.clerk_actions,
        total.admin_changes,
        total.bookings,
        total.check_ins,
        total.visits,
        total.removed_cancelled,
        total.documents,
        total.questions,
        started.elapsed().as_secs_f64()
    );
}

/// Runs generated cases until the workers together handled `inputs` inputs; a failing case
/// is shrunk as the regular properties shrink it and reported with its minimal sequence.
fn fuzz_worker(
    postgres: bool,
    inputs: u64,
    max_ops: usize,
    done: &std::sync::atomic::AtomicU64,
    reports: bool,
) -> Result<Stats, String> {
    use std::sync::atomic::Ordering;
    let rt = runtime();
    let (db, store) = rt.block_on(database(postgres));
    let i18n = Arc::new(I18n::builtin());
    let mut runner = TestRunner::new(config(1));
    let strategy = case(max_ops);
    let mut total = Stats::default();
    let started = std::time::Instant::now();
    let mut report = started;
    let mut failure = None;
    while done.load(Ordering::Relaxed) < inputs {
        let mut tree = strategy.new_tree(&mut runner).expect("a case");
        match rt.block_on(run_case(&store, &i18n, &tree.current())) {
            Ok(stats) => {
                done.fetch_add(stats.inputs, Ordering::Relaxed);
                total += stats;
            }
            Err(first) => {
                let mut minimal = (tree.current(), first);
                let mut shrinks = 0;
                if tree.simplify() {
                    while shrinks < 5_000 {
                        shrinks += 1;
                        let more = match rt.block_on(run_case(&store, &i18n, &tree.current())) {
                            Err(e) => {
                                minimal = (tree.current(), e);
                                tree.simplify()
                            }
                            Ok(_) => tree.complicate(),
                        };
                        if !more {
                            break;
                        }
                    }
                }
                // The others stop too.
                done.fetch_add(inputs, Ordering::Relaxed);
                failure = Some(format!(
                    "invariant violated after {} inputs ({shrinks} shrinks): {}\nminimal case: {:#?}",
                    total.inputs, minimal.1, minimal.0
                ));
                break;
            }
        }
        if reports && report.elapsed().as_secs() >= 60 {
            report = std::time::Instant::now();
            println!(
                "{}: {} inputs, {:.0} s",
                if postgres { "PostgreSQL" } else { "SQLite" },
                done.load(Ordering::Relaxed),
                started.elapsed().as_secs_f64()
            );
        }
    }
    rt.block_on(async {
        store.close().await;
        db.drop_db().await;
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(total),
    }
}
