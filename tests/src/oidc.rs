//! OpenID Connect peers for the staff sign-in tests of the admin page: a real OpenID Provider
//! (panva's certified `oidc-provider`, `tests/oidc/provider.mjs`) and a rogue issuer whose ID
//! tokens are broken on purpose (`tests/oidc/rogue.mjs`), both run with node from
//! `SCHALTER_TEST_OIDC` (installed by the test command, `bash tests/run.sh`), plus a small
//! HTTP "browser" that signs a user in through the provider's own login page.
//!
//! Users of [`Provider`], both with the password [`PASSWORD`]:
//! - `amira`: name "Amira Haddad", groups `["schalter-translators-ar"]`
//! - `dora`: name "Dora Datenschutz", groups `["schalter-dpo"]`
//!
//! Request the scopes `openid profile groups`: the ID token then carries `name` and `groups`.
//! PKCE (S256) is required; the client authenticates at the token endpoint with
//! `client_secret_basic`; `end_session_endpoint` (RP-Initiated Logout) is in discovery.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The password of every user of [`Provider`].
pub const PASSWORD: &str = "correct horse";

/// The defects [`Rogue`] can put into its ID tokens (`none`: a valid token, the control case).
pub const DEFECTS: &[&str] = &[
    "none",
    "issuer",
    "audience",
    "expired",
    "alg-none",
    "unknown-key",
    "nonce",
];

/// The directory with `node_modules/oidc-provider`, `provider.mjs` and `rogue.mjs`:
/// `SCHALTER_TEST_OIDC`, which the test command sets and fills.
pub fn node_modules() -> PathBuf {
    let dir = std::env::var_os("SCHALTER_TEST_OIDC")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            panic!(
                "SCHALTER_TEST_OIDC is not set: the OpenID Connect tests need oidc-provider from \
                 npm; run the README's test command (bash tests/run.sh), which installs it into \
                 .test-env/oidc and sets SCHALTER_TEST_OIDC"
            )
        });
    for needed in ["node_modules/oidc-provider", "provider.mjs", "rogue.mjs"] {
        assert!(
            dir.join(needed).exists(),
            "{} is missing: the OpenID Connect tests need oidc-provider from npm; run the \
             README's test command (bash tests/run.sh), which installs it (SCHALTER_TEST_OIDC={})",
            dir.join(needed).display(),
            dir.display()
        );
    }
    dir
}

/// Starts `node <script>` in [`node_modules`] with `env` and waits until it prints `ready`.
/// Its stderr goes to the test's stderr, without oidc-provider's development warnings.
async fn spawn_node(script: &str, env: &[(&str, &str)]) -> Child {
    let mut child = Command::new("node")
        .arg(script)
        .current_dir(node_modules())
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| {
            panic!("start node {script} (is node installed? bash tests/run.sh): {e}")
        });
    let stderr = child.stderr.take().expect("piped stderr");
    let name = script.to_owned();
    tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if !line.starts_with("oidc-provider WARNING:") {
                eprintln!("[{name}] {line}");
            }
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    let ready = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            match stdout.next_line().await {
                Ok(Some(line)) if line.trim() == "ready" => return true,
                Ok(Some(_)) => {}
                _ => return false,
            }
        }
    })
    .await;
    match ready {
        Ok(true) => {}
        Ok(false) => {
            let status = child.wait().await;
            panic!("node {script} exited before it was ready: {status:?}")
        }
        Err(_) => panic!("node {script} did not print `ready` within 60 s"),
    }
    // Nothing more is expected on stdout; keep draining it so the pipe never fills.
    tokio::spawn(async move { while let Ok(Some(_)) = stdout.next_line().await {} });
    child
}

