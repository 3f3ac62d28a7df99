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
            "return document.querySelectorAll('#locales tbody tr').length === 13",
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
            "thirteen languages side by side, reviewed",
            "const rows = [...document.querySelectorAll('#side-by-side tbody tr')]; \
             return document.getElementById('side-by-side-id').textContent === 'menu-help' \
             && rows.length === 13 \
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
             return rows.filter(r => r.dataset.state === 'to-review').length === 12 \
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
                "return document.querySelectorAll('#locales tbody tr').length === 13",
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

/// Signed in at the city's OpenID provider in Chromium: a translator of Arabic fixes an Arabic
/// text (a citizen in `schalter chat` sees it), is refused a Turkish one with the reason, sees
/// neither the catalogue nor the audit log, and is refused both when she tries anyway; the
/// data-protection officer erases a citizen and exports the log, which names both; signing
/// out ends the session here and at the provider, and the old cookie opens nothing.
#[tokio::test]
async fn staff_sign_in_at_the_provider_and_see_only_their_tasks() {
    use schalter_tests::oidc::{self, Provider};
    let db = TestDb::sqlite().await;
    let port = schalter_tests::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut provider =
        Provider::start(&format!("{base}/admin/callback"), &format!("{base}/admin/")).await;
    let serve = Serve::start_at(
        &format!("127.0.0.1:{port}"),
        &[
            ("SCHALTER_DATABASE_URL", db.url.as_str()),
            ("SCHALTER_PUBLIC_URL", base.as_str()),
            ("SCHALTER_OIDC_ISSUER", provider.issuer.as_str()),
            ("SCHALTER_OIDC_CLIENT_ID", provider.client_id.as_str()),
            (
                "SCHALTER_OIDC_CLIENT_SECRET",
                provider.client_secret.as_str(),
            ),
            ("SCHALTER_OIDC_SCOPES", "groups"),
            (
                "SCHALTER_OIDC_GROUPS",
                "schalter-translators-ar=translator:ar;schalter-dpo=data-protection",
            ),
        ],
    )
    .await;
    // A citizen with a booking, whose data the officer will erase.
    let (chat, _) = Chat::start(&db.url, "karim", Some("ar")).await;
    assert!(chat.finish().await.success());

    let browser = Browser::start().await;
    let sign_in = async |login: &str| {
        browser.goto(&format!("{base}/admin/?lang=en")).await;
        browser
            .until(
                "the sign-in link",
                "return !!document.querySelector('.signin-link')",
            )
            .await;
        browser.click(".signin-link").await;
        browser
            .until(
                "the provider's form",
                "return !!document.querySelector('input[name=password]')",
            )
            .await;
        browser.type_into("input[name=login]", login).await;
        browser
            .type_into("input[name=password]", oidc::PASSWORD)
            .await;
        browser.click("button[type=submit]").await;
        browser
            .until(
                "the admin page, signed in",
                "return location.pathname === '/admin/' && !document.getElementById('who').hidden",
            )
            .await;
    };

    sign_in("amira").await;
    let who = browser
        .js("return document.getElementById('who-text').textContent")
        .await;
    assert!(who.as_str().unwrap().contains("Amira Haddad"), "{who}");
    let cookie = browser
        .cookies()
        .await
        .into_iter()
        .find(|(name, _)| name == "__Host-schalter-session")
        .expect("the session cookie")
        .1;
    // What the page shows her: texts, not the catalogue, queue or audit log.
    let hidden = browser
        .js("return ['catalog', 'queue', 'audit'].map((id) => document.getElementById(id).closest('section').hidden)")
        .await;
    assert_eq!(hidden, serde_json::json!([true, true, true]));
    browser
        .until(
            "the message list",
            "return document.querySelectorAll('#message option').length > 100",
        )
        .await;
    // Choosing a message and typing: the page checks the text (a preview) as she types.
    let type_text = async |lang: &str, value: &str| {
        browser
            .js(&format!("const l = document.getElementById('lang'); l.value = '{lang}'; l.dispatchEvent(new Event('change'));"))
            .await;
        browser
            .js("const m = document.getElementById('message'); m.value = 'menu-help'; m.dispatchEvent(new Event('change'));")
            .await;
        browser
            .until(
                "the message loaded",
                &format!("return document.getElementById('value').value !== '' && document.getElementById('lang').value === '{lang}'"),
            )
            .await;
        browser
            .js("document.getElementById('preview').textContent = ''; return true;")
            .await;
        browser.type_into("#value", value).await;
        browser
            .until(
                "the preview",
                "return document.getElementById('preview').textContent !== ''",
            )
            .await;
    };
    type_text("ar", "المساعدة والإرشاد").await;
    browser
        .until(
            "the save button",
            "return !document.getElementById('save').disabled",
        )
        .await;
    browser.click("#save").await;
    browser
        .until(
            "saved",
            "return document.getElementById('status').className === 'ok'",
        )
        .await;
    let (chat, menu) = Chat::start(&db.url, "salma", Some("ar")).await;
    assert!(menu.has_option("المساعدة والإرشاد"), "{menu:#?}");
    assert!(chat.finish().await.success());
    // Turkish: the check already says why not, and the text cannot be saved.
    type_text("tr", "Yardım masası").await;
    let refused = browser
        .js("return [document.getElementById('preview').textContent, document.getElementById('save').disabled]")
        .await;
    assert!(
        refused[0]
            .as_str()
            .unwrap()
            .contains("You may not change texts in Türkçe")
            && refused[1] == true,
        "{refused}"
    );
    // The catalogue and the erasure, tried from the page anyway: refused with the reason.
    let tried = browser
        .js_async(
            "const done = arguments[0];
             Promise.all([
               api('/locales/tr/messages/menu-help', { method: 'PUT', body: JSON.stringify({ value: 'Yardım masası' }) }).then(() => 'done', (e) => e.message),
               api('/catalog', { method: 'PUT', body: JSON.stringify({ toml: 'x' }) }).then(() => 'done', (e) => e.message),
               api('/citizens/terminal%3Akarim', { method: 'DELETE' }).then(() => 'done', (e) => e.message),
             ]).then(done);",
        )
        .await;
    let tried: Vec<String> = serde_json::from_value(tried).unwrap();
    assert!(
        tried[0].contains("You may not change texts in Türkçe"),
        "{tried:?}"
    );
    assert!(tried[1].contains("Catalogue editor"), "{tried:?}");
    assert!(tried[2].contains("Data protection officer"), "{tried:?}");

    // A token for her translation tool, made on the page and shown once.
    browser.type_into("#token-name", "weblate ar").await;
    browser.click("#token-create").await;
    browser
        .until(
            "the new token",
            "return !document.getElementById('token-new').hidden",
        )
        .await;
    let token = browser
        .js("return document.getElementById('token-secret').value")
        .await;
    let token = token.as_str().unwrap().to_owned();
    let export = reqwest::Client::new()
        .get(format!("{base}/admin/api/locales/ar/export"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), reqwest::StatusCode::OK);
    browser
        .until(
            "the token listed",
            "return document.querySelector('#tokens tbody tr td')?.textContent === 'weblate ar'",
        )
        .await;

    // Signing out: here, then at the provider (its confirm page), back to the admin page.
    browser.click("#signout button").await;
    browser
        .until(
            "the provider's sign-out page",
            "return !!document.querySelector('button[name=logout]')",
        )
        .await;
    browser.click("button[name=logout]").await;
    browser
        .until(
            "the admin page, signed out",
            "return location.pathname === '/admin/' && !!document.querySelector('.signin-link') && !document.getElementById('signin-box').hidden",
        )
        .await;
    let old = reqwest::Client::new()
        .get(format!("{base}/admin/api/me"))
        .header("cookie", format!("__Host-schalter-session={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        old.status(),
        reqwest::StatusCode::UNAUTHORIZED,
        "the old cookie opens nothing"
    );

    // The data-protection officer (the provider asks for a password again).
    sign_in("dora").await;
    let hidden = browser
        .js("return ['value', 'catalog', 'queue', 'audit'].map((id) => document.getElementById(id).closest('section').hidden)")
        .await;
    assert_eq!(hidden, serde_json::json!([true, true, true, false]));
    browser
        .type_into("#erase-conversation", "terminal:karim")
        .await;
    browser.click("#erase").await;
    browser
        .until(
            "the erasure",
            "return document.getElementById('erase-status').className === 'ok'",
        )
        .await;
    let csv = browser
        .js_async(
            "const done = arguments[0];
             fetch('/admin/api/audit?format=csv', { credentials: 'same-origin' }).then((r) => r.text()).then(done);",
        )
        .await;
    let csv = csv.as_str().unwrap();
    let amira = format!(
        "oidc:{}#amira,Amira Haddad,translation-changed,ar/menu-help",
        provider.issuer
    );
    assert!(csv.contains(&amira), "{csv}");
    let dora = format!(
        "oidc:{}#dora,Dora Datenschutz,citizen-forgotten,",
        provider.issuer
    );
    assert!(csv.contains(&dora), "{csv}");
    assert!(!csv.contains("karim"), "the log names no citizen: {csv}");

    browser.quit().await;
    serve.kill().await;
    provider.stop().await;
    db.drop_db().await;
}

/// The sign-in, sign-out and refusal pages staff see pass axe-core's WCAG 2.1 AA check in all
/// twelve languages at 320 and 1280 pixels, and so does the admin page as each role sees it.
#[tokio::test]
async fn the_staff_pages_pass_axe_in_every_language() {
    let db = TestDb::sqlite().await;
    let serve = Serve::start(&[("SCHALTER_DATABASE_URL", db.url.as_str())]).await;
    let (engine, _) = schalter_tests::engine(&db.store, chrono::DateTime::UNIX_EPOCH);
    let roles = [
        "translator:ar",
        "catalogue-editor",
        "queue-supervisor",
        "data-protection",
        "operator",
    ];
    for (i, role) in roles.iter().enumerate() {
        let roles = schalter_core::staff::Roles::parse(role).unwrap();
        engine
            .staff()
            .add_account(&format!("staff{i}"), &roles, "a long password")
            .await
            .unwrap();
    }
    let browser = Browser::start().await;
    let mut problems = Vec::new();
    let mut check = async |what: String| {
        for width in [320, 1280] {
            browser.resize(width, 900).await;
            for v in browser.axe().await {
                problems.push(format!("{what} at {width} px: {v}"));
            }
        }
    };
    let langs = [
        "de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "it", "fa", "fr", "es",
    ];
    for (n, lang) in langs.iter().enumerate() {
        browser.clear_cookies().await;
        browser
            .goto(&format!("{}/admin/login?lang={lang}", serve.http))
            .await;
        check(format!("{lang} sign-in")).await;
        // A wrong password: the form again with the reason.
        browser.type_into("#name", "nobody").await;
        browser.type_into("#password", "not the password").await;
        browser.click("button[type=submit]").await;
        browser
            .until(
                "the refusal",
                "return !!document.getElementById('login-error')",
            )
            .await;
        check(format!("{lang} wrong password")).await;
        // Signed in as one role after another: the admin page as that role sees it.
        let i = n % roles.len();
        browser.type_into("#name", &format!("staff{i}")).await;
        browser.type_into("#password", "a long password").await;
        browser.click("button[type=submit]").await;
        browser
            .until(
                "the admin page, signed in",
                "return location.pathname === '/admin/' && !document.getElementById('who').hidden",
            )
            .await;
        check(format!("{lang} admin page as {}", roles[i])).await;
        browser
            .goto(&format!("{}/admin/logout?lang={lang}", serve.http))
            .await;
        check(format!("{lang} sign-out")).await;
        browser.click("button[type=submit]").await;
        browser
            .until(
                "signed out",
                "return !document.querySelector('input[name=csrf]')",
            )
            .await;
        check(format!("{lang} signed out")).await;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    browser.quit().await;
    serve.kill().await;
    db.drop_db().await;
}
