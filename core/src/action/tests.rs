//! The contract of option ids: round trips, every id written today, the lenient forms.

use super::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// A booking's or payment's id as the store makes them (`reference::secret_token`).
const TOKEN: &str = "3f9k2m7q1x8v4b6n0c5d2h7j9t";
/// 2026-12-08 09:30 in Heidelberg.
const SLOT_SECONDS: i64 = 1_796_718_600;

fn slot() -> DateTime<Utc> {
    DateTime::from_timestamp(SLOT_SECONDS, 0).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
}

/// Each variant's place in the declaration. The match is exhaustive, so a new variant
/// does not compile here until it has a number: give it the next one, raise `VARIANTS`
/// and add it to `one_of_each`.
fn variant(action: &Action) -> usize {
    match action {
        Action::ChooseLanguage(_) => 0,
        Action::GoBack => 1,
        Action::MainMenu => 2,
        Action::BookAppointment => 3,
        Action::MyAppointments => 4,
        Action::WhatToBring => 5,
        Action::Help => 6,
        Action::ChangeLanguage => 7,
        Action::TalkToClerkNow => 8,
        Action::CheckIn(_) => 9,
        Action::RefreshQueue => 10,
        Action::LeaveQueue => 11,
        Action::PickService(_) => 12,
        Action::HaveDocument(_) => 13,
        Action::MissingDocument(_) => 14,
        Action::ContinueToDates => 15,
        Action::BookThisService => 16,
        Action::LaterDays => 17,
        Action::EarlierDays => 18,
        Action::PickDay(_) => 19,
        Action::LaterTimes => 20,
        Action::PickSlot(_) => 21,
        Action::ConfirmAppointment => 22,
        Action::ChooseAnotherTime => 23,
        Action::AbortBooking => 24,
        Action::OpenAppointment(_) => 25,
        Action::PayFee(_) => 26,
        Action::RescheduleAppointment => 27,
        Action::CancelAppointment => 28,
        Action::ConfirmCancellation => 29,
        Action::KeepAppointment => 30,
        Action::RateVisit(_) => 31,
        Action::SkipFeedback => 32,
        Action::ForgetMe => 33,
        Action::KeepHolding => 34,
        Action::OpenDocuments => 35,
        Action::SendDocument(_) => 36,
        Action::RemoveDocument(_) => 37,
        Action::DocumentIs(_) => 38,
        Action::Ask(_) => 39,
    }
}

const VARIANTS: usize = 40;

fn one_of_each() -> Vec<Action> {
    vec![
        Action::ChooseLanguage(Lang::Ar),
        Action::GoBack,
        Action::MainMenu,
        Action::BookAppointment,
        Action::MyAppointments,
        Action::WhatToBring,
        Action::Help,
        Action::ChangeLanguage,
        Action::TalkToClerkNow,
        Action::CheckIn(TOKEN.into()),
        Action::RefreshQueue,
        Action::LeaveQueue,
        Action::PickService("anmeldung".into()),
        Action::HaveDocument("id-card".into()),
        Action::MissingDocument("landlord-confirmation".into()),
        Action::ContinueToDates,
        Action::BookThisService,
        Action::LaterDays,
        Action::EarlierDays,
        Action::PickDay(day()),
        Action::LaterTimes,
        Action::PickSlot(slot()),
        Action::ConfirmAppointment,
        Action::ChooseAnotherTime,
        Action::AbortBooking,
        Action::OpenAppointment("7KQ2-M9XD".into()),
        Action::PayFee(TOKEN.into()),
        Action::RescheduleAppointment,
        Action::CancelAppointment,
        Action::ConfirmCancellation,
        Action::KeepAppointment,
        Action::RateVisit(4),
        Action::SkipFeedback,
        Action::ForgetMe,
        Action::KeepHolding,
        Action::OpenDocuments,
        Action::SendDocument("landlord-confirmation".into()),
        Action::RemoveDocument("id-card".into()),
        Action::DocumentIs("power-of-attorney".into()),
        Action::Ask("hours".into()),
    ]
}

