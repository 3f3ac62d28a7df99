//! Editing messages while the office runs: an admin's value is validated as Fluent against the
//! reference message, layered over the .ftl files, and exported back as .ftl.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::Lang;
use super::check::pattern_vars;
use super::source::FtlFile;
use crate::location::line_col;

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
        let name = f
            .path
            .rsplit('/')
            .next()
            .unwrap_or("messages.ftl")
            .trim_end_matches(" (built in)")
            .to_owned();
        out.push((name, text));
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
}
