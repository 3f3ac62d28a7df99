//! What a case is made of: the citizens, clerks and moments it starts from, and its steps.

/// Citizens per case: Telegram and Matrix (rate-limited, public) and the terminal.
pub(crate) const CONVERSATIONS: [&str; 5] = [
    "telegram:1001",
    "matrix:@ada:example.org",
    "terminal:eva",
    "telegram:1002",
    "matrix:@bo:example.org",
];
pub(crate) const CLERKS: [&str; 3] = ["@anna:example.org", "@ben:example.org", "@cem:example.org"];
/// Language hints a channel may give at first contact (Telegram's `language_code`).
pub(crate) const HINTS: [&str; 8] = ["de", "en-GB", "TR", "ar", "fa-IR", "pt-BR", "uk", "es"];

/// Where a case starts, office-local (Europe/Berlin): around Easter 2027 (Good Friday and
/// Easter Monday closed, summer time from Sunday 28 March 02:00), the end of summer time
/// (31 October 03:00), an ordinary Tuesday before and during opening hours, shortly before
/// closing on a Monday and a Thursday.
pub(crate) const STARTS: [(i32, u32, u32, u32, u32); 9] = [
    (2027, 3, 26, 7, 50),
    (2027, 3, 25, 7, 40),
    (2027, 3, 27, 23, 30),
    (2027, 10, 29, 7, 45),
    (2027, 2, 2, 7, 55),
    (2027, 2, 1, 11, 40),
    (2027, 3, 25, 13, 55),
    (2027, 2, 2, 9, 30),
    (2027, 10, 28, 16, 50),
];

#[derive(Debug, Clone)]
pub(crate) struct Case {
    /// Index into [`STARTS`].
    pub(crate) start: usize,
    /// Per conversation: index into [`HINTS`], or none.
    pub(crate) hints: Vec<Option<usize>>,
    pub(crate) ops: Vec<Op>,
}

#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// The citizen types something.
    Type {
        conv: usize,
        text: Typed,
    },
    /// The citizen presses a button.
    Press {
        conv: usize,
        press: Pressed,
    },
    /// The citizen goes along for a few steps, pressing what moves them towards a goal
    /// (book, visit, move or cancel, wander: see [`PROGRESS`]).
    Go {
        conv: usize,
        goal: u8,
        steps: u8,
    },
    /// Something that is not text.
    Other {
        conv: usize,
        input: Other,
    },
    /// The terminal opens the conversation (a returning citizen is greeted).
    Open {
        conv: usize,
    },
    /// The channel delivers the last input again (same key).
    Redeliver {
        conv: usize,
    },
    /// Time passes; the timers run at every due job on the way, as `serve` runs them.
    Advance(Advance),
    /// One timer tick now.
    Tick,
    Clerk {
        clerk: usize,
        act: ClerkAct,
    },
    Admin(AdminOp),
    /// Through the dialogue: the citizen's upcoming bookings are all listed, and one
    /// (preferably of a removed service) is cancelled.
    CheckBookings {
        conv: usize,
        pick: u8,
    },
    /// An admin removes the service of one of this citizen's bookings; then as
    /// [`Op::CheckBookings`].
    RemoveBooked {
        conv: usize,
        pick: u8,
    },
    /// Two phones on one account: a press and a typed text arrive at the same moment.
    Together {
        conv: usize,
        press: Pressed,
        text: Typed,
    },
    /// Two clerks say `next` at the same moment.
    Race {
        a: usize,
        b: usize,
    },
    /// A clerk ends the call (done, no-show, back) while the citizen presses something.
    Meanwhile {
        conv: usize,
        press: Pressed,
        clerk: usize,
        how: u8,
    },
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Style {
    Plain,
    Lower,
    Upper,
    Spaced,
}

#[derive(Debug, Clone)]
pub(crate) enum Typed {
    /// The label of the option at `idx` (modulo) of the current step.
    Label {
        idx: u8,
        style: Style,
    },
    /// The number `n` (1-based) as typed, in Persian digits or with a trailing `.`/`)`.
    Number {
        n: u8,
        persian: bool,
        suffix: u8,
    },
    /// The first word of a `keywords-*` message in a language.
    Keyword {
        lang: u8,
        which: u8,
    },
    /// A service's name or first keyword in a language.
    Service {
        lang: u8,
        which: u8,
        name: bool,
    },
    Command {
        which: u8,
        style: Style,
        suffix: u8,
    },
    Reference {
        source: RefSource,
        marks: u8,
        style: Style,
    },
    /// A time as `9:30`, `0930`, `9.30 Uhr`, `9h`.
    Time {
        h: u8,
        m: u8,
        form: u8,
    },
    /// A language's name in itself, or its code.
    LangName {
        lang: u8,
        code: bool,
    },
    /// The first phrase of a `question-*-keywords` message in a language; a question about a
    /// service (fee, duration, documents, someone else) names one when `service` is set.
    Question {
        lang: u8,
        which: u8,
        service: Option<u8>,
    },
    Free(String),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum RefSource {
    /// One of this citizen's bookings.
    Own(u8),
    /// Anybody's booking.
    Any(u8),
    /// A walk-in's (or anybody's) queue reference.
    Queue(u8),
    /// Well-formed, most likely nobody's.
    Random,
    /// Not a reference at all.
    Invalid,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Pressed {
    /// An option of the current step (as stored with the conversation).
    Offered(u8),
    /// The current option that moves the citizen along, by a preference list.
    Progress(u8),
    /// Any option this citizen was ever offered.
    Stale(u8),
    /// An option offered to another citizen.
    OtherConv(u8, u8),
    /// An option that came with a notification (check in, waiting room, feedback).
    Notified(u8),
    /// Made up.
    Forged(u8, u8),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Other {
    Media,
    Edited,
    Undecryptable,
    /// A file sent at whatever step the citizen is: 0 a new PDF, 1 a renamed executable, 2 a
    /// photo with a GPS position, 3 the same PDF as every citizen's earlier 3, 4 one over
    /// the size limit, 5 one the channel could not fetch.
    File(u8),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Advance {
    Seconds(u16),
    Minutes(u16),
    Hours(u8),
    /// Whole days: reminders a day ahead, the nightly purge of what has been idle too long.
    Days(u8),
    /// To a booking's check-in opening, plus `offset` minutes.
    ToCheckIn {
        booking: u8,
        offset: i8,
    },
    /// To the office's next opening, plus `offset` minutes.
    ToOpening {
        offset: i8,
    },
    /// To the next local midnight, plus `offset` minutes.
    ToMidnight {
        offset: i8,
    },
    /// Past the end of a hold.
    PastHold,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum ClerkAct {
    Next {
        video: bool,
    },
    Take(RefSource),
    Done {
        note: bool,
    },
    NoShow,
    Back,
    Away,
    Available,
    Heartbeat,
    /// The desk goes silent (no more heartbeats): its call goes back after the lease.
    Disconnect,
    /// `say KEY`: a prepared message to the citizen in the call (an unknown key too).
    Say(u8),
    /// `fee [AMOUNT] [reason]` for the current call or the one just done.
    Fee {
        amount: u8,
        reason: bool,
    },
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum AdminOp {
    /// A translation edited (valid or not; an invalid one is refused and changes nothing).
    Translate {
        lang: u8,
        msg: u8,
        valid: bool,
    },
    RemoveService(u8),
    /// A weekday's hours cut to `08:00-<until>:00` (0: closed that day).
    ShortenHours {
        day: u8,
        until: u8,
    },
    RestoreCatalog,
}
