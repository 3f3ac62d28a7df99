//! The device check's page (`/check/`, issue 25) in Debian's Chromium, served by
//! `schalter serve`:
//!
//! - with Chromium's fake camera and microphone (`--use-fake-device-for-media-stream`, the
//!   permission granted by `--use-fake-ui-for-media-stream`) on a phone-sized window, the
//!   check of a booking passes camera, microphone, speaker and the connection to the video
//!   service (a local HTTP server standing in for Jitsi), and the clerk at `schalter desk`
//!   reads `✓ Kamera ✓ Mikrofon ✓ Ton ✓ Verbindung` for the checked-in citizen;
//! - with the permission denied (`--deny-permission-prompts`) and an Android phone's user
//!   agent, the page shows Android's steps in Arabic, right to left, and the clerk reads
//!   `⚠ keine Kamera ⚠ kein Mikrofon`;
//! - axe-core finds no WCAG 2.1 AA violation on the page in any of the thirteen languages, at
//!   320 px and at 1280 px, and the check runs by keyboard alone.

use std::time::Duration;

use chrono::{DateTime, Utc};
use schalter_core::{Engine, FixedClock, Input, Lang, Reply};
use schalter_tests::terminal::Desk;
use schalter_tests::webdriver::Browser;
use schalter_tests::{Serve, TestDb, conv, engine};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CLERK: &str = "@anna:example.org";

/// Tuesday 2 February 2027, 08:00 in Heidelberg: after today, so the links work for `serve`
/// on the real clock.
fn tuesday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-02-02T08:00:00+01:00")
        .unwrap()
        .with_timezone(&Utc)
}

/// A stand-in for the video service: answers every request with `204 No Content`.
async fn video_service() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let _ = socket
                    .write_all(
                        b"HTTP/1.1 204 No Content\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
                    )
                    .await;
            });
        }
    });
    format!("http://{address}/")
}

/// Books the first free slot for the Anmeldung in `lang` for `who`, and returns the secret
/// of the check's link in the confirmation.
async fn book(engine: &Engine, who: &str, lang: &str) -> String {
    let press = |reply: Reply, prefix: &'static str| async move {
        schalter_tests::press(engine, who, &reply, prefix).await
    };
    let menu = engine
        .dialogue()
        .open(&conv(who), Some(lang))
        .await
        .unwrap();
    let services = press(menu, "menu:book").await;
    let checklist = press(services, "svc:anmeldung").await;
    let days = press(checklist, "go:dates").await;
    let times = press(days, "day:").await;
    let confirm = press(times, "time:").await;
    let booked = press(confirm, "confirm").await;
    let (_, rest) = booked
        .text
        .split_once("/check/")
        .unwrap_or_else(|| panic!("a link to the check: {booked:#?}"));
    rest.chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect()
}

/// Checks `who` in four minutes before the appointment of `booking_id`, and returns the
/// check-in's answer and the live queue a clerk at `schalter desk` reads a minute later.
async fn check_in_and_read_queue(
    db: &TestDb,
    engine: &Engine,
    clock: &FixedClock,
    who: &str,
    booking_id: &str,
) -> (Reply, String) {
    let booking = engine
        .store()
        .bookings()
        .booking(booking_id)
        .await
        .unwrap()
        .unwrap();
    clock.set(booking.starts_at - chrono::Duration::minutes(4));
    let menu = engine
        .dialogue()
        .handle(&conv(who), Input::Text("/menu".into()))
        .await
        .unwrap();
    let waiting = schalter_tests::press(engine, who, &menu, "checkin:").await;
    let start = (booking.starts_at - chrono::Duration::minutes(3))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (mut desk, _) = Desk::start(
        &db.url,
        CLERK,
        &[
            ("SCHALTER_MATRIX_CLERKS", CLERK),
            ("SCHALTER_CLOCK_START", start.as_str()),
        ],
    )
    .await;
    let queue = desk.command("queue", "Warteraum").await;
    assert!(desk.finish().await.success());
    (waiting, queue)
}

fn state(part: &str, outcome: &str) -> String {
    format!("return document.getElementById('{part}-state').classList.contains('{outcome}')")
}

