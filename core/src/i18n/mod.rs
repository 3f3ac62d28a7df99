//! Fluent localisation: one concurrent bundle per language, swappable at run time so that an
//! admin's change shows in the very next reply. A missing message falls back to English, then
//! German, with a logged warning. Keyword lists are normalized for matching once per load,
//! and the normalized lists go with the bundles they came from.

pub mod check;
pub mod easy;
pub mod edit;
mod lang;
pub mod source;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

pub use fluent_bundle::{FluentArgs, FluentValue};
pub use lang::Lang;
pub use source::FtlFile;

use crate::location::line_col;
use crate::matching::Keywords;

/// Builds [`FluentArgs`]: `fargs!["service" => name, "count" => 3]`.
#[macro_export]
macro_rules! fargs {
    ($($key:literal => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set($key, $value);)*
        args
    }};
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("{path}:{line}:{column}: {problem}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        problem: String,
    },
    #[error("{path}: {problem}")]
    Bundle { path: String, problem: String },
    #[error(transparent)]
    Source(#[from] source::SourceError),
}

type Bundle = FluentBundle<FluentResource>;

pub struct I18n {
    loaded: RwLock<Arc<Loaded>>,
}

/// The bundles of one load, and what was read from them.
struct Loaded {
    bundles: HashMap<Lang, Bundle>,
    /// Messages read as keyword lists, normalized on first use; a reload starts empty.
    keywords: RwLock<HashMap<Lang, HashMap<String, Arc<Keywords>>>>,
    /// Tables of keyword lists (see [`I18n::keyword_table`]), built on first use.
    tables: RwLock<Vec<Arc<KeywordTable>>>,
}

impl Loaded {
    fn new(bundles: HashMap<Lang, Bundle>) -> Arc<Self> {
        Arc::new(Self {
            bundles,
            keywords: RwLock::default(),
            tables: RwLock::default(),
        })
    }
}

/// Several messages read as keyword lists in every language, from one load: looked up by
/// position, without a lock or a hash.
#[derive(Debug)]
pub struct KeywordTable {
    ids: &'static [&'static str],
    /// Language-major: `lists[lang as usize * ids.len() + i]`.
    lists: Vec<Keywords>,
}

impl KeywordTable {
    /// The keywords of the `i`-th message of the table in `lang`.
    pub fn get(&self, lang: Lang, i: usize) -> &Keywords {
        &self.lists[lang as usize * self.ids.len() + i]
    }
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").finish_non_exhaustive()
    }
}

impl I18n {
    /// Builds bundles from .ftl files; folders of unsupported languages are ignored.
    pub fn from_files(files: &[FtlFile]) -> Result<Self, I18nError> {
        Ok(Self {
            loaded: RwLock::new(Loaded::new(build(files)?)),
        })
    }

    /// The locales compiled into the binary.
    pub fn builtin() -> Self {
        Self::from_files(&source::builtin()).expect("the built-in locales are checked by tests")
    }

    /// Replaces every bundle at once; on error the current ones stay.
    pub fn reload(&self, files: &[FtlFile]) -> Result<(), I18nError> {
        self.reload_with(files, &[])
    }

    /// Replaces every bundle with the files plus admins' changes `(lang, id, value)`.
    pub fn reload_with(
        &self,
        files: &[FtlFile],
        overrides: &[(String, String, String)],
    ) -> Result<(), I18nError> {
        let mut new = build(files)?;
        for (lang, id, value) in overrides {
            let Some(bundle) = Lang::from_tag(lang).and_then(|l| new.get_mut(&l)) else {
                continue;
            };
            match FluentResource::try_new(edit::entry_text(id, value)) {
                Ok(resource) => bundle.add_resource_overriding(resource),
                Err(_) => {
                    tracing::warn!(target: "i18n", %lang, id, "stored translation does not parse, skipped")
                }
            }
        }
        let new = Loaded::new(new);
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) = new;
        Ok(())
    }

    fn snapshot(&self) -> Arc<Loaded> {
        self.loaded
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.snapshot()
            .bundles
            .get(&lang)
            .is_some_and(|b| b.has_message(id))
    }

    /// The message `id` in `lang`, falling back to English and then German.
    pub fn msg(&self, lang: Lang, id: &str, args: &FluentArgs) -> String {
        msg(&self.snapshot().bundles, lang, id, args)
    }

    /// What formatting message `id` of `lang` (no fallback) with `args` goes wrong with;
    /// empty when it renders cleanly.
    pub(crate) fn format_errors(&self, lang: Lang, id: &str, args: &FluentArgs) -> Vec<String> {
        let loaded = self.snapshot();
        let Some(bundle) = loaded.bundles.get(&lang) else {
            return vec![format!("locale {lang} has no messages")];
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return vec![format!("no message `{id}`")];
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(args), &mut errors);
        errors.iter().map(ToString::to_string).collect()
    }

    /// A message without arguments.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.msg(lang, id, &FluentArgs::new())
    }

    /// The message `id` in `lang` read as comma-separated keywords, normalized for matching.
    /// Each message is normalized once per load of the translations, on its first use, so an
    /// input costs lookups and no normalizing of keywords.
    pub fn keywords(&self, lang: Lang, id: &str) -> Arc<Keywords> {
        let loaded = self.snapshot();
        let cached = loaded
            .keywords
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&lang)
            .and_then(|by_id| by_id.get(id))
            .cloned();
        if let Some(keywords) = cached {
            return keywords;
        }
        // Read from the same load that caches it, so a reload in between cannot mix them.
        let text = msg(&loaded.bundles, lang, id, &FluentArgs::new());
        let keywords = Arc::new(Keywords::parse(&text));
        loaded
            .keywords
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .entry(lang)
            .or_default()
            .insert(id.to_owned(), keywords.clone());
        keywords
    }

    /// The messages `ids` read as keywords in every language, as [`Self::keywords`] reads
    /// them. A caller that tries many lists for one input (the command words: 7 messages in 13
    /// languages) takes them here at once: the table is built once per load of the
    /// translations, and a lookup in it is an index, where 91 calls of [`Self::keywords`]
    /// took a step's largest CPU share in a profile (locks and hashing, 11 µs a step).
    pub fn keyword_table(&self, ids: &'static [&'static str]) -> Arc<KeywordTable> {
        let loaded = self.snapshot();
        let cached = loaded
            .tables
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|t| t.ids == ids)
            .cloned();
        if let Some(table) = cached {
            return table;
        }
        let mut lists = Vec::with_capacity(Lang::ALL.len() * ids.len());
        for lang in Lang::ALL {
            debug_assert_eq!(Lang::ALL[lang as usize], lang);
            for id in ids {
                lists.push(Keywords::parse(&msg(
                    &loaded.bundles,
                    lang,
                    id,
                    &FluentArgs::new(),
                )));
            }
        }
        let table = Arc::new(KeywordTable { ids, lists });
        loaded
            .tables
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push(table.clone());
        table
    }
}

