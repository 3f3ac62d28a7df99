//! Links and references in right-to-left replies, through the real `schalter serve` and the
//! Telegram Bot API emulator: an Arabic and a Persian citizen (the Persian one books by free
//! text and types Persian digits) get the privacy link and the video-call link as links whose
//! URL is exactly the link, with no direction mark inside or next to them; the booking
//! reference typed back with direction marks, spaces, dashes or in lower case finds the
//! appointment.

use chrono::{DateTime, Utc};
use schalter_core::matching::is_bidi_mark;
use schalter_core::store::Pick;
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TOKEN, TgUser};
use schalter_tests::{Serve, TestDb};

/// Tuesday 2 February 2027, 08:25 in Heidelberg: walk-ins are open.
const MORNING: &str = "2027-02-02T08:25:00+01:00";
const PRIVACY_URL: &str = "https://example.org/datenschutz";

/// The bot's next message after typing `text`; a file (a booking's calendar file, right
/// after the confirmation) is no answer.
async fn say(emu: &Emulator, user: &TgUser, text: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.send_text(user, text);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// The bot's next message (not a file) after pressing `data`.
async fn press(emu: &Emulator, user: &TgUser, message: &BotMessage, data: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.press(user, message, data);
    emu.wait_message(user.id, before, |m| m.document.is_none())
        .await
}

/// The reference (`XXXX-XXXX`) in `text`.
fn reference(text: &str) -> String {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(9)
        .find(|w| {
            w[4] == '-'
                && w.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || ALPHABET.contains(*c))
        })
        .map(|w| w.iter().collect())
        .unwrap_or_else(|| panic!("no reference in {text:?}"))
}

/// `url` is in `message` as a text link covering exactly `url`, and no direction mark
/// touches it in the text.
fn assert_clean_link(message: &BotMessage, url: &str) {
    assert!(
        message
            .text_links()
            .iter()
            .any(|(span, target)| span == url && target == url),
        "no text link to {url}: {message:#?}"
    );
    for (at, _) in message.text.match_indices(url) {
        let before = message.text[..at].chars().next_back();
        let after = message.text[at + url.len()..].chars().next();
        assert!(
            !before.is_some_and(is_bidi_mark) && !after.is_some_and(is_bidi_mark),
            "a direction mark next to {url}: {:?}",
            message.text
        );
    }
}

#[tokio::test]
async fn links_and_references_in_arabic_and_persian() {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", MORNING),
    ])
    .await;
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);

    for (i, lang) in ["ar", "fa"].into_iter().enumerate() {
        let citizen = TgUser::new(7100 + i as i64, "Citizen", Some(lang));
        let welcome = say(&emu, &citizen, "/start").await;
        assert!(welcome.text.starts_with('\u{200F}'), "{welcome:#?}");
        assert_clean_link(&welcome, PRIVACY_URL);

        // A booking: Arabic by buttons, Persian by free text and Persian digits.
        let booked = if lang == "fa" {
            let checklist = say(&emu, &citizen, "می‌خواهم ثبت نشانی کنم").await;
            assert!(
                checklist.data("go:dates").starts_with("go:"),
                "{checklist:#?}"
            );
            let days = press(&emu, &citizen, &checklist, "go:dates").await;
            // The times carry Persian digits; "۱" picks the first day, "۲" the second time.
            let times = say(&emu, &citizen, "۱").await;
            assert!(
                times.buttons().iter().any(|(label, _)| label.contains('۰')),
                "times in Persian digits: {times:#?} after {days:#?}"
            );
            let held = say(&emu, &citizen, "۲").await;
            press(&emu, &citizen, &held, "confirm").await
        } else {
            let menu = press(&emu, &citizen, &welcome, "menu:book").await;
            let checklist = press(&emu, &citizen, &menu, "svc:anmeldung").await;
            let days = press(&emu, &citizen, &checklist, "go:dates").await;
            let times = press(&emu, &citizen, &days, &days.data("day:")).await;
            let held = press(&emu, &citizen, &times, &times.data("time:")).await;
            press(&emu, &citizen, &held, "confirm").await
        };
        let reference = reference(&booked.text);

        // The reference as a citizen copies it out of the right-to-left text, or types it.
        let (head, tail) = reference.split_at(4);
        // (Two ways each: a citizen may send 20 inputs a minute.)
        let typed = if lang == "ar" {
            [
                format!("\u{2068}{reference}\u{2069}"),
                format!(
                    "\u{200F}{} {}",
                    head.to_lowercase(),
                    &tail[1..].to_lowercase()
                ),
            ]
        } else {
            [
                format!("{head}–{}", &tail[1..]),
                format!("{}{}", head.to_lowercase(), &tail[1..].to_lowercase()),
            ]
        };
        for typed in typed {
            let menu = say(&emu, &citizen, "/start").await;
            press(&emu, &citizen, &menu, "menu:appointments").await;
            let shown = say(&emu, &citizen, &typed).await;
            assert!(
                shown.buttons().iter().any(|(_, d)| d == "cancel"),
                "{typed:?} did not find {reference}: {shown:#?}"
            );
        }

        // A walk-in, called by a clerk: the call's link, as a button and in the text.
        let menu = say(&emu, &citizen, "/start").await;
        let waiting = press(&emu, &citizen, &menu, "menu:walkin").await;
        assert!(
            waiting
                .buttons()
                .iter()
                .any(|(_, d)| d.starts_with("queue:")),
            "in the waiting room: {waiting:#?} after {menu:#?}"
        );
        let url = format!("https://meet.example.org/schalter-rtl{i}?lang={lang}");
        let (clerk, _) = schalter_tests::engine(&db.store, at(MORNING));
        let before = emu.last_id(citizen.id);
        let pick = clerk
            .desk()
            .pick_next(&format!("@clerk{i}:example.org"), None, Some(&url))
            .await
            .unwrap();
        assert!(matches!(pick, Pick::Picked(_)), "{pick:?}");
        let call = emu
            .wait_message(citizen.id, before, |m| !m.url_buttons().is_empty())
            .await;
        assert_eq!(call.url_buttons()[0].1, url);
        assert_clean_link(&call, &url);
        assert!(call.text.starts_with('\u{200F}'), "{call:#?}");
    }
    serve.kill().await;
    db.drop_db().await;
}
