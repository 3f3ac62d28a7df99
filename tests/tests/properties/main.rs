//! Generated conversations with invariants (issue 14, the dialogue and the desk).
//!
//! A case is a sequence of steps on one engine, the way `schalter serve` meets them: inputs of
//! several citizens at once (typed text in all twelve languages, pressed options current,
//! stale, forged or taken from another conversation, media, edits, redeliveries), the clock
//! moved forward with the timers run as the serve loop runs them (every job at its time),
//! clerks working the queue through the same core calls as the desk, and admins changing a
//! translation or the catalogue through the same core calls as the admin API. After every step
//! the rules the office lives by are checked (see [`World::check_reply`] and
//! [`World::check_store`]). A failing case shrinks to a short sequence; every defect found this
//! way is fixed and its sequence kept below as a named `#[tokio::test]`.
//!
//! `cargo test -p schalter-tests --test properties` runs 1,600 cases on SQLite and 500 on
//! PostgreSQL (`PROPTEST_CASES` overrides both); `cargo test --release -p schalter-tests
//! --test properties -- --ignored fuzz` runs 1,000,000 inputs on SQLite and 100,000 on
//! PostgreSQL (`SCHALTER_FUZZ_INPUTS` and `SCHALTER_FUZZ_WORKERS` override).
//!
//! The rules, checked after every step:
//! - no panic, and no error from the engine, the timers, the desk or the admin calls;
//! - every input gets one reply, in the language the conversation has (the language picker
//!   speaks all), readable (no `{`, `}`, `$`, no message id), with distinct options of at most
//!   64 bytes, stored with the conversation; an option of the step shown is never answered as
//!   expired; the same input again under its key gets the stored reply and changes nothing;
//! - messages to a citizen read well and come in the citizen's language;
//! - no desk unit taken twice, every live booking holds exactly its units, cancelled and
//!   expired ones hold none, a citizen holds one slot at most;
//! - a citizen waits or talks in one place at most, a clerk has one call at most;
//! - after the timers ran, every due job is done (once), and no hold is past its deadline;
//! - a citizen's upcoming bookings are all listed and can be cancelled, also when an admin
//!   removed their service.

// What a case is, and how cases are generated.
mod case;
mod generators;

// The world a case runs in, and what each kind of step does there.
mod admins;
mod citizens;
mod clerks;
mod concurrent;
mod steps;
mod time;
mod world;

// The rules checked after every step.
mod invariants;
mod oracle;

// The regular runs and the long ones.
mod runs;

use schalter_tests::conv;
use std::sync::Arc;

use schalter_core::{I18n, Lang};
use schalter_tests::TestDb;

use crate::case::{Advance, Case, ClerkAct, Op, Pressed, Style, Typed};
use crate::oracle::oracle;
use crate::runs::{fuzz, property};
use crate::world::{World, run_case};

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

#[test]
fn generated_conversations_keep_the_rules_on_sqlite() {
    property(false, 1_600, 20);
}

#[test]
fn generated_conversations_keep_the_rules_on_postgres() {
    property(true, 500, 20);
}

// ---------------------------------------------------------------------------------------------
// The long runs
// ---------------------------------------------------------------------------------------------

#[test]
#[ignore = "long: 1,000,000 inputs (release build: cargo test --release ... -- --ignored fuzz)"]
fn fuzz_sqlite_million_inputs() {
    fuzz(false, 1_000_000, 80);
}

#[test]
#[ignore = "long: 100,000 inputs on PostgreSQL (release build)"]
fn fuzz_postgres_100k_inputs() {
    fuzz(true, 100_000, 80);
}

// ---------------------------------------------------------------------------------------------
// The checks themselves
// ---------------------------------------------------------------------------------------------

