//! Staff who sign in as themselves: a role per task, the person every admin action is
//! recorded under, and what proves who they are — a session opened after the city's identity
//! provider (or a local account's password) said so, or an API token made for a script.
//!
//! - [`Role`] and [`Grant`]: the tasks (`translator`, limited to a locale as `translator:ar`,
//!   `catalogue-editor`, `queue-supervisor`, `data-protection`, `operator`); [`Roles`] a set.
//! - [`Person`]: who acts, as the audit log names them: a stable subject and a display name,
//!   both from what proved who they are, never from a request.
//! - [`Staff`]: the service over the store: sessions (idle and absolute expiry, their secrets
//!   kept as SHA-256 only), sign-ins under way at the identity provider, API tokens (shown
//!   once, kept hashed, revocable, with their last use) and local accounts (Argon2id, locked
//!   for a while after repeated wrong passwords).
//!
//! The admin API (an adapter) decides from a [`Roles`] what a caller may do; the protocol
//! (OpenID Connect, cookies, CSRF) is the adapter's too.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::EngineError;
use crate::i18n::Lang;
use crate::office::Office;
use crate::store::Store;
pub use crate::store::{AccountRow, ApiTokenRow, PendingLogin, SessionRow};

/// A session unused this long ends.
pub const SESSION_IDLE: Duration = Duration::minutes(30);
/// A session ends this long after sign-in, used or not: a working day.
pub const SESSION_MAX: Duration = Duration::hours(10);
/// How long a sign-in at the identity provider may take.
pub const LOGIN_WAIT: Duration = Duration::minutes(10);
/// Wrong passwords in a row after which a local account is locked for [`LOCK_TIME`].
pub const MAX_FAILED_LOGINS: i64 = 5;
pub const LOCK_TIME: Duration = Duration::minutes(15);
/// The shortest password a local account takes.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest life of an API token, in days.
pub const MAX_TOKEN_DAYS: u32 = 366;
/// The longest name of a person or token kept, in characters.
const MAX_NAME_CHARS: usize = 100;
/// A session's last use is written at most this often (not on every request).
const TOUCH_EVERY: Duration = Duration::seconds(30);

/// A task on the admin page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Edits the texts of the locales granted (all when none is named).
    Translator,
    /// Replaces the service catalogue.
    CatalogueEditor,
    /// Watches the live queue and the payments.
    QueueSupervisor,
    /// Reads and exports the audit log, erases a citizen's data.
    DataProtection,
    /// Health, metrics and configuration views; sees and revokes every API token.
    Operator,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Translator,
        Role::CatalogueEditor,
        Role::QueueSupervisor,
        Role::DataProtection,
        Role::Operator,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Translator => "translator",
            Role::CatalogueEditor => "catalogue-editor",
            Role::QueueSupervisor => "queue-supervisor",
            Role::DataProtection => "data-protection",
            Role::Operator => "operator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A role, for a translator perhaps limited to one locale (`translator:ar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Grant {
    pub role: Role,
    /// Only for [`Role::Translator`]: the one locale granted; `None`: every locale.
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    #[error(
        "unknown role `{0}`: use translator, translator:LANG, catalogue-editor, \
         queue-supervisor, data-protection or operator"
    )]
    Unknown(String),
    #[error("`{0}`: no such locale for a translator")]
    UnknownLocale(String),
    #[error("`{0}`: only a translator is limited to a locale")]
    NotPerLocale(String),
}

impl FromStr for Grant {
    type Err = RoleError;

    fn from_str(s: &str) -> Result<Self, RoleError> {
        let (role, lang) = match s.split_once(':') {
            Some((role, lang)) => (role, Some(lang)),
            None => (s, None),
        };
        let role = Role::from_code(role).ok_or_else(|| RoleError::Unknown(s.to_owned()))?;
        let lang = match lang {
            None => None,
            Some(_) if role != Role::Translator => return Err(RoleError::NotPerLocale(s.into())),
            Some(code) => Some(
                Lang::from_tag(code)
                    .filter(|l| l.code() == code)
                    .ok_or_else(|| RoleError::UnknownLocale(s.to_owned()))?,
            ),
        };
        Ok(Grant { role, lang })
    }
}

impl fmt::Display for Grant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lang {
            Some(lang) => write!(f, "{}:{}", self.role.code(), lang.code()),
            None => f.write_str(self.role.code()),
        }
    }
}