fn random_hex() -> String {
    format!(
        "{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    )
}

/// A real OpenID Provider on loopback with one confidential client and the users `amira` and
/// `dora` (see the module documentation). Killed on drop.
pub struct Provider {
    /// `http://127.0.0.1:<port>`; discovery at `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    child: Child,
}

impl Provider {
    /// Starts a provider whose client may redirect only to `redirect_uri` (the admin page's
    /// callback) and, after signing out, only to `post_logout_redirect_uri`.
    pub async fn start(redirect_uri: &str, post_logout_redirect_uri: &str) -> Provider {
        let port = crate::free_port().to_string();
        let client_id = "schalter-admin".to_owned();
        let client_secret = random_hex();
        let child = spawn_node(
            "provider.mjs",
            &[
                ("PORT", &port),
                ("CLIENT_ID", &client_id),
                ("CLIENT_SECRET", &client_secret),
                ("REDIRECT_URI", redirect_uri),
                ("POST_LOGOUT_REDIRECT_URI", post_logout_redirect_uri),
            ],
        )
        .await;
        Provider {
            issuer: format!("http://127.0.0.1:{port}"),
            client_id,
            client_secret,
            child,
        }
    }

    /// Stops the provider now (as dropping it does), e.g. to test an unreachable issuer.
    pub async fn stop(&mut self) {
        let _ = self.child.kill().await;
    }
}

/// A non-compliant issuer for refusal tests: `/authorize` redirects straight back (no login)
/// and `/token` answers with an ID token for `mallory` (name "Mallory", groups
/// `["schalter-dpo"]`) broken by one of [`DEFECTS`]. Any client secret and any PKCE verifier
/// are accepted. Killed on drop.
pub struct Rogue {
    /// `http://127.0.0.1:<port>`; discovery at `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub defect: String,
    child: Child,
}

impl Rogue {
    pub async fn start(client_id: &str, defect: &str) -> Rogue {
        assert!(
            DEFECTS.contains(&defect),
            "unknown rogue defect {defect:?}; one of {DEFECTS:?}"
        );
        let port = crate::free_port().to_string();
        let child = spawn_node(
            "rogue.mjs",
            &[
                ("PORT", &port),
                ("CLIENT_ID", client_id),
                ("DEFECT", defect),
            ],
        )
        .await;
        Rogue {
            issuer: format!("http://127.0.0.1:{port}"),
            client_id: client_id.to_owned(),
            defect: defect.to_owned(),
            child,
        }
    }

    pub async fn stop(&mut self) {
        let _ = self.child.kill().await;
    }
}

/// Signs `login` in at the authorization URL the admin page redirected to, as a browser would
/// (fresh cookies), and returns the URL the provider finally redirects to (the admin page's
/// `redirect_uri` with `code`, `state` and `iss`) without requesting it. Panics if the
/// provider refuses (e.g. a wrong password); see [`try_sign_in`].
pub async fn sign_in(authorization_url: &str, login: &str, password: &str) -> String {
    try_sign_in(authorization_url, login, password)
        .await
        .unwrap_or_else(|e| panic!("sign-in of {login:?} failed: {e}"))
}

/// As [`sign_in`], but a refusal (the login form again, an error page) is an `Err` with what
/// the provider said.
pub async fn try_sign_in(
    authorization_url: &str,
    login: &str,
    password: &str,
) -> Result<String, String> {
    UserAgent::new()
        .sign_in(authorization_url, login, password)
        .await
}

/// Follows an RP-Initiated Logout URL (the provider's `end_session_endpoint` with
/// `post_logout_redirect_uri`, `id_token_hint` or `client_id`, `state`), confirms the sign-out
/// and returns the `post_logout_redirect_uri` redirect without requesting it.
pub async fn sign_out(logout_url: &str) -> String {
    UserAgent::new()
        .sign_out(logout_url)
        .await
        .unwrap_or_else(|e| panic!("sign-out failed: {e}"))
}

/// A cookie-keeping HTTP client that walks the provider's pages like a browser (no
/// JavaScript, redirects followed by hand). One agent keeps the provider's session between
/// calls: a second sign-in skips the login form, and [`UserAgent::sign_out`] ends it.
pub struct UserAgent {
    client: reqwest::Client,
    /// origin -> cookie name -> value (paths are ignored: the provider's are all below `/`).
    cookies: HashMap<String, BTreeMap<String, String>>,
}

impl Default for UserAgent {
    fn default() -> Self {
        Self::new()
    }
}

impl UserAgent {
    pub fn new() -> Self {
        Self {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(60))
                .build()
                .expect("HTTP client"),
            cookies: HashMap::new(),
        }
    }

    /// See [`sign_in`]: returns the redirect to the `redirect_uri` of the authorization URL.
    /// With a live provider session (an earlier sign-in by this agent) there is no login form
    /// and `login`/`password` are not used.
    pub async fn sign_in(
        &mut self,
        authorization_url: &str,
        login: &str,
        password: &str,
    ) -> Result<String, String> {
        let start = Url::parse(authorization_url)
            .map_err(|e| format!("bad authorization URL {authorization_url:?}: {e}"))?;
        let stop = query_url(&start, "redirect_uri")?;
        self.walk(start, &stop, Some((login, password))).await
    }

    /// See [`sign_out`]: returns the redirect to the `post_logout_redirect_uri` of the URL.
    pub async fn sign_out(&mut self, logout_url: &str) -> Result<String, String> {
        let start =
            Url::parse(logout_url).map_err(|e| format!("bad logout URL {logout_url:?}: {e}"))?;
        let stop = query_url(&start, "post_logout_redirect_uri")?;
        self.walk(start, &stop, None).await
    }

    async fn walk(
        &mut self,
        start: Url,
        stop: &Url,
        credentials: Option<(&str, &str)>,
    ) -> Result<String, String> {
        let mut url = start;
        let mut form: Option<Vec<(String, String)>> = None;
        let mut logged_in = false;
        for _ in 0..20 {
            let origin = url.origin().ascii_serialization();
            let mut request = match &form {
                Some(fields) => self.client.post(url.clone()).form(fields),
                None => self.client.get(url.clone()),
            };
            if let Some(jar) = self.cookies.get(&origin).filter(|j| !j.is_empty()) {
                let header: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
                request = request.header(COOKIE, header.join("; "));
            }
            let response = request.send().await.map_err(|e| format!("{url}: {e}"))?;
            let jar = self.cookies.entry(origin).or_default();
            for value in response.headers().get_all(SET_COOKIE) {
                if let Ok(value) = value.to_str() {
                    store_cookie(jar, value);
                }
            }
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .ok_or_else(|| format!("{url}: {status} without a Location"))?;
                let next = url
                    .join(location)
                    .map_err(|e| format!("{url}: bad Location {location:?}: {e}"))?;
                if same_endpoint(&next, stop) {
                    return Ok(next.to_string());
                }
                url = next;
                form = None;
                continue;
            }
            let is_html = response
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|c| c.to_str().ok())
                .is_some_and(|c| c.starts_with("text/html"));
            let body = response.text().await.unwrap_or_default();
            let page = || format!("{url} answered {status}: {}", text_of(&body));
            let Some(found) = is_html.then(|| parse_form(&body)).flatten() else {
                return Err(page());
            };
            let mut fields = found.fields;
            if found.has_password {
                let Some((login, password)) = credentials else {
                    return Err(format!("unexpected login form: {}", page()));
                };
                if logged_in {
                    // The login form again: the provider refused the credentials.
                    return Err(page());
                }
                logged_in = true;
                fields.retain(|(k, _)| k != "login" && k != "password");
                fields.push(("login".to_owned(), login.to_owned()));
                fields.push(("password".to_owned(), password.to_owned()));
            } else if !status.is_success() {
                return Err(page());
            }
            url = url
                .join(&found.action)
                .map_err(|e| format!("{url}: bad form action {:?}: {e}", found.action))?;
            form = Some(fields);
        }
        Err(format!(
            "no redirect to {stop} after 20 requests (last: {url})"
        ))
    }
}