#[tokio::test]
async fn the_check_passes_with_fake_devices_and_the_clerk_reads_it() {
    let db = TestDb::sqlite().await;
    let (engine, clock) = engine(&db.store, tuesday_morning());
    let secret = book(&engine, "telegram:7001", "de").await;
    let video = video_service().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_VIDEO_BASE_URL", video.as_str()),
    ])
    .await;
    let browser = Browser::start_with(&[
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
    ])
    .await;
    browser.resize(360, 640).await;
    browser
        .goto(&format!("{}/check/{secret}", serve.http))
        .await;
    let lang = browser.js("return document.documentElement.lang").await;
    assert_eq!(lang, "de");
    let appointment = browser
        .js("return document.querySelector('.appointment').innerText")
        .await;
    assert!(
        appointment.as_str().unwrap_or("").contains("Anmeldung"),
        "{appointment}"
    );
    browser.click("#start").await;
    browser
        .until("the camera works", &state("camera", "ok"))
        .await;
    browser
        .until("the microphone is heard", &state("microphone", "ok"))
        .await;
    let level = browser
        .js("return document.getElementById('level-text').innerText")
        .await;
    assert_ne!(level, "", "the meter's text equivalent");
    browser
        .until("the video service answers", &state("connection", "ok"))
        .await;
    browser.click("#play").await;
    browser.click("#heard-yes").await;
    browser
        .until("the speaker works", &state("speaker", "ok"))
        .await;
    let ready = engine.office().i18n().text(Lang::De, "check-done-ready");
    let saved = engine.office().i18n().text(Lang::De, "check-saved");
    browser
        .until(
            "everything ready, and kept",
            &format!(
                "return document.getElementById('summary').innerText === {ready:?} \
                 && document.getElementById('saved').innerText === {saved:?}"
            ),
        )
        .await;
    let problems = browser.axe().await;
    assert!(
        problems.is_empty(),
        "axe on the passed check: {problems:#?}"
    );
    // For the README: the camera's picture and the microphone's meter on a phone.
    browser
        .js("document.getElementById('camera').scrollIntoView(); return true;")
        .await;
    browser
        .screenshot(&schalter_tests::workspace().join("target/device-check-de.png"))
        .await;

    // The page's last report may still be on its way: the result, once all four are in.
    let booking_id: String = sqlx::query_scalar("SELECT booking_id FROM device_checks")
        .fetch_one(db.store.pool())
        .await
        .expect("a kept result");
    for _ in 0..50 {
        let r = engine.device_checks().result(&booking_id).await.unwrap();
        if r.is_some_and(|r| r.ready() && r.speaker == schalter_core::device_check::Outcome::Ok) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.quit().await;
    serve.kill().await;

    // At check-in, no nudge; the clerk reads what worked.
    let (_, queue) =
        check_in_and_read_queue(&db, &engine, &clock, "telegram:7001", &booking_id).await;
    assert!(
        queue.contains("✓ Kamera ✓ Mikrofon ✓ Ton ✓ Verbindung (Computer)"),
        "{queue}"
    );
    db.drop_db().await;
}

