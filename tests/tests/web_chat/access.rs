//! Accessible as the law a city is under asks (BITV 2.0, EN 301 549, WCAG 2.1 AA), checked by
//! axe-core in Chromium, not by eye: the page and the opened widget in all twelve languages,
//! at 320 and at 1280 pixels, before and after a booking; and a booking in the widget by
//! keyboard alone, Esc closing it with the focus back on the launcher.

use axum::extract::Query;
use axum::response::Html;
use schalter_tests::webdriver::Browser;
use schalter_tests::{Serve, TestDb};

use crate::support::{label_of, last_office_text, more_than, office_messages, press};

const LANGS: [&str; 13] = [
    "de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "it", "fa", "fr", "es", "de-x-ls",
];

#[derive(serde::Deserialize)]
struct Host {
    chat: String,
    lang: String,
}

/// A page of the city on another origin, with the widget's one line.
async fn city_site() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(|Query(h): Query<Host>| async move {
            Html(format!(
                "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <title>Stadt</title></head><body><main><h1>Stadt</h1><p>Bürgerservice</p>\
                 </main><script src=\"{}/chat/widget.js\" defer></script></body></html>",
                h.lang, h.chat
            ))
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    origin
}

/// Books the first free time of a certificate of good conduct through the last messages.
async fn book(browser: &Browser) {
    press(browser, "menu:book").await;
    press(browser, "svc:fuehrungszeugnis").await;
    press(browser, "go:dates").await;
    press(browser, "day:").await;
    press(browser, "time:").await;
    let n = office_messages(browser).await;
    press(browser, "confirm").await;
    more_than(browser, n).await;
}

async fn check(browser: &Browser, place: &str, problems: &mut Vec<String>) {
    for width in [320, 1280] {
        browser.resize(width, 900).await;
        for v in browser.axe().await {
            problems.push(format!("{place} at {width} px: {v}"));
        }
    }
}

#[tokio::test]
async fn the_page_and_the_widget_pass_axe_in_every_language() {
    let db = TestDb::sqlite().await;
    let site = city_site().await;
    // With e-mail on, so that the chat shows its address form (no relay listens: no mail
    // goes, none is needed here).
    let relay = format!("smtp://127.0.0.1:{}", schalter_tests::free_port());
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_WEB_ORIGINS", site.as_str()),
        ("SCHALTER_SMTP_URL", relay.as_str()),
        ("SCHALTER_MAIL_FROM", "Bürgeramt <termine@example.org>"),
        ("SCHALTER_PUBLIC_URL", "https://chat.example.org"),
    ])
    .await;
    let browser = Browser::start().await;
    let mut problems = Vec::new();
    for lang in LANGS {
        // The page of its own.
        browser
            .goto(&format!("{}/chat/?lang={lang}", serve.http))
            .await;
        browser.clear_cookies().await;
        browser
            .goto(&format!("{}/chat/?lang={lang}", serve.http))
            .await;
        check(&browser, &format!("{lang} start page"), &mut problems).await;
        browser.click("form.sc-start button").await;
        more_than(&browser, 0).await;
        check(&browser, &format!("{lang} chat"), &mut problems).await;
        book(&browser).await;
        // The e-mail form opened, as a citizen who wants reminders sees it.
        browser
            .js("document.querySelectorAll('details.sc-mail').forEach(d => d.open = true); return true;")
            .await;
        check(
            &browser,
            &format!("{lang} chat after booking, e-mail form open"),
            &mut problems,
        )
        .await;
        if lang == "de" {
            // For the README: the page on a phone.
            browser.resize(360, 640).await;
            browser
                .screenshot(&schalter_tests::workspace().join("target/web-chat-de.png"))
                .await;
        }

        // The pages of a mail's links: one that asks before it acts, one for a stale link.
        browser
            .goto(&format!(
                "{}/chat/mail/confirm?k=0123456789abcdefghjkmnpqrs&lang={lang}",
                serve.http
            ))
            .await;
        check(&browser, &format!("{lang} mail link page"), &mut problems).await;
        browser
            .goto(&format!("{}/chat/back?k=stale&lang={lang}", serve.http))
            .await;
        check(&browser, &format!("{lang} stale link page"), &mut problems).await;

        // The widget on the city's page, for a new visitor of it.
        browser
            .goto(&format!("{site}/?chat={}&lang={lang}", serve.http))
            .await;
        browser.js("sessionStorage.clear(); return true;").await;
        browser.clear_cookies().await;
        browser
            .goto(&format!("{site}/?chat={}&lang={lang}", serve.http))
            .await;
        browser
            .until(
                "the launcher",
                "return !!document.querySelector('.sc-launcher')",
            )
            .await;
        check(
            &browser,
            &format!("{lang} city page with the launcher"),
            &mut problems,
        )
        .await;
        browser.click(".sc-launcher").await;
        browser
            .until(
                "the widget's chat",
                "return !!document.querySelector('#schalter-panel #sc-log')",
            )
            .await;
        check(&browser, &format!("{lang} widget"), &mut problems).await;
        book(&browser).await;
        check(
            &browser,
            &format!("{lang} widget after booking"),
            &mut problems,
        )
        .await;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    browser.quit().await;
    drop(serve);
    db.drop_db().await;
}