#[test]
fn every_variant_round_trips() {
    let all = one_of_each();
    let covered: std::collections::BTreeSet<usize> = all.iter().map(variant).collect();
    assert_eq!(
        covered,
        (0..VARIANTS).collect(),
        "one_of_each misses a variant"
    );
    let mut ids = std::collections::BTreeSet::new();
    for action in all {
        let id = action.encode();
        assert!(id.len() <= MAX_ID_BYTES, "{id}");
        assert_eq!(Action::parse(&id), Some(action.clone()), "{id}");
        assert_eq!(action.to_string(), id);
        assert_eq!(id.parse::<Action>(), Ok(action.clone()));
        assert_eq!(String::from(action), id);
        assert!(ids.insert(id.clone()), "two variants write {id}");
    }
}

/// Every id the core writes today, with the expression that writes it copied from its
/// place (`dialogue/screens.rs`, `queue/mod.rs`, `timers.rs`, `dialogue/steps.rs`).
fn written_today() -> Vec<(String, Action)> {
    let (b_id, p_id, reference) = (TOKEN, TOKEN, "7KQ2-M9XD");
    let (s_id, doc, d, s) = ("anmeldung", "id-card", day(), slot());
    let mut written = vec![
        ("nav:back".to_owned(), Action::GoBack),
        ("nav:menu".to_owned(), Action::MainMenu),
        ("menu:book".to_owned(), Action::BookAppointment),
        ("menu:appointments".to_owned(), Action::MyAppointments),
        ("menu:checklist".to_owned(), Action::WhatToBring),
        ("menu:help".to_owned(), Action::Help),
        ("menu:language".to_owned(), Action::ChangeLanguage),
        ("menu:walkin".to_owned(), Action::TalkToClerkNow),
        (format!("checkin:{b_id}"), Action::CheckIn(TOKEN.into())),
        ("queue:refresh".to_owned(), Action::RefreshQueue),
        ("queue:leave".to_owned(), Action::LeaveQueue),
        (format!("svc:{s_id}"), Action::PickService(s_id.into())),
        (format!("tick:{doc}"), Action::HaveDocument(doc.into())),
        (format!("untick:{doc}"), Action::MissingDocument(doc.into())),
        ("go:dates".to_owned(), Action::ContinueToDates),
        ("go:book".to_owned(), Action::BookThisService),
        ("days:more".to_owned(), Action::LaterDays),
        ("days:less".to_owned(), Action::EarlierDays),
        (format!("day:{d}"), Action::PickDay(d)),
        ("times:more".to_owned(), Action::LaterTimes),
        (format!("time:{}", s.timestamp()), Action::PickSlot(s)),
        ("confirm".to_owned(), Action::ConfirmAppointment),
        ("other-time".to_owned(), Action::ChooseAnotherTime),
        ("abort".to_owned(), Action::AbortBooking),
        (
            format!("appt:{reference}"),
            Action::OpenAppointment(reference.into()),
        ),
        (format!("pay:{p_id}"), Action::PayFee(TOKEN.into())),
        ("reschedule".to_owned(), Action::RescheduleAppointment),
        ("cancel".to_owned(), Action::CancelAppointment),
        ("yes-cancel".to_owned(), Action::ConfirmCancellation),
        ("no-keep".to_owned(), Action::KeepAppointment),
        ("skip".to_owned(), Action::SkipFeedback),
        ("forget:yes".to_owned(), Action::ForgetMe),
        ("hold:more".to_owned(), Action::KeepHolding),
        ("docs".to_owned(), Action::OpenDocuments),
        (
            "docsend:landlord-confirmation".to_owned(),
            Action::SendDocument("landlord-confirmation".into()),
        ),
        (
            "docdel:id-card".to_owned(),
            Action::RemoveDocument("id-card".into()),
        ),
        (
            "docfor:id-card".to_owned(),
            Action::DocumentIs("id-card".into()),
        ),
        ("ask:hours".to_owned(), Action::Ask("hours".into())),
        ("ask:proxy".to_owned(), Action::Ask("proxy".into())),
    ];
    written.extend(
        Lang::ALL
            .iter()
            .map(|l| (format!("lang:{l}"), Action::ChooseLanguage(*l))),
    );
    written.extend((1..=5).map(|n| (format!("feedback:{n}"), Action::RateVisit(n))));
    written
}

