//! Signing staff in and out: `/admin/login` (to the city's identity provider, or a local
//! account's form when there is none), `/admin/callback` (the provider's answer) and
//! `/admin/logout`. What they show is a small page in the person's language.
//!
//! Cookies:
//! - the session, [`SESSION_COOKIE`]: `HttpOnly`, `Secure`, `SameSite=Strict`, for `/`; its
//!   secret is kept only hashed (see `schalter_core::staff`);
//! - a sign-in under way at the provider, [`LOGIN_COOKIE`], for 10 minutes: `SameSite=Lax`,
//!   because the provider's redirect back is a cross-site navigation that a `Strict` cookie
//!   would not come with. It ties the callback to the browser that started the sign-in.
//!
//! After a sign-in the browser gets a page that moves on to `/admin/` by itself: had the
//! callback redirected, the browser would count `/admin/` as reached from the provider's site
//! and not send the new `Strict` cookie along.

use std::fmt::Write as _;
use std::num::NonZeroU32;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use governor::{Quota, RateLimiter};
use schalter_core::staff::{LocalSignIn, Person, Roles, SESSION_MAX};
use schalter_core::{I18n, Lang};
use serde::Deserialize;

use super::identity::{SESSION_COOKIE, caller_lang, cookie, session_of};
use super::{Admin, Shared};
use crate::http::constant_time_eq;

/// The cookie of a sign-in under way at the identity provider.
pub const LOGIN_COOKIE: &str = "__Host-schalter-login";

/// Local sign-in attempts per account name and minute (on top of the lock after five wrong
/// passwords in a row that the core keeps): slows guessing down before the lock.
pub type LoginLimiter = governor::DefaultKeyedRateLimiter<String>;

pub fn login_limiter() -> LoginLimiter {
    RateLimiter::keyed(Quota::per_minute(
        NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN),
    ))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A staff page: the admin page's look, its words from `locales/*/admin.ftl`.
