//! Editing messages while the office runs: an admin's value is validated as Fluent against the
//! reference message, layered over the .ftl files, and exported back as .ftl.
//!
//! Reviews: a translation is "to review" when its German reference changed after the
//! translation was written or last confirmed. What it was written against is kept per
//! (locale, message id) as a [`Review`]; the German text and the translation as they were then.
//! The translation's own text is kept too, so that a translation edited anywhere (the admin
//! API, its .ftl file) counts as written against the German text of that moment: only a
//! translation that stayed the same while the German text changed is to review.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::Lang;
use super::check::pattern_vars;
use super::source::FtlFile;
use crate::location::line_col;
use crate::matching::{clean_input, normalize};

/// Why a value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("unknown locale `{0}`")]
    UnknownLocale(String),
    #[error("the reference locale has no message `{0}`")]
    UnknownMessage(String),
    #[error("{0}")]
    Invalid(String),
}

/// `id = value` as Fluent source: continuation lines indented.
pub fn entry_text(id: &str, value: &str) -> String {
    let mut lines = value.lines();
    let first = lines.next().unwrap_or_default();
    let mut out = if first.trim().is_empty() {
        format!("{id} =")
    } else {
        format!("{id} = {first}")
    };
    for line in lines {
        out.push('\n');
        if !line.trim().is_empty() {
            out.push_str("    ");
            out.push_str(line.trim_start());
        }
    }
    out.push('\n');
    out
}

