//! Option ids: what a citizen can press, as one typed [`Action`]. [`Action::encode`] is the
//! only place that writes an id and [`Action::parse`] the only place that reads one.
//!
//! An id is `kind:arg`, or a bare `kind` (see the table). It leaves the core with a reply or a
//! notification and comes back, possibly days later: as a Telegram button's callback data, as
//! a number or label typed against the options stored with the conversation, or from a button
//! in a notification already delivered (check-in, waiting room). Hence the contract:
//!
//! - **Ids a citizen already holds keep working.** `encode` writes the same bytes Schalter has
//!   always written, down to the unix seconds of a slot. The form of an existing variant never
//!   changes. Something new gets a new kind, never a new spelling of an old one.
//! - **Old forms parse.** `parse` accepts every id that the option handling accepted before
//!   this type existed, with the same meaning. That includes the lenient forms below, which no
//!   version wrote. No form has been retired so far: every form ever written is written today.
//! - **Everything else is `None`**: an unknown kind, a kind in the wrong case, an argument that
//!   cannot be read (an unsupported language, an impossible date, a time that is not a number),
//!   the empty id, and an id longer than [`MAX_ID_BYTES`]. The caller treats it as an expired
//!   option.
//! - `parse(&a.encode()) == Some(a)` for every action (slot times in whole seconds, ratings
//!   1 to 5). `parse(id)` encodes back to `id` itself for every id Schalter writes, and to the
//!   written form for a lenient one.
//!
//! | id                     | action                  | offered                       |
//! |------------------------|-------------------------|-------------------------------|
//! | `lang:de` (any code)   | `ChooseLanguage`        | language picker               |
//! | `nav:back`             | `GoBack`                | most steps, `/forget`'s "no"  |
//! | `nav:menu`             | `MainMenu`              | most steps, waiting room      |
//! | `menu:book`            | `BookAppointment`       | main menu                     |
//! | `menu:appointments`    | `MyAppointments`        | main menu                     |
//! | `menu:checklist`       | `WhatToBring`           | main menu                     |
//! | `menu:help`            | `Help`                  | main menu (the help screen)   |
//! | `menu:language`        | `ChangeLanguage`        | main menu                     |
//! | `menu:walkin`          | `TalkToClerkNow`        | main menu, walk-in hours      |
//! | `checkin:{booking id}` | `CheckIn`               | menu, appointment, notice     |
//! | `queue:refresh`        | `RefreshQueue`          | waiting room, notifications   |
//! | `queue:leave`          | `LeaveQueue`            | waiting room, notifications   |
//! | `svc:{service id}`     | `PickService`           | service picker                |
//! | `tick:{document id}`   | `HaveDocument`          | checklist                     |
//! | `untick:{document id}` | `MissingDocument`       | checklist                     |
//! | `go:dates`             | `ContinueToDates`       | checklist (booking)           |
//! | `go:book`              | `BookThisService`       | checklist ("what to bring")   |
//! | `days:more`            | `LaterDays`             | day picker                    |
//! | `days:less`            | `EarlierDays`           | day picker                    |
//! | `day:2026-12-08`       | `PickDay`               | day picker                    |
//! | `times:more`           | `LaterTimes`            | time picker                   |
//! | `time:1796718600`      | `PickSlot`              | time picker                   |
//! | `confirm`              | `ConfirmAppointment`    | held slot                     |
//! | `other-time`           | `ChooseAnotherTime`     | held slot                     |
//! | `abort`                | `AbortBooking`          | held slot                     |
//! | `hold:more`            | `KeepHolding`           | held slot's warning           |
//! | `appt:{reference}`     | `OpenAppointment`       | my appointments               |
//! | `pay:{payment id}`     | `PayFee`                | my appointments               |
//! | `reschedule`           | `RescheduleAppointment` | appointment                   |
//! | `cancel`               | `CancelAppointment`     | appointment                   |
//! | `yes-cancel`           | `ConfirmCancellation`   | cancelling an appointment     |
//! | `no-keep`              | `KeepAppointment`       | cancelling an appointment     |
//! | `feedback:1` … `:5`    | `RateVisit`             | feedback question             |
//! | `skip`                 | `SkipFeedback`          | feedback question and comment |
//! | `forget:yes`           | `ForgetMe`              | `/forget`                     |
//! | `ask:hours` (…)        | `Ask`                   | help screen                   |
//!
//! # Lenient forms
//!
//! `parse` splits at the first `:`. An id without a colon is its kind with an empty argument.
//! Like the match it replaces, `parse` looks at the argument only where it matters:
//!
//! - kinds without an argument (`confirm`, `other-time`, `abort`, `reschedule`, `cancel`,
//!   `yes-cancel`, `no-keep`, `skip`, `times`) ignore whatever follows the colon;
//! - `nav:` goes back unless the argument is `menu`, and `queue:` refreshes unless it is
//!   `leave`. `menu:` with an unknown argument is help. `go:` continues to dates unless the
//!   argument is `book`, and `days:` pages back unless it is `more`;
//! - `feedback:` reads an integer and clamps it to 1–5, or gives 3 when it reads none;
//! - `lang:` reads a tag as [`Lang::from_tag`] does (`DE`, `de-AT`), `time:` any `i64`
//!   (`+1796718600`), and `day:` whatever `%Y-%m-%d` reads (`2026-12-8`);
//! - opaque arguments (service, document, booking, payment, reference) are taken as they
//!   are, colons and emptiness included. `forget:` accepts only `yes`.
//!
//! Other strings in the core look like ids but are not option ids, so they never go through
//! this type: notification slots (`feedback:{entry}`, `payment:{id}`, `job:…`, `called:…`),
//! conversation ids (`telegram:…`) and channel addresses (`video:…`).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

