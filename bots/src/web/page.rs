//! The chat's HTML, from templates (minijinja, escaped as HTML): the start page, the chat
//! with its transcript, one message (also what the event stream sends, so that the page and
//! the script show the same thing), and the privacy notice. Every word comes from `locales/`
//! (`web.ftl` for the page around the conversation).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use minijinja::{Environment, context};
use schalter_core::transcript::{Entry, Shown};
use schalter_core::{I18n, Lang, fargs};
use serde::Serialize;

/// Where the chat is served.
pub const BASE: &str = "/chat";
/// The longest text a citizen may send (characters).
pub const MAX_TEXT: usize = 2_000;

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("templates/base.html")),
        ("start.html", include_str!("templates/start.html")),
        ("start_view.html", include_str!("templates/start_view.html")),
        ("chat.html", include_str!("templates/chat.html")),
        ("chat_view.html", include_str!("templates/chat_view.html")),
        ("message.html", include_str!("templates/message.html")),
        ("privacy.html", include_str!("templates/privacy.html")),
        ("notice.html", include_str!("templates/notice.html")),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e}"));
    }
    env
});

fn render(name: &str, ctx: minijinja::Value) -> String {
    TEMPLATES
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .unwrap_or_else(|e| panic!("template {name} does not render: {e}"))
}

/// The page's words in `lang`: every `web-…` message without arguments, by its name after
/// `web-` with `_` for `-` (`web-page-title` is `t.page_title`).
pub fn texts(i18n: &I18n, lang: Lang) -> BTreeMap<String, String> {
    words(i18n, lang, "web-", &WORDS)
}

/// Messages `ids` in `lang` for a template, each by its name after `prefix` with `_` for `-`.
pub fn words(i18n: &I18n, lang: Lang, prefix: &str, ids: &[&str]) -> BTreeMap<String, String> {
    ids.iter()
        .map(|id| {
            (
                id.trim_start_matches(prefix).replace('-', "_"),
                i18n.text(lang, id),
            )
        })
        .collect()
}

/// The `web-…` messages the templates and the script use as they are.
pub const WORDS: [&str; 37] = [
    "web-page-title",
    "web-intro",
    "web-privacy-before",
    "web-privacy-link",
    "web-start",
    "web-start-note",
    "web-log-label",
    "web-you",
    "web-office",
    "web-input-label",
    "web-send",
    "web-options-label",
    "web-launcher",
    "web-close",
    "web-status-connecting",
    "web-status-connected",
    "web-status-offline",
    "web-status-sending",
    "web-status-calling",
    "web-error-origin",
    "web-error-session",
    "web-error-empty",
    "web-error-too-many",
    "web-error-too-large",
    "web-error-unknown",
    "web-ended",
    "web-noscript",
    "web-language-label",
    "web-language-choose",
    "web-mail-title",
    "web-mail-hint",
    "web-mail-label",
    "web-mail-send",
    "web-file-title",
    "web-file-hint",
    "web-file-label",
    "web-file-send",
];

/// Where a view is shown: a page of its own (links relative to the chat), or in the widget on
/// a page of the city (links to the chat's own origin, `scheme://host/chat`).
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    Page,
    Widget { base: &'a str },
}

impl Place<'_> {
    fn base(&self) -> &str {
        match self {
            Place::Page => BASE,
            Place::Widget { base } => base,
        }
    }

    fn whole(&self) -> bool {
        matches!(self, Place::Page)
    }
}

fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

#[derive(Serialize)]
struct LangChoice {
    code: &'static str,
    name: String,
}

/// The page before the chat starts: what it is, the privacy notice's link, the language
/// and the button that starts it, as a page of its own or the part the widget shows.
pub fn start(i18n: &I18n, lang: Lang, error: &str, place: Place<'_>) -> String {
    let whole = place.whole();
    let langs: Vec<LangChoice> = Lang::ALL
        .into_iter()
        .map(|l| LangChoice {
            code: l.code(),
            name: i18n.text(l, "lang-name"),
        })
        .collect();
    render(
        if whole {
            "start.html"
        } else {
            "start_view.html"
        },
        context! {
            lang => lang.code(), dir => dir(lang), base => place.base(), t => texts(i18n, lang),
            langs => langs, error => error,
            tag => if whole { "main" } else { "div" }, heading => if whole { "h1" } else { "h2" },
        },
    )
}

/// One transcript row as the page shows it: its element id (the row it replaces, if any)
/// and its HTML; `base` is where the chat is (its forms and files).
pub fn message(i18n: &I18n, shown: &Shown, client_id: &str, base: &str) -> (i64, String) {
    let id = shown.replaces.unwrap_or(shown.seq);
    let html = match &shown.entry {
        Entry::Citizen { lang, text } => render(
            "message.html",
            context! {
                citizen => true, id => id, seq => shown.seq, text => text,
                who => i18n.text(*lang, "web-you"),
            },
        ),
        Entry::Office { lang, message } => {
            let file = message.attachment.as_ref().map(|a| {
                context! {
                    name => a.file_name,
                    label => i18n.msg(*lang, "web-download", &fargs!["name" => a.file_name.clone()]),
                }
            });
            let link = message.link.as_ref().map(|l| {
                context! {
                    url => l.url,
                    label => i18n.msg(*lang, "web-open-link", &fargs!["label" => l.label.clone()]),
                }
            });
            render(
                "message.html",
                context! {
                    citizen => false, id => id, seq => shown.seq, ends => shown.ends,
                    lang => lang.code(), dir => dir(*lang), base => base,
                    who => i18n.text(*lang, "web-office"), text => message.text,
                    options => message.options, link => link, file => file,
                    client_id => client_id,
                },
            )
        }
    };
    (id, html)
}

