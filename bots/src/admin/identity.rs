//! Who calls the admin API, and what they may do there.
//!
//! A caller is one of:
//! - a signed-in person: the session cookie [`SESSION_COOKIE`] (opened by `/admin/callback` or
//!   a local sign-in, see `login`); every request that changes something must also carry the
//!   session's CSRF secret in `X-CSRF-Token` and, if the browser sends one, an `Origin` of this
//!   server;
//! - an API token (`Authorization: Bearer schalter_…`) with the roles it was made with;
//! - the single `SCHALTER_ADMIN_TOKEN` of earlier versions: every role (a warning at start).
//!
//! What each endpoint needs is [`needed`]: one table for the whole API, so that a new
//! endpoint without a line is refused to everyone rather than open to all. A refusal for want
//! of a role is a 403 whose reason is in the caller's language.

use axum::extract::{FromRequestParts, MatchedPath, RawPathParams, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use schalter_core::staff::{Person, Role, Roles, Session};
use schalter_core::{I18n, Lang};

use super::Shared;
use super::error::AdminError;
use crate::http::constant_time_eq;

/// The session cookie: `__Host-` so that it is only ever set by this host, over HTTPS, for `/`.
pub const SESSION_COOKIE: &str = "__Host-schalter-session";
/// The header the page sends the session's CSRF secret in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Via {
    /// A browser session; changes need its CSRF secret.
    Session { csrf: String },
    /// An API token (`id`).
    Token { id: String },
    /// `SCHALTER_ADMIN_TOKEN`.
    AdminToken,
}

/// The caller of an admin request: who, with which roles, in which language refusals are
/// worded. Put into the request's extensions by [`authorize`].
#[derive(Debug, Clone)]
pub struct Caller {
    pub person: Person,
    pub roles: Roles,
    pub via: Via,
    pub lang: Lang,
}

/// What an endpoint needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Any one of these roles.
    Any(&'static [Role]),
    /// A translator of the locale in the path.
    TranslatorOfPath,
    /// Only to be signed in (what one sees of oneself, one's own tokens).
    SignedIn,
    /// A person in a browser session or the admin token, not an API token (making tokens).
    Person,
    /// The route exists, but not with this method: nobody (answered 405 as axum would).
    NotThisMethod,
    /// No such endpoint: nobody.
    Nobody,
}

/// Every route of the API, to tell an unknown one from a known one asked with a method it
/// does not take.
const ROUTES: &[&str] = &[
    "/locales",
    "/locales/{lang}/messages",
    "/locales/{lang}/messages/{id}",
    "/locales/{lang}/messages/{id}/history",
    "/locales/{lang}/messages/{id}/rollback",
    "/locales/{lang}/messages/{id}/confirm",
    "/locales/{lang}/export",
    "/locales/{lang}/preview",
    "/messages",
    "/messages/{id}",
    "/catalog",
    "/queue",
    "/payments",
    "/documents",
    "/citizens/{conversation}",
    "/audit",
    "/me",
    "/tokens",
    "/tokens/{id}",
];

const READ_TEXTS: &[Role] = &[Role::Translator, Role::CatalogueEditor];

/// What `method` on the admin API's route `path` (as routed, `{lang}` for the locale) needs.
pub fn needed(method: &Method, path: &str) -> Need {
    let path = path.strip_prefix("/admin/api").unwrap_or(path);
    let get = method == Method::GET || method == Method::HEAD;
    match (path, get) {
        (
            "/locales"
            | "/locales/{lang}/messages"
            | "/locales/{lang}/messages/{id}"
            | "/locales/{lang}/messages/{id}/history"
            | "/locales/{lang}/export"
            | "/messages"
            | "/messages/{id}",
            true,
        ) => Need::Any(READ_TEXTS),
        (
            "/locales/{lang}/messages/{id}"
            | "/locales/{lang}/messages/{id}/rollback"
            | "/locales/{lang}/messages/{id}/confirm"
            | "/locales/{lang}/preview",
            false,
        ) => Need::TranslatorOfPath,
        ("/catalog", true) => Need::Any(&[Role::CatalogueEditor, Role::Operator]),
        ("/catalog", false) => Need::Any(&[Role::CatalogueEditor]),
        ("/queue" | "/payments", true) => Need::Any(&[Role::QueueSupervisor]),
        ("/documents", true) => Need::Any(&[Role::QueueSupervisor, Role::Operator]),
        ("/citizens/{conversation}", false) | ("/audit", true) => {
            Need::Any(&[Role::DataProtection])
        }
        ("/me", true) | ("/tokens", true) | ("/tokens/{id}", false) => Need::SignedIn,
        ("/tokens", false) => Need::Person,
        (p, _) if ROUTES.contains(&p) => Need::NotThisMethod,
        _ => Need::Nobody,
    }
}

/// The language refusals are worded in: `Accept-Language` (the admin page sends its own).
pub fn caller_lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(',')
        .find_map(|part| Lang::from_tag(part.split(';').next().unwrap_or_default().trim()))
        .unwrap_or(Lang::REFERENCE)
}

pub(crate) use crate::http::cookie;

/// The signed-in session of a request's cookie, if any.
pub async fn session_of(admin: &super::Admin, headers: &HeaderMap) -> Option<(String, Session)> {
    let secret = cookie(headers, SESSION_COOKIE)?;
    // A secret is 64 hex digits; anything else is not looked up.
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match admin.engine.staff().session(secret).await {
        Ok(s) => s.map(|s| (secret.to_owned(), s)),
        Err(e) => {
            tracing::error!(target: "admin", error = %e, "session lookup failed");
            None
        }
    }
}

