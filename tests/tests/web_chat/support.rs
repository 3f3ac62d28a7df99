//! What the web chat's tests share: a server, the conversation behind a browser, and
//! helpers that press what the last message of the office offers.

use schalter_core::ConversationId;
use schalter_tests::webdriver::Browser;
use schalter_tests::{Serve, TestDb};

/// `schalter serve` on `db`, with the web chat it always serves.
pub(crate) async fn serve(db: &TestDb) -> Serve {
    Serve::start(&[("SCHALTER_DATABASE_URL", db.url.as_str())]).await
}

/// The one web conversation in the database.
pub(crate) async fn web_conversation(db: &TestDb) -> ConversationId {
    let id: String = sqlx::query_scalar(
        "SELECT DISTINCT conversation_id FROM web_messages WHERE conversation_id LIKE 'web:%'",
    )
    .fetch_one(db.store.pool())
    .await
    .expect("one web conversation");
    ConversationId::parse(&id).expect("a web conversation id")
}

/// Confirmed bookings of web citizens.
pub(crate) async fn web_bookings(db: &TestDb) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE conversation_id LIKE 'web:%' AND status = 'confirmed'",
    )
    .fetch_one(db.store.pool())
    .await
    .expect("count bookings")
}

/// Messages of the office on the page.
pub(crate) async fn office_messages(browser: &Browser) -> u64 {
    browser
        .js("return document.querySelectorAll('#sc-log li.sc-office').length")
        .await
        .as_u64()
        .unwrap_or(0)
}

/// Waits until the page shows more than `n` messages of the office.
pub(crate) async fn more_than(browser: &Browser, n: u64) {
    browser
        .until(
            &format!("more than {n} messages of the office"),
            &format!("return document.querySelectorAll('#sc-log li.sc-office').length > {n}"),
        )
        .await;
}

/// Presses the first option whose id starts with `prefix` of the last message of the office
/// that offers options (a calendar file may come after it), and waits for the answer.
pub(crate) async fn press(browser: &Browser, prefix: &str) {
    let before = office_messages(browser).await;
    let pressed = browser
        .js(&format!(
            "const m = [...document.querySelectorAll('#sc-log li.sc-office')] \
                 .filter(m => m.querySelector('button[name=option]')).pop(); \
             const b = m && [...m.querySelectorAll('button[name=option]')] \
                 .find(b => b.value.startsWith({prefix:?})); \
             if (!b) return false; b.click(); return true;"
        ))
        .await;
    assert_eq!(
        pressed,
        serde_json::Value::Bool(true),
        "no option {prefix} on the last message: {}",
        browser
            .js("return [...document.querySelectorAll('#sc-log li')].slice(-3).map(m => m.outerHTML).join('\\n')")
            .await
    );
    more_than(browser, before).await;
}

/// The text of the last message of the office.
pub(crate) async fn last_office_text(browser: &Browser) -> String {
    browser
        .js("const m = [...document.querySelectorAll('#sc-log li.sc-office')].pop(); return m ? m.innerText : '';")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The label of the first option of the last message of the office whose id starts with
/// `prefix`.
pub(crate) async fn label_of(browser: &Browser, prefix: &str) -> String {
    browser
        .js(&format!(
            "const m = [...document.querySelectorAll('#sc-log li.sc-office')] \
                 .filter(m => m.querySelector('button[name=option]')).pop(); \
             const b = m && [...m.querySelectorAll('button[name=option]')] \
                 .find(b => b.value.startsWith({prefix:?})); \
             return b ? b.textContent : '';"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .trim_start_matches('\u{200F}')
        .to_owned()
}

/// Whether a booking reference (`XXXX-XXXX`) is in `text`.
pub(crate) fn has_reference(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|w| {
            w.len() == 9
                && w.as_bytes()[4] == b'-'
                && w.chars()
                    .filter(|c| *c != '-')
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        })
}

/// The `data-seq` numbers of the messages on the page, in order.
pub(crate) async fn shown_numbers(browser: &Browser) -> Vec<i64> {
    browser
        .js("return [...document.querySelectorAll('#sc-log li[id^=m-]')].map(li => Number(li.id.slice(2)))")
        .await
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_i64).collect())
        .unwrap_or_default()
}
