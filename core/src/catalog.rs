//! The service catalogue: the office (hours, closures, public holidays, desks, slot grid) and
//! its services with their documents. Loaded from TOML; a broken file is refused with file,
//! line and problem.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;
use toml::Spanned;

use crate::holidays::{self, FederalState, LocalHoliday};
use crate::location::line_col;

/// The demo catalogue shipped with the binary (`deploy/catalog.toml`).
pub const DEFAULT_CATALOG: &str = include_str!("../../deploy/catalog.toml");
pub const DEFAULT_CATALOG_NAME: &str = "deploy/catalog.toml (built in)";

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The reason is part of the message (not a `source`, which error chains would print a
    /// second time).
    #[error("{file}: cannot read the catalogue: {reason}")]
    Io {
        file: String,
        reason: std::io::Error,
    },
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Debug, Clone)]
pub struct Catalog {
    pub office: Office,
    pub documents: BTreeMap<String, Document>,
    pub services: Vec<Service>,
    pub retention: Retention,
    pub privacy: Privacy,
    pub uploads: Uploads,
}

/// Files citizens send for their checklist (`[uploads]`; these are the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uploads {
    /// The largest file taken, in MiB (1–50).
    pub max_file_mb: u32,
    /// The most files kept for one booking (1–50).
    pub max_files: u32,
}

impl Default for Uploads {
    fn default() -> Self {
        Self {
            max_file_mb: 10,
            max_files: 10,
        }
    }
}

impl Uploads {
    /// [`Uploads::max_file_mb`] in bytes.
    pub fn max_bytes(&self) -> usize {
        usize::try_from(self.max_file_mb)
            .unwrap_or(usize::MAX)
            .saturating_mul(1024 * 1024)
    }
}

/// How long personal data is kept (`[retention]`, in days; these are the defaults).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retention {
    /// A conversation nobody wrote in for this long is deleted.
    pub idle_conversation_days: u32,
    /// This long after an appointment (or a visit) its rows lose everything that identifies
    /// the citizen; what anonymous statistics need stays.
    pub appointment_days: u32,
    /// Clerks' notes go this long after the call's end.
    pub clerk_note_days: u32,
    /// Finished jobs, delivered messages and handled inputs go after this long.
    pub delivered_days: u32,
    /// The admins' audit log (who did what; no citizen's data) is kept this long.
    pub audit_days: u32,
    /// Documents citizens sent for a booking go this long after its call (or at once when the
    /// booking is cancelled or missed).
    pub document_days: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            idle_conversation_days: 30,
            appointment_days: 90,
            clerk_note_days: 7,
            delivered_days: 7,
            audit_days: 365,
            document_days: 1,
        }
    }
}

/// The privacy notice's facts (`[privacy]`): who is responsible and whom to ask.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Privacy {
    /// The controller: the city office, with its address.
    pub controller: String,
    /// The data-protection officer's contact.
    pub contact: String,
    /// The full privacy notice on the web.
    pub url: String,
    /// The legal basis of the processing as the city words it (e.g. "Art. 6 Abs. 1 Buchst. e
    /// DSGVO i. V. m. § 4 LDSG"); empty: Art. 6(1)(e) GDPR, said in the citizen's language.
    pub legal_basis: String,
    /// The supervisory authority a citizen may complain to, with its address; empty: "the
    /// data protection authority of your federal state", in the citizen's language.
    pub authority: String,
}

#[derive(Debug, Clone)]
pub struct Office {
    pub desks: u32,
    pub slot_minutes: u32,
    pub hold_minutes: u32,
    pub booking_horizon_days: u32,
    pub min_notice_minutes: u32,
    pub walk_ins: bool,
    /// Future bookings one conversation may hold at once.
    pub max_active_bookings: u32,
    /// Check-in opens this long before the slot.
    pub check_in_before_minutes: u32,
    /// A citizen may still check in this long after the slot starts; after that the
    /// appointment counts as missed (no-show).
    pub no_show_after_minutes: u32,
    /// Opening intervals per weekday, Monday first, sorted and disjoint.
    pub hours: [Vec<(NaiveTime, NaiveTime)>; 7],
    /// Days the office closes besides public holidays (Christmas Eve, an outing, …).
    pub closures: BTreeSet<NaiveDate>,
    /// The state whose public holidays close the office; none: only `closures` do.
    pub state: Option<FederalState>,
    /// The municipal holidays of the office's town, each one of `state`'s.
    pub local_holidays: Vec<LocalHoliday>,
    /// Where the in-person office is, as citizens are told when they ask; none: not said.
    pub address: Option<String>,
}

