//! Replicas of `schalter serve` on one PostgreSQL database, while 30 Telegram citizens (behind
//! the Bot API emulator) and 5 Matrix citizens (on a real Synapse, each booking an appointment
//! in an encrypted direct chat) talk to the bot at once. Two replicas run, and a new one joins
//! after each kill: the Telegram leader (A, which leads Matrix too) is killed (kill -9), C
//! joins, the Matrix leader (B by then) is killed, D joins, PostgreSQL is restarted
//! (`pg_ctlcluster … restart`) and, once it is back, drops every connection once more. Each
//! kill must be followed by a takeover on every network the killed replica led, each reply
//! come within 60 s, and every input be answered exactly once: complete transcripts, nothing
//! twice, a confirmed booking (and only one) for every Matrix citizen. The takeover times are
//! printed: per kill and network the time to the next reply, and the time to the first answer
//! to an input written after the kill (or after PostgreSQL went down).
//!
//! The restart takes the whole PostgreSQL server away: keep this the only test in this binary.
//! Cargo runs test binaries one after another, so no other test of the suite runs meanwhile.
//! `pg_ctlcluster` must work (root, as on the test machines and in CI); if it does not, the
//! test fails.

// The replicas, and what the test reads from their database.
mod database;
mod replicas;

// The citizens on both networks, and the networks as the test sees them.
mod matrix_citizens;
mod nets;
mod telegram_citizens;

// What happens to the replicas and to PostgreSQL.
mod kills;
mod restart;

// The scenario itself.
mod scenario;

use std::time::Duration;

/// Tuesday 2 February 2027, 07:55 in Heidelberg, as in `telegram.rs`.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// Each Telegram citizen's conversation, one input at a time.
const INPUTS: [&str; 4] = ["/start", "/help", "/appointments", "/language"];
const USERS: i64 = 30;
/// Matrix citizens, each booking an appointment.
const MX_USERS: usize = 5;
/// Whether the Matrix citizens' direct chats are encrypted (as Element opens them).
const ENCRYPTED: bool = true;
/// A gated Matrix citizen waits for its gate before this input (0-based).
const MX_GATE_AT: usize = 2;
/// A booking takes 8 inputs; a taken slot costs two more. More than this is a runaway.
const MX_MAX_INPUTS: usize = 16;
const PASSWORD: &str = "correct horse battery staple";
/// The longest a citizen waits for one reply (it may have to wait for a takeover).
const REPLY_LIMIT: Duration = Duration::from_secs(60);
/// The leader locks, by the names the bot takes them under.
const LOCKS: [&str; 2] = ["telegram", "matrix"];
