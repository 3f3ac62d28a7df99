//! The calendar file that comes with a booking, read back by an independent parser: Python's
//! `icalendar`, installed by tests/run.sh into the virtualenv at `$SCHALTER_TEST_SYNAPSE`.
//! One Persian citizen books across the spring change to summer time, moves the appointment
//! and cancels it, on SQLite and on PostgreSQL; `schalter chat` writes the file and prints
//! its path.

use schalter_tests::conv;
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use schalter_core::calendar::CALENDAR_FILE;
use schalter_core::queue::{Attachment, Message};
use schalter_core::{Clock, Engine, Input, Lang, Reply, fargs};
use schalter_tests::terminal::Chat;
use schalter_tests::{TestDb, engine, scratch_dir};
use serde_json::Value;

const CITIZEN: &str = "terminal:farah";

/// Thursday 25 March 2027, 10:00 in Heidelberg, still winter time: the clocks go forward on
/// Sunday the 28th, before the appointments booked here.
fn before_the_change() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-03-25T09:00:00Z")
        .unwrap()
        .to_utc()
}

/// Reads a calendar file with Python's icalendar and prints what a calendar would take from
/// it, as JSON. Times come out in UTC twice: through the TZID (the time-zone database) and
/// through the file's own VTIMEZONE.
const READER: &str = r#"
import json, sys
from datetime import timezone
import icalendar
from icalendar.timezone import tzp

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
event = cal.walk("VEVENT")[0]
zone = cal.walk("VTIMEZONE")[0]
own = zone.to_tz(lookup_tzid=False)

def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def times(name):
    dt = event.decoded(name)
    return {
        "by_tzid": utc(dt),
        "by_vtimezone": utc(tzp.localize(dt.replace(tzinfo=None), own)),
        "tzid": event[name].params.get("TZID"),
    }

print(json.dumps({
    "method": str(cal["METHOD"]),
    "uid": str(event["UID"]),
    "sequence": int(event["SEQUENCE"]),
    "status": str(event["STATUS"]),
    "stamp": utc(event.decoded("DTSTAMP")),
    "start": times("DTSTART"),
    "end": times("DTEND"),
    "summary": str(event["SUMMARY"]),
    "summary_language": event["SUMMARY"].params.get("LANGUAGE"),
    "description": str(event["DESCRIPTION"]),
    "alarms": [
        {"action": str(a["ACTION"]), "trigger": a.decoded("TRIGGER").total_seconds()}
        for a in event.walk("VALARM")
    ],
    "zone": str(zone["TZID"]),
    "changes": [utc(t.replace(tzinfo=timezone.utc)) for t in zone.get_transitions()[0]],
}, ensure_ascii=False))
"#;

/// What Python's icalendar reads in `ics`.
async fn parse(ics: &str) -> Value {
    let venv = std::env::var_os("SCHALTER_TEST_SYNAPSE").unwrap_or_else(|| {
        panic!(
            "SCHALTER_TEST_SYNAPSE is not set: run tests/run.sh, which makes the virtualenv \
             with the Python package icalendar that reads the calendar files"
        )
    });
    let python = PathBuf::from(venv).join("bin").join("python");
    let dir = scratch_dir("schalter_calendar");
    let path = dir.join("termin.ics");
    std::fs::write(&path, ics).expect("write the calendar file");
    let out = tokio::process::Command::new(&python)
        .arg("-c")
        .arg(READER)
        .arg(&path)
        .output()
        .await
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "icalendar could not read the file:\n{}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}

async fn press(engine: &Engine, reply: &Reply, id: &str) -> Reply {
    assert!(
        reply.options.iter().any(|o| o.id == id),
        "no option {id} in {reply:#?}"
    );
    engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Choice(id.into()))
        .await
        .expect("engine answers")
}

async fn press_first(engine: &Engine, reply: &Reply, prefix: &str) -> Reply {
    let id = schalter_tests::option_id(reply, prefix);
    press(engine, reply, &id).await
}

