//! The admin API under `/admin/api` (bearer token, compared in constant time; off without
//! SCHALTER_ADMIN_TOKEN), the admin page at `/admin/`, and `/metrics` for Prometheus.
//!
//! For translators: search across every locale (`GET /messages?q=`), one message in every
//! locale side by side (`GET /messages/{id}`), and translations "to review" after their German
//! reference changed, until edited or confirmed (see `i18n::edit` on reviews).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Duration;
use schalter_core::i18n::edit::{self, EditError, Review, ReviewState};
use schalter_core::i18n::{FluentArgs, FluentValue};
use schalter_core::{Catalog, Engine, Lang};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::http::constant_time_eq;
use schalter_core::live::{self, Sources};

/// Largest request body the admin API accepts.
pub const MAX_BODY: usize = 64 * 1024;
/// Longest search query, in characters.
const MAX_QUERY_CHARS: usize = 200;
/// Search results shown unless `limit` says otherwise, and the most `limit` may ask for.
const SEARCH_LIMIT: usize = 50;
const MAX_SEARCH_LIMIT: usize = 200;
const PAGE: &str = include_str!("admin/page.html");

#[derive(Clone)]
pub struct Admin {
    pub engine: Arc<Engine>,
    pub sources: Sources,
    pub token: Option<String>,
}

type Shared = Arc<Admin>;

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": message.into()}))).into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(target: "admin", error = %e, "admin request failed");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error; see the server log",
    )
}

pub fn router(admin: Admin) -> Router {
    let shared: Shared = Arc::new(admin);
    let api = Router::new()
        .route("/locales", get(locales))
        .route("/locales/{lang}/messages", get(messages))
        .route(
            "/locales/{lang}/messages/{id}",
            get(message).put(put_message),
        )
        .route("/locales/{lang}/messages/{id}/history", get(history))
        .route("/locales/{lang}/messages/{id}/rollback", post(rollback))
        .route("/locales/{lang}/messages/{id}/confirm", post(confirm))
        .route("/messages", get(search))
        .route("/messages/{id}", get(side_by_side))
        .route("/locales/{lang}/preview", post(preview))
        .route("/locales/{lang}/export", get(export))
        .route("/catalog", get(get_catalog).put(put_catalog))
        .route("/queue", get(queue))
        .route("/payments", get(payments))
        .route(
            "/citizens/{conversation}",
            axum::routing::delete(forget_citizen),
        )
        .route("/audit", get(audit))
        .fallback(no_such_endpoint)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .route_layer(middleware::from_fn_with_state(shared.clone(), authorize))
        .layer(middleware::from_fn(json_refusals))
        .with_state(shared.clone());
    Router::new()
        .nest("/admin/api", api)
        // The nested router sees neither `/admin/api/` nor (when nested) its own root.
        .route("/admin/api/", axum::routing::any(no_such_endpoint))
        .route("/admin/", get(page).with_state(shared.clone()))
        .route(
            "/admin",
            get(|| async { axum::response::Redirect::permanent("/admin/") }),
        )
        .route("/metrics", get(metrics).with_state(shared))
}

/// Refusals that axum words itself (a method an endpoint does not take, a body that is not
/// JSON, of the wrong content type or too large, a path segment or query that does not decode)
/// come as plain text or empty; like every other refusal of the admin API they are answered
/// as JSON with the reason, so that a script or the admin page can show it.
async fn json_refusals(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let response = next.run(request).await;
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !status.is_client_error() || json {
        return response;
    }
    // axum's own refusals are a line of text.
    let text = axum::body::to_bytes(response.into_body(), 16 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let reason = if status == StatusCode::METHOD_NOT_ALLOWED {
        // axum adds the Allow header further out.
        format!("this endpoint does not take {method}; the Allow header says what it takes")
    } else if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("refused")
            .to_lowercase()
    } else {
        text
    };
    error(status, reason)
}

/// A JSON object as a request body, for every endpoint that takes one. Refused, with the
/// reason as JSON (axum's own through [`json_refusals`]): not JSON (400), another content type
/// (415), past the limit (413), not an object or not the fields wanted (422). Serde alone
/// would read an array as the fields in order (`["Hallo"]` as `{"value": "Hallo"}`).
struct JsonObject<T>(T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonObject<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let Json(value) = Json::<Value>::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if !value.is_object() {
            return Err(error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "the body must be a JSON object",
            ));
        }
        serde_json::from_value(value).map(Self).map_err(|e| {
            error(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("the body does not fit: {e}"),
            )
        })
    }
}