fn query_url(url: &Url, name: &str) -> Result<Url, String> {
    let value = url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .ok_or_else(|| format!("{url} has no {name}"))?;
    Url::parse(&value).map_err(|e| format!("bad {name} {value:?}: {e}"))
}

fn same_endpoint(a: &Url, b: &Url) -> bool {
    a.origin() == b.origin() && a.path() == b.path()
}

/// Keeps or (when emptied or expired) drops one `Set-Cookie`.
fn store_cookie(jar: &mut BTreeMap<String, String>, header: &str) {
    let mut parts = header.split(';');
    let Some((name, value)) = parts.next().and_then(|nv| nv.split_once('=')) else {
        return;
    };
    let (name, value) = (name.trim(), value.trim());
    let expired = parts.any(|attr| {
        let attr = attr.trim().to_ascii_lowercase();
        attr == "max-age=0"
            || attr.starts_with("max-age=-")
            || (attr.starts_with("expires=") && attr.contains("1970"))
    });
    if value.is_empty() || expired {
        jar.remove(name);
    } else {
        jar.insert(name.to_owned(), value.to_owned());
    }
}

struct Form {
    action: String,
    /// Named inputs with their values, and the first named submit button (as a browser sends
    /// the button it was submitted with).
    fields: Vec<(String, String)>,
    has_password: bool,
}