use crate::i18n::Lang;

/// The longest id a channel carries back: Telegram's callback data. The Telegram channel
/// leaves longer options out, and `parse` refuses them. Every id Schalter writes is far
/// shorter: the longest is `untick:` with a 40-character document id, 47 bytes.
pub const MAX_ID_BYTES: usize = 64;

/// The rating read from a `feedback:` id without a number.
const DEFAULT_RATING: u8 = 3;

/// One option a citizen can press, named for what they ask. Each variant's documentation says
/// where it is offered; the module documentation has its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Action {
    /// `lang:{code}`: speak this language. Offered on the language picker (first contact,
    /// `/language`, "Change language"); a language name typed there also becomes this.
    ChooseLanguage(Lang),
    /// `nav:back`: the step before. Offered on most steps, and as "No, delete nothing" when
    /// confirming `/forget`; the `/back` command presses it where it is offered.
    GoBack,
    /// `nav:menu`: the main menu. Offered on most steps, including the waiting room.
    MainMenu,
    /// `menu:book`: book an appointment. Offered on the main menu.
    BookAppointment,
    /// `menu:appointments`: my appointments and open fees. Offered on the main menu.
    MyAppointments,
    /// `menu:checklist`: "What do I need to bring?", a service's documents without booking.
    /// Offered on the main menu.
    WhatToBring,
    /// `menu:help`: the help text. Offered on the main menu.
    Help,
    /// `menu:language`: the language picker. Offered on the main menu.
    ChangeLanguage,
    /// `menu:walkin`: talk to a clerk now (join the waiting room without an appointment).
    /// Offered on the main menu while walk-ins are open.
    TalkToClerkNow,
    /// `checkin:{booking id}`: check in for this booking. Offered first on the main menu while
    /// its check-in is open, on the appointment's detail, and with the "check-in open"
    /// notification; works outside its step (see [`Action::is_global`]).
    CheckIn(String),
    /// `queue:refresh`: my place in the waiting room again. Offered in the waiting room and
    /// with its notifications; works outside its step.
    RefreshQueue,
    /// `queue:leave`: leave the waiting room. Offered in the waiting room and with its
    /// notifications; works outside its step.
    LeaveQueue,
    /// `svc:{service id}`: this service. Offered on the service picker (booking, "what to
    /// bring", several services matching typed text).
    PickService(String),
    /// `tick:{document id}`: "I have" this document. Offered on the checklist of a service
    /// done by video, for each document not yet ticked.
    HaveDocument(String),
    /// `untick:{document id}`: "Still missing" this document. Offered on that checklist for
    /// each ticked document.
    MissingDocument(String),
    /// `go:dates`: continue to choose a date. Offered on the checklist when booking.
    ContinueToDates,
    /// `go:book`: book an appointment for this service. Offered on the checklist reached
    /// through "What do I need to bring?".
    BookThisService,
    /// `days:more`: later days. Offered on the day picker when there are more pages.
    LaterDays,
    /// `days:less`: earlier days. Offered on the day picker after its first page.
    EarlierDays,
    /// `day:{YYYY-MM-DD}`: this day, in the office's time zone. Offered on the day picker.
    PickDay(NaiveDate),
    /// `times:more`: later times. Offered on the time picker when there are more pages.
    LaterTimes,
    /// `time:{unix seconds}`: the slot starting at this instant (whole seconds; a sub-second
    /// part is not written). Offered on the time picker; a time typed there (`9:30`) becomes
    /// the offered slot at that time.
    PickSlot(DateTime<Utc>),
    /// `confirm`: confirm the appointment. Offered on the held slot.
    ConfirmAppointment,
    /// `other-time`: choose another time. Offered on the held slot.
    ChooseAnotherTime,
    /// `abort`: cancel booking (the held slot is released). Offered on the held slot.
    AbortBooking,
    /// `hold:more`: hold the slot longer. Offered with the warning shortly before a held slot
    /// runs out (a time limit must be one that can be extended); works outside its step.
    KeepHolding,
    /// `appt:{reference}`: open this appointment (by its reference, `7KQ2-M9XD`). Offered on
    /// my appointments.
    OpenAppointment(String),
    /// `pay:{payment id}`: pay this open fee again. Offered on my appointments, on channels
    /// that take payments.
    PayFee(String),
    /// `reschedule`: reschedule the appointment. Offered on the appointment's detail.
    RescheduleAppointment,
    /// `cancel`: cancel the appointment (asks first). Offered on the appointment's detail.
    CancelAppointment,
    /// `yes-cancel`: yes, cancel it. Offered when cancelling an appointment.
    ConfirmCancellation,
    /// `no-keep`: no, keep it. Offered when cancelling an appointment.
    KeepAppointment,
    /// `feedback:{1..=5}`: rate the visit, 1 (not satisfied at all) to 5 (very satisfied).
    /// Offered on the feedback question after a call. Holds 1 to 5: `parse` clamps, and
    /// `encode` writes the number as it is.
    RateVisit(u8),
    /// `skip`: no rating or no comment. Offered on the feedback question and on the comment
    /// prompt.
    SkipFeedback,
    /// `forget:yes`: yes, delete everything about me. Offered when confirming `/forget`.
    ForgetMe,
    /// `docs`: the documents sent for this appointment. Offered on the appointment's detail
    /// when its service has a checklist and the office takes documents.
    OpenDocuments,
    /// `docsend:{document id}`: the next file is for this checklist item. Offered on the
    /// appointment's documents, per item ("send" or "replace").
    SendDocument(String),
    /// `docdel:{document id}`: delete what was sent for this item. Offered on the
    /// appointment's documents for each item that has a file.
    RemoveDocument(String),
    /// `docfor:{document id}`: the file that just arrived is this item. Offered when a file
    /// arrived without its item being clear.
    DocumentIs(String),
    /// `ask:{question}`: a question citizens ask (`hours`, `address`, `cost`, `call`,
    /// `payment`, `proxy`), answered without leaving the step. Offered on the help screen.
    Ask(String),
}

