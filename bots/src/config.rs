//! Configuration: `schalter.toml` (optional, `--config FILE`) overridden by `SCHALTER_*`
//! environment variables. Keys in the file are the variable names without the prefix, in
//! lower case (`database_url`, `telegram_token`, …).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono_tz::Tz;
use serde::Deserialize;

pub const DEFAULT_CONFIG_FILE: &str = "schalter.toml";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://schalter.db";
pub const DEFAULT_CATALOG: &str = "deploy/catalog.toml";
pub const DEFAULT_LOCALES_DIR: &str = "locales";

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    catalog: Option<PathBuf>,
    locales_dir: Option<PathBuf>,
    timezone: Option<String>,
    telegram_token: Option<String>,
    telegram_api_url: Option<String>,
    telegram_webhook_url: Option<String>,
    matrix_homeserver: Option<String>,
    matrix_user: Option<String>,
    matrix_password: Option<String>,
    matrix_store: Option<PathBuf>,
    matrix_store_passphrase: Option<String>,
    matrix_clerk_room: Option<String>,
    matrix_clerks: Option<String>,
    video_provider: Option<String>,
    video_base_url: Option<String>,
    http_bind: Option<String>,
    metrics_bind: Option<String>,
    admin_token: Option<String>,
    clerk_lease_seconds: Option<u32>,
    telegram_payment_token: Option<String>,
    payment_provider: Option<String>,
    stripe_secret_key: Option<String>,
    stripe_webhook_secret: Option<String>,
    stripe_api_url: Option<String>,
    payment_return_url: Option<String>,
    web_origins: Option<String>,
    web_trusted_proxies: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    public_url: Option<String>,
    oidc_issuer: Option<String>,
    oidc_client_id: Option<String>,
    oidc_client_secret: Option<String>,
    oidc_roles_claim: Option<String>,
    oidc_groups: Option<String>,
    oidc_scopes: Option<String>,
    documents_key: Option<String>,
}

/// The shortest admin token accepted.
pub const MIN_ADMIN_TOKEN: usize = 32;

/// A hosted-payment provider (`SCHALTER_PAYMENT_PROVIDER`).
#[derive(Clone)]
pub enum PaymentConfig {
    Stripe {
        secret_key: String,
        webhook_secret: String,
        api_url: String,
        /// Where Stripe sends the citizen after paying or cancelling.
        return_url: String,
    },
}

impl std::fmt::Debug for PaymentConfig {
    /// Secrets stay out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PaymentConfig::Stripe {
                api_url,
                return_url,
                ..
            } => f
                .debug_struct("Stripe")
                .field("api_url", api_url)
                .field("return_url", return_url)
                .finish_non_exhaustive(),
        }
    }
}

/// Where a file comes from: set explicitly (must exist), or the default (used if present,
/// otherwise the copy built into the binary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Explicit(PathBuf),
    Default(PathBuf),
}

