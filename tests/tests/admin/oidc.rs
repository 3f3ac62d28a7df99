//! Staff sign in through a real OpenID provider on loopback (the certified `oidc-provider`
//! from npm, `tests/oidc/provider.mjs`): authorization code with PKCE, state and nonce, roles
//! from the `groups` claim, sign-out that also ends the provider's session. And every way a
//! sign-in can be forged or replayed is refused and opens nothing: a wrong state, a replayed
//! code, ID tokens from a rogue issuer (another issuer, another audience, expired, `alg:
//! none`, an unknown key, another nonce).

use reqwest::{Method, StatusCode};
use schalter_tests::oidc::{self, Provider, Rogue};
use schalter_tests::staff::{LOGIN_COOKIE, SESSION_COOKIE, Staff, set_cookie};
use schalter_tests::{Serve, TestDb, free_port};
use serde_json::json;

use crate::CLOCK;

const GROUPS: &str = "schalter-translators-ar=translator:ar;schalter-dpo=data-protection";

struct Office {
    serve: Serve,
    base: String,
}

/// `schalter serve` on `port`, signing staff in at `issuer`.
async fn office(db: &TestDb, port: u16, issuer: &str, client_id: &str, secret: &str) -> Office {
    let base = format!("http://127.0.0.1:{port}");
    let serve = Serve::start_at(
        &format!("127.0.0.1:{port}"),
        &[
            ("SCHALTER_DATABASE_URL", db.url.as_str()),
            ("SCHALTER_CLOCK_START", CLOCK),
            ("SCHALTER_PUBLIC_URL", base.as_str()),
            ("SCHALTER_OIDC_ISSUER", issuer),
            ("SCHALTER_OIDC_CLIENT_ID", client_id),
            ("SCHALTER_OIDC_CLIENT_SECRET", secret),
            ("SCHALTER_OIDC_SCOPES", "groups"),
            ("SCHALTER_OIDC_GROUPS", GROUPS),
        ],
    )
    .await;
    Office { serve, base }
}

/// `GET /admin/login`: the provider's authorization URL and the sign-in cookie.
async fn begin(staff: &Staff) -> (String, String) {
    let r = staff
        .client
        .get(format!("{}/admin/login", staff.base))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "to the provider");
    let (cookie, attributes) = set_cookie(r.headers(), LOGIN_COOKIE).expect("sign-in cookie");
    for a in ["HttpOnly", "Secure", "SameSite=Lax", "Max-Age=600"] {
        assert!(attributes.contains(a), "{attributes}");
    }
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    (location, cookie)
}

/// The browser arriving at `/admin/callback` (the URL the provider sent it to).
async fn arrive(staff: &mut Staff, callback: &str, cookie: &str) -> (StatusCode, String) {
    let r = staff
        .client
        .get(callback)
        .header("cookie", format!("{LOGIN_COOKIE}={cookie}"))
        .header("accept-language", &staff.lang)
        .send()
        .await
        .expect("callback");
    staff.take_session(r).await
}

