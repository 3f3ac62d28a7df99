//! Delivery on the Matrix channel, end to end: the real `schalter serve` against a real
//! Synapse. A call stays with its clerk as long as the desk is alive (lease renewals), group
//! rooms are told to write directly, the video room invites exactly the two people of the
//! call, and a citizen who left does not hold up the messages of the next one.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use matrix_sdk::RoomState;
use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use schalter_tests::matrix_client::{self, TestClient};
use schalter_tests::synapse::Synapse;
use schalter_tests::{Serve, TestDb, scratch_dir, workspace};

/// Tuesday 2 February 2027, 09:00 in Heidelberg: the office is open, walk-ins welcome.
const OPEN: &str = "2027-02-02T09:00:00+01:00";
const PASSWORD: &str = "correct horse battery staple";

/// The main menu's "talk to a clerk now" (locales/de/queue.ftl `menu-walk-in`).
const WALK_IN: &str = "Jetzt mit der Sachbearbeitung sprechen";
/// locales/de/queue.ftl `waiting-status`.
const IN_THE_QUEUE: &str = "Ihr Platz in der Reihe";
/// locales/de/queue.ftl `back-in-queue`.
const BACK_IN_QUEUE: &str = "wieder im Warteraum";
/// locales/de/clerk.ftl `desk-picked`.
const PICKED: &str = "Aufgerufen: ";
/// locales/de/clerk.ftl `desk-nobody`.
const NOBODY: &str = "Niemand wartet.";
/// locales/de/clerk.ftl `desk-done` (after the reference).
const DONE: &str = "ist erledigt.";
/// locales/de/clerk.ftl `desk-no-call`.
const NO_CALL: &str = "Sie sind gerade in keinem Gespräch.";
/// locales/de/feedback.ftl `feedback-question`.
const FEEDBACK: &str = "Wie zufrieden waren Sie mit dem Gespräch?";
const VIDEO_BASE: &str = "https://meet.example.org/";

struct Office {
    synapse: Synapse,
    db: TestDb,
    bot: String,
    clerk: TestClient,
    desk: OwnedRoomId,
    store: std::path::PathBuf,
    env: Vec<(String, String)>,
}