/// A [`JsonObject`] whose fields are all optional: no body at all counts as `{}`, so that
/// `curl -X POST …/confirm` works. A body that is there must be one.
struct OptionalJson<T>(T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequest<S> for OptionalJson<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let (parts, body) = request.into_parts();
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        if bytes.is_empty() {
            return Ok(Self(T::default()));
        }
        let request = Request::from_parts(parts, axum::body::Body::from(bytes));
        let JsonObject(value) = JsonObject::from_request(request, state).await?;
        Ok(Self(value))
    }
}

async fn no_such_endpoint() -> Response {
    error(StatusCode::NOT_FOUND, "no such admin endpoint")
}

async fn authorize(State(admin): State<Shared>, request: Request, next: Next) -> Response {
    let Some(token) = &admin.token else {
        return error(
            StatusCode::NOT_FOUND,
            "the admin API is off: set SCHALTER_ADMIN_TOKEN",
        );
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return error(
            StatusCode::UNAUTHORIZED,
            "a valid admin token is required (Authorization: Bearer …)",
        );
    }
    next.run(request).await
}

#[derive(Deserialize)]
struct PageQuery {
    lang: Option<String>,
}

/// The admin page in the language asked for (`?lang=`), else the browser's, else German.
async fn page(
    State(admin): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<PageQuery>,
    headers: axum::http::HeaderMap,
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
    let i18n = admin.engine.i18n();
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
                let strings = json!({
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

fn lang_of(code: &str) -> Result<Lang, Box<Response>> {
    Lang::from_tag(code)
        .filter(|l| l.code() == code)
        .ok_or_else(|| {
            Box::new(error(
                StatusCode::NOT_FOUND,
                format!("unknown locale `{code}`"),
            ))
        })
}

async fn current(
    admin: &Admin,
) -> Result<
    (
        Vec<schalter_core::i18n::FtlFile>,
        Vec<(String, String, String)>,
    ),
    Response,
> {
    let files = admin.sources.ftl_files().map_err(internal)?;
    let overrides = admin
        .engine
        .store()
        .translation_overrides()
        .await
        .map_err(internal)?;
    Ok((files, overrides))
}

/// Every locale's texts in force, with what each translation was last reviewed against.
struct Snapshot {
    files: Vec<schalter_core::i18n::FtlFile>,
    overrides: Vec<(String, String, String)>,
    texts: BTreeMap<Lang, BTreeMap<String, String>>,
    reviews: HashMap<(String, String), Review>,
}

impl Snapshot {
    fn text(&self, lang: Lang, id: &str) -> Option<&String> {
        self.texts.get(&lang).and_then(|m| m.get(id))
    }

    fn reference(&self, id: &str) -> Option<&String> {
        self.text(Lang::REFERENCE, id)
    }

    fn review(&self, lang: Lang, id: &str) -> Option<&Review> {
        self.reviews.get(&(lang.code().to_owned(), id.to_owned()))
    }

    /// `None` when the reference has no message `id`.
    fn state(&self, lang: Lang, id: &str) -> Option<ReviewState> {
        let reference = self.reference(id)?;
        Some(edit::review_state(
            lang,
            reference,
            self.text(lang, id).map(String::as_str),
            self.review(lang, id),
        ))
    }

    /// The German text a translation to review was last written or confirmed against.
    fn reviewed_reference(&self, lang: Lang, id: &str) -> Option<&str> {
        (self.state(lang, id) == Some(ReviewState::ToReview))
            .then(|| self.review(lang, id).map(|r| r.reference.as_str()))
            .flatten()
    }

    fn to_review(&self, id: &str) -> Vec<&'static str> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.state(*l, id) == Some(ReviewState::ToReview))
            .map(Lang::code)
            .collect()
    }
}

/// Reads a [`Snapshot`], with the reviews of every message or of `only` one.
async fn snapshot(admin: &Admin, only: Option<&str>) -> Result<Snapshot, Response> {
    let reviews = admin
        .engine
        .store()
        .translation_reviews(only)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|r| ((r.lang.clone(), r.message_id.clone()), r))
        .collect();
    let (files, overrides) = current(admin).await?;
    let texts = edit::all_messages(&files, &overrides);
    Ok(Snapshot {
        files,
        overrides,
        texts,
        reviews,
    })
}

fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

async fn locales(State(admin): State<Shared>) -> Response {
    let snap = match snapshot(&admin, None).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let empty = BTreeMap::new();
    let reference = snap.texts.get(&Lang::REFERENCE).unwrap_or(&empty);
    let list: Vec<Value> = Lang::ALL
        .iter()
        .map(|l| {
            let m = snap.texts.get(l).unwrap_or(&empty);
            let missing: Vec<&String> = reference.keys().filter(|id| !m.contains_key(*id)).collect();
            let to_review: Vec<&String> = reference
                .keys()
                .filter(|id| snap.state(*l, id) == Some(ReviewState::ToReview))
                .collect();
            let present = reference.len() - missing.len();
            json!({
                "lang": l.code(),
                "name": admin.engine.i18n().text(*l, "lang-name"),
                "rtl": l.is_rtl(),
                "dir": dir(*l),
                "messages": m.len(),
                "missing": missing,
                "to_review": to_review,
                "completeness": if reference.is_empty() { 100.0 } else { 100.0 * present as f64 / reference.len() as f64 },
            })
        })
        .collect();
    Json(json!({"reference": Lang::REFERENCE.code(), "locales": list})).into_response()
}

async fn messages(State(admin): State<Shared>, Path(lang): Path<String>) -> Response {
    let lang = match lang_of(&lang) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    match current(&admin).await {
        Ok((files, overrides)) => Json(edit::messages(&files, &overrides, lang)).into_response(),
        Err(r) => r,
    }
}

fn unknown_message(id: &str) -> Response {
    error(StatusCode::NOT_FOUND, format!("unknown message `{id}`"))
}

async fn message(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
) -> Response {
    let lang = match lang_of(&lang) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let snap = match snapshot(&admin, Some(&id)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (Some(reference_value), Some(state)) = (snap.reference(&id), snap.state(lang, &id)) else {
        return unknown_message(&id);
    };
    Json(json!({
        "id": id,
        "lang": lang.code(),
        "dir": dir(lang),
        "value": snap.text(lang, &id),
        "reference": reference_value,
        "state": state,
        "reviewed_reference": snap.reviewed_reference(lang, &id),
    }))
    .into_response()
}

/// `GET /admin/api/messages/{id}`: one message in every locale side by side, each with its
/// text (`null`: missing), direction and review state.
async fn side_by_side(State(admin): State<Shared>, Path(id): Path<String>) -> Response {
    let snap = match snapshot(&admin, Some(&id)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(reference) = snap.reference(&id) else {
        return unknown_message(&id);
    };
    let i18n = admin.engine.i18n();
    let locales: Vec<Value> = Lang::ALL
        .into_iter()
        .map(|l| {
            let changed = snap
                .overrides
                .iter()
                .any(|(o, i, _)| o == l.code() && *i == id);
            json!({
                "lang": l.code(),
                "name": i18n.text(l, "lang-name"),
                "dir": dir(l),
                "value": snap.text(l, &id),
                "state": snap.state(l, &id),
                "reviewed_reference": snap.reviewed_reference(l, &id),
                "changed_by_admin": changed,
            })
        })
        .collect();
    Json(json!({
        "id": id,
        "file": edit::reference_files(&snap.files).get(&id),
        "reference": reference,
        "locales": locales,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    /// `to-review`: only messages with a translation to review.
    state: Option<String>,
    limit: Option<String>,
}

/// `GET /admin/api/messages?q=…&state=to-review&limit=…`: messages whose id or text in any
/// locale contains `q` (see `edit::search`), or every message with a translation to review.
/// Each result has its id, file, German text, and the texts of the locales that matched or
/// are to review.
async fn search(
    State(admin): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<SearchQuery>,
) -> Response {
    let query = q.q.as_deref().unwrap_or_default().trim();
    if query.chars().count() > MAX_QUERY_CHARS {
        return error(
            StatusCode::BAD_REQUEST,
            format!("q is longer than {MAX_QUERY_CHARS} characters"),
        );
    }
    let to_review_only = match q.state.as_deref() {
        None | Some("") => false,
        Some("to-review") => true,
        Some(_) => return error(StatusCode::BAD_REQUEST, "state must be to-review"),
    };
    if query.is_empty() && !to_review_only {
        return error(
            StatusCode::BAD_REQUEST,
            "give q (a message id or words of its text in any locale), or state=to-review",
        );
    }
    let limit = match q.limit.as_deref() {
        None | Some("") => SEARCH_LIMIT,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=MAX_SEARCH_LIMIT).contains(&n) => n,
            _ => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!("limit must be a number from 1 to {MAX_SEARCH_LIMIT}"),
                );
            }
        },
    };
    let snap = match snapshot(&admin, None).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let found = if query.is_empty() {
        snap.texts
            .get(&Lang::REFERENCE)
            .into_iter()
            .flat_map(|m| m.keys())
            .map(|id| edit::Found {
                id: id.clone(),
                id_matched: false,
                locales: Vec::new(),
            })
            .collect()
    } else {
        edit::search(&snap.texts, query)
    };
    let files = edit::reference_files(&snap.files);
    let mut total = 0;
    let mut results = Vec::new();
    for f in found {
        let to_review = snap.to_review(&f.id);
        if to_review_only && to_review.is_empty() {
            continue;
        }
        total += 1;
        if results.len() == limit {
            continue;
        }
        let texts: BTreeMap<&str, &String> = Lang::ALL
            .into_iter()
            .filter(|l| f.locales.contains(l) || to_review.contains(&l.code()))
            .filter_map(|l| snap.text(l, &f.id).map(|t| (l.code(), t)))
            .collect();
        results.push(json!({
            "id": &f.id,
            "file": files.get(&f.id),
            "reference": snap.reference(&f.id),
            "id_matched": f.id_matched,
            "matched": f.locales.iter().map(|l| l.code()).collect::<Vec<_>>(),
            "texts": texts,
            "to_review": to_review,
        }));
    }
    Json(json!({"query": query, "total": total, "results": results})).into_response()
}

#[derive(Deserialize)]
struct Edit {
    value: String,
    #[serde(default)]
    author: Option<String>,
}

fn edit_error(e: EditError) -> Response {
    match e {
        EditError::UnknownLocale(_) | EditError::UnknownMessage(_) => {
            error(StatusCode::NOT_FOUND, e.to_string())
        }
        EditError::Invalid(_) => error(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
    }
}

fn author(a: Option<String>) -> String {
    a.map(|a| {
        a.chars()
            .filter(|c| !c.is_control())
            .take(100)
            .collect::<String>()
    })
    .filter(|a| !a.trim().is_empty())
    .unwrap_or_else(|| "admin".to_owned())
}

async fn put_message(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
    JsonObject(body): JsonObject<Edit>,
) -> Response {
    if let Err(r) = check_value(&admin, &lang, &id, &body.value).await {
        return r;
    }
    if let Err(r) = before_change(&admin, &lang, &id).await {
        return r;
    }
    let store = admin.engine.store();
    let now = admin.engine.clock().now();
    let change = match store
        .change_translation(
            &lang,
            &id,
            Some(&body.value),
            &author(body.author.clone()),
            now,
        )
        .await
    {
        Ok(c) => c,
        Err(e) => return internal(e),
    };
    record(
        &admin,
        &author(body.author),
        "translation-changed",
        &format!("{lang}/{id}"),
    )
    .await;
    if let Err(r) = after_change(&admin, &lang, &id).await {
        return r;
    }
    // In force here at once; other replicas follow within a second.
    if let Err(e) = live::reload_translations(&admin.engine, &admin.sources).await {
        return internal(e);
    }
    Json(json!({"ok": true, "change": change})).into_response()
}

/// An admin's text for message `id` of `lang`: valid Fluent with the reference's variables
/// only, and rendering among the locale's messages in force. Returns the .ftl files read.
async fn check_value(
    admin: &Admin,
    lang: &str,
    id: &str,
    value: &str,
) -> Result<Vec<schalter_core::i18n::FtlFile>, Response> {
    let (files, overrides) = current(admin).await?;
    edit::validate(&files, lang, id, value).map_err(edit_error)?;
    // `validate` knows the locale.
    let l = lang_of(lang).map_err(|r| *r)?;
    edit::check_renders(&files, &overrides, l, id, value).map_err(edit_error)?;
    Ok(files)
}

/// Before a message changes: when it is the German reference, every translation's review
/// row holds the German text they were written against up to now (so they become "to review").
async fn before_change(admin: &Admin, lang: &str, id: &str) -> Result<(), Response> {
    if lang == Lang::REFERENCE.code() {
        live::sync_reviews(&admin.engine, &admin.sources, Some(id))
            .await
            .map_err(internal)?;
    }
    Ok(())
}

/// After a translation changed (an edit, a rollback): it is written against today's German
/// text.
async fn after_change(admin: &Admin, lang: &str, id: &str) -> Result<(), Response> {
    if lang == Lang::REFERENCE.code() {
        return Ok(());
    }
    let Ok(l) = lang_of(lang) else {
        return Ok(());
    };
    let (files, overrides) = current(admin).await?;
    let reference = edit::messages(&files, &overrides, Lang::REFERENCE);
    let translation = edit::messages(&files, &overrides, l);
    if let (Some(reference), Some(translation)) = (reference.get(id), translation.get(id)) {
        let review = Review {
            lang: lang.to_owned(),
            message_id: id.to_owned(),
            reference: reference.clone(),
            translation: translation.clone(),
        };
        admin
            .engine
            .store()
            .mark_translation_reviewed(&review, admin.engine.clock().now())
            .await
            .map_err(internal)?;
    }
    Ok(())
}

#[derive(Deserialize, Default)]
struct Confirm {
    #[serde(default)]
    author: Option<String>,
}

/// `POST /admin/api/locales/{lang}/messages/{id}/confirm`: the translation still fits its
/// German reference as it is now; it is no longer "to review". Audited.
async fn confirm(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<Confirm>,
) -> Response {
    let l = match lang_of(&lang) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let snap = match snapshot(&admin, Some(&id)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(reference) = snap.reference(&id) else {
        return unknown_message(&id);
    };
    if l == Lang::REFERENCE {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the German reference is what translations are reviewed against; it has nothing to confirm",
        );
    }
    let Some(translation) = snap.text(l, &id) else {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("locale `{lang}` has no text for `{id}` to confirm; write one instead"),
        );
    };
    let was = snap.state(l, &id);
    let review = Review {
        lang: lang.clone(),
        message_id: id.clone(),
        reference: reference.clone(),
        translation: translation.clone(),
    };
    let now = admin.engine.clock().now();
    if let Err(e) = admin
        .engine
        .store()
        .mark_translation_reviewed(&review, now)
        .await
    {
        return internal(e);
    }
    record(
        &admin,
        &author(body.author),
        "translation-confirmed",
        &format!("{lang}/{id}"),
    )
    .await;
    Json(json!({"ok": true, "state": ReviewState::Reviewed, "was": was})).into_response()
}

/// Writes the audit log; a failure is logged, the action stands.
async fn record(admin: &Admin, actor: &str, action: &str, target: &str) {
    let now = admin.engine.clock().now();
    if let Err(e) = admin.engine.store().audit(actor, action, target, now).await {
        tracing::warn!(target: "admin", error = %e, "audit entry not written");
    }
}

/// `DELETE /admin/api/citizens/{conversation}`: forgets a citizen as `/forget` does (future
/// bookings cancelled, waiting room left, every row that refers to them deleted or unlinked).
/// The audit log records that it happened, not whom.
async fn forget_citizen(
    State(admin): State<Shared>,
    Path(conversation): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let Ok(id) = schalter_core::ConversationId::parse(&conversation) else {
        return error(
            StatusCode::BAD_REQUEST,
            "a conversation is channel:user, e.g. telegram:12345 or matrix:@ana:example.org",
        );
    };
    let id = id.to_string();
    let engine = &admin.engine;
    let known = match engine.store().citizen_data(&id).await {
        Ok(d) => {
            d.conversation.is_some()
                || !d.bookings.is_empty()
                || !d.visits.is_empty()
                || !d.payments.is_empty()
                || d.messages + d.inputs > 0
        }
        Err(e) => return internal(e),
    };
    if !known {
        return error(
            StatusCode::NOT_FOUND,
            "nothing is stored for this conversation",
        );
    }
    let forgotten = match engine.forget_citizen(&id).await {
        Ok(f) => f,
        Err(e) => return internal(e),
    };
    if let Err(e) = engine.store().forget_traces(&id).await {
        return internal(e);
    }
    let actor = author(
        headers
            .get("x-schalter-admin")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    );
    record(&admin, &actor, "citizen-forgotten", "").await;
    Json(json!({
        "ok": true,
        "bookings_cancelled": forgotten.bookings_cancelled,
        "left_waiting_room": forgotten.left_queue,
    }))
    .into_response()
}

/// `GET /admin/api/audit`: the newest 500 admin actions.
async fn audit(State(admin): State<Shared>) -> Response {
    match admin.engine.store().audit_log(500).await {
        Ok(entries) => Json(json!({"entries": entries})).into_response(),
        Err(e) => internal(e),
    }
}

async fn history(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = lang_of(&lang) {
        return *r;
    }
    match admin.engine.store().translation_history(&lang, &id).await {
        Ok(h) => Json(h).into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize, Default)]
struct Rollback {
    /// A change to go back to; none: back to the text of the .ftl file.
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

async fn rollback(
    State(admin): State<Shared>,
    Path((lang, id)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<Rollback>,
) -> Response {
    if let Err(r) = lang_of(&lang) {
        return *r;
    }
    // As for an edit: only a message of the reference (else any path made a history entry
    // and an audit line for a message that does not exist).
    match current(&admin).await {
        Ok((files, overrides)) => {
            if !edit::messages(&files, &overrides, Lang::REFERENCE).contains_key(&id) {
                return unknown_message(&id);
            }
        }
        Err(r) => return r,
    }
    if let Err(r) = before_change(&admin, &lang, &id).await {
        return r;
    }
    let store = admin.engine.store();
    let value = match &body.to {
        None => None,
        Some(to) => match store.translation_history(&lang, &id).await {
            Ok(h) => match h.into_iter().find(|c| &c.id == to) {
                Some(c) => c.value,
                None => return error(StatusCode::NOT_FOUND, format!("no change `{to}` of `{id}`")),
            },
            Err(e) => return internal(e),
        },
    };
    let now = admin.engine.clock().now();
    if let Err(e) = store
        .change_translation(
            &lang,
            &id,
            value.as_deref(),
            &author(body.author.clone()),
            now,
        )
        .await
    {
        return internal(e);
    }
    record(
        &admin,
        &author(body.author),
        "translation-rolled-back",
        &format!("{lang}/{id}"),
    )
    .await;
    if let Err(r) = after_change(&admin, &lang, &id).await {
        return r;
    }
    if let Err(e) = live::reload_translations(&admin.engine, &admin.sources).await {
        return internal(e);
    }
    Json(json!({"ok": true})).into_response()
}

#[derive(Deserialize)]
struct Preview {
    id: String,
    value: String,
    #[serde(default)]
    args: BTreeMap<String, Value>,
}

/// Validates a value and renders it with sample variables, as the bot would.
async fn preview(
    State(admin): State<Shared>,
    Path(lang): Path<String>,
    JsonObject(body): JsonObject<Preview>,
) -> Response {
    let code = lang.clone();
    let lang = match lang_of(&lang) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let files = match check_value(&admin, &code, &body.id, &body.value).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let i18n = match schalter_core::I18n::from_files(&[]) {
        Ok(i) => i,
        Err(e) => return internal(e),
    };
    let probe = vec![(code, body.id.clone(), body.value.clone())];
    if let Err(e) = i18n.reload_with(&files, &probe) {
        return internal(e);
    }
    let mut args = FluentArgs::new();
    for (k, v) in &body.args {
        let value: FluentValue = match v {
            Value::Number(n) => n
                .as_f64()
                .map_or_else(|| FluentValue::from(n.to_string()), FluentValue::from),
            Value::String(s) => FluentValue::from(s.clone()),
            other => FluentValue::from(other.to_string()),
        };
        args.set(k.clone(), value);
    }
    Json(json!({"text": i18n.msg(lang, &body.id, &args), "rtl": lang.is_rtl()})).into_response()
}

async fn export(State(admin): State<Shared>, Path(lang): Path<String>) -> Response {
    let lang = match lang_of(&lang) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    match current(&admin).await {
        Ok((files, overrides)) => {
            let files: Vec<Value> = edit::export(&files, &overrides, lang)
                .into_iter()
                .map(
                    |(name, text)| json!({"name": format!("{}/{name}", lang.code()), "text": text}),
                )
                .collect();
            Json(json!({"lang": lang.code(), "files": files})).into_response()
        }
        Err(r) => r,
    }
}

async fn get_catalog(State(admin): State<Shared>) -> Response {
    let text = match admin.engine.store().latest_catalog().await {
        Ok(Some(t)) => t,
        Ok(None) => match admin.sources.catalog_text() {
            Ok((t, _)) => t,
            Err(e) => return internal(e),
        },
        Err(e) => return internal(e),
    };
    Json(json!({"toml": text})).into_response()
}

#[derive(Deserialize)]
struct CatalogEdit {
    toml: String,
    #[serde(default)]
    author: Option<String>,
}

async fn put_catalog(
    State(admin): State<Shared>,
    JsonObject(body): JsonObject<CatalogEdit>,
) -> Response {
    let catalog = match Catalog::parse(&body.toml, "catalogue") {
        Ok(c) => c,
        Err(e) => return error(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
    };
    for (id, line) in catalog.required_messages() {
        if !admin.engine.i18n().has(Lang::REFERENCE, &id) {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "catalogue:{line}: needs the message `{id}`, which locale de lacks; add it first"
                ),
            );
        }
    }
    let now = admin.engine.clock().now();
    if let Err(e) = admin
        .engine
        .store()
        .save_catalog(&body.toml, &author(body.author.clone()), now)
        .await
    {
        return internal(e);
    }
    record(
        &admin,
        &author(body.author),
        "catalogue-changed",
        "catalogue",
    )
    .await;
    admin.engine.set_catalog(catalog);
    Json(json!({"ok": true})).into_response()
}

/// Waiting times of today's calls, in minutes, and the live queue.
async fn queue_data(engine: &Engine) -> anyhow::Result<Value> {
    let view = engine.queue_view().await?;
    let now = engine.clock().now();
    let waiting: Vec<Value> = view
        .waiting
        .iter()
        .enumerate()
        .map(|(i, (e, eta))| {
            json!({
                "position": i + 1,
                "reference": e.reference,
                "service": e.service,
                "lang": e.lang,
                "waited_minutes": (now - e.joined_at).num_minutes(),
                "expected_minutes": eta.map(schalter_core::queue::estimate::minutes_to_tell),
            })
        })
        .collect();
    let today = engine.waits_since(now - Duration::hours(24)).await?;
    Ok(json!({
        "waiting": waiting,
        "in_calls": view.calls.len(),
        "clerks_on_duty": view.clerks_on_duty,
        "today": today.iter().map(|(at, minutes)| json!({"called_at": at.to_rfc3339(), "waited_minutes": minutes})).collect::<Vec<_>>(),
    }))
}

async fn queue(State(admin): State<Shared>) -> Response {
    match queue_data(&admin.engine).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
struct PaymentsQuery {
    /// draft, open, paid, refunded, cancelled
    state: Option<String>,
    /// An office-local date, YYYY-MM-DD (default: all of the last 31 days).
    day: Option<String>,
}

/// `GET /admin/api/payments?state=…&day=…`: the requests with their state, and the sums per
/// day and service (paid minus refunded). No personal data: no conversation ids.
async fn payments(
    State(admin): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<PaymentsQuery>,
) -> Response {
    let engine = &admin.engine;
    let state = match q.state.as_deref() {
        None | Some("") => None,
        Some(s) => match schalter_core::store::PaymentState::parse(s) {
            Some(state) => Some(state),
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "state must be draft, open, paid, refunded or cancelled",
                );
            }
        },
    };
    let tz = engine.tz();
    let now = engine.clock().now();
    let (from, to) = match q.day.as_deref() {
        None | Some("") => (now - Duration::days(31), now + Duration::days(1)),
        Some(day) => {
            let Ok(date) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
                return error(
                    StatusCode::BAD_REQUEST,
                    "day must be a date like 2027-02-02",
                );
            };
            let start = date
                .and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(tz).earliest())
                .map_or(now, |t| t.with_timezone(&chrono::Utc));
            (start, start + Duration::days(1))
        }
    };
    let list = match engine.store().payments_between(from, to, state).await {
        Ok(l) => l,
        Err(e) => return internal(e),
    };
    let mut sums: BTreeMap<(String, String), i64> = BTreeMap::new();
    let rows: Vec<Value> = list
        .iter()
        .map(|p| {
            let day = p.created_at.with_timezone(&tz).date_naive().to_string();
            if matches!(
                p.state,
                schalter_core::store::PaymentState::Paid
                    | schalter_core::store::PaymentState::Refunded
            ) {
                *sums
                    .entry((day.clone(), p.service.clone().unwrap_or_default()))
                    .or_default() += p.amount_cents - p.refunded_cents;
            }
            json!({
                "reference": p.reference,
                "visit_reference": p.visit_reference,
                "service": p.service,
                "day": day,
                "amount_cents": p.amount_cents,
                "refunded_cents": p.refunded_cents,
                "currency": p.currency,
                "state": p.state.as_str(),
                "provider": p.provider,
                "paid_at": p.paid_at.map(|t| t.to_rfc3339()),
            })
        })
        .collect();
    let sums: Vec<Value> = sums
        .into_iter()
        .map(|((day, service), cents)| json!({"day": day, "service": service, "paid_cents": cents}))
        .collect();
    Json(json!({"payments": rows, "sums": sums})).into_response()
}