#[test]
fn every_id_written_today_parses_to_its_action_and_back_to_the_same_bytes() {
    let written = written_today();
    let covered: std::collections::BTreeSet<usize> =
        written.iter().map(|(_, a)| variant(a)).collect();
    assert_eq!(
        covered,
        (0..VARIANTS).collect(),
        "an id written today is missing"
    );
    for (id, action) in written {
        assert_eq!(Action::parse(&id), Some(action.clone()), "{id}");
        assert_eq!(action.encode(), id);
    }
    // The literal forms, independent of any `Display`.
    assert_eq!(Action::PickDay(day()).encode(), "day:2026-12-08");
    assert_eq!(Action::PickSlot(slot()).encode(), "time:1796718600");
    assert_eq!(Action::ChooseLanguage(Lang::De).encode(), "lang:de");
    assert_eq!(Action::ChooseLanguage(Lang::Fa).encode(), "lang:fa");
    assert_eq!(Action::RateVisit(1).encode(), "feedback:1");
}

#[test]
fn the_lenient_forms_accepted_before_parse_to_the_same_action() {
    let de_at = Action::ChooseLanguage(Lang::De);
    let cases = [
        // The argument of a kind without one was never looked at.
        ("confirm:x", Action::ConfirmAppointment),
        ("other-time:", Action::ChooseAnotherTime),
        ("abort:now", Action::AbortBooking),
        ("reschedule:x", Action::RescheduleAppointment),
        ("cancel:x", Action::CancelAppointment),
        ("yes-cancel:x", Action::ConfirmCancellation),
        ("no-keep:x", Action::KeepAppointment),
        ("skip:x", Action::SkipFeedback),
        ("times", Action::LaterTimes),
        ("times:less", Action::LaterTimes),
        // Kinds whose match had a catch-all.
        ("nav", Action::GoBack),
        ("nav:", Action::GoBack),
        ("nav:up", Action::GoBack),
        ("queue", Action::RefreshQueue),
        ("queue:status", Action::RefreshQueue),
        ("queue:leave-now", Action::RefreshQueue),
        ("nav:menus", Action::GoBack),
        ("menu:book-now", Action::Help),
        ("go:booking", Action::ContinueToDates),
        ("days:more-or-less", Action::EarlierDays),
        ("menu", Action::Help),
        ("menu:faq", Action::Help),
        ("go", Action::ContinueToDates),
        ("go:days", Action::ContinueToDates),
        ("days", Action::EarlierDays),
        ("days:back", Action::EarlierDays),
        ("feedback", Action::RateVisit(3)),
        ("feedback:great", Action::RateVisit(3)),
        ("feedback:0", Action::RateVisit(1)),
        ("feedback:-7", Action::RateVisit(1)),
        ("feedback:9", Action::RateVisit(5)),
        ("feedback:99999999999999999999", Action::RateVisit(3)),
        // Arguments read as their reader reads them.
        ("lang:DE", de_at.clone()),
        ("lang:de-AT", de_at.clone()),
        ("lang:de_AT", de_at),
        ("lang: tr ", Action::ChooseLanguage(Lang::Tr)),
        ("time:+1796718600", Action::PickSlot(slot())),
        ("day:2026-12-8", Action::PickDay(day())),
        ("day:+2026-12-08", Action::PickDay(day())),
        // Opaque arguments as they are.
        ("svc", Action::PickService(String::new())),
        ("svc:", Action::PickService(String::new())),
        (
            "appt:7KQ2:M9XD",
            Action::OpenAppointment("7KQ2:M9XD".into()),
        ),
        ("tick:", Action::HaveDocument(String::new())),
        ("checkin", Action::CheckIn(String::new())),
        ("pay:x y", Action::PayFee("x y".into())),
    ];
    for (id, action) in cases {
        let parsed = Action::parse(id);
        assert_eq!(parsed, Some(action.clone()), "{id}");
        // It encodes to the written form, which reads back the same.
        assert_eq!(Action::parse(&action.encode()), Some(action), "{id}");
    }
}