#[tokio::test]
async fn the_widget_books_by_keyboard_alone() {
    let db = TestDb::sqlite().await;
    let site = city_site().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_WEB_ORIGINS", site.as_str()),
    ])
    .await;
    let browser = Browser::start().await;
    browser.resize(360, 640).await;
    browser
        .goto(&format!("{site}/?chat={}&lang=de", serve.http))
        .await;
    browser
        .until(
            "the launcher",
            "return !!document.querySelector('.sc-launcher')",
        )
        .await;
    let focused = async |css: &str| -> bool {
        browser
            .js(&format!(
                "return document.activeElement === document.querySelector({css:?})"
            ))
            .await
            == serde_json::Value::Bool(true)
    };
    // Nothing of the chat is in the browser before the citizen starts it.
    assert!(browser.cookies().await.is_empty());
    browser.keys("\u{E004}").await;
    assert!(focused(".sc-launcher").await, "Tab reaches the launcher");
    browser.keys("\u{E007}").await;
    browser
        .until(
            "the start button with the focus",
            "return document.activeElement === document.querySelector('#schalter-panel form.sc-start button')",
        )
        .await;
    assert!(browser.cookies().await.is_empty(), "opening stores nothing");
    browser.keys("\u{E007}").await;
    browser
        .until(
            "the text field with the focus",
            "return document.activeElement === document.querySelector('#schalter-panel #sc-text')",
        )
        .await;
    more_than(&browser, 0).await;
    let say = async |text: String| {
        let before = office_messages(&browser).await;
        browser.keys(&format!("{text}\u{E007}")).await;
        more_than(&browser, before).await;
        // The field keeps the focus: new messages never take it.
        assert!(focused("#schalter-panel #sc-text").await);
    };
    say("Führungszeugnis".to_owned()).await;
    say(label_of(&browser, "go:dates").await).await;
    say(label_of(&browser, "day:").await).await;
    say(label_of(&browser, "time:").await).await;
    say(label_of(&browser, "confirm").await).await;
    browser
        .until(
            "the booking's reference",
            "return [...document.querySelectorAll('#sc-log li.sc-office')] \
             .some(m => /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/.test(m.innerText))",
        )
        .await;
    assert!(!last_office_text(&browser).await.is_empty());
    browser.keys("\u{E00C}").await;
    assert!(
        focused(".sc-launcher").await,
        "Esc returns the focus to the launcher"
    );
    assert_eq!(
        browser
            .js("return document.getElementById('schalter-panel').hidden")
            .await,
        serde_json::Value::Bool(true)
    );
    let booked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE conversation_id LIKE 'web:%' AND status = 'confirmed'",
    )
    .fetch_one(db.store.pool())
    .await
    .unwrap();
    assert_eq!(booked, 1);
    browser.quit().await;
    drop(serve);
    db.drop_db().await;
}
