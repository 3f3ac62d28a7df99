//! The staff service on both databases, on a clock the test moves: sessions end when idle
//! and at their end; a sign-in at the provider is taken once and only for ten minutes; API
//! tokens end and are revoked; a local account is locked after wrong passwords and opens
//! again after the lock; and the retention job deletes what ended (its dry run counting the
//! same).

use chrono::{Duration, TimeZone, Utc};
use schalter_core::Clock;
use schalter_core::staff::{LocalSignIn, PendingLogin, Person, Roles};
use schalter_tests::{TestDb, engine};

async fn sessions_tokens_and_accounts_end(db: TestDb) {
    let start = Utc.with_ymd_and_hms(2027, 2, 2, 8, 0, 0).unwrap();
    let (engine, clock) = engine(&db.store, start);
    let staff = engine.staff();
    let ana = Person::new("oidc:https://id.example#ana", "Ana");
    let roles = Roles::parse("translator:ar").unwrap();

    // Idle: used within 30 minutes it lives on; after 30 minutes unused it is gone.
    let (idle, session) = staff.open_session(&ana, &roles).await.unwrap();
    assert_eq!(session.roles, roles);
    assert_eq!(session.csrf.len(), 64);
    for _ in 0..3 {
        clock.advance(Duration::minutes(29));
        assert!(staff.session(&idle).await.unwrap().is_some());
    }
    clock.advance(Duration::minutes(31));
    assert!(staff.session(&idle).await.unwrap().is_none());
    // Absolute: at most 10 hours, however busy.
    let (busy, _) = staff.open_session(&ana, &roles).await.unwrap();
    for _ in 0..29 {
        clock.advance(Duration::minutes(20));
        assert!(staff.session(&busy).await.unwrap().is_some());
    }
    clock.advance(Duration::minutes(21));
    assert!(staff.session(&busy).await.unwrap().is_none());
    // Closed: at once; and a secret nobody was given opens nothing.
    let (closed, _) = staff.open_session(&ana, &roles).await.unwrap();
    assert!(staff.close_session(&closed, &ana).await.unwrap());
    assert!(staff.session(&closed).await.unwrap().is_none());
    assert!(staff.session(&"0".repeat(64)).await.unwrap().is_none());

    // A sign-in under way: taken once, and only within ten minutes.
    let login = PendingLogin {
        state: "s".into(),
        nonce: "n".into(),
        verifier: "v".into(),
    };
    let key = staff.begin_login(&login).await.unwrap();
    assert_eq!(staff.take_login(&key).await.unwrap(), Some(login.clone()));
    assert_eq!(staff.take_login(&key).await.unwrap(), None);
    let late = staff.begin_login(&login).await.unwrap();
    clock.advance(Duration::minutes(11));
    assert_eq!(staff.take_login(&late).await.unwrap(), None);

    // Tokens: valid until they end or are revoked.
    let (short, secret) = staff.create_token("ci", &roles, 1, &ana).await.unwrap();
    assert_eq!(staff.token(&secret).await.unwrap().unwrap().id, short.id);
    assert!(
        staff
            .token(&secret[..secret.len() - 1])
            .await
            .unwrap()
            .is_none()
    );
    clock.advance(Duration::days(1));
    assert!(staff.token(&secret).await.unwrap().is_none(), "expired");
    let (long, secret) = staff
        .create_token("export", &roles, 90, &ana)
        .await
        .unwrap();
    assert!(staff.token(&secret).await.unwrap().is_some());
    assert!(staff.revoke_token(&long.id, &ana).await.unwrap());
    assert!(!staff.revoke_token(&long.id, &ana).await.unwrap(), "once");
    assert!(staff.token(&secret).await.unwrap().is_none(), "revoked");

    // A local account: five wrong passwords lock it for 15 minutes, the right one included.
    staff
        .add_account("bea", &Roles::parse("operator").unwrap(), "a long password")
        .await
        .unwrap();
    for _ in 0..4 {
        assert!(matches!(
            staff.sign_in_local("bea", "wrong password").await.unwrap(),
            LocalSignIn::Refused
        ));
    }
    assert!(matches!(
        staff.sign_in_local("bea", "wrong password").await.unwrap(),
        LocalSignIn::Locked(_)
    ));
    assert!(matches!(
        staff.sign_in_local("bea", "a long password").await.unwrap(),
        LocalSignIn::Locked(_)
    ));
    clock.advance(Duration::minutes(16));
    let LocalSignIn::Welcome(bea, bea_roles) =
        staff.sign_in_local("bea", "a long password").await.unwrap()
    else {
        panic!("the lock is over");
    };
    assert_eq!(bea.subject, "local:bea");
    assert_eq!(bea_roles.to_string(), "operator");

    // The retention job: ended sessions, stale sign-ins, tokens 30 days after their end.
    let (_, _) = staff.open_session(&ana, &roles).await.unwrap();
    let _ = staff.begin_login(&login).await.unwrap();
    clock.advance(Duration::days(31));
    let (kept, _) = staff.create_token("kept", &roles, 90, &ana).await.unwrap();
    let now = clock.now();
    let counted = engine.rights().purge(now, true).await.unwrap();
    let done = engine.rights().purge(now, false).await.unwrap();
    assert_eq!(counted, done);
    assert!(done.staff_sessions >= 2, "{done:?}");
    assert_eq!(done.api_tokens, 2, "{done:?}");
    let left: Vec<String> = staff
        .tokens()
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(left, vec![kept.id]);
    db.drop_db().await;
}

#[tokio::test]
async fn on_sqlite() {
    sessions_tokens_and_accounts_end(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn on_postgres() {
    sessions_tokens_and_accounts_end(TestDb::postgres().await).await;
}