impl Serialize for Grant {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a person may do: a set of [`Grant`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Roles(BTreeSet<Grant>);

impl Roles {
    /// Every role, translating every locale: what the single admin token of earlier versions
    /// could do.
    pub fn every() -> Roles {
        Roles(
            Role::ALL
                .into_iter()
                .map(|role| Grant { role, lang: None })
                .collect(),
        )
    }

    /// Grants separated by spaces or commas (`translator:ar, operator`).
    pub fn parse(text: &str) -> Result<Roles, RoleError> {
        text.split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<BTreeSet<Grant>, _>>()
            .map(Roles)
    }

    pub fn from_grants(grants: impl IntoIterator<Item = Grant>) -> Roles {
        Roles(grants.into_iter().collect())
    }

    pub fn grants(&self) -> impl Iterator<Item = &Grant> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Has `role`, for a translator in any locale.
    pub fn has(&self, role: Role) -> bool {
        self.0.iter().any(|g| g.role == role)
    }

    /// May edit the texts of `lang`.
    pub fn may_translate(&self, lang: Lang) -> bool {
        self.0
            .iter()
            .any(|g| g.role == Role::Translator && g.lang.is_none_or(|l| l == lang))
    }

    /// Everything `other` allows is allowed here too (no one hands out more than they have).
    pub fn covers(&self, other: &Roles) -> bool {
        other.0.iter().all(|g| match g.lang {
            Some(lang) if g.role == Role::Translator => self.may_translate(lang),
            _ => self.0.contains(&Grant {
                role: g.role,
                lang: None,
            }),
        })
    }
}

impl fmt::Display for Roles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, g) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{g}")?;
        }
        Ok(())
    }
}

/// Who acts: as the audit log names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Stable and unique: `oidc:<issuer>#<sub>`, `local:<name>`, `token:<id>`, `admin-token`.
    pub subject: String,
    /// What people read: the provider's display name, the account's or the token's name.
    pub name: String,
}

impl Person {
    /// A person with both parts cut to a safe length and without control characters; the
    /// name falls back to the subject when blank.
    pub fn new(subject: &str, name: &str) -> Person {
        let clean = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_control())
                .take(MAX_NAME_CHARS * 4)
                .collect::<String>()
                .trim()
                .to_owned()
        };
        let subject = clean(subject);
        let name = clean(name);
        let name = if name.is_empty() {
            subject.clone()
        } else {
            name
        };
        Person {
            name: name.chars().take(MAX_NAME_CHARS).collect(),
            subject,
        }
    }

    /// Whoever holds `SCHALTER_ADMIN_TOKEN` (kept working for scripts of earlier versions).
    pub fn admin_token() -> Person {
        Person::new("admin-token", "SCHALTER_ADMIN_TOKEN")
    }

    /// A local account's holder.
    pub fn local(name: &str) -> Person {
        Person::new(&format!("local:{name}"), name)
    }
}

/// A signed-in person's session, as the admin API sees it.
#[derive(Debug, Clone)]
pub struct Session {
    pub person: Person,
    pub roles: Roles,
    /// Sent back by the page with every change: a cross-site request cannot know it.
    pub csrf: String,
    pub expires_at: DateTime<Utc>,
}

/// An API token as listed (never its secret).
#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub roles: Roles,
    /// The maker's display name and subject.
    pub created_by: String,
    pub created_by_subject: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

impl ApiToken {
    /// The token's holder, as the audit log names it.
    pub fn person(&self) -> Person {
        Person::new(&format!("token:{}", self.id), &self.name)
    }
}

/// How a local sign-in went.
#[derive(Debug, Clone)]
pub enum LocalSignIn {
    Welcome(Person, Roles),
    /// Unknown name or wrong password (which one is not said).
    Refused,
    /// Too many wrong passwords: try again after this.
    Locked(DateTime<Utc>),
}

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("an account named `{0}` exists already")]
    Exists(String),
    #[error("no account named `{0}`")]
    NoSuchAccount(String),
    #[error("a name is 1 to 100 letters, digits, `.`, `-` or `_`")]
    BadName,
    #[error("a password has at least {MIN_PASSWORD_CHARS} characters")]
    WeakPassword,
    #[error("an account needs at least one role")]
    NoRole,
    #[error(transparent)]
    Role(#[from] RoleError),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl From<crate::store::StoreError> for StaffError {
    fn from(e: crate::store::StoreError) -> Self {
        StaffError::Engine(e.into())
    }
}