fn query(url: &str, key: &str) -> String {
    reqwest::Url::parse(url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn with_query(url: &str, key: &str, value: &str) -> String {
    let mut u = reqwest::Url::parse(url).unwrap();
    let pairs: Vec<(String, String)> = u
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == key {
                value.to_owned()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    u.query_pairs_mut().clear().extend_pairs(pairs);
    u.to_string()
}

#[tokio::test]
async fn staff_sign_in_at_the_city_provider_with_the_roles_of_their_groups() {
    let db = TestDb::sqlite().await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut provider =
        Provider::start(&format!("{base}/admin/callback"), &format!("{base}/admin/")).await;
    let office = office(
        &db,
        port,
        &provider.issuer,
        &provider.client_id,
        &provider.client_secret,
    )
    .await;

    // The flow: to the provider with PKCE, state and nonce; back with a code.
    let mut amira = Staff::new(&office.base, "en");
    let (authorize, cookie) = begin(&amira).await;
    assert!(authorize.starts_with(&provider.issuer), "{authorize}");
    assert_eq!(query(&authorize, "code_challenge_method"), "S256");
    assert_eq!(query(&authorize, "response_type"), "code");
    assert!(query(&authorize, "state").len() >= 22, "{authorize}");
    assert!(query(&authorize, "nonce").len() >= 22, "{authorize}");
    assert!(query(&authorize, "scope").contains("groups"), "{authorize}");
    // The sign-in under way is stored hashed, never as the cookie's secret.
    let pending: Vec<String> = sqlx::query_scalar("SELECT hash FROM staff_logins")
        .fetch_all(db.store.pool())
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_ne!(pending[0], cookie);
    let callback = oidc::sign_in(&authorize, "amira", oidc::PASSWORD).await;
    assert!(
        callback.starts_with(&format!("{base}/admin/callback?")),
        "{callback}"
    );

    // A callback with another state is refused and opens nothing (and the sign-in is used up).
    let mut eve = Staff::new(&office.base, "en");
    let forged = with_query(&callback, "state", "forged-state-forged-state");
    let (status, page) = arrive(&mut eve, &forged, &cookie).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
    assert!(eve.session.is_none());
    let (status, _) = arrive(&mut amira, &callback, &cookie).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "the sign-in was used up by the forgery"
    );
    assert!(amira.session.is_none());

    // Once more, honestly.
    let (authorize, cookie) = begin(&amira).await;
    let callback = oidc::sign_in(&authorize, "amira", oidc::PASSWORD).await;
    let (status, page) = arrive(&mut amira, &callback, &cookie).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Amira Haddad"), "{page}");
    let (status, me) = amira.call(Method::GET, "/admin/api/me", None).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["name"], "Amira Haddad");
    assert_eq!(me["roles"], json!(["translator:ar"]));
    let subject = format!("oidc:{}#amira", provider.issuer);
    assert_eq!(me["subject"], subject.as_str());

    // The same code once more: refused, whether with the used sign-in or a new one.
    let mut replay = Staff::new(&office.base, "en");
    let (status, _) = arrive(&mut replay, &callback, &cookie).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (fresh, fresh_cookie) = begin(&replay).await;
    let replayed = with_query(&callback, "state", &query(&fresh, "state"));
    let (status, page) = arrive(&mut replay, &replayed, &fresh_cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{page}");
    assert!(replay.session.is_none());

    // Her roles: Arabic yes, Turkish no.
    let (status, body) = amira
        .call(
            Method::PUT,
            "/admin/api/locales/ar/messages/menu-help",
            Some(json!({"value": "مساعدة"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = amira
        .call(
            Method::PUT,
            "/admin/api/locales/tr/messages/menu-help",
            Some(json!({"value": "Yardım masası"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    // Sign-out ends the session here and sends the browser to end the provider's.
    let r = amira.sign_out().await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with(&provider.issuer), "{to}");
    assert_eq!(query(&to, "client_id"), provider.client_id);
    assert_eq!(
        query(&to, "post_logout_redirect_uri"),
        format!("{base}/admin/")
    );
    let (value, _) = set_cookie(r.headers(), SESSION_COOKIE).expect("cookie cleared");
    assert!(value.is_empty());
    assert_eq!(
        amira.call(Method::GET, "/admin/api/me", None).await.0,
        StatusCode::UNAUTHORIZED
    );

    // The data-protection officer reads who did what.
    let mut dora = Staff::new(&office.base, "en");
    let (authorize, cookie) = begin(&dora).await;
    let callback = oidc::sign_in(&authorize, "dora", oidc::PASSWORD).await;
    assert_eq!(
        arrive(&mut dora, &callback, &cookie).await.0,
        StatusCode::OK
    );
    let (status, audit) = dora.call(Method::GET, "/admin/api/audit", None).await;
    assert_eq!(status, StatusCode::OK, "{audit}");
    assert!(
        audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "translation-changed"
                && e["actor"] == "Amira Haddad"
                && e["subject"] == subject.as_str()),
        "{audit:#}"
    );

    office.serve.kill().await;
    provider.stop().await;
    db.drop_db().await;
}

#[tokio::test]
async fn forged_id_tokens_are_refused_and_open_nothing() {
    let db = TestDb::sqlite().await;
    for defect in oidc::DEFECTS {
        let port = free_port();
        let mut rogue = Rogue::start("schalter-admin", defect).await;
        let office = office(&db, port, &rogue.issuer, &rogue.client_id, "rogue-secret").await;
        let mut mallory = Staff::new(&office.base, "en");
        let (authorize, cookie) = begin(&mallory).await;
        let callback = oidc::sign_in(&authorize, "mallory", "any").await;
        let (status, page) = arrive(&mut mallory, &callback, &cookie).await;
        if *defect == "none" {
            // The control: the rogue issuer works when nothing is broken.
            assert_eq!(status, StatusCode::OK, "{defect}: {page}");
            assert!(mallory.session.is_some());
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{defect}: {page}");
            assert!(mallory.session.is_none(), "{defect}");
            assert!(page.contains("The sign-in was refused"), "{defect}: {page}");
        }
        office.serve.kill().await;
        rogue.stop().await;
    }
    // Only the control opened a session.
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_sessions")
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 1);
    db.drop_db().await;
}
