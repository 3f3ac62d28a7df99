//! Forgiving free-text matching: case, accents and umlauts, Arabic letter variants and small
//! typos do not matter. Used to match services by keyword in every language, option labels
//! and the words that work at any step ("menu", "help", "language").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, no accents or diacritics, letter variants unified, punctuation as spaces,
/// single spaces. German `ae/oe/ue` spellings meet their umlauts; Arabic's article `ال` is
/// dropped from longer words.
pub fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.nfd() {
        if is_combining_mark(c) || is_arabic_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ё' | 'Ё' => out.push('е'),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            'ـ' => {} // tatweel
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    let words: Vec<String> = out.split_whitespace().map(fold_word).collect();
    words.join(" ")
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

fn fold_word(w: &str) -> String {
    let w = w
        .strip_prefix("ال")
        .filter(|rest| rest.chars().count() >= 3)
        .unwrap_or(w);
    w.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

/// Edits allowed for a word of `len` characters to still count as the same word.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn close(a: &str, b: &str) -> bool {
    let len = a.chars().count().min(b.chars().count());
    a == b || strsim::damerau_levenshtein(a, b) <= allowed_typos(len)
}

/// How well `input` matches `phrase` (both normalized): `None` unless every word of the
/// phrase is in the input, exactly, with a small typo, or as a typed-out beginning.
/// Longer phrases and exact words score higher; the whole input being the phrase scores most.
pub fn phrase_score(input: &str, phrase: &str) -> Option<u32> {
    if phrase.is_empty() || input.is_empty() {
        return None;
    }
    let words: Vec<&str> = input.split(' ').collect();
    let mut score = 0;
    for p in phrase.split(' ') {
        let best = words
            .iter()
            .map(|w| {
                if *w == p {
                    3
                } else if close(w, p) {
                    2
                } else if w.chars().count() >= 5 && p.starts_with(w) {
                    1
                } else {
                    0
                }
            })
            .max()
            .unwrap_or(0);
        if best == 0 {
            return None;
        }
        score += 10 + best;
    }
    if input == phrase {
        score += 50;
    }
    Some(score)
}

/// The best score of `input` against comma-separated `keywords`.
pub fn keywords_score(input: &str, keywords: &str) -> Option<u32> {
    keywords
        .split([',', '\n'])
        .filter_map(|k| phrase_score(input, &normalize(k)))
        .max()
}

/// Whether `input` says the same as a short label or word: equal after normalizing, or off by
/// a small typo.
pub fn same_words(input: &str, label: &str) -> bool {
    let (a, b) = (normalize(input), normalize(label));
    !a.is_empty() && close(&a, &b)
}

/// Whether the whole input is one of the comma-separated `keywords`.
pub fn is_keyword(input: &str, keywords: &str) -> bool {
    keywords.split(',').any(|k| same_words(input, k))
}

/// Ranks candidates by score. One clear winner → that; several tied → all of them; none → empty.
pub fn best<T: Clone>(scored: impl IntoIterator<Item = (T, u32)>) -> Vec<T> {
    let scored: Vec<(T, u32)> = scored.into_iter().collect();
    let Some(top) = scored.iter().map(|(_, s)| *s).max() else {
        return Vec::new();
    };
    scored
        .into_iter()
        .filter(|(_, s)| *s == top)
        .map(|(t, _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_accents_and_variants() {
        assert_eq!(normalize("  Führungs-Zeugnis! "), "fuhrungs zeugnis");
        assert_eq!(normalize("Fuehrungszeugnis"), normalize("führungszeugnis"));
        assert_eq!(normalize("KAYIT"), "kayit");
        assert_eq!(normalize("kayıt"), "kayit");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Реєстрація"), "реєстрація");
        assert_eq!(normalize("ёлка"), "елка");
        assert_eq!(normalize("تَسْجِيل"), "تسجيل");
        assert_eq!(normalize("السكن"), "سكن");
        assert_eq!(normalize("إقامة"), normalize("اقامه"));
    }

    #[test]
    fn phrases_need_every_word() {
        let n = normalize;
        assert!(phrase_score(&n("ich will mich anmelden"), &n("anmelden")).is_some());
        assert!(phrase_score(&n("register"), &n("register extract")).is_none());
        assert!(
            phrase_score(
                &n("registration certificate"),
                &n("registration certificate")
            ) > phrase_score(&n("registration certificate"), &n("registration"))
        );
    }

    #[test]
    fn small_typos_are_forgiven_but_not_other_words() {
        let n = normalize;
        assert!(phrase_score(&n("anmelen"), &n("anmelden")).is_some());
        assert!(phrase_score(&n("fürungszeugnis"), &n("führungszeugnis")).is_some());
        // One letter apart, but an exact keyword elsewhere must win: see `best`.
        let abmelden = n("abmelden");
        assert!(phrase_score(&abmelden, &n("abmelden")) > phrase_score(&abmelden, &n("anmelden")));
        assert!(phrase_score(&n("pas"), &n("park")).is_none());
    }

    #[test]
    fn labels_and_keywords() {
        assert!(same_words("weiter zur terminwahl", "Weiter zur Terminwahl"));
        assert!(same_words("Turkce", "Türkçe"));
        assert!(!same_words("", "Menü"));
        assert!(is_keyword("MENÜ", "menü, hauptmenü, start"));
        assert!(!is_keyword("menü bitte nicht", "menü, hauptmenü"));
    }

    #[test]
    fn best_keeps_ties() {
        assert_eq!(best([("a", 3), ("b", 5), ("c", 5)]), vec!["b", "c"]);
        assert!(best::<&str>([]).is_empty());
    }
}
