//! The world a case runs in: the engine on a fixed clock, the citizens and clerks, and what
//! the checks remember from step to step.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use schalter_core::catalog::DEFAULT_CATALOG;
use schalter_core::i18n::source;
use schalter_core::{Catalog, Choice, Engine, FixedClock, I18n, Input, Lang, Reply, Store};

use crate::case::{CLERKS, CONVERSATIONS, Case, HINTS, STARTS};
use crate::oracle::{Oracle, oracle};

pub(crate) struct Citizen {
    pub(crate) id: &'static str,
    pub(crate) hint: Option<&'static str>,
    /// The key, input and reply of the last input.
    pub(crate) last: Option<(String, Input, Reply)>,
    /// Every option this citizen was offered, newest last (bounded).
    pub(crate) seen: Vec<Choice>,
    /// Options that came with notifications.
    pub(crate) notified: Vec<Choice>,
    /// Sent at least one input in this case.
    pub(crate) spoke: bool,
}

pub(crate) struct Clerk {
    pub(crate) id: &'static str,
    /// The desk is connected and beats its heartbeat.
    pub(crate) online: bool,
}

/// Figures of a run.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Stats {
    pub(crate) cases: u64,
    pub(crate) inputs: u64,
    pub(crate) conversations: u64,
    pub(crate) clerk_actions: u64,
    pub(crate) admin_changes: u64,
    pub(crate) bookings: u64,
    pub(crate) check_ins: u64,
    pub(crate) visits: u64,
    /// Bookings of a removed service listed and cancelled through the dialogue.
    pub(crate) removed_cancelled: u64,
    /// Files sent that were kept as documents.
    pub(crate) documents: u64,
    /// Questions typed and checked not to move the step.
    pub(crate) questions: u64,
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
        self.documents += o.documents;
        self.questions += o.questions;
    }
}

pub(crate) struct World<'a> {
    pub(crate) engine: Arc<Engine>,
    pub(crate) clock: Arc<FixedClock>,
    pub(crate) store: Store,
    pub(crate) oracle: &'a Oracle,
    pub(crate) citizens: Vec<Citizen>,
    pub(crate) clerks: Vec<Clerk>,
    /// Outbox rows already looked at: id → version; and the newest change seen (a row
    /// changed since has a `changed_at` at least this).
    pub(crate) outbox_seen: HashMap<String, i64>,
    pub(crate) outbox_since: i64,
    /// A conversation whose language changed while something else wrote to it at the same
    /// moment (see [`World::meanwhile`]): a message of this step may be in its former
    /// language.
    pub(crate) lang_grace: Option<(&'static str, Lang)>,
    /// Services removed by an admin in this case.
    pub(crate) removed: BTreeSet<String>,
    pub(crate) catalog_text: String,
    pub(crate) keys: u64,
    pub(crate) stats: Stats,
    /// What happened, for the failure message.
    pub(crate) trace: Vec<String>,
    /// The translations were edited (the shared bundles must be reloaded for the next case).
    pub(crate) translated: bool,
}

pub(crate) type Checked = Result<(), String>;

pub(crate) fn services() -> Vec<String> {
    Catalog::builtin()
        .expect("demo catalogue")
        .services
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

/// Tables in an order that respects their references, for emptying between cases.
const TABLES: [&str; 20] = [
    "document_chunks",
    "documents",
    "document_stats",
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
    store.conversations().drop_cached_conversations();
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
pub(crate) async fn run_case(
    store: &Store,
    i18n: &Arc<I18n>,
    case: &Case,
) -> Result<Stats, String> {
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

pub(crate) fn pick_of<T>(items: &[T], idx: u8) -> Option<&T> {
    (!items.is_empty()).then(|| &items[usize::from(idx) % items.len()])
}

pub(crate) fn pick<T: Clone>(items: &[T], idx: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[usize::from(idx) % items.len()].clone())
}

pub(crate) fn short(text: &str) -> String {
    let one: String = text.replace('\n', " ⏎ ");
    if one.chars().count() > 140 {
        format!("{}…", one.chars().take(140).collect::<String>())
    } else {
        one
    }
}

impl<'a> World<'a> {
    /// A world of the case's start and citizens on an emptied `store`.
    pub(crate) async fn new(store: &Store, i18n: &Arc<I18n>, case: &Case) -> World<'a> {
        reset(store).await;
        let clock = Arc::new(FixedClock::new(start_time(case.start)));
        let engine = Arc::new(Engine::new(
            Catalog::builtin().expect("demo catalogue"),
            i18n.clone(),
            store.clone(),
            clock.clone(),
            Berlin,
        ));
        // Documents are taken (sealed under a key of the test's).
        engine.documents().unlock(
            schalter_core::documents::DocumentKey::from_hex(&"5c".repeat(32)).expect("a key"),
        );
        // Telegram citizens can pay from home (their fees offer a way to pay again).
        engine
            .payments()
            .set_online_payments(vec![schalter_core::ChannelKind::Telegram]);
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
    pub(crate) fn note(&mut self, line: String) {
        if self.trace.len() >= 40 {
            self.trace.remove(0);
        }
        self.trace.push(line);
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.engine.office().clock().now()
    }
}
