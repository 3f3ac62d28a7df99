//! The iCalendar text writer: the file's lines, its VTIMEZONE, TEXT escaping and line folding.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::{Event, Method};

/// The reminder the calendar shows before the appointment.
const ALARM_BEFORE: &str = "-PT15M";

/// Longest content line, in octets, before it is folded (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

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
pub(super) fn zoned(t: DateTime<Utc>, tz: Tz) -> String {
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
pub(super) fn vtimezone(tz: Tz, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Vec<String> {
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
pub(super) fn utc_offset(seconds: i32) -> String {
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
pub(super) struct Transition {
    pub(super) at: DateTime<Utc>,
    pub(super) from: i32,
    pub(super) to: i32,
}

/// Every change of `tz`'s offset in `(from, to]`. Probed every six hours, then narrowed to
/// the second; no zone has changed its offset twice within six hours in the last century.
pub(super) fn transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
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
pub(super) fn fold_into(out: &mut String, line: &str) {
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