/// The checks are not blind: each flags a violation planted on purpose.
#[tokio::test]
async fn the_checks_catch_what_they_guard() {
    let o = oracle();
    assert!(o.unreadable("Guten Tag, { $name }").is_some());
    assert!(o.unreadable("Stand: $amount").is_some());
    assert!(o.unreadable("main-menu-prompt").is_some());
    assert!(o.unreadable("Bitte option-expired drücken").is_some());
    assert!(
        o.unreadable("Termin am 2. April, 08:10 Uhr (91P5-684B)")
            .is_none()
    );
    let german = I18n::builtin().text(Lang::De, "option-expired");
    assert!(o.foreign_line(Lang::Fr, &german).is_some());
    assert!(o.foreign_line(Lang::De, &german).is_none());

    let db = TestDb::sqlite().await;
    let i18n = Arc::new(I18n::builtin());
    let case = Case {
        start: 4,
        hints: vec![None; 5],
        ops: Vec::new(),
    };
    let plant = |sql: &'static str| {
        let store = db.store.clone();
        async move {
            sqlx::query(sql)
                .execute(store.pool())
                .await
                .expect("planted");
        }
    };
    // Two confirmed bookings on desk 1 at overlapping times (Tuesday 2 February 2027, 09:00).
    let mut world = World::new(&db.store, &i18n, &case).await;
    plant(
        "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
         ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) VALUES \
         ('b1', 'AAAA-AAAA', 'telegram:1', 'abmeldung', 'de', 1801900800, 1801901400, 1, \
          'confirmed', NULL, '[]', 0, 0), \
         ('b2', 'BBBB-BBBB', 'telegram:2', 'abmeldung', 'de', 1801901100, 1801901700, 1, \
          'confirmed', NULL, '[]', 0, 0)",
    )
    .await;
    let err = world.check_store().await.unwrap_err();
    assert!(err.contains("booked twice"), "{err}");

    // A confirmed booking without its desk units.
    let mut world = World::new(&db.store, &i18n, &case).await;
    plant(
        "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
         ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) VALUES \
         ('b1', 'AAAA-AAAA', 'telegram:1', 'abmeldung', 'de', 1801900800, 1801901400, 1, \
          'confirmed', NULL, '[]', 0, 0)",
    )
    .await;
    let err = world.check_store().await.unwrap_err();
    assert!(err.contains("units"), "{err}");

    // A hold past its deadline after the timers ran (no job would release it).
    let mut world = World::new(&db.store, &i18n, &case).await;
    plant(
        "INSERT INTO bookings (id, reference, conversation_id, service, lang, starts_at, \
         ends_at, desk, status, hold_expires_at, checklist, created_at, updated_at) VALUES \
         ('b1', 'AAAA-AAAA', 'telegram:1', 'abmeldung', 'de', 1801900800, 1801901400, 1, \
          'held', 1, '[]', 0, 0)",
    )
    .await;
    let err = world.timers().await.unwrap_err();
    assert!(err.contains("past their deadline"), "{err}");

    // A message to a German citizen with an unresolved placeable.
    let mut world = World::new(&db.store, &i18n, &case).await;
    world
        .store
        .outbox()
        .notify_once(
            &conv("telegram:1001"),
            "planted",
            schalter_core::notice::NoticeKind::Reply,
            r#"{"text":"Ihr Platz: {$position}","options":[]}"#,
            world.now(),
        )
        .await
        .expect("planted message");
    let err = world.check_outbox().await.unwrap_err();
    assert!(err.contains("unresolved placeable"), "{err}");
    db.drop_db().await;
}

// ---------------------------------------------------------------------------------------------
// Defects the generator found, each as its shrunk sequence
// ---------------------------------------------------------------------------------------------

