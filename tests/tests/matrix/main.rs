//! The real `schalter serve` against a real Synapse (installed from PyPI by the test command),
//! with test clients built on matrix-sdk.

use schalter_tests::matrix_client::TestClient;
use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser};

mod documents;
mod office;
use office::Office;

/// Tuesday 2 February 2027, 09:00 in Heidelberg: the office is open, walk-ins welcome.
const OPEN: &str = "2027-02-02T09:00:00+01:00";
const PASSWORD: &str = "correct horse battery staple";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_books_in_an_encrypted_dm_and_a_clerk_calls_them_into_a_video_room() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;

    // A citizen opens an encrypted direct chat, as Element does by default.
    office.synapse.register("citizen", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "citizen", PASSWORD).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    assert!(
        citizen
            .client
            .get_room(&dm)
            .unwrap()
            .latest_encryption_state()
            .await
            .unwrap()
            .is_encrypted()
    );

    // Matrix gives no language: the picker comes first; options are numbered lines.
    let picker = citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    assert!(picker.contains("Please choose your language"), "{picker}");
    citizen.ask(&dm, "1", "[1] Termin buchen").await;
    citizen.ask(&dm, "1", "Für welchen Dienst").await;
    citizen
        .ask(&dm, "anmelden", "Wohnungsgeberbestätigung")
        .await;
    citizen
        .ask(&dm, "Weiter zur Terminwahl", "An welchem Tag")
        .await;
    citizen.ask(&dm, "1", "Welche Uhrzeit").await;
    citizen.ask(&dm, "1", "bestätigen").await;
    let booked = citizen.ask(&dm, "1", "Buchungsnummer").await;
    assert!(booked.contains("Anmeldung"), "{booked}");

    let slot = booked
        .split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .find(|w| w.len() == 5 && w.as_bytes()[2] == b':')
        .expect("the booked time");
    let (hour, minute): (u32, u32) = (slot[..2].parse().unwrap(), slot[3..].parse().unwrap());
    let check_in_time = format!(
        "2027-02-02T{:02}:{:02}:00+01:00",
        hour - u32::from(minute < 8),
        (minute + 60 - 8) % 60
    );

    // Eight minutes before the slot, the bot restarted meanwhile: check-in is open, first in
    // the menu, and puts the citizen in the waiting room.
    serve.kill().await;
    let serve = office
        .serve(&[("SCHALTER_CLOCK_START", check_in_time.as_str())])
        .await;
    citizen.ask(&dm, "menü", "[1] Jetzt einchecken").await;
    citizen.ask(&dm, "1", "Ihr Platz in der Reihe: 1").await;

    // Someone who is not a clerk is refused.
    let mallory = office.join_desk("mallory").await;
    let refused = mallory
        .ask(
            &office.desk,
            "!next",
            "nicht als Sachbearbeitung eingetragen",
        )
        .await;
    assert!(refused.contains("@mallory:localhost"), "{refused}");

    // The clerk calls the next citizen: a video room for the clerk, the link for the citizen.
    // Mallory, no clerk, reads the desk room now: the link stays out of it.
    let before = citizen.count(&dm);
    let called = office.clerk.ask(&office.desk, "!next", "Aufgerufen").await;
    assert!(called.contains("Einladung"), "{called}");
    assert!(
        !called.contains("https://"),
        "no link where others read: {called}"
    );
    let message = citizen
        .wait_for(&dm, before, "https://meet.example.org/")
        .await;
    let link = message
        .split_whitespace()
        .find(|w| w.starts_with("https://meet.example.org/"))
        .expect("video link")
        .to_owned();
    let conference = link.rsplit('/').next().unwrap().to_owned();
    assert!(conference.len() > 30, "unguessable: {conference}");

    let mut video_room = None;
    for _ in 0..300 {
        if let Some(r) = office.clerk.other_rooms(&[&office.desk]).into_iter().next() {
            video_room = Some(r);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let video_room = video_room.expect("the clerk is invited to a video room");
    office
        .clerk
        .wait_joined(&video_room, office.clerk.client.user_id().unwrap().as_str())
        .await;
    let state = office.clerk.state(&video_room).await;
    let create = state.iter().find(|e| e["type"] == "m.room.create").unwrap();
    assert_eq!(create["content"]["type"], "io.element.video");
    let widget = state
        .iter()
        .find(|e| e["type"] == "im.vector.modular.widgets")
        .expect("widget");
    assert_eq!(widget["content"]["type"], "jitsi");
    assert_eq!(
        widget["content"]["data"]["conferenceId"],
        conference.as_str()
    );
    assert_eq!(widget["content"]["data"]["domain"], "meet.example.org");
    let levels = state
        .iter()
        .find(|e| e["type"] == "m.room.power_levels")
        .unwrap();
    assert_eq!(levels["content"]["events"]["io.element.video.member"], 0);
    assert_eq!(
        levels["content"]["events"]["im.vector.modular.widgets"],
        200
    );

    // Prepared messages reach the citizen in their language.
    let before = citizen.count(&dm);
    office
        .clerk
        .ask(&office.desk, "!say camera", "geschickt")
        .await;
    citizen.wait_for(&dm, before, "Kamera").await;
    let keys = office
        .clerk
        .ask(&office.desk, "!say dance", "Vorbereitet sind")
        .await;
    assert!(keys.contains("microphone"), "{keys}");

    // The desk shows the live queue (one message, edited in place).
    office.clerk.wait_for(&office.desk, 0, "Im Gespräch").await;

    // After the call the room is closed for good, and the citizen is asked for feedback.
    let before = citizen.count(&dm);
    office.clerk.ask(&office.desk, "!done", "erledigt").await;
    citizen.wait_for(&dm, before, "Wie zufrieden").await;
    citizen.ask(&dm, "5", "noch etwas sagen").await;
    citizen
        .ask(&dm, "Sehr freundlich, danke", "Rückmeldung")
        .await;
    let feedback = office.db.store.queue().feedback().await.unwrap();
    assert_eq!(
        feedback,
        vec![(5, Some("Sehr freundlich, danke".to_owned()))]
    );
    office.clerk_shut_out(&video_room).await;
    serve.kill().await;
    office.close().await;
}

/// `SCHALTER_VIDEO_PROVIDER=element-call`: the call room is created (knock-only) before the
/// pick, so that the citizen's guest link can carry its id; the clerk and the Matrix citizen
/// are invited to exactly that room. The citizen writes Persian: the link arrives as an
/// `<a href>` whose target is exactly the link, with no direction mark next to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn element_call_room_before_the_pick_and_a_clean_link_in_persian() {
    use schalter_core::{I18n, Lang, matching::is_bidi_mark};
    let office = Office::open(&[]).await;
    let serve = office
        .serve(&[
            ("SCHALTER_VIDEO_PROVIDER", "element-call"),
            ("SCHALTER_VIDEO_BASE_URL", "https://call.example.org"),
        ])
        .await;
    let i18n = I18n::builtin();
    office.synapse.register("citizen", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "citizen", PASSWORD).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    let persian = i18n.text(Lang::Fa, "lang-name");
    let picker = citizen.ask(&dm, "سلام", &persian).await;
    let number = picker
        .lines()
        .find(|l| l.contains(&persian))
        .and_then(|l| l.split(['[', ']']).nth(1))
        .expect("Persian in the picker")
        .to_owned();
    let walk_in = i18n.text(Lang::Fa, "menu-walk-in");
    let menu = citizen.ask(&dm, &number, &walk_in).await;
    let walk_in_number = menu
        .lines()
        .find(|l| l.contains(&walk_in))
        .and_then(|l| l.split(['[', ']']).nth(1))
        .expect("walk-in in the menu")
        .to_owned();
    citizen.ask(&dm, &walk_in_number, "").await;

    let before = citizen.count(&dm);
    office.clerk.ask(&office.desk, "!next", "Aufgerufen").await;
    let message = citizen
        .wait_for(&dm, before, "https://call.example.org/")
        .await;
    let start = message.find("https://call.example.org/").unwrap();
    let link: String = message[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !is_bidi_mark(*c))
        .collect();
    let (_, room_id) = link
        .split_once("?roomId=")
        .expect("the room id in the guest link");
    assert!(link.contains("/room/#/schalter-"), "{link}");
    assert!(
        !message[..start].ends_with(is_bidi_mark)
            && !message[start + link.len()..].starts_with(is_bidi_mark),
        "a direction mark next to the link: {message:?}"
    );
    let html = citizen
        .html_of(&dm, "https://call.example.org/")
        .expect("an HTML body");
    assert!(
        html.contains(&format!("<a href=\"{link}\">{link}</a>")),
        "{html}"
    );

    // The clerk is invited to the room the link names, created before the pick: knock only,
    // an Element Call room.
    let room: matrix_sdk::ruma::OwnedRoomId = room_id.try_into().expect("a room id");
    office
        .clerk
        .wait_joined(&room, office.clerk.client.user_id().unwrap().as_str())
        .await;
    let state = office.clerk.state(&room).await;
    let create = state.iter().find(|e| e["type"] == "m.room.create").unwrap();
    assert_eq!(create["content"]["type"], "org.matrix.msc3417.call");
    let rules = state
        .iter()
        .find(|e| e["type"] == "m.room.join_rules")
        .unwrap();
    assert_eq!(rules["content"]["join_rule"], "knock");
    // The Matrix citizen is invited too (and the test client joins).
    citizen
        .wait_joined(&room, citizen.client.user_id().unwrap().as_str())
        .await;

    // After the call the room is closed: the clerk is no longer in it.
    office.clerk.ask(&office.desk, "!done", "erledigt").await;
    let closed = office.clerk_shut_out(&room).await;
    assert!(closed, "the call room stays open after !done");
    serve.kill().await;
    office.close().await;
}

