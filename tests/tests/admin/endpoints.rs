//! Every endpoint: wrong tokens, broken Fluent, unknown ids, oversized bodies, the catalogue.

use reqwest::StatusCode;
use schalter_tests::TestDb;
use schalter_tests::terminal::Chat;
use serde_json::json;

use crate::TOKEN;
use crate::api::start;

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
    assert_eq!(locales.len(), 13);
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
    // A name in the body is not taken for the person: the token's holder is named.
    assert_eq!(history[0]["author"], "SCHALTER_ADMIN_TOKEN");
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

    // Leichte Sprache keeps its rules in an edit: the preview names the broken one, and the
    // change is refused; a text by the rules passes.
    let long = "Wenn Sie einen Termin buchen wollen dann müssen Sie zuerst den Dienst wählen \
                und danach einen Tag.";
    let (status, refused) = api
        .post(
            "/admin/api/locales/de-x-ls/preview",
            json!({"id": "main-menu-prompt", "value": long}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(
        refused
            .to_string()
            .contains("sentence of 17 words (at most 15)"),
        "{refused}"
    );
    let (status, _) = api
        .put(
            "/admin/api/locales/de-x-ls/messages/main-menu-prompt",
            json!({"value": long}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, p) = api
        .post(
            "/admin/api/locales/de-x-ls/preview",
            json!({"id": "main-menu-prompt", "value": "Was möchten Sie jetzt tun?"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(p["text"], "Was möchten Sie jetzt tun?");

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
    // A histogram per service, there from the start; walk-ins have an empty service.
    for service in ["abmeldung", ""] {
        assert!(
            metrics.contains(&format!(
                "schalter_waiting_minutes_bucket{{service=\"{service}\",le=\"+Inf\"}}"
            )),
            "{metrics}"
        );
    }
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