impl Office {
    /// Synapse with a bot, a clerk (anna) and the clerk's desk room; `extra_clerks` are
    /// allowed too.
    async fn open(extra_clerks: &[&str]) -> Self {
        let synapse = Synapse::start().await;
        let db = TestDb::sqlite().await;
        let bot = synapse.register("schalter", PASSWORD).await;
        let anna = synapse.register("anna", PASSWORD).await;
        let clerk = TestClient::login(&synapse.url, "anna", PASSWORD).await;
        let desk = clerk.create_room(&[&bot], false, false).await;
        let store = scratch_dir("schalter_matrix_store");
        let mut clerks = vec![anna.clone()];
        clerks.extend(extra_clerks.iter().map(|c| c.to_string()));
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
            ("SCHALTER_MATRIX_CLERKS".to_owned(), clerks.join(",")),
            (
                "SCHALTER_VIDEO_BASE_URL".to_owned(),
                "https://meet.example.org".to_owned(),
            ),
            ("SCHALTER_CLOCK_START".to_owned(), OPEN.to_owned()),
        ];
        Self {
            synapse,
            db,
            bot,
            clerk,
            desk,
            store,
            env,
        }
    }

    async fn serve(&self, extra: &[(&str, &str)]) -> Serve {
        let mut env: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        env.extend_from_slice(extra);
        let serve = Serve::start(&env).await;
        self.clerk.wait_joined(&self.desk, &self.bot).await;
        serve
    }

    /// Registers `name`, logs them in and brings them into the desk room.
    async fn join_desk(&self, name: &str) -> TestClient {
        self.synapse.register(name, PASSWORD).await;
        let client = TestClient::login(&self.synapse.url, name, PASSWORD).await;
        let user = client.client.user_id().unwrap().to_owned();
        let desk = self.clerk.client.get_room(&self.desk).unwrap();
        desk.invite_user_by_id(&user).await.unwrap();
        self.clerk.wait_joined(&self.desk, user.as_str()).await;
        client
    }

    /// Registers `name` and logs them in; `auto_join`: they accept every invitation.
    async fn person(&self, name: &str, auto_join: bool) -> TestClient {
        self.synapse.register(name, PASSWORD).await;
        if auto_join {
            TestClient::login(&self.synapse.url, name, PASSWORD).await
        } else {
            TestClient::login_without_auto_join(&self.synapse.url, name, PASSWORD).await
        }
    }

    /// A citizen with an encrypted 1:1 direct chat with the bot, as Element opens it.
    async fn citizen(&self, name: &str, auto_join: bool) -> (TestClient, OwnedRoomId) {
        let citizen = self.person(name, auto_join).await;
        let dm = citizen.create_room(&[&self.bot], true, true).await;
        citizen.wait_joined(&dm, &self.bot).await;
        (citizen, dm)
    }

    fn anna(&self) -> String {
        self.clerk.client.user_id().unwrap().to_string()
    }

    /// Anna says `!next` and must get someone; returns the bot's answer.
    async fn next(&self) -> String {
        let before = self.clerk.count(&self.desk);
        self.clerk.send(&self.desk, "!next").await;
        let answer = self
            .clerk
            .wait_for_any(&self.desk, before, &[PICKED, NOBODY])
            .await;
        assert!(
            answer.contains(PICKED),
            "anna's !next picked nobody: {answer}"
        );
        answer
    }

    /// Anna says `!done` and the call must end; returns the bot's answer.
    async fn done(&self, reference: &str) -> String {
        let before = self.clerk.count(&self.desk);
        self.clerk.send(&self.desk, "!done").await;
        let answer = self
            .clerk
            .wait_for_any(&self.desk, before, &[DONE, NO_CALL])
            .await;
        assert!(
            answer.contains(&format!("{reference} {DONE}")),
            "anna's !done did not end the call with {reference}: {answer}"
        );
        answer
    }

    /// Logs in as the bot (a separate session, plain HTTP) to see what the bot sees.
    async fn bot_token(&self) -> String {
        matrix_client::access_token(&self.synapse.url, "schalter", PASSWORD).await
    }

    /// Waits until the bot is no longer joined to `room`.
    async fn wait_bot_left(&self, room: &RoomId) {
        let token = self.bot_token().await;
        let mut joined = Vec::new();
        for _ in 0..300 {
            joined = matrix_client::joined_rooms(&self.synapse.url, &token).await;
            if !joined.iter().any(|r| r == room) {
                matrix_client::logout(&self.synapse.url, &token).await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        matrix_client::logout(&self.synapse.url, &token).await;
        panic!("the bot did not leave {room} within 30 s; it is joined to {joined:?}");
    }

    async fn close(self) {
        self.synapse.stop().await;
        self.db.drop_db().await;
        let _ = std::fs::remove_dir_all(&self.store);
    }
}

/// From the language picker to the waiting room as a walk-in.
async fn walk_in(citizen: &TestClient, dm: &RoomId) {
    citizen.ask(dm, "Hallo", "[1] Deutsch").await;
    citizen.ask(dm, "1", WALK_IN).await;
    citizen.ask(dm, WALK_IN, IN_THE_QUEUE).await;
}

/// The reference in a `desk-picked` answer ("Aufgerufen: REF · …").
fn reference_of(picked: &str) -> String {
    picked
        .lines()
        .find_map(|l| l.strip_prefix(PICKED))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no reference in {picked:?}"))
        .to_owned()
}

/// The first room `client` has besides `known` (the video room a clerk is invited to).
async fn wait_new_room(client: &TestClient, known: &[&RoomId]) -> OwnedRoomId {
    for _ in 0..300 {
        if let Some(room) = client.other_rooms(known).into_iter().next() {
            return room;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{} got no room besides {known:?} within 30 s",
        client.client.user_id().unwrap()
    );
}

/// Waits until `client`'s own view of `room` is `want`.
async fn wait_room_state(client: &TestClient, room: &RoomId, want: RoomState, what: &str) {
    let mut state = None;
    for _ in 0..300 {
        state = client.room_state(room);
        if state == Some(want) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: after 30 s the room {room} is {state:?}, not {want:?}");
}

/// The German "write me directly" text: `private-only` in locales/de/common.ftl (up to its
/// first placeable), the same answer Telegram groups get.
fn direct_only_text() -> String {
    let path = workspace().join("locales/de/common.ftl");
    let ftl = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = ftl.lines();
    while let Some(line) = lines.next() {
        let Some(value) = line
            .strip_prefix("private-only")
            .and_then(|rest| rest.trim_start().strip_prefix('='))
        else {
            continue;
        };
        let mut value = value.trim().to_owned();
        if value.is_empty() {
            // A multi-line message: the text starts on the next, indented line.
            value = lines.next().unwrap_or_default().trim().to_owned();
        }
        let value = value.split('{').next().unwrap_or_default().trim();
        if !value.is_empty() {
            return value.to_owned();
        }
    }
    panic!("locales/de/common.ftl has no `private-only`");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_outlives_the_lease_and_done_closes_it() {
    let office = Office::open(&["@bert:localhost"]).await;
    let bert = office.join_desk("bert").await;
    let serve = office.serve(&[("SCHALTER_CLERK_LEASE_SECONDS", "4")]).await;
    let anna = office.anna();

    let (citizen, dm) = office.citizen("citizen", true).await;
    walk_in(&citizen, &dm).await;

    let called = office.next().await;
    let reference = reference_of(&called);
    let video = wait_new_room(&office.clerk, &[&office.desk]).await;
    citizen.wait_for(&dm, 0, VIDEO_BASE).await;

    // More than three leases go by while anna talks to the citizen: her desk keeps renewing
    // the lease, so the call stays hers the whole time.
    let wait = Duration::from_secs(15);
    let start = Instant::now();
    while start.elapsed() < wait {
        let calls = office.db.store.in_calls().await.expect("read the calls");
        assert!(
            calls.len() == 1
                && calls[0].reference.as_deref() == Some(reference.as_str())
                && calls[0].clerk.as_deref().is_some_and(|c| c.contains(&anna)),
            "after {:?} the call with {reference} is no longer anna's: {calls:#?}",
            start.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let told: Vec<String> = citizen.messages_from(&dm, &office.bot);
    assert!(
        !told.iter().any(|m| m.contains(BACK_IN_QUEUE)),
        "the citizen was sent back to the waiting room during the call: {told:#?}"
    );

    // A second clerk finds nobody waiting: the citizen is still with anna.
    let before = bert.count(&office.desk);
    bert.send(&office.desk, "!next").await;
    let answer = bert
        .wait_for_any(&office.desk, before, &[NOBODY, PICKED])
        .await;
    assert!(
        answer.contains(NOBODY),
        "bert's !next after {:?} must find nobody waiting, got: {answer}",
        start.elapsed()
    );

    // Anna ends the call: the room is closed (the bot leaves it) and the citizen is asked for
    // feedback.
    let before = citizen.count(&dm);
    office.done(&reference).await;
    citizen.wait_for(&dm, before, FEEDBACK).await;
    office.wait_bot_left(&video).await;
    assert!(
        office
            .db
            .store
            .in_calls()
            .await
            .expect("read the calls")
            .is_empty(),
        "no call left after !done"
    );

    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_with_three_members_is_told_to_write_directly() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    let direct_only = direct_only_text();
    let olga = office.person("olga", true).await;
    let paul = office.person("paul", true).await;
    let paul_id = paul.client.user_id().unwrap().to_string();

    // An ordinary group room: olga, paul and the bot, all joined.
    let group = olga
        .create_room(&[&office.bot, &paul_id], false, false)
        .await;
    olga.wait_joined(&group, &office.bot).await;
    olga.wait_joined(&group, &paul_id).await;
    olga.send(&group, "Hallo").await;
    let answer = olga.wait_for(&group, 0, &direct_only).await;
    let bot_left = async |room: &RoomId| {
        let mut membership = None;
        for _ in 0..300 {
            membership = olga.membership(room, &office.bot).await;
            if membership.as_deref() == Some("leave") {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the bot did not leave the group room {room} within 30 s: {membership:?}");
    };
    bot_left(&group).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let from_bot = olga.messages_from(&group, &office.bot);
    assert_eq!(
        from_bot,
        vec![answer.clone()],
        "one answer in the group room, and only that one"
    );

    // Nobody answers there any more.
    olga.send(&group, "Hallo? Ich möchte mich anmelden").await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        olga.messages_from(&group, &office.bot),
        vec![answer],
        "no further answer after the bot left"
    );

    println!("the group room {group} was told and left");

    // Marked as a direct chat, but a third person is invited: that is a group too.
    let carl = office.person("carl", false).await;
    let carl_id = carl.client.user_id().unwrap().to_string();
    let room = olga.create_room(&[&office.bot, &carl_id], true, true).await;
    olga.wait_joined(&room, &office.bot).await;
    wait_room_state(&carl, &room, RoomState::Invited, "carl sees his invitation").await;
    println!("the direct room {room} with carl invited");
    olga.send(&room, "Hallo").await;
    olga.wait_for(&room, 0, &direct_only).await;
    bot_left(&room).await;
    assert_eq!(
        olga.messages_from(&room, &office.bot).len(),
        1,
        "one answer in the 'direct' room with three members: {:#?}",
        olga.messages_from(&room, &office.bot)
    );

    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_video_room_invites_exactly_the_clerk_and_the_citizen() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    let anna = office.anna();

    // The citizen does not accept invitations on their own: their invite stays pending.
    let (citizen, dm) = office.citizen("citizen", false).await;
    let citizen_id = citizen.client.user_id().unwrap().to_string();
    walk_in(&citizen, &dm).await;

    let called = office.next().await;
    let reference = reference_of(&called);
    citizen.wait_for(&dm, 0, VIDEO_BASE).await;
    let video = wait_new_room(&office.clerk, &[&office.desk]).await;
    office.clerk.wait_joined(&video, &anna).await;
    wait_room_state(
        &citizen,
        &video,
        RoomState::Invited,
        "the citizen is invited to the video room",
    )
    .await;
    assert_eq!(
        citizen.other_rooms(&[&dm]),
        vec![video.clone()],
        "the citizen is invited to the clerk's video room and no other"
    );

    // Its members: the bot, the clerk and the citizen (by their user id), nobody else.
    let mut members = BTreeMap::new();
    for _ in 0..100 {
        members = office
            .clerk
            .state(&video)
            .await
            .iter()
            .filter(|e| e["type"] == "m.room.member")
            .filter_map(|e| {
                let membership = e["content"]["membership"].as_str()?;
                let user = e["state_key"].as_str()?;
                ["invite", "join"]
                    .contains(&membership)
                    .then(|| (user.to_owned(), membership.to_owned()))
            })
            .collect::<BTreeMap<String, String>>();
        if members.contains_key(&citizen_id) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let users: Vec<&str> = members.keys().map(String::as_str).collect();
    let mut expected = vec![office.bot.as_str(), anna.as_str(), citizen_id.as_str()];
    expected.sort_unstable();
    assert_eq!(users, expected, "invited or joined: {members:#?}");
    assert_eq!(members[&office.bot], "join", "{members:#?}");
    assert!(
        ["invite", "join"].contains(&members[&anna].as_str()),
        "{members:#?}"
    );
    assert_eq!(members[&citizen_id], "invite", "{members:#?}");

    // The call ends before the citizen joined: their pending invitation is revoked.
    office.done(&reference).await;
    wait_room_state(
        &citizen,
        &video,
        RoomState::Left,
        "the citizen's invitation is revoked after !done",
    )
    .await;
    office.wait_bot_left(&video).await;
    let token = office.bot_token().await;
    let seen_by_bot =
        matrix_client::membership(&office.synapse.url, &token, &video, &citizen_id).await;
    matrix_client::logout(&office.synapse.url, &token).await;
    assert_eq!(
        seen_by_bot.as_deref(),
        Some("leave"),
        "the citizen's membership when the bot left the video room"
    );

    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_who_left_does_not_block_the_next_one() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;

    // Xaver walks in, then leaves his chat with the bot; Yasmin walks in after him.
    let (xaver, xaver_dm) = office.citizen("xaver", true).await;
    let xaver_id = xaver.client.user_id().unwrap().to_string();
    walk_in(&xaver, &xaver_dm).await;
    xaver
        .client
        .get_room(&xaver_dm)
        .expect("xaver's DM")
        .leave()
        .await
        .expect("xaver leaves his DM");
    let (yasmin, yasmin_dm) = office.citizen("yasmin", true).await;
    let yasmin_id = yasmin.client.user_id().unwrap().to_string();
    walk_in(&yasmin, &yasmin_dm).await;
    let before = yasmin.count(&yasmin_dm);

    // Anna calls the next citizen until she has Yasmin: Xaver first (his call message cannot
    // be delivered), then Yasmin, who gets her link at once.
    let mut picks = Vec::new();
    let (since_command, since_answer) = loop {
        assert!(picks.len() < 2, "anna never got yasmin: {picks:#?}");
        let sent = Instant::now();
        let called = office.next().await;
        let answered = Instant::now();
        let reference = reference_of(&called);
        let calls = office.db.store.in_calls().await.expect("read the calls");
        let call = calls
            .iter()
            .find(|c| c.reference.as_deref() == Some(reference.as_str()))
            .unwrap_or_else(|| panic!("{reference} is not in a call: {calls:#?}"));
        let conversation = call.conversation_id.clone();
        picks.push(conversation.clone());
        let of = |user: &str, dm: &RoomId| {
            conversation.contains(user) || conversation.contains(dm.as_str())
        };
        if of(&yasmin_id, &yasmin_dm) {
            let link = called
                .lines()
                .find_map(|l| l.strip_prefix("Video: "))
                .unwrap_or(VIDEO_BASE)
                .to_owned();
            let got = yasmin
                .wait_for_within(&yasmin_dm, before, &link, Duration::from_secs(60))
                .await;
            assert!(
                got.is_some(),
                "yasmin got no call link ({link}) within 60 s of the pick; she saw {:#?}",
                yasmin.messages_from(&yasmin_dm, &office.bot)
            );
            break (sent.elapsed(), answered.elapsed());
        }
        assert!(
            of(&xaver_id, &xaver_dm),
            "anna got neither xaver nor yasmin: conversation {conversation}"
        );
        office.done(&reference).await;
    };
    println!(
        "yasmin's call link arrived {since_command:?} after anna's !next \
         ({since_answer:?} after the desk's answer); picks: {picks:?}"
    );
    if picks.len() == 1 {
        println!("xaver was no longer in the queue once he had left");
    }
    assert!(
        since_command <= Duration::from_secs(10),
        "yasmin's call link took {since_command:?} after the pick"
    );

    serve.kill().await;
    office.close().await;
}

/// Every file the SDK keeps under `dir`, with its bytes.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push((path, bytes));
        }
    }
    out
}

/// With SCHALTER_MATRIX_STORE_PASSPHRASE the SDK's state and crypto store holds no citizen's
/// id or room in the clear, and a restart with the same passphrase carries on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_matrix_store_is_encrypted_with_the_passphrase() {
    let office = Office::open(&[]).await;
    let passphrase = (
        "SCHALTER_MATRIX_STORE_PASSPHRASE",
        "store-passphrase-for-the-test-0123",
    );
    let serve = office.serve(&[passphrase]).await;
    let citizen = office.person("zoe", true).await;
    let dm = citizen.create_room(&[&office.bot], false, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    serve.kill().await;

    let sdk = files(&office.store.join("sdk"));
    assert!(
        !sdk.is_empty(),
        "the SDK keeps its store in {:?}",
        office.store
    );
    let clear: Vec<_> = sdk
        .iter()
        .filter(|(_, bytes)| {
            [b"@zoe:localhost".as_slice(), dm.as_str().as_bytes()]
                .iter()
                .any(|needle| bytes.windows(needle.len()).any(|w| w == *needle))
        })
        .map(|(path, _)| path.clone())
        .collect();
    assert!(clear.is_empty(), "in the clear: {clear:?}");

    // The same passphrase opens it again: the bot answers in the same room; `/mydata` comes
    // as text and as a JSON file.
    let serve = office.serve(&[passphrase]).await;
    citizen.ask(&dm, "1", "[1] Termin buchen").await;
    let before = citizen.count(&dm);
    citizen.send(&dm, "/mydata").await;
    citizen
        .wait_for(&dm, before, "Das speichern wir über Sie")
        .await;
    citizen
        .wait_for(&dm, before, "[file] schalter-my-data.json")
        .await;
    serve.kill().await;
    office.close().await;
}
