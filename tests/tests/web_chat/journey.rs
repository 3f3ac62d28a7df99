//! What a Telegram citizen can do, done on the web chat through its plain forms (the page
//! without JavaScript; the script sends the same option ids): move an appointment, cancel it,
//! talk to a clerk now and rate the call, `/privacy`, `/mydata` as a file, `/forget` with the
//! cookie ended. Each step checked in the database, not only on the page.

use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};
use schalter_core::store::Finish;
use schalter_tests::{Serve, TestDb};
use serde_json::Value;

use crate::plain::Plain;

const CLOCK: &str = "2027-02-02T09:00:00+01:00";

async fn bookings(db: &TestDb) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT reference, status, starts_at FROM bookings \
         WHERE conversation_id LIKE 'web:%' ORDER BY created_at",
    )
    .fetch_all(db.store.pool())
    .await
    .unwrap()
}

/// Waits until the page shows `text` (answers of the clerk's side come by the outbox).
async fn until_shown(citizen: &Plain, text: &str) -> String {
    for _ in 0..60 {
        let page = citizen.page().await;
        if page.contains(text) {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    panic!("{text:?} never shown");
}

#[tokio::test]
async fn a_web_citizen_moves_cancels_rates_a_call_reads_their_data_and_is_forgotten() {
    let db = TestDb::sqlite().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_CLOCK_START", CLOCK),
    ])
    .await;
    let citizen = Plain::start(&serve.http, "en").await;

    // Book for tomorrow, then move it to the day after.
    citizen.press("menu:book").await;
    citizen.press("svc:anmeldung").await;
    citizen.press("go:dates").await;
    citizen.press("day:2027-02-03").await;
    citizen.press("time:").await;
    citizen.press("confirm").await;
    let booked = bookings(&db).await;
    assert_eq!(booked.len(), 1);
    let (reference, _, first_start) = booked[0].clone();
    citizen.say("/appointments").await;
    citizen.press(&format!("appt:{reference}")).await;
    citizen.press("reschedule").await;
    citizen.press("day:2027-02-04").await;
    citizen.press("time:").await;
    let moved = citizen.press("confirm").await;
    let now = bookings(&db).await;
    let active: Vec<_> = now.iter().filter(|b| b.1 == "confirmed").collect();
    assert_eq!(active.len(), 1, "{now:?}");
    let day = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Berlin)
            .date_naive()
            .to_string()
    };
    assert_eq!(day(first_start), "2027-02-03");
    assert_eq!(day(active[0].2), "2027-02-04", "moved: {now:?}");
    // The moved appointment's calendar file follows its confirmation: a second one to
    // download.
    let mut files = moved.matches(".ics\"").count();
    for _ in 0..40 {
        if files >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        files = citizen.page().await.matches(".ics\"").count();
    }
    assert!(files >= 2, "a new calendar file to download");

    // Cancel it.
    let reference = active[0].0.clone();
    citizen.say("/appointments").await;
    citizen.press(&format!("appt:{reference}")).await;
    citizen.press("cancel").await;
    citizen.press("yes-cancel").await;
    assert!(
        bookings(&db)
            .await
            .iter()
            .all(|b| b.1 == "cancelled" || b.0 != reference),
        "{:?}",
        bookings(&db).await
    );

    // Another citizen (each may send 20 inputs a minute) talks to a clerk now; the clerk
    // calls and finishes; the citizen rates the call.
    let booker = citizen;
    let citizen = Plain::start(&serve.http, "en").await;
    let joined = citizen.press("menu:walkin").await;
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM queue_entries WHERE status = 'waiting' AND conversation_id LIKE 'web:%'",
    )
    .fetch_one(db.store.pool())
    .await
    .unwrap();
    assert_eq!(
        waiting,
        1,
        "{}",
        &joined[joined.len().saturating_sub(2000)..]
    );
    let (engine, _clock) = schalter_tests::engine(
        &db.store,
        chrono::DateTime::parse_from_rfc3339(CLOCK)
            .unwrap()
            .to_utc(),
    );
    let clerk = "@clerk:example.org";
    let pick = engine
        .desk()
        .pick_next(clerk, None, Some("https://meet.example.org/room-1"))
        .await
        .unwrap();
    assert!(
        matches!(pick, schalter_core::store::Pick::Picked(_)),
        "{pick:?}"
    );
    until_shown(&citizen, "meet.example.org").await;
    engine
        .desk()
        .finish_call(clerk, Finish::Done { note: None })
        .await
        .unwrap();
    until_shown(&citizen, "value=\"feedback:5\"").await;
    citizen.press("feedback:5").await;
    citizen.press("skip").await;
    let rated: Vec<i64> = sqlx::query_scalar("SELECT rating FROM feedback")
        .fetch_all(db.store.pool())
        .await
        .unwrap();
    assert_eq!(rated, [5]);

    // The privacy notice, and the data as a file of the citizen's own.
    // (The page writes `/` as `&#x2f;`, as minijinja escapes it.)
    let privacy = citizen.say("/privacy").await.replace("&#x2f;", "/");
    assert!(privacy.contains("/mydata") && privacy.contains("/forget"));
    let page = booker.say("/mydata").await;
    assert!(page.contains(&reference), "the cancelled booking is listed");
    // The file follows the text.
    let mut page = page.replace("&#x2f;", "/");
    for _ in 0..40 {
        if page.contains(".json\"") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        page = booker.page().await.replace("&#x2f;", "/");
    }
    let file = page
        .split("href=\"/chat/file/")
        .filter_map(|s| s.split_once('"'))
        .find(|(_, rest)| {
            rest.trim_start().starts_with("download=")
                && rest.split('>').next().unwrap_or_default().contains(".json")
        })
        .map(|(seq, _)| seq.to_owned())
        .expect("a link to the data file");
    let r = booker
        .client
        .get(format!("{}/chat/file/{file}", serve.http))
        .header(COOKIE, &booker.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let data: Value = r.json().await.unwrap();
    assert_eq!(data["bookings"].as_array().unwrap().len(), 1, "{data:#}");
    assert_eq!(data["bookings"][0]["status"], "cancelled");
    // Another browser gets no file of this conversation.
    let other = &citizen;
    let r = other
        .client
        .get(format!("{}/chat/file/{file}", serve.http))
        .header(COOKIE, &other.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    let page = citizen.say("/mydata").await;
    assert!(page.contains("5"), "the rating is listed");

    // Forgotten: the farewell, then nothing of the conversation, and the cookie ends.
    booker.say("/forget").await;
    let (status, _) = booker
        .input(&serde_json::json!({"client_id": "forget-1", "option": "forget:yes"}).to_string())
        .await;
    assert!(status.is_success(), "{status}");
    let mut shown = None;
    for _ in 0..40 {
        let r = booker
            .client
            .get(format!("{}/chat/", serve.http))
            .header(COOKIE, &booker.cookie)
            .send()
            .await
            .unwrap();
        let cleared = r
            .headers()
            .get(SET_COOKIE)
            .map(|v| v.to_str().unwrap().to_owned());
        let page = r.text().await.unwrap();
        if page.contains("class=\"sc-ended\"") {
            shown = Some(cleared);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let cleared = shown.expect("the farewell is shown");
    assert!(
        cleared.as_deref().is_some_and(|c| c.contains("Max-Age=0")),
        "{cleared:?}"
    );
    let references: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE reference = $1")
        .bind(&reference)
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_eq!(references, 0, "the bookings are anonymised");
    drop(serve);
    db.drop_db().await;
}
