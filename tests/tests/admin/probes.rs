//! The probes and `/metrics` an orchestrator relies on: `/healthz` answers while the process
//! runs; `/readyz` only while the database answers and has every migration this build knows;
//! `/metrics` on a listener of its own when `SCHALTER_METRICS_BIND` says so, and then not on
//! the public one. On SQLite and PostgreSQL.

use reqwest::StatusCode;
use schalter_tests::{Serve, TestDb, free_port};

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let r = client.get(url).send().await.expect("an answer");
    let status = r.status();
    (status, r.text().await.unwrap_or_default())
}

async fn probes(db: TestDb) {
    let metrics = format!("127.0.0.1:{}", free_port());
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_METRICS_BIND", metrics.as_str()),
    ])
    .await;
    let client = reqwest::Client::new();
    let http = &serve.http;

    assert_eq!(
        get(&client, &format!("{http}/healthz")).await.0,
        StatusCode::OK
    );
    let (status, body) = get(&client, &format!("{http}/readyz")).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // `/metrics` is served apart, and only there.
    let (status, _) = get(&client, &format!("{http}/metrics")).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "/metrics on the public listener"
    );
    let (status, body) = get(&client, &format!("http://{metrics}/metrics")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("schalter_queue_waiting"), "{body}");
    let (status, _) = get(&client, &format!("http://{metrics}/admin/")).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "nothing else on the metrics listener"
    );

    // A schema that lacks a version this build knows (a replica of a newer version rolled
    // back, a restore of an older dump): not ready, and says why; alive all the same.
    let last: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE _sqlx_migrations SET version = -version WHERE version = $1")
        .bind(last)
        .execute(db.store.pool())
        .await
        .unwrap();
    let (status, body) = get(&client, &format!("{http}/readyz")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body.contains(&last.to_string()),
        "names the migration: {body}"
    );
    assert_eq!(
        get(&client, &format!("{http}/healthz")).await.0,
        StatusCode::OK
    );
    sqlx::query("UPDATE _sqlx_migrations SET version = -version WHERE version = $1")
        .bind(-last)
        .execute(db.store.pool())
        .await
        .unwrap();
    let (status, body) = get(&client, &format!("{http}/readyz")).await;
    assert_eq!(status, StatusCode::OK, "ready again: {body}");

    drop(serve);
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_on_sqlite() {
    probes(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_on_postgres() {
    probes(TestDb::postgres().await).await;
}

/// A catalogue named but missing is an error at start, never the demo office instead.
#[test]
fn a_missing_catalogue_stops_the_start() {
    let missing =
        std::env::temp_dir().join(format!("schalter-no-catalog-{}.toml", std::process::id()));
    let db = std::env::temp_dir().join(format!("schalter-no-catalog-{}.db", std::process::id()));
    let out = std::process::Command::new(schalter_tests::schalter_bin())
        .arg("serve")
        .current_dir(schalter_tests::workspace())
        .env("SCHALTER_CATALOG", &missing)
        .env(
            "SCHALTER_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .env("SCHALTER_HTTP_BIND", format!("127.0.0.1:{}", free_port()))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run schalter serve");
    let _ = std::fs::remove_file(&db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "started without its catalogue: {stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: cannot read the catalogue", missing.display())),
        "{stderr}"
    );
}