impl Action {
    /// The id of this option, exactly as Schalter has always written it.
    pub fn encode(&self) -> String {
        match self {
            Action::ChooseLanguage(lang) => format!("lang:{}", lang.code()),
            Action::GoBack => "nav:back".to_owned(),
            Action::MainMenu => "nav:menu".to_owned(),
            Action::BookAppointment => "menu:book".to_owned(),
            Action::MyAppointments => "menu:appointments".to_owned(),
            Action::WhatToBring => "menu:checklist".to_owned(),
            Action::Help => "menu:help".to_owned(),
            Action::ChangeLanguage => "menu:language".to_owned(),
            Action::TalkToClerkNow => "menu:walkin".to_owned(),
            Action::CheckIn(booking) => format!("checkin:{booking}"),
            Action::RefreshQueue => "queue:refresh".to_owned(),
            Action::LeaveQueue => "queue:leave".to_owned(),
            Action::PickService(service) => format!("svc:{service}"),
            Action::HaveDocument(document) => format!("tick:{document}"),
            Action::MissingDocument(document) => format!("untick:{document}"),
            Action::ContinueToDates => "go:dates".to_owned(),
            Action::BookThisService => "go:book".to_owned(),
            Action::LaterDays => "days:more".to_owned(),
            Action::EarlierDays => "days:less".to_owned(),
            // `NaiveDate`'s `Display` is `%Y-%m-%d`, as the day picker has always written.
            Action::PickDay(date) => format!("day:{date}"),
            Action::LaterTimes => "times:more".to_owned(),
            Action::PickSlot(start) => format!("time:{}", start.timestamp()),
            Action::ConfirmAppointment => "confirm".to_owned(),
            Action::ChooseAnotherTime => "other-time".to_owned(),
            Action::AbortBooking => "abort".to_owned(),
            Action::KeepHolding => "hold:more".to_owned(),
            Action::OpenAppointment(reference) => format!("appt:{reference}"),
            Action::PayFee(payment) => format!("pay:{payment}"),
            Action::RescheduleAppointment => "reschedule".to_owned(),
            Action::CancelAppointment => "cancel".to_owned(),
            Action::ConfirmCancellation => "yes-cancel".to_owned(),
            Action::KeepAppointment => "no-keep".to_owned(),
            Action::RateVisit(rating) => format!("feedback:{rating}"),
            Action::SkipFeedback => "skip".to_owned(),
            Action::ForgetMe => "forget:yes".to_owned(),
            Action::OpenDocuments => "docs".to_owned(),
            Action::SendDocument(item) => format!("docsend:{item}"),
            Action::RemoveDocument(item) => format!("docdel:{item}"),
            Action::DocumentIs(item) => format!("docfor:{item}"),
            Action::Ask(question) => format!("ask:{question}"),
        }
    }