/// The message `id` in `lang`, falling back to English and then German.
fn msg(bundles: &HashMap<Lang, Bundle>, lang: Lang, id: &str, args: &FluentArgs) -> String {
    for candidate in [lang, Lang::En, Lang::REFERENCE] {
        let Some(bundle) = bundles.get(&candidate) else {
            continue;
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        if candidate != lang {
            tracing::warn!(target: "i18n", %lang, id, fallback = %candidate, "message missing, using fallback");
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(target: "i18n", %lang, id, ?errors, "message formatted with errors");
        }
        return text.into_owned();
    }
    tracing::warn!(target: "i18n", %lang, id, "message missing in every locale");
    id.to_owned()
}

/// Numbers in Persian messages (counts, days, positions) in Persian digits.
fn persian_number(
    value: &fluent_bundle::FluentValue<'_>,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        fluent_bundle::FluentValue::Number(n) => Some(Lang::Fa.digits(&n.as_string())),
        _ => None,
    }
}

fn build(files: &[FtlFile]) -> Result<HashMap<Lang, Bundle>, I18nError> {
    let mut bundles = HashMap::new();
    for file in files {
        let Some(lang) = Lang::from_tag(&file.locale).filter(|l| l.code() == file.locale) else {
            continue;
        };
        let resource = FluentResource::try_new(file.text.clone()).map_err(|(_, errors)| {
            let e = &errors[0];
            let (line, column) = line_col(&file.text, e.pos.start);
            I18nError::Syntax {
                path: file.path.clone(),
                line,
                column,
                problem: e.kind.to_string(),
            }
        })?;
        let bundle = bundles.entry(lang).or_insert_with(|| {
            let mut b = Bundle::new_concurrent(vec![lang.langid()]);
            // Isolation marks keep Latin references and numbers in place inside Arabic text;
            // left-to-right languages do not need them.
            b.set_use_isolating(lang.is_rtl());
            if lang == Lang::Fa {
                b.set_formatter(Some(persian_number));
            }
            b
        });
        bundle
            .add_resource(resource)
            .map_err(|errors| I18nError::Bundle {
                path: file.path.clone(),
                problem: errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            })?;
    }
    Ok(bundles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i18n(files: &[(&str, &str)]) -> I18n {
        let files: Vec<_> = files
            .iter()
            .map(|(l, t)| FtlFile {
                locale: (*l).into(),
                path: format!("{l}/t.ftl"),
                text: (*t).into(),
            })
            .collect();
        I18n::from_files(&files).unwrap()
    }

    #[test]
    fn falls_back_to_english_then_german() {
        let i = i18n(&[
            ("de", "a = A-de\nb = B-de\n"),
            ("en", "a = A-en\n"),
            ("tr", "x = X\n"),
        ]);
        assert_eq!(i.text(Lang::Tr, "a"), "A-en");
        assert_eq!(i.text(Lang::Tr, "b"), "B-de");
        assert_eq!(i.text(Lang::Tr, "nowhere"), "nowhere");
    }

    #[test]
    fn a_keyword_table_reads_each_language_with_fallback_and_follows_a_reload() {
        use crate::matching::Text;
        static IDS: [&str; 2] = ["keywords-a", "keywords-b"];
        let files = |b_de: &str| {
            vec![
                FtlFile {
                    locale: "de".into(),
                    path: "de/t.ftl".into(),
                    text: format!("keywords-a = hallo, guten tag\nkeywords-b = {b_de}\n"),
                },
                FtlFile {
                    locale: "en".into(),
                    path: "en/t.ftl".into(),
                    text: "keywords-a = hello\n".into(),
                },
            ]
        };
        let i = I18n::from_files(&files("tschüss")).unwrap();
        let table = i.keyword_table(&IDS);
        assert!(table.get(Lang::De, 0).said(&Text::new("guten tag")));
        assert!(table.get(Lang::En, 0).said(&Text::new("hello")));
        // Turkish has neither: English, then German, as for any message.
        assert!(table.get(Lang::Tr, 0).said(&Text::new("hello")));
        assert!(table.get(Lang::Tr, 1).said(&Text::new("tschüss")));
        assert!(!table.get(Lang::De, 1).said(&Text::new("hallo")));
        assert!(
            Arc::ptr_eq(&table, &i.keyword_table(&IDS)),
            "built once per load"
        );
        i.reload(&files("servus")).unwrap();
        let reloaded = i.keyword_table(&IDS);
        assert!(reloaded.get(Lang::De, 1).said(&Text::new("servus")));
        assert!(!reloaded.get(Lang::De, 1).said(&Text::new("tschüss")));
    }

    #[test]
    fn arabic_has_six_plural_forms() {
        let i = I18n::builtin();
        let forms: std::collections::BTreeSet<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| i.msg(Lang::Ar, "duration-minutes", &fargs!["minutes" => n]))
            .collect();
        assert_eq!(forms.len(), 6, "{forms:?}");
    }

    #[test]
    fn russian_plural_categories() {
        let i = I18n::builtin();
        let one = i.msg(Lang::Ru, "duration-minutes", &fargs!["minutes" => 21]);
        let few = i.msg(Lang::Ru, "duration-minutes", &fargs!["minutes" => 3]);
        let many = i.msg(Lang::Ru, "duration-minutes", &fargs!["minutes" => 5]);
        assert_ne!(one, few);
        assert_ne!(few, many);
    }

    /// The CLDR categories of the newer locales, each selected by a count that needs it.
    #[test]
    fn plural_categories_of_the_newer_locales() {
        let i = I18n::builtin();
        let minutes = |lang, n: i64| i.msg(lang, "duration-minutes", &fargs!["minutes" => n]);
        // Polish: one (1), few (2–4, 22–24), many (5–21, 25 …).
        assert_eq!(minutes(Lang::Pl, 1), "jedna minuta");
        assert_eq!(minutes(Lang::Pl, 3), "3 minuty");
        assert_eq!(minutes(Lang::Pl, 22), "22 minuty");
        assert_eq!(minutes(Lang::Pl, 5), "5 minut");
        assert_eq!(minutes(Lang::Pl, 12), "12 minut");
        // Romanian: one (1), few (0, 2–19), other (20 …) with "de".
        assert_eq!(minutes(Lang::Ro, 1), "un minut");
        assert_eq!(minutes(Lang::Ro, 2), "2 minute");
        assert_eq!(minutes(Lang::Ro, 19), "19 minute");
        assert_eq!(minutes(Lang::Ro, 20), "20 de minute");
        // French counts 0 and 1 as one; Italian and Spanish only 1.
        assert_eq!(minutes(Lang::Fr, 0), "0 minute");
        assert_eq!(minutes(Lang::Fr, 1), "1 minute");
        assert_eq!(minutes(Lang::Fr, 2), "2 minutes");
        assert_eq!(minutes(Lang::It, 1), "un minuto");
        assert_eq!(minutes(Lang::It, 0), "0 minuti");
        assert_eq!(minutes(Lang::Es, 1), "un minuto");
        assert_eq!(minutes(Lang::Es, 15), "15 minutos");
        // Persian keeps the noun singular after a number, and writes Persian digits.
        assert_eq!(minutes(Lang::Fa, 1), "\u{2068}۱\u{2069} دقیقه");
        assert_eq!(minutes(Lang::Fa, 25), "\u{2068}۲۵\u{2069} دقیقه");
    }

    #[test]
    fn broken_files_are_refused_with_their_line() {
        let files = vec![FtlFile {
            locale: "de".into(),
            path: "locales/de/x.ftl".into(),
            text: "ok = fine\n\nbad = { $x ->\n   [a] A\n}\n".into(),
        }];
        let err = I18n::from_files(&files).unwrap_err().to_string();
        assert!(err.starts_with("locales/de/x.ftl:"), "{err}");
    }

    #[test]
    fn reload_replaces_messages() {
        let i = i18n(&[("de", "a = alt\n")]);
        i.reload(&[FtlFile {
            locale: "de".into(),
            path: "de/t.ftl".into(),
            text: "a = neu\n".into(),
        }])
        .unwrap();
        assert_eq!(i.text(Lang::De, "a"), "neu");
    }
}