/// The message entries of a file by a line scan: id → (first line, last line), 0-based.
fn entries(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let starts = line.split_once('=').map(|(id, _)| id.trim()).filter(|id| {
            !line.starts_with([' ', '\t', '#', '-'])
                && !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        if let Some(id) = starts {
            let mut end = i;
            while end + 1 < lines.len()
                && (lines[end + 1].starts_with([' ', '\t']) || lines[end + 1].trim().is_empty())
            {
                end += 1;
            }
            // Trailing blank lines belong to no entry.
            while end > i && lines[end].trim().is_empty() {
                end -= 1;
            }
            out.push((id.to_owned(), i, end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The value of an entry as an admin edits it: the text after `=`, continuation lines
/// dedented.
fn entry_value(lines: &[&str]) -> String {
    let first = lines[0].split_once('=').map_or("", |(_, v)| v.trim());
    let rest: Vec<&str> = lines[1..].to_vec();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    if !first.is_empty() {
        out.push(first.to_owned());
    }
    for l in rest {
        out.push(l.get(indent..).unwrap_or("").trim_end().to_owned());
    }
    out.join("\n")
}

/// Every message of a locale, id → value, with the overrides applied.
pub fn messages(
    files: &[FtlFile],
    overrides: &[(String, String, String)],
    lang: Lang,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in files.iter().filter(|f| f.locale == lang.code()) {
        let lines: Vec<&str> = f.text.lines().collect();
        for (id, start, end) in entries(&f.text) {
            out.insert(id, entry_value(&lines[start..=end]));
        }
    }
    for (l, id, value) in overrides {
        if l == lang.code() {
            out.insert(id.clone(), value.clone());
        }
    }
    out
}

/// Every locale's messages (see [`messages`]).
pub fn all_messages(
    files: &[FtlFile],
    overrides: &[(String, String, String)],
) -> BTreeMap<Lang, BTreeMap<String, String>> {
    Lang::ALL
        .iter()
        .map(|l| (*l, messages(files, overrides, *l)))
        .collect()
}

/// A file's name in its locale's folder, e.g. `common.ftl`.
fn file_name(f: &FtlFile) -> String {
    f.path
        .rsplit('/')
        .next()
        .unwrap_or("messages.ftl")
        .trim_end_matches(" (built in)")
        .to_owned()
}

/// The file of each message of the reference locale, id → file name (`common.ftl`).
pub fn reference_files(files: &[FtlFile]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in files.iter().filter(|f| f.locale == Lang::REFERENCE.code()) {
        let name = file_name(f);
        for (id, _, _) in entries(&f.text) {
            out.insert(id, name.clone());
        }
    }
    out
}

/// The locale's .ftl files as they are in force: each file with overridden entries replaced,
/// and messages that exist only as overrides appended to the first file.
pub fn export(
    files: &[FtlFile],
    overrides: &[(String, String, String)],
    lang: Lang,
) -> Vec<(String, String)> {
    let mut pending: BTreeMap<&str, &str> = overrides
        .iter()
        .filter(|(l, _, _)| l == lang.code())
        .map(|(_, id, v)| (id.as_str(), v.as_str()))
        .collect();
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.locale == lang.code()) {
        let lines: Vec<&str> = f.text.lines().collect();
        let mut text = String::new();
        let mut next = 0;
        for (id, start, end) in entries(&f.text) {
            for l in &lines[next..start] {
                text.push_str(l);
                text.push('\n');
            }
            match pending.remove(id.as_str()) {
                Some(value) => text.push_str(&entry_text(&id, value)),
                None => {
                    for l in &lines[start..=end] {
                        text.push_str(l);
                        text.push('\n');
                    }
                }
            }
            next = end + 1;
        }
        for l in &lines[next.min(lines.len())..] {
            text.push_str(l);
            text.push('\n');
        }
        out.push((file_name(f), text));
    }
    if !pending.is_empty()
        && let Some((_, text)) = out.first_mut()
    {
        for (id, value) in pending {
            text.push_str(&entry_text(id, value));
        }
    }
    out
}

/// How deep placeables may nest in an admin's text (`{ { … } }`, selectors in selectors).
pub const MAX_NESTING: usize = 16;

/// Checks `value` for message `id` of `lang`: valid Fluent, one message, and only the
/// variables the reference message uses.
pub fn validate(files: &[FtlFile], lang: &str, id: &str, value: &str) -> Result<(), EditError> {
    let lang = Lang::from_tag(lang)
        .filter(|l| l.code() == lang)
        .ok_or_else(|| EditError::UnknownLocale(lang.to_owned()))?;
    let mut reference_vars = None;
    for f in files.iter().filter(|f| f.locale == Lang::REFERENCE.code()) {
        if let Ok(resource) = fluent_syntax::parser::parse(f.text.as_str()) {
            for entry in &resource.body {
                if let ast::Entry::Message(m) = entry
                    && m.id.name == id
                {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    reference_vars = Some(vars);
                }
            }
        }
    }
    let known = reference_vars.ok_or_else(|| EditError::UnknownMessage(id.to_owned()))?;
    if value.trim().is_empty() {
        return Err(EditError::Invalid("the text is empty".into()));
    }
    if value.chars().count() > 4000 {
        return Err(EditError::Invalid(
            "the text is longer than 4000 characters".into(),
        ));
    }
    // The Fluent parser and resolver recurse once per nested placeable: a few thousand
    // `{ { { …` overflow the stack and abort the whole process. Real messages nest two or
    // three deep (a selector inside a selector).
    let mut depth = 0usize;
    for c in value.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            return Err(EditError::Invalid(format!(
                "placeables are nested deeper than {MAX_NESTING}"
            )));
        }
    }
    let source = entry_text(id, value);
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => {
            let e = &errors[0];
            let (line, column) = line_col(&source, e.pos.start);
            // Column counts from the start of the value on its first line.
            let column = if line == 1 {
                column.saturating_sub(id.len() + 3)
            } else {
                column
            };
            return Err(EditError::Invalid(format!(
                "line {line}, column {column}: {}",
                e.kind
            )));
        }
    };
    let messages: Vec<&ast::Message<&str>> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some(m),
            _ => None,
        })
        .collect();
    let [message] = messages.as_slice() else {
        return Err(EditError::Invalid("the text must be one message".into()));
    };
    let Some(pattern) = &message.value else {
        return Err(EditError::Invalid("the message has no text".into()));
    };
    let mut used = BTreeSet::new();
    pattern_vars(pattern, &mut used);
    if let Some(unknown) = used.difference(&known).next() {
        let allowed = if known.is_empty() {
            "none".to_owned()
        } else {
            known
                .iter()
                .map(|v| format!("${v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(EditError::Invalid(format!(
            "unknown variable ${unknown}; this message may use: {allowed}"
        )));
    }
    let _ = lang;
    Ok(())
}

