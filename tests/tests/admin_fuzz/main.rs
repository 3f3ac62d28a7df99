//! Property tests of the admin API against the real `schalter serve` on SQLite: arbitrary
//! requests (every endpoint and method, odd path segments and percent-encoding, odd queries,
//! with and without the token, any content type, JSON of any shape, bodies up to and past the
//! limit), arbitrary Fluent for real messages, and arbitrary catalogues. One `serve` per test,
//! many cases against it.
//!
//! Invariants, for every request: an answer (a dropped connection is a panic in a handler),
//! never a 5xx; under `/admin/api` a JSON body, with a non-empty `error` on a 4xx, and no 2xx
//! without the token; `/healthz` answers after each case. A refused change leaves what GET
//! shows as it was; an accepted one shows in GET. At the end a citizen in `schalter chat` on
//! the same database gets the text and the catalogue in force.
//!
//! `cargo test --release -p schalter-tests --test admin_fuzz -- --ignored fuzz` runs the same
//! properties until `FUZZ_REQUESTS` requests (default 100,000) went out.

// What is sent and how it is generated.
mod catalog_ops;
mod generators;
mod requests;

// The office under test and the rules its answers keep.
mod checks;
mod office;

// The properties the tests below run.
mod properties;

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::catalog_ops::{CatalogOp, apply};
use crate::office::{MAX_BODY, Office};
use crate::properties::{arbitrary_catalogues, arbitrary_fluent, arbitrary_requests};
use crate::requests::{Body, Req, Token};

// ---------------------------------------------------------------------------------------------
// The properties

/// Case counts of the regular run; the whole file stays under a minute in a debug build.
const REQUESTS: u32 = 1500;
const FLUENT: u32 = 500;
const CATALOGUES: u32 = 500;

#[test]
fn arbitrary_requests_get_an_answer_with_a_reason() {
    let office = Office::start();
    arbitrary_requests(&office, REQUESTS);
    office.print_stats();
    office.finish();
}

#[test]
fn arbitrary_fluent_is_refused_with_a_reason_or_in_force() {
    let office = Office::start();
    arbitrary_fluent(&office, FLUENT);
    office.print_stats();
    office.finish();
}

#[test]
fn arbitrary_catalogues_are_refused_with_a_reason_or_in_force() {
    let office = Office::start();
    arbitrary_catalogues(&office, CATALOGUES);
    office.print_stats();
    office.finish();
}

/// The long run: every property in turn on one office until `FUZZ_REQUESTS` requests went
/// out (default 100,000).
#[test]
#[ignore = "long: cargo test --release -p schalter-tests --test admin_fuzz -- --ignored fuzz"]
fn fuzz_admin_api() {
    let target: u64 = std::env::var("FUZZ_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let started = Instant::now();
    let office = Office::start();
    while office.figures().1 < target {
        arbitrary_requests(&office, 3000);
        arbitrary_fluent(&office, 1000);
        arbitrary_catalogues(&office, 1000);
        let (cases, requests) = office.figures();
        println!(
            "fuzz_admin_api: {cases} cases, {requests} requests, {:.0?}",
            started.elapsed()
        );
    }
    let (cases, requests) = office.figures();
    office.print_stats();
    office.finish();
    println!(
        "fuzz_admin_api: {cases} cases, {requests} requests, {:.1?}, 0 violations",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions: the shrunk cases of defects the properties found, each fixed

fn bare(method: Method, path: &str) -> Req {
    Req {
        method,
        path: path.into(),
        token: Token::Valid,
        content_type: None,
        body: Body::None,
    }
}

/// axum answered these itself, as plain text or an empty body (shrunk: `PUT
/// /admin/api/locales`, `GET /admin/api/`, a path segment of invalid UTF-8).
#[test]
fn regression_refusals_by_axum_itself_are_json_with_a_reason() {
    let office = Office::start();
    let (status, reason) = office.expect(bare(Method::PUT, "/admin/api/locales"));
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(reason.contains("PUT"), "{reason}");
    let (status, _) = office.expect(bare(Method::GET, "/admin/api/"));
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, reason) = office.expect(bare(Method::GET, "/admin/api/locales/%FF/messages"));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("UTF-8"), "{reason}");
    let (status, reason) = office.expect(bare(Method::GET, "/admin/api/payments?day=a&day=b"));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("day"), "{reason}");
    office.stop();
}