/// The number of the option `label` among the numbered lines of `text`.
fn number_of(text: &str, label: &str) -> String {
    text.lines()
        .find(|l| l.contains(label))
        .and_then(|l| l.split(['[', ']']).nth(1))
        .unwrap_or_else(|| panic!("no option {label:?} in {text}"))
        .to_owned()
}

/// An Arabic citizen on Matrix: the privacy link in the greeting is an `<a href>` whose target
/// is exactly the link, with no direction mark next to it in the text; after booking by free
/// text, the reference copied out of the right-to-left reply (with its isolation marks) and
/// typed in lower case with a space both find the appointment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_links_and_references_on_matrix() {
    use schalter_core::{I18n, Lang, matching::is_bidi_mark};
    const PRIVACY: &str = "https://example.org/datenschutz";
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    let i18n = I18n::builtin();
    let t = |id: &str| {
        i18n.text(Lang::Ar, id)
            .trim_start_matches('\u{200F}')
            .to_owned()
    };
    office.synapse.register("layla", PASSWORD).await;
    let layla = TestClient::login(&office.synapse.url, "layla", PASSWORD).await;
    let dm = layla.create_room(&[&office.bot], true, true).await;
    layla.wait_joined(&dm, &office.bot).await;
    let arabic = i18n.text(Lang::Ar, "lang-name");
    let picker = layla.ask(&dm, "مرحبا", &arabic).await;
    let welcome = layla.ask(&dm, &number_of(&picker, &arabic), PRIVACY).await;
    let at = welcome.find(PRIVACY).unwrap();
    assert!(
        !welcome[..at].ends_with(is_bidi_mark)
            && !welcome[at + PRIVACY.len()..].starts_with(is_bidi_mark),
        "a direction mark next to the link: {welcome:?}"
    );
    let html = layla.html_of(&dm, PRIVACY).expect("an HTML body");
    assert!(
        html.contains(&format!("<a href=\"{PRIVACY}\">{PRIVACY}</a>")),
        "{html}"
    );

    let checklist = layla
        .ask(&dm, "أريد تسجيل السكن", "Wohnungsgeberbestätigung")
        .await;
    let dates = t("option-continue-to-dates");
    layla.ask(&dm, &number_of(&checklist, &dates), "[1]").await;
    layla.ask(&dm, "1", "[1]").await;
    let held = layla.ask(&dm, "1", "[1]").await;
    let booked = layla
        .ask(
            &dm,
            "1",
            &t("booking-confirmed").chars().take(8).collect::<String>(),
        )
        .await;
    let reference: String = {
        const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let chars: Vec<char> = booked.chars().collect();
        chars
            .windows(9)
            .find(|w| {
                w[4] == '-'
                    && w.iter()
                        .enumerate()
                        .all(|(i, c)| i == 4 || ALPHABET.contains(*c))
            })
            .map(|w| w.iter().collect())
            .unwrap_or_else(|| panic!("no reference in {booked:?} after {held:?}"))
    };
    // As copied out of the reply: the isolation marks Fluent put around it come along.
    let copied = format!("\u{2068}{reference}\u{2069}");
    let typed = format!(
        "{} {}",
        reference[..4].to_lowercase(),
        reference[5..].to_lowercase()
    );
    for input in [copied, typed] {
        let menu = layla.ask(&dm, "/start", &t("menu-appointments")).await;
        layla
            .ask(&dm, &number_of(&menu, &t("menu-appointments")), "[1]")
            .await;
        let shown = layla.ask(&dm, &input, &reference).await;
        assert!(
            shown.contains(&t("option-cancel-appointment")),
            "{input:?} did not find {reference}: {shown}"
        );
    }
    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_clerks_never_get_the_same_citizen_and_telegram_citizens_get_the_url_button() {
    let office = Office::open(&["@bert:localhost"]).await;
    let bert = office.join_desk("bert").await;

    let emu = Emulator::start().await;
    let serve = office
        .serve(&[
            ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
            ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ])
        .await;
    // Two Telegram citizens walk in.
    let mut people = Vec::new();
    for (id, name) in [(6001, "Ali"), (6002, "Bea")] {
        let user = TgUser::new(id, name, Some("de"));
        let before = emu.last_id(id);
        emu.send_text(&user, "/start");
        let menu = emu.wait_message(id, before, |_| true).await;
        let before = emu.last_id(id);
        emu.press(&user, &menu, "menu:walkin");
        emu.wait_text(id, before, "Platz in der Reihe").await;
        people.push(user);
    }

    // Both clerks say !next at the same moment.
    let (a, b) = (office.clerk.count(&office.desk), bert.count(&office.desk));
    tokio::join!(
        office.clerk.send(&office.desk, "!next"),
        bert.send(&office.desk, "!next")
    );
    let _ = (a, bert.wait_for(&office.desk, b, "Aufgerufen").await);
    let called = || -> Vec<String> {
        office
            .clerk
            .seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.body.starts_with("Aufgerufen: "))
            .map(|s| s.body.split(' ').nth(1).unwrap().to_owned())
            .collect()
    };
    for _ in 0..300 {
        if called().len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let calls = called();
    assert_eq!(calls.len(), 2, "two picks: {calls:?}");
    assert_ne!(calls[0], calls[1], "never the same citizen");

    // Each Telegram citizen gets the link as a URL button.
    for user in &people {
        let call = emu
            .wait_message(user.id, 0, |m| !m.url_buttons().is_empty())
            .await;
        assert!(
            call.url_buttons()[0]
                .1
                .starts_with("https://meet.example.org/schalter-"),
            "{call:#?}"
        );
    }
    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_loses_nothing_and_repeats_nothing() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    office.synapse.register("citizen", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "citizen", PASSWORD).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    citizen.ask(&dm, "1", "[1] Termin buchen").await;
    let answered = citizen.count(&dm);
    let devices_before = devices(&office).await;
    serve.kill().await;

    // The citizen writes while the bot is down; after the restart it is answered, once.
    citizen.send(&dm, "1").await;
    let serve = office.serve(&[]).await;
    citizen.wait_for(&dm, answered, "Für welchen Dienst").await;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(citizen.count(&dm), answered + 1, "one answer, no repeats");

    // The restart restored the session: no new device, so encryption keeps working.
    assert_eq!(devices(&office).await, devices_before);
    serve.kill().await;
    office.close().await;
}