/// The calendar messages queued for the citizen so far, oldest first.
async fn calendar_messages(db: &TestDb) -> Vec<Message> {
    schalter_tests::queued(&db.store, CITIZEN, CALENDAR_FILE).await
}

/// The file of the newest calendar message, after checking the message and the file's form:
/// CRLF line ends only, no line longer than 75 octets.
async fn newest_file(db: &TestDb, count: usize, reference: &str, method: &str) -> Attachment {
    let messages = calendar_messages(db).await;
    assert_eq!(messages.len(), count, "{messages:#?}");
    let message = messages.last().unwrap();
    assert!(message.text.contains(reference), "{}", message.text);
    let file = message.attachment.clone().expect("a calendar file");
    assert_eq!(file.file_name, format!("termin-{reference}.ics"));
    assert_eq!(file.mime, format!("text/calendar; method={method}"));
    assert!(file.content.ends_with("\r\n"));
    for line in file.content[..file.content.len() - 2].split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    file
}

fn sequence(parsed: &Value) -> i64 {
    parsed["sequence"].as_i64().unwrap()
}

async fn story(db: TestDb) {
    let (engine, clock) = engine(&db.store, before_the_change());
    let i18n = engine.office().i18n();
    let fa = Lang::from_tag("fa").unwrap();

    // A booking for Tuesday 30 March, 08:00 in Heidelberg: summer time by then.
    let menu = engine
        .dialogue()
        .open(&conv(CITIZEN), Some("fa"))
        .await
        .unwrap();
    let services = press(&engine, &menu, "menu:book").await;
    let checklist = press(&engine, &services, "svc:anmeldung").await;
    let days = press(&engine, &checklist, "go:dates").await;
    let times = press(&engine, &days, "day:2027-03-30").await;
    let held = press_first(&engine, &times, "time:").await;
    let booked = press(&engine, &held, "confirm").await;
    let booking = db
        .store
        .bookings()
        .upcoming_bookings(&conv(CITIZEN), clock.now())
        .await
        .unwrap()
        .pop()
        .expect("booked");
    assert_eq!(booking.starts_at.to_rfc3339(), "2027-03-30T06:00:00+00:00");
    assert!(booked.text.contains(&booking.reference), "{}", booked.text);

    // The confirmation comes with the file: a request, in Persian.
    let file = newest_file(&db, 1, &booking.reference, "REQUEST").await;
    let first = parse(&file.content).await;
    assert_eq!(first["method"], "REQUEST");
    assert_eq!(first["status"], "CONFIRMED");
    // The booking's random id, nothing about the citizen.
    let uid = format!("{}@schalter.invalid", booking.id);
    assert_eq!(first["uid"], uid.as_str());
    assert_eq!(first["zone"], "Europe/Berlin");
    assert_eq!(first["start"]["tzid"], "Europe/Berlin");
    for how in ["by_tzid", "by_vtimezone"] {
        assert_eq!(first["start"][how], "2027-03-30T06:00:00Z", "{first:#}");
        assert_eq!(
            first["end"][how],
            booking.ends_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "{first:#}"
        );
    }
    assert!(
        first["changes"]
            .as_array()
            .unwrap()
            .contains(&"2027-03-28T01:00:00Z".into()),
        "{first:#}"
    );
    assert_eq!(first["stamp"], "2027-03-25T09:00:00Z");
    let summary = i18n.msg(
        fa,
        "calendar-summary",
        &fargs!["service" => i18n.text(fa, "service-anmeldung")],
    );
    assert_eq!(
        first["summary"]
            .as_str()
            .unwrap()
            .trim_start_matches('\u{200F}'),
        summary
    );
    assert!(summary.contains("نوبت تماس تصویری"), "{summary}");
    assert_eq!(first["summary_language"], "fa");
    let description = first["description"].as_str().unwrap();
    assert!(description.contains(&booking.reference), "{description}");
    assert!(
        description.contains(&i18n.text(fa, "option-check-in")),
        "{description}"
    );
    assert!(description.lines().count() >= 3, "{description}");
    assert_eq!(
        first["alarms"],
        serde_json::json!([{"action": "DISPLAY", "trigger": -900.0}])
    );

    // Moved to Wednesday: the same entry, a higher sequence.
    clock.advance(Duration::hours(1));
    let list = engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Text("/appointments".into()))
        .await
        .unwrap();
    let detail = press(&engine, &list, &format!("appt:{}", booking.reference)).await;
    let days = press(&engine, &detail, "reschedule").await;
    let times = press(&engine, &days, "day:2027-03-31").await;
    let held = press_first(&engine, &times, "time:").await;
    let moved = press(&engine, &held, "confirm").await;
    assert!(moved.text.contains(&booking.reference), "{}", moved.text);
    let file = newest_file(&db, 2, &booking.reference, "REQUEST").await;
    let second = parse(&file.content).await;
    assert_eq!(second["method"], "REQUEST");
    assert_eq!(second["uid"], uid.as_str());
    assert!(sequence(&second) > sequence(&first), "{second:#}");
    for how in ["by_tzid", "by_vtimezone"] {
        assert_eq!(second["start"][how], "2027-03-31T06:00:00Z", "{second:#}");
    }
    assert_eq!(second["stamp"], "2027-03-25T10:00:00Z");

    // Cancelled: the same entry, cancelled, a higher sequence again.
    clock.advance(Duration::minutes(10));
    let list = engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Text("/appointments".into()))
        .await
        .unwrap();
    let detail = press(&engine, &list, &format!("appt:{}", booking.reference)).await;
    let really = press(&engine, &detail, "cancel").await;
    let cancelled = press(&engine, &really, "yes-cancel").await;
    assert!(
        cancelled.text.contains(&booking.reference),
        "{}",
        cancelled.text
    );
    let file = newest_file(&db, 3, &booking.reference, "CANCEL").await;
    let third = parse(&file.content).await;
    assert_eq!(third["method"], "CANCEL");
    assert_eq!(third["status"], "CANCELLED");
    assert_eq!(third["uid"], uid.as_str());
    assert!(sequence(&third) > sequence(&second), "{third:#}");
    assert_eq!(third["start"]["by_tzid"], "2027-03-31T06:00:00Z");
    assert_eq!(third["alarms"], serde_json::json!([]));
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_file_on_sqlite() {
    story(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_file_on_postgres() {
    story(TestDb::postgres().await).await;
}

/// The terminal has no attachments: it writes the file and prints where.
#[tokio::test]
async fn the_terminal_prints_the_path_of_the_file() {
    let db = TestDb::sqlite().await;
    let (mut chat, menu) = Chat::start_with(
        &db.url,
        "karl",
        Some("de"),
        &[("SCHALTER_CLOCK_START", "2027-03-25T10:00:00+01:00")],
    )
    .await;
    let services = chat
        .send(&menu.number_of("Termin buchen").to_string())
        .await;
    let checklist = chat
        .send(&services.number_of("Anmeldung").to_string())
        .await;
    let days = chat
        .send(&checklist.number_of("Weiter zur Terminwahl").to_string())
        .await;
    let times = chat.send(&days.number_of("30. März").to_string()).await;
    let held = chat.send(&times.number_of("08:00").to_string()).await;
    let booked = chat
        .send(&held.number_of("Termin bestätigen").to_string())
        .await;
    let reference = booked.references()[0].clone();
    let notice = chat.wait_for_notice("Kalenderdatei").await;
    assert!(notice.text.contains(&reference), "{notice:#?}");
    let path = PathBuf::from(notice.text.lines().last().unwrap());
    assert!(
        path.is_absolute() && path.ends_with(format!("termin-{reference}.ics")),
        "{notice:#?}"
    );
    let parsed = parse(&std::fs::read_to_string(&path).expect("the file is there")).await;
    assert_eq!(parsed["method"], "REQUEST");
    assert_eq!(parsed["start"]["by_vtimezone"], "2027-03-30T06:00:00Z");
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    assert!(chat.finish().await.success());
    db.drop_db().await;
}
