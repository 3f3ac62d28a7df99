//! In Chromium at a phone's size: an Arabic citizen books by buttons (and reloads the page in
//! the middle), a Polish one by typing.

use schalter_tests::TestDb;
use schalter_tests::webdriver::Browser;

use crate::support::{
    has_reference, label_of, last_office_text, more_than, office_messages, press, serve,
    shown_numbers, web_bookings,
};

/// Opens the chat in `lang` and presses "start"; the greeting is shown.
async fn start(browser: &Browser, http: &str, lang: &str) {
    browser.resize(360, 640).await;
    browser.goto(&format!("{http}/chat/?lang={lang}")).await;
    browser
        .until(
            "the start page",
            "return !!document.querySelector('form.sc-start button')",
        )
        .await;
    browser.click("form.sc-start button").await;
    more_than(browser, 0).await;
}

#[tokio::test]
async fn an_arabic_citizen_books_by_buttons_on_a_phone() {
    let db = TestDb::sqlite().await;
    let serve = serve(&db).await;
    let browser = Browser::start().await;
    start(&browser, &serve.http, "ar").await;
    assert_eq!(
        browser
            .js("return [document.documentElement.lang, document.documentElement.dir]")
            .await,
        serde_json::json!(["ar", "rtl"])
    );
    // Nothing was in the browser before "start"; now only the HttpOnly cookie of /chat/.
    let cookies = browser.cookies().await;
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert_eq!(cookies[0].0, "schalter_chat");

    press(&browser, "menu:book").await;
    press(&browser, "svc:meldebescheinigung").await;
    let checklist = last_office_text(&browser).await;

    // A reload in the middle: the same step, with its options, and nothing twice.
    let before = shown_numbers(&browser).await;
    browser.goto(&format!("{}/chat/", serve.http)).await;
    browser
        .until(
            "the chat again",
            "return !!document.getElementById('sc-log')",
        )
        .await;
    assert_eq!(last_office_text(&browser).await, checklist);
    assert_eq!(shown_numbers(&browser).await, before);

    press(&browser, "go:dates").await;
    press(&browser, "day:").await;
    press(&browser, "time:").await;
    let n = office_messages(&browser).await;
    press(&browser, "confirm").await;
    browser
        .until(
            "the booking's reference",
            &format!(
                "return [...document.querySelectorAll('#sc-log li.sc-office')].slice({n}) \
                 .some(m => /[0-9A-HJKMNP-TV-Z]{{4}}-[0-9A-HJKMNP-TV-Z]{{4}}/.test(m.innerText))"
            ),
        )
        .await;
    assert_eq!(web_bookings(&db).await, 1);

    // Every message of the office is marked Arabic, right to left; what the citizen pressed
    // is shown too; nothing scrolls sideways at 360 px; the calendar file can be downloaded.
    let marks = browser
        .js("return [...document.querySelectorAll('#sc-log li.sc-office')].every(m => m.lang === 'ar' && m.dir === 'rtl')")
        .await;
    assert_eq!(marks, serde_json::Value::Bool(true));
    let sent = browser
        .js("return document.querySelectorAll('#sc-log li.sc-citizen').length")
        .await;
    assert!(sent.as_u64().unwrap_or(0) >= 6, "{sent}");
    let wide = browser
        .js("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(wide, serde_json::Value::Bool(true));
    browser
        .until(
            "the calendar file",
            "return !!document.querySelector('#sc-log .sc-file a')",
        )
        .await;
    let file = browser
        .js("const a = document.querySelector('#sc-log .sc-file a'); return a ? a.getAttribute('href') : ''")
        .await;
    assert!(
        file.as_str().unwrap_or_default().starts_with("/chat/file/"),
        "the calendar file is offered: {file}"
    );
    let numbers = shown_numbers(&browser).await;
    let mut unique = numbers.clone();
    unique.dedup();
    assert_eq!(numbers, unique, "no message twice");
    browser
        .screenshot(&schalter_tests::workspace().join("target/web-chat-ar.png"))
        .await;
    browser.quit().await;
    drop(serve);
    db.drop_db().await;
}

#[tokio::test]
async fn a_polish_citizen_books_by_typing() {
    let db = TestDb::sqlite().await;
    let serve = serve(&db).await;
    let browser = Browser::start().await;
    start(&browser, &serve.http, "pl").await;
    let say = async |text: &str| {
        let before = office_messages(&browser).await;
        browser.type_into("#sc-text", text).await;
        browser.click("form.sc-compose button").await;
        more_than(&browser, before).await;
    };
    say("zaświadczenie o zameldowaniu").await;
    assert!(
        last_office_text(&browser)
            .await
            .contains("Meldebescheinigung"),
        "{}",
        last_office_text(&browser).await
    );
    let go = label_of(&browser, "go:dates").await;
    say(&go).await;
    let day = label_of(&browser, "day:").await;
    say(&day).await;
    let time = label_of(&browser, "time:").await;
    say(&time).await;
    let confirm = label_of(&browser, "confirm").await;
    say(&confirm).await;
    browser
        .until(
            "the booking's reference",
            "return [...document.querySelectorAll('#sc-log li.sc-office')] \
             .some(m => /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/.test(m.innerText))",
        )
        .await;
    assert!(has_reference(&last_office_text(&browser).await) || web_bookings(&db).await == 1);
    assert_eq!(web_bookings(&db).await, 1);
    // What was typed is shown as typed, in its own direction.
    let typed = browser
        .js("const m = document.querySelector('#sc-log li.sc-citizen .sc-text'); return [m.innerText, m.dir]")
        .await;
    assert_eq!(
        typed,
        serde_json::json!(["zaświadczenie o zameldowaniu", "auto"])
    );
    browser.quit().await;
    drop(serve);
    db.drop_db().await;
}
