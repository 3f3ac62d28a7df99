//! The dialogue state: data, persisted per conversation as JSON.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Why the citizen is choosing a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Book,
    Checklist,
}

/// A booking in the making.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub service: String,
    /// Documents the citizen has ticked off.
    #[serde(default)]
    pub have: Vec<String>,
    /// Set when this draft moves an existing booking (its id) instead of making a new one.
    #[serde(default)]
    pub reschedule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum State {
    /// Choosing a language; afterwards the dialogue continues at `back` (or the menu).
    PickLanguage {
        #[serde(default)]
        back: Option<Box<State>>,
    },
    Menu,
    /// The help text, with the questions citizens ask as buttons.
    Help,
    PickService {
        purpose: Purpose,
        /// Narrowed to these services after an ambiguous free text; empty means all.
        #[serde(default)]
        only: Vec<String>,
    },
    Checklist {
        purpose: Purpose,
        draft: Draft,
    },
    PickDay {
        draft: Draft,
        #[serde(default)]
        page: usize,
    },
    PickTime {
        draft: Draft,
        date: NaiveDate,
        #[serde(default)]
        page: usize,
    },
    Confirm {
        draft: Draft,
        /// Id of the held booking.
        hold: String,
        starts_at: DateTime<Utc>,
    },
    Appointments,
    Appointment {
        booking: String,
    },
    CancelAppointment {
        booking: String,
    },
    /// A booking's documents: what was sent for each checklist item. `item`: the one the
    /// citizen said they send next (the next file is for it).
    Documents {
        booking: String,
        #[serde(default)]
        item: Option<String>,
    },
    /// A file arrived for the booking without its item: which is it?
    WhichDocument {
        booking: String,
        document: String,
    },
    /// In the virtual waiting room (or with a clerk).
    Waiting {
        entry: String,
    },
    /// After the call: how was it (1–5)?
    Feedback {
        entry: String,
    },
    /// After the rating: anything else to say?
    FeedbackComment {
        entry: String,
    },
    /// `/forget`: really delete everything? Afterwards the dialogue continues at `back`.
    ConfirmForget {
        #[serde(default)]
        back: Option<Box<State>>,
    },
}

impl State {
    /// The booking being prepared at this step, if any.
    pub fn draft(&self) -> Option<&Draft> {
        match self {
            State::Checklist { draft, .. }
            | State::PickDay { draft, .. }
            | State::PickTime { draft, .. }
            | State::Confirm { draft, .. } => Some(draft),
            _ => None,
        }
    }

    /// The hold this state keeps alive, if any.
    pub fn hold(&self) -> Option<&str> {
        match self {
            State::Confirm { hold, .. } => Some(hold),
            _ => None,
        }
    }
}
