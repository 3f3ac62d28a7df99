//! `GET /admin/api/documents` of the real `schalter serve`: the files citizens sent counted
//! per office day, kept (by kind) and refused, with their sizes; for the queue supervisor and
//! the operator only; never a file, its content or its id. On SQLite and PostgreSQL.

use chrono::{DateTime, Utc};
use reqwest::{Method, StatusCode};
use schalter_core::store::{Kept, NewDocument};
use schalter_tests::{TestDb, conv};
use serde_json::{Value, json};

use crate::api::{Api, start};
use crate::{CLOCK, TOKEN};

/// A file's bytes and id, which the statistics must never give away.
const CONTENT: &[u8] = b"%PDF-1.7 landlord confirmation of Ana Beispiel, Musterweg 1";
const CONTENT_MARK: &str = "landlord confirmation";
const FILE_ID: &str = "doc-7f3a9c2e-secret";

/// Keeps a document as the core does, on office day `day` (`YYYY-MM-DD`).
async fn keep(db: &TestDb, id: &str, kind: &str, size: i64, day: &str) {
    let conversation = conv("terminal:ana");
    let input_key = format!("input-{id}");
    let digest = format!("digest-{id}");
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(CLOCK)
        .expect("CLOCK")
        .with_timezone(&Utc);
    let documents = db.store.documents();
    documents.arriving(id, now).await.expect("an arrival");
    documents
        .arriving_chunk(id, 0, CONTENT.to_vec())
        .await
        .expect("a chunk");
    let kept = documents
        .keep(
            &NewDocument {
                id,
                booking_id: "booking-ana",
                conversation_id: &conversation,
                item: "",
                kind,
                size,
                digest: &digest,
                input_key: &input_key,
                day,
                max_files: 10,
            },
            now,
        )
        .await
        .expect("keep a document");
    assert!(matches!(kept, Kept::Stored { .. }), "{kept:?}");
}

/// A token made by the admin token with `role` only.
async fn token_with(api: &Api, role: &str) -> String {
    let (status, made) = api
        .post(
            "/admin/api/tokens",
            json!({"name": format!("{role} script"), "roles": [role], "days": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    made["token"].as_str().expect("a token").to_owned()
}

fn figures(day: &Value, part: &str) -> (i64, i64) {
    (
        day[part]["files"].as_i64().unwrap_or(-1),
        day[part]["bytes"].as_i64().unwrap_or(-1),
    )
}

async fn documents_story(db: TestDb) {
    // Today (the clock's office day), three days ago, and 23 days ago.
    keep(&db, FILE_ID, "pdf", 1_000, "2027-02-02").await;
    keep(&db, "doc-photo", "jpeg", 250_000, "2027-02-02").await;
    keep(&db, "doc-older", "pdf", 1_234_567, "2027-01-30").await;
    let documents = db.store.documents();
    documents
        .count_refused("2027-02-02", 4_000_000)
        .await
        .expect("count a refused file");
    documents
        .count_refused("2027-02-02", 1_000_000)
        .await
        .expect("count a refused file");
    documents
        .count_refused("2027-01-10", 10)
        .await
        .expect("count a refused file");

    let (serve, api) = start(&db, Some(TOKEN)).await;

    // The last 14 days (today included), newest first; days without files left out.
    let (status, body) = api.get("/admin/api/documents").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let days = body["days"].as_array().expect("days");
    let names: Vec<&str> = days.iter().filter_map(|d| d["day"].as_str()).collect();
    assert_eq!(names, ["2027-02-02", "2027-01-30"], "{body}");
    let today = &days[0];
    assert_eq!(figures(today, "kept"), (2, 251_000), "{body}");
    assert_eq!(figures(today, "refused"), (2, 5_000_000), "{body}");
    assert_eq!(figures(&today["by_kind"], "pdf"), (1, 1_000), "{body}");
    assert_eq!(figures(&today["by_kind"], "jpeg"), (1, 250_000), "{body}");
    assert_eq!(
        today["by_kind"].as_object().map(|k| k.len()),
        Some(2),
        "only the kinds that came: {body}"
    );
    assert_eq!(figures(&days[1], "kept"), (1, 1_234_567), "{body}");
    assert_eq!(figures(&days[1], "refused"), (0, 0), "{body}");

    // Nothing of a file: no id, no content, no booking, no citizen.
    let text = body.to_string();
    for secret in [
        FILE_ID,
        "doc-photo",
        CONTENT_MARK,
        "booking-ana",
        "terminal:ana",
        "digest-",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }

    // `days` is clamped to 1..=90; today only, and far enough back for the oldest refusal.
    for (days, expected) in [
        ("1", vec!["2027-02-02"]),
        ("0", vec!["2027-02-02"]),
        ("-5", vec!["2027-02-02"]),
        ("3", vec!["2027-02-02"]),
        ("4", vec!["2027-02-02", "2027-01-30"]),
        ("1000", vec!["2027-02-02", "2027-01-30", "2027-01-10"]),
    ] {
        let (status, body) = api.get(&format!("/admin/api/documents?days={days}")).await;
        assert_eq!(status, StatusCode::OK, "days={days}: {body}");
        let names: Vec<&str> = body["days"]
            .as_array()
            .expect("days")
            .iter()
            .filter_map(|d| d["day"].as_str())
            .collect();
        assert_eq!(names, expected, "days={days}: {body}");
    }

    // Not a number: a 400 in the caller's language.
    for (lang, words) in [("de", "ganze Zahl"), ("en", "whole number")] {
        let r = api
            .client
            .get(format!("{}/admin/api/documents?days=two", api.base))
            .bearer_auth(TOKEN)
            .header("accept-language", lang)
            .send()
            .await
            .expect("request");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        let body: Value = r.json().await.expect("JSON");
        assert!(
            body["error"].as_str().unwrap_or_default().contains(words),
            "{lang}: {body}"
        );
    }

    // The queue supervisor and the operator read it; other roles are refused, in words.
    for role in ["queue-supervisor", "operator"] {
        let token = token_with(&api, role).await;
        let (status, body) = api
            .call(Method::GET, "/admin/api/documents", Some(&token), None)
            .await;
        assert_eq!(status, StatusCode::OK, "{role}: {body}");
        assert_eq!(body["days"].as_array().map(Vec::len), Some(2), "{role}");
    }
    for role in ["translator", "catalogue-editor", "data-protection"] {
        let token = token_with(&api, role).await;
        let (status, body) = api
            .call(Method::GET, "/admin/api/documents", Some(&token), None)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role}: {body}");
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
        assert!(!body.to_string().contains(FILE_ID), "{body}");
    }
    let (status, _) = api
        .call(Method::GET, "/admin/api/documents", None, None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Only read: nothing else is taken there.
    let (status, body) = api
        .call(
            Method::POST,
            "/admin/api/documents",
            Some(TOKEN),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{body}");

    // The admin page has the section, in the page's language, and no file in it.
    let page = api
        .client
        .get(format!("{}/admin/?lang=en", api.base))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("page text");
    assert!(
        page.contains("<section data-may=\"documents\">") && page.contains("Files kept"),
        "the page has the documents section"
    );
    assert!(
        !page.contains("{{admin-"),
        "every text of the page is filled in"
    );

    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test]
async fn admins_see_document_counts_per_day_on_sqlite() {
    documents_story(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn admins_see_document_counts_per_day_on_postgres() {
    documents_story(TestDb::postgres().await).await;
}