/// A body past the limit got axum's plain-text 413 (shrunk: `PUT /admin/api/catalog` with
/// 128 KiB); a wrong content type its plain-text 415.
#[test]
fn regression_bodies_past_the_limit_or_of_the_wrong_type_are_refused_as_json() {
    let office = Office::start();
    for len in [MAX_BODY + 1, 2 * MAX_BODY] {
        let mut req = bare(Method::PUT, "/admin/api/catalog");
        req.content_type = Some("application/json".into());
        req.body = Body::Sized { len, json: true };
        let (status, reason) = office.expect(req);
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(reason.contains("limit"), "{reason}");
    }
    let mut req = Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/menu-help",
        json!({"value": "Yardım"}),
    );
    req.content_type = Some("text/plain".into());
    let (status, reason) = office.expect(req);
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(reason.contains("application/json"), "{reason}");
    office.stop();
}

/// Confirm and rollback take only optional fields: without a body they were refused with
/// axum's plain-text 415. Now no body counts as `{}`; a body that is there must be JSON.
#[test]
fn regression_confirm_and_rollback_without_a_body() {
    let office = Office::start();
    let message = "/admin/api/locales/tr/messages/menu-help";
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        message,
        json!({"value": "Yardım masası"}),
    ));
    assert_eq!(status, StatusCode::OK, "{reason}");
    let (status, reason) = office.expect(bare(Method::POST, &format!("{message}/confirm")));
    assert_eq!(status, StatusCode::OK, "{reason}");
    let (status, reason) = office.expect(bare(Method::POST, &format!("{message}/rollback")));
    assert_eq!(status, StatusCode::OK, "{reason}");
    let shown = office.rt.block_on(office.ok(Method::GET, message, None));
    assert_eq!(shown["value"], "Yardım", "back to the file's text");
    let mut garbage = bare(Method::POST, &format!("{message}/confirm"));
    garbage.body = Body::Raw(b"author=ayse".to_vec());
    let (status, reason) = office.expect(garbage.clone());
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(reason.contains("application/json"), "{reason}");
    garbage.content_type = Some("application/json".into());
    let (status, reason) = office.expect(garbage);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("JSON"), "{reason}");
    office.stop();
}

/// Fluent that parses but does not format was accepted, and the citizen read `{NUMBER()}`
/// (shrunk: `{ NUMBER($max) }`: the bundles have no functions); so were unknown terms,
/// messages and attributes, and more placeables than Fluent formats.
#[test]
fn regression_a_text_that_does_not_render_is_refused() {
    let office = Office::start();
    let path = "/admin/api/locales/tr/messages/input-too-long";
    for value in [
        "{ NUMBER($max) }",
        "En fazla { DATETIME($max) }",
        "{ -brand } { $max }",
        "{ no-such-message }",
        "{ menu-help.title }",
        &"{ \"a\" }".repeat(101),
    ] {
        let (status, reason) = office.expect(Req::json(Method::PUT, path, json!({"value": value})));
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{value}");
        assert!(reason.contains("does not render"), "{value}: {reason}");
        let (status, _) = office.expect(Req::json(
            Method::POST,
            "/admin/api/locales/tr/preview",
            json!({"id": "input-too-long", "value": value}),
        ));
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "preview of {value}"
        );
    }
    // What does render stays allowed: a variable, another message, a selector.
    for value in [
        "En fazla { $max } karakter; { menu-help }",
        "{ $max ->\n    [one] bir karakter\n   *[other] { $max } karakter\n}",
    ] {
        let (status, reason) = office.expect(Req::json(Method::PUT, path, json!({"value": value})));
        assert_eq!(status, StatusCode::OK, "{value}: {reason}");
    }
    office.stop();
}