/// Checks that `value` (valid as [`validate`] says) renders as message `id` of `lang` among
/// the locale's messages in force (`files` and `overrides`). Fluent that parses may still
/// fail to format: an unknown function (`DATETIME` is not there), a term, message or
/// attribute the locale lacks, a reference cycle, more than 100 placeables; the citizen would
/// read `{…}` instead of words. Variables get samples, once all numbers and once all text (the
/// code passes either); a value that fails with both is refused.
pub fn check_renders(
    files: &[FtlFile],
    overrides: &[(String, String, String)],
    lang: Lang,
    id: &str,
    value: &str,
) -> Result<(), EditError> {
    let files: Vec<FtlFile> = files
        .iter()
        .filter(|f| f.locale == lang.code())
        .cloned()
        .collect();
    let mut in_force: Vec<(String, String, String)> = overrides
        .iter()
        .filter(|(l, _, _)| l == lang.code())
        .cloned()
        .collect();
    in_force.push((lang.code().to_owned(), id.to_owned(), value.to_owned()));
    // A locale file on disk that does not load is the files' problem, reported where they
    // are loaded; it does not block an admin's edit.
    let Ok(i18n) = super::I18n::from_files(&[]) else {
        return Ok(());
    };
    if i18n.reload_with(&files, &in_force).is_err() {
        return Ok(());
    }
    let mut vars = BTreeSet::new();
    if let Ok(resource) = fluent_syntax::parser::parse(entry_text(id, value).as_str()) {
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry
                && let Some(p) = &m.value
            {
                pattern_vars(p, &mut vars);
            }
        }
    }
    let mut first = Vec::new();
    for sample in [super::FluentValue::from(1), super::FluentValue::from("x")] {
        let mut args = super::FluentArgs::new();
        for v in &vars {
            args.set(v.clone(), sample.clone());
        }
        let errors = i18n.format_errors(lang, id, &args);
        if errors.is_empty() {
            return Ok(());
        }
        if first.is_empty() {
            first = errors;
        }
    }
    first.dedup();
    Err(EditError::Invalid(format!(
        "the text does not render: {}",
        first.join("; ")
    )))
}

/// A message found by [`search`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    /// The query is (part of) the id.
    pub id_matched: bool,
    /// The locales whose text contains the query.
    pub locales: Vec<Lang>,
}

/// The messages of the reference locale whose id, or whose text in any locale, contains
/// `query`: case-insensitive, and normalized as citizens' words are (accents, umlauts and
/// their `ae/oe/ue` spellings, Arabic and Persian letter variants, digits, punctuation), or
/// literally (for `{ $name }` or `€`). The id itself first, then ids containing the query,
/// then the rest, each in id order.
pub fn search(current: &BTreeMap<Lang, BTreeMap<String, String>>, query: &str) -> Vec<Found> {
    let query = clean_input(query.trim());
    let literal = query.to_lowercase();
    let normalized = normalize(&query);
    if literal.is_empty() {
        return Vec::new();
    }
    let contains = |text: &str| {
        text.to_lowercase().contains(&literal)
            || (!normalized.is_empty() && normalize(text).contains(&normalized))
    };
    let empty = BTreeMap::new();
    let reference = current.get(&Lang::REFERENCE).unwrap_or(&empty);
    let mut found: Vec<(u8, Found)> = reference
        .keys()
        .filter_map(|id| {
            let locales: Vec<Lang> = Lang::ALL
                .into_iter()
                .filter(|l| {
                    current
                        .get(l)
                        .and_then(|m| m.get(id))
                        .is_some_and(|text| contains(text))
                })
                .collect();
            let rank = if id.to_lowercase() == literal {
                0
            } else if contains(id) {
                1
            } else if !locales.is_empty() {
                2
            } else {
                return None;
            };
            Some((
                rank,
                Found {
                    id: id.clone(),
                    id_matched: rank < 2,
                    locales,
                },
            ))
        })
        .collect();
    // Stable: id order within a rank.
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, f)| f).collect()
}