impl Source {
    /// The file to read, or `None` to use the built-in copy.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Explicit(p) => Some(p),
            Source::Default(p) => p.exists().then_some(p.as_path()),
        }
    }
}

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub catalog: Source,
    pub locales_dir: Source,
    pub timezone: Tz,
    pub telegram_token: Option<String>,
    pub telegram_api_url: Option<String>,
    pub telegram_webhook_url: Option<String>,
    pub matrix_homeserver: Option<String>,
    pub matrix_user: Option<String>,
    pub matrix_password: Option<String>,
    pub matrix_store: PathBuf,
    /// Encrypts the Matrix state and crypto store at rest.
    pub matrix_store_passphrase: Option<String>,
    pub matrix_clerk_room: Option<String>,
    pub matrix_clerks: Vec<String>,
    pub video_provider: String,
    pub video_base_url: Option<String>,
    /// `SCHALTER_PUBLIC_URL`: where citizens reach this server (the links in mails, the
    /// device check's links), without a trailing `/`.
    pub public_url: Option<String>,
    pub http_bind: String,
    /// Where `/metrics` is served apart from the public routes (`None`: on `http_bind`).
    pub metrics_bind: Option<String>,
    pub admin_token: Option<String>,
    /// How long a clerk keeps a called citizen (and counts as on duty) without a sign of
    /// life from their desk; desks renew it four times as often. Default 120 s.
    pub clerk_lease: chrono::Duration,
    /// BotFather's payment provider token: Telegram citizens pay by native invoice.
    pub telegram_payment_token: Option<String>,
    /// The hosted-payment provider for Matrix and terminal citizens.
    pub payment: Option<PaymentConfig>,
    /// Demos and end-to-end tests only: the clock starts at this moment (RFC 3339).
    pub clock_start: Option<chrono::DateTime<chrono::Utc>>,
    /// Origins of the city's pages that embed the web chat (`SCHALTER_WEB_ORIGINS`).
    pub web_origins: Vec<String>,
    /// Proxies whose `X-Forwarded-For`/`-Proto` the web chat believes
    /// (`SCHALTER_WEB_TRUSTED_PROXIES`, IP addresses).
    pub web_trusted_proxies: Vec<ipnet::IpNet>,
    /// E-mail for web citizens, when the city's relay is configured.
    pub mail: Option<MailConfig>,
    /// Staff sign-in through the city's identity provider (`SCHALTER_OIDC_*`); without one,
    /// staff sign in with local accounts (`schalter staff add`).
    pub oidc: Option<OidcConfig>,
    /// `SCHALTER_DOCUMENTS_KEY`: the 256-bit key the documents citizens send are sealed with
    /// (checked here, 64 hex digits). Without it, see [`crate::app::documents_key`].
    pub documents_key: Option<String>,
}

/// The city's OpenID Connect provider for staff sign-in.
#[derive(Clone)]
pub struct OidcConfig {
    /// `SCHALTER_OIDC_ISSUER`: discovery reads `<issuer>/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// `SCHALTER_OIDC_ROLES_CLAIM` (default `groups`): the ID token's claim with the person's
    /// groups; a dotted path reaches into objects (`realm_access.roles`).
    pub roles_claim: String,
    /// `SCHALTER_OIDC_GROUPS`: `group=role role;group=role`, e.g.
    /// `bürgeramt-übersetzung-ar=translator:ar;datenschutz=data-protection`. A group named
    /// like a role is that role without a line here.
    pub groups: Vec<(String, schalter_core::staff::Roles)>,
    /// `SCHALTER_OIDC_SCOPES`: scopes asked for besides `openid profile` (e.g. `groups`, if the
    /// provider only puts the groups in a token when asked).
    pub scopes: Vec<String>,
    /// `SCHALTER_PUBLIC_URL`: the redirect URI is `<public url>/admin/callback`.
    pub public_url: String,
}

impl std::fmt::Debug for OidcConfig {
    /// Never the client secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcConfig")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("roles_claim", &self.roles_claim)
            .field("groups", &self.groups.len())
            .field("scopes", &self.scopes)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

/// The city's mail relay (`SCHALTER_SMTP_URL`, `SCHALTER_MAIL_FROM`) and where the links in
/// mails lead (`SCHALTER_PUBLIC_URL`).
#[derive(Clone)]
pub struct MailConfig {
    /// lettre's URL: `smtps://user:pass@relay:465`, `smtp://user:pass@relay:587?tls=required`
    /// (`smtp://` without `tls` is unencrypted: for a relay on the same host only).
    pub smtp_url: String,
    /// The sender, e.g. `Bürgeramt Heidelberg <termine@heidelberg.de>`.
    pub from: String,
    /// How citizens reach `schalter serve`: `https://termine.example.org`.
    pub public_url: String,
}

impl std::fmt::Debug for MailConfig {
    /// The relay's URL may carry a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp_url", &schalter_core::redact_url(&self.smtp_url))
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl std::fmt::Debug for Config {
    /// Secrets stay out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field(
                "database_url",
                &schalter_core::redact_url(&self.database_url),
            )
            .field("catalog", &self.catalog)
            .field("locales_dir", &self.locales_dir)
            .field("timezone", &self.timezone)
            .field("telegram", &self.telegram_token.is_some())
            .field("telegram_api_url", &self.telegram_api_url)
            .field("telegram_webhook_url", &self.telegram_webhook_url)
            .field("matrix_homeserver", &self.matrix_homeserver)
            .field("matrix_user", &self.matrix_user)
            .field(
                "matrix_password",
                &self.matrix_password.as_ref().map(|_| "***"),
            )
            .field("matrix_store", &self.matrix_store)
            .field("matrix_clerk_room", &self.matrix_clerk_room)
            .field("matrix_clerks", &self.matrix_clerks.len())
            .field("video_provider", &self.video_provider)
            .field("video_base_url", &self.video_base_url)
            .field("http_bind", &self.http_bind)
            .field("metrics_bind", &self.metrics_bind)
            .field("admin_api", &self.admin_token.is_some())
            .field("clerk_lease", &self.clerk_lease)
            .field("telegram_payments", &self.telegram_payment_token.is_some())
            .field("payment", &self.payment)
            .field("clock_start", &self.clock_start)
            .field("web_origins", &self.web_origins)
            .field("web_trusted_proxies", &self.web_trusted_proxies)
            .field("mail", &self.mail)
            .field("oidc", &self.oidc)
            .finish()
    }
}

