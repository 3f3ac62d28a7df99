//! E-mail for a web citizen, against a real SMTP server on loopback (aiosmtpd from PyPI,
//! installed by the test script): an address given in the chat, confirmed by the link in
//! the first mail; then the booking's confirmation with its calendar file, the reminder, the
//! check-in prompt and, when the clerk calls, the way back into the chat arrive as real mails,
//! once each, in the citizen's language; a relay stopped for a minute delays them and loses
//! none; a hard bounce stops the address; the stop link and `/forget` remove it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, ORIGIN, SET_COOKIE};
use schalter_core::{I18n, Lang};
use schalter_tests::{Serve, TestDb, free_port, scratch_dir, workspace};
use serde_json::{Value, json};

use crate::plain::Plain;

/// aiosmtpd with the tests' handler (`tests/smtp/relay.py`), keeping mails in a Maildir.
struct Relay {
    port: u16,
    maildir: PathBuf,
    child: Option<tokio::process::Child>,
}

impl Relay {
    async fn start() -> Self {
        let mut relay = Self {
            port: free_port(),
            maildir: scratch_dir("smtp"),
            child: None,
        };
        relay.resume().await;
        relay
    }

    async fn resume(&mut self) {
        let venv = schalter_tests::synapse::venv();
        let python = venv.join("bin/python");
        assert!(
            python.exists(),
            "aiosmtpd is required and not installed at {}: run the README's test command \
             (bash tests/run.sh), which installs it from PyPI",
            venv.display()
        );
        let child = tokio::process::Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "relay.Relay"])
            .arg(&self.maildir)
            .env("PYTHONPATH", workspace().join("tests/smtp"))
            .kill_on_drop(true)
            .spawn()
            .expect("start aiosmtpd");
        self.child = Some(child);
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("aiosmtpd did not come up");
    }

    async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().await.expect("stop aiosmtpd");
        }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far, oldest first.
    fn mails(&self) -> Vec<Mail> {
        let dir = self.maildir.join("new");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files.iter().map(|p| Mail::read(p)).collect()
    }

    /// Waits until `n` mails arrived (at most `secs`), then returns them all.
    async fn wait_for(&self, n: usize, secs: u64) -> Vec<Mail> {
        for _ in 0..secs * 4 {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        panic!(
            "{n} mails expected within {secs} s, got: {:#?}",
            self.mails()
                .iter()
                .map(|m| m.subject.clone())
                .collect::<Vec<_>>()
        );
    }
}

/// One mail as a mail client reads it.
#[derive(Debug, Clone)]
struct Mail {
    to: String,
    subject: String,
    language: String,
    text: String,
    html: String,
    unsubscribe: String,
    one_click: String,
    message_id: String,
    calendar: Option<String>,
}

impl Mail {
    fn read(path: &Path) -> Self {
        let raw = std::fs::read(path).expect("read a mail");
        let m = MessageParser::default().parse(&raw).expect("a mail parses");
        let header = |name: &str| {
            m.header_raw(name)
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        let calendar = m.attachments().find_map(|a| {
            a.content_type()
                .filter(|ct| ct.ctype() == "text" && ct.subtype() == Some("calendar"))
                .map(|_| String::from_utf8_lossy(a.contents()).into_owned())
        });
        Self {
            to: m
                .to()
                .and_then(|to| to.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_owned(),
            subject: m.subject().unwrap_or_default().to_owned(),
            language: header("Content-Language"),
            text: m.body_text(0).unwrap_or_default().into_owned(),
            html: m.body_html(0).unwrap_or_default().into_owned(),
            unsubscribe: header("List-Unsubscribe"),
            one_click: header("List-Unsubscribe-Post"),
            message_id: m.message_id().unwrap_or_default().to_owned(),
            calendar,
        }
    }

    /// The first link in the plain text whose path is `path`.
    fn link(&self, path: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.contains(path) && w.starts_with("http"))
            .unwrap_or_else(|| panic!("no {path} link in {}", self.text))
            .to_owned()
    }
}

fn serve_env<'a>(
    db: &'a TestDb,
    relay: &'a str,
    public: &'a str,
    clock: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_SMTP_URL", relay),
        (
            "SCHALTER_MAIL_FROM",
            "Bürgeramt Heidelberg <termine@example.org>",
        ),
        ("SCHALTER_PUBLIC_URL", public),
        ("SCHALTER_CLOCK_START", clock),
    ]
}