/// What a translation was last written or confirmed against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub lang: String,
    pub message_id: String,
    /// The German reference text then.
    pub reference: String,
    /// The translation's text then.
    pub translation: String,
}

/// Where a locale's text of one message stands against the German reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    /// The German reference itself.
    Reference,
    /// The locale has no text for the message.
    Missing,
    Reviewed,
    /// The German reference changed after the translation was written or last confirmed.
    ToReview,
}

/// The state of `lang`'s `translation` of a message whose German text is `reference`, given
/// what the translation was last written or confirmed against. Without a row (not looked at
/// yet) a translation counts as reviewed: the baseline.
pub fn review_state(
    lang: Lang,
    reference: &str,
    translation: Option<&str>,
    review: Option<&Review>,
) -> ReviewState {
    if lang == Lang::REFERENCE {
        return ReviewState::Reference;
    }
    let Some(translation) = translation else {
        return ReviewState::Missing;
    };
    match review {
        Some(r) if r.reference != reference && r.translation == translation => {
            ReviewState::ToReview
        }
        _ => ReviewState::Reviewed,
    }
}

/// What brings the stored reviews up to date with the texts in force.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReviewSync {
    /// Translations without a row: written against today's German text (the baseline).
    pub insert: Vec<Review>,
    /// Translations whose text changed since their row (edited in their file): written
    /// against today's German text. Each with the translation its row held, so that a row
    /// changed meanwhile by someone else is left alone.
    pub update: Vec<(Review, String)>,
    /// Rows `(lang, message id)` of messages the German reference no longer has.
    pub delete: Vec<(String, String)>,
}

impl ReviewSync {
    pub fn is_empty(&self) -> bool {
        self.insert.is_empty() && self.update.is_empty() && self.delete.is_empty()
    }
}

/// Compares the texts in force (`current`, every locale's messages) with the `stored` rows,
/// for every message or `only` one. A translation whose German text changed while it stayed
/// the same keeps its row: it is to review.
pub fn plan_review_sync(
    current: &BTreeMap<Lang, BTreeMap<String, String>>,
    stored: &[Review],
    only: Option<&str>,
) -> ReviewSync {
    let empty = BTreeMap::new();
    let reference = current.get(&Lang::REFERENCE).unwrap_or(&empty);
    let rows: BTreeMap<(&str, &str), &Review> = stored
        .iter()
        .map(|r| ((r.lang.as_str(), r.message_id.as_str()), r))
        .collect();
    let mut plan = ReviewSync::default();
    for (lang, texts) in current.iter().filter(|(l, _)| **l != Lang::REFERENCE) {
        for (id, translation) in texts {
            if only.is_some_and(|o| o != id) {
                continue;
            }
            let Some(german) = reference.get(id) else {
                continue;
            };
            let now = Review {
                lang: lang.code().to_owned(),
                message_id: id.clone(),
                reference: german.clone(),
                translation: translation.clone(),
            };
            match rows.get(&(lang.code(), id.as_str())) {
                None => plan.insert.push(now),
                Some(row) if &row.translation != translation => {
                    plan.update.push((now, row.translation.clone()));
                }
                Some(_) => {}
            }
        }
    }
    if only.is_none() {
        let translated = |lang: &str| {
            Lang::from_tag(lang).is_some_and(|l| l.code() == lang && l != Lang::REFERENCE)
        };
        plan.delete = stored
            .iter()
            .filter(|r| !reference.contains_key(&r.message_id) || !translated(&r.lang))
            .map(|r| (r.lang.clone(), r.message_id.clone()))
            .collect();
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let ids =
            |q: &str| -> Vec<String> { search(&current, q).into_iter().map(|x| x.id).collect() };
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
}
