//! Two replicas on PostgreSQL: a page connected to one sees at once what the other wrote
//! (the answer to an input that reached the other replica, delivered by whichever leads).

use reqwest::StatusCode;
use reqwest::header::{COOKIE, ORIGIN};
use schalter_tests::webdriver::Browser;
use schalter_tests::{Serve, TestDb};

use crate::support::{last_office_text, more_than, office_messages};

#[tokio::test]
async fn a_page_on_one_replica_shows_what_the_other_wrote() {
    let db = TestDb::postgres().await;
    let env = [("SCHALTER_DATABASE_URL", db.url.as_str())];
    let first = Serve::start(&env).await;
    let second = Serve::start(&env).await;
    let browser = Browser::start().await;
    browser.goto(&format!("{}/chat/?lang=en", first.http)).await;
    browser.click("form.sc-start button").await;
    more_than(&browser, 0).await;
    let cookie = browser
        .cookies()
        .await
        .into_iter()
        .find(|(name, _)| name == "schalter_chat")
        .map(|(name, value)| format!("{name}={value}"))
        .expect("the chat's cookie");

    // The same citizen answers through the other replica (another tab, a load balancer).
    for (i, option) in ["menu:book", "svc:meldebescheinigung"].iter().enumerate() {
        let before = office_messages(&browser).await;
        let started = std::time::Instant::now();
        let r = reqwest::Client::new()
            .post(format!("{}/chat/api/input", second.http))
            .header(COOKIE, &cookie)
            .header(ORIGIN, &second.http)
            .json(&serde_json::json!({"client_id": format!("other-{i}"), "option": option}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::ACCEPTED);
        more_than(&browser, before).await;
        eprintln!(
            "{option}: on the page of the other replica after {} ms",
            started.elapsed().as_millis()
        );
    }
    assert!(
        last_office_text(&browser)
            .await
            .contains("Meldebescheinigung")
            || last_office_text(&browser).await.contains("registration"),
        "{}",
        last_office_text(&browser).await
    );
    browser.quit().await;
    drop((first, second));
    db.drop_db().await;
}
