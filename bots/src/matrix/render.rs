//! Messages as Matrix shows them: plain text, and where the text has web links, an HTML body
//! with each link as `<a href>` whose target is exactly the link (see
//! `schalter_core::links`), so that no client takes neighbouring characters into it.

use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;

pub fn content(text: &str) -> RoomMessageEventContent {
    let links = schalter_core::links::find(text);
    if links.is_empty() {
        return RoomMessageEventContent::text_plain(text);
    }
    let mut html = String::with_capacity(text.len() + 64 * links.len());
    let mut at = 0;
    for link in links {
        escape_into(&mut html, &text[at..link.start]);
        let url = &text[link.clone()];
        html.push_str("<a href=\"");
        escape_into(&mut html, url);
        html.push_str("\">");
        escape_into(&mut html, url);
        html.push_str("</a>");
        at = link.end;
    }
    escape_into(&mut html, &text[at..]);
    RoomMessageEventContent::text_html(text, html)
}

/// HTML-escapes `text` (the five characters that matter in text and attribute values) and
/// turns line breaks into `<br>`. Written here: five replacements do not justify a crate.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use matrix_sdk::ruma::events::room::message::MessageType;

    #[test]
    fn links_become_anchors_and_text_is_escaped() {
        let text = "\u{200F}افتح: https://meet.example.org/a?x=1&y=2.\n<b>";
        let content = content(text);
        let MessageType::Text(t) = content.msgtype else {
            panic!("not text");
        };
        assert_eq!(t.body, text);
        let html = t.formatted.unwrap().body;
        assert_eq!(
            html,
            "\u{200F}افتح: <a href=\"https://meet.example.org/a?x=1&amp;y=2\">\
             https://meet.example.org/a?x=1&amp;y=2</a>.<br>&lt;b&gt;"
        );
    }

    #[test]
    fn text_without_links_stays_plain() {
        let MessageType::Text(t) = content("Hallo").msgtype else {
            panic!("not text");
        };
        assert!(t.formatted.is_none());
    }
}
