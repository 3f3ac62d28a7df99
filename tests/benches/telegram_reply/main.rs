//! Telegram replies through the project's Bot API emulator: the real `schalter serve` (release
//! build, SQLite) next to a bare long-polling echo bot on the same emulator, in one run.
//!
//! - Closed loop, 20 and 40 chats: each chat taps through a booking (7 messages: `/start`, then
//!   menu numbers), sending the next message [`THINK`] after the previous reply arrived.
//! - Open loop, 30 messages/s (Telegram's limit per bot) for 30 s, spread over 120 chats.
//!
//! Latency is emulator time from the citizen's message reaching "Telegram" (the update queued)
//! to the bot's reply arriving there (`sendMessage` handled); throughput is replies per second
//! from the first message to the last reply.
//!
//! Three floors: the bare echo bot; the same echo bot keeping Telegram's limits (30
//! messages/s overall, 1/s per chat, each message waiting exactly as long as needed), which
//! Schalter keeps too and any bot must on the real Telegram (where the offered load stays
//! under the limits the two are the same; at 40 chats tapping every second it does not); and
//! a durable echo bot within the limits, which does the least a bot must do so that a kill at
//! any moment loses no message and repeats none: it stores the update before moving the
//! offset on, stores the reply before sending it and records both as done after the send
//! (SQLite in WAL mode with `synchronous = NORMAL`, as Schalter; 4 statements a reply).
//!
//! The citizen reads each reply for [`THINK`] before tapping the next button, as a person
//! does; `TELEGRAM_BENCH_THINK_MS=0` makes a machine that taps the instant a reply arrives (then
//! the limit of 1 message/s per chat decides everything but the bare echo bot's figures).
//!
//! `cargo build --release -p schalter && cargo bench -p schalter-tests --bench telegram_reply`
//! (`TELEGRAM_BENCH_SCHALTER=path` runs another build, e.g. an older one to compare;
//! `TELEGRAM_BENCH_CHATS=1,5` only closed loops of those sizes). Not a
//! test: it prints figures, and the load average, since the machine may be shared.

use std::time::Duration;

// The four bots measured, and the echo bots' own code.
mod bots;
mod echo;

// The citizens' load, and the figures it yields.
mod loops;
mod report;

use bots::{Side, schalter_bin};
use loops::{closed_loop, open_loop};
use report::{Figures, line, load, ms, ratio};

/// What a citizen taps, in order (a whole booking): the menu, book, the first service
/// (Anmeldung), on to the dates, the first day, the first time, confirm.
const SCRIPT: [&str; 7] = ["/start", "1", "1", "4", "1", "1", "1"];
/// The pause between reading a reply and tapping the next button.
const THINK: Duration = Duration::from_secs(1);
const CHATS: [usize; 2] = [20, 40];
/// The open loop: messages per second, for how long, over how many chats (each chat then
/// writes every 4 s, within Telegram's 1 message/s per chat and the core's 20 inputs a minute).
const RATE: u32 = 30;
const SUSTAIN: Duration = Duration::from_secs(30);
const SUSTAIN_CHATS: i64 = 120;
/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// How long a reply may take before it counts as missing.
const PATIENCE: Duration = Duration::from_secs(60);

#[tokio::main]
async fn main() {
    let bin = schalter_bin();
    if !bin.exists() {
        eprintln!(
            "{} is missing: build it first with `cargo build --release -p schalter`",
            bin.display()
        );
        std::process::exit(2);
    }
    let think = std::env::var("TELEGRAM_BENCH_THINK_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(THINK, Duration::from_millis);
    println!(
        "Telegram replies through the emulator ({}); citizens think {} between taps; load at \
         start {}",
        bin.display(),
        ms(think),
        load()
    );
    // Per run: the figures of each side, in the order of `Side::ALL`.
    let mut runs: Vec<(String, Vec<Figures>)> = Vec::new();
    // `TELEGRAM_BENCH_CHATS=1,5`: only closed loops of these sizes, to look at one closely.
    let only: Option<Vec<usize>> = std::env::var("TELEGRAM_BENCH_CHATS")
        .ok()
        .map(|v| v.split(',').filter_map(|c| c.trim().parse().ok()).collect());
    for chats in only.clone().unwrap_or(CHATS.to_vec()) {
        let run = format!("{chats} chats × 7 messages");
        let mut sides = Vec::new();
        for side in Side::ALL {
            let f = closed_loop(side, chats, think).await;
            line(&run, side, &f);
            sides.push(f);
        }
        runs.push((run, sides));
    }
    if only.is_none() {
        let run = format!(
            "{RATE} messages/s for {} s over {SUSTAIN_CHATS} chats",
            SUSTAIN.as_secs()
        );
        let mut sides = Vec::new();
        for side in Side::ALL {
            let f = open_loop(side).await;
            line(&run, side, &f);
            sides.push(f);
        }
        runs.push((run, sides));
    }

    println!();
    println!(
        "| run | echo bot p50 / p99, replies/s | echo bot within limits | durable echo bot | \
         Schalter | Schalter p50 ÷ echo bot, ÷ within limits, ÷ durable (goal ≤ 1.3×) | \
         Schalter replies/s ÷ echo bot, ÷ within limits (goal ≥ 0.95×) |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (run, sides) in &runs {
        let [echo, limited, durable, schalter] = &sides[..] else {
            unreachable!("four sides")
        };
        let cell = |f: &Figures| format!("{} / {}, {:.1}/s", ms(f.p50), ms(f.p99), f.per_sec);
        println!(
            "| {run} | {} | {} | {} | {} | {}, {}, {} | {}, {} |",
            cell(echo),
            cell(limited),
            cell(durable),
            cell(schalter),
            ratio(schalter.p50.as_secs_f64(), echo.p50.as_secs_f64()),
            ratio(schalter.p50.as_secs_f64(), limited.p50.as_secs_f64()),
            ratio(schalter.p50.as_secs_f64(), durable.p50.as_secs_f64()),
            ratio(schalter.per_sec, echo.per_sec),
            ratio(schalter.per_sec, limited.per_sec),
        );
    }
    println!("(sustained run: goal p99 ≤ 1 s)");
    let missing: usize = runs
        .iter()
        .flat_map(|(_, sides)| sides.iter().map(|f| f.missing))
        .sum();
    if missing > 0 {
        println!(
            "\n{missing} replies did not come within {} s",
            PATIENCE.as_secs()
        );
    }
}
