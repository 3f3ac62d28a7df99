//! Generated conversations with invariants (issue 14, the dialogue and the desk).
//!
//! A case is a sequence of steps on one engine, the way `schalter serve` meets them: inputs of
//! several citizens at once (typed text in all twelve languages, pressed options current,
//! stale, forged or taken from another conversation, media, edits, redeliveries), the clock
//! moved forward with the timers run as the serve loop runs them (every job at its time),
//! clerks working the queue through the same core calls as the desk, and admins changing a
//! translation or the catalogue through the same core calls as the admin API. After every step
//! the rules the office lives by are checked (see [`World::check_reply`] and
//! [`World::check_store`]). A failing case shrinks to a short sequence; every defect found this
//! way is fixed and its sequence kept below as a named `#[tokio::test]`.
//!
//! `cargo test -p schalter-tests --test properties` runs 1,600 cases on SQLite and 500 on
//! PostgreSQL (`PROPTEST_CASES` overrides both); `cargo test --release -p schalter-tests
//! --test properties -- --ignored fuzz` runs 1,000,000 inputs on SQLite and 100,000 on
//! PostgreSQL (`SCHALTER_FUZZ_INPUTS` and `SCHALTER_FUZZ_WORKERS` override).
//!
//! The rules, checked after every step:
//! - no panic, and no error from the engine, the timers, the desk or the admin calls;
//! - every input gets one reply, in the language the conversation has (the language picker
//!   speaks all), readable (no `{`, `}`, `$`, no message id), with distinct options of at most
//!   64 bytes, stored with the conversation; an option of the step shown is never answered as
//!   expired; the same input again under its key gets the stored reply and changes nothing;
//! - messages to a citizen read well and come in the citizen's language;
//! - no desk unit taken twice, every live booking holds exactly its units, cancelled and
//!   expired ones hold none, a citizen holds one slot at most;
//! - a citizen waits or talks in one place at most, a clerk has one call at most;
//! - after the timers ran, every due job is done (once), and no hold is past its deadline;
//! - a citizen's upcoming bookings are all listed and can be cancelled, also when an admin
//!   removed their service.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use schalter_core::catalog::DEFAULT_CATALOG;
use schalter_core::dialogue::State;
use schalter_core::i18n::{edit, source};
use schalter_core::live::Sources;
use schalter_core::queue::Message;
use schalter_core::store::{BookingStatus, Finish, Pick};
use schalter_core::{Catalog, Choice, Engine, FixedClock, I18n, Input, Lang, Reply, Store};
use schalter_tests::TestDb;
use sqlx::Row;

// ---------------------------------------------------------------------------------------------
// What a case is made of
// ---------------------------------------------------------------------------------------------

/// Citizens per case: Telegram and Matrix (rate-limited, public) and the terminal.
const CONVERSATIONS: [&str; 5] = [
    "telegram:1001",
    "matrix:@ada:example.org",
    "terminal:eva",
    "telegram:1002",
    "matrix:@bo:example.org",
];
const CLERKS: [&str; 3] = ["@anna:example.org", "@ben:example.org", "@cem:example.org"];
/// Language hints a channel may give at first contact (Telegram's `language_code`).
const HINTS: [&str; 8] = ["de", "en-GB", "TR", "ar", "fa-IR", "pt-BR", "uk", "es"];

/// Where a case starts, office-local (Europe/Berlin): around Easter 2027 (Good Friday and
/// Easter Monday closed, summer time from Sunday 28 March 02:00), the end of summer time
/// (31 October 03:00), an ordinary Tuesday before and during opening hours, shortly before
/// closing on a Monday and a Thursday.
const STARTS: [(i32, u32, u32, u32, u32); 9] = [
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
pub struct Case {
    /// Index into [`STARTS`].
    start: usize,
    /// Per conversation: index into [`HINTS`], or none.
    hints: Vec<Option<usize>>,
    ops: Vec<Op>,
}

#[derive(Debug, Clone)]
enum Op {
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
enum Style {
    Plain,
    Lower,
    Upper,
    Spaced,
}

#[derive(Debug, Clone)]
enum Typed {
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
    Free(String),
}

#[derive(Debug, Clone, Copy)]
enum RefSource {
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
enum Pressed {
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
enum Other {
    Media,
    Edited,
    Undecryptable,
}

#[derive(Debug, Clone, Copy)]
enum Advance {
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
enum ClerkAct {
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
enum AdminOp {
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

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        3 => Just(Style::Plain),
        1 => Just(Style::Lower),
        1 => Just(Style::Upper),
        1 => Just(Style::Spaced),
    ]
}

fn ref_source() -> impl Strategy<Value = RefSource> {
    prop_oneof![
        3 => any::<u8>().prop_map(RefSource::Own),
        1 => any::<u8>().prop_map(RefSource::Any),
        1 => any::<u8>().prop_map(RefSource::Queue),
        1 => Just(RefSource::Random),
        1 => Just(RefSource::Invalid),
    ]
}

fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 äöüßÄÖÜçğışéèàñ.,!?:;()\\-]{0,30}",
        2 => "[a-z ]{0,12}[абвгдеёжзийклмнопрстуфхцчшщьюяіїєґ ]{0,20}",
        2 => "[ابتثجحخدذرزسشصضطظعغفقكلمنهوي ]{0,20}[0-9۰-۹٠-٩ ]{0,6}",
        1 => "[\u{200E}\u{200F}\u{2066}-\u{2069}\u{061C} a-z0-9]{0,12}",
        1 => "[\u{1F600}-\u{1F64F}\u{1F680}-\u{1F6FF}\u{200D}\u{FE0F} ]{0,8}",
        1 => "[\u{0000}-\u{001F}\u{007F}a ]{1,6}",
        1 => prop::sample::select(vec![
            String::new(),
            "   ".to_owned(),
            "\n\n\t".to_owned(),
            "\u{200F}".to_owned(),
            "e\u{301}".repeat(1500),
            "a".repeat(4096),
            "a".repeat(4097),
            "🙂".repeat(2049),
            "ab ".repeat(1400),
            "<b>hi</b> &amp;".to_owned(),
            "'; DROP TABLE bookings; --".to_owned(),
            "null".to_owned(),
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ｆｕｌｌｗｉｄｔｈ".to_owned(),
            "مرحبا ABCD-EFGH ١٢٣".to_owned(),
            "Anmeldung Ummeldung".to_owned(),
            "register".to_owned(),
            "kayıt".to_owned(),
            "реєстрація".to_owned(),
            "https://example.org/x?y=z".to_owned(),
        ]),
    ]
}

fn typed() -> impl Strategy<Value = Typed> {
    prop_oneof![
        5 => (any::<u8>(), style()).prop_map(|(idx, style)| Typed::Label { idx, style }),
        5 => (0u8..14, any::<bool>(), 0u8..4).prop_map(|(n, persian, suffix)| Typed::Number {
            n,
            persian,
            suffix
        }),
        2 => (0u8..12, 0u8..7).prop_map(|(lang, which)| Typed::Keyword { lang, which }),
        3 => (0u8..12, 0u8..8, any::<bool>()).prop_map(|(lang, which, name)| Typed::Service {
            lang,
            which,
            name
        }),
        3 => (0u8..14, style(), 0u8..3).prop_map(|(which, style, suffix)| Typed::Command {
            which,
            style,
            suffix
        }),
        2 => (ref_source(), 0u8..6, style()).prop_map(|(source, marks, style)| {
            Typed::Reference { source, marks, style }
        }),
        1 => (6u8..19, prop::sample::select(vec![0u8, 10, 20, 30, 40, 50, 55]), 0u8..4)
            .prop_map(|(h, m, form)| Typed::Time { h, m, form }),
        1 => (0u8..12, any::<bool>()).prop_map(|(lang, code)| Typed::LangName { lang, code }),
        2 => free_text().prop_map(Typed::Free),
    ]
}

fn pressed() -> impl Strategy<Value = Pressed> {
    prop_oneof![
        6 => any::<u8>().prop_map(Pressed::Offered),
        8 => any::<u8>().prop_map(Pressed::Progress),
        2 => any::<u8>().prop_map(Pressed::Stale),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(c, i)| Pressed::OtherConv(c, i)),
        2 => any::<u8>().prop_map(Pressed::Notified),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(k, a)| Pressed::Forged(k, a)),
    ]
}

fn advance() -> impl Strategy<Value = Advance> {
    prop_oneof![
        4 => (1u16..600).prop_map(Advance::Seconds),
        4 => (1u16..240).prop_map(Advance::Minutes),
        1 => (1u8..72).prop_map(Advance::Hours),
        1 => (1u8..40).prop_map(Advance::Days),
        5 => (any::<u8>(), -12i8..25).prop_map(|(booking, offset)| Advance::ToCheckIn {
            booking,
            offset
        }),
        3 => (-5i8..40).prop_map(|offset| Advance::ToOpening { offset }),
        1 => (-3i8..4).prop_map(|offset| Advance::ToMidnight { offset }),
        2 => Just(Advance::PastHold),
    ]
}

fn clerk_act() -> impl Strategy<Value = ClerkAct> {
    prop_oneof![
        10 => any::<bool>().prop_map(|video| ClerkAct::Next { video }),
        2 => ref_source().prop_map(ClerkAct::Take),
        3 => any::<bool>().prop_map(|note| ClerkAct::Done { note }),
        1 => Just(ClerkAct::NoShow),
        1 => Just(ClerkAct::Back),
        1 => Just(ClerkAct::Away),
        1 => Just(ClerkAct::Available),
        1 => Just(ClerkAct::Heartbeat),
        1 => Just(ClerkAct::Disconnect),
        1 => any::<u8>().prop_map(ClerkAct::Say),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(amount, reason)| ClerkAct::Fee {
            amount,
            reason
        }),
    ]
}

fn admin_op() -> impl Strategy<Value = AdminOp> {
    prop_oneof![
        3 => (0u8..12, any::<u8>(), prop::bool::weighted(0.7)).prop_map(|(lang, msg, valid)| {
            AdminOp::Translate { lang, msg, valid }
        }),
        3 => (0u8..8).prop_map(AdminOp::RemoveService),
        2 => (0u8..5, prop::sample::select(vec![0u8, 9, 10, 11])).prop_map(|(day, until)| {
            AdminOp::ShortenHours { day, until }
        }),
        1 => Just(AdminOp::RestoreCatalog),
    ]
}