impl Config {
    /// Reads `file` (or `schalter.toml` if present) and applies the environment on top.
    pub fn load(file: Option<&Path>) -> Result<Self> {
        Self::from_sources(file, |name| std::env::var(name).ok())
    }

    pub fn from_sources(file: Option<&Path>, env: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let file_config = match file {
            Some(path) => read_file(path)?,
            None if Path::new(DEFAULT_CONFIG_FILE).exists() => {
                read_file(Path::new(DEFAULT_CONFIG_FILE))?
            }
            None => FileConfig::default(),
        };
        let var = |name: &str, from_file: Option<String>| {
            env(&format!("SCHALTER_{name}"))
                .filter(|v| !v.trim().is_empty())
                .or(from_file)
        };
        let f = file_config;
        let timezone_name = var("TIMEZONE", f.timezone).unwrap_or_else(|| "Europe/Berlin".into());
        let timezone: Tz = timezone_name.parse().map_err(|_| {
            anyhow::anyhow!(
                "SCHALTER_TIMEZONE `{timezone_name}` is not an IANA time zone like Europe/Berlin"
            )
        })?;
        let source = |name: &str, from_file: Option<PathBuf>, default: &str| match var(
            name,
            from_file.map(|p| p.display().to_string()),
        ) {
            Some(p) => Source::Explicit(PathBuf::from(p)),
            None => Source::Default(PathBuf::from(default)),
        };
        let video_provider =
            var("VIDEO_PROVIDER", f.video_provider).unwrap_or_else(|| "jitsi".into());
        if !matches!(video_provider.as_str(), "jitsi" | "element-call") {
            bail!(
                "SCHALTER_VIDEO_PROVIDER must be `jitsi` or `element-call`, not `{video_provider}`"
            );
        }
        let clerk_lease = match var(
            "CLERK_LEASE_SECONDS",
            f.clerk_lease_seconds.map(|s| s.to_string()),
        ) {
            None => schalter_core::queue::LEASE,
            Some(v) => match v.trim().parse::<i64>() {
                Ok(s) if (4..=3600).contains(&s) => chrono::Duration::seconds(s),
                _ => bail!(
                    "SCHALTER_CLERK_LEASE_SECONDS must be a number of seconds from 4 to 3600, not `{v}`"
                ),
            },
        };
        let http_bind =
            var("HTTP_BIND", f.http_bind.clone()).unwrap_or_else(|| "127.0.0.1:8080".into());
        let metrics_bind = var("METRICS_BIND", f.metrics_bind.clone());
        if metrics_bind.as_deref() == Some(http_bind.as_str()) {
            bail!(
                "SCHALTER_METRICS_BIND must differ from SCHALTER_HTTP_BIND ({http_bind}): leave it \
                 unset to serve /metrics with the other routes"
            );
        }
        let payment = match var("PAYMENT_PROVIDER", f.payment_provider).as_deref() {
            None => None,
            Some("stripe") => {
                let secret_key =
                    var("STRIPE_SECRET_KEY", f.stripe_secret_key).ok_or_else(|| {
                        anyhow::anyhow!(
                            "SCHALTER_PAYMENT_PROVIDER=stripe needs SCHALTER_STRIPE_SECRET_KEY"
                        )
                    })?;
                let webhook_secret = var("STRIPE_WEBHOOK_SECRET", f.stripe_webhook_secret)
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "SCHALTER_PAYMENT_PROVIDER=stripe needs SCHALTER_STRIPE_WEBHOOK_SECRET \
                             (the signing secret of the /payments/stripe endpoint)"
                        )
                    })?;
                let matrix_user = var("MATRIX_USER", f.matrix_user.clone());
                let return_url = var("PAYMENT_RETURN_URL", f.payment_return_url)
                    // The bot's Matrix link, if its full id is known.
                    .or_else(|| {
                        matrix_user
                            .filter(|u| u.starts_with('@') && u.contains(':'))
                            .map(|u| format!("https://matrix.to/#/{u}"))
                    })
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "SCHALTER_PAYMENT_PROVIDER=stripe needs SCHALTER_PAYMENT_RETURN_URL \
                             (where citizens land after paying), or SCHALTER_MATRIX_USER as a \
                             full id like @buergeramt:example.org"
                        )
                    })?;
                Some(PaymentConfig::Stripe {
                    secret_key,
                    webhook_secret,
                    api_url: var("STRIPE_API_URL", f.stripe_api_url)
                        .unwrap_or_else(|| "https://api.stripe.com".into()),
                    return_url,
                })
            }
            Some(other) => bail!("SCHALTER_PAYMENT_PROVIDER must be `stripe`, not `{other}`"),
        };
        let web_origins = parse_origins(&var("WEB_ORIGINS", f.web_origins).unwrap_or_default())
            .map_err(|e| anyhow::anyhow!("SCHALTER_WEB_ORIGINS: {e}"))?;
        let web_trusted_proxies = var("WEB_TRUSTED_PROXIES", f.web_trusted_proxies)
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                // A single address is the network of just that address.
                s.parse::<ipnet::IpNet>()
                    .or_else(|_| s.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| {
                        anyhow::anyhow!(
                            "SCHALTER_WEB_TRUSTED_PROXIES: `{s}` is neither an IP address nor a \
                             network (e.g. 10.0.0.1 or 10.244.0.0/16)"
                        )
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            web_origins,
            web_trusted_proxies,
            oidc: oidc_config(
                var("OIDC_ISSUER", f.oidc_issuer),
                var("OIDC_CLIENT_ID", f.oidc_client_id),
                var("OIDC_CLIENT_SECRET", f.oidc_client_secret),
                var("OIDC_ROLES_CLAIM", f.oidc_roles_claim),
                var("OIDC_GROUPS", f.oidc_groups),
                var("OIDC_SCOPES", f.oidc_scopes),
                var("PUBLIC_URL", f.public_url.clone()),
            )?,
            public_url: var("PUBLIC_URL", f.public_url.clone())
                .map(|u| u.trim().trim_end_matches('/').to_owned())
                .filter(|u| !u.is_empty()),
            mail: mail_config(
                var("SMTP_URL", f.smtp_url),
                var("MAIL_FROM", f.mail_from),
                var("PUBLIC_URL", f.public_url),
            )?,
            telegram_payment_token: var("TELEGRAM_PAYMENT_TOKEN", f.telegram_payment_token),
            documents_key: match var("DOCUMENTS_KEY", f.documents_key) {
                Some(k) if schalter_core::documents::DocumentKey::from_hex(&k).is_err() => bail!(
                    "SCHALTER_DOCUMENTS_KEY must be 64 hexadecimal digits (256 bits), e.g. from \
                     `openssl rand -hex 32`"
                ),
                k => k,
            },
            payment,
            clerk_lease,
            database_url: var("DATABASE_URL", f.database_url)
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            catalog: source("CATALOG", f.catalog, DEFAULT_CATALOG),
            locales_dir: source("LOCALES_DIR", f.locales_dir, DEFAULT_LOCALES_DIR),
            timezone,
            telegram_token: var("TELEGRAM_TOKEN", f.telegram_token),
            telegram_api_url: var("TELEGRAM_API_URL", f.telegram_api_url),
            telegram_webhook_url: var("TELEGRAM_WEBHOOK_URL", f.telegram_webhook_url),
            matrix_homeserver: var("MATRIX_HOMESERVER", f.matrix_homeserver),
            matrix_user: var("MATRIX_USER", f.matrix_user),
            matrix_password: var("MATRIX_PASSWORD", f.matrix_password),
            matrix_store: var(
                "MATRIX_STORE",
                f.matrix_store.map(|p| p.display().to_string()),
            )
            .map_or_else(|| PathBuf::from("./matrix-store"), PathBuf::from),
            matrix_store_passphrase: var("MATRIX_STORE_PASSPHRASE", f.matrix_store_passphrase),
            matrix_clerk_room: var("MATRIX_CLERK_ROOM", f.matrix_clerk_room),
            matrix_clerks: var("MATRIX_CLERKS", f.matrix_clerks)
                .map(|s| {
                    s.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            video_provider,
            video_base_url: var("VIDEO_BASE_URL", f.video_base_url),
            http_bind,
            metrics_bind,
            admin_token: match var("ADMIN_TOKEN", f.admin_token) {
                // Anything that grants access carries at least 128 random bits.
                Some(t) if t.trim().chars().count() < MIN_ADMIN_TOKEN => bail!(
                    "SCHALTER_ADMIN_TOKEN is too short: use at least {MIN_ADMIN_TOKEN} random \
                     characters, e.g. `openssl rand -hex 32`"
                ),
                t => t,
            },
            clock_start: match env("SCHALTER_CLOCK_START").filter(|v| !v.trim().is_empty()) {
                Some(v) => Some(
                    chrono::DateTime::parse_from_rfc3339(v.trim())
                        .map_err(|_| anyhow::anyhow!("SCHALTER_CLOCK_START `{v}` is not an RFC 3339 time like 2027-02-02T08:25:00+01:00"))?
                        .with_timezone(&chrono::Utc),
                ),
                None => None,
            },
        })
    }
}

