//! What a clerk's desk works with, named where the desk finds it: an entry of the queue (a
//! citizen waiting or in a call), what `next` or `take` found, and how a call ends.

pub use crate::store::{Finish, Pick, QueueEntry};
