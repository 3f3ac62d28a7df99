//! The rules of Leichte Sprache that a program can check (Netzwerk Leichte Sprache, DIN SPEC
//! 33429), applied by `schalter locales check` to the `de-x-ls` locale and by the admin page's
//! preview to an edit of it. Each rule is a yes or no a translator can act on:
//!
//! 1. at most [`MAX_WORDS`] words a sentence;
//! 2. at most one comma a sentence;
//! 3. no word over [`MAX_LETTERS`] letters unless split (with a hyphen or a middle dot);
//! 4. no word of [`OFFICE_WORDS`] without its explanation in the same message.
//!
//! **What counts.** A sentence ends at `.`, `!`, `?` or `:` before white space or the end, and
//! at a line break: Leichte Sprache writes one statement per line, and a colon there opens a
//! list or a value ("Buchungs-Nummer: …"), which is read as a statement of its own. A word is a
//! run without white space holding a letter or a digit (a dash or a bullet alone is none); a
//! placeable (`{ $date }`) is one word, because it is read as one thing — a date, a name, a
//! link — though the date itself is written out. Letters are counted per part of a compound
//! split by `-`, `·` or `/`; web addresses are not words to read and are skipped. A comma
//! between two digits (13,00 €) is part of a number.
//!
//! **Not checked**, because a program cannot judge it: active voice, no genitive, positive
//! sentences, one idea per line. The translator follows them; these rules catch what slips.
//!
//! Exempt: the keyword lists (`*-keywords`, `keywords-*`: matched, never read) and `lang-name`.

use fluent_syntax::ast;

/// Words a sentence may have.
pub const MAX_WORDS: usize = 15;
/// Letters a word may have before it must be split.
pub const MAX_LETTERS: usize = 20;
/// Words a message may have and still be a label (a button, a name), which cannot carry an
/// explanation: there, an office word may stand alone; its explanation comes where it is
/// described.
const LABEL_WORDS: usize = 6;

/// Office words a citizen meets on paper, which a message may use only with an explanation:
/// lower case, without hyphens or middle dots; any word containing one counts.
pub const OFFICE_WORDS: [&str; 13] = [
    "wohnungsgeberbestätigung",
    "meldebescheinigung",
    "führungszeugnis",
    "anwohnerparkausweis",
    "zulassungsbescheinigung",
    "meldeformular",
    "abmeldeformular",
    "vollmacht",
    "biometrisch",
    "gebühr",
    "ummeldung",
    "sachbearbeit",
    "datenschutz",
];

/// How a message explains a word: a sentence that starts so, anywhere in the message.
const EXPLAINED_BY: [&str; 4] = ["das ist", "das sind", "das bedeutet", "das heißt"];

/// A placeable, as the rules see it: one word.
const PLACEABLE: &str = "⟨x⟩";

/// What is wrong with a message by the rules, each a sentence naming the rule.
pub fn problems(id: &str, pattern: &ast::Pattern<&str>) -> Vec<String> {
    if id.ends_with("-keywords") || id.starts_with("keywords-") || id == "lang-name" {
        return Vec::new();
    }
    let mut found = Vec::new();
    for text in texts(pattern) {
        for problem in text_problems(&text) {
            if !found.contains(&problem) {
                found.push(problem);
            }
        }
    }
    found
}

/// The same for a message's text as an admin typed it (the preview).
pub fn text_problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for sentence in sentences(text) {
        let words = words(sentence);
        if words.len() > MAX_WORDS {
            found.push(format!(
                "sentence of {} words (at most {MAX_WORDS}): \"{}\"",
                words.len(),
                sentence.trim()
            ));
        }
        let commas = commas(sentence);
        if commas > 1 {
            found.push(format!(
                "sentence with {commas} commas (at most 1): \"{}\"",
                sentence.trim()
            ));
        }
        for word in &words {
            if let Some(part) = too_long(word) {
                found.push(format!(
                    "word of more than {MAX_LETTERS} letters, not split: \"{part}\" (split it \
                     with a hyphen or a middle dot)"
                ));
            }
        }
    }
    let normal = normalised(text);
    let label = !text.contains(['.', '!', '?']) && words(text).len() <= LABEL_WORDS;
    if !label {
        for office in OFFICE_WORDS {
            if normal.contains(office) && !explains(&normal, office) {
                found.push(format!(
                    "office word \"{office}\" without its explanation in the message (add \
                     \"Das ist …\", \"Das bedeutet …\", \"Das heißt …\" or \"<word>: …\")"
                ));
            }
        }
    }
    found
}

