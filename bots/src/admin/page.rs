//! The admin page at `/admin/`: `page.html` with its words in the admin's language.

use std::fmt::Write as _;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use schalter_core::Lang;
use serde::Deserialize;
use serde_json::json;

use super::Shared;

const PAGE: &str = include_str!("page.html");

#[derive(Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

/// The admin page in the language asked for (`?lang=`), else the browser's, else German.
pub async fn page(
    State(admin): State<Shared>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let browser = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(',')
        .filter_map(|part| Lang::from_tag(part.split(';').next().unwrap_or_default()));
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .into_iter()
        .chain(browser)
        .next()
        .unwrap_or(Lang::REFERENCE);
    let i18n = admin.engine.office().i18n();
    let escape = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut html = String::with_capacity(PAGE.len() + 2048);
    let mut rest = PAGE;
    while let Some(start) = rest.find("{{") {
        html.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        let key = &rest[start + 2..start + end];
        match key {
            "lang" => html.push_str(lang.code()),
            "dir" => html.push_str(if lang.is_rtl() { "rtl" } else { "ltr" }),
            "lang-links" => {
                for l in Lang::ALL {
                    let _ = write!(
                        html,
                        "<a href=\"?lang={}\">{}</a>",
                        l.code(),
                        escape(i18n.text(l, "lang-name"))
                    );
                }
            }
            "strings" => {
                let summary = i18n.msg(
                    lang,
                    "admin-queue-summary",
                    &schalter_core::fargs!["waiting" => "{w}", "calls" => "{c}", "clerks" => "{k}"],
                );
                let more = i18n.msg(
                    lang,
                    "admin-search-more",
                    &schalter_core::fargs!["shown" => "{shown}", "total" => "{total}"],
                );
                let you = i18n.msg(
                    lang,
                    "admin-you",
                    &schalter_core::fargs!["name" => "{name}", "roles" => "{roles}"],
                );
                let erased = i18n.msg(
                    lang,
                    "admin-erased",
                    &schalter_core::fargs!["bookings" => "{bookings}"],
                );
                let strings = json!({
                    "you": you,
                    "erased": erased,
                    "never": i18n.text(lang, "admin-never"),
                    "revoke": i18n.text(lang, "admin-token-revoke"),
                    "revoked": i18n.text(lang, "admin-token-revoked"),
                    "saved": i18n.text(lang, "admin-saved"),
                    "restore": i18n.text(lang, "admin-restore"),
                    "fromFile": i18n.text(lang, "admin-from-file"),
                    "walkIn": i18n.text(lang, "admin-walk-in"),
                    "summary": summary,
                    "confirm": i18n.text(lang, "admin-confirm"),
                    "confirmed": i18n.text(lang, "admin-confirmed"),
                    "open": i18n.text(lang, "admin-open"),
                    "reviewedReference": i18n.text(lang, "admin-reviewed-reference"),
                    "searchNone": i18n.text(lang, "admin-search-none"),
                    "searchMore": more,
                    "states": {
                        "reference": i18n.text(lang, "admin-state-reference"),
                        "reviewed": i18n.text(lang, "admin-state-reviewed"),
                        "to-review": i18n.text(lang, "admin-state-to-review"),
                        "missing": i18n.text(lang, "admin-state-missing"),
                    },
                });
                // Safe inside <script>: no "</" can close it.
                html.push_str(&strings.to_string().replace("</", "<\\/"));
            }
            id => html.push_str(&escape(i18n.text(lang, id))),
        }
        rest = &rest[start + end + 2..];
    }
    html.push_str(rest);
    Html(html).into_response()
}