/// Sign-in through a provider is on when its issuer is named; then the client and the public
/// address must be too (the redirect URI cannot come from a request's `Host`).
fn oidc_config(
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    roles_claim: Option<String>,
    groups: Option<String>,
    scopes: Option<String>,
    public_url: Option<String>,
) -> Result<Option<OidcConfig>> {
    let Some(issuer) = issuer.map(|i| i.trim().trim_end_matches('/').to_owned()) else {
        return Ok(None);
    };
    let parsed = url::Url::parse(&issuer)
        .map_err(|_| anyhow::anyhow!("SCHALTER_OIDC_ISSUER `{issuer}` is not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!("SCHALTER_OIDC_ISSUER `{issuer}` is not an http(s) address");
    }
    let (Some(client_id), Some(client_secret)) = (client_id, client_secret) else {
        bail!(
            "SCHALTER_OIDC_ISSUER is set: set SCHALTER_OIDC_CLIENT_ID and SCHALTER_OIDC_CLIENT_SECRET too (the client registered at the provider)"
        );
    };
    let Some(public_url) = public_url.map(|u| u.trim().trim_end_matches('/').to_owned()) else {
        bail!(
            "SCHALTER_OIDC_ISSUER is set: set SCHALTER_PUBLIC_URL too (e.g. https://termine.example.org); the provider sends staff back to <it>/admin/callback"
        );
    };
    let mut mapped = Vec::new();
    for line in groups.as_deref().unwrap_or_default().split(';') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((group, roles)) = line.split_once('=') else {
            bail!("SCHALTER_OIDC_GROUPS: `{line}` is not group=role");
        };
        let roles = schalter_core::staff::Roles::parse(roles)
            .map_err(|e| anyhow::anyhow!("SCHALTER_OIDC_GROUPS: {e}"))?;
        mapped.push((group.trim().to_owned(), roles));
    }
    Ok(Some(OidcConfig {
        issuer,
        client_id: client_id.trim().to_owned(),
        client_secret,
        roles_claim: roles_claim.unwrap_or_else(|| "groups".to_owned()),
        groups: mapped,
        scopes: scopes
            .unwrap_or_default()
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        public_url,
    }))
}

