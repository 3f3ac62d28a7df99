//! The web chat as plain HTTP: without JavaScript a booking is a series of forms (each answer
//! a page) and ends in the same booking; and the bad input a public page gets, each answered
//! clearly, nothing stored twice, the server up.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, ORIGIN, SET_COOKIE};
use schalter_tests::TestDb;
use serde_json::{Value, json};

use crate::support::{serve, web_bookings, web_conversation};

/// A browser without JavaScript, or a script: forms, a cookie, an `Origin`.
pub(crate) struct Plain {
    pub(crate) http: String,
    pub(crate) client: reqwest::Client,
    pub(crate) cookie: String,
}

impl Plain {
    /// A browser that holds `cookie` (`name=value`) already.
    pub(crate) fn with_cookie(http: &str, cookie: &str) -> Self {
        Self {
            http: http.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookie: cookie.to_owned(),
        }
    }

    pub(crate) async fn start(http: &str, lang: &str) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let r = client
            .post(format!("{http}/chat/start"))
            .header(ORIGIN, http)
            .form(&[("lang", lang)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let cookie = r.headers()[SET_COOKIE].to_str().unwrap().to_owned();
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Strict")
                && cookie.contains("Path=/chat/"),
            "{cookie}"
        );
        let cookie = cookie.split(';').next().unwrap().to_owned();
        Self {
            http: http.to_owned(),
            client,
            cookie,
        }
    }

