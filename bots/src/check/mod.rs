//! The device check before a call, served by `schalter serve` (the links and results are the
//! core's [`schalter_core::device_check`]):
//!
//! | route | what |
//! |---|---|
//! | `GET /check/` | the check for anyone (nothing is kept) |
//! | `GET /check/{secret}` | the check of a booking (its link from the chat) |
//! | `POST /check/{secret}/result` | what the page found, as JSON (`{"camera": "ok", …}`) |
//! | `GET /check/check.js`, `check.css` | the script and the style |
//!
//! The page is plain HTML from a template, every word from `locales/*/check.ftl`, with the
//! help for every failure in it already (for the platform the browser's `User-Agent` names,
//! and under a disclosure for the others); the script only shows what applies. No request
//! leaves for a third party: the script and style are this server's, and the one request to
//! elsewhere is the connection check to the city's own video service
//! (`SCHALTER_VIDEO_BASE_URL`, allowed by the page's `connect-src`).

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, middleware};
use minijinja::{Environment, context};
use schalter_core::device_check::{CheckResult, Outcome, Platform};
use schalter_core::{Engine, I18n, Lang};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::web::session::browser_lang;

const BASE: &str = "/check/";

const SCRIPT: &str = include_str!("check.js");
const STYLE: &str = include_str!("check.css");

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.add_template("page.html", include_str!("page.html"))
        .expect("the check's template parses");
    env
});

/// What the routes share.
#[derive(Clone)]
pub struct CheckPage {
    engine: Arc<Engine>,
    /// The video service's base URL, which the connection check reaches.
    video: Option<String>,
}

impl CheckPage {
    pub fn new(engine: Arc<Engine>, video: Option<String>) -> Self {
        Self { engine, video }
    }

    fn i18n(&self) -> &I18n {
        self.engine.office().i18n()
    }
}

/// The check's routes, with their headers.
pub fn router(page: CheckPage) -> Router {
    Router::new()
        .route("/check", get(|| async { Redirect::permanent(BASE) }))
        .route("/check/", get(anyone))
        .route("/check/check.js", get(script))
        .route("/check/check.css", get(style))
        .route("/check/{secret}", get(personal))
        .route(
            "/check/{secret}/result",
            post(result).layer(DefaultBodyLimit::max(1024)),
        )
        .layer(middleware::from_fn_with_state(page.clone(), headers))
        .with_state(page)
}

/// No script or style but this server's, no request elsewhere but the video service, camera
/// and microphone for this page only, and no address of the page (it holds the secret) in
/// any request it makes.
async fn headers(
    State(page): State<CheckPage>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    let mut response = next.run(request).await;
    let connect = page
        .video
        .as_deref()
        .and_then(origin)
        .map_or_else(|| "'self'".to_owned(), |o| format!("'self' {o}"));
    let h = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
         media-src 'self' blob: mediastream:; connect-src {connect}; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'"
    )) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self), microphone=(self)"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// `scheme://host[:port]` of a URL, for the page's `connect-src`.
