//! Fees paid from home, end to end: the real `schalter` processes (serve, a citizen's
//! terminal, a clerk's terminal desk) against the Telegram emulator and the Stripe fake.
//!
//! - A Telegram citizen gets a native invoice after the call; a tampered pre-checkout is
//!   refused, the right one accepted in time, the payment recorded once (a repeated
//!   `successful_payment` gives no second receipt), the desk gets its line.
//! - A terminal citizen gets a Stripe Checkout link; a forged webhook changes nothing, the
//!   signed one records the payment once (a replay does nothing), refunds go through Stripe.
//! - A provider that is down: the citizen hears the link follows, and it does.
//! - In Leichte Sprache (`de-x-ls`): the invoice on Telegram and the link in the terminal,
//!   each with its receipt, in the words of `locales/de-x-ls`.
//! - `kill -9` between the payment and its receipt: the receipt still comes, once.
//!
//! Every process runs on the same shifted office clock (see [`Office`](office::Office)).

// The office every process shares, and what it holds about a payment.
mod office;
mod records;

// The citizens' steps on Telegram and in the terminal.
mod telegram;
mod terminal;

// The scenarios.
mod easy;
mod stripe_checkout;
mod stripe_faults;
mod telegram_invoice;

const CLERK: &str = "@anna:example.org";
/// A BotFather test payment token.
const PAYMENT_TOKEN: &str = "284685063:TEST:schalter";
const ADMIN_TOKEN: &str = "payments-e2e-admin-token-0123456789abcdef";
const LOG: &str = "warn,outbox=info,inbound=info,payments=info,telegram=info";
/// Tuesday 2 February 2027, 07:55 in Heidelberg: the day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";
/// 08:25: check-in for the 08:30 slot is open.
const CHECK_IN: &str = "2027-02-02T08:25:00+01:00";
const SLOT: &str = "2027-02-02T08:30:00+01:00";
