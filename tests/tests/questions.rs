//! The questions citizens ask at a counter (issue 25), in every language, through the engine
//! with the demo catalogue and the shipped locales: greetings and thanks, the opening hours in
//! a week with Christmas ahead and again after an admin changed them, a named service's fee
//! and duration, the office's address, whether someone else may come, and a question nothing
//! answers. The inputs are each language's own keywords and service names from `locales/`, so
//! that every language is asked in its own words; none is answered with "no service found".

use chrono::{DateTime, Utc};
use schalter_core::i18n::Lang;
use schalter_core::staff::Person;
use schalter_core::{Engine, Input, Reply};
use schalter_tests::{TestDb, conv, engine};

/// Monday 21 December 2026, 09:00 in Heidelberg: open until 12:00; the 24th is a closing day
/// of the demo catalogue, the 25th and 26th are public holidays.
const MONDAY_BEFORE_CHRISTMAS: &str = "2026-12-21T09:00:00+01:00";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("a valid time")
        .with_timezone(&Utc)
}

/// The first phrase of a keyword list: what a citizen of that language would type.
fn first_keyword(engine: &Engine, lang: Lang, id: &str) -> String {
    let list = engine.office().i18n().text(lang, id);
    list.split([',', '\n'])
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or_else(|| panic!("{id} in {lang} has a phrase"))
        .to_owned()
}

fn text(engine: &Engine, lang: Lang, id: &str) -> String {
    engine.office().i18n().text(lang, id)
}

/// The part of a message after its first placeable, rendered with a marker in its place:
/// what every line made of it ends with.
fn after_placeable(engine: &Engine, lang: Lang, id: &str, arg: &str) -> String {
    let mut args = schalter_core::i18n::FluentArgs::new();
    args.set(arg.to_owned(), "\u{E000}");
    let rendered = engine.office().i18n().msg(lang, id, &args);
    rendered
        .rsplit('\u{E000}')
        .next()
        .expect("the marker is in the message")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{2068}' | '\u{2069}'))
        .to_owned()
}

async fn say(engine: &Engine, conversation: &str, words: &str) -> Reply {
    engine
        .dialogue()
        .handle(&conv(conversation), Input::Text(words.to_owned()))
        .await
        .expect("engine answers")
}

fn state_of(reply: &Reply) -> Vec<String> {
    reply.options.iter().map(|o| o.id.clone()).collect()
}

