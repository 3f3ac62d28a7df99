//! Matrix inputs go through the inbox on PostgreSQL: the bot keeps its own sync token and saves
//! it only once the sync's inputs are stored. A database that refuses connections while a
//! message arrives, and a crash (kill -9) right after a message, must neither lose the input
//! nor answer it twice. The real `schalter serve` against a real Synapse and PostgreSQL.

use schalter_tests::outage::{allow_connections, postgres_admin};
use std::time::{Duration, Instant};

use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, RoomId};
use schalter_tests::matrix_client::TestClient;
use schalter_tests::synapse::Synapse;
use schalter_tests::{Serve, TestDb, scratch_dir};
use sqlx::Connection;

/// Tuesday 2 February 2027, 09:00 in Heidelberg: the office is open.
const OPEN: &str = "2027-02-02T09:00:00+01:00";
const PASSWORD: &str = "correct horse battery staple";
/// What `schalter serve` logs: the channel's own view of syncs, inputs and deliveries.
/// (`matrix` also matches the SDK's `matrix_sdk*` targets: those stay at warn, but for the
/// SDK's "Got the same sync response twice", which says a repeated sync was skipped.)
const LOG: &str = "warn,matrix=info,matrix_sdk=warn,matrix_sdk_base::client=info,\
                   matrix_sdk_crypto::backups=error,\
                   inbound=info,outbox=info,leader=info";
/// The bot's sync token in `channel_cursors` (bots/src/matrix/mod.rs `SYNC_CURSOR`).
const SYNC_CURSOR: &str = "matrix:since";

/// The language picker (Matrix gives no language): options are numbered lines.
const PICKER: &str = "[1] Deutsch";
/// The German main menu's first option (locales/de/common.ftl `menu-book`).
const MENU: &str = "[1] Termin buchen";
/// locales/de/common.ftl `help-text`, the answer to "hilfe".
const HELP: &str = "So funktioniert";
/// locales/de/appointments.ftl `appointments-none`, the answer to "/appointments".
const NO_APPOINTMENTS: &str = "keine anstehenden Termine";

/// How far an input got in the bot, as its database shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// Not in the inbox.
    Unseen,
    /// In the inbox, no reply queued yet.
    Stored,
    /// Its reply is in the outbox, not claimed by a sender yet.
    Queued,
    /// A sender claimed its reply (the send is under way), not marked delivered yet.
    Sending,
    /// Its reply was delivered.
    Delivered,
}

struct Office {
    synapse: Synapse,
    db: TestDb,
    bot: String,
    clerk: TestClient,
    desk: OwnedRoomId,
    store: std::path::PathBuf,
    env: Vec<(String, String)>,
    /// When the office opened: its clock is OPEN plus the time since.
    opened: Instant,
}

impl Office {
    /// Synapse with a bot, a clerk (anna) and the clerk's desk room; the bot's database is a
    /// fresh PostgreSQL database.
    async fn open() -> Self {
        let synapse = Synapse::start().await;
        let db = TestDb::postgres().await;
        let bot = synapse.register("schalter", PASSWORD).await;
        let anna = synapse.register("anna", PASSWORD).await;
        let clerk = TestClient::login(&synapse.url, "anna", PASSWORD).await;
        let desk = clerk.create_room(&[&bot], false, false).await;
        let store = scratch_dir("schalter_matrix_store");
        let env = vec![
            ("SCHALTER_DATABASE_URL".to_owned(), db.url.clone()),
            ("SCHALTER_MATRIX_HOMESERVER".to_owned(), synapse.url.clone()),
            ("SCHALTER_MATRIX_USER".to_owned(), "schalter".to_owned()),
            ("SCHALTER_MATRIX_PASSWORD".to_owned(), PASSWORD.to_owned()),
            (
                "SCHALTER_MATRIX_STORE".to_owned(),
                store.display().to_string(),
            ),
            ("SCHALTER_MATRIX_CLERK_ROOM".to_owned(), desk.to_string()),
            ("SCHALTER_MATRIX_CLERKS".to_owned(), anna),
            (
                "SCHALTER_VIDEO_BASE_URL".to_owned(),
                "https://meet.example.org".to_owned(),
            ),
            ("SCHALTER_LOG".to_owned(), LOG.to_owned()),
        ];
        Self {
            synapse,
            db,
            bot,
            clerk,
            desk,
            store,
            env,
            opened: Instant::now(),
        }
    }