/// Runs one case on a fresh SQLite database and fails with its trace if a rule breaks.
async fn regression(case: Case) {
    let db = TestDb::sqlite().await;
    let result = run_case(&db.store, &Arc::new(I18n::builtin()), &case).await;
    db.drop_db().await;
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A citizen books in German, switches to French, and check-in opens: the message came in
/// German, the language of the booking (bookings, waiting-room entries and fees kept the
/// language they were made in).
#[tokio::test]
async fn a_language_switch_reaches_the_reminders() {
    regression(Case {
        start: 0,
        hints: vec![None; 5],
        ops: vec![
            // "?" and then "Deutsch" (the first option's label) at the picker.
            first_label(1),
            first_label(1),
            // Book: service, dates, day, time, confirm.
            Op::Go {
                conv: 1,
                goal: 228,
                steps: 6,
            },
            // Language → French.
            Op::Go {
                conv: 1,
                goal: 91,
                steps: 2,
            },
            Op::Advance(Advance::ToCheckIn {
                booking: 0,
                offset: 0,
            }),
        ],
    })
    .await;
}

/// The citizen types the label of the first option of the current step.
fn first_label(conv: usize) -> Op {
    Op::Type {
        conv,
        text: Typed::Label {
            idx: 0,
            style: Style::Plain,
        },
    }
}

/// A walk-in called and done in Italian switches to Persian; the clerk then sets a fee: the
/// request went out in Italian (the finished call's entry keeps the language of the call).
#[tokio::test]
async fn a_fee_after_the_call_follows_a_language_switch() {
    regression(Case {
        start: 0,
        hints: vec![None; 5],
        ops: vec![
            first_label(0),
            Op::Advance(Advance::ToOpening { offset: 0 }),
            first_label(1),
            // Italian, then into the waiting room.
            Op::Go {
                conv: 0,
                goal: 129,
                steps: 2,
            },
            Op::Type {
                conv: 0,
                text: Typed::Keyword { lang: 0, which: 0 },
            },
            Op::Meanwhile {
                conv: 0,
                press: Pressed::Offered(0),
                clerk: 0,
                how: 0,
            },
            first_label(0),
            Op::Clerk {
                clerk: 0,
                act: ClerkAct::Next { video: false },
            },
            Op::Clerk {
                clerk: 0,
                act: ClerkAct::Done { note: false },
            },
            // Feedback, then the language → Persian.
            Op::Go {
                conv: 0,
                goal: 87,
                steps: 4,
            },
            Op::Clerk {
                clerk: 0,
                act: ClerkAct::Fee {
                    amount: 1,
                    reason: false,
                },
            },
        ],
    })
    .await;
}

/// A walk-in in Ukrainian gets a fee during the call and switches to German before `done`:
/// the request's line for the visit still read "ваше звернення" (the label was written in
/// the language of the moment the fee was set).
#[tokio::test]
async fn a_fee_line_follows_a_language_switch_during_the_call() {
    regression(Case {
        start: 5,
        hints: vec![None; 5],
        ops: vec![
            first_label(1),
            first_label(0),
            Op::Press {
                conv: 1,
                press: Pressed::Stale(16),
            },
            Op::Go {
                conv: 1,
                goal: 57,
                steps: 1,
            },
            Op::Clerk {
                clerk: 2,
                act: ClerkAct::Next { video: false },
            },
            Op::Clerk {
                clerk: 2,
                act: ClerkAct::Fee {
                    amount: 9,
                    reason: false,
                },
            },
            Op::CheckBookings { conv: 1, pick: 0 },
            // The language picker, then German.
            Op::Meanwhile {
                conv: 1,
                press: Pressed::Offered(5),
                clerk: 0,
                how: 0,
            },
            Op::Press {
                conv: 1,
                press: Pressed::Offered(0),
            },
            Op::Clerk {
                clerk: 2,
                act: ClerkAct::Done { note: false },
            },
        ],
    })
    .await;
}

/// A citizen at the times of a day asks about the fee after that day has passed: the fee is
/// answered and the step goes back to the days, saying the day has nothing free (the time step
/// cannot be shown any more, as with a hold that ran out).
#[tokio::test]
async fn a_question_on_a_day_that_passed_goes_back_to_the_days() {
    regression(Case {
        start: 0,
        hints: vec![Some(0), None, None, None, None],
        ops: vec![
            first_label(0),
            // Book the Führungszeugnis up to the days.
            Op::Go {
                conv: 0,
                goal: 180,
                steps: 9,
            },
            // The first day.
            Op::Press {
                conv: 0,
                press: Pressed::Offered(54),
            },
            Op::Advance(Advance::Days(5)),
            // "kosten"
            Op::Type {
                conv: 0,
                text: Typed::Question {
                    lang: 0,
                    which: 0,
                    service: None,
                },
            },
        ],
    })
    .await;
}