#[test]
fn garbage_is_none() {
    let long_service = format!("svc:{}", "a".repeat(MAX_ID_BYTES - 3));
    let long_umlauts = format!("svc:{}", "ü".repeat(31));
    for id in [
        "",
        ":",
        ":back",
        "x",
        "service:anmeldung",
        "slot:2026-12-08T09:30",
        "NAV:back",
        "Confirm",
        " nav:back",
        "nav :back",
        "forget",
        "forget:",
        "forget:no",
        "forget:YES",
        "lang",
        "lang:",
        "lang:xx",
        "lang:pt-BR",
        "day",
        "day:",
        "day:2026-13-01",
        "day:2026-02-30",
        "day:tomorrow",
        "day:2026-12-08 ",
        "day:2026-12-08T09:30",
        "time",
        "time:",
        "time:abc",
        "time:1.5",
        "time: 1796718600",
        "time:9223372036854775807",
        "time:99999999999999999999",
        "\u{0}",
        "confirm\u{0}",
        &long_service,
        &long_umlauts,
    ] {
        assert_eq!(Action::parse(id), None, "{id:?}");
        assert_eq!(id.parse::<Action>(), Err(UnknownOption), "{id:?}");
    }
}

#[test]
fn the_length_limit_is_in_bytes_and_inclusive() {
    let at_limit = format!("svc:{}", "a".repeat(MAX_ID_BYTES - 4));
    assert_eq!(at_limit.len(), MAX_ID_BYTES);
    assert!(Action::parse(&at_limit).is_some());
    let umlauts = format!("svc:{}", "ü".repeat(30));
    assert_eq!(umlauts.len(), MAX_ID_BYTES);
    assert!(Action::parse(&umlauts).is_some());
    // The longest id the catalogue allows (ids of at most 40 characters) fits.
    let longest = Action::MissingDocument("d".repeat(40)).encode();
    assert_eq!(longest.len(), 47);
}

#[test]
fn only_check_in_the_waiting_room_and_the_hold_warning_are_global() {
    let global: Vec<String> = one_of_each()
        .into_iter()
        .filter(Action::is_global)
        .map(String::from)
        .collect();
    assert_eq!(
        global,
        [
            format!("checkin:{TOKEN}"),
            "queue:refresh".into(),
            "queue:leave".into(),
            "hold:more".into()
        ]
    );
}

// --- Property-style checks on generated ids (a fixed seed: failures reproduce). ---

const CROCKFORD: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";

fn pick(rng: &mut StdRng, from: &[u8], len: usize) -> String {
    (0..len)
        .map(|_| char::from(from[rng.random_range(0..from.len())]))
        .collect()
}

/// A catalogue id (service or document): lowercase letters, digits and dashes, starting
/// with a letter, at most 40 characters.
fn catalog_id(rng: &mut StdRng) -> String {
    let len = rng.random_range(0..40);
    let first = pick(rng, b"abcdefghijklmnopqrstuvwxyz", 1);
    first + &pick(rng, b"abcdefghijklmnopqrstuvwxyz0123456789-", len)
}

fn token(rng: &mut StdRng) -> String {
    pick(rng, CROCKFORD, 26)
}

fn reference(rng: &mut StdRng) -> String {
    let upper = CROCKFORD.to_ascii_uppercase();
    format!("{}-{}", pick(rng, &upper, 4), pick(rng, &upper, 4))
}

fn date(rng: &mut StdRng) -> NaiveDate {
    let days = rng.random_range(-1_000_000..1_000_000);
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(days)
}

fn instant(rng: &mut StdRng) -> DateTime<Utc> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    let seconds = match rng.random_range(0..4) {
        0 => rng.random_range(min..=max),
        1 => rng.random_range(-1_000..1_000),
        // Slots of the coming years, on the quarter hour.
        _ => SLOT_SECONDS + 900 * rng.random_range(-100_000..100_000),
    };
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// An id exactly as the core writes it, built with the core's own expressions rather than
/// with `encode`.
fn written_id(rng: &mut StdRng) -> String {
    let fixed = [
        "nav:back",
        "nav:menu",
        "menu:book",
        "menu:appointments",
        "menu:checklist",
        "menu:help",
        "menu:language",
        "menu:walkin",
        "queue:refresh",
        "queue:leave",
        "go:dates",
        "go:book",
        "days:more",
        "days:less",
        "times:more",
        "confirm",
        "other-time",
        "abort",
        "reschedule",
        "cancel",
        "yes-cancel",
        "no-keep",
        "skip",
        "forget:yes",
    ];
    match rng.random_range(0..11) {
        0 => fixed[rng.random_range(0..fixed.len())].to_owned(),
        1 => format!("lang:{}", Lang::ALL[rng.random_range(0..Lang::ALL.len())]),
        2 => format!("checkin:{}", token(rng)),
        3 => format!("svc:{}", catalog_id(rng)),
        4 => format!("tick:{}", catalog_id(rng)),
        5 => format!("untick:{}", catalog_id(rng)),
        6 => format!("day:{}", date(rng)),
        7 => format!("time:{}", instant(rng).timestamp()),
        8 => format!("appt:{}", reference(rng)),
        9 => format!("pay:{}", token(rng)),
        _ => format!("feedback:{}", rng.random_range(1..=5)),
    }
}