/// Finds the caller, checks CSRF for sessions and what the route needs; see the module.
pub async fn authorize(
    State(admin): State<Shared>,
    request: Request,
    next: Next,
) -> Result<Response, AdminError> {
    let headers = request.headers();
    let lang = caller_lang(headers);
    let caller = match bearer(headers) {
        Some(given) => {
            let admin_token = admin
                .token
                .as_deref()
                .is_some_and(|t| constant_time_eq(given.as_bytes(), t.as_bytes()));
            if admin_token {
                Caller {
                    person: Person::admin_token(),
                    roles: Roles::every(),
                    via: Via::AdminToken,
                    lang,
                }
            } else {
                match admin.engine.staff().token(given).await? {
                    Some(t) => Caller {
                        person: t.person(),
                        roles: t.roles.clone(),
                        via: Via::Token { id: t.id },
                        lang,
                    },
                    None => return Err(AdminError::Unauthorized),
                }
            }
        }
        None => match session_of(&admin, headers).await {
            Some((_, session)) => Caller {
                person: session.person,
                roles: session.roles,
                via: Via::Session { csrf: session.csrf },
                lang,
            },
            None => return Err(AdminError::Unauthorized),
        },
    };
    if let Via::Session { csrf } = &caller.via
        && !is_safe(request.method())
    {
        check_csrf(headers, csrf, &admin)?;
    }
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let need = needed(request.method(), &path);
    // The locale as the handler will see it: decoded as axum decodes path segments (`t%72`
    // is `tr`), so that no spelling of a path gets past the check.
    let (mut parts, body) = request.into_parts();
    let lang = RawPathParams::from_request_parts(&mut parts, &())
        .await
        .ok()
        .and_then(|params| {
            params
                .iter()
                .find(|(k, _)| *k == "lang")
                .map(|(_, v)| v.to_owned())
        });
    let mut request = Request::from_parts(parts, body);
    allowed(
        &caller,
        need,
        request.method(),
        lang.as_deref(),
        admin.engine.office().i18n(),
    )?;
    request.extensions_mut().insert(caller);
    Ok(next.run(request).await)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.strip_prefix("Bearer ").unwrap_or(""))
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A change made with a session cookie must show the session's CSRF secret (which only the
/// admin page, served by this server, can read) and must not come from another origin.
fn check_csrf(headers: &HeaderMap, csrf: &str, admin: &super::Admin) -> Result<(), AdminError> {
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
        && !admin.own_origin(origin, headers)
    {
        return Err(AdminError::CrossSite);
    }
    let given = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !constant_time_eq(given.as_bytes(), csrf.as_bytes()) {
        return Err(AdminError::CrossSite);
    }
    Ok(())
}

/// Whether `caller` may do what `need` says; the refusal in their language.
fn allowed(
    caller: &Caller,
    need: Need,
    method: &Method,
    lang: Option<&str>,
    i18n: &I18n,
) -> Result<(), AdminError> {
    let forbidden = |id: &str, args: &[(&str, String)]| {
        let mut fargs = schalter_core::i18n::FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        AdminError::Forbidden(i18n.msg(caller.lang, id, &fargs))
    };
    let role_name = |role: Role| i18n.text(caller.lang, &format!("admin-role-{}", role.code()));
    match need {
        Need::Any(roles) => {
            if roles.iter().any(|r| caller.roles.has(*r)) {
                Ok(())
            } else {
                let names: Vec<String> = roles.iter().map(|r| role_name(*r)).collect();
                Err(forbidden(
                    "admin-forbidden-role",
                    &[("role", names.join(" / "))],
                ))
            }
        }
        Need::TranslatorOfPath => {
            let lang = lang.and_then(|code| Lang::from_tag(code).filter(|l| l.code() == code));
            match lang {
                // An unknown locale is the handler's 404.
                None if caller.roles.has(Role::Translator) => Ok(()),
                Some(l) if caller.roles.may_translate(l) => Ok(()),
                Some(l) if caller.roles.has(Role::Translator) => Err(forbidden(
                    "admin-forbidden-locale",
                    &[("language", i18n.text(l, "lang-name"))],
                )),
                _ => Err(forbidden(
                    "admin-forbidden-role",
                    &[("role", role_name(Role::Translator))],
                )),
            }
        }
        Need::SignedIn => Ok(()),
        Need::Person => match caller.via {
            Via::Token { .. } => Err(forbidden("admin-forbidden-token", &[])),
            _ => Ok(()),
        },
        Need::NotThisMethod => Err(AdminError::Refused {
            status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
            reason: format!("this endpoint does not take {method}"),
        }),
        Need::Nobody => Err(AdminError::NoSuchEndpoint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_of_the_api_has_a_need() {
        // A route nobody listed is refused, never open.
        assert_eq!(needed(&Method::GET, "/admin/api/new-thing"), Need::Nobody);
        assert_eq!(
            needed(&Method::PUT, "/admin/api/locales/{lang}/messages/{id}"),
            Need::TranslatorOfPath
        );
        assert_eq!(
            needed(&Method::DELETE, "/admin/api/citizens/{conversation}"),
            Need::Any(&[Role::DataProtection])
        );
        assert_eq!(
            needed(&Method::GET, "/admin/api/audit"),
            Need::Any(&[Role::DataProtection])
        );
        assert_eq!(
            needed(&Method::PUT, "/admin/api/catalog"),
            Need::Any(&[Role::CatalogueEditor])
        );
        assert_eq!(needed(&Method::POST, "/admin/api/tokens"), Need::Person);
        assert_eq!(
            needed(&Method::PUT, "/admin/api/locales"),
            Need::NotThisMethod
        );
    }

    #[test]
    fn cookies_are_read_by_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; __Host-schalter-session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