#[tokio::test]
async fn every_language_gets_its_questions_answered() {
    let db = TestDb::sqlite().await;
    let (engine, _clock) = engine(&db.store, at(MONDAY_BEFORE_CHRISTMAS));
    for (n, lang) in Lang::ALL.into_iter().enumerate() {
        let who = format!("telegram:{}", 61_000 + n);
        let menu = engine
            .dialogue()
            .open(&conv(&who), Some(lang.code()))
            .await
            .expect("the menu");
        let not_found = text(&engine, lang, "service-not-found");
        let menu_options = state_of(&menu);
        let asked = |reply: &Reply, what: &str| {
            assert!(
                !reply.text.contains(&not_found),
                "{lang}: {what} answered with 'no service found': {reply:#?}"
            );
            assert_eq!(
                state_of(reply),
                menu_options,
                "{lang}: {what} leaves the step as it was"
            );
        };

        let greeting = first_keyword(&engine, lang, "question-greeting-keywords");
        let reply = say(&engine, &who, &greeting).await;
        asked(&reply, "a greeting");
        assert!(
            reply
                .text
                .contains(&text(&engine, lang, "question-greeting")),
            "{lang}: '{greeting}' is greeted back: {reply:#?}"
        );

        let thanks = first_keyword(&engine, lang, "question-thanks-keywords");
        let reply = say(&engine, &who, &thanks).await;
        asked(&reply, "thanks");
        assert!(
            reply.text.contains(&text(&engine, lang, "question-thanks")),
            "{lang}: '{thanks}' is answered as thanks: {reply:#?}"
        );

        let hours = first_keyword(&engine, lang, "question-hours-keywords");
        let reply = say(&engine, &who, &hours).await;
        asked(&reply, "the hours");
        assert!(
            reply
                .text
                .contains(&text(&engine, lang, "question-hours-title")),
            "{lang}: '{hours}' gets the hours: {reply:#?}"
        );
        let closed = after_placeable(&engine, lang, "question-hours-day-closed", "day");
        assert_eq!(
            reply
                .text
                .lines()
                .filter(|l| l.trim_end().ends_with(&closed))
                .count(),
            3,
            "{lang}: the 24th (closing day), 25th and 26th (holidays) are closed: {reply:#?}"
        );
        let open_now = after_placeable(&engine, lang, "question-hours-open-now", "until");
        assert!(
            reply.text.contains(&open_now) || reply.text.contains(&lang.digits("12:00")),
            "{lang}: open now until 12:00: {reply:#?}"
        );

        let cost = first_keyword(&engine, lang, "question-cost-keywords");
        let service = text(&engine, lang, "service-meldebescheinigung");
        let reply = say(&engine, &who, &format!("{cost} {service}")).await;
        asked(&reply, "a fee");
        assert!(
            reply.text.contains(&lang.digits("10"))
                && reply.text.contains(&service)
                && !reply
                    .text
                    .contains(&text(&engine, lang, "question-cost-all")),
            "{lang}: '{cost} {service}' tells that service's fee and duration: {reply:#?}"
        );

        let address = first_keyword(&engine, lang, "question-address-keywords");
        let reply = say(&engine, &who, &address).await;
        asked(&reply, "the address");
        assert!(
            reply.text.contains("Marktplatz 1, 69117 Musterstadt"),
            "{lang}: '{address}' gets the address: {reply:#?}"
        );

        let proxy = first_keyword(&engine, lang, "question-proxy-keywords");
        let anmeldung = text(&engine, lang, "service-anmeldung");
        let reply = say(&engine, &who, &format!("{proxy} {anmeldung}")).await;
        asked(&reply, "someone else for the Anmeldung");
        assert!(
            reply
                .text
                .contains(&text(&engine, lang, "doc-power-of-attorney")),
            "{lang}: someone else may register with a power of attorney: {reply:#?}"
        );
        let zeugnis = text(&engine, lang, "service-fuehrungszeugnis");
        let reply = say(&engine, &who, &format!("{proxy} {zeugnis}")).await;
        asked(&reply, "someone else for the Führungszeugnis");
        assert!(
            reply.text.contains(&after_placeable(
                &engine,
                lang,
                "question-proxy-in-person",
                "service"
            )),
            "{lang}: the certificate of good conduct is asked for in person: {reply:#?}"
        );

        let reply = say(&engine, &who, "qwzx vbnmq").await;
        asked(&reply, "a question nothing answers");
        assert!(
            reply
                .text
                .contains(&text(&engine, lang, "question-unanswered"))
                && reply
                    .text
                    .contains(&text(&engine, lang, "question-unanswered-clerk")),
            "{lang}: what can be asked, and a clerk while the office is open: {reply:#?}"
        );
    }
    db.drop_db().await;
}

/// A question about a service in the middle of a booking is about that service, and the step
/// stays where it was.
#[tokio::test]
async fn a_question_mid_booking_is_about_the_service_booked() {
    let db = TestDb::sqlite().await;
    let (engine, _clock) = engine(&db.store, at(MONDAY_BEFORE_CHRISTMAS));
    let who = "telegram:61100";
    let menu = engine
        .dialogue()
        .open(&conv(who), Some("de"))
        .await
        .expect("the menu");
    let mut reply = menu;
    for prefix in ["menu:book", "svc:anwohnerparkausweis", "go:dates"] {
        reply = schalter_tests::press(&engine, who, &reply, prefix).await;
    }
    let days = state_of(&reply);
    let answer = say(&engine, who, "Was kostet das?").await;
    assert!(
        answer.text.contains("Anwohnerparkausweis: 120,00 €"),
        "the fee of the permit being booked: {answer:#?}"
    );
    assert_eq!(state_of(&answer), days, "still picking a day");
    let answer = say(&engine, who, "Kann jemand anderes für mich kommen?").await;
    assert!(
        answer.text.contains("Vollmacht"),
        "the permit may be fetched with a power of attorney: {answer:#?}"
    );
    assert_eq!(state_of(&answer), days, "still picking a day");
    db.drop_db().await;
}

