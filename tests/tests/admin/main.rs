//! The admin API of the real `schalter serve`: every endpoint, with a wrong token, broken
//! Fluent, unknown locales and ids, an oversized body; and changes reaching the bot at once.
//! The translators' part: search, one message in every locale, and translations "to review"
//! after their German reference changed (through the API or in the files).

// The admin API's client, and a `serve` to talk to.
mod api;

// Every endpoint, changes reaching the bot, and the translators' part.
mod endpoints;
mod live;
// `/healthz`, `/readyz` and `/metrics` apart.
mod probes;
// The Grafana dashboard and the Prometheus alerts read only what `/metrics` exports.
mod dashboards;
mod translators;
// What documents citizens sent, counted per day for the admin page; never the files.
mod documents;
// Staff who sign in as themselves, each with a role: local accounts, tokens, the audit log.
mod staff;
// The same through a real OpenID provider, and forged sign-ins refused.
mod oidc;

const TOKEN: &str = "admin-token-5b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e";
/// A Tuesday morning, so that slots and walk-ins are open.
const CLOCK: &str = "2027-02-02T09:00:00+01:00";