#[tokio::test]
async fn denied_permission_shows_the_platforms_steps_in_arabic_and_warns_the_clerk() {
    let db = TestDb::sqlite().await;
    let (engine, clock) = engine(&db.store, tuesday_morning());
    let secret = book(&engine, "telegram:7002", "ar").await;
    let serve = Serve::start(&[("SCHALTER_DATABASE_URL", db.url.as_str())]).await;
    let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like \
                   Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    let agent = format!("--user-agent={android}");
    let browser = Browser::start_with(&[
        "--use-fake-device-for-media-stream",
        "--deny-permission-prompts",
        agent.as_str(),
    ])
    .await;
    browser.resize(360, 640).await;
    browser
        .goto(&format!("{}/check/{secret}", serve.http))
        .await;
    let dir = browser
        .js("return [document.documentElement.lang, document.documentElement.dir]")
        .await;
    assert_eq!(dir, serde_json::json!(["ar", "rtl"]));
    browser.click("#start").await;
    browser
        .until("the camera refused", &state("camera", "failed"))
        .await;
    browser
        .until("the microphone refused", &state("microphone", "failed"))
        .await;
    let i18n = engine.office().i18n();
    let denied = i18n.text(Lang::Ar, "check-fail-denied");
    let first_step = i18n
        .text(Lang::Ar, "check-steps-android")
        .lines()
        .next()
        .unwrap()
        .trim()
        .to_owned();
    let help = browser
        .js("const h = document.getElementById('camera-help'); \
             return h.hidden ? '' : h.querySelector('ol li').innerText + '\\n' + h.innerText")
        .await;
    let help = help.as_str().unwrap_or("").to_owned();
    assert!(
        help.starts_with(&first_step),
        "Android's steps first: {help}"
    );
    assert!(help.contains(denied.trim()), "{help}");
    let problems = browser.axe().await;
    assert!(
        problems.is_empty(),
        "axe on the refused check: {problems:#?}"
    );
    // For the README: the refused camera and Android's steps.
    browser
        .js("document.getElementById('camera').scrollIntoView(); return true;")
        .await;
    browser
        .screenshot(&schalter_tests::workspace().join("target/device-check-ar.png"))
        .await;
    let saved = i18n.text(Lang::Ar, "check-saved");
    browser
        .until(
            "the result kept",
            &format!("return document.getElementById('saved').innerText === {saved:?}"),
        )
        .await;
    browser.quit().await;
    serve.kill().await;

    // At check-in: one gentle nudge; the clerk reads the warning.
    let booking_id: String = sqlx::query_scalar("SELECT booking_id FROM device_checks")
        .fetch_one(db.store.pool())
        .await
        .expect("a kept result");
    let (waiting, queue) =
        check_in_and_read_queue(&db, &engine, &clock, "telegram:7002", &booking_id).await;
    assert!(waiting.text.contains("/check/"), "{waiting:#?}");
    assert!(
        queue.contains("⚠ keine Kamera ⚠ kein Mikrofon (Android)"),
        "{queue}"
    );
    db.drop_db().await;
}

#[tokio::test]
async fn the_page_passes_axe_in_every_language_at_320_and_1280_px() {
    let db = TestDb::sqlite().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_VIDEO_BASE_URL", "https://meet.example.org"),
    ])
    .await;
    let browser = Browser::start().await;
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for width in [320, 1280] {
            browser.resize(width, 900).await;
            browser
                .goto(&format!("{}/check/?lang={}", serve.http, lang.code()))
                .await;
            // Every help the page can show, shown at once.
            browser
                .js(
                    "document.querySelectorAll('[hidden]').forEach(e => e.hidden = false); \
                     document.querySelectorAll('details').forEach(d => d.open = true); \
                     return true;",
                )
                .await;
            for p in browser.axe().await {
                problems.push(format!("{lang} at {width} px: {p}"));
            }
            // Nothing wider than the window.
            let wide = browser
                .js("return document.documentElement.scrollWidth > window.innerWidth")
                .await;
            if wide == serde_json::Value::Bool(true) {
                problems.push(format!("{lang} at {width} px: scrolls sideways"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // By keyboard alone: Tab reaches "Check starten" after the language form, Enter runs it
    // (without a camera here, the camera's part ends as failed, with its help).
    browser.resize(320, 900).await;
    browser
        .goto(&format!("{}/check/?lang=de", serve.http))
        .await;
    let mut reached = false;
    for _ in 0..10 {
        browser.keys("\u{E004}").await;
        if browser.js("return document.activeElement.id").await == "start" {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the start button");
    browser.keys("\u{E007}").await;
    browser
        .until(
            "the check ran from the keyboard",
            "const s = document.getElementById('camera-state').classList; \
             return s.contains('ok') || s.contains('failed')",
        )
        .await;
    // A stale link says so, and still offers the check.
    let stale = reqwest::get(format!("{}/check/0123456789abcdefghjkmnpqrs", serve.http))
        .await
        .unwrap();
    assert_eq!(stale.status(), 404);
    let csp = stale.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("connect-src 'self' https://meet.example.org"),
        "{csp}"
    );
    let body = stale.text().await.unwrap();
    assert!(body.contains("id=\"expired\"") && body.contains("id=\"start\""));
    browser.quit().await;
    serve.kill().await;
    db.drop_db().await;
}
