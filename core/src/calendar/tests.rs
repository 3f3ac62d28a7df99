//! Unit tests of the calendar file: folding, escaping, time zones and sequences.

use chrono::Duration;

use super::writer::{Transition, fold_into, transitions, utc_offset, vtimezone, zoned};
use super::*;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

/// The physical lines of a file, without their CRLF; panics on a bare LF or CR.
fn physical_lines(ics: &str) -> Vec<&str> {
    assert!(ics.ends_with("\r\n"));
    let lines: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
    for l in &lines {
        assert!(!l.contains(['\r', '\n']), "bare line break in {l:?}");
    }
    lines
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

#[test]
fn folds_at_75_octets_without_splitting_characters() {
    // Two-, three- and four-byte characters, so that the 75th octet falls inside one of
    // them at some line.
    let text = "Anmeldung einer Wohnung – Ümläute, „Anführung“; ثبت نشانی 😀 €€€ ".repeat(6);
    let mut out = String::new();
    fold_into(&mut out, &format!("DESCRIPTION:{text}"));
    let lines = physical_lines(&out);
    assert!(lines.len() > 6, "{out}");
    for (i, l) in lines.iter().enumerate() {
        assert!(l.len() <= 75, "line {i} has {} octets: {l:?}", l.len());
        assert_eq!(i > 0, l.starts_with(' '), "line {i}: {l:?}");
    }
    // Some line had to stop short of 75 octets to keep a character whole.
    assert!(lines[..lines.len() - 1].iter().any(|l| l.len() < 75));
    assert_eq!(unfold(&out), format!("DESCRIPTION:{text}\r\n"));
}

#[test]
fn a_line_of_exactly_75_octets_is_not_folded() {
    let line = format!("SUMMARY:{}", "ü".repeat(33) + "x");
    assert_eq!(line.len(), 75);
    let mut out = String::new();
    fold_into(&mut out, &line);
    assert_eq!(out, format!("{line}\r\n"));
}

#[test]
fn escapes_text() {
    assert_eq!(
        escape("a\\b;c,d\ne\r\nf\rg\u{7}h\tü"),
        "a\\\\b\\;c\\,d\\ne\\nf\\ngh\tü"
    );
    // Colons and quotes need nothing in a value.
    assert_eq!(escape("Termin: „8:30“"), "Termin: „8:30“");
}

#[test]
fn escaped_multibyte_text_survives_folding() {
    let summary = "Видеоприём, «Прописка»; \u{2068}ثبت\u{2069} \\ 😀\nвторая строка";
    let e = Event {
        method: Method::Request,
        uid: &uid("abc"),
        sequence: 7,
        stamp: at("2027-03-25T09:00:00Z"),
        starts_at: at("2027-03-30T06:00:00Z"),
        ends_at: at("2027-03-30T06:20:00Z"),
        tz: chrono_tz::Europe::Berlin,
        lang: "ru",
        summary,
        description: &summary.repeat(5),
    };
    let file = ics(&e);
    for l in physical_lines(&file) {
        assert!(l.len() <= 75, "{l:?}");
    }
    let unfolded = unfold(&file);
    assert!(
        unfolded.contains(&format!("SUMMARY;LANGUAGE=ru:{}\r\n", escape(summary))),
        "{unfolded}"
    );
    assert!(unfolded.contains("Видеоприём\\, «Прописка»\\; \u{2068}ثبت\u{2069} \\\\ 😀\\nвторая"));
}

#[test]
fn an_appointment_after_the_spring_change_is_in_summer_time() {
    let tz = chrono_tz::Europe::Berlin;
    let e = Event {
        method: Method::Request,
        uid: &uid("b1"),
        sequence: sequence(at("2027-03-25T09:00:00Z"), Method::Request),
        stamp: at("2027-03-25T09:00:00Z"),
        // Tuesday after the last Sunday of March: 08:00 in Berlin is 06:00 UTC.
        starts_at: at("2027-03-30T06:00:00Z"),
        ends_at: at("2027-03-30T06:20:00Z"),
        tz,
        lang: "de",
        summary: "Videotermin",
        description: "",
    };
    let file = unfold(&ics(&e));
    assert!(file.contains("\r\nDTSTART;TZID=Europe/Berlin:20270330T080000\r\n"));
    assert!(file.contains("\r\nDTEND;TZID=Europe/Berlin:20270330T082000\r\n"));
    assert!(file.contains("\r\nDTSTAMP:20270325T090000Z\r\n"));
    // The spring change of 2027 (01:00 UTC, 02:00 local) and the autumn one before it.
    assert!(file.contains(
        "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\n\
         TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT"
    ));
    assert!(file.contains(
        "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\n\
         TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD"
    ));
    assert!(file.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"));
}

#[test]
fn transitions_are_found_to_the_second() {
    let tz = chrono_tz::Europe::Berlin;
    let found = transitions(tz, at("2027-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"));
    assert_eq!(
        found,
        [
            Transition {
                at: at("2027-03-28T01:00:00Z"),
                from: 3600,
                to: 7200
            },
            Transition {
                at: at("2027-10-31T01:00:00Z"),
                from: 7200,
                to: 3600
            },
        ]
    );
    // A zone without changes still gets its offset.
    let kolkata = vtimezone(
        chrono_tz::Asia::Kolkata,
        at("2027-03-30T06:00:00Z"),
        at("2027-03-30T06:20:00Z"),
    );
    assert_eq!(
        kolkata[2..6],
        [
            "BEGIN:STANDARD",
            "DTSTART:20260329T113000",
            "TZOFFSETFROM:+0530",
            "TZOFFSETTO:+0530"
        ]
    );
}

#[test]
fn the_second_showing_of_an_hour_is_written_in_utc() {
    let tz = chrono_tz::Europe::Berlin;
    // 02:30 local on 31 October 2027 happens twice: at 00:30 and at 01:30 UTC.
    assert_eq!(
        zoned(at("2027-10-31T00:30:00Z"), tz),
        ";TZID=Europe/Berlin:20271031T023000"
    );
    assert_eq!(zoned(at("2027-10-31T01:30:00Z"), tz), ":20271031T013000Z");
}

#[test]
fn sequences_grow_with_each_change() {
    let t = at("2027-03-25T09:00:00Z");
    let request = sequence(t, Method::Request);
    assert!(sequence(t + Duration::seconds(1), Method::Request) > request);
    // A cancellation in the same second still comes after.
    assert!(sequence(t, Method::Cancel) > request);
    assert!(i32::try_from(sequence(at("2058-01-01T00:00:00Z"), Method::Cancel)).is_ok());
}

#[test]
fn offsets_are_written_as_rfc_5545_wants() {
    assert_eq!(utc_offset(3600), "+0100");
    assert_eq!(utc_offset(-12_600), "-0330");
    assert_eq!(utc_offset(0), "+0000");
    assert_eq!(utc_offset(3208), "+005328");
}