/// The first `<form>` of a page, read as plainly as the provider's pages are written.
fn parse_form(html: &str) -> Option<Form> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<form")?;
    let end = lower[start..]
        .find("</form")
        .map_or(html.len(), |e| start + e);
    let open_end = start + lower[start..].find('>')?;
    let action = attribute(&html[start..open_end], "action").unwrap_or_default();
    let mut fields = Vec::new();
    let mut has_password = false;
    let mut button = false;
    let mut at = open_end;
    while let Some(offset) = lower[at..end].find('<') {
        let tag_start = at + offset;
        let tag_end = lower[tag_start..end]
            .find('>')
            .map_or(end, |e| tag_start + e);
        let tag = &html[tag_start..tag_end];
        let tag_lower = &lower[tag_start..tag_end];
        at = tag_end;
        if tag_lower.starts_with("<input") {
            let kind = attribute(tag, "type")
                .unwrap_or_else(|| "text".to_owned())
                .to_ascii_lowercase();
            if kind == "password" {
                has_password = true;
            }
            if let Some(name) = attribute(tag, "name") {
                if kind == "submit" || kind == "button" {
                    continue;
                }
                fields.push((name, attribute(tag, "value").unwrap_or_default()));
            }
        } else if tag_lower.starts_with("<button")
            && !button
            && let Some(name) = attribute(tag, "name")
        {
            button = true;
            fields.push((name, attribute(tag, "value").unwrap_or_default()));
        }
    }
    Some(Form {
        action,
        fields,
        has_password,
    })
}

