//! Forgiving free-text matching: case, accents and umlauts, Arabic letter variants and small
//! typos do not matter. Used to match services by keyword in every language, option labels
//! and the words that work at any step ("menu", "help", "language").
//!
//! The work per input is bounded, whatever its length: the input is normalized once into a
//! [`Text`] of at most [`MAX_WORDS`] distinct words, keyword lists are normalized once per
//! load of the translations ([`Keywords`], cached by `I18n::keywords`), and two words only go
//! to the edit distance when their lengths and letters allow it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Distinct words of an input that are compared with keywords; later words are ignored.
/// Citizens say what they want at the start: 48 distinct words are the first 50–100 words of
/// running text (300–600 characters, the opening paragraph), and comparing them with the ~830
/// words of the 421 keyword phrases of every language costs about 0.1 ms, however long the
/// input; unbounded, an input of 4,096 characters cost ~100 ms (issue 12).
pub const MAX_WORDS: usize = 48;

/// Longer words are not compared: no keyword word comes near it (the longest, German
/// compounds such as "melderegisterauskunft", have about 20 letters), and a typo or a prefix
/// cannot bridge the difference. Such tokens are pasted links, hashes or key mashing, and must
/// not use up [`MAX_WORDS`].
pub const MAX_WORD_CHARS: usize = 40;

/// Lower case, no accents or diacritics, letter variants unified, punctuation as spaces,
/// single spaces. German `ae/oe/ue` spellings meet their umlauts; Arabic's article `ال` is
/// dropped from longer words.
pub fn normalize(input: &str) -> String {
    words(input).collect::<Vec<_>>().join(" ")
}

/// [`normalize`], or `None` as soon as the result is longer than `max_chars` characters: a
/// long input is not normalized to the end only to be found too long for a short label.
fn normalize_within(input: &str, max_chars: usize) -> Option<String> {
    let mut out = String::new();
    let mut chars = 0;
    for w in words(input) {
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        chars += w.chars().count();
        if chars > max_chars {
            return None;
        }
        out.push_str(&w);
    }
    Some(out)
}

/// Typed text as the dialogue reads it: Persian and Arabic-Indic digits as ASCII digits
/// (a choice typed as "۲" is "2"), and without the invisible direction marks that right-to-left
/// apps put around numbers and Latin text, or that a citizen copies along with a reference.
pub fn clean_input(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| is_bidi_mark(c) || native_digit(c).is_some();
    if !text.chars().any(odd) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .filter(|c| !is_bidi_mark(*c))
            .map(|c| native_digit(c).unwrap_or(c))
            .collect(),
    )
}

