//! Delivery on the Matrix channel, end to end: the real `schalter serve` against a real
//! Synapse. A call stays with its clerk as long as the desk is alive (lease renewals), group
//! rooms are told to write directly, the video room invites exactly the two people of the
//! call, and a citizen who left does not hold up the messages of the next one.

// The office under test, and the steps and waits the scenarios share.
mod office;
mod steps;

// The scenarios.
mod calls;
mod rooms;
mod store;

/// Tuesday 2 February 2027, 09:00 in Heidelberg: the office is open, walk-ins welcome.
const OPEN: &str = "2027-02-02T09:00:00+01:00";
const PASSWORD: &str = "correct horse battery staple";

/// The main menu's "talk to a clerk now" (locales/de/queue.ftl `menu-walk-in`).
const WALK_IN: &str = "Jetzt mit der Sachbearbeitung sprechen";
/// locales/de/queue.ftl `waiting-status`.
const IN_THE_QUEUE: &str = "Ihr Platz in der Reihe";
/// locales/de/queue.ftl `back-in-queue`.
const BACK_IN_QUEUE: &str = "wieder im Warteraum";
/// locales/de/clerk.ftl `desk-picked`.
const PICKED: &str = "Aufgerufen: ";
/// locales/de/clerk.ftl `desk-nobody`.
const NOBODY: &str = "Niemand wartet.";
/// locales/de/clerk.ftl `desk-done` (after the reference).
const DONE: &str = "ist erledigt.";
/// locales/de/clerk.ftl `desk-no-call`.
const NO_CALL: &str = "Sie sind gerade in keinem Gespräch.";
/// locales/de/feedback.ftl `feedback-question`.
const FEEDBACK: &str = "Wie zufrieden waren Sie mit dem Gespräch?";
const VIDEO_BASE: &str = "https://meet.example.org/";