/// The bot's devices, read from Synapse's database.
async fn devices(office: &Office) -> i64 {
    let synapse_db = office
        .synapse
        .config()
        .parent()
        .unwrap()
        .join("homeserver.db");
    let db = schalter_core::Store::connect(&format!("sqlite://{}?mode=ro", synapse_db.display()))
        .await
        .unwrap();
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM devices WHERE user_id = $1")
        .bind(&office.bot)
        .fetch_one(db.pool())
        .await
        .unwrap();
    db.close().await;
    n
}

/// A citizen on the web chat walks in; a clerk's `!next` in the Element desk room (real
/// Synapse) puts the call's link into the open page, which opens it in the same window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_web_citizen_gets_the_call_link_in_the_open_page() {
    use schalter_tests::webdriver::Browser;
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    let browser = Browser::start().await;
    browser.resize(360, 640).await;
    browser.goto(&format!("{}/chat/?lang=de", serve.http)).await;
    browser.click("form.sc-start button").await;
    let office_messages = "document.querySelectorAll('#sc-log li.sc-office').length";
    browser
        .until("the greeting", &format!("return {office_messages} > 0"))
        .await;
    browser
        .js("[...document.querySelectorAll('#sc-log button[name=option]')].find(b => b.value === 'menu:walkin').click(); return true;")
        .await;
    browser
        .until(
            "the place in the queue",
            "return document.getElementById('sc-log').innerText.includes('Platz in der Reihe')",
        )
        .await;

    let started = std::time::Instant::now();
    office.clerk.ask(&office.desk, "!next", "Aufgerufen").await;
    browser
        .until(
            "the call's link",
            "return !!document.querySelector('#sc-log .sc-link a')",
        )
        .await;
    eprintln!(
        "the link was in the page {} ms after the clerk's !next",
        started.elapsed().as_millis()
    );
    let link = browser
        .js("const a = document.querySelector('#sc-log .sc-link a'); return [a.href, a.target]")
        .await;
    let href = link[0].as_str().unwrap_or_default().to_owned();
    assert!(
        href.starts_with("https://meet.example.org/schalter-"),
        "{link}"
    );
    assert_eq!(link[1], "", "the call opens in the same window: {link}");
    let stored: String = sqlx::query_scalar(
        "SELECT video_url FROM queue_entries WHERE conversation_id LIKE 'web:%' AND status = 'called'",
    )
    .fetch_one(office.db.store.pool())
    .await
    .unwrap();
    assert_eq!(href, stored, "the link is the call's URL");
    browser.quit().await;
    serve.kill().await;
    office.close().await;
}