fn any_action(rng: &mut StdRng) -> Action {
    let mut action = one_of_each().swap_remove(rng.random_range(0..VARIANTS));
    match &mut action {
        Action::ChooseLanguage(l) => *l = Lang::ALL[rng.random_range(0..Lang::ALL.len())],
        Action::CheckIn(id) | Action::PayFee(id) => *id = token(rng),
        Action::PickService(id) | Action::HaveDocument(id) | Action::MissingDocument(id) => {
            *id = catalog_id(rng);
        }
        Action::OpenAppointment(r) => *r = reference(rng),
        Action::PickDay(d) => *d = date(rng),
        Action::PickSlot(t) => *t = instant(rng),
        Action::RateVisit(n) => *n = rng.random_range(1..=5),
        _ => {}
    }
    action
}

#[test]
fn written_ids_survive_parse_and_encode_unchanged() {
    let mut rng = StdRng::seed_from_u64(0x5C4A_17E8);
    for _ in 0..20_000 {
        let id = written_id(&mut rng);
        let action = Action::parse(&id).unwrap_or_else(|| panic!("{id} does not parse"));
        assert_eq!(action.encode(), id);
    }
}

#[test]
fn actions_survive_encode_and_parse_unchanged() {
    let mut rng = StdRng::seed_from_u64(0xAC71_0115);
    for _ in 0..20_000 {
        let action = any_action(&mut rng);
        let id = action.encode();
        assert!(id.len() <= MAX_ID_BYTES, "{id}");
        assert_eq!(Action::parse(&id), Some(action), "{id}");
    }
}

/// Strings near the real ids (a real kind, a colon or none, arguments of every shape):
/// parsing never panics, and whatever parses encodes to an id that reads back the same.
#[test]
fn anything_that_parses_has_one_written_form() {
    let kinds = [
        "lang",
        "nav",
        "menu",
        "checkin",
        "queue",
        "svc",
        "tick",
        "untick",
        "go",
        "days",
        "day",
        "times",
        "time",
        "confirm",
        "other-time",
        "abort",
        "appt",
        "pay",
        "reschedule",
        "cancel",
        "yes-cancel",
        "no-keep",
        "feedback",
        "skip",
        "forget",
        "Nav",
        "x",
        "",
    ];
    let noise: Vec<char> = "abcdemoreyskpluvw0123456789-+:_ .TZü\u{200F}\u{0}"
        .chars()
        .collect();
    let mut rng = StdRng::seed_from_u64(0x6A_4BA6E);
    let mut parsed = 0;
    for _ in 0..50_000 {
        let mut id = kinds[rng.random_range(0..kinds.len())].to_owned();
        if rng.random_bool(0.8) {
            id.push(':');
        }
        if rng.random_bool(0.3) {
            id.push_str(&written_id(&mut rng));
        } else {
            let len = rng.random_range(0..70);
            id.extend((0..len).map(|_| noise[rng.random_range(0..noise.len())]));
        }
        let Some(action) = Action::parse(&id) else {
            continue;
        };
        parsed += 1;
        let written = action.encode();
        assert!(written.len() <= MAX_ID_BYTES, "{id:?} -> {written:?}");
        assert_eq!(
            Action::parse(&written),
            Some(action),
            "{id:?} -> {written:?}"
        );
    }
    assert!(
        parsed > 10_000,
        "the generator hardly reaches the parser: {parsed}"
    );
}