/// A transcript as the page shows it: each element once, where it first appeared, showing
/// its latest version.
pub fn messages(i18n: &I18n, rows: &[Shown], client_id: &str, base: &str) -> Vec<String> {
    let mut order: Vec<i64> = Vec::new();
    let mut html: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    for row in rows {
        let (id, h) = message(i18n, row, client_id, base);
        if html.insert(id, h).is_none() {
            order.push(id);
        }
    }
    order
        .into_iter()
        .filter_map(|id| html.remove(&id))
        .collect()
}

/// What the chat shows: the transcript, the status line and the text field (or, after the
/// farewell, the button that starts a new chat). `after`: the last number shown, from which
/// the script resumes.
pub struct ChatView<'a> {
    pub lang: Lang,
    pub rows: &'a [Shown],
    pub after: i64,
    pub client_id: &'a str,
    pub error: &'a str,
    pub ended: bool,
    /// Whether to offer e-mail reminders (the city's relay is configured).
    pub mail: bool,
}

/// The chat, as a page of its own or the part the widget shows.
pub fn chat(i18n: &I18n, view: &ChatView<'_>, place: Place<'_>) -> String {
    let whole = place.whole();
    render(
        if whole { "chat.html" } else { "chat_view.html" },
        context! {
            lang => view.lang.code(), dir => dir(view.lang), base => place.base(),
            t => texts(i18n, view.lang), after => view.after, client_id => view.client_id,
            messages => messages(i18n, view.rows, view.client_id, place.base()), error => view.error,
            ended => view.ended, max_text => MAX_TEXT, mail => view.mail,
            tag => if whole { "main" } else { "div" }, heading => if whole { "h1" } else { "h2" },
        },
    )
}

/// A page about a mail's link: what it is for, what happened, and the button that does it
/// (`action`: where it posts the link's secret `key`).
pub struct Notice<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub text: &'a str,
    pub action: Option<(&'a str, &'a str, &'a str)>,
}

/// A page about a mail's link.
pub fn notice(i18n: &I18n, notice: &Notice<'_>) -> String {
    let (action, key, button) = notice.action.unwrap_or_default();
    render(
        "notice.html",
        context! {
            lang => notice.lang.code(), dir => dir(notice.lang), base => BASE,
            t => texts(i18n, notice.lang), title => notice.title, text => notice.text,
            action => action, key => key, button => button,
        },
    )
}

/// The privacy notice as a page of its own.
pub fn privacy(i18n: &I18n, lang: Lang, notice: &str) -> String {
    render(
        "privacy.html",
        context! {
            lang => lang.code(), dir => dir(lang), base => BASE, t => texts(i18n, lang),
            notice => notice,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use schalter_core::message::{Choice, Message};

    #[test]
    fn every_word_is_in_every_language() {
        let i18n = I18n::builtin();
        for lang in Lang::ALL {
            for id in WORDS {
                assert!(i18n.has(lang, id), "{id} in {lang:?}");
            }
        }
    }

    #[test]
    fn what_people_wrote_is_escaped() {
        let i18n = I18n::builtin();
        let shown = Shown {
            seq: 3,
            replaces: None,
            ends: false,
            entry: Entry::Citizen {
                lang: Lang::De,
                text: "<script>alert(1)</script>".into(),
            },
            at: chrono::DateTime::UNIX_EPOCH,
        };
        let (_, html) = message(&i18n, &shown, "c", BASE);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn an_edited_message_keeps_its_place() {
        let i18n = I18n::builtin();
        let office = |seq, replaces, text: &str| Shown {
            seq,
            replaces,
            ends: false,
            entry: Entry::Office {
                lang: Lang::Ar,
                message: Box::new(Message {
                    text: text.into(),
                    options: vec![Choice {
                        id: "svc:x".into(),
                        label: "x".into(),
                    }],
                    ..Message::default()
                }),
            },
            at: chrono::DateTime::UNIX_EPOCH,
        };
        let rows = [
            office(1, None, "first"),
            office(2, None, "position 3"),
            office(3, None, "later"),
            office(4, Some(2), "position 1"),
        ];
        let shown = messages(&i18n, &rows, "c", BASE);
        assert_eq!(shown.len(), 3);
        assert!(shown[1].contains("position 1") && shown[1].contains("id=\"m-2\""));
        assert!(shown[1].contains("dir=\"rtl\"") && shown[1].contains("lang=\"ar\""));
        assert!(shown[2].contains("later"));
    }
}