/// E-mail is on when the relay is named; then the sender and the public address must be too
/// (a mail's links cannot come from a request's `Host`, which a sender could forge).
fn mail_config(
    smtp_url: Option<String>,
    from: Option<String>,
    public_url: Option<String>,
) -> Result<Option<MailConfig>> {
    let Some(smtp_url) = smtp_url.filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    if !(smtp_url.starts_with("smtp://") || smtp_url.starts_with("smtps://")) {
        bail!("SCHALTER_SMTP_URL must start with smtp:// or smtps://");
    }
    let Some(from) = from.filter(|f| !f.trim().is_empty()) else {
        bail!(
            "SCHALTER_SMTP_URL is set: set SCHALTER_MAIL_FROM too (e.g. `Bürgeramt <termine@example.org>`)"
        );
    };
    let Some(public_url) = public_url.filter(|u| !u.trim().is_empty()) else {
        bail!(
            "SCHALTER_SMTP_URL is set: set SCHALTER_PUBLIC_URL too, the address citizens reach this server at (e.g. https://termine.example.org), for the links in mails"
        );
    };
    let parsed = url::Url::parse(public_url.trim())
        .map_err(|_| anyhow::anyhow!("SCHALTER_PUBLIC_URL `{public_url}` is not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        bail!("SCHALTER_PUBLIC_URL `{public_url}` is not an http(s) address");
    }
    Ok(Some(MailConfig {
        smtp_url: smtp_url.trim().to_owned(),
        from: from.trim().to_owned(),
        public_url: public_url.trim().trim_end_matches('/').to_owned(),
    }))
}

/// `SCHALTER_WEB_ORIGINS`: comma-separated origins, each as a browser sends it in `Origin`
/// (`scheme://host[:port]`, lower case, nothing after it).
fn parse_origins(list: &str) -> Result<Vec<String>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| {
            let url = url::Url::parse(o).map_err(|_| format!("`{o}` is not an origin"))?;
            match url.origin() {
                url::Origin::Tuple(..) if matches!(url.path(), "" | "/") => {
                    Ok(url.origin().ascii_serialization())
                }
                _ => Err(format!(
                    "`{o}` is not an origin (scheme://host[:port], nothing after it)"
                )),
            }
        })
        .collect()
}