impl Office {
    pub fn hours_on(&self, day: Weekday) -> &[(NaiveTime, NaiveTime)] {
        &self.hours[day.num_days_from_monday() as usize]
    }

    /// Whether the office is closed all of `date`: a listed closure or a public holiday.
    pub fn is_closed(&self, date: NaiveDate) -> bool {
        self.closures.contains(&date)
            || self
                .state
                .is_some_and(|state| holidays::is_holiday(state, &self.local_holidays, date))
    }

    /// Whether the office is open at local date and time `at`.
    pub fn is_open(&self, at: chrono::NaiveDateTime) -> bool {
        !self.is_closed(at.date())
            && self
                .hours_on(chrono::Datelike::weekday(&at.date()))
                .iter()
                .any(|(from, to)| *from <= at.time() && at.time() < *to)
    }

    /// Opening hours per week, in minutes.
    pub fn weekly_minutes(&self) -> i64 {
        self.hours
            .iter()
            .flatten()
            .map(|(from, to)| (*to - *from).num_minutes())
            .sum()
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub optional: bool,
}

#[derive(Debug, Clone)]
pub struct Service {
    pub id: String,
    pub video: bool,
    pub duration_minutes: u32,
    pub fee_cents: u32,
    /// The fee is asked for automatically when the call is done.
    pub pay_after_call: bool,
    pub documents: Vec<String>,
    /// Whether someone else may come for the citizen, and with which form.
    pub proxy: Proxy,
    /// Line in the catalogue file, for error messages about this service.
    pub line: usize,
}

/// Whether a service can be done by someone else on the citizen's behalf (`proxy` of a
/// service in the catalogue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proxy {
    /// Yes, with this document of `[documents]` (a power of attorney): `proxy = "<id>"`.
    WithForm(String),
    /// No, the citizen comes themselves: `proxy = "in-person"`.
    InPerson,
    /// The catalogue does not say; citizens are told to ask in the call.
    NotSaid,
}

impl Service {
    pub fn name_id(&self) -> String {
        format!("service-{}", self.id)
    }
    pub fn about_id(&self) -> String {
        format!("service-{}-about", self.id)
    }
    pub fn keywords_id(&self) -> String {
        format!("service-{}-keywords", self.id)
    }
    pub fn where_id(&self) -> String {
        format!("service-{}-where", self.id)
    }
}

pub fn document_name_id(id: &str) -> String {
    format!("doc-{id}")
}

pub fn document_note_id(id: &str) -> String {
    format!("doc-{id}-note")
}

impl Catalog {
    pub fn load(path: &Path) -> Result<Self, CatalogError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|reason| CatalogError::Io {
            file: file.clone(),
            reason,
        })?;
        Self::parse(&text, &file)
    }

    pub fn builtin() -> Result<Self, CatalogError> {
        Self::parse(DEFAULT_CATALOG, DEFAULT_CATALOG_NAME)
    }

    /// Parses and validates a catalogue; `file` only names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self, CatalogError> {
        let err = |span: Option<Range<usize>>, message: String| {
            let (line, column) = line_col(text, span.map_or(0, |s| s.start));
            CatalogError::Invalid {
                file: file.to_owned(),
                line,
                column,
                message,
            }
        };
        let raw: RawCatalog =
            toml::from_str(text).map_err(|e| err(e.span(), e.message().trim().to_owned()))?;
        let mut catalog = raw
            .validate()
            .map_err(|(span, message)| err(Some(span), message))?;
        for s in &mut catalog.services {
            s.line = line_col(text, s.line).0;
        }
        Ok(catalog)
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Every Fluent message the catalogue refers to, with the line that needs it.
    pub fn required_messages(&self) -> Vec<(String, usize)> {
        let mut ids = Vec::new();
        for s in &self.services {
            ids.push((s.name_id(), s.line));
            ids.push((s.about_id(), s.line));
            ids.push((s.keywords_id(), s.line));
            if !s.video {
                ids.push((s.where_id(), s.line));
            }
            for d in &s.documents {
                ids.push((document_name_id(d), s.line));
                ids.push((document_note_id(d), s.line));
            }
            if let Proxy::WithForm(form) = &s.proxy {
                ids.push((document_name_id(form), s.line));
            }
        }
        ids
    }
}

