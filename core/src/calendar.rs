//! The calendar file (RFC 5545 `.ics`) that goes with every booking: `METHOD:REQUEST` when it
//! is confirmed and again, with the same UID and a higher SEQUENCE, when it is moved;
//! `METHOD:CANCEL` when it is cancelled. Calendars match the three by the UID, so the entry the
//! citizen added is updated or removed rather than doubled.
//!
//! The file is a function of the booking and the moment of its change, nothing else: the UID
//! is the booking's random id (no personal data), and the SEQUENCE is derived from that moment
//! (see [`sequence`]), so no counter is stored, and a change written twice (a step taken again)
//! is the same file in the same outbox slot, sent once.
//!
//! A small writer rather than the `icalendar` crate: the crate (0.17) has no time-zone
//! component, so the VTIMEZONE, most of this file, would be built by hand either way, and its
//! line folding tests for whitespace at a character position taken from a byte offset, which
//! does not hold for the multi-byte text of most of our languages.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::error::EngineError;
use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::notice::NoticeKind;
use crate::office::Office;
use crate::store::{Booking, Store};

/// The kind of the outbox message that carries the file.
pub const CALENDAR_FILE: &str = NoticeKind::CalendarFile.as_str();
/// How long after the confirmation (or the cancellation) the file goes out: the citizen
/// reads what happened first, and a Telegram chat takes one message a second anyway.
const FOLLOWS: chrono::Duration = chrono::Duration::seconds(1);

/// The right-hand side of every UID: fixed, never taken from configuration, so that a change
/// of the configuration between a booking and its cancellation cannot break the match; by
/// RFC 2606 nobody's real domain.
const UID_DOMAIN: &str = "schalter.invalid";

/// The reminder the calendar shows before the appointment.
const ALARM_BEFORE: &str = "-PT15M";

/// Longest content line, in octets, before it is folded (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// 2024-01-01T00:00:00Z, the zero of [`sequence`].
const SEQUENCE_EPOCH: i64 = 1_704_067_200;

/// What the file asks of the citizen's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add the appointment, or update the entry with the same UID.
    Request,
    /// Remove the entry with the same UID.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }

    /// The media type of the file, which names the method too (RFC 5546).
    pub fn mime(self) -> String {
        format!("text/calendar; method={}", self.as_str())
    }
}

/// One appointment as the file describes it; the texts are already in the citizen's language.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub method: Method,
    pub uid: &'a str,
    pub sequence: u32,
    /// When this version was made (DTSTAMP).
    pub stamp: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The office's zone: the times are written in it, with its VTIMEZONE.
    pub tz: Tz,
    /// The language tag of the texts.
    pub lang: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
}

/// The UID of a booking's calendar entry.
pub fn uid(booking_id: &str) -> String {
    format!("{booking_id}@{UID_DOMAIN}")
}

/// The SEQUENCE of the version of a booking made at `changed_at`: twice its seconds since
/// 2024, plus one for a cancellation. A booking's changes (its confirmation, each move, its
/// cancellation) are each an input or more apart, so each gets a higher number than the one
/// before without a stored counter. A cancellation is always a booking's last change: the
/// extra one puts it above the version before even within the same second. Two moves within
/// one second (only a script could) would share a number; clocks of replicas must agree to
/// within the seconds between two inputs. Fits the 31 bits calendars expect until 2058.
pub fn sequence(changed_at: DateTime<Utc>, method: Method) -> u32 {
    let seconds = (changed_at.timestamp() - SEQUENCE_EPOCH).max(0);
    let doubled = seconds.saturating_mul(2) + i64::from(method == Method::Cancel);
    u32::try_from(doubled).unwrap_or(u32::MAX)
}

/// The file's name for a booking reference.
pub fn file_name(reference: &str) -> String {
    format!("termin-{reference}.ics")
}