    /// Starts `schalter serve` (always with the same env and store dir) and waits until the
    /// bot is in the desk room. The shifted clock of a restarted serve goes on from where the
    /// one before it was (SCHALTER_CLOCK_START starts the clock anew at every start; were it
    /// OPEN each time, time would go back at a restart, and the claims the killed process
    /// left would last as much longer as it had been running).
    async fn serve(&self) -> Serve {
        let open = chrono::DateTime::parse_from_rfc3339(OPEN).expect("OPEN is RFC 3339");
        let now = open + chrono::Duration::from_std(self.opened.elapsed()).expect("elapsed");
        let clock = now.to_rfc3339();
        let mut env: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        env.push(("SCHALTER_CLOCK_START", &clock));
        let serve = Serve::start(&env).await;
        self.clerk.wait_joined(&self.desk, &self.bot).await;
        serve
    }

    /// A citizen with an encrypted 1:1 direct chat with the bot, as Element opens it.
    async fn citizen(&self, name: &str) -> (TestClient, OwnedRoomId) {
        self.synapse.register(name, PASSWORD).await;
        let citizen = TestClient::login(&self.synapse.url, name, PASSWORD).await;
        let dm = citizen.create_room(&[&self.bot], true, true).await;
        citizen.wait_joined(&dm, &self.bot).await;
        (citizen, dm)
    }

    /// The name of the bot's database (from its URL).
    fn db_name(&self) -> String {
        let name = self
            .db
            .url
            .rsplit('/')
            .next()
            .and_then(|rest| rest.split('?').next())
            .expect("database name in the URL")
            .to_owned();
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "unexpected database name {name:?} in {}",
            self.db.url
        );
        name
    }

    /// Where the input with Matrix event `event` is, read from the bot's database: its inbox
    /// row (status, attempts) and the outbox row of its reply (delivered or not).
    async fn input_state(&self, event: &OwnedEventId) -> String {
        self.input_stage(event).await.1
    }

    /// How far the input with Matrix event `event` got ([`Stage`]), and in words.
    async fn input_stage(&self, event: &OwnedEventId) -> (Stage, String) {
        let key = format!("matrix:{event}");
        let inbox: Option<(String, i64)> =
            sqlx::query_as("SELECT status, attempts FROM inbox WHERE id = $1")
                .bind(&key)
                .fetch_optional(self.db.store.pool())
                .await
                .expect("read the inbox");
        let reply: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT delivered_version, version, next_attempt_at FROM notifications WHERE slot = $1",
        )
        .bind(format!("reply:{key}"))
        .fetch_optional(self.db.store.pool())
        .await
        .expect("read the outbox");
        let stage = match (&inbox, reply) {
            (_, Some((delivered, version, _))) if delivered >= version => Stage::Delivered,
            (_, Some((_, _, 0))) => Stage::Queued,
            (_, Some(_)) => Stage::Sending,
            (Some(_), None) => Stage::Stored,
            (None, None) => Stage::Unseen,
        };
        let inbox = match inbox {
            None => "not in the inbox".to_owned(),
            Some((status, attempts)) => format!("inbox {status} after {attempts} failed attempts"),
        };
        let reply = match reply {
            None => "no reply queued",
            Some((delivered, version, _)) if delivered >= version => "reply delivered",
            Some((_, _, 0)) => "reply queued, not delivered",
            Some(_) => "reply claimed by a sender, not marked delivered",
        };
        (stage, format!("{inbox}, {reply}"))
    }

    /// Polls the bot's database until the input with Matrix event `event` got to `stage`
    /// (at most 10 s); returns how far it got.
    async fn wait_stage(&self, event: &OwnedEventId, stage: Stage) -> (Stage, String) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (now, state) = self.input_stage(event).await;
            if now >= stage || Instant::now() >= deadline {
                return (now, state);
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }

    async fn close(self) {
        self.synapse.stop().await;
        self.db.drop_db().await;
        let _ = std::fs::remove_dir_all(&self.store);
    }
}

/// Sends `text` as the citizen and returns its event id.
async fn send(citizen: &TestClient, dm: &RoomId, text: &str) -> OwnedEventId {
    citizen
        .client
        .get_room(dm)
        .expect("the citizen knows the DM")
        .send(RoomMessageEventContent::text_plain(text))
        .await
        .unwrap_or_else(|e| panic!("the citizen cannot send {text:?}: {e}"))
        .response
        .event_id
}

