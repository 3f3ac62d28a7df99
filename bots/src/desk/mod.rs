//! The clerk's desk: the same commands and the same authorization in a terminal as in the
//! Matrix desk room, on the same database as the citizens' channels. A command is parsed
//! ([`command`]), run and answered ([`answer`], refunds in [`refund`], the queue's lines in
//! [`queue`]); [`terminal`] is the desk on stdin and stdout.

mod answer;
mod command;
mod queue;
mod refund;
mod terminal;

pub use answer::{Readers, execute};
pub use command::Command;
pub use queue::queue_text;
pub use terminal::run;
