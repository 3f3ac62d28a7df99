//! Sign-in through the city's OpenID Connect provider (Keycloak, the Matrix Authentication
//! Service, Entra ID …): the authorization code flow with PKCE, `state` and `nonce`, by the
//! `openidconnect` crate, which checks the ID token as the specification says (issuer,
//! audience, expiry, signature by the provider's published keys, nonce; `alg: none` and keys
//! the provider did not publish are refused).
//!
//! The provider's metadata and keys are discovered from the issuer and kept for
//! [`METADATA_TTL`], so that a key rotation at the provider is followed within minutes; a
//! callback whose token is signed by a key not (yet) known is checked once more against
//! freshly discovered keys before it is refused.

use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndSessionUrl, IssuerUrl, LogoutRequest,
    Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl, ProviderMetadataWithLogout,
    RedirectUrl, Scope, TokenResponse,
};
use schalter_core::staff::{Grant, PendingLogin, Person, Roles};
use tokio::sync::Mutex;

use crate::config::OidcConfig;

/// How long discovered metadata and keys are used before they are fetched again.
const METADATA_TTL: Duration = Duration::from_secs(300);

/// The provider as configured, with its discovered metadata.
pub struct Oidc {
    config: OidcConfig,
    http: reqwest::Client,
    metadata: Mutex<Option<(Instant, ProviderMetadataWithLogout)>>,
}

/// Where to send the browser, and what the callback must check.
pub struct Start {
    pub url: String,
    pub pending: PendingLogin,
}

/// Why a callback was refused (logged; the person is told to sign in again).
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("the provider answered with an error: {0}")]
    Provider(String),
    #[error("the ID token was refused: {0}")]
    Token(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Oidc {
    pub fn new(config: OidcConfig) -> Result<Self> {
        let http = reqwest::Client::builder()
            // Following redirects would let a provider's answer send us anywhere (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .context("HTTP client for the identity provider")?;
        Ok(Self {
            config,
            http,
            metadata: Mutex::new(None),
        })
    }

    /// Whether `iss` names the configured issuer (a trailing `/` aside).
    pub fn is_issuer(&self, iss: &str) -> bool {
        iss.trim_end_matches('/') == self.config.issuer
    }

    fn redirect_url(&self) -> Result<RedirectUrl> {
        Ok(RedirectUrl::new(format!(
            "{}/admin/callback",
            self.config.public_url
        ))?)
    }

    async fn metadata(&self, fresh: bool) -> Result<ProviderMetadataWithLogout> {
        let mut cached = self.metadata.lock().await;
        if !fresh
            && let Some((at, m)) = cached.as_ref()
            && at.elapsed() < METADATA_TTL
        {
            return Ok(m.clone());
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone())?;
        let m = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| anyhow!("discovery at {} failed: {e}", self.config.issuer))?;
        *cached = Some((Instant::now(), m.clone()));
        Ok(m)
    }

    fn client(
        &self,
        metadata: ProviderMetadataWithLogout,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
    > {
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_redirect_uri(self.redirect_url()?))
    }

    /// The provider's authorization URL for a new sign-in (PKCE S256, fresh `state` and
    /// `nonce`), and what the callback will check.
    pub async fn start(&self, ui_lang: &str) -> Result<Start> {
        let client = self.client(self.metadata(false).await?)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge);
        for scope in &self.config.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.add_extra_param("ui_locales", ui_lang).url();
        Ok(Start {
            url: url.to_string(),
            pending: PendingLogin {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                verifier: verifier.secret().clone(),
            },
        })
    }

    /// Exchanges the callback's `code` (with the PKCE verifier) and checks the ID token;
    /// returns the person and the roles their groups map to.
    pub async fn finish(
        &self,
        code: &str,
        pending: &PendingLogin,
    ) -> Result<(Person, Roles), Refused> {
        let client = self.client(self.metadata(false).await?)?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| anyhow!("the provider has no token endpoint: {e}"))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| Refused::Provider(e.to_string()))?;
        let token = response
            .id_token()
            .ok_or_else(|| Refused::Token("the provider sent no ID token".into()))?;
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match token.claims(&client.id_token_verifier(), &nonce) {
            Ok(c) => c.clone(),
            Err(first) => {
                // Perhaps the provider rotated its keys since they were fetched.
                let fresh = self.client(self.metadata(true).await?)?;
                token
                    .claims(&fresh.id_token_verifier(), &nonce)
                    .map_err(|_| Refused::Token(first.to_string()))?
                    .clone()
            }
        };
        let name = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned())
            .or_else(|| claims.preferred_username().map(|u| u.as_str().to_owned()))
            .unwrap_or_default();
        let subject = format!(
            "oidc:{}#{}",
            claims.issuer().as_str(),
            claims.subject().as_str()
        );
        let groups = groups_claim(token, &self.config.roles_claim)?;
        Ok((Person::new(&subject, &name), self.roles_of(&groups)))
    }

    /// The roles `groups` map to: by `SCHALTER_OIDC_GROUPS`, and a group named like a role
    /// (`operator`, `translator:ar`; a leading `/` of a Keycloak group path ignored) is that role.
    pub fn roles_of(&self, groups: &[String]) -> Roles {
        let mut grants: Vec<Grant> = Vec::new();
        for group in groups {
            let plain = group.trim_start_matches('/');
            for (name, roles) in &self.config.groups {
                if name == group || name == plain {
                    grants.extend(roles.grants().copied());
                }
            }
            if let Ok(g) = plain.parse::<Grant>() {
                grants.push(g);
            }
        }
        Roles::from_grants(grants)
    }

    /// Where to send the browser after the session here ended, to end the provider's too (if
    /// it offers RP-initiated logout); back to `/admin/` afterwards.
    pub async fn logout_url(&self) -> Option<String> {
        let metadata = self.metadata(false).await.ok()?;
        let end: EndSessionUrl = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let back = PostLogoutRedirectUrl::new(format!("{}/admin/", self.config.public_url)).ok()?;
        Some(
            LogoutRequest::from(end)
                .set_client_id(ClientId::new(self.config.client_id.clone()))
                .set_post_logout_redirect_uri(back)
                .http_get_url()
                .to_string(),
        )
    }
}

/// The roles claim of an ID token whose signature and claims were checked already: read from
/// the same payload by its configured name (a dotted path such as `realm_access.roles` for
/// Keycloak's realm roles). The crate's typed claims cannot name a claim chosen at run time.
fn groups_claim(token: &CoreIdToken, claim: &str) -> Result<Vec<String>, Refused> {
    use base64::Engine as _;
    let text = token.to_string();
    let payload = text
        .split('.')
        .nth(1)
        .ok_or_else(|| Refused::Token("not a JWT".into()))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|e| Refused::Token(format!("payload: {e}")))?;
    let json: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| Refused::Token(format!("payload: {e}")))?;
    let mut at = &json;
    for part in claim.split('.') {
        match at.get(part) {
            Some(v) => at = v,
            None => return Ok(Vec::new()),
        }
    }
    Ok(match at {
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        serde_json::Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    })
}