/// Every text a pattern can read as: one per variant of a selector (at most 32).
fn texts(pattern: &ast::Pattern<&str>) -> Vec<String> {
    let mut out = vec![String::new()];
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                for t in &mut out {
                    t.push_str(value);
                }
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                let mut next = Vec::new();
                for t in &out {
                    for v in variants {
                        for tail in texts(&v.value) {
                            if next.len() < 32 {
                                next.push(format!("{t}{tail}"));
                            }
                        }
                    }
                }
                out = next;
            }
            ast::PatternElement::Placeable { .. } => {
                for t in &mut out {
                    t.push_str(PLACEABLE);
                }
            }
        }
    }
    out
}

fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let ends = matches!(c, '.' | '!' | '?' | ':')
                && chars.peek().is_none_or(|(_, next)| next.is_whitespace());
            if ends {
                let end = i + c.len_utf8();
                out.push(&line[start..end]);
                start = end;
            }
        }
        out.push(&line[start..]);
    }
    out.retain(|s| !words(s).is_empty());
    out
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| w.contains(PLACEABLE) || w.chars().any(char::is_alphanumeric))
        .collect()
}

fn commas(sentence: &str) -> usize {
    let chars: Vec<char> = sentence.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            chars[i] == ','
                && !(i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        })
        .count()
}

/// The part of `word` with more than [`MAX_LETTERS`] letters, if any.
fn too_long(word: &str) -> Option<&str> {
    if word.contains("://") || word.contains('@') || word.contains(PLACEABLE) {
        return None;
    }
    word.split(['-', '·', '/', '‐', '–'])
        .find(|part| part.chars().filter(|c| c.is_alphabetic()).count() > MAX_LETTERS)
}

/// Lower case, without the marks that split a compound.
fn normalised(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '-' | '·' | '\u{AD}' | '‐'))
        .collect()
}

/// Whether the message explains `office`: a sentence that says what something is, or the
/// word (with any ending) followed by a colon.
fn explains(normal: &str, office: &str) -> bool {
    if EXPLAINED_BY.iter().any(|e| normal.contains(e)) {
        return true;
    }
    normal.match_indices(office).any(|(at, _)| {
        normal[at..]
            .chars()
            .find(|c| !c.is_alphabetic())
            .is_some_and(|c| c == ':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<String> {
        let source = format!("m = {text}\n");
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("parses");
        let Some(ast::Entry::Message(m)) = resource.body.first() else {
            panic!("a message");
        };
        problems("m", m.value.as_ref().expect("a value"))
    }

    #[test]
    fn plain_sentences_pass() {
        assert!(check("Ihr Termin ist am { $date }. Bitte kommen Sie pünktlich.").is_empty());
        assert!(check("Das Geld für das Amt: 13,00 Euro.").is_empty());
        assert!(check("Buchungs-Nummer: { $reference }").is_empty());
    }

    #[test]
    fn a_long_sentence_is_named_with_its_length() {
        let p = check(
            "Wenn Sie einen Termin buchen wollen dann müssen Sie zuerst den Dienst wählen und \
             danach einen Tag.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("sentence of 17 words (at most 15)"),
            "{p:?}"
        );
    }

    #[test]
    fn two_commas_and_a_long_word_are_named() {
        let p = check("Sie brauchen den Ausweis, das Foto, und den Brief.");
        assert!(p[0].starts_with("sentence with 2 commas"), "{p:?}");
        let p = check("Bitte bringen Sie die Wohnungsgeberbestätigungsformulare mit.");
        assert!(
            p.iter()
                .any(|p| p.contains("\"Wohnungsgeberbestätigungsformulare\"")),
            "{p:?}"
        );
        assert!(check("Die Wohnungs-Geber-Bestätigung: Ein Zettel.").is_empty());
    }

    #[test]
    fn office_words_need_their_explanation_unless_a_label() {
        let p = check("Bringen Sie die Voll-Macht mit.");
        assert!(p.iter().any(|p| p.contains("\"vollmacht\"")), "{p:?}");
        assert!(check("Bringen Sie die Voll-Macht mit. Das ist ein Brief von Ihnen.").is_empty());
        assert!(
            check("Voll-Macht: Ein Brief von Ihnen. Darin steht: Die Person darf das.").is_empty()
        );
        assert!(check("Voll-Macht").is_empty(), "a label");
    }

    #[test]
    fn every_variant_of_a_selector_is_read() {
        let p = check(
            "{ $count ->\n    [one] Ein Termin.\n   *[other] { $count } Termine sind da und \
             es gibt noch viel mehr zu sagen über alle diese Termine heute.\n}",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("sentence of 17 words"), "{p:?}");
    }
}
