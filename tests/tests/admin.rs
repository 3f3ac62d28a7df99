//! The admin API of the real `schalter serve`: every endpoint, with a wrong token, broken
//! Fluent, unknown locales and ids, an oversized body; and changes reaching the bot at once.
//! The translators' part: search, one message in every locale, and translations "to review"
//! after their German reference changed (through the API or in the files).

use std::time::Duration;

use reqwest::StatusCode;
use schalter_tests::terminal::Chat;
use schalter_tests::{Serve, TestDb};
use serde_json::{Value, json};

const TOKEN: &str = "admin-token-5b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e";
/// A Tuesday morning, so that slots and walk-ins are open.
const CLOCK: &str = "2027-02-02T09:00:00+01:00";

struct Api {
    base: String,
    client: reqwest::Client,
}

impl Api {
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut r = self.client.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        if let Some(b) = body {
            r = r.json(&b);
        }
        let response = r.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::GET, path, Some(TOKEN), None)
            .await
    }

    async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::PUT, path, Some(TOKEN), Some(body))
            .await
    }

    async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::POST, path, Some(TOKEN), Some(body))
            .await
    }
}

async fn start(db: &TestDb, token: Option<&str>) -> (Serve, Api) {
    let mut env = vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_CLOCK_START", CLOCK),
    ];
    if let Some(t) = token {
        env.push(("SCHALTER_ADMIN_TOKEN", t));
    }
    let serve = Serve::start(&env).await;
    let api = Api {
        base: serve.http.clone(),
        client: reqwest::Client::new(),
    };
    (serve, api)
}

