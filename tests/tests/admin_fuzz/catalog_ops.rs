//! Catalogue mutations: the shipped catalogue changed here and there, and how each change is
//! made to the TOML text.

use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::text;
use crate::office::MAX_BODY;

#[derive(Clone, Debug)]
pub(crate) enum CatalogOp {
    RemoveService(usize),
    RemoveAllServices,
    /// One weekday's opening intervals (a TOML value, usually an array).
    Hours(&'static str, String),
    Office(&'static str, String),
    Service(usize, &'static str, String),
    Closure(String, Option<String>),
    AddService(String),
    UnknownField(String),
    Truncate(prop::sample::Index),
    Insert(prop::sample::Index, String),
    Deep(usize),
    HugeString(usize),
    Replace(String),
}

fn number_literal() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "0", "1", "-1", "5", "7", "10", "15", "20", "60", "120", "240", "241", "366", "367",
            "480", "481", "500", "501", "4294967295", "4294967296", "9223372036854775807",
            "99999999999999999999", "1e10", "1.5", "\"3\"", "true", "[]", "{}", "nan", "inf",
            "-inf", "0x10", "1_000",
        ])
        .prop_map(String::from),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ]
    .boxed()
}

fn interval() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(vec![
            "08:00-12:00", "00:00-23:59", "12:00-08:00", "08:00-08:00", "25:00-26:00", "8-12",
            "08:00", "", "24:00-24:00", "07:59-08:01", "23:59-00:00", "00:00-00:01",
            "08:00 - 09:00", "08:00-09:00-10:00", "٠٨:٠٠-١٢:٠٠", "08:00:00-12:00:00",
        ])
        .prop_map(String::from),
        3 => (0u32..30, 0u32..70, 0u32..30, 0u32..70)
            .prop_map(|(a, b, c, d)| format!("{a:02}:{b:02}-{c:02}:{d:02}")),
    ]
    .boxed()
}

fn date() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(vec![
            "2027-02-02", "2027-02-03", "2027-02-30", "0001-01-01", "9999-12-31",
            "+262143-12-31", "+262142-01-01", "-0001-01-01", "-262143-01-01", "2027-2-2", "",
            "x", "262143-12-31", "1970-01-01", "2100-01-01",
        ])
        .prop_map(String::from),
        1 => (2020i32..2040, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
    .boxed()
}

pub(crate) fn catalog_op() -> BoxedStrategy<CatalogOp> {
    let day = select(vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    prop_oneof![
        3 => (0usize..12).prop_map(CatalogOp::RemoveService),
        1 => Just(CatalogOp::RemoveAllServices),
        3 => (day.clone(), prop::collection::vec(interval(), 0..6)).prop_map(|(d, list)| {
            let items: Vec<String> = list.iter().map(|i| format!("\"{i}\"")).collect();
            CatalogOp::Hours(d, format!("[{}]", items.join(", ")))
        }),
        1 => (day, prop_oneof![
            Just("\"08:00-12:00\"".to_owned()),
            Just("42".to_owned()),
            Just("[[\"08:00\"]]".to_owned()),
            (1usize..200).prop_map(|n| format!("[{}]", vec!["\"08:00-08:01\""; n].join(", "))),
            Just(format!("[{}]", (0..24 * 12).map(|i| format!("\"{:02}:{:02}-{:02}:{:02}\"", i / 12, (i % 12) * 5, i / 12, (i % 12) * 5 + 1)).collect::<Vec<_>>().join(", "))),
        ]).prop_map(|(d, v)| CatalogOp::Hours(d, v)),
        4 => (
            select(vec![
                "desks", "slot_minutes", "hold_minutes", "booking_horizon_days",
                "min_notice_minutes", "max_active_bookings", "check_in_before_minutes",
                "no_show_after_minutes", "walk_ins",
            ]),
            number_literal(),
        )
            .prop_map(|(f, v)| CatalogOp::Office(f, v)),
        3 => (
            0usize..12,
            select(vec!["duration_minutes", "fee_cents", "video", "pay_after_call", "id", "documents"]),
            prop_oneof![
                3 => number_literal(),
                1 => select(vec![
                    "\"neu\"", "\"\"", "\"UPPER\"", "\"führerschein\"", "[\"id-card\"]",
                    "[\"no-such-doc\"]", "[]", "false", "true",
                ])
                .prop_map(String::from),
            ],
        )
            .prop_map(|(i, f, v)| CatalogOp::Service(i, f, v)),
        3 => (date(), prop::option::of(date())).prop_map(|(d, u)| CatalogOp::Closure(d, u)),
        1 => select(vec!["hundesteuer", "anmeldung", "x", "Bad Id", ""])
            .prop_map(|s| CatalogOp::AddService(s.to_owned())),
        1 => "[a-z_]{1,10}".prop_map(CatalogOp::UnknownField),
        1 => any::<prop::sample::Index>().prop_map(CatalogOp::Truncate),
        1 => (
            any::<prop::sample::Index>(),
            prop_oneof![
                text(),
                select(vec!["\n[office]\n", "\n[[services]]\n", "\"", "'''", "\n=\n", "\0"])
                    .prop_map(String::from),
            ]
        )
            .prop_map(|(i, s)| CatalogOp::Insert(i, s)),
        1 => (1usize..5000).prop_map(CatalogOp::Deep),
        1 => select(vec![MAX_BODY / 2, MAX_BODY - 100, MAX_BODY]).prop_map(CatalogOp::HugeString),
        1 => text().prop_map(CatalogOp::Replace),
    ]
    .boxed()
}

/// The byte offsets of each `[[services]]` block.
fn service_blocks(toml: &str) -> Vec<(usize, usize)> {
    let starts: Vec<usize> = toml.match_indices("[[services]]").map(|(i, _)| i).collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, s)| (*s, starts.get(n + 1).copied().unwrap_or(toml.len())))
        .collect()
}