/// An admin's change to the hours (the catalogue replaced as `PUT /admin/api/catalog` does)
/// shows in the next answer.
#[tokio::test]
async fn the_hours_follow_the_catalogue() {
    let db = TestDb::sqlite().await;
    let (engine, _clock) = engine(&db.store, at(MONDAY_BEFORE_CHRISTMAS));
    let who = "telegram:61200";
    engine
        .dialogue()
        .open(&conv(who), Some("de"))
        .await
        .expect("the menu");
    let before = say(&engine, who, "Wann habt ihr geöffnet?").await;
    assert!(
        before.text.contains("Montag, 21. Dezember: 8:00–12:00 Uhr"),
        "{before:#?}"
    );
    assert!(
        before.text.contains("Jetzt geöffnet, heute bis 12:00 Uhr."),
        "{before:#?}"
    );
    let catalogue = schalter_core::catalog::DEFAULT_CATALOG
        .replace("mon = [\"08:00-12:00\"]", "mon = [\"10:00-18:30\"]");
    engine
        .admin()
        .replace_catalogue(&catalogue, &Person::new("admin-token", "admin"))
        .await
        .expect("the changed catalogue is taken");
    let after = say(&engine, who, "Öffnungszeiten?").await;
    assert!(
        after.text.contains("Montag, 21. Dezember: 10:00–18:30 Uhr")
            && after.text.contains(
                "Jetzt geschlossen. Wir sind wieder da am Montag, 21. Dezember um 10:00 Uhr."
            ),
        "{after:#?}"
    );
    db.drop_db().await;
}

/// A service named as well as a general question's words wins over the question; a question
/// about a service takes the service named.
#[tokio::test]
async fn a_service_named_wins_over_a_greeting() {
    let db = TestDb::sqlite().await;
    let (engine, _clock) = engine(&db.store, at(MONDAY_BEFORE_CHRISTMAS));
    let who = "telegram:61300";
    engine
        .dialogue()
        .open(&conv(who), Some("de"))
        .await
        .expect("the menu");
    let reply = say(&engine, who, "Hallo, ich möchte mich anmelden").await;
    assert!(
        reply.options.iter().any(|o| o.id == "go:dates")
            && reply.text.contains("Anmeldung einer Wohnung"),
        "the Anmeldung's checklist: {reply:#?}"
    );
    let reply = say(&engine, who, "Was kostet ein Führungszeugnis?").await;
    assert!(
        reply.text.contains("13,00 €") && reply.options.iter().any(|o| o.id == "go:dates"),
        "the fee answered, the checklist kept: {reply:#?}"
    );
    db.drop_db().await;
}

/// The help screen offers the questions as buttons in every language; each answers without
/// leaving the help screen, the call's answer links the device check, and a forged question
/// gets the help text.
#[tokio::test]
async fn the_help_screen_asks_by_buttons_in_every_language() {
    let db = TestDb::sqlite().await;
    let (engine, _clock) = engine(&db.store, at(MONDAY_BEFORE_CHRISTMAS));
    for (n, lang) in Lang::ALL.into_iter().enumerate() {
        let who = format!("telegram:{}", 61_400 + n);
        let menu = engine
            .dialogue()
            .open(&conv(&who), Some(lang.code()))
            .await
            .expect("the menu");
        let help = schalter_tests::press(&engine, &who, &menu, "menu:help").await;
        assert!(
            plain(&help.text).contains(&plain(&text(&engine, lang, "help-text"))),
            "{lang}: {help:#?}"
        );
        let asked: Vec<&str> = help
            .options
            .iter()
            .filter_map(|o| o.id.strip_prefix("ask:"))
            .collect();
        assert_eq!(
            asked,
            ["hours", "address", "cost", "call", "payment", "proxy"],
            "{lang}: {help:#?}"
        );
        for o in help.options.iter().filter(|o| o.id.starts_with("ask:")) {
            let name = o.id.trim_start_matches("ask:");
            assert_eq!(
                plain(&o.label),
                plain(&text(&engine, lang, &format!("question-button-{name}"))),
                "{lang}"
            );
        }
        let hours = schalter_tests::press(&engine, &who, &help, "ask:hours").await;
        assert!(
            plain(&hours.text).contains(&plain(&text(&engine, lang, "question-hours-title"))),
            "{lang}: {hours:#?}"
        );
        assert_eq!(
            state_of(&hours),
            state_of(&help),
            "{lang}: still the help screen"
        );
        let call = schalter_tests::press(&engine, &who, &hours, "ask:call").await;
        assert!(
            call.text.contains("http://127.0.0.1:8080/check/"),
            "{lang}: the device check linked: {call:#?}"
        );
        let forged = engine
            .dialogue()
            .handle(&conv(&who), Input::Choice("ask:weather".into()))
            .await
            .expect("engine answers");
        assert!(
            !forged.text.is_empty() && state_of(&forged) == state_of(&help),
            "{lang}: {forged:#?}"
        );
    }
    db.drop_db().await;
}

/// `text` without the right-to-left marks a reply's lines carry.
fn plain(text: &str) -> String {
    text.replace('\u{200F}', "")
}