#[tokio::test]
async fn the_admin_api_is_guarded_and_validates() {
    let db = TestDb::sqlite().await;
    let (serve, api) = start(&db, Some(TOKEN)).await;

    // Without or with a wrong token: a JSON 401.
    for token in [None, Some("wrong"), Some(&TOKEN[..TOKEN.len() - 1])] {
        let (status, body) = api
            .call(reqwest::Method::GET, "/admin/api/locales", token, None)
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(body["error"].as_str().unwrap().contains("token"), "{body}");
    }

    // Completeness per locale.
    let (status, body) = api.get("/admin/api/locales").await;
    assert_eq!(status, StatusCode::OK);
    let locales = body["locales"].as_array().unwrap();
    assert_eq!(locales.len(), 12);
    assert!(
        locales
            .iter()
            .all(|l| l["completeness"] == 100.0 && l["missing"].as_array().unwrap().is_empty())
    );
    assert_eq!(
        locales.iter().find(|l| l["lang"] == "ar").unwrap()["rtl"],
        true
    );

    let (status, messages) = api.get("/admin/api/locales/tr/messages").await;
    assert_eq!(status, StatusCode::OK);
    let original = messages["menu-help"].as_str().unwrap().to_owned();
    assert_eq!(
        api.get("/admin/api/locales/xx/messages").await.0,
        StatusCode::NOT_FOUND
    );

    // Refusals with a precise reason.
    let (status, body) = api
        .put(
            "/admin/api/locales/tr/messages/menu-help",
            json!({"value": "Yardım { $x"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"].as_str().unwrap().starts_with("line "),
        "{body}"
    );
    let (status, body) = api
        .put(
            "/admin/api/locales/tr/messages/input-too-long",
            json!({"value": "En fazla { $limit }"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"].as_str().unwrap().contains("$limit")
            && body["error"].as_str().unwrap().contains("$max"),
        "{body}"
    );
    let (status, _) = api
        .put(
            "/admin/api/locales/xx/messages/menu-help",
            json!({"value": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api
        .put(
            "/admin/api/locales/tr/messages/no-such-id",
            json!({"value": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api
        .put(
            "/admin/api/locales/tr/messages/menu-help",
            json!({"value": "x".repeat(100_000)}),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let (status, _) = api
        .put(
            "/admin/api/locales/tr/messages/menu-help",
            json!({"text": "wrong field"}),
        )
        .await;
    assert!(status.is_client_error());

    // A selector with plural categories is fine; so is a plain text.
    let plural = "En fazla { $max ->\n    [one] bir karakter\n   *[other] { $max } karakter\n}.";
    assert_eq!(
        api.put(
            "/admin/api/locales/tr/messages/input-too-long",
            json!({"value": plural})
        )
        .await
        .0,
        StatusCode::OK
    );
    let (status, _) = api
        .put(
            "/admin/api/locales/tr/messages/menu-help",
            json!({"value": "Yardım ve destek", "author": "ayse"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, m) = api.get("/admin/api/locales/tr/messages/menu-help").await;
    assert_eq!(m["value"], "Yardım ve destek");
    let (_, history) = api
        .get("/admin/api/locales/tr/messages/menu-help/history")
        .await;
    assert_eq!(history[0]["author"], "ayse");
    assert_eq!(history.as_array().unwrap().len(), 1);

    // Preview with sample variables.
    let (status, p) = api
        .post(
            "/admin/api/locales/tr/preview",
            json!({"id": "input-too-long", "value": plural, "args": {"max": 1}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(p["text"], "En fazla bir karakter.");

    // Export as .ftl, then roll back to the file's text.
    let (_, export) = api.get("/admin/api/locales/tr/export").await;
    let files = export["files"].as_array().unwrap();
    assert!(
        files.iter().any(|f| f["text"]
            .as_str()
            .unwrap()
            .contains("menu-help = Yardım ve destek\n")),
        "{export}"
    );
    assert!(
        files
            .iter()
            .all(|f| f["name"].as_str().unwrap().starts_with("tr/"))
    );
    assert_eq!(
        api.post(
            "/admin/api/locales/tr/messages/menu-help/rollback",
            json!({})
        )
        .await
        .0,
        StatusCode::OK
    );
    let (_, m) = api.get("/admin/api/locales/tr/messages/menu-help").await;
    assert_eq!(m["value"], original.as_str());
    let change = history[0]["id"].as_str().unwrap();
    assert_eq!(
        api.post(
            "/admin/api/locales/tr/messages/menu-help/rollback",
            json!({"to": change})
        )
        .await
        .0,
        StatusCode::OK
    );
    let (_, m) = api.get("/admin/api/locales/tr/messages/menu-help").await;
    assert_eq!(m["value"], "Yardım ve destek");

    // The catalogue: a broken one is refused, a good one is in force at once.
    let (status, catalog) = api.get("/admin/api/catalog").await;
    assert_eq!(status, StatusCode::OK);
    let toml = catalog["toml"].as_str().unwrap().to_owned();
    let broken = toml.replacen("duration_minutes = 20", "duration_minutes = 25", 1);
    let (status, body) = api.put("/admin/api/catalog", json!({"toml": broken})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("multiple of slot_minutes"),
        "{body}"
    );
    let unknown = toml.replacen("id = \"abmeldung\"", "id = \"hundesteuer\"", 1);
    let (status, body) = api
        .put("/admin/api/catalog", json!({"toml": unknown}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("service-hundesteuer"),
        "{body}"
    );
    let cheaper = toml.replacen("fee_cents = 1300", "fee_cents = 1400", 1);
    assert_eq!(
        api.put("/admin/api/catalog", json!({"toml": cheaper}))
            .await
            .0,
        StatusCode::OK
    );

    // Queue and metrics.
    let (status, q) = api.get("/admin/api/queue").await;
    assert_eq!(status, StatusCode::OK);
    assert!(q["waiting"].as_array().unwrap().is_empty());
    let (status, metrics) = api.call(reqwest::Method::GET, "/metrics", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let metrics = metrics.as_str().unwrap().to_owned();
    assert!(metrics.contains("schalter_queue_waiting 0"), "{metrics}");
    assert!(
        metrics.contains("schalter_waiting_minutes_bucket{le=\"+Inf\"}"),
        "{metrics}"
    );
    assert_eq!(
        api.get("/admin/api/nothing-here").await.0,
        StatusCode::NOT_FOUND
    );
    serve.kill().await;

    // A bot started now uses the changed words and the changed catalogue.
    let (mut chat, menu) = Chat::start(&db.url, "deniz", Some("tr")).await;
    assert!(menu.has_option("Yardım ve destek"), "{menu:#?}");
    let checklist = chat.send("iyi hal belgesi").await;
    assert!(checklist.text.contains("14,00 €"), "{checklist:#?}");
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

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
async fn a_change_reaches_a_running_bot_and_the_api_is_off_without_a_token() {
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
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("SCHALTER_ADMIN_TOKEN"),
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
        vec!["command-appointments", "menu-appointments"],
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
    assert_eq!(locales.len(), 12);
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
        11
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
                && e["actor"] == "ayse"),
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