/// A secret of 256 random bits, as 64 hex digits.
fn secret() -> String {
    hex::encode(rand::rng().random::<[u8; 32]>())
}

/// What is kept of a secret: its SHA-256, as hex.
fn hashed(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// The prefix of every API token (so that secret scanners and people recognise one).
pub const TOKEN_PREFIX: &str = "schalter_";

fn valid_account_name(name: &str) -> bool {
    (1..=MAX_NAME_CHARS).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Argon2id with the crate's default cost (19 MiB, 2 passes: OWASP's recommendation).
fn hash_password(password: &str) -> Result<String, EngineError> {
    let salt = SaltString::encode_b64(&rand::rng().random::<[u8; 16]>())
        .map_err(|e| EngineError::Internal(format!("salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| EngineError::Internal(format!("password hash: {e}")))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash no password matches, verified for an unknown name so that its answer takes as long
/// as a known one's.
static DECOY: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password(&secret()).unwrap_or_default());

/// The staff service; see the module.
#[derive(Clone)]
pub struct Staff {
    office: Office,
    store: Store,
}

impl Staff {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self { office, store }
    }

    fn now(&self) -> DateTime<Utc> {
        self.office.now()
    }

    /// Writes the audit log (see `admin` on failures: logged, the change stands).
    async fn record(&self, by: &Person, action: &str, target: &str) {
        if let Err(e) = self
            .store
            .admin()
            .audit(&by.name, &by.subject, action, target, self.now())
            .await
        {
            tracing::warn!(target: "admin", error = %e, "audit entry not written");
        }
    }

    // --- Sessions

    /// Opens a session for `person` with `roles`; returns the secret for the cookie.
    pub async fn open_session(
        &self,
        person: &Person,
        roles: &Roles,
    ) -> Result<(String, Session), EngineError> {
        let now = self.now();
        let secret = secret();
        let row = SessionRow {
            subject: person.subject.clone(),
            name: person.name.clone(),
            roles: roles.to_string(),
            csrf: self::secret(),
            created_at: now,
            seen_at: now,
            expires_at: now + SESSION_MAX,
        };
        self.store
            .staff()
            .open_session(&hashed(&secret), &row)
            .await?;
        self.record(person, "signed-in", &roles.to_string()).await;
        Ok((secret, session_of(row)?))
    }

    /// The session of a cookie's `secret`, if it has not ended; its last use is noted. An
    /// ended one is deleted.
    pub async fn session(&self, secret: &str) -> Result<Option<Session>, EngineError> {
        let now = self.now();
        let hash = hashed(secret);
        let repo = self.store.staff();
        let Some(row) = repo.session(&hash).await? else {
            return Ok(None);
        };
        if row.expires_at <= now || row.seen_at + SESSION_IDLE <= now {
            repo.close_session(&hash).await?;
            return Ok(None);
        }
        if now - row.seen_at >= TOUCH_EVERY {
            repo.touch_session(&hash, now).await?;
        }
        Ok(Some(session_of(row)?))
    }

    /// Ends the session of `secret` (audited as `person`'s sign-out); false if there was none.
    pub async fn close_session(&self, secret: &str, person: &Person) -> Result<bool, EngineError> {
        let closed = self.store.staff().close_session(&hashed(secret)).await?;
        if closed {
            self.record(person, "signed-out", "").await;
        }
        Ok(closed)
    }

    // --- Sign-ins under way at the identity provider

    /// Keeps what the callback of a sign-in must check; returns the secret for the browser's
    /// short-lived cookie that ties the callback to this browser.
    pub async fn begin_login(&self, login: &PendingLogin) -> Result<String, EngineError> {
        let secret = secret();
        self.store
            .staff()
            .begin_login(&hashed(&secret), login, self.now())
            .await?;
        Ok(secret)
    }

    /// Takes (once) the sign-in of the cookie's `secret`, if it began within [`LOGIN_WAIT`].
    pub async fn take_login(&self, secret: &str) -> Result<Option<PendingLogin>, EngineError> {
        let taken = self.store.staff().take_login(&hashed(secret)).await?;
        let now = self.now();
        Ok(taken
            .filter(|(_, began)| *began + LOGIN_WAIT > now)
            .map(|(login, _)| login))
    }

    // --- API tokens

    /// Makes a token named `name` with `roles` for `days`; returns it as listed and its
    /// secret, which is shown once and kept only hashed.
    pub async fn create_token(
        &self,
        name: &str,
        roles: &Roles,
        days: u32,
        by: &Person,
    ) -> Result<(ApiToken, String), EngineError> {
        let now = self.now();
        let secret = format!("{TOKEN_PREFIX}{}", secret());
        let row = ApiTokenRow {
            id: crate::reference::secret_token(),
            name: Person::new(name, name).name,
            roles: roles.to_string(),
            created_by: by.name.clone(),
            created_by_subject: by.subject.clone(),
            created_at: now,
            expires_at: now + Duration::days(i64::from(days.clamp(1, MAX_TOKEN_DAYS))),
            revoked_at: None,
            last_used_at: None,
        };
        self.store
            .staff()
            .create_token(&hashed(&secret), &row)
            .await?;
        let token = token_of(row)?;
        self.record(
            by,
            "token-created",
            &format!("{} {}", token.id, token.roles),
        )
        .await;
        Ok((token, secret))
    }

    /// The token of `secret` if it is neither expired nor revoked; its use is noted.
    pub async fn token(&self, secret: &str) -> Result<Option<ApiToken>, EngineError> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let now = self.now();
        let repo = self.store.staff();
        let Some(row) = repo.token(&hashed(secret)).await? else {
            return Ok(None);
        };
        if row.revoked_at.is_some() || row.expires_at <= now {
            return Ok(None);
        }
        if row.last_used_at.is_none_or(|t| now - t >= TOUCH_EVERY) {
            repo.token_used(&row.id, now).await?;
        }
        Ok(Some(token_of(row)?))
    }

    /// Every token kept, newest first.
    pub async fn tokens(&self) -> Result<Vec<ApiToken>, EngineError> {
        self.store
            .staff()
            .tokens()
            .await?
            .into_iter()
            .map(token_of)
            .collect()
    }

    /// Revokes token `id` (audited as `by`'s); false if there is no such token or it was
    /// revoked already.
    pub async fn revoke_token(&self, id: &str, by: &Person) -> Result<bool, EngineError> {
        let revoked = self.store.staff().revoke_token(id, self.now()).await?;
        if revoked {
            self.record(by, "token-revoked", id).await;
        }
        Ok(revoked)
    }

    // --- Local accounts

    /// Adds a local account.
    pub async fn add_account(
        &self,
        name: &str,
        roles: &Roles,
        password: &str,
    ) -> Result<(), StaffError> {
        if !valid_account_name(name) {
            return Err(StaffError::BadName);
        }
        if roles.is_empty() {
            return Err(StaffError::NoRole);
        }
        if password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(StaffError::WeakPassword);
        }
        let hash = blocking_hash(password).await?;
        let row = AccountRow {
            name: name.to_owned(),
            password_hash: hash,
            roles: roles.to_string(),
            failed_logins: 0,
            locked_until: None,
        };
        if !self.store.staff().add_account(&row, self.now()).await? {
            return Err(StaffError::Exists(name.to_owned()));
        }
        Ok(())
    }

    /// Sets a local account's password (and lifts a lock).
    pub async fn set_password(&self, name: &str, password: &str) -> Result<(), StaffError> {
        if password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(StaffError::WeakPassword);
        }
        let hash = blocking_hash(password).await?;
        if !self.store.staff().set_password(name, &hash).await? {
            return Err(StaffError::NoSuchAccount(name.to_owned()));
        }
        Ok(())
    }

    /// Removes a local account and ends its sessions.
    pub async fn remove_account(&self, name: &str) -> Result<(), StaffError> {
        let repo = self.store.staff();
        if !repo.remove_account(name).await? {
            return Err(StaffError::NoSuchAccount(name.to_owned()));
        }
        repo.close_sessions_of(&Person::local(name).subject).await?;
        Ok(())
    }

    /// `(name, roles)` of every local account.
    pub async fn accounts(&self) -> Result<Vec<(String, Roles)>, EngineError> {
        self.store
            .staff()
            .accounts()
            .await?
            .into_iter()
            .map(|row| Ok((row.name, stored_roles(&row.roles)?)))
            .collect()
    }

    /// Checks a local account's password. Wrong passwords count towards a lock; a locked
    /// account is refused without checking, so that a lock cannot be outwaited by guessing.
    pub async fn sign_in_local(
        &self,
        name: &str,
        password: &str,
    ) -> Result<LocalSignIn, EngineError> {
        let now = self.now();
        let repo = self.store.staff();
        let account = if valid_account_name(name) {
            repo.account(name).await?
        } else {
            None
        };
        let Some(account) = account else {
            blocking_verify(password, DECOY.clone()).await;
            return Ok(LocalSignIn::Refused);
        };
        if let Some(until) = account.locked_until.filter(|t| *t > now) {
            return Ok(LocalSignIn::Locked(until));
        }
        if blocking_verify(password, account.password_hash.clone()).await {
            repo.login_succeeded(name).await?;
            return Ok(LocalSignIn::Welcome(
                Person::local(name),
                stored_roles(&account.roles)?,
            ));
        }
        let lock = (account.failed_logins + 1 >= MAX_FAILED_LOGINS).then(|| now + LOCK_TIME);
        repo.login_failed(name, lock).await?;
        Ok(match lock {
            Some(until) => LocalSignIn::Locked(until),
            None => LocalSignIn::Refused,
        })
    }
}

