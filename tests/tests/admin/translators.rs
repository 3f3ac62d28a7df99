//! The translators' part: search, one message in every locale, translations to review.

use std::time::Duration;

use reqwest::StatusCode;
use schalter_tests::{Serve, TestDb};
use serde_json::{Value, json};

use crate::api::Api;
use crate::{CLOCK, TOKEN};

/// The ids of a search's results.
fn ids(found: &Value) -> Vec<&str> {
    found["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

/// Each locale's review state of one message, from the side-by-side view.
async fn states(api: &Api, id: &str) -> Vec<(String, String)> {
    let (status, body) = api.get(&format!("/admin/api/messages/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["lang"].as_str().unwrap().to_owned(),
                l["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn state_of<'a>(states: &'a [(String, String)], lang: &str) -> &'a str {
    &states.iter().find(|(l, _)| l == lang).unwrap().1
}

/// Search, side by side, and "to review" on one database; the files are a copy, so that the
/// test may edit them.
async fn translators_work(db: &TestDb) {
    let dir = schalter_tests::copy_locales();
    let locales = dir.display().to_string();
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_CLOCK_START", CLOCK),
        ("SCHALTER_ADMIN_TOKEN", TOKEN),
        ("SCHALTER_LOCALES_DIR", locales.as_str()),
    ])
    .await;
    let api = Api {
        base: serve.http.clone(),
        client: reqwest::Client::new(),
    };

    // The new endpoints are guarded like the others.
    for (method, path) in [
        (reqwest::Method::GET, "/admin/api/messages?q=hilfe"),
        (reqwest::Method::GET, "/admin/api/messages/menu-help"),
        (
            reqwest::Method::POST,
            "/admin/api/locales/tr/messages/menu-help/confirm",
        ),
    ] {
        let (status, body) = api.call(method, path, Some("wrong"), Some(json!({}))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {body}");
    }

    // Search: by id, and by text in any locale, case and accents aside.
    let (status, found) = api.get("/admin/api/messages?q=menu-help").await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let first = &found["results"][0];
    assert_eq!(first["id"], "menu-help", "{found}");
    assert_eq!(first["id_matched"], true);
    assert_eq!(first["file"], "common.ftl");
    assert_eq!(first["reference"], "Hilfe");
    let (_, found) = api.get("/admin/api/messages?q=RANDEVULARIM").await;
    assert_eq!(
        ids(&found),
        vec![
            "command-appointments",
            "menu-appointments",
            "question-payment-online"
        ],
        "{found}"
    );
    let hit = &found["results"][1];
    assert_eq!(hit["matched"], json!(["tr"]));
    assert_eq!(hit["texts"]["tr"], "Randevularım");
    let (_, found) = api
        .get("/admin/api/messages?q=%D0%97%D0%90%D0%9F%D0%98%D0%A1%D0%98") // ЗАПИСИ
        .await;
    assert!(ids(&found).contains(&"menu-appointments"), "{found}");
    let (_, found) = api.get("/admin/api/messages?q=المستندات").await;
    let hit = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "menu-checklist")
        .unwrap_or_else(|| panic!("{found}"));
    assert_eq!(hit["texts"]["ar"], "ما المستندات المطلوبة؟");
    let (_, found) = api.get("/admin/api/messages?q=unterlagen%20BRAUCHE").await;
    assert!(ids(&found).contains(&"menu-checklist"), "{found}");
    let (_, found) = api.get("/admin/api/messages?q=nichts-dergleichen").await;
    assert_eq!(found["total"], 0);
    // Bounded: a limit, and a query of at most 200 characters.
    let (_, found) = api.get("/admin/api/messages?q=menu&limit=2").await;
    assert_eq!(found["results"].as_array().unwrap().len(), 2);
    assert!(found["total"].as_u64().unwrap() >= 5, "{found}");
    for (query, reason) in [
        (format!("q={}", "a".repeat(201)), "200"),
        (String::new(), "q"),
        ("q=menu&limit=0".to_owned(), "limit"),
        ("q=menu&limit=9999".to_owned(), "limit"),
        ("state=done".to_owned(), "state"),
    ] {
        let (status, body) = api.get(&format!("/admin/api/messages?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        assert!(body["error"].as_str().unwrap().contains(reason), "{body}");
    }

    // One message in every locale, with direction and state; the shipped files are consistent.
    let (status, all) = api.get("/admin/api/messages/menu-help").await;
    assert_eq!(status, StatusCode::OK);
    let locales = all["locales"].as_array().unwrap();
    assert_eq!(locales.len(), 13);
    for l in locales {
        let lang = l["lang"].as_str().unwrap();
        let dir = if ["ar", "fa"].contains(&lang) {
            "rtl"
        } else {
            "ltr"
        };
        assert_eq!(l["dir"], dir, "{l}");
        let expected = if lang == "de" {
            "reference"
        } else {
            "reviewed"
        };
        assert_eq!(l["state"], expected, "{l}");
        let (_, one) = api
            .get(&format!("/admin/api/locales/{lang}/messages/menu-help"))
            .await;
        assert_eq!(l["value"], one["value"], "{lang}");
    }
    assert_eq!(
        locales.iter().find(|l| l["lang"] == "ar").unwrap()["value"],
        "مساعدة"
    );
    let (status, body) = api.get("/admin/api/messages/no-such-message").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body["error"].as_str().unwrap().contains("no-such-message"),
        "{body}"
    );

    // The German reference changes through the API: every translation is to review.
    let (status, _) = api
        .put(
            "/admin/api/locales/de/messages/menu-help",
            json!({"value": "Hilfe und Beratung", "author": "jana"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let now = states(&api, "menu-help").await;
    assert!(
        now.iter()
            .all(|(l, s)| s == if l == "de" { "reference" } else { "to-review" }),
        "{now:?}"
    );
    let (_, tr) = api.get("/admin/api/locales/tr/messages/menu-help").await;
    assert_eq!(tr["state"], "to-review");
    assert_eq!(tr["reviewed_reference"], "Hilfe");
    assert_eq!(tr["reference"], "Hilfe und Beratung");
    let (_, overview) = api.get("/admin/api/locales").await;
    let tr_row = overview["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == "tr")
        .unwrap();
    assert_eq!(tr_row["to_review"], json!(["menu-help"]));
    let (_, listed) = api.get("/admin/api/messages?state=to-review").await;
    assert_eq!(ids(&listed), vec!["menu-help"], "{listed}");
    assert_eq!(
        listed["results"][0]["to_review"].as_array().unwrap().len(),
        12
    );
    assert_eq!(listed["results"][0]["texts"]["uk"], "Допомога");
    // Others stay as they were.
    assert_eq!(state_of(&states(&api, "menu-book").await, "tr"), "reviewed");

    // Confirmed: reviewed again, and in the audit log.
    let (status, confirmed) = api
        .post(
            "/admin/api/locales/tr/messages/menu-help/confirm",
            json!({"author": "ayse"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(confirmed["was"], "to-review");
    let now = states(&api, "menu-help").await;
    assert_eq!(state_of(&now, "tr"), "reviewed");
    assert_eq!(state_of(&now, "ar"), "to-review");
    let (_, audit) = api.get("/admin/api/audit").await;
    assert!(
        audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "translation-confirmed"
                && e["target"] == "tr/menu-help"
                && e["actor"] == "SCHALTER_ADMIN_TOKEN"),
        "{audit}"
    );
    // Edited: reviewed too.
    let (status, _) = api
        .put(
            "/admin/api/locales/en/messages/menu-help",
            json!({"value": "Help and advice"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let now = states(&api, "menu-help").await;
    assert_eq!(state_of(&now, "en"), "reviewed");
    assert_eq!(state_of(&now, "fa"), "to-review");

    // What cannot be confirmed, with the reason.
    for (path, status, reason) in [
        (
            "/admin/api/locales/xx/messages/menu-help/confirm",
            StatusCode::NOT_FOUND,
            "xx",
        ),
        (
            "/admin/api/locales/tr/messages/no-such-message/confirm",
            StatusCode::NOT_FOUND,
            "no-such-message",
        ),
        (
            "/admin/api/locales/de/messages/menu-help/confirm",
            StatusCode::UNPROCESSABLE_ENTITY,
            "reference",
        ),
    ] {
        let (got, body) = api.post(path, json!({})).await;
        assert_eq!(got, status, "{path}: {body}");
        assert!(body["error"].as_str().unwrap().contains(reason), "{body}");
    }

    // The German text back as it was: what was written against it fits again, and what was
    // confirmed against the new text is to review.
    let (status, _) = api
        .put(
            "/admin/api/locales/de/messages/menu-help",
            json!({"value": "Hilfe"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let now = states(&api, "menu-help").await;
    assert_eq!(state_of(&now, "ar"), "reviewed");
    assert_eq!(state_of(&now, "tr"), "to-review");

    // The files on disk: a German edit makes the translations to review, a translation's
    // edit in its file clears its flag.
    let edit = |locale: &str, line: &str| {
        let path = dir.join(locale).join("common.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        let edited: Vec<&str> = text
            .lines()
            .map(|l| {
                if l.starts_with("menu-book =") {
                    line
                } else {
                    l
                }
            })
            .collect();
        std::fs::write(&path, edited.join("\n") + "\n").unwrap();
    };
    edit("de", "menu-book = Einen Termin buchen");
    let mut now = Vec::new();
    for _ in 0..50 {
        now = states(&api, "menu-book").await;
        if state_of(&now, "pl") == "to-review" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(state_of(&now, "pl"), "to-review", "{now:?}");
    assert_eq!(state_of(&now, "tr"), "to-review", "{now:?}");
    edit("tr", "menu-book = Bir randevu al");
    for _ in 0..50 {
        now = states(&api, "menu-book").await;
        if state_of(&now, "tr") == "reviewed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(state_of(&now, "tr"), "reviewed", "{now:?}");
    assert_eq!(state_of(&now, "pl"), "to-review", "{now:?}");

    serve.kill().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn translators_search_compare_and_review_on_sqlite() {
    let db = TestDb::sqlite().await;
    translators_work(&db).await;
    db.drop_db().await;
}

#[tokio::test]
async fn translators_search_compare_and_review_on_postgres() {
    let db = TestDb::postgres().await;
    translators_work(&db).await;
    db.drop_db().await;
}