/// Placeables nested some hundred deep overflowed the stack and aborted the whole `serve`
/// (shrunk: 700 × `{ ` … `1` … ` }` for a Turkish message).
#[test]
fn regression_deeply_nested_placeables_do_not_crash_the_office() {
    let office = Office::start();
    let deep = format!("{}1{}", "{ ".repeat(700), " }".repeat(700));
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/input-not-understood",
        json!({"value": deep}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reason.contains("nested"), "{reason}");
    let (status, _) = office.expect(Req::json(
        Method::POST,
        "/admin/api/locales/tr/preview",
        json!({"id": "input-not-understood", "value": deep}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Three deep is what real messages do.
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/input-not-understood",
        json!({"value": "{ { { \"Anlamadım\" } } }"}),
    ));
    assert_eq!(status, StatusCode::OK, "{reason}");
    office.stop();
}

/// A closure from year -262143 to 2027 was expanded day by day: ~96 million days, and the
/// request never came back (shrunk: one `Closure("-262143-01-01", Some("2027-05-12"))`).
#[test]
fn regression_a_closure_over_millennia_is_refused_at_once() {
    let office = Office::start();
    let toml = apply(
        &office.catalog,
        &[CatalogOp::Closure(
            "-262143-01-01".into(),
            Some("2027-05-12".into()),
        )],
    );
    let started = Instant::now();
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/catalog",
        json!({"toml": toml}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reason.contains("366 days"), "{reason}");
    assert!(started.elapsed() < Duration::from_secs(10));
    // A year's closure is fine.
    let toml = apply(
        &office.catalog,
        &[CatalogOp::Closure(
            "2027-06-01".into(),
            Some("2028-05-31".into()),
        )],
    );
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/catalog",
        json!({"toml": toml}),
    ));
    assert_eq!(status, StatusCode::OK, "{reason}");
    office.stop();
}

/// A rollback of a message that does not exist answered 200 and wrote a history entry and
/// an audit line for it.
#[test]
fn regression_a_rollback_of_an_unknown_message_is_refused() {
    let office = Office::start();
    let path = "/admin/api/locales/tr/messages/no-such-message";
    let (status, reason) = office.expect(bare(Method::POST, &format!("{path}/rollback")));
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(reason.contains("no-such-message"), "{reason}");
    let history = office
        .rt
        .block_on(office.ok(Method::GET, &format!("{path}/history"), None));
    assert_eq!(history, json!([]));
    let audit = office
        .rt
        .block_on(office.ok(Method::GET, "/admin/api/audit", None));
    // Only the staff's sign-ins at the start: nothing about the message.
    let entries = audit["entries"].as_array().unwrap();
    assert!(
        entries.iter().all(|e| e["action"] == "signed-in"),
        "{audit:#}"
    );
    office.stop();
}

/// Serde reads a JSON array as the fields in order: `["-"]` set the German text of
/// `admin-catalogue` to "-" (shrunk from the long run). Every endpoint that takes JSON wants an
/// object.
#[test]
fn regression_a_body_that_is_not_an_object_is_refused() {
    let office = Office::start();
    for (method, path, body) in [
        (
            Method::PUT,
            "/admin/api/locales/de/messages/admin-catalogue",
            json!(["-"]),
        ),
        (
            Method::PUT,
            "/admin/api/locales/it/messages/input-not-understood",
            json!(["Non ho capito", "fuzz"]),
        ),
        (
            Method::POST,
            "/admin/api/locales/tr/preview",
            json!(["menu-help", "Yardım"]),
        ),
        (Method::PUT, "/admin/api/catalog", json!(["[office]"])),
        (
            Method::POST,
            "/admin/api/locales/tr/messages/menu-help/confirm",
            json!(["ayse"]),
        ),
        (
            Method::POST,
            "/admin/api/locales/tr/messages/menu-help/rollback",
            json!("x"),
        ),
    ] {
        let (status, reason) = office.expect(Req::json(method, path, body));
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(reason.contains("object"), "{path}: {reason}");
    }
    // Fields of the wrong type are named.
    let (status, reason) = office.expect(Req::json(
        Method::PUT,
        "/admin/api/locales/tr/messages/menu-help",
        json!({"value": 3}),
    ));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reason.contains("expected a string"), "{reason}");
    office.stop();
}