/// Writes the calendar file: CRLF line ends, lines folded at 75 octets.
pub fn ics(e: &Event<'_>) -> String {
    let mut out = String::with_capacity(4096);
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Schalter//Calendar file//EN");
    line("CALSCALE:GREGORIAN");
    line(&format!("METHOD:{}", e.method.as_str()));
    for l in vtimezone(e.tz, e.starts_at, e.ends_at) {
        line(&l);
    }
    line("BEGIN:VEVENT");
    line(&format!("UID:{}", e.uid));
    line(&format!("DTSTAMP:{}", utc(e.stamp)));
    line(&format!("SEQUENCE:{}", e.sequence));
    line(&format!("DTSTART{}", zoned(e.starts_at, e.tz)));
    line(&format!("DTEND{}", zoned(e.ends_at, e.tz)));
    line(&format!(
        "SUMMARY;LANGUAGE={}:{}",
        e.lang,
        escape(e.summary)
    ));
    line(&format!(
        "DESCRIPTION;LANGUAGE={}:{}",
        e.lang,
        escape(e.description)
    ));
    line(match e.method {
        Method::Request => "STATUS:CONFIRMED",
        Method::Cancel => "STATUS:CANCELLED",
    });
    line("TRANSP:OPAQUE");
    if e.method == Method::Request {
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line(&format!("TRIGGER:{ALARM_BEFORE}"));
        line(&format!("DESCRIPTION:{}", escape(e.summary)));
        line("END:VALARM");
    }
    line("END:VEVENT");
    line("END:VCALENDAR");
    out
}

