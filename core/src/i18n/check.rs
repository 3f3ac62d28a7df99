//! `schalter locales check`: every locale against the reference locale.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::Lang;
use super::source::FtlFile;
use crate::location::line_col;

#[derive(Debug, Default)]
pub struct LocaleReport {
    pub locale: String,
    pub messages: usize,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
    /// `(message id, variable)` pairs the reference message does not use.
    pub unknown_variables: Vec<(String, String)>,
    /// `path:line:column: problem`
    pub syntax_errors: Vec<String>,
    pub duplicates: Vec<String>,
    /// For a locale in Leichte Sprache: `message id: the rule it breaks` (see [`super::easy`]).
    pub easy: Vec<String>,
}

impl LocaleReport {
    pub fn is_ok(&self) -> bool {
        self.missing.is_empty()
            && self.extra.is_empty()
            && self.unknown_variables.is_empty()
            && self.syntax_errors.is_empty()
            && self.duplicates.is_empty()
            && self.easy.is_empty()
    }
}

#[derive(Debug, Default)]
pub struct CheckReport {
    pub reference_messages: usize,
    pub locales: Vec<LocaleReport>,
    /// Problems that belong to no single locale, e.g. a supported language without a folder.
    pub errors: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && self.locales.iter().all(LocaleReport::is_ok)
    }

    /// Share of the reference messages a locale has, in percent.
    pub fn completeness(&self, locale: &LocaleReport) -> f64 {
        if self.reference_messages == 0 {
            return 100.0;
        }
        let present = self.reference_messages - locale.missing.len();
        100.0 * present as f64 / self.reference_messages as f64
    }

    /// Human-readable report, one block per locale.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for l in &self.locales {
            out += &format!(
                "{}: {}/{} messages ({:.1}% complete){}\n",
                l.locale,
                self.reference_messages - l.missing.len(),
                self.reference_messages,
                self.completeness(l),
                if l.is_ok() { "" } else { " — ERRORS" }
            );
            for e in &l.syntax_errors {
                out += &format!("  syntax error: {e}\n");
            }
            for id in &l.missing {
                out += &format!("  missing: {id}\n");
            }
            for id in &l.extra {
                out += &format!("  extra (not in {}): {id}\n", Lang::REFERENCE);
            }
            for id in &l.duplicates {
                out += &format!("  defined twice: {id}\n");
            }
            for (id, var) in &l.unknown_variables {
                out += &format!("  unknown variable ${var} in {id}\n");
            }
            for problem in &l.easy {
                out += &format!("  Leichte Sprache: {problem}\n");
            }
        }
        for e in &self.errors {
            out += &format!("error: {e}\n");
        }
        out
    }
}

/// Messages of one locale: id → variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

/// The messages of `files`; for a locale in Leichte Sprache (`easy`), each message is also
/// checked by its rules.
fn analyse(files: &[&FtlFile], report: &mut LocaleReport, easy: bool) -> Messages {
    let mut messages = Messages::new();
    for file in files {
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    let (line, col) = line_col(&file.text, e.pos.start);
                    report
                        .syntax_errors
                        .push(format!("{}:{line}:{col}: {}", file.path, e.kind));
                }
                r
            }
        };
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let vars = message_vars(m);
                if easy && let Some(p) = &m.value {
                    for problem in super::easy::problems(m.id.name, p) {
                        report.easy.push(format!("{}: {problem}", m.id.name));
                    }
                }
                if messages.insert(m.id.name.to_owned(), vars).is_some() {
                    report.duplicates.push(m.id.name.to_owned());
                }
            }
        }
    }
    messages
}

/// The comment line that names variables the code passes to a message although the
/// reference text does not show them, so that a translation may: `# Also passed: $year`.
const ALSO_PASSED: &str = "Also passed:";

