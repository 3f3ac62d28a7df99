//! The web chat against the real `schalter serve`: in Debian's Chromium at a phone's size
//! (an Arabic citizen books by buttons, a Polish one by typing; a reload in the middle of a
//! booking; the event stream cut by a restart of the server and by the browser going
//! offline), and as plain HTTP without JavaScript, with the bad input a public page gets.

mod access;
mod browser;
mod documents;
mod fuzz;
mod journey;
mod mail;
mod plain;
mod replicas;
mod resume;
mod support;