/// Everything said in `room` as `client` saw it, one message per entry, sender first.
fn transcript(client: &TestClient, room: &RoomId) -> String {
    client
        .seen
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.room == room)
        .map(|s| format!("  {}: {}", s.sender, s.body.replace('\n', "\n      ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The bot's messages in `room` after the first `after` of them.
fn bot_since(client: &TestClient, room: &RoomId, bot: &str, after: usize) -> Vec<String> {
    client
        .messages_from(room, bot)
        .into_iter()
        .skip(after)
        .collect()
}

/// Waits (at most `limit`) for a message of the bot in `room`, after the first `after` of
/// them, containing `needle`; panics with the transcript if none comes.
async fn wait_bot(
    client: &TestClient,
    room: &RoomId,
    bot: &str,
    after: usize,
    needle: &str,
    limit: Duration,
    what: &str,
) -> String {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(m) = bot_since(client, room, bot, after)
            .into_iter()
            .find(|m| m.contains(needle))
        {
            return m;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: no message with {needle:?} from the bot within {limit:?}; the room:\n{}",
            transcript(client, room)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether a message of the bot in `room`, after the first `after` of them, containing
/// `needle` comes within `limit`.
async fn bot_says_within(
    client: &TestClient,
    room: &RoomId,
    bot: &str,
    after: usize,
    needle: &str,
    limit: Duration,
) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if answers(client, room, bot, after, needle) > 0 {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// How many of the bot's messages in `room` after the first `after` contain `needle`.
fn answers(client: &TestClient, room: &RoomId, bot: &str, after: usize, needle: &str) -> usize {
    bot_since(client, room, bot, after)
        .iter()
        .filter(|m| m.contains(needle))
        .count()
}

/// From "Hallo" through the language picker to the German main menu.
async fn to_the_menu(office: &Office, citizen: &TestClient, dm: &RoomId) {
    let before = citizen.messages_from(dm, &office.bot).len();
    send(citizen, dm, "Hallo").await;
    wait_bot(
        citizen,
        dm,
        &office.bot,
        before,
        PICKER,
        Duration::from_secs(60),
        "the language picker for \"Hallo\"",
    )
    .await;
    let before = citizen.messages_from(dm, &office.bot).len();
    send(citizen, dm, "1").await;
    wait_bot(
        citizen,
        dm,
        &office.bot,
        before,
        MENU,
        Duration::from_secs(60),
        "the main menu after picking Deutsch",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_while_a_matrix_message_arrives_loses_nothing() {
    let office = Office::open().await;
    let name = office.db_name();
    let serve = office.serve().await;
    let bot = office.bot.clone();
    let (citizen, dm) = office.citizen("citizen").await;
    to_the_menu(&office, &citizen, &dm).await;

    // The answer to "hilfe" with the database up: how many messages it is.
    let before = citizen.messages_from(&dm, &bot).len();
    let sent = Instant::now();
    send(&citizen, &dm, "hilfe").await;
    wait_bot(
        &citizen,
        &dm,
        &bot,
        before,
        HELP,
        Duration::from_secs(30),
        "the help with the database up",
    )
    .await;
    let normal = sent.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let shape = bot_since(&citizen, &dm, &bot, before).len();
    assert_eq!(
        answers(&citizen, &dm, &bot, before, HELP),
        1,
        "\"hilfe\" with the database up is answered once; the room:\n{}",
        transcript(&citizen, &dm)
    );
    eprintln!("with the database up, \"hilfe\" was answered in {normal:?} ({shape} message(s))");

    // The database refuses connections for about six seconds; the citizen writes at once,
    // so that the bot (still syncing: it notices the lost leadership within 3 s) gets the
    // message while it cannot store it.
    let mut admin = postgres_admin().await;
    allow_connections(&mut admin, &name, false).await;
    let outage = Instant::now();
    let before = citizen.messages_from(&dm, &bot).len();
    let event = send(&citizen, &dm, "hilfe").await;
    let sent = Instant::now();
    eprintln!(
        "\"hilfe\" ({event}) sent {:?} into the outage",
        outage.elapsed()
    );
    tokio::time::sleep(Duration::from_secs(6).saturating_sub(outage.elapsed())).await;
    let during = bot_since(&citizen, &dm, &bot, before);
    allow_connections(&mut admin, &name, true).await;
    let back = Instant::now();
    let _ = admin.close().await;
    eprintln!(
        "the database refused connections for {:?}; the bot said {} message(s) meanwhile",
        back.duration_since(outage),
        during.len()
    );

    let limit = Duration::from_secs(60);
    if !bot_says_within(&citizen, &dm, &bot, before, HELP, limit).await {
        panic!(
            "\"hilfe\" sent during the outage got no answer within {limit:?} of the database's \
             return; the input: {}; the room:\n{}",
            office.input_state(&event).await,
            transcript(&citizen, &dm)
        );
    }
    eprintln!(
        "\"hilfe\" from the outage answered {:?} after it was sent, {:?} after the database \
         was back",
        sent.elapsed(),
        back.elapsed()
    );

    // Five more seconds: no second answer.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let state = office.input_state(&event).await;
    eprintln!("the outage's input: {state}");
    let helps = answers(&citizen, &dm, &bot, before, HELP);
    let said = bot_since(&citizen, &dm, &bot, before);
    assert_eq!(
        helps,
        1,
        "the input from the outage must be answered exactly once; {state}; the room:\n{}",
        transcript(&citizen, &dm)
    );
    assert_eq!(
        said.len(),
        shape,
        "the answer from the outage must be what the same input gets with the database up \
         ({shape} message(s)), nothing more; {state}; the room:\n{}",
        transcript(&citizen, &dm)
    );

    // A further input is answered as usual.
    let before = citizen.messages_from(&dm, &bot).len();
    let sent = Instant::now();
    send(&citizen, &dm, "/appointments").await;
    wait_bot(
        &citizen,
        &dm,
        &bot,
        before,
        NO_APPOINTMENTS,
        Duration::from_secs(30),
        "the answer to \"/appointments\" after the outage",
    )
    .await;
    eprintln!(
        "\"/appointments\" after the outage answered in {:?}",
        sent.elapsed()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        answers(&citizen, &dm, &bot, before, NO_APPOINTMENTS),
        1,
        "\"/appointments\" after the outage is answered once; the room:\n{}",
        transcript(&citizen, &dm)
    );

    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_right_after_a_message_answers_it_once() {
    let office = Office::open().await;
    let mut serve = office.serve().await;
    let bot = office.bot.clone();
    let (citizen, dm) = office.citizen("citizen").await;
    to_the_menu(&office, &citizen, &dm).await;

    // Each input with an answer of its own; the bot is killed (kill -9) the moment Synapse
    // took it, the moment it is in the bot's inbox, the moment its reply is queued, and the
    // moment a sender claimed the reply.
    let rounds = [
        ("hilfe", HELP, Stage::Unseen),
        ("/appointments", NO_APPOINTMENTS, Stage::Stored),
        ("menü", MENU, Stage::Queued),
        ("/help", HELP, Stage::Sending),
    ];
    for (round, (input, needle, kill_at)) in rounds.into_iter().enumerate() {
        let round = round + 1;
        let before = citizen.messages_from(&dm, &bot).len();
        let token_before = office
            .db
            .store
            .conversations()
            .cursor_token(SYNC_CURSOR)
            .await
            .ok();
        let event = send(&citizen, &dm, input).await;
        let sent = Instant::now();
        let (reached, _) = office.wait_stage(&event, kill_at).await;
        serve.kill().await;
        let killed = sent.elapsed();
        let state = office.input_state(&event).await;
        let token_after = office
            .db
            .store
            .conversations()
            .cursor_token(SYNC_CURSOR)
            .await
            .ok();
        let seen_at_kill = answers(&citizen, &dm, &bot, before, needle);
        eprintln!(
            "round {round}: {input:?} ({event}) sent; at {reached:?} (waited for {kill_at:?}) \
             serve killed, {killed:?} after sending: {state}; our sync token {}; the citizen \
             had seen {seen_at_kill} answer(s)",
            if token_before == token_after {
                "unchanged"
            } else {
                "moved"
            }
        );

        let restart = Instant::now();
        serve = office.serve().await;
        let up = restart.elapsed();
        let limit = Duration::from_secs(60);
        if !bot_says_within(&citizen, &dm, &bot, before, needle, limit).await {
            panic!(
                "round {round}: {input:?} (serve killed {killed:?} after sending) got no answer \
                 within {limit:?} of the restart; the input: {}; the room:\n{}",
                office.input_state(&event).await,
                transcript(&citizen, &dm)
            );
        }
        eprintln!(
            "round {round}: serve was up again {up:?} after the kill; {input:?} answered \
             {:?} after it was sent",
            sent.elapsed()
        );

        // Five more seconds: no second answer.
        tokio::time::sleep(Duration::from_secs(5)).await;
        let state = office.input_state(&event).await;
        let count = answers(&citizen, &dm, &bot, before, needle);
        eprintln!(
            "round {round}: {count} answer(s) to {input:?}, {} bot message(s) since it: {state}",
            bot_since(&citizen, &dm, &bot, before).len()
        );
        assert_eq!(
            count,
            1,
            "round {round}: {input:?} (killed {killed:?} after sending) must be answered \
             exactly once; {state}; the room:\n{}",
            transcript(&citizen, &dm)
        );
    }

    // The dialogue goes on after the last restart.
    let before = citizen.messages_from(&dm, &bot).len();
    send(&citizen, &dm, "hilfe").await;
    wait_bot(
        &citizen,
        &dm,
        &bot,
        before,
        HELP,
        Duration::from_secs(30),
        "\"hilfe\" after the restarts",
    )
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        answers(&citizen, &dm, &bot, before, HELP),
        1,
        "\"hilfe\" after the restarts is answered once; the room:\n{}",
        transcript(&citizen, &dm)
    );

    serve.kill().await;
    office.close().await;
}