/// Conversations 0 and 1 get most of the inputs, so that their flows get somewhere.
fn conv() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..2, 1 => 0usize..CONVERSATIONS.len()]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        10 => (conv(), typed()).prop_map(|(conv, text)| Op::Type { conv, text }),
        12 => (conv(), pressed()).prop_map(|(conv, press)| Op::Press { conv, press }),
        // Half of the walks book (goal 0 of PROGRESS), the rest go anywhere.
        12 => (conv(), prop_oneof![any::<u8>(), (0u8..64).prop_map(|g| g * 4)], 1u8..12)
            .prop_map(|(conv, goal, steps)| Op::Go {
            conv,
            goal,
            steps
        }),
        1 => (conv(), prop_oneof![Just(Other::Media), Just(Other::Edited), Just(Other::Undecryptable)])
            .prop_map(|(conv, input)| Op::Other { conv, input }),
        1 => conv().prop_map(|conv| Op::Open { conv }),
        1 => conv().prop_map(|conv| Op::Redeliver { conv }),
        6 => advance().prop_map(Op::Advance),
        1 => Just(Op::Tick),
        8 => (0usize..CLERKS.len(), clerk_act()).prop_map(|(clerk, act)| Op::Clerk { clerk, act }),
        2 => admin_op().prop_map(Op::Admin),
        2 => (conv(), any::<u8>()).prop_map(|(conv, pick)| Op::CheckBookings { conv, pick }),
        1 => (conv(), any::<u8>()).prop_map(|(conv, pick)| Op::RemoveBooked { conv, pick }),
        1 => (conv(), pressed(), typed()).prop_map(|(conv, press, text)| Op::Together {
            conv,
            press,
            text
        }),
        1 => (0usize..CLERKS.len(), 0usize..CLERKS.len()).prop_map(|(a, b)| Op::Race { a, b }),
        1 => (conv(), pressed(), 0usize..CLERKS.len(), 0u8..3).prop_map(
            |(conv, press, clerk, how)| Op::Meanwhile {
                conv,
                press,
                clerk,
                how
            }
        ),
    ]
}

fn case(max_ops: usize) -> impl Strategy<Value = Case> {
    (
        0..STARTS.len(),
        prop::collection::vec(
            prop::option::weighted(0.5, 0..HINTS.len()),
            CONVERSATIONS.len(),
        ),
        prop::collection::vec(op(), 1..=max_ops),
    )
        .prop_map(|(start, hints, ops)| Case { start, hints, ops })
}

// ---------------------------------------------------------------------------------------------
// What citizens must never read, and which language a line is in
// ---------------------------------------------------------------------------------------------

/// Facts about the shipped locales, computed once.
struct Oracle {
    /// Every message id of the reference locale.
    ids: HashSet<String>,
    /// Each line of a message without arguments (normalized) → the languages it is in.
    lines: HashMap<String, u16>,
    /// Raw values per language, for admins' edits.
    values: BTreeMap<Lang, BTreeMap<String, String>>,
}

fn lang_bit(lang: Lang) -> u16 {
    1 << Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// A line as compared: without direction marks, trimmed.
fn plain(line: &str) -> String {
    line.chars()
        .filter(|c| !schalter_core::matching::is_bidi_mark(*c))
        .collect::<String>()
        .trim()
        .to_owned()
}

fn oracle() -> &'static Oracle {
    static ORACLE: OnceLock<Oracle> = OnceLock::new();
    ORACLE.get_or_init(|| {
        let files = source::builtin();
        let values = edit::all_messages(&files, &[]);
        let i18n = I18n::builtin();
        let mut lines: HashMap<String, u16> = HashMap::new();
        for (lang, messages) in &values {
            for id in messages.keys() {
                if id.starts_with("keywords-") || id.ends_with("-keywords") {
                    continue;
                }
                for line in i18n.text(*lang, id).lines() {
                    let line = plain(line);
                    if line.chars().count() >= 12 && !line.contains('{') {
                        *lines.entry(line).or_default() |= lang_bit(*lang);
                    }
                }
            }
        }
        Oracle {
            ids: values[&Lang::REFERENCE].keys().cloned().collect(),
            lines,
            values,
        }
    })
}