fn page(i18n: &I18n, lang: Lang, title_id: &str, body: &str) -> String {
    let title = escape(&i18n.text(lang, title_id));
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    format!(
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f7f9; }}\n\
         header {{ background: #004b7c; color: #fff; padding: .8rem 1.2rem; }}\n\
         header p {{ margin: 0; font-weight: 600; }}\n\
         main {{ max-width: 28rem; margin: 2rem auto; background: #fff; padding: 1rem 1.4rem; border-radius: 8px; box-shadow: 0 1px 3px #0002; }}\n\
         label {{ display: block; margin-top: .8rem; }}\n\
         input {{ width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; }}\n\
         button, .button {{ font: inherit; margin-top: 1rem; padding: .4rem 1rem; }}\n\
         .bad {{ color: #b00020; }} a {{ color: #004b7c; }}\n\
         </style>\n</head>\n<body>\n<header><p>{brand}</p></header>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n",
        code = lang.code(),
        brand = escape(&i18n.text(lang, "admin-title")),
    )
}

fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, axum::response::Html(body)).into_response();
    // Nobody frames a sign-in page, and no cache keeps one.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    r
}

fn set_cookie(r: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn session_cookie(secret: &str) -> String {
    format!(
        "{SESSION_COOKIE}={secret}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        SESSION_MAX.num_seconds()
    )
}

fn gone(name: &str) -> String {
    format!("{name}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0")
}

/// A message and a link onwards.
fn notice(i18n: &I18n, lang: Lang, title_id: &str, text_id: &str, status: StatusCode) -> Response {
    let body = format!(
        "<p role=\"alert\">{}</p>\n<p><a href=\"/admin/login\">{}</a></p>",
        escape(&i18n.text(lang, text_id)),
        escape(&i18n.text(lang, "admin-login-again")),
    );
    html(status, page(i18n, lang, title_id, &body))
}

/// The local sign-in form, with a message above it if something went wrong.
fn local_form(i18n: &I18n, lang: Lang, name: &str, error: Option<String>) -> String {
    let mut body = String::new();
    if let Some(e) = error {
        let _ = writeln!(
            body,
            "<p class=\"bad\" role=\"alert\" id=\"login-error\">{}</p>",
            escape(&e)
        );
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"/admin/login\">\n\
         <label for=\"name\">{name_label}</label>\n\
         <input id=\"name\" name=\"name\" autocomplete=\"username\" required maxlength=\"100\" value=\"{name}\">\n\
         <label for=\"password\">{password_label}</label>\n\
         <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"1024\">\n\
         <input type=\"hidden\" name=\"lang\" value=\"{code}\">\n\
         <button type=\"submit\">{button}</button>\n</form>",
        name_label = escape(&i18n.text(lang, "admin-login-name")),
        password_label = escape(&i18n.text(lang, "admin-login-password")),
        button = escape(&i18n.text(lang, "admin-sign-in-button")),
        name = escape(name),
        code = lang.code(),
    );
    page(i18n, lang, "admin-sign-in", &body)
}

/// The page after a sign-in: moves on to `/admin/` (see the module on why not a redirect).
fn welcome(admin: &Admin, lang: Lang, person: &Person, secret: &str) -> Response {
    let i18n = admin.engine.office().i18n();
    let mut args = schalter_core::i18n::FluentArgs::new();
    args.set("name", person.name.clone());
    let body = format!(
        "<p role=\"status\">{}</p>\n<p><a id=\"continue\" href=\"/admin/?lang={code}\">{}</a></p>",
        escape(&i18n.msg(lang, "admin-signed-in", &args)),
        escape(&i18n.text(lang, "admin-continue")),
        code = lang.code(),
    );
    let html_text = page(i18n, lang, "admin-sign-in", &body).replace(
        "<meta charset=\"utf-8\">",
        &format!(
            "<meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\"0;url=/admin/?lang={}\">",
            lang.code()
        ),
    );
    let mut r = html(StatusCode::OK, html_text);
    set_cookie(&mut r, &session_cookie(secret));
    set_cookie(&mut r, &gone(LOGIN_COOKIE));
    r
}

#[derive(Deserialize, Default)]
pub struct LangQuery {
    lang: Option<String>,
}

fn lang_from(q: Option<&str>, headers: &HeaderMap) -> Lang {
    q.and_then(|c| Lang::from_tag(c).filter(|l| l.code() == c))
        .unwrap_or_else(|| caller_lang(headers))
}

/// `GET /admin/login`: to the provider, or the local form.
pub async fn start(
    State(admin): State<Shared>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_from(q.lang.as_deref(), &headers);
    let i18n = admin.engine.office().i18n();
    let Some(oidc) = &admin.oidc else {
        return html(StatusCode::OK, local_form(i18n, lang, "", None));
    };
    let started = match oidc.start(lang.code()).await {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(target: "admin", error = %e, "sign-in at the identity provider could not start");
            return notice(
                i18n,
                lang,
                "admin-sign-in",
                "admin-login-provider-down",
                StatusCode::BAD_GATEWAY,
            );
        }
    };
    let secret = match admin.engine.staff().begin_login(&started.pending).await {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(target: "admin", error = %e, "sign-in not stored");
            return notice(
                i18n,
                lang,
                "admin-sign-in",
                "admin-login-failed",
                StatusCode::INTERNAL_SERVER_ERROR,
            );
        }
    };
    let mut r = Redirect::to(&started.url).into_response();
    set_cookie(
        &mut r,
        &format!("{LOGIN_COOKIE}={secret}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=600"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[derive(Deserialize)]
pub struct LocalLogin {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    lang: Option<String>,
}

/// `POST /admin/login`: a local account's name and password.
pub async fn local(
    State(admin): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<LocalLogin>,
) -> Response {
    let lang = lang_from(form.lang.as_deref(), &headers);
    let i18n = admin.engine.office().i18n();
    if admin.oidc.is_some() {
        return notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-use-provider",
            StatusCode::NOT_FOUND,
        );
    }
    // A form posted from another site would sign this browser in as someone else.
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
        && !admin.own_origin(origin, &headers)
    {
        return notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-cross-site",
            StatusCode::FORBIDDEN,
        );
    }
    let name = form.name.trim();
    let refuse =
        |status: StatusCode, text: String| html(status, local_form(i18n, lang, name, Some(text)));
    if name.is_empty() || form.password.is_empty() || form.password.len() > 1024 {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            i18n.text(lang, "admin-login-missing"),
        );
    }
    // Names nobody tried for a minute are forgotten, so that made-up names cannot grow it.
    if admin.login_limiter.len() > 10_000 {
        admin.login_limiter.retain_recent();
    }
    if admin.login_limiter.check_key(&name.to_lowercase()).is_err() {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            i18n.text(lang, "admin-login-slow-down"),
        );
    }
    let outcome = match admin
        .engine
        .staff()
        .sign_in_local(name, &form.password)
        .await
    {
        Ok(o) => o,
        Err(e) => {
            tracing::error!(target: "admin", error = %e, "local sign-in failed");
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                i18n.text(lang, "admin-login-failed"),
            );
        }
    };
    match outcome {
        LocalSignIn::Welcome(person, roles) => open(&admin, lang, &person, &roles).await,
        LocalSignIn::Refused => refuse(
            StatusCode::UNAUTHORIZED,
            i18n.text(lang, "admin-login-wrong"),
        ),
        LocalSignIn::Locked(until) => {
            let seconds = (until - admin.engine.office().now()).num_seconds();
            let minutes = ((seconds + 59) / 60).max(1);
            let mut args = schalter_core::i18n::FluentArgs::new();
            args.set("minutes", minutes);
            refuse(
                StatusCode::TOO_MANY_REQUESTS,
                i18n.msg(lang, "admin-login-locked", &args),
            )
        }
    }
}