/// The value of attribute `name` in a start tag (quoted or not), entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(offset) = lower[from..].find(name) {
        let at = from + offset;
        from = at + name.len();
        let before_ok = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or_default()
                .trim_end_matches('/'),
        };
        return Some(decode_entities(raw));
    }
    None
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A page's text without tags, whitespace collapsed, for error messages.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = decode_entities(&text);
    let text: Vec<&str> = text.split_whitespace().collect();
    let text = text.join(" ");
    match text.char_indices().nth(2000) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_provider_forms() {
        let login = r#"<form method="post" action="/interaction/a-B_9/login" autocomplete="off">
<label>Login <input type="text" name="login" value="d&#111;ra" required autofocus></label>
<label>Password <input type="password" name="password" required></label>
<button type="submit">Sign in</button></form>"#;
        let form = parse_form(login).expect("form");
        assert_eq!(form.action, "/interaction/a-B_9/login");
        assert!(form.has_password);
        assert_eq!(
            form.fields,
            [
                ("login".into(), "dora".into()),
                ("password".into(), String::new())
            ]
        );
        let logout = r#"<h1>?</h1><form id="op.logoutForm" method="post" action="http://127.0.0.1:1/session/end/confirm"><input type="hidden" name="xsrf" value="ab12"/><button type="submit" name="logout" value="yes" autofocus>Yes</button><button type="submit">No</button></form>"#;
        let form = parse_form(logout).expect("form");
        assert_eq!(form.action, "http://127.0.0.1:1/session/end/confirm");
        assert!(!form.has_password);
        assert_eq!(
            form.fields,
            [
                ("xsrf".into(), "ab12".into()),
                ("logout".into(), "yes".into())
            ]
        );
        assert!(parse_form("<p>no form</p>").is_none());
    }

    fn b64url(bytes: &[u8]) -> String {
        const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            }
        }
        out
    }

    fn b64url_decode(s: &str) -> Vec<u8> {
        let mut bits = 0u32;
        let mut count = 0;
        let mut out = Vec::new();
        for c in s.bytes() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => panic!("not base64url: {s}"),
            };
            bits = bits << 6 | u32::from(v);
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
            }
        }
        out
    }

    fn jwt_part(token: &str, i: usize) -> serde_json::Value {
        let part = token.split('.').nth(i).expect("JWT part");
        serde_json::from_slice(&b64url_decode(part)).expect("JWT JSON")
    }

    /// Authorization code flow with PKCE against `issuer`; returns the token response.
    async fn code_flow(
        issuer: &str,
        client_id: &str,
        secret: &str,
        login: &str,
    ) -> serde_json::Value {
        use sha2::Digest;
        let http = reqwest::Client::new();
        let discovery: serde_json::Value = http
            .get(format!("{issuer}/.well-known/openid-configuration"))
            .send()
            .await
            .expect("discovery")
            .json()
            .await
            .expect("discovery JSON");
        assert_eq!(discovery["issuer"], issuer);
        let verifier = format!("{}{}", random_hex(), random_hex());
        let challenge = b64url(&sha2::Sha256::digest(verifier.as_bytes()));
        let redirect = "http://127.0.0.1:9/admin/callback";
        let mut authorize =
            Url::parse(discovery["authorization_endpoint"].as_str().unwrap()).unwrap();
        authorize
            .query_pairs_mut()
            .append_pair("client_id", client_id)
            .append_pair("response_type", "code")
            .append_pair("scope", "openid profile groups")
            .append_pair("redirect_uri", redirect)
            .append_pair("state", "st4te")
            .append_pair("nonce", "n0nce")
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        let callback = Url::parse(&sign_in(authorize.as_str(), login, PASSWORD).await).unwrap();
        assert!(callback.as_str().starts_with(redirect), "{callback}");
        let param = |k: &str| {
            callback
                .query_pairs()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.into_owned())
        };
        assert_eq!(param("state").as_deref(), Some("st4te"));
        let code = param("code").unwrap_or_else(|| panic!("no code in {callback}"));
        let response = http
            .post(discovery["token_endpoint"].as_str().unwrap())
            .basic_auth(client_id, Some(secret))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", redirect),
                ("code_verifier", &verifier),
            ])
            .send()
            .await
            .expect("token request");
        assert!(
            response.status().is_success(),
            "{}",
            response.text().await.unwrap_or_default()
        );
        response.json().await.expect("token JSON")
    }

    #[tokio::test]
    async fn provider_signs_staff_in() {
        let provider = Provider::start(
            "http://127.0.0.1:9/admin/callback",
            "http://127.0.0.1:9/admin",
        )
        .await;
        let discovery: serde_json::Value = reqwest::get(format!(
            "{}/.well-known/openid-configuration",
            provider.issuer
        ))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        let end_session = discovery["end_session_endpoint"]
            .as_str()
            .expect("end_session_endpoint");
        for (login, name, group) in [
            ("amira", "Amira Haddad", "schalter-translators-ar"),
            ("dora", "Dora Datenschutz", "schalter-dpo"),
        ] {
            let tokens = code_flow(
                &provider.issuer,
                &provider.client_id,
                &provider.client_secret,
                login,
            )
            .await;
            let id_token = tokens["id_token"].as_str().expect("id_token");
            assert_eq!(jwt_part(id_token, 0)["alg"], "RS256");
            let claims = jwt_part(id_token, 1);
            assert_eq!(claims["iss"], provider.issuer.as_str());
            assert_eq!(claims["aud"], provider.client_id.as_str());
            assert_eq!(claims["sub"], login);
            assert_eq!(claims["name"], name);
            assert_eq!(claims["groups"], serde_json::json!([group]));
            assert_eq!(claims["nonce"], "n0nce");
        }
        let refused = try_sign_in(
            &format!(
                "{}/auth?client_id={}&response_type=code&scope=openid&nonce=n&state=s\
                 &redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fadmin%2Fcallback\
                 &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
                provider.issuer, provider.client_id
            ),
            "dora",
            "Tr0ub4dor&3",
        )
        .await
        .expect_err("a wrong password is refused");
        assert!(refused.contains("Invalid login or password"), "{refused}");
        let signed_out = sign_out(&format!(
            "{end_session}?client_id={}&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fadmin&state=bye",
            provider.client_id
        ))
        .await;
        assert_eq!(signed_out, "http://127.0.0.1:9/admin?state=bye");
    }

    #[tokio::test]
    async fn rogue_breaks_exactly_one_thing() {
        for defect in DEFECTS {
            let rogue = Rogue::start("schalter-admin", defect).await;
            let tokens = code_flow(&rogue.issuer, "schalter-admin", "any", "mallory").await;
            let id_token = tokens["id_token"].as_str().expect("id_token");
            let (header, claims) = (jwt_part(id_token, 0), jwt_part(id_token, 1));
            let signature = id_token.rsplit('.').next().unwrap();
            assert_eq!(claims["sub"], "mallory");
            assert_eq!(claims["groups"], serde_json::json!(["schalter-dpo"]));
            assert_eq!(
                header["alg"] == "none",
                *defect == "alg-none",
                "{defect}: {header}"
            );
            assert_eq!(signature.is_empty(), *defect == "alg-none", "{defect}");
            assert_eq!(
                claims["iss"] != rogue.issuer.as_str(),
                *defect == "issuer",
                "{defect}"
            );
            assert_eq!(
                claims["aud"] != "schalter-admin",
                *defect == "audience",
                "{defect}"
            );
            assert_eq!(claims["nonce"] != "n0nce", *defect == "nonce", "{defect}");
            let response = reqwest::get(format!("{}/jwks", rogue.issuer))
                .await
                .unwrap();
            // The rogue's clock, as the tests may not read the wall clock themselves.
            let now = response.headers()[reqwest::header::DATE].to_str().unwrap();
            let now = chrono::DateTime::parse_from_rfc2822(now)
                .unwrap()
                .timestamp();
            let expired = claims["exp"].as_i64().unwrap() < now;
            assert_eq!(expired, *defect == "expired", "{defect}: {claims}");
            let jwks: serde_json::Value = response.json().await.unwrap();
            let known = jwks["keys"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kid"] == header["kid"]);
            assert_eq!(
                !known,
                matches!(*defect, "unknown-key" | "alg-none"),
                "{defect}: {header}"
            );
        }
    }

    #[test]
    fn keeps_and_drops_cookies() {
        let mut jar = BTreeMap::new();
        store_cookie(&mut jar, "_session=abc; path=/; samesite=lax; httponly");
        store_cookie(&mut jar, "_interaction=x; path=/interaction/1");
        store_cookie(
            &mut jar,
            "_interaction=; path=/interaction/1; expires=Thu, 01 Jan 1970 00:00:00 GMT",
        );
        assert_eq!(jar.len(), 1);
        assert_eq!(jar["_session"], "abc");
    }
}
