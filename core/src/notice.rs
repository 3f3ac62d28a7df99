//! What an outbox row is, named once: the core writes every row with a [`NoticeKind`], the
//! store keeps its name in the row's `kind` column, and the channels read it back to decide
//! what to do around the delivery (a farewell ends the conversation, a file is deleted once
//! sent, a desk's agenda is shown as a list). No other module spells these names.
//!
//! A name, once written, never changes: rows written by an older version are read by a newer
//! one. A row whose name this version does not know (written by a newer one during a rolling
//! upgrade) is delivered as a plain message ([`NoticeKind::parse`] gives `None`).

/// The kind of an outbox row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// The answer to a citizen's input.
    Reply,
    /// The answer to `/forget`: the last message; its row goes once it is delivered.
    Farewell,
    /// "Something went wrong on our side" instead of silence.
    Apology,
    /// "Write to me in private", to a group.
    PrivateOnly,
    /// The question how the visit went.
    Feedback,
    /// A clerk calls the citizen (with the room's link).
    Called,
    /// The waiting-room message while the call runs.
    InCall,
    /// The waiting-room message after the call: done, …
    VisitDone,
    /// … missed, …
    VisitNoShow,
    /// … or back in the queue.
    BackInQueue,
    /// The waiting-room message with the position and the expected wait.
    Position,
    /// A clerk's prepared message (`!say KEY`).
    Say,
    /// The reminder a day before an appointment.
    RemindDay,
    /// The reminder shortly before an appointment.
    RemindSoon,
    /// Check-in is open.
    CheckInOpen,
    /// The appointment was missed.
    NoShow,
    /// The desk's agenda of the day.
    Agenda,
    /// A payment request.
    Payment,
    /// The receipt of a payment.
    Receipt,
    /// The desk's line that a payment came in.
    Paid,
    /// The desk's line that a payment came in for a request paid already.
    PaidTwice,
    /// `/mydata`'s file; its row goes once it is delivered.
    MyDataFile,
    /// A booking's calendar file (to a mail address: the booking's confirmation with it).
    CalendarFile,
    /// The link that confirms a mail address a web citizen gave.
    MailConfirm,
    /// A held slot runs out in a minute: hold it longer?
    HoldWarning,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 25] = [
        NoticeKind::Reply,
        NoticeKind::Farewell,
        NoticeKind::Apology,
        NoticeKind::PrivateOnly,
        NoticeKind::Feedback,
        NoticeKind::Called,
        NoticeKind::InCall,
        NoticeKind::VisitDone,
        NoticeKind::VisitNoShow,
        NoticeKind::BackInQueue,
        NoticeKind::Position,
        NoticeKind::Say,
        NoticeKind::RemindDay,
        NoticeKind::RemindSoon,
        NoticeKind::CheckInOpen,
        NoticeKind::NoShow,
        NoticeKind::Agenda,
        NoticeKind::Payment,
        NoticeKind::Receipt,
        NoticeKind::Paid,
        NoticeKind::PaidTwice,
        NoticeKind::MyDataFile,
        NoticeKind::CalendarFile,
        NoticeKind::MailConfirm,
        NoticeKind::HoldWarning,
    ];

    /// The name kept in the row (as every version before this type wrote it).
    pub const fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Reply => "reply",
            NoticeKind::Farewell => "farewell",
            NoticeKind::Apology => "apology",
            NoticeKind::PrivateOnly => "private-only",
            NoticeKind::Feedback => "feedback",
            NoticeKind::Called => "called",
            NoticeKind::InCall => "in-call",
            NoticeKind::VisitDone => "visit-done",
            NoticeKind::VisitNoShow => "visit-no-show",
            NoticeKind::BackInQueue => "back-in-queue",
            NoticeKind::Position => "position",
            NoticeKind::Say => "say",
            NoticeKind::RemindDay => "remind-day",
            NoticeKind::RemindSoon => "remind-soon",
            NoticeKind::CheckInOpen => "check-in-open",
            NoticeKind::NoShow => "no-show",
            NoticeKind::Agenda => "agenda",
            NoticeKind::Payment => "payment",
            NoticeKind::Receipt => "receipt",
            NoticeKind::Paid => "paid",
            NoticeKind::PaidTwice => "paid-twice",
            NoticeKind::MyDataFile => "mydata-file",
            NoticeKind::CalendarFile => "calendar-file",
            NoticeKind::MailConfirm => "mail-confirm",
            NoticeKind::HoldWarning => "hold-warning",
        }
    }

    /// The kind a row's name stands for; `None` for a name this version does not know.
    pub fn parse(name: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for NoticeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::NoticeKind;

    #[test]
    fn every_name_is_its_own_and_reads_back() {
        let mut names = std::collections::HashSet::new();
        for kind in NoticeKind::ALL {
            assert!(names.insert(kind.as_str()), "{kind} named twice");
            assert_eq!(NoticeKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(NoticeKind::parse("from-a-newer-version"), None);
    }
}
