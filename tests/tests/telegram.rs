//! The real `schalter serve` against the Telegram Bot API emulator, as Telegram sees the bot.

use schalter_tests::conv;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use schalter_core::store::HoldRequest;
use schalter_core::store::Pick;
use schalter_tests::telegram_emulator::{
    BotMessage, Emulator, Event, TOKEN, TgUser, webhook_secret,
};
use schalter_tests::{Serve, TestDb};

/// Tuesday 2 February 2027, 07:55 in Heidelberg: the whole day is still free.
const MORNING: &str = "2027-02-02T07:55:00+01:00";

fn env<'a>(db: &'a TestDb, emu: &'a Emulator, clock: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", clock),
    ]
}

async fn start(clock: &str) -> (TestDb, Emulator, Serve) {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let serve = Serve::start(&env(&db, &emu, clock)).await;
    (db, emu, serve)
}

/// Presses `data` on `message` and returns the bot's next message. A file (a booking's
/// calendar file, which follows the confirmation) is no answer.
async fn press(emu: &Emulator, user: &TgUser, message: &BotMessage, data: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.press(user, message, data);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// Types `text` and returns the bot's next message (not a file).
async fn say(emu: &Emulator, user: &TgUser, text: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.send_text(user, text);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// A booking through buttons, from the menu to the confirmation.
async fn book_by_buttons(
    emu: &Emulator,
    user: &TgUser,
    menu: &BotMessage,
    service: &str,
) -> BotMessage {
    let services = press(emu, user, menu, "menu:book").await;
    let checklist = press(emu, user, &services, &format!("svc:{service}")).await;
    let days = press(emu, user, &checklist, "go:dates").await;
    let times = press(emu, user, &days, &days.data("day:")).await;
    let held = press(emu, user, &times, &times.data("time:")).await;
    press(emu, user, &held, "confirm").await
}

fn references(text: &str) -> Vec<String> {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(9)
        .filter(|w| {
            w[4] == '-'
                && w.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || ALPHABET.contains(*c))
        })
        .map(|w| w.iter().collect())
        .collect()
}

#[tokio::test]
async fn german_booking_through_buttons() {
    let (db, emu, serve) = start(MORNING).await;
    let greta = TgUser::new(5001, "Greta", Some("de"));
    let menu = say(&emu, &greta, "/start").await;
    assert!(menu.text.contains("Willkommen"), "{menu:#?}");
    let services = press(&emu, &greta, &menu, "menu:book").await;
    let checklist = press(&emu, &greta, &services, "svc:anmeldung").await;
    assert!(
        checklist.text.contains("Wohnungsgeberbestätigung"),
        "{checklist:#?}"
    );
    let ticked = press(&emu, &greta, &checklist, "tick:landlord-confirmation").await;
    assert!(
        ticked.text.contains("☑ Wohnungsgeberbestätigung"),
        "{ticked:#?}"
    );
    let days = press(&emu, &greta, &ticked, "go:dates").await;
    let times = press(&emu, &greta, &days, "day:2027-02-02").await;
    assert_eq!(times.buttons()[0].0, "08:30 Uhr");
    let held = press(&emu, &greta, &times, &times.data("time:")).await;
    let booked = press(&emu, &greta, &held, "confirm").await;
    assert!(booked.text.contains("Buchungsnummer"), "{booked:#?}");
    assert_eq!(references(&booked.text).len(), 1);
    // Every button press was answered, and nothing was refused.
    let events = emu.events();
    let answered = events
        .iter()
        .filter(|e| matches!(e, Event::CallbackAnswered(_)))
        .count();
    assert_eq!(answered, 7, "{events:#?}");
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Rejected(m, _) if m != "setwebhook")),
        "{events:#?}"
    );
    // The command menu is set in every language.
    let de = emu.commands("de");
    assert_eq!(de.len(), 8, "{de:?}");
    assert_eq!(de[7]["command"], "forget");
    assert_eq!(de[0]["command"], "start");
    assert!(
        emu.commands("ar")[0]["description"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{600}'..'\u{700}').contains(&c))
    );
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn arabic_through_free_text() {
    let (db, emu, serve) = start(MORNING).await;
    let layla = TgUser::new(5002, "Layla", Some("ar"));
    let welcome = say(&emu, &layla, "/start").await;
    assert!(
        welcome.text.starts_with('\u{200F}'),
        "right to left: {welcome:#?}"
    );
    let checklist = say(&emu, &layla, "أريد تسجيل السكن").await;
    assert!(
        checklist.text.contains("Wohnungsgeberbestätigung"),
        "{checklist:#?}"
    );
    let label = |m: &BotMessage, prefix: &str| {
        m.buttons()
            .into_iter()
            .find(|(_, d)| d.starts_with(prefix))
            .unwrap()
            .0
            .trim_start_matches('\u{200F}')
            .to_owned()
    };
    let days = say(&emu, &layla, &label(&checklist, "go:dates")).await;
    let times = say(&emu, &layla, &label(&days, "day:")).await;
    let held = say(&emu, &layla, "8:30").await;
    let booked = say(&emu, &layla, &label(&held, "confirm")).await;
    assert_eq!(
        references(&booked.text).len(),
        1,
        "{booked:#?} after {times:#?}"
    );
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn cancellation() {
    let (db, emu, serve) = start(MORNING).await;
    let max = TgUser::new(5003, "Max", Some("en-GB"));
    let menu = say(&emu, &max, "/start").await;
    let before = emu.last_id(max.id);
    let booked = book_by_buttons(&emu, &max, &menu, "fuehrungszeugnis").await;
    let reference = references(&booked.text)[0].clone();
    // The calendar file comes as a document right after the confirmation.
    let calendar = |method: &'static str| {
        let reference = reference.clone();
        move |m: &BotMessage| {
            m.document.as_ref().is_some_and(|d| {
                d.file_name == format!("termin-{reference}.ics")
                    && d.content.contains(&format!("\r\nMETHOD:{method}\r\n"))
            })
        }
    };
    let request = emu.wait_message(max.id, before, calendar("REQUEST")).await;
    assert_eq!(request.message_id, booked.message_id + 1, "right after it");
    assert!(request.text.contains(&reference), "{request:#?}");
    let list = say(&emu, &max, "/appointments").await;
    assert!(list.text.contains(&reference), "{list:#?}");
    let detail = press(&emu, &max, &list, &format!("appt:{reference}")).await;
    let really = press(&emu, &max, &detail, "cancel").await;
    let before = emu.last_id(max.id);
    let done = press(&emu, &max, &really, "yes-cancel").await;
    assert!(
        done.text
            .contains(&format!("{reference} has been cancelled")),
        "{done:#?}"
    );
    assert!(done.text.contains("no upcoming appointments"), "{done:#?}");
    // And the cancellation of the calendar entry.
    let cancel = emu.wait_message(max.id, before, calendar("CANCEL")).await;
    assert_eq!(cancel.message_id, done.message_id + 1, "right after it");
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn check_in_with_the_position_edited_in_place() {
    let db = TestDb::sqlite().await;
    let eva = TgUser::new(5004, "Eva", Some("de"));
    // Eva booked 08:30 earlier in the morning.
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    let (engine, _) = schalter_tests::engine(&db.store, at(MORNING));
    let have = Vec::new();
    let start = at("2027-02-02T08:30:00+01:00");
    let held = db
        .store
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: &conv("telegram:5004"),
                service: "anmeldung",
                lang: "de",
                starts_at: start,
                ends_at: start + chrono::Duration::minutes(20),
                unit: chrono::Duration::minutes(10),
                desks: 3,
                checklist: &have,
                hold_until: at(MORNING) + chrono::Duration::minutes(5),
            },
            at(MORNING),
        )
        .await
        .unwrap()
        .unwrap();
    let booking = db
        .store
        .bookings()
        .confirm(&held.id, at(MORNING))
        .await
        .unwrap()
        .unwrap();
    engine
        .dialogue()
        .handle_keyed(
            &conv("telegram:5004"),
            Some("1"),
            Some("de"),
            schalter_core::Input::Text("/start".into()),
        )
        .await
        .unwrap();

    // 08:25: check-in is open.
    let emu = Emulator::start().await;
    let serve = Serve::start(&env(&db, &emu, "2027-02-02T08:25:00+01:00")).await;
    let menu = say(&emu, &eva, "/start").await;
    let checkin = format!("checkin:{}", booking.id);
    assert_eq!(menu.buttons()[0].1, checkin, "{menu:#?}");
    let before = emu.last_id(eva.id);
    emu.press(&eva, &menu, &checkin);
    // The reply to the press shows the place; the waiting-room message from the core (the one
    // kept up to date, without the menu button) follows. Reminders may come in between.
    let in_room = |m: &BotMessage| m.text.contains("Ihr Platz in der Reihe: 1");
    let is_reply = |m: &BotMessage| m.buttons().iter().any(|(_, d)| d == "nav:menu");
    emu.wait_message(eva.id, before, |m| in_room(m) && is_reply(m))
        .await;
    let room = emu
        .wait_message(eva.id, before, |m| in_room(m) && !is_reply(m))
        .await;

    // A walk-in arrives before Eva's slot is due: Eva's message is edited to place 2.
    let tom = TgUser::new(5005, "Tom", Some("en"));
    let menu = say(&emu, &tom, "/start").await;
    press(&emu, &tom, &menu, "menu:walkin").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let edited = loop {
        let m = emu.message(eva.id, room.message_id).unwrap();
        if m.text.contains("Platz in der Reihe: 2") {
            break m;
        }
        assert!(Instant::now() < deadline, "not edited: {m:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(edited.edits >= 1);
    assert_eq!(
        emu.messages(eva.id)
            .iter()
            .filter(|m| m.text.contains("Platz in der Reihe"))
            .count(),
        2,
        "the reply to the check-in and one waiting-room message, edited: {:#?}",
        emu.messages(eva.id)
    );

    // A clerk takes Eva: the video link comes as a URL button.
    let (clerk, _) = schalter_tests::engine(&db.store, at("2027-02-02T08:26:00+01:00"));
    let before = emu.last_id(eva.id);
    let pick = clerk
        .desk()
        .pick_next(
            "@anna:example.org",
            Some(&booking.reference),
            Some("https://meet.example.org/schalter-abc"),
        )
        .await
        .unwrap();
    assert!(matches!(pick, Pick::Picked(_)));
    let call = emu
        .wait_message(eva.id, before, |m| !m.url_buttons().is_empty())
        .await;
    assert_eq!(
        call.url_buttons()[0].1,
        "https://meet.example.org/schalter-abc"
    );
    assert!(call.text.contains("an der Reihe"), "{call:#?}");
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn forged_and_stale_buttons_get_the_current_step() {
    let (db, emu, serve) = start(MORNING).await;
    let fritz = TgUser::new(5006, "Fritz", Some("de"));
    let menu = say(&emu, &fritz, "/start").await;
    let services = press(&emu, &fritz, &menu, "menu:book").await;
    // A forged button and a stale one from the old menu.
    for data in ["svc:../../etc/passwd", "menu:appointments"] {
        let before = emu.last_id(fritz.id);
        emu.press_unchecked(&fritz, &menu, data);
        let answer = emu.wait_message(fritz.id, before, |_| true).await;
        assert!(
            answer.text.contains("nicht mehr gültig"),
            "{data}: {answer:#?}"
        );
        assert_eq!(
            answer.buttons(),
            services.buttons(),
            "the current step again"
        );
    }
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn a_restart_neither_repeats_nor_loses_replies() {
    let (db, emu, serve) = start(MORNING).await;
    let ida = TgUser::new(5007, "Ida", Some("de"));
    let menu = say(&emu, &ida, "/start").await;
    let services = press(&emu, &ida, &menu, "menu:book").await;
    let answered_so_far = emu.messages(ida.id).len();
    // Killed once the replies are marked delivered: a kill between a send and its mark is
    // the one window where a reply is sent again (at least once), after its claim runs out.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !db
        .store
        .outbox()
        .pending_for(&schalter_tests::conv("telegram:5007"), 10)
        .await
        .expect("read the outbox")
        .is_empty()
    {
        assert!(Instant::now() < deadline, "replies not marked delivered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    serve.kill().await;

    // Ida writes while the bot is down.
    let pending = emu.send_text(&ida, "anmelden");
    let serve = Serve::start(&env(&db, &emu, MORNING)).await;
    let checklist = emu
        .wait_text(ida.id, services.message_id, "Wohnungsgeberbestätigung")
        .await;
    assert_eq!(emu.messages(ida.id).len(), answered_so_far + 1);

    // Telegram delivers everything again: nothing is answered twice.
    let all: Vec<i64> = (100_001..=pending).collect();
    emu.redeliver(&all);
    let ping = say(&emu, &ida, "/help").await;
    assert!(ping.text.contains("So funktioniert"), "{ping:#?}");
    let messages = emu.messages(ida.id);
    assert_eq!(messages.len(), answered_so_far + 2, "{messages:#?}");
    assert!(checklist.message_id < ping.message_id);
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn webhook_mode_checks_the_secret() {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let mut vars = env(&db, &emu, MORNING);
    vars.push((
        "SCHALTER_TELEGRAM_WEBHOOK_URL",
        "https://bot.example.org/hook",
    ));
    let serve = Serve::start(&vars).await;
    let secret = webhook_secret();
    let deadline = Instant::now() + Duration::from_secs(20);
    while emu.webhook().is_none() {
        assert!(Instant::now() < deadline, "setWebhook was not called");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        emu.webhook(),
        Some(("https://bot.example.org/hook".to_owned(), secret.clone()))
    );

    let jan = TgUser::new(5008, "Jan", Some("de"));
    let update = emu.update_json(emu.send_text(&jan, "/start"));
    let client = reqwest::Client::new();
    let post = |secret: Option<&str>| {
        let mut r = client.post(format!("{}/hook", serve.http)).json(&update);
        if let Some(s) = secret {
            r = r.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        r.send()
    };
    for wrong in [None, Some("wrong"), Some(&secret[..secret.len() - 1])] {
        let r = post(wrong).await.unwrap();
        assert_eq!(r.status(), 401, "{wrong:?}");
    }
    assert!(emu.messages(jan.id).is_empty());
    assert_eq!(post(Some(&secret)).await.unwrap().status(), 200);
    let menu = emu.wait_text(jan.id, 0, "Was möchten Sie tun?").await;
    // Telegram retries a webhook call: still one answer.
    assert_eq!(post(Some(&secret)).await.unwrap().status(), 200);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(emu.messages(jan.id).len(), 1, "{:#?}", menu);
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn everything_else_a_citizen_may_send() {
    let (db, emu, serve) = start(MORNING).await;
    let olga = TgUser::new(5009, "Olga", Some("ru"));
    let menu = say(&emu, &olga, "/start").await;
    let buttons = menu.buttons();
    type SendIt<'a> = Box<dyn Fn() -> i64 + 'a>;
    let checks: Vec<(SendIt, &str)> = vec![
        (Box::new(|| emu.send_sticker(&olga)), "не могу читать"),
        // A photo is a document for an appointment; Olga has none yet.
        (Box::new(|| emu.send_photo(&olga)), "нет записи"),
        (Box::new(|| emu.send_voice(&olga)), "не могу читать"),
        (
            Box::new(|| emu.edit_text(&olga, 1, "изменено")),
            "отредактированные сообщения",
        ),
        (
            Box::new(|| emu.send_text(&olga, &"я".repeat(5000))),
            "слишком длинное",
        ),
        (Box::new(|| emu.send_text(&olga, "/foo")), "/appointments"),
    ];
    for (send, expect) in checks {
        let before = emu.last_id(olga.id);
        send();
        let answer = emu.wait_message(olga.id, before, |_| true).await;
        assert!(answer.text.contains(expect), "{expect}: {answer:#?}");
        assert_eq!(answer.buttons(), buttons, "the menu again");
    }
    // In a group the bot says it works in private chats only.
    emu.send_in_group(&olga, -100_200, "привет");
    let group = emu.wait_message(-100_200, 0, |_| true).await;
    assert!(group.text.contains("личном"), "{group:#?}");
    // A 429 from Telegram is honoured: the answer comes once, after retry_after.
    emu.throttle_next(1);
    let before = emu.last_id(olga.id);
    emu.send_text(&olga, "/help");
    let answer = emu.wait_message(olga.id, before, |_| true).await;
    let throttled = emu.throttled_at();
    assert_eq!(throttled.len(), 1, "the first attempt got the 429");
    assert!(
        throttled[0].elapsed() >= Duration::from_millis(950),
        "the retry waited for retry_after: {:?}",
        throttled[0].elapsed()
    );
    assert!(answer.text.contains("Как работает"), "{answer:#?}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(emu.last_id(olga.id), answer.message_id, "answered once");
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn an_unsupported_language_gets_the_picker() {
    let (db, emu, serve) = start(MORNING).await;
    // Portuguese is not (yet) among the thirteen.
    let pierre = TgUser::new(5010, "Pedro", Some("pt-BR"));
    let picker = say(&emu, &pierre, "/start").await;
    let langs: Vec<String> = picker.buttons().into_iter().map(|(_, d)| d).collect();
    assert_eq!(
        langs,
        [
            "lang:de",
            "lang:en",
            "lang:tr",
            "lang:ar",
            "lang:uk",
            "lang:ru",
            "lang:pl",
            "lang:ro",
            "lang:it",
            "lang:fa",
            "lang:fr",
            "lang:es",
            "lang:de-x-ls"
        ]
    );
    // Three to a row: five rows fit a phone's screen.
    let rows = picker.reply_markup.as_ref().unwrap()["inline_keyboard"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_array().unwrap().len())
        .collect::<Vec<_>>();
    assert_eq!(rows, [3, 3, 3, 3, 1]);
    let menu = press(&emu, &pierre, &picker, "lang:en").await;
    assert!(menu.text.contains("Welcome"), "{menu:#?}");
    // The language can be changed at any time.
    let picker = say(&emu, &pierre, "/language").await;
    let menu = press(&emu, &pierre, &picker, "lang:tr").await;
    assert!(menu.text.contains("Türkçe"), "{menu:#?}");
    serve.kill().await;
    db.drop_db().await;
}

/// Leichte Sprache on Telegram: chosen by its button in the picker, then a booking, a walk-in
/// to a clerk and `/forget`, each answer from `locales/de-x-ls`. Telegram's command menu,
/// which takes two-letter codes only, is not set for it (and nothing is refused).
#[tokio::test]
async fn leichte_sprache_books_walks_in_and_forgets() {
    let (db, emu, serve) = start("2027-02-02T09:00:00+01:00").await;
    let first_line = schalter_tests::easy_first_line;
    let lena = TgUser::new(5011, "Lena", Some("de"));
    say(&emu, &lena, "/start").await;
    let picker = say(&emu, &lena, "/language").await;
    let menu = press(&emu, &lena, &picker, "lang:de-x-ls").await;
    assert!(
        menu.text.contains(&first_line("language-changed")),
        "{menu:#?}"
    );
    let booked = book_by_buttons(&emu, &lena, &menu, "anmeldung").await;
    assert!(
        booked.text.contains(&first_line("booking-confirmed")),
        "{booked:#?}"
    );
    assert_eq!(references(&booked.text).len(), 1, "{booked:#?}");
    // The calendar file speaks Leichte Sprache too, and says so.
    let ics = emu
        .wait_message(lena.id, 0, |m| m.document.is_some())
        .await
        .document
        .expect("a calendar file");
    assert!(
        ics.content
            .contains("SUMMARY;LANGUAGE=de-x-ls:Video-Termin"),
        "{}",
        ics.content
    );
    let menu = say(&emu, &lena, "/start").await;
    let waiting = press(&emu, &lena, &menu, "menu:walkin").await;
    assert!(
        waiting.text.contains("Warte-Raum"),
        "in the waiting room: {waiting:#?}"
    );
    // The waiting room's own message may come first: the question is the one that asks.
    let before = emu.last_id(lena.id);
    emu.send_text(&lena, "/forget");
    let confirm = first_line("forget-confirm");
    let asked = emu
        .wait_message(lena.id, before, |m| m.text.contains(&confirm))
        .await;
    // The waiting room's message may also come after the question: the answer is the one
    // that says it is done.
    let before = emu.last_id(lena.id);
    emu.press(&lena, &asked, "forget:yes");
    let forgotten = first_line("forget-done");
    emu.wait_message(lena.id, before, |m| m.text.contains(&forgotten))
        .await;
    assert!(emu.commands("de-x-ls").is_empty());
    assert_eq!(emu.commands("de").len(), 8);
    assert!(
        !emu.events()
            .iter()
            .any(|e| matches!(e, Event::Rejected(m, _) if m != "setwebhook")),
        "nothing refused by the Bot API"
    );
    serve.kill().await;
    db.drop_db().await;
}