/// The Unicode direction marks, embeddings, overrides and isolates.
pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A Persian or Arabic-Indic digit as its ASCII digit.
fn native_digit(c: char) -> Option<char> {
    let zero = match c {
        '۰'..='۹' => 0x06F0,
        '٠'..='٩' => 0x0660,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// The normalized words of `input`, one by one, as [`normalize`] separates them.
fn words(input: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = input.nfd();
    std::iter::from_fn(move || {
        let mut word = String::new();
        for c in chars.by_ref() {
            if is_combining_mark(c) || is_arabic_mark(c) {
                continue;
            }
            match c {
                'ß' => word.push_str("ss"),
                'ı' => word.push('i'),
                'ё' | 'Ё' => word.push('е'),
                'أ' | 'إ' | 'آ' | 'ٱ' => word.push('ا'),
                'ة' => word.push('ه'),
                // Persian and Arabic keyboards write yeh and kaf differently.
                'ى' | 'ی' => word.push('ي'),
                'ک' => word.push('ك'),
                'ـ' => {} // tatweel
                // The Persian half-space joins parts of one word (می‌خواهم).
                '\u{200C}' => {}
                // Persian and Arabic-Indic digits are the same numbers.
                c if native_digit(c).is_some() => word.extend(native_digit(c)),
                c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
                _ if word.is_empty() => {}
                _ => return Some(fold_word(&word)),
            }
        }
        (!word.is_empty()).then(|| fold_word(&word))
    })
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

/// A normalized word (or a whole normalized label) with what the comparisons need, computed
/// once.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    chars: usize,
    /// One bit per letter, folded into 64 classes (see [`Word::close`]).
    letters: u64,
}

impl Word {
    fn new(text: String) -> Self {
        let (mut chars, mut letters) = (0, 0u64);
        for c in text.chars() {
            chars += 1;
            letters |= 1 << (u32::from(c) % 64);
        }
        Self {
            text,
            chars,
            letters,
        }
    }

    /// Equal, or off by a small typo (Damerau–Levenshtein distance within
    /// [`allowed_typos`] of the shorter one). Every edit changes the length by at most one and
    /// removes at most one letter of either word, so the length difference and the letter
    /// classes one word has and the other lacks are lower bounds of the distance: when they
    /// already exceed the allowance, the distance itself is not computed.
    fn close(&self, other: &Word) -> bool {
        if self.text == other.text {
            return true;
        }
        let typos = allowed_typos(self.chars.min(other.chars));
        typos > 0
            && self.chars.abs_diff(other.chars) <= typos
            && (self.letters & !other.letters).count_ones() as usize <= typos
            && (other.letters & !self.letters).count_ones() as usize <= typos
            && strsim::damerau_levenshtein(&self.text, &other.text) <= typos
    }
}

/// A citizen's input, normalized once for all the comparisons of one input: its first
/// [`MAX_WORDS`] distinct words of at most [`MAX_WORD_CHARS`] characters.
#[derive(Debug, Clone)]
pub struct Text {
    words: Vec<Word>,
    /// The whole normalized input, unless it was cut at [`MAX_WORDS`] (it then equals no
    /// phrase or label anyway).
    whole: Option<String>,
}

impl Text {
    pub fn new(input: &str) -> Self {
        Self::from_words(words(input))
    }

    /// Nothing but spaces, punctuation and marks.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.whole.as_deref().is_some_and(str::is_empty)
    }

    /// An input that is already normalized.
    fn from_normalized(input: &str) -> Self {
        Self::from_words(
            input
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        )
    }

    fn from_words(all: impl Iterator<Item = String>) -> Self {
        let mut words: Vec<Word> = Vec::new();
        let mut whole = String::new();
        for w in all {
            let fresh = w.chars().count() <= MAX_WORD_CHARS && !words.iter().any(|k| k.text == w);
            if !whole.is_empty() {
                whole.push(' ');
            }
            whole.push_str(&w);
            if fresh {
                if words.len() == MAX_WORDS {
                    return Self { words, whole: None };
                }
                words.push(Word::new(w));
            }
        }
        Self {
            words,
            whole: Some(whole),
        }
    }
}

/// One keyword phrase, normalized.
#[derive(Debug, Clone)]
struct Phrase {
    whole: String,
    words: Vec<Word>,
}

impl Phrase {
    fn from_normalized(phrase: &str) -> Self {
        Self {
            whole: phrase.to_owned(),
            words: phrase.split(' ').map(|w| Word::new(w.to_owned())).collect(),
        }
    }

    /// `None` unless every word of the phrase is in the input, exactly, with a small typo, or
    /// as a typed-out beginning. Longer phrases and exact words score higher; the whole input
    /// being the phrase scores most.
    fn score(&self, input: &Text) -> Option<u32> {
        self.score_within(input, true)
    }

    /// [`Phrase::score`], with typos and beginnings only when `forgiving`.
    fn score_within(&self, input: &Text, forgiving: bool) -> Option<u32> {
        if self.whole.is_empty() || input.words.is_empty() {
            return None;
        }
        let mut score = 0;
        for p in &self.words {
            let mut best = 0;
            for w in &input.words {
                let level = if w.text == p.text {
                    3
                } else if !forgiving {
                    0
                } else if w.close(p) {
                    2
                } else if w.chars >= 5 && p.text.starts_with(&w.text) {
                    1
                } else {
                    0
                };
                best = best.max(level);
                if best == 3 {
                    break;
                }
            }
            if best == 0 {
                return None;
            }
            score += 10 + best;
        }
        if input.whole.as_deref() == Some(self.whole.as_str()) {
            score += 50;
        }
        Some(score)
    }
}

/// A list of keyword phrases (separated by commas or lines), normalized once.
#[derive(Debug, Clone, Default)]
pub struct Keywords {
    phrases: Vec<Phrase>,
    /// Each phrase as one word, for [`Keywords::said`].
    wholes: Vec<Word>,
}

impl Keywords {
    pub fn parse(list: &str) -> Self {
        let normalized: Vec<String> = list
            .split([',', '\n'])
            .map(normalize)
            .filter(|p| !p.is_empty())
            .collect();
        Self {
            phrases: normalized
                .iter()
                .map(|p| Phrase::from_normalized(p))
                .collect(),
            wholes: normalized.into_iter().map(Word::new).collect(),
        }
    }

    /// Whether the whole input is one of the phrases, or off by a small typo (what
    /// [`is_keyword`] tells, with the keywords normalized once).
    pub fn said(&self, input: &Text) -> bool {
        let Some(whole) = input.whole.as_deref().filter(|w| !w.is_empty()) else {
            return false;
        };
        let longest = self.wholes.iter().map(|k| k.chars).max().unwrap_or(0);
        if whole.chars().count() > longest + 2 {
            return false;
        }
        let input = Word::new(whole.to_owned());
        self.wholes.iter().any(|k| input.close(k))
    }

    /// Whether the whole input is one of the phrases exactly (after normalizing): for the
    /// words of languages other than the citizen's, where a typo allowance would turn one
    /// language's word into another's command (Italian "aiuto", help, is one letter from
    /// "auto").
    pub fn said_exactly(&self, input: &Text) -> bool {
        input
            .whole
            .as_deref()
            .is_some_and(|whole| !whole.is_empty() && self.wholes.iter().any(|k| k.text == whole))
    }

    /// The best score of `input` against the phrases; see [`phrase_score`].
    pub fn score(&self, input: &Text) -> Option<u32> {
        self.phrases.iter().filter_map(|p| p.score(input)).max()
    }

    /// [`Keywords::score`] with every word of a phrase typed exactly: for the words of
    /// languages other than the citizen's, where a typo allowance turns one language's word
    /// into another's (French "pris" is one letter from German "preis").
    pub fn score_exactly(&self, input: &Text) -> Option<u32> {
        self.phrases
            .iter()
            .filter_map(|p| p.score_within(input, false))
            .max()
    }
}

/// How well `input` matches `phrase` (both normalized): `None` unless every word of the
/// phrase is in the input, exactly, with a small typo, or as a typed-out beginning.
/// Longer phrases and exact words score higher; the whole input being the phrase scores most.
pub fn phrase_score(input: &str, phrase: &str) -> Option<u32> {
    Phrase::from_normalized(phrase).score(&Text::from_normalized(input))
}

/// Whether `input` says the same as a short label or word: equal after normalizing, or off by
/// a small typo.
pub fn same_words(input: &str, label: &str) -> bool {
    let label = Word::new(normalize(label));
    // Within the allowed typos (never more than 2) of the label, or not the same words.
    normalize_within(input, label.chars + 2)
        .is_some_and(|input| !input.is_empty() && Word::new(input).close(&label))
}

/// Whether the whole input is one of the comma-separated `keywords`.
pub fn is_keyword(input: &str, keywords: &str) -> bool {
    Keywords::parse(keywords).said(&Text::new(input))
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
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::dialogue::MAX_INPUT_CHARS;

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

    /// `MAX_INPUT_CHARS` characters of words drawn from `vocabulary`, with punctuation.
    fn long_text(vocabulary: &str, seed: u64) -> String {
        let vocabulary: Vec<&str> = vocabulary.split_whitespace().collect();
        let mut rng = StdRng::seed_from_u64(seed);
        let mut text = String::new();
        while text.chars().count() < MAX_INPUT_CHARS {
            text.push_str(vocabulary[rng.random_range(0..vocabulary.len())]);
            text.push_str([" ", " ", " ", ", ", ". "][rng.random_range(0..5)]);
        }
        text.chars().take(MAX_INPUT_CHARS).collect()
    }

    /// Words of no keyword in any locale, separated by spaces.
    const FILLER: &str = "ich habe eine Frage zu meinem Schreiben und der die weil Familie seit \
        drei Jahren Vermieter gesagt Formular nicht rechtzeitig Sohn Schule Krankenkasse Rechnung \
        bezahlt leider wieder Briefkasten Nachbarn Telefon niemand erreicht schon mehrmals \
        versucht Samstag Vormittag freundlichen Grüßen Übersetzung beglaubigt Geburtsurkunde \
        أنا أريد مرحبا عائلتي Здравствуйте я Merhaba çocuklar Привіт 😀 2024 — (bitte) ?!";

    #[test]
    fn a_keyword_early_in_the_longest_input_is_found() {
        let keywords = Keywords::parse("anmelden, wohnung anmelden, neue wohnung");
        let text = format!(
            "Ich möchte meine Wohnung anmelden. {}",
            long_text(FILLER, 1)
        );
        let text: String = text.chars().take(MAX_INPUT_CHARS).collect();
        let input = Text::new(&text);
        assert!(input.words.len() <= MAX_WORDS);
        assert!(input.whole.is_none(), "cut at {MAX_WORDS} distinct words");
        // Both words found: the two-word phrase wins over the one-word one.
        assert_eq!(keywords.score(&input), Some(26));
    }

    #[test]
    fn repeated_and_overlong_words_do_not_use_up_the_budget() {
        let keywords = Keywords::parse("führungszeugnis");
        // Thousands of words, but few distinct ones, and one word of 3,000 letters.
        let mut text = "bitte danke ".repeat(50);
        text.push_str(&"x".repeat(3_000));
        text.push_str(" ich brauche ein Führungszeugnis");
        let input = Text::new(&text);
        assert_eq!(input.words.len(), 6);
        assert!(keywords.score(&input).is_some());
        // A keyword after MAX_WORDS other distinct words is not looked at.
        let many: Vec<String> = (0..MAX_WORDS).map(|i| format!("wort{i}")).collect();
        let late = format!("{} führungszeugnis", many.join(" "));
        assert_eq!(Text::new(&late).words.len(), MAX_WORDS);
        assert!(keywords.score(&Text::new(&late)).is_none());
    }

    #[test]
    fn the_longest_random_text_matches_no_service() {
        let i18n = crate::I18n::builtin();
        let catalog = crate::Catalog::builtin().unwrap();
        for seed in 0..20 {
            let input = Text::new(&long_text(FILLER, seed));
            assert!(input.words.len() <= MAX_WORDS);
            for s in &catalog.services {
                for l in crate::Lang::ALL {
                    for id in [s.keywords_id(), s.name_id()] {
                        let score = i18n.keywords(l, &id).score(&input);
                        assert_eq!(score, None, "{id} in {l} matched seed {seed}");
                    }
                }
            }
            let text = long_text(FILLER, seed);
            assert!(!same_words(&text, "Menü"));
            assert!(!is_keyword(&text, "menü, hauptmenü, start"));
        }
    }

    #[test]
    fn long_inputs_are_no_label_and_short_ones_still_are() {
        let long = format!("Menü {}", "Menü ".repeat(800));
        assert!(!same_words(&long, "Menü"));
        assert!(!is_keyword(&long, "menü, hauptmenü"));
        assert!(same_words(" Menü!! ", "Menü"));
        assert!(is_keyword("Hauptmenu", "menü, hauptmenü"));
        assert!(same_words("weiter zur termnwahl", "Weiter zur Terminwahl"));
    }

    /// The length and letter filters in front of the edit distance never change a result.
    #[test]
    fn filters_agree_with_the_edit_distance() {
        let mut rng = StdRng::seed_from_u64(7);
        let letters: Vec<char> = "abcdeäöüßعربي".chars().collect();
        let word = |rng: &mut StdRng| -> String {
            let len = rng.random_range(0..11);
            (0..len)
                .map(|_| letters[rng.random_range(0..letters.len())])
                .collect()
        };
        for _ in 0..20_000 {
            let a = word(&mut rng);
            // Half the pairs are a few edits apart, so that both answers occur.
            let b = if rng.random_bool(0.5) {
                word(&mut rng)
            } else {
                let mut b: Vec<char> = a.chars().collect();
                for _ in 0..rng.random_range(1..4) {
                    let at = rng.random_range(0..=b.len());
                    match rng.random_range(0..3) {
                        0 => b.insert(at, letters[rng.random_range(0..letters.len())]),
                        1 if at < b.len() => drop(b.remove(at)),
                        _ if at + 1 < b.len() => b.swap(at, at + 1),
                        _ => {}
                    }
                }
                b.into_iter().collect()
            };
            let len = a.chars().count().min(b.chars().count());
            let expected = a == b || strsim::damerau_levenshtein(&a, &b) <= allowed_typos(len);
            let (wa, wb) = (Word::new(a.clone()), Word::new(b.clone()));
            assert_eq!(wa.close(&wb), expected, "{a:?} {b:?}");
            assert_eq!(wb.close(&wa), expected, "{b:?} {a:?}");
        }
    }
}