/// `;TZID=…:<local time>`, or `:<UTC>Z` for a local time the zone shows twice (the hour the
/// clocks go back) whose second showing is meant: RFC 5545 reads such a time as the first.
fn zoned(t: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz).naive_local();
    if tz.from_local_datetime(&local).earliest() == Some(t.with_timezone(&tz)) {
        format!(";TZID={}:{}", tz.name(), local.format("%Y%m%dT%H%M%S"))
    } else {
        format!(":{}", utc(t))
    }
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The VTIMEZONE of `tz` for an appointment: every change of offset from a year before it
/// to a year after, as explicit STANDARD and DAYLIGHT observances computed from the time-zone
/// database (chrono-tz has no rules to write as RRULEs). Where no change precedes the
/// appointment within that year, an observance at the window's start gives the offset then.
fn vtimezone(tz: Tz, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Vec<String> {
    let from = starts_at - Duration::days(366);
    let to = ends_at + Duration::days(366);
    let changes = transitions(tz, from, to);
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    if changes.first().is_none_or(|c| c.at > starts_at) {
        let offset = tz.offset_from_utc_datetime(&from.naive_utc());
        let seconds = offset.fix().local_minus_utc();
        lines.extend(observance(
            from.naive_utc() + Duration::seconds(i64::from(seconds)),
            seconds,
            seconds,
            offset.dst_offset() != Duration::zero(),
            offset.abbreviation(),
        ));
    }
    for c in &changes {
        let offset = tz.offset_from_utc_datetime(&c.at.naive_utc());
        // The onset is written in the local time that was in force until then.
        lines.extend(observance(
            c.at.naive_utc() + Duration::seconds(i64::from(c.from)),
            c.from,
            c.to,
            offset.dst_offset() != Duration::zero(),
            offset.abbreviation(),
        ));
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

fn observance(
    onset: NaiveDateTime,
    from: i32,
    to: i32,
    daylight: bool,
    name: Option<&str>,
) -> Vec<String> {
    let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
    let mut lines = vec![
        format!("BEGIN:{kind}"),
        format!("DTSTART:{}", onset.format("%Y%m%dT%H%M%S")),
        format!("TZOFFSETFROM:{}", utc_offset(from)),
        format!("TZOFFSETTO:{}", utc_offset(to)),
    ];
    if let Some(name) = name {
        lines.push(format!("TZNAME:{}", escape(name)));
    }
    lines.push(format!("END:{kind}"));
    lines
}

/// `+0100`, `-0330`, or with seconds where the offset has them (`+005328`).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// A change of a zone's offset from UTC: at `at`, from `from` to `to` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
}

/// Every change of `tz`'s offset in `(from, to]`. Probed every six hours, then narrowed to
/// the second; no zone has changed its offset twice within six hours in the last century.
fn transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
    // In whole seconds since the epoch: offsets change on the second.
    let offset = |t: i64| {
        DateTime::from_timestamp(t, 0).map_or(0, |t| {
            tz.offset_from_utc_datetime(&t.naive_utc())
                .fix()
                .local_minus_utc()
        })
    };
    let step = Duration::hours(6).num_seconds();
    let (from, to) = (from.timestamp(), to.timestamp());
    let mut found = Vec::new();
    let mut before = from;
    let mut before_offset = offset(from);
    while before < to {
        let after = (before + step).min(to);
        let after_offset = offset(after);
        if after_offset != before_offset {
            // The first second with the new offset lies in (lo, hi].
            let (mut lo, mut hi) = (before, after);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset(mid) == before_offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            if let Some(at) = DateTime::from_timestamp(hi, 0) {
                found.push(Transition {
                    at,
                    from: before_offset,
                    to: after_offset,
                });
            }
        }
        before = after;
        before_offset = after_offset;
    }
    found
}

/// A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma escaped, every
/// line break as `\n`, other control characters (not allowed in TEXT) left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded (RFC 5545, 3.1): at most 75 octets a line, each
/// continuation starting with a space, never inside a character's UTF-8 bytes.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line counts.
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Calendar files for the citizen's bookings.
#[derive(Clone)]
pub struct Calendar {
    office: Office,
    store: Store,
}

impl Calendar {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self { office, store }
    }

    /// Queues the calendar file of `booking` for the citizen, in `lang`, after a change made
    /// at `changed_at`: the booking as it is now (`Request`), or its cancellation (`Cancel`).
    /// The same change queued again is kept once (one outbox slot per version).
    pub(crate) async fn send_calendar_file(
        &self,
        conversation: &str,
        lang: Lang,
        booking: &Booking,
        method: Method,
        changed_at: DateTime<Utc>,
    ) -> Result<(), EngineError> {
        let i18n = self.office.i18n();
        let tz = self.office.tz();
        let service = i18n.text(lang, &format!("service-{}", booking.service));
        let reference = booking.reference.clone();
        let summary = i18n.msg(
            lang,
            "calendar-summary",
            &fargs!["service" => service.clone()],
        );
        let (description, text) = match method {
            Method::Request => (
                i18n.msg(
                    lang,
                    "calendar-description",
                    &fargs![
                        "service" => service.clone(),
                        "reference" => reference.clone(),
                        "minutes" => self.office.catalog().office.check_in_before_minutes,
                    ],
                ),
                i18n.msg(
                    lang,
                    "calendar-file-request",
                    &fargs![
                        "service" => service,
                        "reference" => reference.clone(),
                        "date" => format::date(i18n, lang, booking.starts_at.with_timezone(&tz).date_naive()),
                        "time" => format::time(i18n, lang, booking.starts_at, tz),
                    ],
                ),
            ),
            Method::Cancel => (
                i18n.msg(
                    lang,
                    "calendar-description-cancelled",
                    &fargs!["reference" => reference.clone()],
                ),
                i18n.msg(
                    lang,
                    "calendar-file-cancel",
                    &fargs!["reference" => reference.clone()],
                ),
            ),
        };
        // Right-to-left languages get every line marked, as in the chat.
        let rtl = |text: String| crate::message::directed(lang, text, Vec::new()).0;
        let (summary, description, text) = (rtl(summary), rtl(description), rtl(text));
        let sequence = sequence(changed_at, method);
        let content = ics(&Event {
            method,
            uid: &uid(&booking.id),
            sequence,
            stamp: changed_at,
            starts_at: booking.starts_at,
            ends_at: booking.ends_at,
            tz,
            lang: lang.code(),
            summary: &summary,
            description: &description,
        });
        let body = (crate::message::Message {
            text,
            attachment: Some(crate::message::Attachment {
                file_name: file_name(&booking.reference),
                mime: method.mime(),
                content,
            }),
            ..Default::default()
        })
        .to_json();
        self.store
            .notify_once_after(
                conversation,
                &format!(
                    "calendar:{}:{sequence}:{}",
                    booking.id,
                    booking.starts_at.timestamp()
                ),
                NoticeKind::CalendarFile,
                &body,
                changed_at,
                FOLLOWS,
            )
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
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
        assert!(
            unfolded.contains("Видеоприём\\, «Прописка»\\; \u{2068}ثبت\u{2069} \\\\ 😀\\nвторая")
        );
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
}
