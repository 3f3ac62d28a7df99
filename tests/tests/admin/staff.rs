//! A town without an identity provider: named staff accounts (`schalter staff add`), each
//! with a role, signing in to the admin page of the real `schalter serve`. What each role may
//! do, CSRF, API tokens, the lock after wrong passwords, sign-out, and the audit log naming
//! the person.

use std::io::Write as _;
use std::process::Stdio;

use reqwest::{Method, StatusCode};
use schalter_tests::staff::{SESSION_COOKIE, Staff, set_cookie};
use schalter_tests::terminal::Chat;
use schalter_tests::{Serve, TestDb, schalter_bin, workspace};
use serde_json::{Value, json};

use crate::CLOCK;

const PASSWORD: &str = "correct horse battery staple";

/// `schalter staff ARGS` on `db`, the password on standard input; its output.
fn staff_cli(db: &TestDb, args: &[&str], password: Option<&str>) -> (bool, String) {
    let mut child = std::process::Command::new(schalter_bin())
        .arg("staff")
        .args(args)
        .current_dir(workspace())
        .env("SCHALTER_DATABASE_URL", &db.url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("schalter staff");
    if let Some(p) = password {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(p.as_bytes())
            .expect("password");
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().expect("schalter staff ran");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

async fn serve(db: &TestDb) -> Serve {
    Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_CLOCK_START", CLOCK),
    ])
    .await
}

fn error(body: &Value) -> &str {
    body["error"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn staff_sign_in_as_themselves_and_each_role_does_its_own_task() {
    let db = TestDb::sqlite().await;
    // Accounts: a made password is printed once; a given one is taken from stdin.
    let (ok, out) = staff_cli(
        &db,
        &[
            "add",
            "amira",
            "--role",
            "translator:ar",
            "--password-stdin",
        ],
        Some(PASSWORD),
    );
    assert!(ok, "{out}");
    assert!(
        !out.contains(PASSWORD),
        "a given password is never printed: {out}"
    );
    let (ok, out) = staff_cli(&db, &["add", "dora", "--role", "data-protection"], None);
    assert!(ok, "{out}");
    let dora_password = out
        .lines()
        .find_map(|l| l.strip_prefix("password (shown once): "))
        .expect("a made password")
        .to_owned();
    assert_eq!(dora_password.len(), 26, "128 random bits: {out}");
    let (ok, out) = staff_cli(
        &db,
        &["add", "amira", "--role", "operator", "--password-stdin"],
        Some(PASSWORD),
    );
    assert!(!ok && out.contains("exists"), "{out}");
    let (ok, out) = staff_cli(
        &db,
        &["add", "eve", "--role", "admin", "--password-stdin"],
        Some(PASSWORD),
    );
    assert!(!ok && out.contains("unknown role"), "{out}");
    let (ok, out) = staff_cli(
        &db,
        &["add", "eve", "--role", "operator", "--password-stdin"],
        Some("short"),
    );
    assert!(!ok && out.contains("12 characters"), "{out}");
    let (ok, out) = staff_cli(&db, &["list"], None);
    assert!(
        ok && out.contains("amira\ttranslator:ar") && out.contains("dora\tdata-protection"),
        "{out}"
    );

    let serve = serve(&db).await;
    // The form, in the browser's language.
    let page = reqwest::Client::new()
        .get(format!("{}/admin/login", serve.http))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("name=\"password\"") && page.contains("Passwort"),
        "{page}"
    );

    // Nothing without a session; a wrong password is refused in the person's language.
    let mut amira = Staff::new(&serve.http, "de");
    let (status, body) = amira.call(Method::GET, "/admin/api/me", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, page) = amira.sign_in_local("amira", "wrong password!").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("Name oder Passwort ist falsch"), "{page}");
    assert!(amira.session.is_none());
    // An unknown name gets the same answer.
    let (status, page) = amira.sign_in_local("nobody", "wrong password!").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("Name oder Passwort ist falsch"), "{page}");

    // Signed in: a session cookie as it must be.
    let r = amira
        .client
        .post(format!("{}/admin/login", serve.http))
        .form(&[("name", "amira"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let (value, attributes) = set_cookie(r.headers(), SESSION_COOKIE).expect("session cookie");
    assert_eq!(value.len(), 64, "256 random bits");
    for a in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(attributes.contains(a), "{attributes}");
    }
    let (status, page) = amira.take_session(r).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("http-equiv=\"refresh\""), "{page}");
    let (status, me) = amira.call(Method::GET, "/admin/api/me", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["name"], "amira");
    assert_eq!(me["roles"], json!(["translator:ar"]));
    assert_eq!(me["may"]["queue"], false);
    // The secret is kept hashed only.
    let stored: Vec<String> = sqlx::query_scalar("SELECT hash FROM staff_sessions")
        .fetch_all(db.store.pool())
        .await
        .unwrap();
    assert!(!stored.contains(&value) && stored.len() == 1, "{stored:?}");

    // Her task: an Arabic text, which a citizen sees at once.
    let path = "/admin/api/locales/ar/messages/menu-help";
    let edit = json!({"value": "المساعدة والإرشاد", "author": "someone else"});
    // Not without the CSRF secret, not from another site.
    let (status, body) = amira
        .call_with(Method::PUT, path, Some(edit.clone()), None, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = amira
        .call_with(
            Method::PUT,
            path,
            Some(edit.clone()),
            Some("0".repeat(64).as_str()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = amira
        .call_with(
            Method::PUT,
            path,
            Some(edit.clone()),
            amira.csrf.as_deref(),
            Some("https://evil.example"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (_, unchanged) = amira.call(Method::GET, path, None).await;
    assert_ne!(
        unchanged["value"], edit["value"],
        "the refused changes changed nothing"
    );
    let (status, body) = amira.call(Method::PUT, path, Some(edit.clone())).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (chat, menu) = Chat::start(&db.url, "salma", Some("ar")).await;
    assert!(menu.has_option("المساعدة والإرشاد"), "{menu:#?}");
    assert!(chat.finish().await.success());

    // Not her task: Turkish, the catalogue, the queue, erasing a citizen, the audit log; each
    // refused with the reason in her language, and nothing changed.
    let (status, body) = amira
        .call(
            Method::PUT,
            "/admin/api/locales/tr/messages/menu-help",
            Some(json!({"value": "Yardım masası"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        error(&body).contains("Texte in Türkçe dürfen Sie nicht ändern"),
        "{body}"
    );
    let (status, body) = amira
        .call(
            Method::PUT,
            "/admin/api/catalog",
            Some(json!({"toml": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(error(&body).contains("Dienstekatalog"), "{body}");
    let (status, body) = amira
        .call(Method::DELETE, "/admin/api/citizens/terminal:salma", None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(error(&body).contains("Datenschutz"), "{body}");
    for path in [
        "/admin/api/audit",
        "/admin/api/queue",
        "/admin/api/payments",
    ] {
        let (status, body) = amira.call(Method::GET, path, None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {body}");
    }
    let (_, tr) = amira
        .call(
            Method::GET,
            "/admin/api/locales/tr/messages/menu-help",
            None,
        )
        .await;
    assert_ne!(tr["value"], "Yardım masası");

    // A token for her translation export: no more than she has, shown once, kept hashed.
    let (status, body) = amira
        .call(
            Method::POST,
            "/admin/api/tokens",
            Some(json!({"name": "weblate ar", "roles": ["operator"], "days": 30})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, made) = amira
        .call(
            Method::POST,
            "/admin/api/tokens",
            Some(json!({"name": "weblate ar", "roles": ["translator:ar"], "days": 30})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let token = made["token"].as_str().unwrap().to_owned();
    assert!(
        token.starts_with("schalter_") && token.len() == 9 + 64,
        "{token}"
    );
    let script = reqwest::Client::new();
    let as_token = |method: Method, path: &str, body: Option<Value>| {
        let mut r = script
            .request(method, format!("{}{path}", serve.http))
            .bearer_auth(&token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send()
    };
    let r = as_token(Method::GET, "/admin/api/locales/ar/export", None)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = as_token(
        Method::PUT,
        "/admin/api/locales/ar/messages/menu-help",
        Some(json!({"value": "مساعدة"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "a token needs no CSRF secret");
    let r = as_token(
        Method::POST,
        "/admin/api/tokens",
        Some(json!({"name": "more", "roles": ["translator:ar"]})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "a token makes no tokens");
    let (_, listed) = amira.call(Method::GET, "/admin/api/tokens", None).await;
    let listed = listed["tokens"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 1);
    assert!(listed[0]["last_used_at"].is_string(), "{listed:?}");
    assert!(!listed[0].to_string().contains(&token), "never shown again");
    let id = made["id"].as_str().unwrap();
    let (status, _) = amira
        .call(Method::DELETE, &format!("/admin/api/tokens/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let r = as_token(Method::GET, "/admin/api/locales/ar/export", None)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "revoked");

    // Sign-out: the cookie goes, and the old cookie opens nothing any more.
    let r = amira.sign_out().await;
    assert_eq!(r.status(), StatusCode::OK);
    let (value, attributes) = set_cookie(r.headers(), SESSION_COOKIE).expect("cookie cleared");
    assert!(
        value.is_empty() && attributes.contains("Max-Age=0"),
        "{attributes}"
    );
    let (status, _) = amira.call(Method::GET, "/admin/api/me", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A forged cookie neither.
    let mut forged = Staff::new(&serve.http, "en");
    forged.session = Some("ab".repeat(32));
    assert_eq!(
        forged.call(Method::GET, "/admin/api/me", None).await.0,
        StatusCode::UNAUTHORIZED
    );

    // The data-protection officer: erases a citizen, reads and exports the log, which names
    // each person (never the name a body gave).
    let mut dora = Staff::new(&serve.http, "en");
    assert_eq!(
        dora.sign_in_local("dora", &dora_password).await.0,
        StatusCode::OK
    );
    let (status, body) = dora
        .call(Method::DELETE, "/admin/api/citizens/terminal:salma", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = dora
        .call(
            Method::PUT,
            "/admin/api/locales/ar/messages/menu-help",
            Some(json!({"value": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(error(&body).contains("Translator"), "{body}");
    let (_, audit) = dora.call(Method::GET, "/admin/api/audit", None).await;
    let entries = audit["entries"].as_array().unwrap();
    let find = |action: &str| {
        entries
            .iter()
            .find(|e| e["action"] == action)
            .unwrap_or_else(|| panic!("{action} in {audit:#}"))
    };
    // Entries of one second are in no particular order.
    assert!(
        entries.iter().any(|e| e["action"] == "translation-changed"
            && e["actor"] == "weblate ar"
            && e["subject"].as_str().unwrap().starts_with("token:")),
        "{audit:#}"
    );
    assert_eq!(find("citizen-forgotten")["actor"], "dora");
    assert_eq!(find("citizen-forgotten")["subject"], "local:dora");
    assert_eq!(find("token-created")["actor"], "amira");
    assert_eq!(find("signed-out")["subject"], "local:amira");
    assert!(
        entries
            .iter()
            .filter(|e| e["action"] == "translation-changed")
            .any(|e| e["actor"] == "amira"),
        "{audit:#}"
    );
    assert!(!audit.to_string().contains("someone else"), "{audit:#}");
    let csv = dora
        .client
        .get(format!("{}/admin/api/audit?format=csv", serve.http))
        .header(
            "cookie",
            format!("{SESSION_COOKIE}={}", dora.session.as_deref().unwrap()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let csv = csv.text().await.unwrap();
    assert!(
        csv.starts_with("at,subject,name,action,target\r\n"),
        "{csv}"
    );
    assert!(csv.contains(",local:dora,dora,citizen-forgotten,"), "{csv}");
    // Append-only: nothing edits or deletes an entry.
    for method in [Method::PUT, Method::DELETE, Method::POST] {
        let (status, _) = dora.call(method.clone(), "/admin/api/audit", None).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }

    // Wrong passwords lock the account for a while, the right one included.
    let mut guesser = Staff::new(&serve.http, "en");
    for _ in 0..4 {
        assert_eq!(
            guesser.sign_in_local("amira", "guess guess guess").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    let (status, page) = guesser.sign_in_local("amira", "guess guess guess").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{page}");
    assert!(page.contains("15 minutes"), "{page}");
    let (status, _) = guesser.sign_in_local("amira", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(guesser.session.is_none());
    // An operator's new password lifts the lock.
    let (ok, out) = staff_cli(
        &db,
        &["password", "amira", "--password-stdin"],
        Some(PASSWORD),
    );
    assert!(ok, "{out}");
    assert_eq!(
        guesser.sign_in_local("amira", PASSWORD).await.0,
        StatusCode::OK
    );
    // Removing the account ends its sessions at once.
    let (ok, out) = staff_cli(&db, &["remove", "amira"], None);
    assert!(ok, "{out}");
    assert_eq!(
        guesser.call(Method::GET, "/admin/api/me", None).await.0,
        StatusCode::UNAUTHORIZED
    );

    serve.kill().await;
    db.drop_db().await;
}
