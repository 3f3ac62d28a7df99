//! The figures of a run (percentiles, replies a second) and how they are printed.

use std::time::Duration;

use crate::bots::Side;

pub(crate) struct Figures {
    pub(crate) p50: Duration,
    pub(crate) p99: Duration,
    pub(crate) replies: usize,
    pub(crate) missing: usize,
    pub(crate) per_sec: f64,
    /// The closed loop's p50 of each input of the script, in its order (where the time of a
    /// booking goes); empty for the open loop.
    pub(crate) by_input: Vec<Duration>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

pub(crate) fn figures(mut latencies: Vec<Duration>, missing: usize, span: Duration) -> Figures {
    latencies.sort();
    Figures {
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
        replies: latencies.len(),
        missing,
        per_sec: latencies.len() as f64 / span.as_secs_f64().max(1e-9),
        by_input: Vec::new(),
    }
}

/// The p50 of each input's replies (`by_input[i]`: the replies to the script's `i`th input).
pub(crate) fn p50_by_input(by_input: Vec<Vec<Duration>>) -> Vec<Duration> {
    by_input
        .into_iter()
        .map(|mut times| {
            times.sort();
            percentile(&times, 0.5)
        })
        .collect()
}

pub(crate) fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

pub(crate) fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

pub(crate) fn line(run: &str, side: Side, f: &Figures) {
    let missing = if f.missing > 0 {
        format!(", {} MISSING", f.missing)
    } else {
        String::new()
    };
    println!(
        "{run:<24} {:<24} p50 {:>8} p99 {:>8} {:>6.1} replies/s ({} replies{missing}), load {}",
        side.name(),
        ms(f.p50),
        ms(f.p99),
        f.per_sec,
        f.replies,
        load()
    );
    if !f.by_input.is_empty() {
        let each: Vec<String> = crate::SCRIPT
            .iter()
            .zip(&f.by_input)
            .map(|(input, p50)| format!("{input:?} {}", ms(*p50)))
            .collect();
        println!("{:<24} {:<24} p50 by input: {}", "", "", each.join(", "));
    }
}

/// `a` over `b`.
pub(crate) fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}×", a / b.max(1e-9))
}