fn read_file(path: &Path) -> Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read configuration file {}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let (line, col) = schalter_core::location::line_col(&text, e.span().map_or(0, |s| s.start));
        anyhow::anyhow!("{}:{line}:{col}: {}", path.display(), e.message().trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_origins_are_origins() {
        assert_eq!(
            parse_origins("https://www.Heidelberg.de, http://localhost:8000/").unwrap(),
            ["https://www.heidelberg.de", "http://localhost:8000"]
        );
        assert!(parse_origins("https://a.example/path").is_err());
        assert!(parse_origins("not an origin").is_err());
        assert_eq!(parse_origins(" ").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn environment_overrides_the_file() {
        let dir = std::env::temp_dir().join(format!("schalter-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("schalter.toml");
        std::fs::write(
            &file,
            "database_url = \"sqlite://file.db\"\ntimezone = \"Europe/Vienna\"\n",
        )
        .unwrap();
        let c = Config::from_sources(Some(&file), |name| {
            (name == "SCHALTER_DATABASE_URL").then(|| "postgres://db/x".to_owned())
        })
        .unwrap();
        assert_eq!(c.database_url, "postgres://db/x");
        assert_eq!(c.timezone, chrono_tz::Europe::Vienna);
        assert_eq!(c.catalog, Source::Default(PathBuf::from(DEFAULT_CATALOG)));
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let err = Config::from_sources(None, |name| {
            (name == "SCHALTER_TIMEZONE").then(|| "Mars/Olympus".to_owned())
        })
        .err()
        .unwrap();
        assert!(err.to_string().contains("Mars/Olympus"));
        let dir = std::env::temp_dir().join(format!("schalter-config-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("schalter.toml");
        std::fs::write(&file, "databse_url = \"x\"\n").unwrap();
        let err = Config::from_sources(Some(&file), |_| None).err().unwrap();
        assert!(err.to_string().contains("schalter.toml:1:1"), "{err}");
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        let c = with(&[(
            "SCHALTER_WEB_TRUSTED_PROXIES",
            "127.0.0.1, 10.244.0.0/16, ::1",
        )])
        .unwrap();
        let shown: Vec<String> = c
            .web_trusted_proxies
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(shown, ["127.0.0.1/32", "10.244.0.0/16", "::1/128"]);
        let err = with(&[("SCHALTER_WEB_TRUSTED_PROXIES", "10.0.0.0/33")])
            .err()
            .unwrap();
        assert!(err.to_string().contains("`10.0.0.0/33`"), "{err}");
    }

    #[test]
    fn metrics_apart_needs_an_address_of_its_own() {
        let c = with(&[("SCHALTER_METRICS_BIND", "127.0.0.1:9464")]).unwrap();
        assert_eq!(c.metrics_bind.as_deref(), Some("127.0.0.1:9464"));
        assert_eq!(with(&[]).unwrap().metrics_bind, None);
        let err = with(&[
            ("SCHALTER_HTTP_BIND", "0.0.0.0:8080"),
            ("SCHALTER_METRICS_BIND", "0.0.0.0:8080"),
        ])
        .err()
        .unwrap();
        assert!(err.to_string().contains("SCHALTER_METRICS_BIND"), "{err}");
    }

    fn with(vars: &[(&str, &str)]) -> Result<Config> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_sources(None, move |name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn a_documents_key_must_be_256_bits_of_hex() {
        let err = with(&[("SCHALTER_DOCUMENTS_KEY", "secret")]).unwrap_err();
        assert!(err.to_string().contains("64 hexadecimal digits"), "{err}");
        let key = "0123456789abcdef".repeat(4);
        let config = with(&[("SCHALTER_DOCUMENTS_KEY", &key)]).unwrap();
        assert_eq!(config.documents_key.as_deref(), Some(key.as_str()));
        assert!(!format!("{config:?}").contains(&key));
    }

    #[test]
    fn a_short_admin_token_is_refused() {
        let err = with(&[("SCHALTER_ADMIN_TOKEN", "secret")]).unwrap_err();
        assert!(err.to_string().contains("too short"), "{err}");
        let token = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            with(&[("SCHALTER_ADMIN_TOKEN", token)])
                .unwrap()
                .admin_token
                .as_deref(),
            Some(token)
        );
        assert!(with(&[]).unwrap().admin_token.is_none());
    }

    #[test]
    fn stripe_needs_its_secrets_and_a_return_url() {
        let stripe = [
            ("SCHALTER_PAYMENT_PROVIDER", "stripe"),
            ("SCHALTER_STRIPE_SECRET_KEY", "sk_test_x"),
            ("SCHALTER_STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ];
        let err = with(&stripe).unwrap_err();
        assert!(
            err.to_string().contains("SCHALTER_PAYMENT_RETURN_URL"),
            "{err}"
        );
        let mut full = stripe.to_vec();
        full.push(("SCHALTER_MATRIX_USER", "@amt:example.org"));
        let c = with(&full).unwrap();
        let Some(PaymentConfig::Stripe {
            return_url,
            api_url,
            ..
        }) = &c.payment
        else {
            panic!("stripe configured");
        };
        assert_eq!(return_url, "https://matrix.to/#/@amt:example.org");
        assert_eq!(api_url, "https://api.stripe.com");
        assert!(
            !format!("{c:?}").contains("sk_test_x"),
            "no secret in Debug"
        );
        assert!(with(&stripe[..2]).is_err(), "the webhook secret is needed");
        assert!(with(&[("SCHALTER_PAYMENT_PROVIDER", "paypal")]).is_err());
    }
}