type Invalid = (Range<usize>, String);

/// The longest closure, in days (a year: more than bookings ever look ahead).
pub const MAX_CLOSURE_DAYS: i64 = 366;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    office: RawOffice,
    #[serde(default)]
    documents: BTreeMap<String, Spanned<RawDocument>>,
    services: Vec<Spanned<RawService>>,
    #[serde(default)]
    retention: Retention,
    #[serde(default)]
    privacy: Privacy,
    #[serde(default)]
    uploads: RawUploads,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawUploads {
    max_file_mb: Option<Spanned<u32>>,
    max_files: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    desks: Spanned<u32>,
    slot_minutes: Spanned<u32>,
    hold_minutes: Spanned<u32>,
    booking_horizon_days: Spanned<u32>,
    #[serde(default)]
    min_notice_minutes: u32,
    #[serde(default)]
    walk_ins: bool,
    #[serde(default = "default_max_active_bookings")]
    max_active_bookings: u32,
    #[serde(default = "default_check_in_before")]
    check_in_before_minutes: Spanned<u32>,
    #[serde(default = "default_no_show_after")]
    no_show_after_minutes: Spanned<u32>,
    hours: RawHours,
    #[serde(default)]
    closures: Vec<Spanned<RawClosure>>,
    /// ISO 3166-2:DE code of the state whose public holidays close the office.
    #[serde(default)]
    state: Option<Spanned<String>>,
    #[serde(default)]
    local_holidays: Vec<Spanned<String>>,
    #[serde(default)]
    address: Option<String>,
}

fn default_max_active_bookings() -> u32 {
    2
}

fn default_check_in_before() -> Spanned<u32> {
    Spanned::new(0..0, 10)
}

fn default_no_show_after() -> Spanned<u32> {
    Spanned::new(0..0, 15)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHours {
    #[serde(default)]
    mon: Vec<Spanned<String>>,
    #[serde(default)]
    tue: Vec<Spanned<String>>,
    #[serde(default)]
    wed: Vec<Spanned<String>>,
    #[serde(default)]
    thu: Vec<Spanned<String>>,
    #[serde(default)]
    fri: Vec<Spanned<String>>,
    #[serde(default)]
    sat: Vec<Spanned<String>>,
    #[serde(default)]
    sun: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosure {
    date: Spanned<String>,
    /// Last day of a closure that spans several days.
    until: Option<Spanned<String>>,
    #[serde(default)]
    #[allow(dead_code)] // for admins reading the file
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: Spanned<String>,
    video: bool,
    duration_minutes: Spanned<u32>,
    #[serde(default)]
    fee_cents: u32,
    #[serde(default)]
    pay_after_call: bool,
    #[serde(default)]
    documents: Vec<Spanned<String>>,
    /// `in-person`, or the document that lets someone else come (see [`Proxy`]).
    #[serde(default)]
    proxy: Option<Spanned<String>>,
}

fn parse_date(s: &Spanned<String>) -> Result<NaiveDate, Invalid> {
    NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d").map_err(|_| {
        (
            s.span(),
            format!("`{}` is not a date like 2027-01-06", s.get_ref()),
        )
    })
}