async fn give_address(citizen: &Plain, address: &str) -> (StatusCode, Value) {
    let r = citizen
        .client
        .post(format!("{}/chat/api/mail", citizen.http))
        .header(COOKIE, &citizen.cookie)
        .header(ORIGIN, &citizen.http)
        .header(CONTENT_TYPE, "application/json")
        .json(&json!({ "address": address }))
        .send()
        .await
        .unwrap();
    (r.status(), r.json().await.unwrap_or(Value::Null))
}

async fn book(citizen: &Plain) {
    citizen.press("menu:book").await;
    citizen.press("svc:fuehrungszeugnis").await;
    citizen.press("go:dates").await;
    citizen.press("day:").await;
    citizen.press("time:").await;
    citizen.press("confirm").await;
}

async fn mail_state(db: &TestDb, address: &str) -> Option<String> {
    sqlx::query_scalar("SELECT state FROM web_mail WHERE address = $1")
        .bind(address)
        .fetch_optional(db.store.pool())
        .await
        .unwrap()
}

/// A form post of a link's secret, as the link's page does (or a mail provider's one click).
async fn post_key(http: &str, path_and_query: &str, origin: Option<&str>) -> reqwest::Response {
    let (path, query) = path_and_query.split_once('?').unwrap();
    let key = query
        .split('&')
        .find_map(|p| p.strip_prefix("k="))
        .unwrap()
        .to_owned();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut r = client
        .post(format!("{http}{path}"))
        .form(&[("k", key.as_str())]);
    if let Some(o) = origin {
        r = r.header(ORIGIN, o);
    }
    r.send().await.unwrap()
}

fn local_path(link: &str) -> &str {
    let rest = link.split_once("://").unwrap().1;
    &rest[rest.find('/').unwrap()..]
}