    pub(crate) async fn page(&self) -> String {
        self.client
            .get(format!("{}/chat/", self.http))
            .header(COOKIE, &self.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Presses the option whose id starts with `prefix` of the latest message of the office
    /// that offers options (a calendar file or a notice may come after it), with that
    /// message's form.
    pub(crate) async fn press(&self, prefix: &str) -> String {
        let page = self.page().await;
        let last = page
            .rsplit("<li class=\"sc-msg sc-office")
            .find(|m| m.contains("name=\"option\""))
            .unwrap_or_else(|| panic!("no options on the page: {page}"))
            .to_owned();
        let option = last
            .split("name=\"option\" value=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .find(|v| v.starts_with(prefix))
            .unwrap_or_else(|| panic!("no option {prefix} in {last}"))
            .to_owned();
        let client_id = attribute_after(&last, "name=\"client_id\" value=\"").unwrap();
        let r = self
            .client
            .post(format!("{}/chat/", self.http))
            .header(COOKIE, &self.cookie)
            .header(ORIGIN, &self.http)
            .form(&[
                ("client_id", client_id.as_str()),
                ("option", option.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{prefix}");
        assert!(
            r.headers()[LOCATION]
                .to_str()
                .unwrap()
                .starts_with("/chat/")
        );
        self.page().await
    }

    /// Types `text` into the plain form's text field and sends it; the page once answered.
    pub(crate) async fn say(&self, text: &str) -> String {
        let client_id = format!("say-{}", rand::random::<u64>());
        let r = self
            .client
            .post(format!("{}/chat/", self.http))
            .header(COOKIE, &self.cookie)
            .header(ORIGIN, &self.http)
            .form(&[("client_id", client_id.as_str()), ("text", text)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{text}");
        self.page().await
    }

    pub(crate) async fn input(&self, body: &str) -> (StatusCode, Value) {
        let r = self
            .client
            .post(format!("{}/chat/api/input", self.http))
            .header(COOKIE, &self.cookie)
            .header(ORIGIN, &self.http)
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        (r.status(), r.json().await.unwrap_or(Value::Null))
    }
}

fn attribute_after(html: &str, marker: &str) -> Option<String> {
    html.split(marker)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(str::to_owned)
}

#[tokio::test]
async fn without_javascript_a_booking_is_a_series_of_forms() {
    let db = TestDb::sqlite().await;
    let serve = serve(&db).await;
    let citizen = Plain::start(&serve.http, "de").await;
    let first = citizen.page().await;
    assert!(first.contains("role=\"log\""), "{first}");
    assert!(first.contains("Willkommen"), "{first}");
    citizen.press("menu:book").await;
    let checklist = citizen.press("svc:fuehrungszeugnis").await;
    assert!(checklist.contains("13,00"), "the fee is shown");
    citizen.press("go:dates").await;
    citizen.press("day:").await;
    citizen.press("time:").await;
    let booked = citizen.press("confirm").await;
    assert!(booked.contains("Ihr Termin"), "{booked}");
    assert_eq!(web_bookings(&db).await, 1);
    // The privacy notice before anything is stored, in the chosen language.
    let privacy = reqwest::get(format!("{}/chat/privacy?lang=en", serve.http))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(privacy.contains("Privacy"), "{privacy}");
    drop(serve);
    db.drop_db().await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_answer_and_is_stored_once() {
    let db = TestDb::sqlite().await;
    let serve = serve(&db).await;
    let http = serve.http.clone();
    let citizen = Plain::start(&http, "de").await;
    let raw = reqwest::Client::new();
    let conversation = web_conversation(&db).await;
    let rows = async |kind: &str| -> i64 {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM web_messages WHERE conversation_id = $1 AND kind = $2",
        )
        .bind(conversation.as_str())
        .bind(kind)
        .fetch_one(db.store.pool())
        .await
        .unwrap()
    };

    // A page of a foreign site may not post, nor read the stream.
    let foreign = raw
        .post(format!("{http}/chat/api/input"))
        .header(COOKIE, &citizen.cookie)
        .header(ORIGIN, "https://evil.example")
        .json(&json!({"client_id": "x1", "text": "hallo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    let said: Value = foreign.json().await.unwrap();
    assert!(
        said["error"].as_str().unwrap().contains("einbinden"),
        "{said}"
    );
    let stream = raw
        .get(format!("{http}/chat/api/events"))
        .header(COOKIE, &citizen.cookie)
        .header(ORIGIN, "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::FORBIDDEN);

    // No cookie, or a forged one: no conversation.
    for cookie in [None, Some("schalter_chat=0123456789abcdefghjkmnpqrs")] {
        let mut r = raw
            .post(format!("{http}/chat/api/input"))
            .header(ORIGIN, &http)
            .json(&json!({"client_id": "x2", "text": "hallo"}));
        if let Some(c) = cookie {
            r = r.header(COOKIE, c);
        }
        let r = r.send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{cookie:?}");
        let said: Value = r.json().await.unwrap();
        assert!(
            said["error"].as_str().unwrap().contains("Chat neu"),
            "{said}"
        );
    }

    // The same client id twice: one input, one answer.
    let (sent, replies) = (rows("citizen").await, rows("office").await);
    for _ in 0..2 {
        let (status, _) = citizen
            .input(r#"{"client_id": "same-1", "text": "Hilfe"}"#)
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
    }
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(rows("citizen").await, sent + 1);
    assert_eq!(rows("office").await, replies + 1);

    // Too large, too long, empty, not JSON, an unpaired surrogate.
    let huge = format!(
        r#"{{"client_id": "big", "text": "{}"}}"#,
        "a".repeat(1 << 20)
    );
    let (status, said) = citizen.input(&huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        said["error"].as_str().unwrap().contains("zu groß"),
        "{said}"
    );
    let long = format!(
        r#"{{"client_id": "long", "text": "{}"}}"#,
        "a".repeat(10_000)
    );
    let (status, said) = citizen.input(&long).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(said["error"].as_str().unwrap().contains("2000"), "{said}");
    for body in [
        r#"{"client_id": "e1", "text": "   "}"#,
        r#"{"client_id": "e2"}"#,
        "not json",
        r#"{"client_id": "s1", "text": "\ud800"}"#,
        r#"{"client_id": "bad id!", "text": "hallo"}"#,
    ] {
        let (status, said) = citizen.input(body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            !said["error"].as_str().unwrap_or_default().is_empty(),
            "{body}"
        );
    }
    // Control characters are taken out, the rest is kept.
    let (status, _) = citizen
        .input(r#"{"client_id": "ctl", "text": "Hil\u0000fe\u0007"}"#)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);

    // An option nobody offered: the current options again, with a word why.
    let (status, _) = citizen
        .input(r#"{"client_id": "opt1", "option": "svc:gibtesnicht"}"#)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let page = async || citizen.page().await;
    let mut expired = false;
    for _ in 0..30 {
        if page().await.contains("nicht mehr gültig") {
            expired = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(expired, "the stale option is explained");

    // A resume from a number the transcript never reached starts over.
    let mut stream = raw
        .get(format!("{http}/chat/api/events?after=99999"))
        .header(COOKIE, &citizen.cookie)
        .send()
        .await
        .unwrap();
    let first = stream.chunk().await.unwrap().unwrap();
    assert!(
        String::from_utf8_lossy(&first).starts_with("event: reset"),
        "{first:?}"
    );
    drop(stream);

    // A hundred inputs at once: some wait their turn (429 with Retry-After), none fails.
    let burst: Vec<_> = (0..100)
        .map(|i| {
            let (client, cookie, http) = (raw.clone(), citizen.cookie.clone(), http.clone());
            tokio::spawn(async move {
                client
                    .post(format!("{http}/chat/api/input"))
                    .header(COOKIE, cookie)
                    .header(ORIGIN, &http)
                    .json(&json!({"client_id": format!("burst-{i}"), "text": "hallo"}))
                    .send()
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut limited = 0;
    for r in burst {
        let r = r.await.unwrap();
        assert!(
            r.status() == StatusCode::ACCEPTED || r.status() == StatusCode::TOO_MANY_REQUESTS,
            "{}",
            r.status()
        );
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(r.headers().contains_key("retry-after"));
            let said: Value = r.json().await.unwrap();
            assert!(said["error"].as_str().unwrap().contains("warten"), "{said}");
            limited += 1;
        }
    }
    assert!(limited > 0, "a burst of 100 is limited");
    let health = raw.get(format!("{http}/healthz")).send().await.unwrap();
    assert!(health.status().is_success());
    drop(serve);
    db.drop_db().await;
}
