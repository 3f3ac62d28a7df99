//! Changes reaching running bots: through the API, announced on PostgreSQL, or in the files.

use std::time::Duration;

use reqwest::StatusCode;
use schalter_tests::terminal::Chat;
use schalter_tests::{Serve, TestDb};
use serde_json::json;

use crate::TOKEN;
use crate::api::start;

/// A running chat (another process) and an admin who renames the Turkish help option: how
/// long until the chat shows it (polled every 50 ms, up to 10 s). The chat and the API are
/// still running when it returns.
async fn change_reaches_another_process(db: &TestDb) -> (Chat, Serve, Duration) {
    let (mut chat, menu) = Chat::start(&db.url, "emre", Some("tr")).await;
    assert!(!menu.has_option("Yardım merkezi"));
    let (serve, api) = start(db, Some(TOKEN)).await;
    let (status, _) = api
        .put(
            "/admin/api/locales/tr/messages/menu-help",
            json!({"value": "Yardım merkezi"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let changed = std::time::Instant::now();
    let mut next = chat.send("/menu").await;
    while !next.has_option("Yardım merkezi") && changed.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(50)).await;
        next = chat.send("/menu").await;
    }
    assert!(next.has_option("Yardım merkezi"), "{next:#?}");
    (chat, serve, changed.elapsed())
}

#[tokio::test]
async fn a_change_reaches_a_running_bot_and_a_removed_admin_token_opens_nothing() {
    let db = TestDb::sqlite().await;
    // The running chat looks for admins' changes every 100 ms.
    let (chat, serve, _) = change_reaches_another_process(&db).await;
    assert!(chat.finish().await.success());
    serve.kill().await;

    let (serve, api) = start(&db, None).await;
    let (status, body) = api
        .call(
            reqwest::Method::GET,
            "/admin/api/locales",
            Some(TOKEN),
            None,
        )
        .await;
    // Without SCHALTER_ADMIN_TOKEN it opens nothing: staff sign in, scripts use API tokens.
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["error"].as_str().unwrap().contains("/admin/login"),
        "{body}"
    );
    serve.kill().await;
    db.drop_db().await;
}

/// On PostgreSQL the change is announced (`NOTIFY`) and reaches another process at once, not
/// with its safety-net look every 5 s.
#[tokio::test]
async fn on_postgres_a_change_is_announced_to_every_process() {
    let db = TestDb::postgres().await;
    let (chat, serve, took) = change_reaches_another_process(&db).await;
    // The safety net's next look comes up to 5 s after the change: much later than this.
    assert!(
        took < schalter_core::live::SAFETY_NET / 3,
        "the change came after {took:?}: with the safety net, not with its notification"
    );
    assert!(chat.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn edits_to_the_files_on_disk_are_picked_up_live() {
    let db = TestDb::sqlite().await;
    let dir = schalter_tests::copy_locales();
    let locales = dir.display().to_string();
    let (mut chat, menu) = Chat::start_with(
        &db.url,
        "ece",
        Some("tr"),
        &[("SCHALTER_LOCALES_DIR", locales.as_str())],
    )
    .await;
    assert!(!menu.has_option("Yardım masası"));
    let common = dir.join("tr/common.ftl");
    let text = std::fs::read_to_string(&common).unwrap();
    let edited: String = text
        .lines()
        .map(|l| {
            if l.starts_with("menu-help =") {
                "menu-help = Yardım masası".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&common, edited + "\n").unwrap();
    let mut seen = false;
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        if chat.send("/menu").await.has_option("Yardım masası") {
            seen = true;
            break;
        }
    }
    assert!(seen, "the edit on disk is in use without a restart");
    assert!(chat.finish().await.success());
    let _ = std::fs::remove_dir_all(dir);
    db.drop_db().await;
}