impl Oracle {
    /// Why `text` is not fit for a citizen's eyes, if it is not: an unresolved Fluent
    /// placeable or a raw message id.
    fn unreadable(&self, text: &str) -> Option<String> {
        if let Some(c) = text.chars().find(|c| matches!(c, '{' | '}' | '$')) {
            return Some(format!("unresolved placeable `{c}` in {text:?}"));
        }
        let trimmed = plain(text);
        if self.ids.contains(&trimmed) {
            return Some(format!("a raw message id: {text:?}"));
        }
        for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if token.contains('-') && self.ids.contains(token) {
                return Some(format!("message id `{token}` in {text:?}"));
            }
        }
        None
    }

    /// A line of `text` that belongs to another language's messages only.
    fn foreign_line(&self, lang: Lang, text: &str) -> Option<String> {
        text.lines().map(plain).find(|line| {
            self.lines
                .get(line)
                .is_some_and(|langs| langs & lang_bit(lang) == 0)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Running a case
// ---------------------------------------------------------------------------------------------

struct Citizen {
    id: &'static str,
    hint: Option<&'static str>,
    /// The key, input and reply of the last input.
    last: Option<(String, Input, Reply)>,
    /// Every option this citizen was offered, newest last (bounded).
    seen: Vec<Choice>,
    /// Options that came with notifications.
    notified: Vec<Choice>,
    /// Sent at least one input in this case.
    spoke: bool,
}

struct Clerk {
    id: &'static str,
    /// The desk is connected and beats its heartbeat.
    online: bool,
}

/// Figures of a run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub cases: u64,
    pub inputs: u64,
    pub conversations: u64,
    pub clerk_actions: u64,
    pub admin_changes: u64,
    pub bookings: u64,
    pub check_ins: u64,
    pub visits: u64,
    /// Bookings of a removed service listed and cancelled through the dialogue.
    pub removed_cancelled: u64,
}

impl std::ops::AddAssign for Stats {
    fn add_assign(&mut self, o: Stats) {
        self.cases += o.cases;
        self.inputs += o.inputs;
        self.conversations += o.conversations;
        self.clerk_actions += o.clerk_actions;
        self.admin_changes += o.admin_changes;
        self.bookings += o.bookings;
        self.check_ins += o.check_ins;
        self.removed_cancelled += o.removed_cancelled;
        self.visits += o.visits;
    }
}

struct World<'a> {
    engine: Arc<Engine>,
    clock: Arc<FixedClock>,
    store: Store,
    oracle: &'a Oracle,
    citizens: Vec<Citizen>,
    clerks: Vec<Clerk>,
    /// Outbox rows already looked at: id → version; and the newest change seen (a row
    /// changed since has a `changed_at` at least this).
    outbox_seen: HashMap<String, i64>,
    outbox_since: i64,
    /// A conversation whose language changed while something else wrote to it at the same
    /// moment (see [`World::meanwhile`]): a message of this step may be in its former
    /// language.
    lang_grace: Option<(&'static str, Lang)>,
    /// Services removed by an admin in this case.
    removed: BTreeSet<String>,
    catalog_text: String,
    keys: u64,
    stats: Stats,
    /// What happened, for the failure message.
    trace: Vec<String>,
    /// The translations were edited (the shared bundles must be reloaded for the next case).
    translated: bool,
}

type Checked = Result<(), String>;

/// A booking that occupies its desk (confirmed, or held and not run out), with its units.
struct LiveBooking {
    id: String,
    conversation: String,
    desk: i64,
    starts: i64,
    ends: i64,
    status: String,
    /// How many desk units it holds, on which desks (lowest, highest).
    units: (i64, i64, i64),
}

fn services() -> Vec<String> {
    Catalog::builtin()
        .expect("demo catalogue")
        .services
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

/// Tables in an order that respects their references, for emptying between cases.
const TABLES: [&str; 17] = [
    "payment_events",
    "payments",
    "feedback",
    "desk_units",
    "queue_entries",
    "bookings",
    "conversations",
    "clerks",
    "jobs",
    "notifications",
    "channel_cursors",
    "channel_messages",
    "translations",
    "catalogs",
    "inbox",
    "admin_audit",
    "translation_reviews",
];

/// Empties the database (faster than a new one per case) and forgets cached conversations.
async fn reset(store: &Store) {
    for table in TABLES {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
            .execute(store.pool())
            .await
            .unwrap_or_else(|e| panic!("empty {table}: {e}"));
    }
    store.drop_cached_conversations();
}

fn start_time(start: usize) -> DateTime<Utc> {
    let (y, mo, d, h, mi) = STARTS[start % STARTS.len()];
    Berlin
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .earliest()
        .expect("start exists")
        .with_timezone(&Utc)
}

/// Runs one case on a freshly emptied `store`, sharing `i18n` (reloaded if a case edited it).
pub async fn run_case(store: &Store, i18n: &Arc<I18n>, case: &Case) -> Result<Stats, String> {
    let mut world = World::new(store, i18n, case).await;
    let result = world.run(&case.ops).await;
    if world.translated {
        i18n.reload(&source::builtin())
            .expect("built-in locales load");
    }
    match result {
        Ok(()) => {
            let mut stats = world.stats;
            stats.conversations = world.citizens.iter().filter(|c| c.spoke).count() as u64;
            Ok(stats)
        }
        Err(e) => {
            let trace = world.trace.join("\n");
            Err(format!("{e}\n--- steps (last 40) ---\n{trace}"))
        }
    }
}

fn styled(text: &str, style: Style) -> String {
    match style {
        Style::Plain => text.to_owned(),
        Style::Lower => text.to_lowercase(),
        Style::Upper => text.to_uppercase(),
        Style::Spaced => format!("  {}  ", text.replace(' ', "   ")),
    }
}

fn pick_of<T>(items: &[T], idx: u8) -> Option<&T> {
    (!items.is_empty()).then(|| &items[usize::from(idx) % items.len()])
}

fn pick<T: Clone>(items: &[T], idx: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[usize::from(idx) % items.len()].clone())
}

/// The option ids that move a citizen along, in order of preference, for a few goals.
const PROGRESS: [&[&str]; 4] = [
    // Book an appointment.
    &[
        "confirm",
        "time:",
        "day:",
        "go:dates",
        "go:book",
        "svc:",
        "menu:book",
        "lang:",
        "checkin:",
        "skip",
        "nav:menu",
    ],
    // Visit: check in, wait, be called, give feedback; or walk in.
    &[
        "checkin:",
        "feedback:",
        "queue:refresh",
        "menu:walkin",
        "confirm",
        "time:",
        "day:",
        "go:dates",
        "svc:",
        "menu:book",
        "lang:",
        "nav:menu",
    ],
    // Move or cancel a booking.
    &[
        "yes-cancel",
        "reschedule",
        "cancel",
        "appt:",
        "menu:appointments",
        "confirm",
        "time:",
        "day:",
        "lang:",
        "nav:menu",
    ],
    // Leave and come back, change the language, tick documents.
    &[
        "tick:",
        "untick:",
        "queue:leave",
        "abort",
        "other-time",
        "days:more",
        "times:more",
        "menu:language",
        "lang:",
        "nav:back",
        "forget:yes",
    ],
];

const COMMANDS: [&str; 14] = [
    "/start",
    "/help",
    "/language",
    "/cancel",
    "/appointments",
    "/privacy",
    "/mydata",
    "/forget",
    "/back",
    "/menu",
    "/restart",
    "/lang",
    "/frobnicate",
    "/",
];

const KEYWORDS: [&str; 7] = [
    "keywords-menu",
    "keywords-help",
    "keywords-language",
    "keywords-back",
    "keywords-privacy",
    "keywords-mydata",
    "keywords-forget",
];

/// Messages an admin may edit: ones citizens see on the main paths, with and without
/// variables, keywords and the language's own name.
const EDITABLE: [&str; 20] = [
    "main-menu-prompt",
    "pick-service-prompt",
    "pick-day-prompt",
    "option-confirm",
    "option-main-menu",
    "menu-book",
    "slot-held",
    "waiting-status",
    "service-anmeldung",
    "appointment-line",
    "keywords-menu",
    "lang-name",
    "option-expired",
    "help-text",
    "called",
    "reminder-day",
    "check-in-open",
    "visit-done",
    "feedback-question",
    "booking-confirmed",
];

impl<'a> World<'a> {
    /// A world of the case's start and citizens on an emptied `store`.
    async fn new(store: &Store, i18n: &Arc<I18n>, case: &Case) -> World<'a> {
        reset(store).await;
        let clock = Arc::new(FixedClock::new(start_time(case.start)));
        let engine = Arc::new(Engine::new(
            Catalog::builtin().expect("demo catalogue"),
            i18n.clone(),
            store.clone(),
            clock.clone(),
            Berlin,
        ));
        // Telegram citizens can pay from home (their fees offer a way to pay again).
        engine.set_online_payments(vec![schalter_core::ChannelKind::Telegram]);
        World {
            engine,
            clock,
            store: store.clone(),
            oracle: oracle(),
            citizens: CONVERSATIONS
                .iter()
                .enumerate()
                .map(|(i, id)| Citizen {
                    id,
                    hint: case
                        .hints
                        .get(i)
                        .copied()
                        .flatten()
                        .map(|h| HINTS[h % HINTS.len()]),
                    last: None,
                    seen: Vec::new(),
                    notified: Vec::new(),
                    spoke: false,
                })
                .collect(),
            clerks: CLERKS
                .iter()
                .map(|id| Clerk { id, online: false })
                .collect(),
            outbox_seen: HashMap::new(),
            outbox_since: 0,
            lang_grace: None,
            removed: BTreeSet::new(),
            catalog_text: DEFAULT_CATALOG.to_owned(),
            keys: 0,
            stats: Stats {
                cases: 1,
                ..Stats::default()
            },
            trace: Vec::new(),
            translated: false,
        }
    }
}

impl World<'_> {
    fn note(&mut self, line: String) {
        if self.trace.len() >= 40 {
            self.trace.remove(0);
        }
        self.trace.push(line);
    }

    fn now(&self) -> DateTime<Utc> {
        self.engine.clock().now()
    }

    async fn run(&mut self, ops: &[Op]) -> Checked {
        for (i, op) in ops.iter().enumerate() {
            let at = self.now().with_timezone(&Berlin).format("%a %F %T %Z");
            self.note(format!("#{i} [{at}] {op:?}"));
            self.step(op).await?;
            self.check_store().await?;
            self.check_outbox().await?;
            self.lang_grace = None;
        }
        Ok(())
    }

    async fn step(&mut self, op: &Op) -> Checked {
        match op {
            Op::Type { conv, text: typed } => {
                let conv = *conv % self.citizens.len();
                // An option's label or number, typed, uses the option as a press does.
                let offered = self.offered(conv).await?.len();
                let current = match typed {
                    Typed::Label { .. } => offered > 0,
                    Typed::Number { n, .. } => (1..=offered).contains(&usize::from(*n)),
                    _ => false,
                };
                let Some(text) = self.typed(conv, typed).await? else {
                    return Ok(());
                };
                self.input(conv, Input::Text(text), current).await.map(drop)
            }
            Op::Press { conv, press } => {
                let conv = *conv % self.citizens.len();
                let (id, current) = self.pressed(conv, *press).await?;
                match id {
                    Some(id) => self.input(conv, Input::Choice(id), current).await.map(drop),
                    None => Ok(()),
                }
            }
            Op::Go { conv, goal, steps } => {
                let conv = *conv % self.citizens.len();
                for _ in 0..*steps {
                    let (id, current) = self.pressed(conv, Pressed::Progress(*goal)).await?;
                    let Some(id) = id else {
                        return Ok(());
                    };
                    self.input(conv, Input::Choice(id), current).await?;
                }
                Ok(())
            }
            Op::Other { conv, input } => {
                let input = match input {
                    Other::Media => Input::Media,
                    Other::Edited => Input::Edited,
                    Other::Undecryptable => Input::Undecryptable,
                };
                self.input(*conv % self.citizens.len(), input, false)
                    .await
                    .map(drop)
            }
            Op::Open { conv } => self.open(*conv % self.citizens.len()).await,
            Op::Redeliver { conv } => self.redeliver(*conv % self.citizens.len()).await,
            Op::Advance(a) => {
                let target = self.target(*a).await?;
                self.advance_to(target).await
            }
            Op::Tick => self.timers().await,
            Op::Clerk { clerk, act } => self.clerk(*clerk % self.clerks.len(), *act).await,
            Op::Admin(a) => self.admin(*a).await,
            Op::CheckBookings { conv, pick } => {
                self.check_bookings(*conv % self.citizens.len(), *pick)
                    .await
            }
            Op::RemoveBooked { conv, pick } => {
                let conv = *conv % self.citizens.len();
                let upcoming = self
                    .store
                    .upcoming_bookings(self.citizens[conv].id, self.now())
                    .await
                    .map_err(|e| format!("upcoming: {e}"))?;
                if let Some(b) = pick_of(&upcoming, *pick) {
                    self.stats.admin_changes += 1;
                    let text = remove_service(&self.catalog_text, &b.service);
                    if self.put_catalog(text).await? {
                        self.removed.insert(b.service.clone());
                    }
                }
                self.check_bookings(conv, *pick).await
            }
            Op::Together { conv, press, text } => {
                let conv = *conv % self.citizens.len();
                let first = self.pressed(conv, *press).await?.0.map(Input::Choice);
                let second = self.typed(conv, text).await?.map(Input::Text);
                match (first, second) {
                    (Some(a), Some(b)) => self.together(conv, a, b).await,
                    _ => Ok(()),
                }
            }
            Op::Race { a, b } => {
                let (a, b) = (*a % self.clerks.len(), *b % self.clerks.len());
                self.race(a, b).await
            }
            Op::Meanwhile {
                conv,
                press,
                clerk,
                how,
            } => {
                let conv = *conv % self.citizens.len();
                let clerk = *clerk % self.clerks.len();
                let Some(id) = self.pressed(conv, *press).await?.0 else {
                    return Ok(());
                };
                self.meanwhile(conv, Input::Choice(id), clerk, *how).await
            }
        }
    }

    /// Two inputs of one citizen at once: both answered, each reply readable and in one of
    /// the languages the conversation had, and the options stored are one reply's.
    async fn together(&mut self, conv: usize, a: Input, b: Input) -> Checked {
        let id = self.citizens[conv].id;
        let hint = self.citizens[conv].hint;
        let before = self.conv_lang(conv).await?;
        if let Some(lang) = before {
            self.lang_grace = Some((id, lang));
        }
        self.keys += 2;
        self.stats.inputs += 2;
        self.citizens[conv].spoke = true;
        let (ka, kb) = (format!("k{}a", self.keys), format!("k{}b", self.keys));
        let (ra, rb) = tokio::join!(
            self.engine.handle_keyed(id, Some(&ka), hint, a.clone()),
            self.engine.handle_keyed(id, Some(&kb), hint, b.clone()),
        );
        let ra = ra.map_err(|e| format!("engine error for {a:?} (together): {e}"))?;
        let rb = rb.map_err(|e| format!("engine error for {b:?} (together): {e}"))?;
        let after = self.conv_lang(conv).await?;
        for r in [&ra.reply, &rb.reply] {
            self.note(format!("  -> {} [{}]", r.lang, short(&r.text)));
            self.readable(r)?;
            let langs = [before, after].map(|l| l.unwrap_or(Lang::REFERENCE));
            let picker = r.options.iter().all(|c| c.id.starts_with("lang:"));
            if !picker && !langs.contains(&r.lang) {
                return Err(format!("a reply in {} to a citizen of {langs:?}", r.lang));
            }
        }
        if !ra.forgotten && !rb.forgotten {
            let offered = self.offered(conv).await?;
            if offered != ra.reply.options && offered != rb.reply.options {
                return Err(format!(
                    "the stored options are neither reply's: {offered:?}"
                ));
            }
        }
        self.citizens[conv].last = None;
        Ok(())
    }

    /// Two clerks pick at once: never the same citizen.
    async fn race(&mut self, a: usize, b: usize) -> Checked {
        self.stats.clerk_actions += 2;
        self.clerks[a].online = true;
        self.clerks[b].online = true;
        let (ca, cb) = (self.clerks[a].id, self.clerks[b].id);
        let (pa, pb) = tokio::join!(
            self.engine.clerk_pick(ca, None, None),
            self.engine.clerk_pick(cb, None, None),
        );
        let pa = pa.map_err(|e| format!("pick failed: {e}"))?;
        let pb = pb.map_err(|e| format!("pick failed: {e}"))?;
        self.note(format!("  -> {pa:?} / {pb:?}").chars().take(300).collect());
        if let (Pick::Picked(x), Pick::Picked(y)) = (&pa, &pb)
            && x.id == y.id
        {
            return Err(format!(
                "two clerks got the same citizen {}",
                x.conversation_id
            ));
        }
        for p in [&pa, &pb] {
            if matches!(p, Pick::Picked(_)) {
                self.stats.visits += 1;
            }
        }
        Ok(())
    }

    /// A clerk ends the call while the citizen presses something: both succeed, and the reply
    /// reads well.
    async fn meanwhile(&mut self, conv: usize, input: Input, clerk: usize, how: u8) -> Checked {
        let id = self.citizens[conv].id;
        let hint = self.citizens[conv].hint;
        // The desk's message is written in the language the citizen has when the desk reads
        // it; a switch at that very moment may come just after.
        if let Some(lang) = self.conv_lang(conv).await? {
            self.lang_grace = Some((id, lang));
        }
        self.keys += 1;
        self.stats.inputs += 1;
        self.stats.clerk_actions += 1;
        self.citizens[conv].spoke = true;
        self.clerks[clerk].online = true;
        let key = format!("k{}", self.keys);
        let how = match how {
            0 => Finish::Done { note: None },
            1 => Finish::NoShow,
            _ => Finish::Back,
        };
        let (reply, finished) = tokio::join!(
            self.engine
                .handle_keyed(id, Some(&key), hint, input.clone()),
            self.engine.clerk_finish(self.clerks[clerk].id, how),
        );
        let reply = reply.map_err(|e| format!("engine error for {input:?} (meanwhile): {e}"))?;
        finished.map_err(|e| format!("desk failed (meanwhile): {e}"))?;
        self.note(format!(
            "  -> {} [{}]",
            reply.reply.lang,
            short(&reply.reply.text)
        ));
        self.readable(&reply.reply)?;
        self.citizens[conv].last = None;
        Ok(())
    }

    /// Nothing unresolved, no message id, well-formed options.
    fn readable(&self, reply: &Reply) -> Checked {
        if reply.text.trim().is_empty() {
            return Err("an empty reply".into());
        }
        let mut ids = HashSet::new();
        for c in &reply.options {
            if c.id.is_empty() || c.id.len() > 64 {
                return Err(format!("option id of {} bytes: {:?}", c.id.len(), c.id));
            }
            if !ids.insert(c.id.as_str()) {
                return Err(format!("option offered twice: {:?}", c.id));
            }
            if c.label.trim().is_empty() {
                return Err(format!("option without a label: {:?}", c.id));
            }
        }
        for text in std::iter::once(&reply.text).chain(reply.options.iter().map(|c| &c.label)) {
            if let Some(why) = self.oracle.unreadable(text) {
                return Err(format!("reply unreadable: {why}"));
            }
        }
        Ok(())
    }

    // --- citizens -------------------------------------------------------------------------

    /// The options stored with the conversation: what the citizen has in front of them.
    async fn offered(&self, conv: usize) -> Result<Vec<Choice>, String> {
        let row = self
            .store
            .load_conversation(self.citizens[conv].id)
            .await
            .map_err(|e| format!("load conversation: {e}"))?;
        Ok(row
            .and_then(|r| serde_json::from_str(&r.offered).ok())
            .unwrap_or_default())
    }

    async fn conv_lang(&self, conv: usize) -> Result<Option<Lang>, String> {
        Ok(self
            .store
            .load_conversation(self.citizens[conv].id)
            .await
            .map_err(|e| format!("load conversation: {e}"))?
            .and_then(|r| r.lang)
            .and_then(|l| Lang::from_tag(&l)))
    }

    async fn typed(&mut self, conv: usize, typed: &Typed) -> Result<Option<String>, String> {
        let i18n = self.engine.i18n();
        let lang_at = |l: u8| Lang::ALL[usize::from(l) % Lang::ALL.len()];
        Ok(Some(match typed {
            Typed::Label { idx, style } => {
                let offered = self.offered(conv).await?;
                let Some(c) = pick(&offered, *idx) else {
                    return Ok(Some("?".into()));
                };
                styled(&c.label, *style)
            }
            Typed::Number { n, persian, suffix } => {
                let mut text = match n {
                    0 => "0".to_owned(),
                    13 => "99999999999999999999999".to_owned(),
                    n => n.to_string(),
                };
                if *persian {
                    text = Lang::Fa.digits(&text);
                }
                match suffix {
                    1 => text.push('.'),
                    2 => text.push(')'),
                    3 => text = format!(" {text} "),
                    _ => {}
                }
                text
            }
            Typed::Keyword { lang, which } => {
                let list = i18n.text(
                    lang_at(*lang),
                    KEYWORDS[usize::from(*which) % KEYWORDS.len()],
                );
                list.split(',').next().unwrap_or_default().trim().to_owned()
            }
            Typed::Service { lang, which, name } => {
                let all = services();
                let service = &all[usize::from(*which) % all.len()];
                if *name {
                    i18n.text(lang_at(*lang), &format!("service-{service}"))
                } else {
                    i18n.text(lang_at(*lang), &format!("service-{service}-keywords"))
                        .split(',')
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_owned()
                }
            }
            Typed::Command {
                which,
                style,
                suffix,
            } => {
                let mut text = styled(COMMANDS[usize::from(*which) % COMMANDS.len()], *style);
                match suffix {
                    1 => text.push_str("@SchalterBot"),
                    2 => text.push_str(" now please"),
                    _ => {}
                }
                text
            }
            Typed::Reference {
                source,
                marks,
                style,
            } => {
                let Some(reference) = self.reference(conv, *source).await? else {
                    return Ok(Some("ABCD-EFGH".into()));
                };
                let reference = match marks {
                    1 => format!("\u{2068}{reference}\u{2069}"),
                    2 => format!("\u{200F}{reference}"),
                    3 => format!("\u{200F}\u{2068}{reference}\u{2069}\u{200F}"),
                    4 => reference.replace('-', " "),
                    5 => reference.replace('-', ""),
                    _ => reference,
                };
                styled(&reference, *style)
            }
            Typed::Time { h, m, form } => match form {
                0 => format!("{h}:{m:02}"),
                1 => format!("{h:02}{m:02}"),
                2 => format!("{h}.{m:02} Uhr"),
                _ => format!("{h}h"),
            },
            Typed::LangName { lang, code } => {
                let l = lang_at(*lang);
                if *code {
                    l.code().to_owned()
                } else {
                    i18n.text(l, "lang-name")
                }
            }
            Typed::Free(text) => text.clone(),
        }))
    }

    /// A reference as a citizen or clerk would have it.
    async fn reference(&self, conv: usize, source: RefSource) -> Result<Option<String>, String> {
        let db = |e: sqlx::Error| format!("references: {e}");
        let refs: Vec<String> = match source {
            RefSource::Own(_) => sqlx::query_scalar(
                "SELECT reference FROM bookings WHERE conversation_id = $1 ORDER BY starts_at, id",
            )
            .bind(self.citizens[conv].id)
            .fetch_all(self.store.pool())
            .await
            .map_err(db)?,
            RefSource::Any(_) => {
                sqlx::query_scalar("SELECT reference FROM bookings ORDER BY starts_at, id")
                    .fetch_all(self.store.pool())
                    .await
                    .map_err(db)?
            }
            RefSource::Queue(_) => sqlx::query_scalar(
                "SELECT reference FROM queue_entries WHERE reference IS NOT NULL \
                 ORDER BY joined_at, id",
            )
            .fetch_all(self.store.pool())
            .await
            .map_err(db)?,
            RefSource::Random => return Ok(Some("7KQ2-M9XD".into())),
            RefSource::Invalid => return Ok(Some("UUUU-!!!!".into())),
        };
        let idx = match source {
            RefSource::Own(i) | RefSource::Any(i) | RefSource::Queue(i) => i,
            _ => 0,
        };
        Ok(pick(&refs, idx))
    }

    /// The option id to press, and whether it is one of the current step's.
    async fn pressed(
        &mut self,
        conv: usize,
        press: Pressed,
    ) -> Result<(Option<String>, bool), String> {
        Ok(match press {
            Pressed::Offered(i) => (pick(&self.offered(conv).await?, i).map(|c| c.id), true),
            Pressed::Progress(i) => {
                let offered = self.offered(conv).await?;
                let prefs = PROGRESS[usize::from(i) % PROGRESS.len()];
                let chosen = prefs.iter().find_map(|p| {
                    let matching: Vec<&Choice> =
                        offered.iter().filter(|c| c.id.starts_with(p)).collect();
                    (!matching.is_empty())
                        .then(|| matching[usize::from(i / 4) % matching.len()].id.clone())
                });
                (chosen.or_else(|| pick(&offered, i).map(|c| c.id)), true)
            }
            Pressed::Stale(i) => (pick(&self.citizens[conv].seen, i).map(|c| c.id), false),
            Pressed::OtherConv(c, i) => {
                let other = usize::from(c) % self.citizens.len();
                (pick(&self.offered(other).await?, i).map(|c| c.id), false)
            }
            Pressed::Notified(i) => (pick(&self.citizens[conv].notified, i).map(|c| c.id), false),
            Pressed::Forged(k, a) => {
                let booking: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM bookings ORDER BY starts_at, id LIMIT 1 OFFSET $1",
                )
                .bind(i64::from(a % 4))
                .fetch_optional(self.store.pool())
                .await
                .map_err(|e| format!("forge: {e}"))?;
                let booking = booking.unwrap_or_else(|| "nobooking".into());
                let forged = match k % 22 {
                    0 => "svc:nonexistent".to_owned(),
                    1 => "time:0".into(),
                    2 => "time:-99999999999".into(),
                    3 => format!("time:{}", self.now().timestamp() + 3600),
                    4 => "day:2099-13-45".into(),
                    5 => format!("day:{}", self.now().date_naive()),
                    6 => "lang:xx".into(),
                    7 => "appt:ZZZZ-ZZZZ".into(),
                    8 => format!("checkin:{booking}"),
                    9 => "queue:leave".into(),
                    10 => "queue:refresh".into(),
                    11 => "pay:nothing".into(),
                    12 => "confirm".into(),
                    13 => "forget:yes".into(),
                    14 => "feedback:9".into(),
                    15 => "tick:../../etc".into(),
                    16 => "x".repeat(65),
                    17 => String::new(),
                    18 => "nav:back".into(),
                    19 => "menu:walkin".into(),
                    20 => "yes-cancel".into(),
                    _ => ":::".into(),
                };
                (Some(forged), false)
            }
        })
    }

    /// One input through the engine as the inbound path hands it over (keyed), with every
    /// check on its reply.
    async fn input(&mut self, conv: usize, input: Input, current: bool) -> Result<Reply, String> {
        self.keys += 1;
        self.stats.inputs += 1;
        self.citizens[conv].spoke = true;
        let key = format!("k{}", self.keys);
        let id = self.citizens[conv].id;
        let hint = self.citizens[conv].hint;
        let lang_before = self.conv_lang(conv).await?;
        let keyed = self
            .engine
            .handle_keyed(id, Some(&key), hint, input.clone())
            .await
            .map_err(|e| format!("engine error for {input:?} in {id}: {e}"))?;
        if keyed.sent {
            return Err(format!("a new input ({key}) was answered as a repeat"));
        }
        if !keyed.forgotten {
            self.store
                .mark_reply_sent(id, &key)
                .await
                .map_err(|e| format!("mark sent: {e}"))?;
        }
        let reply = keyed.reply.clone();
        self.note(format!(
            "  -> {} [{}] {:?}",
            reply.lang,
            short(&reply.text),
            reply
                .options
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
        ));
        self.check_reply(conv, &reply, keyed.forgotten, lang_before)
            .await?;
        if current {
            // An option of the step the citizen was shown must still work.
            let lang = lang_before.unwrap_or(Lang::REFERENCE);
            let expired = plain(&self.engine.i18n().text(lang, "option-expired"));
            if plain(&reply.text).contains(&expired) {
                return Err(format!(
                    "an offered option ({input:?}) was answered as expired: {}",
                    reply.text
                ));
            }
        }
        let citizen = &mut self.citizens[conv];
        citizen.seen.extend(reply.options.iter().cloned());
        if citizen.seen.len() > 64 {
            let extra = citizen.seen.len() - 64;
            citizen.seen.drain(..extra);
        }
        citizen.last = (!keyed.forgotten).then(|| (key, input, reply.clone()));
        Ok(reply)
    }

    async fn open(&mut self, conv: usize) -> Checked {
        self.stats.inputs += 1;
        self.citizens[conv].spoke = true;
        let id = self.citizens[conv].id;
        let lang_before = self.conv_lang(conv).await?;
        let reply = self
            .engine
            .open(id, self.citizens[conv].hint)
            .await
            .map_err(|e| format!("engine error opening {id}: {e}"))?;
        self.check_reply(conv, &reply, false, lang_before).await
    }

    /// The same input again under its key: the stored reply, nothing done twice.
    async fn redeliver(&mut self, conv: usize) -> Checked {
        let id = self.citizens[conv].id;
        let Some((key, input, reply)) = self.citizens[conv].last.clone() else {
            return Ok(());
        };
        // Only while the conversation still carries that key (a notification that changed
        // the step, e.g. the feedback question, stores no key).
        let row = self
            .store
            .load_conversation(id)
            .await
            .map_err(|e| format!("load: {e}"))?;
        if row.as_ref().and_then(|r| r.last_key.as_deref()) != Some(key.as_str()) {
            return Ok(());
        }
        let state_before = row.map(|r| r.state);
        let again = self
            .engine
            .handle_keyed(id, Some(&key), self.citizens[conv].hint, input)
            .await
            .map_err(|e| format!("engine error on a redelivery: {e}"))?;
        if !again.sent || again.reply != reply {
            return Err(format!(
                "a redelivered input was not answered with its stored reply: {again:?}"
            ));
        }
        let state_after = self
            .store
            .load_conversation(id)
            .await
            .map_err(|e| format!("load: {e}"))?
            .map(|r| r.state);
        if state_after != state_before {
            return Err("a redelivered input changed the conversation".into());
        }
        Ok(())
    }

    /// Every rule about one reply.
    async fn check_reply(
        &self,
        conv: usize,
        reply: &Reply,
        forgotten: bool,
        lang_before: Option<Lang>,
    ) -> Checked {
        let id = self.citizens[conv].id;
        let row = self
            .store
            .load_conversation(id)
            .await
            .map_err(|e| format!("load conversation: {e}"))?;
        self.readable(reply)?;
        let picker;
        let expected = if forgotten {
            if row.is_some() {
                return Err("a forgotten conversation is still stored".into());
            }
            picker = false;
            lang_before.unwrap_or(Lang::REFERENCE)
        } else {
            let Some(row) = &row else {
                return Err("a conversation was not stored after its reply".into());
            };
            let offered: Vec<Choice> = serde_json::from_str(&row.offered)
                .map_err(|e| format!("stored options unreadable: {e}"))?;
            if offered != reply.options {
                return Err(format!(
                    "the stored options differ from the reply's: {offered:?}"
                ));
            }
            let state: State = serde_json::from_str(&row.state)
                .map_err(|e| format!("stored state unreadable: {e}"))?;
            // A conversation without a language is at the picker, whatever step it stored
            // (the engine reads it back so).
            let lang = row.lang.as_deref().and_then(Lang::from_tag);
            picker = lang.is_none() || matches!(state, State::PickLanguage { .. });
            lang.unwrap_or(Lang::REFERENCE)
        };
        if picker {
            if reply.options.len() != Lang::ALL.len()
                || !reply.options.iter().all(|c| c.id.starts_with("lang:"))
            {
                return Err("the language picker offers something else".into());
            }
            return Ok(());
        }
        if reply.lang != expected {
            return Err(format!(
                "reply in {} but the conversation speaks {expected}",
                reply.lang
            ));
        }
        let all = std::iter::once(&reply.text).chain(reply.options.iter().map(|c| &c.label));
        for text in all {
            if let Some(line) = self.oracle.foreign_line(expected, text) {
                return Err(format!(
                    "a {expected} reply has a line of another language: {line:?}"
                ));
            }
        }
        Ok(())
    }

    /// `/appointments` lists every upcoming booking; one of them (a removed service's if
    /// there is one) is opened and cancelled through the dialogue.
    async fn check_bookings(&mut self, conv: usize, which: u8) -> Checked {
        let id = self.citizens[conv].id;
        if self.conv_lang(conv).await?.is_none() {
            return Ok(());
        }
        let upcoming = self
            .store
            .upcoming_bookings(id, self.now())
            .await
            .map_err(|e| format!("upcoming: {e}"))?;
        let reply = self
            .input(conv, Input::Text("/appointments".into()), false)
            .await?;
        let lang = reply.lang;
        if self.rate_limited(lang, &reply) {
            return Ok(());
        }
        let text = plain(&reply.text);
        for b in &upcoming {
            if !text.contains(&b.reference) {
                return Err(format!(
                    "booking {} ({}) is not listed: {}",
                    b.reference, b.service, reply.text
                ));
            }
        }
        let removed: Vec<_> = upcoming
            .iter()
            .filter(|b| self.removed.contains(&b.service))
            .cloned()
            .collect();
        let Some(b) = pick(
            if removed.is_empty() {
                &upcoming
            } else {
                &removed
            },
            which,
        ) else {
            return Ok(());
        };
        for (step, option) in [
            ("open", format!("appt:{}", b.reference)),
            ("cancel", "cancel".to_owned()),
            ("confirm the cancellation", "yes-cancel".to_owned()),
        ] {
            let offered = self.offered(conv).await?;
            if !offered.iter().any(|c| c.id == option) {
                return Err(format!(
                    "{step}: booking {} ({}) offers no `{option}`: {offered:?}",
                    b.reference, b.service
                ));
            }
            let reply = self.input(conv, Input::Choice(option), true).await?;
            if self.rate_limited(lang, &reply) {
                return Ok(());
            }
        }
        let after = self
            .store
            .booking(&b.id)
            .await
            .map_err(|e| format!("booking: {e}"))?;
        if after.map(|b| b.status) != Some(BookingStatus::Cancelled) {
            return Err(format!(
                "booking {} ({}) was not cancelled through the dialogue",
                b.reference, b.service
            ));
        }
        if self.removed.contains(&b.service) {
            self.stats.removed_cancelled += 1;
        }
        Ok(())
    }

    fn rate_limited(&self, lang: Lang, reply: &Reply) -> bool {
        let limited = plain(&self.engine.i18n().text(lang, "input-rate-limited"));
        plain(&reply.text).contains(&limited)
    }

    // --- time -----------------------------------------------------------------------------

    async fn target(&self, a: Advance) -> Result<DateTime<Utc>, String> {
        let now = self.now();
        let catalog = self.engine.catalog();
        let local = |d: NaiveDate, t: NaiveTime| {
            Berlin
                .from_local_datetime(&d.and_time(t))
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        };
        Ok(match a {
            Advance::Seconds(s) => now + Duration::seconds(i64::from(s)),
            Advance::Minutes(m) => now + Duration::minutes(i64::from(m)),
            Advance::Hours(h) => now + Duration::hours(i64::from(h)),
            Advance::Days(d) => now + Duration::days(i64::from(d)),
            Advance::PastHold => {
                now + Duration::minutes(i64::from(catalog.office.hold_minutes))
                    + Duration::seconds(1)
            }
            Advance::ToCheckIn { booking, offset } => {
                let starts: Vec<i64> = sqlx::query_scalar(
                    "SELECT starts_at FROM bookings WHERE status = 'confirmed' AND starts_at > $1 \
                     ORDER BY starts_at, id",
                )
                .bind(now.timestamp() - 1800)
                .fetch_all(self.store.pool())
                .await
                .map_err(|e| format!("bookings: {e}"))?;
                match pick(&starts, booking) {
                    Some(s) => {
                        DateTime::from_timestamp(s, 0).unwrap_or(now)
                            - Duration::minutes(i64::from(catalog.office.check_in_before_minutes))
                            + Duration::minutes(i64::from(offset))
                    }
                    None => now + Duration::minutes(1),
                }
            }
            Advance::ToOpening { offset } => {
                let today = now.with_timezone(&Berlin).date_naive();
                (0..14)
                    .map(|d| today + Duration::days(d))
                    .filter(|d| !catalog.office.closures.contains(d))
                    .flat_map(|d| {
                        catalog
                            .office
                            .hours_on(d.weekday())
                            .iter()
                            .filter_map(move |(from, _)| local(d, *from))
                            .collect::<Vec<_>>()
                    })
                    .find(|t| *t > now)
                    .map_or(now + Duration::hours(1), |t| {
                        t + Duration::minutes(i64::from(offset))
                    })
            }
            Advance::ToMidnight { offset } => {
                let tomorrow = now.with_timezone(&Berlin).date_naive() + Duration::days(1);
                local(tomorrow, NaiveTime::MIN).unwrap_or(now + Duration::hours(24))
                    + Duration::minutes(i64::from(offset))
            }
        })
    }

    /// Moves the clock to `target` the way a running office lives through it: the serve
    /// loop's one-second tick runs every job within a second of its time, and each new local
    /// day is planned; the connected clerks' desks beat their heartbeat meanwhile.
    async fn advance_to(&mut self, target: DateTime<Utc>) -> Checked {
        let mut stops = 0;
        while self.now() < target && stops < 200 {
            stops += 1;
            let now = self.now();
            let next_job: Option<i64> = sqlx::query_scalar(
                "SELECT MIN(run_at) FROM jobs WHERE status = 'pending' AND run_at > $1",
            )
            .bind(now.timestamp())
            .fetch_one(self.store.pool())
            .await
            .map_err(|e| format!("next job: {e}"))?;
            let midnight = Berlin
                .from_local_datetime(
                    &(now.with_timezone(&Berlin).date_naive() + Duration::days(1))
                        .and_time(NaiveTime::MIN),
                )
                .earliest()
                .map(|t| t.with_timezone(&Utc));
            let stop = [
                next_job.and_then(|t| DateTime::from_timestamp(t + 1, 0)),
                midnight.map(|t| t + Duration::seconds(1)),
                Some(target),
            ]
            .into_iter()
            .flatten()
            .filter(|t| *t > now)
            .min()
            .unwrap_or(target)
            .min(target);
            self.clock.set(stop);
            for c in 0..self.clerks.len() {
                if self.clerks[c].online {
                    self.engine
                        .clerk_heartbeat(self.clerks[c].id)
                        .await
                        .map_err(|e| format!("heartbeat: {e}"))?;
                }
            }
            self.timers().await?;
        }
        if self.now() < target {
            self.clock.set(target);
            self.timers().await?;
        }
        Ok(())
    }

    /// Timer ticks until nothing is due (each claims at most 50 jobs), then: every due job
    /// done, and no hold past its deadline.
    async fn timers(&mut self) -> Checked {
        for _ in 0..20 {
            let ran = self
                .engine
                .run_timers()
                .await
                .map_err(|e| format!("timers failed: {e}"))?;
            if ran == 0 {
                break;
            }
        }
        let now = self.now().timestamp();
        let stuck: Vec<(String, String, i64)> = sqlx::query(
            "SELECT kind, status, attempts FROM jobs WHERE run_at <= $1 \
             AND (status <> 'done' OR attempts > 1)",
        )
        .bind(now)
        .fetch_all(self.store.pool())
        .await
        .map_err(|e| format!("jobs: {e}"))?
        .iter()
        .map(|r| {
            (
                r.get::<String, _>("kind"),
                r.get::<String, _>("status"),
                r.get::<i64, _>("attempts"),
            )
        })
        .collect();
        if !stuck.is_empty() {
            return Err(format!("due jobs that did not run cleanly: {stuck:?}"));
        }
        let overdue: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE status = 'held' AND hold_expires_at <= $1",
        )
        .bind(now)
        .fetch_one(self.store.pool())
        .await
        .map_err(|e| format!("holds: {e}"))?;
        if overdue > 0 {
            return Err(format!(
                "{overdue} hold(s) past their deadline after the timers ran"
            ));
        }
        Ok(())
    }

    // --- clerks ---------------------------------------------------------------------------

    async fn clerk(&mut self, c: usize, act: ClerkAct) -> Checked {
        self.stats.clerk_actions += 1;
        let clerk = self.clerks[c].id;
        self.clerks[c].online = !matches!(act, ClerkAct::Disconnect);
        let err = |e: schalter_core::dialogue::EngineError| format!("desk `{act:?}` failed: {e}");
        let busy_before = self
            .store
            .clerk_entry(clerk)
            .await
            .map_err(|e| format!("clerk entry: {e}"))?;
        let video = format!("https://meet.example.org/schalter{}", self.keys);
        let picked = match act {
            ClerkAct::Next { video: v } => Some(
                self.engine
                    .clerk_pick(clerk, None, v.then_some(video.as_str()))
                    .await
                    .map_err(err)?,
            ),
            ClerkAct::Take(source) => {
                let typed = self.reference(0, source).await?.unwrap_or_default();
                // The desk reads the reference as typed; one that cannot be one is refused
                // there without asking the core.
                match schalter_core::reference::parse_reference(&typed) {
                    Some(r) => Some(
                        self.engine
                            .clerk_pick(clerk, Some(&r), Some(&video))
                            .await
                            .map_err(err)?,
                    ),
                    None => None,
                }
            }
            ClerkAct::Done { note } => {
                let note = note.then(|| "documents checked".to_owned());
                self.engine
                    .clerk_finish(clerk, Finish::Done { note })
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::NoShow => {
                self.engine
                    .clerk_finish(clerk, Finish::NoShow)
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::Back => {
                self.engine
                    .clerk_finish(clerk, Finish::Back)
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::Away | ClerkAct::Available => {
                self.engine
                    .clerk_presence(clerk, matches!(act, ClerkAct::Available))
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::Heartbeat => {
                self.engine.clerk_heartbeat(clerk).await.map_err(err)?;
                None
            }
            ClerkAct::Disconnect => None,
            ClerkAct::Say(k) => {
                let keys = schalter_core::queue::SAY_KEYS;
                let key = keys
                    .get(usize::from(k) % (keys.len() + 1))
                    .unwrap_or(&"dance");
                self.engine.clerk_say(clerk, key).await.map_err(err)?;
                None
            }
            ClerkAct::Fee { amount, reason } => {
                // As the desk reads `fee 12,50 copies`: no amount, or one in euros and cents.
                let cents = (amount % 4 != 0).then(|| i64::from(amount) * 50);
                let reason = reason.then(|| "Kopien".to_owned());
                self.engine
                    .clerk_fee(clerk, cents, reason)
                    .await
                    .map_err(err)?;
                None
            }
        };
        match (&busy_before, &picked) {
            (Some(_), Some(Pick::Picked(e))) => {
                return Err(format!(
                    "a clerk in a call was given a second citizen ({})",
                    e.conversation_id
                ));
            }
            (_, Some(Pick::Picked(_))) => self.stats.visits += 1,
            _ => {}
        }
        self.note(format!("  -> {picked:?}").chars().take(200).collect());
        Ok(())
    }

    // --- admins ---------------------------------------------------------------------------

    async fn admin(&mut self, a: AdminOp) -> Checked {
        self.stats.admin_changes += 1;
        let now = self.now();
        match a {
            AdminOp::Translate { lang, msg, valid } => {
                let lang = Lang::ALL[usize::from(lang) % Lang::ALL.len()];
                let id = EDITABLE[usize::from(msg) % EDITABLE.len()];
                let Some(current) = self.oracle.values[&lang].get(id) else {
                    return Ok(());
                };
                // Each edit new (a second edit of one message must change it again).
                let value = if valid {
                    format!("✎{} {current}", self.stats.admin_changes)
                } else if msg % 2 == 0 {
                    format!("{current} {{ $nonexistent }}")
                } else {
                    format!("{current} {{ unclosed")
                };
                let before = self.engine.i18n().text(lang, id);
                // As the admin API: validated against the reference first, refused if bad.
                let files = source::builtin();
                if edit::validate(&files, lang.code(), id, &value).is_err() {
                    if valid {
                        return Err(format!(
                            "a valid edit of {lang}/{id} was refused: {value:?}"
                        ));
                    }
                    return Ok(());
                }
                if !valid {
                    return Err(format!("an invalid edit of {lang}/{id} passed: {value:?}"));
                }
                self.store
                    .change_translation(lang.code(), id, Some(&value), "fuzz", now)
                    .await
                    .map_err(|e| format!("change translation: {e}"))?;
                let sources = Sources {
                    locales: None,
                    catalog: None,
                    baseline: (None, None),
                };
                self.translated = true;
                schalter_core::live::reload_translations(&self.engine, &sources)
                    .await
                    .map_err(|e| format!("reload translations: {e}"))?;
                if self.engine.i18n().text(lang, id) == before {
                    return Err(format!("the edit of {lang}/{id} is not in force"));
                }
                Ok(())
            }
            AdminOp::RemoveService(s) => {
                // A service somebody has booked, if there is one: its bookings must stay.
                let booked: Vec<String> = sqlx::query_scalar(
                    "SELECT DISTINCT service FROM bookings WHERE status = 'confirmed' \
                     ORDER BY service",
                )
                .fetch_all(self.store.pool())
                .await
                .map_err(|e| format!("booked services: {e}"))?;
                let all = if booked.is_empty() || s % 4 == 0 {
                    services()
                } else {
                    booked
                };
                let service = &all[usize::from(s) % all.len()];
                let text = remove_service(&self.catalog_text, service);
                if self.put_catalog(text).await? {
                    self.removed.insert(service.clone());
                }
                Ok(())
            }
            AdminOp::ShortenHours { day, until } => {
                let text = shorten_hours(&self.catalog_text, day, until);
                self.put_catalog(text).await.map(drop)
            }
            AdminOp::RestoreCatalog => {
                if self.put_catalog(DEFAULT_CATALOG.to_owned()).await? {
                    self.removed.clear();
                }
                Ok(())
            }
        }
    }

    /// As `PUT /admin/api/catalog`: parsed (refused if bad), saved, in force. `true` if taken.
    async fn put_catalog(&mut self, text: String) -> Result<bool, String> {
        let Ok(catalog) = Catalog::parse(&text, "catalogue") else {
            return Ok(false);
        };
        for (id, line) in catalog.required_messages() {
            if !self.engine.i18n().has(Lang::REFERENCE, &id) {
                return Err(format!("catalogue:{line} needs `{id}`"));
            }
        }
        self.store
            .save_catalog(&text, "fuzz", self.now())
            .await
            .map_err(|e| format!("save catalogue: {e}"))?;
        self.engine.set_catalog(catalog);
        self.catalog_text = text;
        Ok(true)
    }

    // --- invariants on the database -------------------------------------------------------

    async fn check_store(&mut self) -> Checked {
        let db = |e: sqlx::Error| format!("invariant query: {e}");
        let pool = self.store.pool();
        let now = self.now().timestamp();
        let unit = i64::from(self.engine.catalog().office.slot_minutes).max(1) * 60;

        // Desk units: no unit taken twice (two live bookings on one desk at one time), every
        // live booking holds exactly its units, nothing cancelled or expired holds any.
        let live: Vec<LiveBooking> = sqlx::query(
            "SELECT b.id, b.conversation_id, b.desk, b.starts_at, b.ends_at, b.status, \
             COALESCE(u.n, 0) AS n, COALESCE(u.lo, 0) AS lo, COALESCE(u.hi, 0) AS hi \
             FROM bookings b LEFT JOIN (SELECT booking_id, COUNT(*) AS n, MIN(desk) AS lo, \
             MAX(desk) AS hi FROM desk_units GROUP BY booking_id) u ON u.booking_id = b.id \
             WHERE b.status = 'confirmed' OR (b.status = 'held' AND b.hold_expires_at > $1) \
             ORDER BY b.desk, b.starts_at",
        )
        .bind(now)
        .fetch_all(pool)
        .await
        .map_err(db)?
        .iter()
        .map(|r| LiveBooking {
            id: r.get("id"),
            conversation: r.get("conversation_id"),
            desk: r.get("desk"),
            starts: r.get("starts_at"),
            ends: r.get("ends_at"),
            status: r.get("status"),
            units: (r.get("n"), r.get("lo"), r.get("hi")),
        })
        .collect();
        for pair in live.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.desk == b.desk && b.starts < a.ends {
                return Err(format!(
                    "desk {} booked twice: {} [{}, {}) and {} [{}, {})",
                    a.desk, a.id, a.starts, a.ends, b.id, b.starts, b.ends
                ));
            }
        }
        let mut holds = HashSet::new();
        for b in live.iter().filter(|b| b.status == "held") {
            if !holds.insert(b.conversation.as_str()) {
                return Err(format!("{} holds two slots at once", b.conversation));
            }
        }
        for b in &live {
            let want = (b.ends - b.starts + unit - 1) / unit;
            if b.units != (want, b.desk, b.desk) {
                return Err(format!(
                    "booking {} ({}) on desk {} holds (units, first desk, last desk) {:?}, \
                     wants {want} units",
                    b.id, b.status, b.desk, b.units
                ));
            }
        }

        // Cancelled or expired bookings keep no units; a citizen waits or talks in one place
        // at most; a clerk has at most one call, and a call has its clerk.
        let r = sqlx::query(
            "SELECT \
             (SELECT COUNT(*) FROM desk_units u JOIN bookings b ON b.id = u.booking_id \
              WHERE b.status IN ('cancelled', 'expired')) AS leaked, \
             (SELECT COUNT(*) FROM (SELECT conversation_id FROM queue_entries \
              WHERE status IN ('waiting', 'called') GROUP BY conversation_id \
              HAVING COUNT(*) > 1) t) AS twice, \
             (SELECT COUNT(*) FROM (SELECT clerk FROM queue_entries WHERE status = 'called' \
              GROUP BY clerk HAVING COUNT(*) > 1) t) AS busy, \
             (SELECT COUNT(*) FROM queue_entries WHERE (status = 'called' AND clerk IS NULL) \
              OR (status = 'waiting' AND clerk IS NOT NULL)) AS odd, \
             (SELECT COUNT(*) FROM bookings \
              WHERE status IN ('confirmed', 'done', 'no_show')) AS bookings, \
             (SELECT COUNT(*) FROM queue_entries) AS entries",
        )
        .fetch_one(pool)
        .await
        .map_err(db)?;
        let count = |c: &str| r.get::<i64, _>(c);
        for (column, what) in [
            ("leaked", "desk units kept by cancelled or expired bookings"),
            ("twice", "citizens in the queue twice"),
            ("busy", "clerks with two calls"),
            ("odd", "queue entries with a clerk that does not fit"),
        ] {
            if count(column) > 0 {
                let detail: Vec<(String, String, Option<String>)> = sqlx::query(
                    "SELECT conversation_id, status, clerk FROM queue_entries \
                     WHERE status IN ('waiting', 'called') ORDER BY conversation_id",
                )
                .fetch_all(pool)
                .await
                .map_err(db)?
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect();
                return Err(format!("{}: {what} (queue: {detail:?})", count(column)));
            }
        }
        self.stats.bookings = count("bookings") as u64;
        self.stats.check_ins = count("entries") as u64;
        Ok(())
    }

    /// Whatever went to the outbox since the last look reads well (texts, labels, links and
    /// payment strings; a data file's content is data); its options may be pressed later.
    async fn check_outbox(&mut self) -> Checked {
        let rows = sqlx::query(
            "SELECT id, conversation_id, body, version, changed_at FROM notifications \
             WHERE changed_at >= $1",
        )
        .bind(self.outbox_since)
        .fetch_all(self.store.pool())
        .await
        .map_err(|e| format!("outbox: {e}"))?;
        for r in rows {
            let id: String = r.get("id");
            let version: i64 = r.get("version");
            self.outbox_since = self.outbox_since.max(r.get("changed_at"));
            if self.outbox_seen.get(&id) == Some(&version) {
                continue;
            }
            self.outbox_seen.insert(id, version);
            let conversation: String = r.get("conversation_id");
            let body: String = r.get("body");
            let message: Message = serde_json::from_str(&body)
                .map_err(|e| format!("outbox body unreadable ({e}): {body}"))?;
            let mut texts = vec![message.text.clone()];
            texts.extend(message.options.iter().map(|c| c.label.clone()));
            if let Some(link) = &message.link {
                texts.push(link.label.clone());
            }
            if let Some(p) = &message.payment {
                texts.extend([
                    p.title.clone(),
                    p.description.clone(),
                    p.link_label.clone(),
                    p.online_hint.clone(),
                    p.offline_hint.clone(),
                    p.unavailable.clone(),
                ]);
                texts.extend(p.items.iter().map(|i| i.label.clone()));
            }
            for text in &texts {
                if let Some(why) = self.oracle.unreadable(text) {
                    return Err(format!("message to {conversation} unreadable: {why}"));
                }
            }
            // A citizen's messages come in the language the citizen speaks now.
            if let Some(lang) = self
                .store
                .load_conversation(&conversation)
                .await
                .map_err(|e| format!("load conversation: {e}"))?
                .and_then(|r| r.lang)
                .and_then(|l| Lang::from_tag(&l))
            {
                let grace = self
                    .lang_grace
                    .filter(|(c, _)| *c == conversation)
                    .map(|(_, l)| l);
                for text in &texts {
                    if let Some(line) = self.oracle.foreign_line(lang, text)
                        && grace.is_none_or(|g| self.oracle.foreign_line(g, text).is_some())
                    {
                        return Err(format!(
                            "a message to {conversation} (speaking {lang}) has a line of \
                             another language: {line:?}"
                        ));
                    }
                }
            }
            if let Some(c) = self.citizens.iter_mut().find(|c| c.id == conversation) {
                c.notified.extend(message.options.iter().cloned());
                if c.notified.len() > 32 {
                    let extra = c.notified.len() - 32;
                    c.notified.drain(..extra);
                }
            }
        }
        Ok(())
    }
}

fn short(text: &str) -> String {
    let one: String = text.replace('\n', " ⏎ ");
    if one.chars().count() > 140 {
        format!("{}…", one.chars().take(140).collect::<String>())
    } else {
        one
    }
}

/// The catalogue without the `[[services]]` block of `service`.
fn remove_service(text: &str, service: &str) -> String {
    let mut out = Vec::new();
    let blocks: Vec<&str> = text.split("[[services]]").collect();
    out.push(blocks[0].to_owned());
    for block in &blocks[1..] {
        if !block.contains(&format!("id = \"{service}\"")) {
            out.push(block.to_string());
        }
    }
    out.join("[[services]]")
}

/// The catalogue with one weekday's hours cut to `08:00-<until>:00`, or closed.
fn shorten_hours(text: &str, day: u8, until: u8) -> String {
    let name = ["mon", "tue", "wed", "thu", "fri"][usize::from(day) % 5];
    let hours = if until == 0 {
        "[]".to_owned()
    } else {
        format!("[\"08:00-{until:02}:00\"]")
    };
    text.lines()
        .map(|l| {
            if l.starts_with(&format!("{name} = ")) {
                format!("{name} = {hours}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Cases and sequence length of the regular runs (debug build, both databases within the
/// CI budget); `PROPTEST_CASES` overrides the count.
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        max_shrink_iters: 2_000,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A database of its own for a run. On PostgreSQL its commits do not wait for the disk
/// (`synchronous_commit = off`, set on this database only): a case is hundreds of small
/// transactions, and what is tested is their effect, not their durability.
async fn database(postgres: bool) -> (TestDb, Store) {
    if !postgres {
        let db = TestDb::sqlite().await;
        let store = db.store.clone();
        return (db, store);
    }
    let db = TestDb::postgres().await;
    let name = db
        .url
        .rsplit('/')
        .next()
        .expect("a database name")
        .to_owned();
    // Our own database's name, made of [a-z0-9_] by the harness.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE {name} SET synchronous_commit = off"
    )))
    .execute(db.store.pool())
    .await
    .expect("synchronous_commit off");
    let store = Store::connect(&db.url).await.expect("connect again");
    (db, store)
}

fn property(postgres: bool, cases: u32, max_ops: usize) {
    let rt = runtime();
    let (db, store) = rt.block_on(database(postgres));
    let i18n = Arc::new(I18n::builtin());
    let mut runner = TestRunner::new(config(cases));
    let total = std::cell::Cell::new(Stats::default());
    let started = std::time::Instant::now();
    let result = runner.run(&case(max_ops), |case| {
        let stats = rt
            .block_on(run_case(&store, &i18n, &case))
            .map_err(TestCaseError::fail)?;
        let mut sum = total.get();
        sum += stats;
        total.set(sum);
        Ok(())
    });
    let total = total.get();
    println!(
        "{} cases, {} inputs, {} conversations, {} clerk actions, {} admin changes, \
         {} bookings, {} check-ins and walk-ins, {} calls, {} bookings of removed services \
         cancelled in {:.1} s",
        total.cases,
        total.inputs,
        total.conversations,
        total.clerk_actions,
        total.admin_changes,
        total.bookings,
        total.check_ins,
        total.visits,
        total.removed_cancelled,
        started.elapsed().as_secs_f64()
    );
    rt.block_on(async {
        store.close().await;
        db.drop_db().await;
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn generated_conversations_keep_the_rules_on_sqlite() {
    property(false, 1_600, 20);
}

#[test]
fn generated_conversations_keep_the_rules_on_postgres() {
    property(true, 500, 20);
}

// ---------------------------------------------------------------------------------------------
// The long runs
// ---------------------------------------------------------------------------------------------

/// Runs generated cases until `inputs` inputs were handled; a failing case is shrunk as the
/// regular properties shrink it and reported with its minimal sequence.
fn fuzz(postgres: bool, default_inputs: u64, max_ops: usize) {
    let env = |name: &str| std::env::var(name).ok().and_then(|n| n.parse().ok());
    let inputs: u64 = env("SCHALTER_FUZZ_INPUTS").unwrap_or(default_inputs);
    // One worker per core, each with a database of its own; they share the count.
    let workers: u64 = env("SCHALTER_FUZZ_WORKERS").unwrap_or(2).max(1);
    let done = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let started = std::time::Instant::now();
    let backend = if postgres { "PostgreSQL" } else { "SQLite" };
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let done = done.clone();
            std::thread::spawn(move || fuzz_worker(postgres, inputs, max_ops, &done, w == 0))
        })
        .collect();
    let mut total = Stats::default();
    let mut failure = None;
    for h in handles {
        match h.join() {
            Ok(Ok(stats)) => total += stats,
            Ok(Err(e)) => failure = Some(e),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    if let Some(e) = failure {
        panic!("{e}");
    }
    println!(
        "fuzz on {backend}: {} inputs in {} conversations ({} cases, {workers} workers), \
         {} clerk actions, {} admin changes, {} bookings, {} check-ins and walk-ins, {} calls, \
         {} bookings of removed services cancelled; {:.0} s; 0 invariant violations",
        total.inputs,
        total.conversations,
        total.cases,
        total.clerk_actions,
        total.admin_changes,
        total.bookings,
        total.check_ins,
        total.visits,
        total.removed_cancelled,
        started.elapsed().as_secs_f64()
    );
}

/// Runs generated cases until the workers together handled `inputs` inputs; a failing case
/// is shrunk as the regular properties shrink it and reported with its minimal sequence.
fn fuzz_worker(
    postgres: bool,
    inputs: u64,
    max_ops: usize,
    done: &std::sync::atomic::AtomicU64,
    reports: bool,
) -> Result<Stats, String> {
    use std::sync::atomic::Ordering;
    let rt = runtime();
    let (db, store) = rt.block_on(database(postgres));
    let i18n = Arc::new(I18n::builtin());
    let mut runner = TestRunner::new(config(1));
    let strategy = case(max_ops);
    let mut total = Stats::default();
    let started = std::time::Instant::now();
    let mut report = started;
    let mut failure = None;
    while done.load(Ordering::Relaxed) < inputs {
        let mut tree = strategy.new_tree(&mut runner).expect("a case");
        match rt.block_on(run_case(&store, &i18n, &tree.current())) {
            Ok(stats) => {
                done.fetch_add(stats.inputs, Ordering::Relaxed);
                total += stats;
            }
            Err(first) => {
                let mut minimal = (tree.current(), first);
                let mut shrinks = 0;
                if tree.simplify() {
                    while shrinks < 5_000 {
                        shrinks += 1;
                        let more = match rt.block_on(run_case(&store, &i18n, &tree.current())) {
                            Err(e) => {
                                minimal = (tree.current(), e);
                                tree.simplify()
                            }
                            Ok(_) => tree.complicate(),
                        };
                        if !more {
                            break;
                        }
                    }
                }
                // The others stop too.
                done.fetch_add(inputs, Ordering::Relaxed);
                failure = Some(format!(
                    "invariant violated after {} inputs ({shrinks} shrinks): {}\nminimal case: {:#?}",
                    total.inputs, minimal.1, minimal.0
                ));
                break;
            }
        }
        if reports && report.elapsed().as_secs() >= 60 {
            report = std::time::Instant::now();
            println!(
                "{}: {} inputs, {:.0} s",
                if postgres { "PostgreSQL" } else { "SQLite" },
                done.load(Ordering::Relaxed),
                started.elapsed().as_secs_f64()
            );
        }
    }
    rt.block_on(async {
        store.close().await;
        db.drop_db().await;
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(total),
    }
}

#[test]
#[ignore = "long: 1,000,000 inputs (release build: cargo test --release ... -- --ignored fuzz)"]
fn fuzz_sqlite_million_inputs() {
    fuzz(false, 1_000_000, 80);
}

#[test]
#[ignore = "long: 100,000 inputs on PostgreSQL (release build)"]
fn fuzz_postgres_100k_inputs() {
    fuzz(true, 100_000, 80);
}

/// The checks are not blind: each flags a violation planted on purpose.
#[tokio::test]
async fn the_checks_catch_what_they_guard() {
    let o = oracle();
    assert!(o.unreadable("Guten Tag, { $name }").is_some());
    assert!(o.unreadable("Stand: $amount").is_some());
    assert!(o.unreadable("main-menu-prompt").is_some());
    assert!(o.unreadable("Bitte option-expired drücken").is_some());
    assert!(
        o.unreadable("Termin am 2. April, 08:10 Uhr (91P5-684B)")
            .is_none()
    );
    let german = I18n::builtin().text(Lang::De, "option-expired");
    assert!(o.foreign_line(Lang::Fr, &german).is_some());
    assert!(o.foreign_line(Lang::De, &german).is_none());

    let db = TestDb::sqlite().await;
    let i18n = Arc::new(I18n::builtin());
    let case = Case {
        start: 4,
        hints: vec![None; 5],
        ops: Vec::new(),
    };
    let plant = |sql: &'static str| {
        let store = db.store.clone();
        async move {
            sqlx::query(sql)
                .execute(store.pool())
                .await
                .expect("planted");
        }
    };
    // Two confirmed bookings on desk 1 at overlapping times (Tuesday 2 February 2027, 09:00).
    let mut world = World::new(&db.store, &i18n, &case).await;
    plant(
        "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
         ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) VALUES \
         ('b1', 'AAAA-AAAA', 'telegram:1', 'abmeldung', 'de', 1801900800, 1801901400, 1, \
          'confirmed', NULL, '[]', 0, 0), \
         ('b2', 'BBBB-BBBB', 'telegram:2', 'abmeldung', 'de', 1801901100, 1801901700, 1, \
          'confirmed', NULL, '[]', 0, 0)",
    )
    .await;
    let err = world.check_store().await.unwrap_err();
    assert!(err.contains("booked twice"), "{err}");

    // A confirmed booking without its desk units.
    let mut world = World::new(&db.store, &i18n, &case).await;
    plant(
        "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
         ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) VALUES \
         ('b1', 'AAAA-AAAA', 'telegram:1', 'abmeldung', 'de', 1801900800, 1801901400, 1, \
          'confirmed', NULL, '[]', 0, 0)",
    )
    .await;
    let err = world.check_store().await.unwrap_err();
    assert!(err.contains("units"), "{err}");

    // A hold past its deadline after the timers ran (no job would release it).
    let mut world = World::new(&db.store, &i18n, &case).await;
    plant(
        "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
         ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) VALUES \
         ('b1', 'AAAA-AAAA', 'telegram:1', 'abmeldung', 'de', 1801900800, 1801901400, 1, \
          'held', 1, '[]', 0, 0)",
    )
    .await;
    let err = world.timers().await.unwrap_err();
    assert!(err.contains("past their deadline"), "{err}");

    // A message to a German citizen with an unresolved placeable.
    let mut world = World::new(&db.store, &i18n, &case).await;
    world
        .store
        .notify_once(
            "telegram:1001",
            "planted",
            "reply",
            r#"{"text":"Ihr Platz: {$position}","options":[]}"#,
            world.now(),
        )
        .await
        .expect("planted message");
    let err = world.check_outbox().await.unwrap_err();
    assert!(err.contains("unresolved placeable"), "{err}");
    db.drop_db().await;
}

// ---------------------------------------------------------------------------------------------
// Defects the generator found, each as its shrunk sequence
// ---------------------------------------------------------------------------------------------

/// Runs one case on a fresh SQLite database and fails with its trace if a rule breaks.
async fn regression(case: Case) {
    let db = TestDb::sqlite().await;
    let result = run_case(&db.store, &Arc::new(I18n::builtin()), &case).await;
    db.drop_db().await;
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A citizen books in German, switches to French, and check-in opens: the message came in
/// German, the language of the booking (bookings, waiting-room entries and fees kept the
/// language they were made in).
#[tokio::test]
async fn a_language_switch_reaches_the_reminders() {
    regression(Case {
        start: 0,
        hints: vec![None; 5],
        ops: vec![
            // "?" and then "Deutsch" (the first option's label) at the picker.
            first_label(1),
            first_label(1),
            // Book: service, dates, day, time, confirm.
            Op::Go {
                conv: 1,
                goal: 228,
                steps: 6,
            },
            // Language → French.
            Op::Go {
                conv: 1,
                goal: 91,
                steps: 2,
            },
            Op::Advance(Advance::ToCheckIn {
                booking: 0,
                offset: 0,
            }),
        ],
    })
    .await;
}

/// The citizen types the label of the first option of the current step.
fn first_label(conv: usize) -> Op {
    Op::Type {
        conv,
        text: Typed::Label {
            idx: 0,
            style: Style::Plain,
        },
    }
}

/// A walk-in called and done in Italian switches to Persian; the clerk then sets a fee: the
/// request went out in Italian (the finished call's entry keeps the language of the call).
#[tokio::test]
async fn a_fee_after_the_call_follows_a_language_switch() {
    regression(Case {
        start: 0,
        hints: vec![None; 5],
        ops: vec![
            first_label(0),
            Op::Advance(Advance::ToOpening { offset: 0 }),
            first_label(1),
            // Italian, then into the waiting room.
            Op::Go {
                conv: 0,
                goal: 129,
                steps: 2,
            },
            Op::Type {
                conv: 0,
                text: Typed::Keyword { lang: 0, which: 0 },
            },
            Op::Meanwhile {
                conv: 0,
                press: Pressed::Offered(0),
                clerk: 0,
                how: 0,
            },
            first_label(0),
            Op::Clerk {
                clerk: 0,
                act: ClerkAct::Next { video: false },
            },
            Op::Clerk {
                clerk: 0,
                act: ClerkAct::Done { note: false },
            },
            // Feedback, then the language → Persian.
            Op::Go {
                conv: 0,
                goal: 87,
                steps: 4,
            },
            Op::Clerk {
                clerk: 0,
                act: ClerkAct::Fee {
                    amount: 1,
                    reason: false,
                },
            },
        ],
    })
    .await;
}

/// A walk-in in Ukrainian gets a fee during the call and switches to German before `done`:
/// the request's line for the visit still read "ваше звернення" (the label was written in
/// the language of the moment the fee was set).
#[tokio::test]
async fn a_fee_line_follows_a_language_switch_during_the_call() {
    regression(Case {
        start: 5,
        hints: vec![None; 5],
        ops: vec![
            first_label(1),
            first_label(0),
            Op::Press {
                conv: 1,
                press: Pressed::Stale(16),
            },
            Op::Go {
                conv: 1,
                goal: 57,
                steps: 1,
            },
            Op::Clerk {
                clerk: 2,
                act: ClerkAct::Next { video: false },
            },
            Op::Clerk {
                clerk: 2,
                act: ClerkAct::Fee {
                    amount: 9,
                    reason: false,
                },
            },
            Op::CheckBookings { conv: 1, pick: 0 },
            // The language picker, then German.
            Op::Meanwhile {
                conv: 1,
                press: Pressed::Offered(5),
                clerk: 0,
                how: 0,
            },
            Op::Press {
                conv: 1,
                press: Pressed::Offered(0),
            },
            Op::Clerk {
                clerk: 2,
                act: ClerkAct::Done { note: false },
            },
        ],
    })
    .await;
}
