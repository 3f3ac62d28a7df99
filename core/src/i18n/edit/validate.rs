//! Checking an admin's value before it is kept: valid Fluent with the reference message's
//! variables only ([`validate`]), and rendering among the locale's messages in force
//! ([`check_renders`]).

use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::EditError;
use super::ftl::entry_text;
use crate::i18n::check::{message_vars, pattern_vars};
use crate::i18n::source::FtlFile;
use crate::i18n::{FluentArgs, FluentValue, I18n, Lang};
use crate::location::line_col;

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
                    reference_vars = Some(message_vars(m));
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
    // Leichte Sprache keeps its rules in an admin's edit too (the preview shows the break).
    if lang.is_easy() {
        let problems = crate::i18n::easy::problems(id, pattern);
        if !problems.is_empty() {
            return Err(EditError::Invalid(format!(
                "Leichte Sprache: {}",
                problems.join("; ")
            )));
        }
    }
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
    let Ok(i18n) = I18n::from_files(&[]) else {
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
    for sample in [FluentValue::from(1), FluentValue::from("x")] {
        let mut args = FluentArgs::new();
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