/// Leichte Sprache on Matrix, in an encrypted direct chat: chosen at the picker by its words,
/// then a booking by numbers and words, a walk-in to a clerk and `/forget`, every answer from
/// `locales/de-x-ls`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leichte_sprache_books_walks_in_and_forgets() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[("SCHALTER_CLOCK_START", OPEN)]).await;
    let first_line = schalter_tests::easy_first_line;
    office.synapse.register("lena", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "lena", PASSWORD).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    let picker = citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    assert!(picker.contains("Deutsch – Leichte Sprache"), "{picker}");
    citizen
        .ask(&dm, "Leichte Sprache", &first_line("language-changed"))
        .await;
    citizen
        .ask(&dm, "1", "Wofür brauchen Sie einen Termin")
        .await;
    let checklist = citizen
        .ask(&dm, "anmelden", "Wohnungs-Geber-Bestätigung")
        .await;
    assert!(
        checklist.contains("Ein Zettel von Ihrem Vermieter"),
        "{checklist}"
    );
    citizen.ask(&dm, "4", &first_line("pick-day-prompt")).await;
    citizen.ask(&dm, "1", "Welche Uhrzeit passt für Sie").await;
    citizen.ask(&dm, "1", "Termin bestätigen").await;
    let booked = citizen
        .ask(&dm, "1", &first_line("booking-confirmed"))
        .await;
    assert!(booked.contains("Buchungs-Nummer"), "{booked}");
    citizen
        .ask(&dm, "Haupt-Menü", "Jetzt mit der Person vom Amt sprechen")
        .await;
    let waiting = citizen
        .ask(&dm, "Jetzt mit der Person vom Amt sprechen", "Warte-Raum")
        .await;
    assert!(!waiting.is_empty());
    citizen
        .ask(&dm, "/forget", &first_line("forget-confirm"))
        .await;
    citizen
        .ask(&dm, "Ja, alles löschen", &first_line("forget-done"))
        .await;
    serve.kill().await;
    office.close().await;
}