/// Argon2 takes tens of milliseconds of CPU: off the async workers.
async fn blocking_hash(password: &str) -> Result<String, EngineError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| EngineError::Internal(format!("password hash: {e}")))?
}

async fn blocking_verify(password: &str, hash: String) -> bool {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || password_matches(&password, &hash))
        .await
        .unwrap_or(false)
}

fn stored_roles(text: &str) -> Result<Roles, EngineError> {
    Roles::parse(text).map_err(|e| EngineError::Internal(format!("stored roles: {e}")))
}

fn session_of(row: SessionRow) -> Result<Session, EngineError> {
    Ok(Session {
        person: Person::new(&row.subject, &row.name),
        roles: stored_roles(&row.roles)?,
        csrf: row.csrf,
        expires_at: (row.seen_at + SESSION_IDLE).min(row.expires_at),
    })
}

fn token_of(row: ApiTokenRow) -> Result<ApiToken, EngineError> {
    Ok(ApiToken {
        roles: stored_roles(&row.roles)?,
        id: row.id,
        name: row.name,
        created_by: row.created_by,
        created_by_subject: row.created_by_subject,
        created_at: row.created_at,
        expires_at: row.expires_at,
        revoked_at: row.revoked_at,
        last_used_at: row.last_used_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_and_write_the_same() {
        let roles = Roles::parse("operator, translator:ar translator:tr").unwrap();
        assert_eq!(roles.to_string(), "translator:tr translator:ar operator");
        assert_eq!(Roles::parse(&roles.to_string()).unwrap(), roles);
        assert!(roles.may_translate(Lang::Ar));
        assert!(!roles.may_translate(Lang::De));
        assert!(roles.has(Role::Translator));
        assert!(!roles.has(Role::DataProtection));
    }

    #[test]
    fn unknown_roles_and_locales_are_refused() {
        assert!(matches!(Roles::parse("admin"), Err(RoleError::Unknown(_))));
        assert!(matches!(
            Roles::parse("translator:xx"),
            Err(RoleError::UnknownLocale(_))
        ));
        assert!(matches!(
            Roles::parse("operator:de"),
            Err(RoleError::NotPerLocale(_))
        ));
    }

    #[test]
    fn no_one_hands_out_more_than_they_have() {
        let arabic = Roles::parse("translator:ar").unwrap();
        let every = Roles::every();
        assert!(every.covers(&arabic));
        assert!(arabic.covers(&arabic));
        assert!(!arabic.covers(&Roles::parse("translator").unwrap()));
        assert!(!arabic.covers(&Roles::parse("translator:tr").unwrap()));
        assert!(!arabic.covers(&Roles::parse("operator").unwrap()));
    }

    #[test]
    fn a_person_is_named_safely() {
        let p = Person::new("oidc:x#1", "Ana\u{7}\nB");
        assert_eq!(p.name, "AnaB");
        assert_eq!(Person::new("local:x", " ").name, "local:x");
        assert_eq!(Person::new("s", &"x".repeat(150)).name.chars().count(), 100);
    }

    #[test]
    fn passwords_are_hashed_with_argon2id() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches("correct horse battery", &hash));
        assert!(!password_matches("correct horse batterY", &hash));
        assert!(!password_matches("anything", "not a hash"));
    }
}