/// Sets `field = value` in the section starting at `at` (its first line), or adds it there.
fn set_field(toml: &mut String, at: usize, end: usize, field: &str, value: &str) {
    let section = &toml[at..end];
    let key = format!("\n{field} = ");
    match section.find(&key) {
        Some(i) => {
            let start = at + i + 1;
            let line_end = toml[start..].find('\n').map_or(toml.len(), |e| start + e);
            toml.replace_range(start..line_end, &format!("{field} = {value}"));
        }
        None => {
            let line_end = toml[at..].find('\n').map_or(toml.len(), |e| at + e);
            toml.insert_str(line_end, &format!("\n{field} = {value}"));
        }
    }
}

fn char_boundary(s: &str, i: prop::sample::Index) -> usize {
    let mut at = i.index(s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(crate) fn apply(toml: &str, ops: &[CatalogOp]) -> String {
    let mut t = toml.to_owned();
    for op in ops {
        match op {
            CatalogOp::RemoveService(i) => {
                let blocks = service_blocks(&t);
                if !blocks.is_empty() {
                    let (s, e) = blocks[i % blocks.len()];
                    t.replace_range(s..e, "");
                }
            }
            CatalogOp::RemoveAllServices => {
                if let Some((s, _)) = service_blocks(&t).first() {
                    t.truncate(*s);
                }
            }
            CatalogOp::Hours(day, value) => {
                let key = format!("\n{day} = ");
                if let Some(i) = t.find(&key) {
                    let start = i + 1;
                    let end = t[start..].find('\n').map_or(t.len(), |e| start + e);
                    t.replace_range(start..end, &format!("{day} = {value}"));
                }
            }
            CatalogOp::Office(field, value) => {
                if let Some(at) = t.find("[office]") {
                    let end = t[at + 1..].find("\n[").map_or(t.len(), |e| at + 1 + e);
                    set_field(&mut t, at, end, field, value);
                }
            }
            CatalogOp::Service(i, field, value) => {
                let blocks = service_blocks(&t);
                if !blocks.is_empty() {
                    let (s, e) = blocks[i % blocks.len()];
                    set_field(&mut t, s, e, field, value);
                }
            }
            CatalogOp::Closure(date, until) => {
                let entry = match until {
                    Some(u) => format!("\n  {{ date = \"{date}\", until = \"{u}\" }},"),
                    None => format!("\n  {{ date = \"{date}\" }},"),
                };
                if let Some(i) = t.find("closures = [") {
                    t.insert_str(i + "closures = [".len(), &entry);
                }
            }
            CatalogOp::AddService(id) => t.push_str(&format!(
                "\n[[services]]\nid = \"{id}\"\nvideo = true\nduration_minutes = 10\n"
            )),
            CatalogOp::UnknownField(f) => {
                if let Some(at) = t.find("[office]\n") {
                    t.insert_str(at + "[office]\n".len(), &format!("{f} = 1\n"));
                }
            }
            CatalogOp::Truncate(i) => {
                let at = char_boundary(&t, *i);
                t.truncate(at);
            }
            CatalogOp::Insert(i, s) => {
                let at = char_boundary(&t, *i);
                t.insert_str(at, s);
            }
            CatalogOp::Deep(n) => {
                t.push_str(&format!(
                    "\n[deep]\nx = {}1{}\n",
                    "[".repeat(*n),
                    "]".repeat(*n)
                ));
            }
            CatalogOp::HugeString(n) => {
                if let Some(at) = t.find("[privacy]\n") {
                    t.insert_str(
                        at + "[privacy]\n".len(),
                        &format!("controller = \"{}\"\n", "B".repeat(*n)),
                    );
                }
            }
            CatalogOp::Replace(s) => t = s.clone(),
        }
    }
    t
}