#[tokio::test]
async fn a_web_citizen_who_gave_an_address_gets_each_mail_once_even_when_the_relay_is_down() {
    let i18n = I18n::builtin();
    let db = TestDb::sqlite().await;
    let mut relay = Relay::start().await;
    let relay_url = relay.url();
    let bind = format!("127.0.0.1:{}", free_port());
    let public = format!("http://{bind}");
    // A Tuesday morning: the first free slot is today.
    let morning = "2027-02-02T08:00:00+01:00";
    let serve = Serve::start_at(&bind, &serve_env(&db, &relay_url, &public, morning)).await;

    // A Polish citizen books, then gives an address; nothing is sent but the confirmation.
    let citizen = Plain::start(&serve.http, "pl").await;
    let (status, said) = give_address(&citizen, "anna@example.org").await;
    assert_eq!(status, StatusCode::CONFLICT, "no booking yet: {said}");
    book(&citizen).await;
    let (status, said) = give_address(&citizen, "not an address").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{said}");
    assert!(said["error"].as_str().unwrap().contains("name@"), "{said}");
    let (status, said) = give_address(&citizen, &format!("{}@example.org", "a".repeat(300))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{said}");
    let (status, said) = give_address(&citizen, " Anna@Example.org ").await;
    assert_eq!(status, StatusCode::OK, "{said}");
    assert!(
        said["text"].as_str().unwrap().contains("a•••@example.org"),
        "{said}"
    );
    let confirm = relay.wait_for(1, 20).await.remove(0);
    assert_eq!(confirm.to, "anna@example.org");
    assert_eq!(confirm.language, "pl");
    assert_eq!(confirm.subject, i18n.text(Lang::Pl, "mail-confirm-subject"));
    assert!(
        !confirm.html.is_empty() && !confirm.text.is_empty(),
        "plain and HTML"
    );
    assert_eq!(confirm.one_click, "List-Unsubscribe=One-Click");
    assert!(
        confirm.unsubscribe.contains("/chat/mail/stop?k="),
        "{confirm:?}"
    );
    assert_eq!(
        mail_state(&db, "anna@example.org").await.as_deref(),
        Some("pending")
    );

    // The link's page only asks; the button confirms.
    let link = confirm.link("/chat/mail/confirm");
    let page = reqwest::get(&link).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("method=\"post\""));
    assert_eq!(
        mail_state(&db, "anna@example.org").await.as_deref(),
        Some("pending")
    );
    let done = post_key(&serve.http, local_path(&link), Some(&serve.http)).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(
        mail_state(&db, "anna@example.org").await.as_deref(),
        Some("confirmed")
    );
    // Pressed again (a second tab, a double click): the same answer, nothing sent twice.
    let again = post_key(&serve.http, local_path(&link), Some(&serve.http)).await;
    assert_eq!(again.status(), StatusCode::OK);

    // The booking's confirmation with its calendar file.
    let mails = relay.wait_for(2, 20).await;
    let booked = &mails[1];
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM bookings WHERE conversation_id LIKE 'web:%'")
            .fetch_one(db.store.pool())
            .await
            .unwrap();
    let service = i18n.text(Lang::Pl, "service-fuehrungszeugnis");
    assert!(booked.subject.contains(&service), "{}", booked.subject);
    assert_ne!(booked.subject, confirm.subject);
    assert!(booked.text.contains(&reference), "{}", booked.text);
    let ics = booked
        .calendar
        .as_deref()
        .expect("the calendar file is attached");
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains(&reference),
        "{ics}"
    );

    // The appointment moved to a later time of the same morning: its confirmation again, with
    // the new file.
    citizen.say("/appointments").await;
    citizen.press(&format!("appt:{reference}")).await;
    citizen.press("reschedule").await;
    citizen.press("day:2027-02-02").await;
    let times = citizen.page().await;
    let later = times
        .rsplit("<li class=\"sc-msg sc-office")
        .find(|m| m.contains("value=\"time:"))
        .and_then(|m| m.split("value=\"time:").nth(2))
        .and_then(|s| s.split('"').next())
        .expect("a second time on offer")
        .to_owned();
    citizen.press(&format!("time:{later}")).await;
    citizen.press("confirm").await;
    let moved = relay.wait_for(3, 20).await.remove(2);
    let starts_at: i64 = later.parse().unwrap();
    let new_time = DateTime::<Utc>::from_timestamp(starts_at, 0)
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%H:%M")
        .to_string();
    assert!(
        moved.text.contains(&new_time),
        "{new_time} in {}",
        moved.text
    );
    assert!(
        moved
            .calendar
            .as_deref()
            .is_some_and(|c| c.contains(&reference))
    );

    // (Recorded as sent before the kill below: a mail the relay took in the very moment the
    // process dies goes again after the restart, under the same Message-ID.)
    for _ in 0..40 {
        let pending: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE channel = 'mail' \
             AND delivered_version < version",
        )
        .fetch_one(db.store.pool())
        .await
        .unwrap();
        if pending == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The citizen closed the page. The relay goes down; the office's clock reaches the
    // appointment: the reminder and the check-in prompt wait, one minute, then arrive.
    drop(citizen);
    serve.kill().await;
    relay.stop().await;
    let starts_at = DateTime::<Utc>::from_timestamp(starts_at, 0).unwrap();
    let booked_at: i64 = sqlx::query_scalar("SELECT starts_at FROM bookings WHERE reference = $1")
        .bind(&reference)
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_eq!(booked_at, starts_at.timestamp(), "moved");
    let before = (starts_at - chrono::Duration::minutes(9)).to_rfc3339();
    let serve = Serve::start_at(&bind, &serve_env(&db, &relay_url, &public, &before)).await;
    tokio::time::sleep(Duration::from_secs(60)).await;
    let (waiting, tried): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(MAX(attempts), 0) FROM notifications WHERE channel = 'mail' \
         AND delivered_version < version AND dead_at IS NULL",
    )
    .fetch_one(db.store.pool())
    .await
    .unwrap();
    let kinds: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT kind, slot, delivered_version, version FROM notifications WHERE channel = 'mail'",
    )
    .fetch_all(db.store.pool())
    .await
    .unwrap();
    assert_eq!(
        waiting, 2,
        "the reminder and the check-in wait for the relay: {kinds:?}"
    );
    assert!(tried >= 4, "tried again and again: {tried}");
    assert_eq!(relay.mails().len(), 3);
    relay.resume().await;
    let mails = relay.wait_for(5, 180).await;
    let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
    assert!(
        mails[3..].iter().any(|m| m
            .subject
            .starts_with(&i18n.text(Lang::Pl, "mail-checkin-subject"))),
        "{subjects:?}"
    );
    let checkin = mails
        .iter()
        .find(|m| m.subject == i18n.text(Lang::Pl, "mail-checkin-subject"))
        .unwrap()
        .clone();

    // The way back into the chat from another browser: the link's button opens it.
    let back = checkin.link("/chat/back");
    let opened = post_key(&serve.http, local_path(&back), Some(&serve.http)).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    assert!(
        opened.headers()[LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/chat/")
    );
    let cookie = opened.headers()[SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let citizen = Plain::with_cookie(&serve.http, cookie.split(';').next().unwrap());
    assert!(
        citizen.page().await.contains(&reference),
        "the conversation is back"
    );
    citizen.press("checkin:").await;

    // A clerk calls: the mail says so and leads back into the chat, never to the video.
    let now = starts_at - chrono::Duration::minutes(8);
    let (engine, _clock) = schalter_tests::engine(&db.store, now);
    let video = "https://meet.example.org/schalter-secret-room";
    engine
        .desk()
        .pick_next("@clerk:example.org", None, Some(video))
        .await
        .unwrap();
    let mails = relay.wait_for(6, 30).await;
    let called = mails
        .iter()
        .find(|m| m.subject == i18n.text(Lang::Pl, "mail-called-subject"))
        .expect("the call's mail");
    assert!(called.text.contains("/chat/back?k="), "{}", called.text);
    assert!(!called.text.contains(video) && !called.html.contains(video));

    // Each once: no mail twice, in Polish, to Anna.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mails = relay.mails();
    assert_eq!(
        mails.len(),
        6,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let mut ids: Vec<&str> = mails.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 6);
    assert!(
        mails
            .iter()
            .all(|m| m.to == "anna@example.org" && m.language == "pl")
    );

    // `/forget` removes the address, its mails and its links.
    let (status, _) = citizen
        .input(&json!({"client_id": "f1", "text": "/forget"}).to_string())
        .await;
    assert!(status.is_success(), "{status}");
    for _ in 0..40 {
        if citizen.page().await.contains("value=\"forget:yes\"") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    citizen.press("forget:yes").await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM web_mail")
        .fetch_one(db.store.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
    let opened = post_key(&serve.http, local_path(&back), Some(&serve.http)).await;
    assert_eq!(
        opened.status(),
        StatusCode::NOT_FOUND,
        "the way back is gone"
    );
    drop(serve);
    relay.stop().await;
    db.drop_db().await;
}

#[tokio::test]
async fn a_bounced_address_stops_and_the_stop_link_takes_one_click() {
    let i18n = I18n::builtin();
    let db = TestDb::sqlite().await;
    let relay = Relay::start().await;
    let relay_url = relay.url();
    let bind = format!("127.0.0.1:{}", free_port());
    let public = format!("http://{bind}");
    let serve = Serve::start_at(
        &bind,
        &serve_env(&db, &relay_url, &public, "2027-02-02T08:00:00+01:00"),
    )
    .await;

    // An address the relay refuses for good: marked, nothing more sent, said so.
    let citizen = Plain::start(&serve.http, "de").await;
    book(&citizen).await;
    let (status, _) = give_address(&citizen, "nobody@bounce.invalid").await;
    assert_eq!(status, StatusCode::OK);
    for _ in 0..80 {
        if mail_state(&db, "nobody@bounce.invalid").await.as_deref() == Some("bounced") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(
        mail_state(&db, "nobody@bounce.invalid").await.as_deref(),
        Some("bounced")
    );
    let (status, said) = give_address(&citizen, "nobody@bounce.invalid").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(said["error"], i18n.text(Lang::De, "web-mail-bounced"));
    assert!(relay.mails().is_empty());

    // Another address; the stop link as a mail provider posts it (RFC 8058: no origin).
    let (status, _) = give_address(&citizen, "bert@example.org").await;
    assert_eq!(status, StatusCode::OK);
    let confirm = relay.wait_for(1, 20).await.remove(0);
    assert_eq!(confirm.language, "de");
    let stop = confirm.unsubscribe.trim_matches(['<', '>']).to_owned();
    let client = reqwest::Client::new();
    let r = client
        .post(&stop)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(mail_state(&db, "bert@example.org").await, None, "deleted");
    // Its confirmation link is dead with it.
    let dead = post_key(
        &serve.http,
        local_path(&confirm.link("/chat/mail/confirm")),
        Some(&serve.http),
    )
    .await;
    assert_eq!(dead.status(), StatusCode::NOT_FOUND);
    // A forged or malformed secret is a clear page, not an error.
    for path in [
        "/chat/mail/confirm?k=0123456789abcdefghjkmnpqrs",
        "/chat/back?k=x",
        "/chat/mail/stop",
    ] {
        let r = reqwest::get(format!("{}{path}", serve.http)).await.unwrap();
        let status = r.status();
        let body = r.text().await.unwrap();
        assert!(
            status == StatusCode::OK || status == StatusCode::NOT_FOUND,
            "{path}: {status}"
        );
        assert!(body.contains("<h1"), "{path}: {body}");
    }
    drop(serve);
    db.drop_db().await;
}
