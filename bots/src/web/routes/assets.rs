//! The script, the widget (the same script with the launcher's words) and the style.

use super::*;

const CHAT_JS: &str = include_str!("../assets/chat.js");

const CHAT_CSS: &str = include_str!("../assets/chat.css");

pub(super) fn asset(kind: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

pub(super) async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        format!("(function (WIDGET) {{\n{CHAT_JS}\n}})(null);\n"),
    )
}

/// The widget: the same script, with the launcher's words in every language (so that the
/// launcher asks the server nothing until it is pressed).
pub(super) async fn widget(State(chat): State<WebChat>) -> Response {
    let i18n = chat.i18n();
    let words: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|l| {
            (
                l.code().to_owned(),
                json!({
                    "launcher": i18n.text(l, "web-launcher"),
                    "close": i18n.text(l, "web-close"),
                    "dir": if l.is_rtl() { "rtl" } else { "ltr" },
                }),
            )
        })
        .collect();
    let widget = json!({ "words": words, "fallback": Lang::REFERENCE.code() });
    asset(
        "text/javascript; charset=utf-8",
        format!("(function (WIDGET) {{\n{CHAT_JS}\n}})({widget});\n"),
    )
}

pub(super) async fn style() -> Response {
    asset("text/css; charset=utf-8", CHAT_CSS.to_owned())
}