    /// The action an id stands for: every form written today and every form accepted before
    /// (see the module documentation), or `None`.
    pub fn parse(id: &str) -> Option<Action> {
        if id.is_empty() || id.len() > MAX_ID_BYTES {
            return None;
        }
        let (kind, arg) = id.split_once(':').unwrap_or((id, ""));
        Some(match kind {
            "lang" => Action::ChooseLanguage(Lang::from_tag(arg)?),
            "nav" if arg == "menu" => Action::MainMenu,
            "nav" => Action::GoBack,
            "menu" => match arg {
                "book" => Action::BookAppointment,
                "appointments" => Action::MyAppointments,
                "checklist" => Action::WhatToBring,
                "language" => Action::ChangeLanguage,
                "walkin" => Action::TalkToClerkNow,
                // `menu:help`, and whatever else a menu option might have been.
                _ => Action::Help,
            },
            "checkin" => Action::CheckIn(arg.to_owned()),
            "queue" if arg == "leave" => Action::LeaveQueue,
            "queue" => Action::RefreshQueue,
            "svc" => Action::PickService(arg.to_owned()),
            "tick" => Action::HaveDocument(arg.to_owned()),
            "untick" => Action::MissingDocument(arg.to_owned()),
            "go" if arg == "book" => Action::BookThisService,
            "go" => Action::ContinueToDates,
            "days" if arg == "more" => Action::LaterDays,
            "days" => Action::EarlierDays,
            "day" => Action::PickDay(NaiveDate::parse_from_str(arg, "%Y-%m-%d").ok()?),
            "times" => Action::LaterTimes,
            "time" => Action::PickSlot(DateTime::from_timestamp(arg.parse::<i64>().ok()?, 0)?),
            "confirm" => Action::ConfirmAppointment,
            "other-time" => Action::ChooseAnotherTime,
            "abort" => Action::AbortBooking,
            "hold" if arg == "more" => Action::KeepHolding,
            "appt" => Action::OpenAppointment(arg.to_owned()),
            "pay" => Action::PayFee(arg.to_owned()),
            "reschedule" => Action::RescheduleAppointment,
            "cancel" => Action::CancelAppointment,
            "yes-cancel" => Action::ConfirmCancellation,
            "no-keep" => Action::KeepAppointment,
            "feedback" => Action::RateVisit(
                arg.parse::<i64>()
                    .map_or(DEFAULT_RATING, |n| n.clamp(1, 5) as u8),
            ),
            "skip" => Action::SkipFeedback,
            "forget" if arg == "yes" => Action::ForgetMe,
            "docs" => Action::OpenDocuments,
            "docsend" if !arg.is_empty() => Action::SendDocument(arg.to_owned()),
            "docdel" if !arg.is_empty() => Action::RemoveDocument(arg.to_owned()),
            "docfor" if !arg.is_empty() => Action::DocumentIs(arg.to_owned()),
            "ask" if !arg.is_empty() => Action::Ask(arg.to_owned()),
            _ => return None,
        })
    }