async fn open(admin: &Admin, lang: Lang, person: &Person, roles: &Roles) -> Response {
    let i18n = admin.engine.office().i18n();
    if roles.is_empty() {
        return notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-no-role",
            StatusCode::FORBIDDEN,
        );
    }
    match admin.engine.staff().open_session(person, roles).await {
        Ok((secret, _)) => welcome(admin, lang, person, &secret),
        Err(e) => {
            tracing::error!(target: "admin", error = %e, "session not stored");
            notice(
                i18n,
                lang,
                "admin-sign-in",
                "admin-login-failed",
                StatusCode::INTERNAL_SERVER_ERROR,
            )
        }
    }
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    /// RFC 9207: the issuer that sent the browser back, if the provider says (against mix-up).
    iss: Option<String>,
}

/// `GET /admin/callback`: the provider sends the browser back here.
pub async fn callback(
    State(admin): State<Shared>,
    Query(q): Query<Callback>,
    headers: HeaderMap,
) -> Response {
    let lang = caller_lang(&headers);
    let i18n = admin.engine.office().i18n();
    let Some(oidc) = &admin.oidc else {
        return notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-no-provider",
            StatusCode::NOT_FOUND,
        );
    };
    let expired = || {
        notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-expired",
            StatusCode::BAD_REQUEST,
        )
    };
    // The sign-in this browser began: taken once, whatever follows.
    let Some(secret) = cookie(&headers, LOGIN_COOKIE) else {
        return expired();
    };
    let pending = match admin.engine.staff().take_login(secret).await {
        Ok(Some(p)) => p,
        Ok(None) => return expired(),
        Err(e) => {
            tracing::error!(target: "admin", error = %e, "sign-in not read");
            return notice(
                i18n,
                lang,
                "admin-sign-in",
                "admin-login-failed",
                StatusCode::INTERNAL_SERVER_ERROR,
            );
        }
    };
    let state = q.state.unwrap_or_default();
    if !constant_time_eq(state.as_bytes(), pending.state.as_bytes()) {
        tracing::warn!(target: "admin", "sign-in refused: the callback's state is not the one sent");
        return expired();
    }
    if let Some(error) = q.error {
        tracing::warn!(target: "admin", error = %error.chars().take(100).collect::<String>(), "the identity provider refused the sign-in");
        return notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-refused",
            StatusCode::FORBIDDEN,
        );
    }
    let Some(code) = q.code.filter(|c| !c.is_empty() && c.len() <= 4096) else {
        return expired();
    };
    if q.iss.is_some_and(|iss| !oidc.is_issuer(&iss)) {
        tracing::warn!(target: "admin", "sign-in refused: the callback names another issuer");
        return notice(
            i18n,
            lang,
            "admin-sign-in",
            "admin-login-refused",
            StatusCode::FORBIDDEN,
        );
    }
    match oidc.finish(&code, &pending).await {
        Ok((person, roles)) => open(&admin, lang, &person, &roles).await,
        Err(e) => {
            tracing::warn!(target: "admin", error = %e, "sign-in refused");
            notice(
                i18n,
                lang,
                "admin-sign-in",
                "admin-login-refused",
                StatusCode::FORBIDDEN,
            )
        }
    }
}