/// Prometheus text format.
async fn metrics(State(admin): State<Shared>) -> Response {
    let engine = &admin.engine;
    let mut out = String::new();
    let view = match engine.queue_view().await {
        Ok(v) => v,
        Err(e) => return internal(e),
    };
    let waits = match engine
        .waits_since(engine.clock().now() - Duration::hours(24))
        .await
    {
        Ok(w) => w,
        Err(e) => return internal(e),
    };
    let _ = writeln!(
        out,
        "# HELP schalter_queue_waiting Citizens in the waiting room.\n# TYPE schalter_queue_waiting gauge"
    );
    let _ = writeln!(out, "schalter_queue_waiting {}", view.waiting.len());
    let _ = writeln!(
        out,
        "# HELP schalter_queue_in_call Citizens with a clerk.\n# TYPE schalter_queue_in_call gauge"
    );
    let _ = writeln!(out, "schalter_queue_in_call {}", view.calls.len());
    let _ = writeln!(
        out,
        "# HELP schalter_clerks_on_duty Clerks available.\n# TYPE schalter_clerks_on_duty gauge"
    );
    let _ = writeln!(out, "schalter_clerks_on_duty {}", view.clerks_on_duty);
    let _ = writeln!(
        out,
        "# HELP schalter_waiting_minutes Waiting time before a clerk called, last 24 hours.\n# TYPE schalter_waiting_minutes histogram"
    );
    let mut sum = 0i64;
    for bound in [1, 2, 5, 10, 15, 30, 60] {
        let n = waits.iter().filter(|(_, m)| *m <= bound).count();
        let _ = writeln!(out, "schalter_waiting_minutes_bucket{{le=\"{bound}\"}} {n}");
    }
    for (_, m) in &waits {
        sum += m;
    }
    let _ = writeln!(
        out,
        "schalter_waiting_minutes_bucket{{le=\"+Inf\"}} {}",
        waits.len()
    );
    let _ = writeln!(out, "schalter_waiting_minutes_sum {sum}");
    let _ = writeln!(out, "schalter_waiting_minutes_count {}", waits.len());
    let _ = writeln!(
        out,
        "# HELP schalter_messages_total Citizens' messages by channel and language.\n# TYPE schalter_messages_total counter"
    );
    for ((channel, lang), n) in engine.metrics().messages() {
        let _ = writeln!(
            out,
            "schalter_messages_total{{channel=\"{channel}\",lang=\"{lang}\"}} {n}"
        );
    }
    let _ = writeln!(
        out,
        "# HELP schalter_errors_total Inputs that failed.\n# TYPE schalter_errors_total counter"
    );
    let _ = writeln!(out, "schalter_errors_total {}", engine.metrics().errors());
    let (delivered, retried, dead) = engine.metrics().deliveries();
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_delivered_total Messages delivered by this process.\n# TYPE schalter_outbox_delivered_total counter\nschalter_outbox_delivered_total {delivered}"
    );
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_retried_total Deliveries that failed and were planned again.\n# TYPE schalter_outbox_retried_total counter\nschalter_outbox_retried_total {retried}"
    );
    let _ = writeln!(
        out,
        "# HELP schalter_outbox_dead_total Messages given up (conversation unreachable or message refused).\n# TYPE schalter_outbox_dead_total counter\nschalter_outbox_dead_total {dead}"
    );
    let _ = writeln!(
        out,
        "# HELP schalter_delivery_failures_total Failed deliveries by platform and kind of failure (see the README's \"What each failure means\").\n# TYPE schalter_delivery_failures_total counter"
    );
    for ((platform, kind), n) in engine.metrics().send_failures() {
        let _ = writeln!(
            out,
            "schalter_delivery_failures_total{{platform=\"{platform}\",kind=\"{kind}\"}} {n}"
        );
    }
    let _ = writeln!(
        out,
        "# HELP schalter_purged_rows_total Rows the retention rules deleted or anonymised, by kind.\n# TYPE schalter_purged_rows_total counter"
    );
    for (kind, n) in engine.metrics().purged_rows() {
        let _ = writeln!(out, "schalter_purged_rows_total{{kind=\"{kind}\"}} {n}");
    }
    match engine.store().payment_totals().await {
        Ok(totals) => {
            let _ = writeln!(
                out,
                "# HELP schalter_payments_total Payment requests by state.\n# TYPE schalter_payments_total gauge"
            );
            for (state, n, _) in &totals {
                let _ = writeln!(out, "schalter_payments_total{{state=\"{state}\"}} {n}");
            }
            let _ = writeln!(
                out,
                "# HELP schalter_payments_amount_cents Amounts of payment requests by state, in cents.\n# TYPE schalter_payments_amount_cents gauge"
            );
            for (state, _, cents) in &totals {
                let _ = writeln!(
                    out,
                    "schalter_payments_amount_cents{{state=\"{state}\"}} {cents}"
                );
            }
        }
        Err(e) => return internal(e),
    }
    match engine.store().outbox_pending().await {
        Ok(pending) => {
            let _ = writeln!(
                out,
                "# HELP schalter_outbox_pending Messages waiting for delivery.\n# TYPE schalter_outbox_pending gauge\nschalter_outbox_pending {pending}"
            );
        }
        Err(e) => return internal(e),
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response()
}