    /// Whether choosing it may change more than the conversation's own row: the queue, a
    /// booking or its hold, a payment, a document, feedback, the citizen's data. Only moves
    /// between screens (which may read the database) are not; any action not listed as such
    /// counts as touching records, so that a new one is safe by default.
    pub fn touches_records(&self) -> bool {
        !matches!(
            self,
            Action::GoBack
                | Action::MainMenu
                | Action::BookAppointment
                | Action::MyAppointments
                | Action::WhatToBring
                | Action::Help
                | Action::ChangeLanguage
                | Action::PickService(_)
                | Action::HaveDocument(_)
                | Action::MissingDocument(_)
                | Action::ContinueToDates
                | Action::BookThisService
                | Action::LaterDays
                | Action::EarlierDays
                | Action::PickDay(_)
                | Action::LaterTimes
                | Action::OpenAppointment(_)
                | Action::RescheduleAppointment
                | Action::CancelAppointment
                | Action::KeepAppointment
                | Action::OpenDocuments
                | Action::SendDocument(_)
                | Action::Ask(_)
        )
    }

    /// Whether the option also comes with notifications, outside the step that offers it
    /// (check-in, the waiting room, the held slot's warning). The engine checks such an option against the database
    /// instead of against the options last shown.
    pub fn is_global(&self) -> bool {
        matches!(
            self,
            Action::CheckIn(_) | Action::RefreshQueue | Action::LeaveQueue | Action::KeepHolding
        )
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl From<Action> for String {
    /// The id, so that an action goes where an option's id is taken (`impl Into<String>`).
    fn from(action: Action) -> String {
        action.encode()
    }
}

/// An id that [`Action::parse`] does not read: unknown, unreadable, empty or too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an option id")]
pub struct UnknownOption;

impl FromStr for Action {
    type Err = UnknownOption;

    fn from_str(id: &str) -> Result<Action, UnknownOption> {
        Action::parse(id).ok_or(UnknownOption)
    }
}

#[cfg(test)]
mod tests;
