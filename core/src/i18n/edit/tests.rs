//! Unit tests of editing messages: validation, overrides and export, reviews, search.

use super::*;
use crate::i18n::Lang;
use crate::i18n::source::FtlFile;

fn files() -> Vec<FtlFile> {
    let f = |locale: &str, text: &str| FtlFile {
        locale: locale.into(),
        path: format!("locales/{locale}/a.ftl"),
        text: text.into(),
    };
    vec![
        f(
            "de",
            "# c\nhello = Hallo { $name }\nmulti =\n    Zeile eins\n    Zeile zwei\n\nbye = Tschüss\n",
        ),
        f(
            "tr",
            "hello = Merhaba { $name }\nmulti =\n    bir\n    iki\nbye = Güle güle\n",
        ),
    ]
}

#[test]
fn validates_syntax_variables_and_ids() {
    let f = files();
    assert_eq!(validate(&f, "tr", "hello", "Selam { $name }!"), Ok(()));
    assert_eq!(validate(&f, "tr", "hello", "Selam"), Ok(()));
    assert!(
        matches!(validate(&f, "tr", "hello", "Selam { $user }"), Err(EditError::Invalid(e)) if e.contains("$user") && e.contains("$name"))
    );
    let broken = validate(&f, "tr", "hello", "Selam { $name");
    assert!(
        matches!(&broken, Err(EditError::Invalid(e)) if e.starts_with("line ")),
        "{broken:?}"
    );
    assert!(matches!(
        validate(&f, "tr", "hello", "  "),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(
        validate(&f, "xx", "hello", "x"),
        Err(EditError::UnknownLocale("xx".into()))
    );
    assert_eq!(
        validate(&f, "tr", "nope", "x"),
        Err(EditError::UnknownMessage("nope".into()))
    );
    let select = "{ $name ->\n    [a] A\n   *[other] B\n}";
    assert_eq!(validate(&f, "tr", "hello", select), Ok(()));
}

#[test]
fn messages_and_export_apply_overrides() {
    let f = files();
    let overrides = vec![("tr".to_owned(), "bye".to_owned(), "Hoşça kal".to_owned())];
    let m = messages(&f, &overrides, Lang::Tr);
    assert_eq!(m["bye"], "Hoşça kal");
    assert_eq!(m["multi"], "bir\niki");
    let exported = export(&f, &overrides, Lang::Tr);
    assert_eq!(exported.len(), 1);
    assert!(exported[0].1.contains("bye = Hoşça kal\n"));
    assert!(exported[0].1.contains("multi =\n    bir\n    iki\n"));
    let de = messages(&f, &overrides, Lang::De);
    assert_eq!(de["multi"], "Zeile eins\nZeile zwei");
    assert_eq!(entry_text("x", "eins\nzwei"), "x = eins\n    zwei\n");
}

fn review(lang: &str, id: &str, reference: &str, translation: &str) -> Review {
    Review {
        lang: lang.into(),
        message_id: id.into(),
        reference: reference.into(),
        translation: translation.into(),
    }
}

#[test]
fn a_translation_is_to_review_when_only_the_reference_changed() {
    let written = review("tr", "bye", "Tschüss", "Güle güle");
    let state =
        |reference, translation| review_state(Lang::Tr, reference, translation, Some(&written));
    assert_eq!(state("Tschüss", Some("Güle güle")), ReviewState::Reviewed);
    assert_eq!(
        state("Auf Wiedersehen", Some("Güle güle")),
        ReviewState::ToReview
    );
    // Edited since (in its file): written against the German text of now.
    assert_eq!(
        state("Auf Wiedersehen", Some("Hoşça kal")),
        ReviewState::Reviewed
    );
    assert_eq!(state("Auf Wiedersehen", None), ReviewState::Missing);
    assert_eq!(
        review_state(Lang::Tr, "Tschüss", Some("Güle güle"), None),
        ReviewState::Reviewed
    );
    assert_eq!(
        review_state(Lang::De, "Tschüss", Some("Tschüss"), None),
        ReviewState::Reference
    );
}

#[test]
fn a_sync_adds_the_baseline_follows_edits_and_keeps_what_is_to_review() {
    let f = files();
    let current = all_messages(&f, &[]);
    // First start: every translation, against today's German text.
    let first = plan_review_sync(&current, &[], None);
    assert_eq!(first.insert.len(), 3);
    assert!(
        first
            .insert
            .contains(&review("tr", "bye", "Tschüss", "Güle güle"))
    );
    assert!(first.update.is_empty() && first.delete.is_empty());

    // German changed, Turkish not: nothing to write, "bye" stays to review.
    let mut stored = first.insert.clone();
    let german = vec![("de".to_owned(), "bye".to_owned(), "Ciao".to_owned())];
    let plan = plan_review_sync(&all_messages(&f, &german), &stored, None);
    assert!(plan.is_empty(), "{plan:?}");

    // Turkish edited in its file: written against today's German text.
    let both = vec![
        ("de".to_owned(), "bye".to_owned(), "Ciao".to_owned()),
        ("tr".to_owned(), "bye".to_owned(), "Hoşça kal".to_owned()),
    ];
    let plan = plan_review_sync(&all_messages(&f, &both), &stored, Some("bye"));
    assert_eq!(
        plan.update,
        vec![(
            review("tr", "bye", "Ciao", "Hoşça kal"),
            "Güle güle".to_owned()
        )]
    );
    assert!(plan.insert.is_empty());

    // A message gone from the reference takes its rows along.
    stored.push(review("tr", "gone", "Weg", "Gitti"));
    let plan = plan_review_sync(&current, &stored, None);
    assert_eq!(plan.delete, vec![("tr".to_owned(), "gone".to_owned())]);
    assert!(plan_review_sync(&current, &stored, Some("bye")).is_empty());
}

#[test]
fn search_finds_ids_and_texts_in_any_locale_normalized() {
    let f = files();
    let current = all_messages(&f, &[]);
    let ids = |q: &str| -> Vec<String> { search(&current, q).into_iter().map(|x| x.id).collect() };
    assert_eq!(ids("bye"), vec!["bye"]);
    assert!(search(&current, "BYE")[0].id_matched);
    // Turkish text, without its accents and in capitals.
    let found = search(&current, "GULE");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].locales, vec![Lang::Tr]);
    assert!(!found[0].id_matched);
    // German umlaut written as "ue", and a variable name.
    assert_eq!(ids("tschuess"), vec!["bye"]);
    assert_eq!(ids("{ $name }"), vec!["hello"]);
    assert_eq!(ids("zeile zwei"), vec!["multi"]);
    assert!(ids("nirgends").is_empty());
    assert!(ids("   ").is_empty());
    // The id itself comes before texts that mention it.
    let mut m = current.clone();
    m.get_mut(&Lang::Tr)
        .unwrap()
        .insert("hello".into(), "multi".into());
    let order: Vec<String> = search(&m, "multi").into_iter().map(|x| x.id).collect();
    assert_eq!(order, vec!["multi", "hello"]);
}