fn origin(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let origin = parsed.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

#[derive(Deserialize, Default)]
struct LangQuery {
    lang: Option<String>,
}

fn chosen(query: Result<Query<LangQuery>, QueryRejection>) -> Option<Lang> {
    query
        .ok()
        .and_then(|q| q.0.lang)
        .and_then(|l| Lang::from_tag(&l))
}

async fn anyone(
    State(page): State<CheckPage>,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let lang = chosen(query)
        .or_else(|| browser_lang(&headers))
        .unwrap_or(Lang::REFERENCE);
    let html = render(&page, &headers, lang, &View::default());
    Html(html).into_response()
}

async fn personal(
    State(page): State<CheckPage>,
    Path(secret): Path<String>,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let opened = match page.engine.device_checks().open(&secret).await {
        Ok(opened) => opened,
        Err(e) => {
            tracing::warn!(target: "check", error = %e, "check link not looked up");
            None
        }
    };
    let chosen = chosen(query);
    let Some((booking, _)) = opened else {
        // A link that no longer works (or never did): the check still helps, nothing is kept.
        let lang = chosen
            .or_else(|| browser_lang(&headers))
            .unwrap_or(Lang::REFERENCE);
        let view = View {
            expired: true,
            ..View::default()
        };
        return (
            StatusCode::NOT_FOUND,
            Html(render(&page, &headers, lang, &view)),
        )
            .into_response();
    };
    let lang = chosen
        .or_else(|| Lang::from_tag(&booking.lang))
        .unwrap_or(Lang::REFERENCE);
    let appointment = page.engine.device_checks().appointment(lang, &booking);
    let view = View {
        secret: Some(secret),
        appointment: Some(appointment),
        expired: false,
    };
    Html(render(&page, &headers, lang, &view)).into_response()
}

#[derive(Default)]
struct View {
    /// The booking's link secret: the result is kept.
    secret: Option<String>,
    appointment: Option<String>,
    /// The link no longer works.
    expired: bool,
}

#[derive(Serialize)]
struct LangChoice {
    code: &'static str,
    name: String,
}

#[derive(Serialize)]
struct Steps {
    name: String,
    steps: Vec<String>,
}

fn steps(i18n: &I18n, lang: Lang, platform: Platform) -> Vec<String> {
    i18n.text(lang, &format!("check-steps-{}", platform.as_str()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The page's words in `lang`: every `check-…` message without arguments, by its name after
/// `check-` with `_` for `-` (`check-state-ok` is `t.state_ok`).
fn texts(i18n: &I18n, lang: Lang) -> BTreeMap<String, String> {
    crate::web::page::words(i18n, lang, "check-", &WORDS)
}

/// The platform family of the browser that sent `headers`.
fn platform(headers: &HeaderMap) -> Platform {
    Platform::from_user_agent(
        headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

/// The `check-…` messages the page uses as they are.
const WORDS: [&str; 44] = [
    "check-title",
    "check-intro",
    "check-privacy",
    "check-privacy-saved",
    "check-expired",
    "check-permission-note",
    "check-start",
    "check-again",
    "check-noscript",
    "check-camera",
    "check-microphone",
    "check-speaker",
    "check-connection",
    "check-camera-preview",
    "check-state-waiting",
    "check-state-running",
    "check-state-ok",
    "check-state-failed",
    "check-level-label",
    "check-level-none",
    "check-level-low",
    "check-level-good",
    "check-speaker-play",
    "check-speaker-question",
    "check-speaker-yes",
    "check-speaker-no",
    "check-speaker-help",
    "check-connection-ok",
    "check-connection-failed",
    "check-connection-unsupported",
    "check-fail-denied",
    "check-fail-missing",
    "check-fail-busy",
    "check-fail-unsupported",
    "check-fail-silent",
    "check-steps-title",
    "check-steps-more",
    "check-in-app",
    "check-copy-link",
    "check-done-ready",
    "check-done-problems",
    "check-saved",
    "check-error-save",
    "check-error-input",
];

fn render(page: &CheckPage, headers: &HeaderMap, lang: Lang, view: &View) -> String {
    let i18n = page.i18n();
    let platform = platform(headers);
    let others: Vec<Steps> = Platform::ALL
        .into_iter()
        .filter(|p| *p != platform)
        .map(|p| Steps {
            name: i18n.text(lang, &format!("device-platform-{}", p.as_str())),
            steps: steps(i18n, lang, p),
        })
        .collect();
    let langs: Vec<LangChoice> = Lang::ALL
        .into_iter()
        .map(|l| LangChoice {
            code: l.code(),
            name: i18n.text(l, "lang-name"),
        })
        .collect();
    let checks = page.engine.device_checks();
    let page_url = match &view.secret {
        Some(secret) => format!("{}{secret}", checks.page_url()),
        None => checks.page_url(),
    };
    let result_url = view
        .secret
        .as_ref()
        .map(|s| format!("{BASE}{s}/result"))
        .unwrap_or_default();
    TEMPLATES
        .get_template("page.html")
        .and_then(|t| {
            t.render(context! {
                lang => lang.code(),
                dir => if lang.is_rtl() { "rtl" } else { "ltr" },
                base => BASE,
                t => texts(i18n, lang),
                language_label => i18n.text(lang, "web-language-label"),
                language_choose => i18n.text(lang, "web-language-choose"),
                langs => langs,
                result_url => result_url,
                video => page.video.clone().unwrap_or_default(),
                expired => view.expired,
                appointment => view.appointment,
                personal => view.secret.is_some(),
                in_app => platform == Platform::InApp,
                in_app_steps => steps(i18n, lang, Platform::InApp),
                page_url => page_url,
                steps => steps(i18n, lang, platform),
                others => others,
            })
        })
        .unwrap_or_else(|e| panic!("the check's page does not render: {e}"))
}

/// What the page found, each part `ok`, `failed` or `not_tried`.
#[derive(Deserialize)]
struct Found {
    camera: String,
    microphone: String,
    speaker: String,
    connection: String,
}

async fn result(
    State(page): State<CheckPage>,
    Path(secret): Path<String>,
    headers: HeaderMap,
    body: Result<Json<Found>, JsonRejection>,
) -> Response {
    let lang = browser_lang(&headers).unwrap_or(Lang::REFERENCE);
    let i18n = page.i18n();
    let refuse =
        |status: StatusCode, key: &str| (status, Json(json!({ "error": i18n.text(lang, key) })));
    let outcomes = body.ok().and_then(|Json(f)| {
        Some([
            Outcome::parse(&f.camera)?,
            Outcome::parse(&f.microphone)?,
            Outcome::parse(&f.speaker)?,
            Outcome::parse(&f.connection)?,
        ])
    });
    let Some([camera, microphone, speaker, connection]) = outcomes else {
        return refuse(StatusCode::BAD_REQUEST, "check-error-input").into_response();
    };
    let found = CheckResult {
        camera,
        microphone,
        speaker,
        connection,
        platform: platform(&headers),
    };
    match page.engine.device_checks().record(&secret, found).await {
        Ok(Some(_)) => Json(json!({ "saved": true })).into_response(),
        Ok(None) => refuse(StatusCode::NOT_FOUND, "check-expired").into_response(),
        Err(e) => {
            tracing::warn!(target: "check", error = %e, "check result not kept");
            refuse(StatusCode::SERVICE_UNAVAILABLE, "check-error-save").into_response()
        }
    }
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}
