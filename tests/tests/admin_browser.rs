//! The admin page in headless Chromium: sign in with the token, fix a Turkish typo with live
//! validation and preview, and see the running bot answer with the fix at once; find a
//! message, see it in every language side by side, change its German text and confirm a
//! translation that was flagged "to review".

use schalter_tests::terminal::Chat;
use schalter_tests::webdriver::Browser;
use schalter_tests::{Serve, TestDb};

const TOKEN: &str = "admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

#[tokio::test]
async fn fix_a_turkish_typo_on_the_admin_page() {
    let db = TestDb::sqlite().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_ADMIN_TOKEN", TOKEN),
    ])
    .await;
    // Someone put a typo into the Turkish help button.
    let typo = reqwest::Client::new()
        .put(format!(
            "{}/admin/api/locales/tr/messages/menu-help",
            serve.http
        ))
        .bearer_auth(TOKEN)
        .json(&serde_json::json!({"value": "Yarmdım"}))
        .send()
        .await
        .unwrap();
    assert!(typo.status().is_success());
    let (mut chat, menu) = Chat::start(&db.url, "selin", Some("tr")).await;
    assert!(menu.has_option("Yarmdım"), "{menu:#?}");

    let browser = Browser::start().await;
    browser
        .goto(&format!("{}/admin/?lang=en", serve.http))
        .await;
    browser.type_into("#token", TOKEN).await;
    browser.click("#signin").await;
    browser
        .until(
            "the completeness table",
            "return document.querySelectorAll('#locales tbody tr').length === 12",
        )
        .await;
    browser
        .until(
            "the message list",
            "return document.querySelectorAll('#message option').length > 100",
        )
        .await;
    browser
        .js("const l = document.getElementById('lang'); l.value = 'tr'; l.dispatchEvent(new Event('change'));")
        .await;
    browser
        .js("const m = document.getElementById('message'); m.value = 'menu-help'; m.dispatchEvent(new Event('change'));")
        .await;
    browser
        .until(
            "the Turkish text",
            "return document.getElementById('value').value === 'Yarmdım'",
        )
        .await;

    // Live validation: broken Fluent is explained and cannot be saved.
    browser.type_into("#value", "Yardım { $").await;
    browser
        .until(
            "the error",
            "return document.getElementById('preview').className === 'bad' && document.getElementById('save').disabled",
        )
        .await;
    // The fix, with its preview.
    browser.type_into("#value", "Yardım").await;
    browser
        .until("the preview", "return document.getElementById('preview').textContent === 'Yardım' && !document.getElementById('save').disabled")
        .await;
    browser.click("#save").await;
    browser
        .until(
            "saved",
            "return document.getElementById('status').textContent.startsWith('Saved')",
        )
        .await;

    // Arabic is edited right to left.
    browser
        .js("const l = document.getElementById('lang'); l.value = 'ar'; l.dispatchEvent(new Event('change'));")
        .await;
    browser
        .until(
            "right to left",
            "return document.getElementById('value').dir === 'rtl'",
        )
        .await;
    // The page speaks the admins' languages too; Arabic right to left.
    browser
        .goto(&format!("{}/admin/?lang=ar", serve.http))
        .await;
    browser.until("an Arabic page", "return document.documentElement.dir === 'rtl' && !document.getElementById('app').hidden").await;
    // The catalogue is TOML, code: left to right on the Arabic page too.
    browser
        .until(
            "the catalogue left to right",
            "const c = document.getElementById('catalog'); \
             return c.value.includes('[[services]]') && getComputedStyle(c).direction === 'ltr' \
             && getComputedStyle(document.getElementById('locales')).direction === 'rtl'",
        )
        .await;
    browser
        .goto(&format!("{}/admin/?lang=de", serve.http))
        .await;
    browser
        .until(
            "a German page",
            "return document.querySelector('h1').textContent === 'Schalter – Verwaltung'",
        )
        .await;
    let shot = schalter_tests::workspace().join("target/admin-page.png");
    browser.screenshot(&shot).await;
    browser.quit().await;

    // The running bot uses the fix at once.
    let mut fixed = false;
    for _ in 0..20 {
        if chat.send("/menu").await.has_option("Yardım") {
            fixed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert!(fixed, "the bot shows the fixed text");
    assert!(chat.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn review_a_translation_after_the_german_text_changed() {
    let db = TestDb::sqlite().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_ADMIN_TOKEN", TOKEN),
    ])
    .await;
    let browser = Browser::start().await;
    browser
        .goto(&format!("{}/admin/?lang=en", serve.http))
        .await;
    browser.type_into("#token", TOKEN).await;
    browser.click("#signin").await;
    browser
        .until(
            "the message list",
            "return document.querySelectorAll('#message option').length > 100",
        )
        .await;

    // Find the help button's text and open it: every language side by side.
    browser.type_into("#search", "menu-help").await;
    browser.click("#search-button").await;
    browser
        .until(
            "the search result",
            "return document.querySelector('#search-results tbody a')?.textContent === 'menu-help'",
        )
        .await;
    browser.click("#search-results tbody a").await;
    browser
        .until(
            "twelve languages side by side, reviewed",
            "const rows = [...document.querySelectorAll('#side-by-side tbody tr')]; \
             return document.getElementById('side-by-side-id').textContent === 'menu-help' \
             && rows.length === 12 \
             && rows.every(r => r.dataset.state === (r.dataset.lang === 'de' ? 'reference' : 'reviewed')) \
             && rows.find(r => r.dataset.lang === 'tr').querySelector('td.text').textContent === 'Yardım'",
        )
        .await;
    let arabic = browser
        .js("return getComputedStyle(document.querySelector('#side-by-side tr[data-lang=ar] td.text')).direction")
        .await;
    assert_eq!(arabic, "rtl");

    // The German text changes in the editor: every translation is flagged.
    browser
        .until(
            "the German text in the editor",
            "return document.getElementById('value').value === 'Hilfe'",
        )
        .await;
    browser.type_into("#value", "Hilfe und Beratung").await;
    browser
        .until(
            "a valid text",
            "return document.getElementById('preview').textContent === 'Hilfe und Beratung' && !document.getElementById('save').disabled",
        )
        .await;
    browser.click("#save").await;
    browser
        .until(
            "the translations to review",
            "const rows = [...document.querySelectorAll('#side-by-side tbody tr')]; \
             return rows.filter(r => r.dataset.state === 'to-review').length === 11 \
             && rows.find(r => r.dataset.lang === 'tr').querySelector('.state').textContent === 'To review'",
        )
        .await;

    // The Turkish text still fits: confirmed, its flag goes; the others keep theirs.
    browser
        .click("#side-by-side tr[data-lang=tr] button.confirm")
        .await;
    browser
        .until(
            "Turkish reviewed",
            "const row = (l) => document.querySelector(`#side-by-side tr[data-lang=${l}]`); \
             return row('tr').dataset.state === 'reviewed' && !row('tr').querySelector('button.confirm') \
             && row('ar').dataset.state === 'to-review'",
        )
        .await;
    browser
        .js("document.getElementById('side-by-side').scrollIntoView()")
        .await;
    let shot = schalter_tests::workspace().join("target/admin-review.png");
    browser.screenshot(&shot).await;
    browser.quit().await;
    serve.kill().await;
    db.drop_db().await;
}

/// The admin page, which city staff use all day, passes the same accessibility check as the
/// citizens' chat: axe-core's WCAG 2.1 A and AA rules, signed out and signed in, at 320 and
/// 1280 pixels, in German and in Arabic.
#[tokio::test]
async fn the_admin_page_passes_axe() {
    let db = TestDb::sqlite().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_ADMIN_TOKEN", TOKEN),
    ])
    .await;
    let browser = Browser::start().await;
    let mut problems = Vec::new();
    for lang in ["de", "ar"] {
        browser.js("sessionStorage.clear(); return true;").await;
        browser
            .goto(&format!("{}/admin/?lang={lang}", serve.http))
            .await;
        for width in [320, 1280] {
            browser.resize(width, 900).await;
            for v in browser.axe().await {
                problems.push(format!("{lang} sign-in at {width} px: {v}"));
            }
        }
        browser.type_into("#token", TOKEN).await;
        browser.click("#signin").await;
        browser
            .until(
                "the completeness table",
                "return document.querySelectorAll('#locales tbody tr').length === 12",
            )
            .await;
        for width in [320, 1280] {
            browser.resize(width, 900).await;
            for v in browser.axe().await {
                problems.push(format!("{lang} signed in at {width} px: {v}"));
            }
        }
        let wide = browser
            .js("return document.documentElement.scrollWidth <= window.innerWidth + 1")
            .await;
        if wide != serde_json::Value::Bool(true) {
            problems.push(format!("{lang}: scrolls sideways at 1280 px"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    browser.quit().await;
    drop(serve);
    db.drop_db().await;
}
