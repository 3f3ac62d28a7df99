//! Messages as .ftl text: `id = value` entries found by a line scan, each locale's messages
//! with the admins' overrides applied, and the files exported back as .ftl.

use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::i18n::source::FtlFile;

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
