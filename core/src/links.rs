//! Web links in the text a citizen reads (the video call, the privacy notice).
//!
//! Fluent isolates every placeable of a right-to-left message in U+2068 … U+2069, and each
//! line of such a message starts with a right-to-left mark. Next to a URL, apps that turn
//! plain text into links take those invisible marks into the link, and the link breaks. So a
//! URL in a reply has no mark inside or next to it ([`unmark`]), and channels send it as a
//! real link: a text-link entity on Telegram, an `<a href>` on Matrix, a line of its own in
//! the terminal ([`find`] gives them the places).

use std::ops::Range;

use crate::matching::is_bidi_mark;

/// The byte ranges of the `http://` and `https://` links in `text`. A link ends at white
/// space, a direction mark or a character that cannot be in a URL; punctuation that ends the
/// sentence (`.`, `,`, `)` …) is not part of it.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(start) = next_start(&text[from..]).map(|i| from + i) {
        let rest = &text[start..];
        let end = rest
            .char_indices()
            .find(|(_, c)| ends_link(*c))
            .map_or(text.len(), |(i, _)| start + i);
        let link = text[start..end].trim_end_matches(|c: char| ".,;:!?)]}»'\"…".contains(c));
        let end = start + link.len();
        if link.len() > "https://".len() {
            links.push(start..end);
        }
        from = end.max(start + 1);
    }
    links
}

fn next_start(text: &str) -> Option<usize> {
    [text.find("https://"), text.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

fn ends_link(c: char) -> bool {
    c.is_whitespace() || is_bidi_mark(c) || c.is_control() || matches!(c, '<' | '>' | '"')
}

/// `text` with the direction marks next to each link removed, and a space between a link
/// and any other text it would otherwise touch.
pub fn unmark(text: &str) -> String {
    let links = find(text);
    if links.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for link in links {
        let before = text[at..link.start].trim_end_matches(is_bidi_mark);
        out.push_str(before);
        if out.chars().last().is_some_and(|c| !c.is_whitespace()) {
            out.push(' ');
        }
        out.push_str(&text[link.clone()]);
        at = link.end;
        let after = text[at..].trim_start_matches(is_bidi_mark);
        at = text.len() - after.len();
        if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            out.push(' ');
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `line` begins with a link (after white space).
pub fn starts_with_link(line: &str) -> bool {
    find(line)
        .first()
        .is_some_and(|l| line[..l.start].trim().is_empty())
}

/// `text` with every link on a line of its own, for screens that open a link only when it
/// stands alone (the terminal). What followed a link on its line follows on the next one.
pub fn on_own_lines(text: &str) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let links = find(line);
        if links.is_empty() {
            out.push(line.to_owned());
            continue;
        }
        // A right-to-left line's pieces stay marked right-to-left.
        let mark = if line.starts_with('\u{200F}') {
            "\u{200F}"
        } else {
            ""
        };
        let mut at = 0;
        for link in links {
            let before = line[at..link.start].trim_end();
            let before = before.trim_start_matches(is_bidi_mark).trim_start();
            if !before.is_empty() {
                out.push(format!("{mark}{before}"));
            }
            out.push(line[link.clone()].to_owned());
            at = link.end;
        }
        let rest = line[at..].trim_matches(is_bidi_mark).trim();
        // A full stop after a link has nothing left to end.
        if !rest.chars().all(|c| ".,;:!?…".contains(c)) {
            out.push(format!("{mark}{rest}"));
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_end_before_marks_and_punctuation() {
        let text = "Öffnen Sie: https://meet.example.org/schalter-abc. Danke";
        let l = find(text);
        assert_eq!(l.len(), 1);
        assert_eq!(&text[l[0].clone()], "https://meet.example.org/schalter-abc");
        let rtl = "\u{200F}افتح: \u{2068}https://meet.example.org/a?b=1\u{2069}.";
        let l = find(rtl);
        assert_eq!(&rtl[l[0].clone()], "https://meet.example.org/a?b=1");
        assert!(find("no link, only https:// and http:").is_empty());
    }

    #[test]
    fn marks_next_to_links_go() {
        let text = "\u{200F}افتح: \u{2068}https://meet.example.org/x\u{2069}. رمز \u{2068}Y4NY-0M81\u{2069}";
        let clean = unmark(text);
        assert_eq!(
            clean, "\u{200F}افتح: https://meet.example.org/x. رمز \u{2068}Y4NY-0M81\u{2069}",
            "the reference keeps its isolation"
        );
        let l = find(&clean)[0].clone();
        let (before, after) = (&clean[..l.start], &clean[l.end..]);
        assert!(!before.ends_with(is_bidi_mark) && !after.starts_with(is_bidi_mark));
        // A link glued to a word gets a space.
        assert_eq!(
            unmark("رابط:\u{2068}https://a.example/x\u{2069}متن"),
            "رابط: https://a.example/x متن"
        );
        assert_eq!(unmark("plain text"), "plain text");
    }

    #[test]
    fn links_on_lines_of_their_own() {
        assert_eq!(
            on_own_lines("Datenschutz: https://a.example/p – mehr mit /privacy\nHallo"),
            "Datenschutz:\nhttps://a.example/p\n– mehr mit /privacy\nHallo"
        );
        assert_eq!(
            on_own_lines("\u{200F}افتح: https://a.example/x."),
            "\u{200F}افتح:\nhttps://a.example/x"
        );
        assert_eq!(
            on_own_lines("\u{200F}حماية: https://a.example/p – للمزيد"),
            "\u{200F}حماية:\nhttps://a.example/p\n\u{200F}– للمزيد"
        );
    }

    #[test]
    fn a_line_may_start_with_a_link() {
        assert!(starts_with_link("  https://a.example/x is it"));
        assert!(!starts_with_link("see https://a.example/x"));
    }
}
