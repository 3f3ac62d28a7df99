//! The conversation survives the network: the server is killed and started again, and the
//! browser goes offline, while messages are written to the citizen; afterwards the page
//! shows each of them exactly once, in order.

use schalter_core::message::Message;
use schalter_core::notice::NoticeKind;
use schalter_core::{Clock, SystemClock};
use schalter_tests::webdriver::Browser;
use schalter_tests::{Serve, TestDb};

use crate::support::{more_than, shown_numbers, web_conversation};

/// Queues `texts` to the web citizen, as any part of the office would.
async fn tell(db: &TestDb, round: &str, texts: &[&str]) {
    let conversation = web_conversation(db).await;
    for (i, text) in texts.iter().enumerate() {
        let body = Message {
            text: (*text).to_owned(),
            ..Message::default()
        }
        .to_json();
        db.store
            .outbox()
            .notify_once(
                &conversation,
                &format!("test:{round}:{i}"),
                NoticeKind::Say,
                &body,
                SystemClock.now(),
            )
            .await
            .expect("queued");
    }
}

/// The texts of the office's messages on the page that start with `prefix`, in order.
async fn shown(browser: &Browser, prefix: &str) -> Vec<String> {
    browser
        .js(&format!(
            "return [...document.querySelectorAll('#sc-log li.sc-office .sc-text')] \
             .map(p => p.textContent).filter(t => t.startsWith({prefix:?}))"
        ))
        .await
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn until_shown(browser: &Browser, prefix: &str, n: usize) {
    browser
        .until(
            &format!("{n} messages starting with {prefix}"),
            &format!(
                "return [...document.querySelectorAll('#sc-log li.sc-office .sc-text')] \
                 .filter(p => p.textContent.startsWith({prefix:?})).length >= {n}"
            ),
        )
        .await;
    // A little longer, for any second copy to show up.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
}

#[tokio::test]
async fn every_message_arrives_once_in_order_after_the_stream_broke() {
    let db = TestDb::sqlite().await;
    let env = [("SCHALTER_DATABASE_URL", db.url.as_str())];
    let serve = Serve::start(&env).await;
    let bind = serve.http.trim_start_matches("http://").to_owned();
    let browser = Browser::start().await;
    browser.resize(360, 640).await;
    browser.goto(&format!("{}/chat/?lang=de", serve.http)).await;
    browser.click("form.sc-start button").await;
    more_than(&browser, 0).await;

    // The server dies under the open stream; three messages are written meanwhile, and a
    // new server starts on the same address.
    serve.kill().await;
    tell(&db, "restart", &["Neustart 1", "Neustart 2", "Neustart 3"]).await;
    let serve = Serve::start_at(&bind, &env).await;
    until_shown(&browser, "Neustart", 3).await;
    assert_eq!(
        shown(&browser, "Neustart").await,
        ["Neustart 1", "Neustart 2", "Neustart 3"]
    );

    // The browser goes offline; three more are written; it comes back.
    browser.offline(true).await;
    tell(&db, "offline", &["Offline 1", "Offline 2", "Offline 3"]).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    browser.offline(false).await;
    until_shown(&browser, "Offline", 3).await;
    assert_eq!(
        shown(&browser, "Offline").await,
        ["Offline 1", "Offline 2", "Offline 3"]
    );

    // Every number once, in order.
    let numbers = shown_numbers(&browser).await;
    assert!(
        numbers.windows(2).all(|w| w[0] < w[1]),
        "in order, none twice: {numbers:?}"
    );
    browser.quit().await;
    drop(serve);
    db.drop_db().await;
}