/// `GET /admin/logout`: a button (signing out changes something: a `POST`).
pub async fn confirm_logout(
    State(admin): State<Shared>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_from(q.lang.as_deref(), &headers);
    let i18n = admin.engine.office().i18n();
    let Some((_, session)) = session_of(&admin, &headers).await else {
        return notice(
            i18n,
            lang,
            "admin-sign-out",
            "admin-signed-out",
            StatusCode::OK,
        );
    };
    let body = format!(
        "<form method=\"post\" action=\"/admin/logout\">\n\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n\
         <button type=\"submit\">{}</button>\n</form>",
        escape(&session.csrf),
        escape(&i18n.text(lang, "admin-sign-out")),
    );
    html(StatusCode::OK, page(i18n, lang, "admin-sign-out", &body))
}

#[derive(Deserialize, Default)]
pub struct Logout {
    #[serde(default)]
    csrf: String,
}

/// `POST /admin/logout`: ends the session here, then at the provider if it offers that.
pub async fn logout(
    State(admin): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Logout>,
) -> Response {
    let lang = caller_lang(&headers);
    let i18n = admin.engine.office().i18n();
    let Some((secret, session)) = session_of(&admin, &headers).await else {
        let mut r = notice(
            i18n,
            lang,
            "admin-sign-out",
            "admin-signed-out",
            StatusCode::OK,
        );
        set_cookie(&mut r, &gone(SESSION_COOKIE));
        return r;
    };
    let given = headers
        .get(super::identity::CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or(&form.csrf);
    let cross_site = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|o| !admin.own_origin(o, &headers));
    if cross_site || !constant_time_eq(given.as_bytes(), session.csrf.as_bytes()) {
        return notice(
            i18n,
            lang,
            "admin-sign-out",
            "admin-login-cross-site",
            StatusCode::FORBIDDEN,
        );
    }
    if let Err(e) = admin
        .engine
        .staff()
        .close_session(&secret, &session.person)
        .await
    {
        tracing::error!(target: "admin", error = %e, "session not ended");
        return notice(
            i18n,
            lang,
            "admin-sign-out",
            "admin-login-failed",
            StatusCode::INTERNAL_SERVER_ERROR,
        );
    }
    let provider = match &admin.oidc {
        Some(oidc) => oidc.logout_url().await,
        None => None,
    };
    let mut r = match provider {
        Some(url) => Redirect::to(&url).into_response(),
        None => notice(
            i18n,
            lang,
            "admin-sign-out",
            "admin-signed-out",
            StatusCode::OK,
        ),
    };
    set_cookie(&mut r, &gone(SESSION_COOKIE));
    r
}