fn parse_interval(s: &Spanned<String>) -> Result<(NaiveTime, NaiveTime), Invalid> {
    let bad = || {
        (
            s.span(),
            format!(
                "`{}` is not an opening interval like 08:00-12:00",
                s.get_ref()
            ),
        )
    };
    let (from, to) = s.get_ref().split_once('-').ok_or_else(bad)?;
    let from = NaiveTime::parse_from_str(from.trim(), "%H:%M").map_err(|_| bad())?;
    let to = NaiveTime::parse_from_str(to.trim(), "%H:%M").map_err(|_| bad())?;
    if from >= to {
        return Err((
            s.span(),
            format!("`{}` closes before it opens", s.get_ref()),
        ));
    }
    Ok((from, to))
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl RawCatalog {
    fn validate(self) -> Result<Catalog, Invalid> {
        let o = self.office;
        if !(1..=500).contains(o.desks.get_ref()) {
            return Err((o.desks.span(), "desks must be between 1 and 500".into()));
        }
        let slot = *o.slot_minutes.get_ref();
        if !(5..=120).contains(&slot) || !60u32.is_multiple_of(slot) && !slot.is_multiple_of(60) {
            return Err((
                o.slot_minutes.span(),
                "slot_minutes must divide an hour (5, 10, 15, 20, 30 or 60)".into(),
            ));
        }
        if !(1..=60).contains(o.hold_minutes.get_ref()) {
            return Err((
                o.hold_minutes.span(),
                "hold_minutes must be between 1 and 60".into(),
            ));
        }
        if !(1..=366).contains(o.booking_horizon_days.get_ref()) {
            return Err((
                o.booking_horizon_days.span(),
                "booking_horizon_days must be between 1 and 366".into(),
            ));
        }
        for (field, value) in [
            ("check_in_before_minutes", &o.check_in_before_minutes),
            ("no_show_after_minutes", &o.no_show_after_minutes),
        ] {
            if *value.get_ref() > 240 {
                return Err((value.span(), format!("{field} must be at most 240")));
            }
        }
        let mut uploads = Uploads::default();
        for (field, value, target) in [
            (
                "max_file_mb",
                &self.uploads.max_file_mb,
                &mut uploads.max_file_mb,
            ),
            ("max_files", &self.uploads.max_files, &mut uploads.max_files),
        ] {
            if let Some(v) = value {
                if !(1..=50).contains(v.get_ref()) {
                    return Err((v.span(), format!("{field} must be between 1 and 50")));
                }
                *target = *v.get_ref();
            }
        }
        let h = o.hours;
        let mut hours: [Vec<(NaiveTime, NaiveTime)>; 7] = Default::default();
        for (day, list) in [h.mon, h.tue, h.wed, h.thu, h.fri, h.sat, h.sun]
            .into_iter()
            .enumerate()
        {
            for entry in &list {
                let interval = parse_interval(entry)?;
                if let Some(prev) = hours[day].last()
                    && prev.1 > interval.0
                {
                    return Err((
                        entry.span(),
                        format!(
                            "`{}` overlaps or precedes the interval before it",
                            entry.get_ref()
                        ),
                    ));
                }
                hours[day].push(interval);
            }
        }
        let mut closures = BTreeSet::new();
        for c in &o.closures {
            let c = c.get_ref();
            let from = parse_date(&c.date)?;
            let until = c
                .until
                .as_ref()
                .map(parse_date)
                .transpose()?
                .unwrap_or(from);
            if until < from {
                let span = c.until.as_ref().map_or(c.date.span(), Spanned::span);
                return Err((span, "a closure cannot end before it starts".into()));
            }
            // Closures are kept day by day: one from year -262143 to today would be ~96
            // million days, minutes of work and gigabytes for one catalogue.
            if (until - from).num_days() >= MAX_CLOSURE_DAYS {
                let span = c.until.as_ref().map_or(c.date.span(), Spanned::span);
                return Err((
                    span,
                    format!(
                        "a closure spans at most {MAX_CLOSURE_DAYS} days; write a longer one as several"
                    ),
                ));
            }
            closures.extend(from.iter_days().take_while(|d| *d <= until));
        }
        let state = o
            .state
            .as_ref()
            .map(|s| {
                s.get_ref()
                    .parse()
                    .map_err(|e: holidays::UnknownState| (s.span(), e.to_string()))
            })
            .transpose()?;
        let mut local_holidays = Vec::new();
        for l in &o.local_holidays {
            let day: LocalHoliday = l
                .get_ref()
                .parse()
                .map_err(|e: holidays::UnknownLocalHoliday| (l.span(), e.to_string()))?;
            let Some(state) = state else {
                return Err((l.span(), "local_holidays need the office's `state`".into()));
            };
            if !day.states().contains(&state) {
                let states: Vec<&str> = day.states().iter().map(|s| s.code()).collect();
                return Err((
                    l.span(),
                    format!(
                        "`{day}` is a local holiday in {} only, not in {state}: the state's own \
                         holidays come with `state`, other days the office closes go in `closures`",
                        states.join(" and ")
                    ),
                ));
            }
            if !local_holidays.contains(&day) {
                local_holidays.push(day);
            }
        }

        let mut documents = BTreeMap::new();
        for (id, d) in self.documents {
            if !is_id(&id) {
                return Err((
                    d.span(),
                    format!("document id `{id}` must be lowercase letters, digits and dashes"),
                ));
            }
            let optional = d.get_ref().optional;
            documents.insert(id.clone(), Document { id, optional });
        }

        let mut services: Vec<Service> = Vec::new();
        for s in self.services {
            let span = s.span();
            let s = s.into_inner();
            let id = s.id.get_ref().clone();
            if !is_id(&id) {
                return Err((
                    s.id.span(),
                    format!("service id `{id}` must be lowercase letters, digits and dashes"),
                ));
            }
            if services.iter().any(|other| other.id == id) {
                return Err((s.id.span(), format!("service `{id}` is defined twice")));
            }
            let duration = *s.duration_minutes.get_ref();
            if duration == 0 || duration > 480 || duration % slot != 0 {
                return Err((
                    s.duration_minutes.span(),
                    format!(
                        "duration_minutes of `{id}` must be a positive multiple of slot_minutes ({slot})"
                    ),
                ));
            }
            let mut docs = Vec::new();
            for d in &s.documents {
                if !documents.contains_key(d.get_ref()) {
                    return Err((
                        d.span(),
                        format!(
                            "service `{id}` needs document `{}`, which [documents] does not define",
                            d.get_ref()
                        ),
                    ));
                }
                docs.push(d.get_ref().clone());
            }
            let proxy = match &s.proxy {
                None => Proxy::NotSaid,
                Some(p) if p.get_ref() == "in-person" => Proxy::InPerson,
                Some(p) if documents.contains_key(p.get_ref()) => {
                    Proxy::WithForm(p.get_ref().clone())
                }
                Some(p) => {
                    return Err((
                        p.span(),
                        format!(
                            "proxy of `{id}` must be `in-person` or a document of [documents] \
                             (the power of attorney someone else brings), not `{}`",
                            p.get_ref()
                        ),
                    ));
                }
            };
            services.push(Service {
                id,
                video: s.video,
                duration_minutes: duration,
                fee_cents: s.fee_cents,
                pay_after_call: s.pay_after_call,
                documents: docs,
                proxy,
                // A byte offset until `Catalog::parse` turns it into a line.
                line: span.start,
            });
        }
        if services.is_empty() {
            return Err((0..0, "the catalogue has no services".into()));
        }
        Ok(Catalog {
            office: Office {
                desks: *o.desks.get_ref(),
                slot_minutes: slot,
                hold_minutes: *o.hold_minutes.get_ref(),
                booking_horizon_days: *o.booking_horizon_days.get_ref(),
                min_notice_minutes: o.min_notice_minutes,
                walk_ins: o.walk_ins,
                max_active_bookings: o.max_active_bookings.max(1),
                check_in_before_minutes: *o.check_in_before_minutes.get_ref(),
                no_show_after_minutes: *o.no_show_after_minutes.get_ref(),
                hours,
                closures,
                state,
                local_holidays,
                address: o
                    .address
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty()),
            },
            documents,
            services,
            retention: self.retention,
            privacy: self.privacy,
            uploads,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The demo catalogue with its `state` line replaced by `office_lines`.
    fn with_state(office_lines: &str) -> Result<Catalog, CatalogError> {
        let text = DEFAULT_CATALOG.replacen("state = \"BW\"\n", office_lines, 1);
        assert_ne!(text, DEFAULT_CATALOG, "the demo catalogue names its state");
        Catalog::parse(&text, "catalog.toml")
    }

    fn invalid(office_lines: &str) -> (usize, usize, String) {
        match with_state(office_lines) {
            Err(CatalogError::Invalid {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!("{office_lines:?} was taken: {other:?}"),
        }
    }

    /// The line of the demo catalogue that names the state.
    fn state_line() -> usize {
        DEFAULT_CATALOG
            .lines()
            .position(|l| l.starts_with("state = "))
            .unwrap()
            + 1
    }

    #[test]
    fn the_demo_office_closes_on_the_holidays_of_baden_wurttemberg() {
        let office = Catalog::builtin().unwrap().office;
        assert_eq!(office.state, Some(FederalState::BadenWurttemberg));
        assert!(office.local_holidays.is_empty());
        assert!(office.is_closed(date("2028-01-06"))); // Epiphany, computed
        assert!(office.is_closed(date("2030-04-22"))); // Easter Monday
        assert!(office.is_closed(date("2099-12-25")));
        assert!(office.is_closed(date("2027-12-24"))); // a listed closure
        assert!(!office.is_closed(date("2028-01-07")));
        assert!(!office.is_open(date("2028-01-06").and_hms_opt(9, 0, 0).unwrap()));
        assert!(office.is_open(date("2028-01-10").and_hms_opt(9, 0, 0).unwrap()));
    }

    #[test]
    fn uploads_have_defaults_and_limits() {
        let demo = Catalog::builtin().unwrap();
        assert_eq!(demo.uploads, Uploads::default());
        assert_eq!(demo.uploads.max_bytes(), 10 * 1024 * 1024);
        assert_eq!(demo.retention.document_days, 1);
        let set = Catalog::parse(
            &format!("{DEFAULT_CATALOG}\n[uploads]\nmax_file_mb = 5\nmax_files = 3\n"),
            "catalog.toml",
        )
        .unwrap();
        assert_eq!((set.uploads.max_file_mb, set.uploads.max_files), (5, 3));
        for bad in ["max_file_mb = 0", "max_files = 51", "max_size = 3"] {
            let e = Catalog::parse(
                &format!("{DEFAULT_CATALOG}\n[uploads]\n{bad}\n"),
                "catalog.toml",
            )
            .unwrap_err()
            .to_string();
            assert!(e.contains("max_"), "{bad}: {e}");
        }
    }

    #[test]
    fn without_a_state_only_closures_close() {
        let office = with_state("").unwrap().office;
        assert_eq!(office.state, None);
        assert!(!office.is_closed(date("2028-01-06")));
        assert!(office.is_closed(date("2027-12-24")));
    }

    #[test]
    fn state_and_local_holidays_parse() {
        let office = with_state(
            "state = \"de-by\"\nlocal_holidays = [\"assumption\", \"augsburg-peace-festival\", \"assumption\"]\n",
        )
        .unwrap()
        .office;
        assert_eq!(office.state, Some(FederalState::Bavaria));
        assert_eq!(
            office.local_holidays,
            [
                LocalHoliday::Assumption,
                LocalHoliday::AugsburgPeaceFestival
            ]
        );
        assert!(office.is_closed(date("2031-08-08")));
        assert!(office.is_closed(date("2031-08-15")));
    }

    #[test]
    fn an_unknown_state_is_refused_where_it_stands() {
        let (line, column, message) = invalid("state = \"BX\"\n");
        assert_eq!((line, column), (state_line(), 9));
        assert!(message.contains("`BX` is not a German state"), "{message}");
        assert!(
            message.contains("BW") && message.contains("TH"),
            "{message}"
        );
    }

    #[test]
    fn an_unknown_local_holiday_is_refused_with_the_known_ones() {
        let (line, column, message) =
            invalid("state = \"SN\"\nlocal_holidays = [\"corpus-christi\", \"fasching\"]\n");
        assert_eq!((line, column), (state_line() + 1, 37));
        assert!(
            message.contains("`fasching` is not a local holiday"),
            "{message}"
        );
        for day in LocalHoliday::ALL {
            assert!(message.contains(day.id()), "{message}");
        }
    }

    #[test]
    fn a_local_holiday_needs_its_state() {
        let (line, _, message) = invalid("local_holidays = [\"assumption\"]\n");
        assert_eq!(line, state_line());
        assert!(message.contains("need the office's `state`"), "{message}");
        let (line, _, message) = invalid("state = \"BW\"\nlocal_holidays = [\"assumption\"]\n");
        assert_eq!(line, state_line() + 1);
        assert!(message.contains("in BY only, not in BW"), "{message}");
        let (_, _, message) = invalid("state = \"SL\"\nlocal_holidays = [\"corpus-christi\"]\n");
        assert!(
            message.contains("in SN and TH only, not in SL"),
            "{message}"
        );
    }
}