/// The variables message `m` may use: those of its value and attributes, and those its
/// comment declares after [`ALSO_PASSED`] (the year in a date that German leaves out but
/// Leichte Sprache writes).
pub(crate) fn message_vars(m: &ast::Message<&str>) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    if let Some(p) = &m.value {
        pattern_vars(p, &mut vars);
    }
    for a in &m.attributes {
        pattern_vars(&a.value, &mut vars);
    }
    let comment_lines = m.comment.iter().flat_map(|c| c.content.iter());
    for line in comment_lines {
        if let Some(rest) = line.trim().strip_prefix(ALSO_PASSED) {
            vars.extend(
                rest.split([',', ' '])
                    .filter_map(|w| w.strip_prefix('$'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    vars
}

pub(crate) fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => args_vars(arguments, vars),
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => args_vars(arguments, vars),
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

fn args_vars(a: &ast::CallArguments<&str>, vars: &mut BTreeSet<String>) {
    for p in &a.positional {
        inline_vars(p, vars);
    }
    for n in &a.named {
        inline_vars(&n.value, vars);
    }
}

/// Compares every locale in `files` with the reference locale.
pub fn check(files: &[FtlFile]) -> CheckReport {
    let mut by_locale: BTreeMap<&str, Vec<&FtlFile>> = BTreeMap::new();
    for f in files {
        by_locale.entry(f.locale.as_str()).or_default().push(f);
    }
    let mut report = CheckReport::default();
    for lang in Lang::ALL {
        if !by_locale.contains_key(lang.code()) {
            report
                .errors
                .push(format!("locale {lang} has no .ftl files"));
        }
    }
    let mut reference_report = LocaleReport {
        locale: Lang::REFERENCE.code().to_owned(),
        ..Default::default()
    };
    let reference = analyse(
        by_locale
            .get(Lang::REFERENCE.code())
            .map_or(&[][..], Vec::as_slice),
        &mut reference_report,
        false,
    );
    reference_report.messages = reference.len();
    report.reference_messages = reference.len();
    report.locales.push(reference_report);

    for (locale, files) in &by_locale {
        if *locale == Lang::REFERENCE.code() {
            continue;
        }
        if Lang::from_tag(locale).is_none_or(|l| l.code() != *locale) {
            report
                .errors
                .push(format!("folder `{locale}` is not a supported locale"));
        }
        let mut r = LocaleReport {
            locale: (*locale).to_owned(),
            ..Default::default()
        };
        let easy = Lang::from_tag(locale).is_some_and(Lang::is_easy);
        let messages = analyse(files, &mut r, easy);
        r.messages = messages.len();
        r.missing = reference
            .keys()
            .filter(|id| !messages.contains_key(*id))
            .cloned()
            .collect();
        r.extra = messages
            .keys()
            .filter(|id| !reference.contains_key(*id))
            .cloned()
            .collect();
        for (id, vars) in &messages {
            if let Some(known) = reference.get(id) {
                for v in vars.difference(known) {
                    r.unknown_variables.push((id.clone(), v.clone()));
                }
            }
        }
        report.locales.push(r);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(locale: &str, text: &str) -> FtlFile {
        FtlFile {
            locale: locale.into(),
            path: format!("locales/{locale}/test.ftl"),
            text: text.into(),
        }
    }

    fn with_all_locales(mut files: Vec<FtlFile>) -> Vec<FtlFile> {
        for l in Lang::ALL {
            if !files.iter().any(|f| f.locale == l.code()) {
                files.push(file(l.code(), "hello = Hallo { $name }\nbye = Tschüss\n"));
            }
        }
        files
    }

    #[test]
    fn leichte_sprache_is_held_to_its_rules_and_german_is_not() {
        let long = "hello = Hallo { $name }. Wenn Sie einen Termin buchen wollen dann müssen \
                    Sie zuerst den Dienst wählen und danach einen Tag.\nbye = Tschüss\n";
        let r = check(&with_all_locales(vec![
            file("de", long),
            file("de-x-ls", long),
        ]));
        assert!(!r.is_ok());
        let easy = r.locales.iter().find(|l| l.locale == "de-x-ls").unwrap();
        assert_eq!(
            easy.easy,
            [
                "hello: sentence of 17 words (at most 15): \"Wenn Sie einen Termin buchen wollen \
              dann müssen Sie zuerst den Dienst wählen und danach einen Tag.\""
            ]
        );
        let german = r.locales.iter().find(|l| l.locale == "de").unwrap();
        assert!(german.is_ok(), "{}", r.render());
        assert!(
            r.render()
                .contains("  Leichte Sprache: hello: sentence of 17 words"),
            "{}",
            r.render()
        );
    }

    #[test]
    fn complete_locales_pass() {
        let r = check(&with_all_locales(vec![]));
        assert!(r.is_ok(), "{}", r.render());
    }

    #[test]
    fn missing_extra_and_unknown_variables_are_errors() {
        let r = check(&with_all_locales(vec![file(
            "tr",
            "hello = Merhaba { $user }\nextra = fazla\n",
        )]));
        assert!(!r.is_ok());
        let tr = r.locales.iter().find(|l| l.locale == "tr").unwrap();
        assert_eq!(tr.missing, vec!["bye".to_owned()]);
        assert_eq!(tr.extra, vec!["extra".to_owned()]);
        assert_eq!(
            tr.unknown_variables,
            vec![("hello".to_owned(), "user".to_owned())]
        );
        assert!((r.completeness(tr) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn a_variable_the_reference_declares_in_its_comment_may_be_used() {
        let reference = "# Also passed: $year, $era\nhello = Hallo { $name }\nbye = Tschüss\n";
        let r = check(&with_all_locales(vec![
            file("de", reference),
            file(
                "de-x-ls",
                "hello = Hallo { $name } { $year }\nbye = Tschüss\n",
            ),
            file(
                "fr",
                "hello = Bonjour { $name }\nbye = Au revoir { $year }\n",
            ),
        ]));
        let easy = r.locales.iter().find(|l| l.locale == "de-x-ls").unwrap();
        assert!(easy.unknown_variables.is_empty(), "{}", r.render());
        // The declaration belongs to its message, not to the file.
        let fr = r.locales.iter().find(|l| l.locale == "fr").unwrap();
        assert_eq!(
            fr.unknown_variables,
            vec![("bye".to_owned(), "year".to_owned())]
        );
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let r = check(&with_all_locales(vec![file(
            "ru",
            "hello = Привет { $name }\nbye = { $x ->\n  [one] a\n}\n",
        )]));
        let ru = r.locales.iter().find(|l| l.locale == "ru").unwrap();
        assert_eq!(ru.syntax_errors.len(), 1, "{}", r.render());
        assert!(ru.syntax_errors[0].starts_with("locales/ru/test.ftl:"));
    }

    #[test]
    fn a_missing_locale_folder_is_an_error() {
        let files: Vec<_> = with_all_locales(vec![])
            .into_iter()
            .filter(|f| f.locale != "uk")
            .collect();
        let r = check(&files);
        assert!(r.errors.iter().any(|e| e.contains("uk")));
    }

    #[test]
    fn the_shipped_locales_are_complete() {
        let r = check(&super::super::source::builtin());
        assert!(r.is_ok(), "{}", r.render());
    }
}
