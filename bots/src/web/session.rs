//! Who is asking: the browser's token (a cookie of the chat's own path, or — for a widget on
//! another site, where browsers withhold such cookies — a bearer header), the conversation it
//! stands for, the origin of the page that asks, the client's address behind trusted proxies,
//! and the citizen's first language from the browser.

use std::net::{IpAddr, SocketAddr};

use axum::http::{HeaderMap, HeaderValue, header};
use schalter_core::{ChannelKind, ConversationId, Lang};
use sha2::{Digest, Sha256};

/// The cookie that carries the token on the chat's own pages.
pub const COOKIE: &str = "schalter_chat";
/// Where the cookie is sent: the chat only.
pub const COOKIE_PATH: &str = "/chat/";

/// What marks a cookie that holds the secret of a mail's link back into the chat (see
/// `schalter_core::mail`) instead of a token of this browser's own: the conversation is then
/// looked up by the secret's hash.
pub const MAIL_KEY: &str = "m";

/// A new token: 128 random bits, the only thing that identifies a web conversation.
pub fn new_token() -> String {
    schalter_core::reference::secret_token()
}

/// The conversation a token stands for. The id stored is a hash of the token, never the
/// token itself, so that a database dump or a log line grants nobody a conversation.
/// `None` for anything that is not a token we could have made (26 base32 characters).
pub fn conversation_of(token: &str) -> Option<ConversationId> {
    let well_formed = token.len() == 26
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b.is_ascii_lowercase() && !b"ilou".contains(&b)));
    if !well_formed {
        return None;
    }
    let digest = Sha256::digest(format!("schalter-web:{token}").as_bytes());
    Some(ConversationId::new(
        ChannelKind::Web,
        hex::encode(&digest[..16]),
    ))
}

/// The token a request carries: the bearer header (a widget on another site) before the
/// cookie.
pub fn token(headers: &HeaderMap) -> Option<String> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_owned());
    }
    crate::http::cookie(headers, COOKIE).map(str::to_owned)
}

/// The conversation of a request, if it carries a token we could have made.
pub fn conversation(headers: &HeaderMap) -> Option<ConversationId> {
    token(headers).as_deref().and_then(conversation_of)
}

/// The `Set-Cookie` value that keeps `token` for `max_age_days` (the idle conversations'
/// retention: the conversation is gone by then anyway). `Secure` when the page was served
/// over HTTPS.
pub fn set_cookie(token: &str, max_age_days: u32, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let max_age = u64::from(max_age_days) * 86_400;
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path={COOKIE_PATH}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("a token is ASCII")
}

/// The `Set-Cookie` value that ends the cookie (after `/forget`).
pub fn clear_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path={COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("ASCII")
}

/// Where pages may embed the chat and post to it, besides the chat's own origin.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// `SCHALTER_WEB_ORIGINS`, as `scheme://host[:port]`, lower case, no trailing slash
    /// (`config.rs` reads them so).
    pub allowed: Vec<String>,
    /// Proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: single
    /// addresses (`/32`, `/128`) or networks (an ingress controller's pods).
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// Where a request came from, as far as it is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// The chat's own pages (or a client that names no origin, on a request that changes
    /// nothing).
    Own,
    /// A page of another allowed origin (the widget), which gets CORS answers and a bearer
    /// token instead of a cookie.
    Embedding(String),
}

impl Origins {
    /// Whether a request may act: `Err(())` for a page of an origin not allowed. A request
    /// that changes something must name its origin (`Origin`, or failing that a `Referer`
    /// of the chat's own host); `changes: false` lets a plain GET without one through (the
    /// browser sends none on same-origin GETs, and another site cannot read the answer).
    pub fn check(&self, headers: &HeaderMap, changes: bool) -> Result<From, ()> {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        let origin = headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .filter(|o| *o != "null");
        let Some(origin) = origin else {
            let referer_host = headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(|r| url::Url::parse(r).ok())
                .map(|u| authority(&u));
            return match (changes, referer_host, host) {
                (false, ..) => Ok(From::Own),
                (true, Some(r), Some(h)) if r == h => Ok(From::Own),
                _ => Err(()),
            };
        };
        let Ok(url) = url::Url::parse(origin) else {
            return Err(());
        };
        if host.is_some_and(|h| h == authority(&url)) {
            return Ok(From::Own);
        }
        let serialized = url.origin().ascii_serialization();
        if self.allowed.contains(&serialized) {
            Ok(From::Embedding(serialized))
        } else {
            Err(())
        }
    }

    /// Whether `ip` is a trusted proxy's.
    fn trusts(&self, ip: &IpAddr) -> bool {
        self.trusted_proxies.iter().any(|net| net.contains(ip))
    }

    /// The client's address: the peer, or — when the peer is a trusted proxy — the last
    /// address in `X-Forwarded-For` that is not a trusted proxy itself.
    pub fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.ip();
        if !self.trusts(&peer) {
            return peer;
        }
        headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<IpAddr>().ok())
            .rev()
            .find(|a| !self.trusts(a))
            .unwrap_or(peer)
    }

    /// Whether the page was served over HTTPS (as the trusted proxy says, or the origin).
    pub fn secure(&self, peer: SocketAddr, headers: &HeaderMap) -> bool {
        let proto = headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .filter(|_| self.trusts(&peer.ip()));
        if let Some(proto) = proto {
            return proto.eq_ignore_ascii_case("https");
        }
        headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|o| o.starts_with("https://"))
    }
}

/// `host[:port]` of a URL as a `Host` header writes it.
fn authority(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

/// The first of the browser's languages (`Accept-Language`, by weight) that the office
/// speaks.
pub fn browser_lang(headers: &HeaderMap) -> Option<Lang> {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())?;
    let mut ranked: Vec<(f32, usize, &str)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0).then_some((q, i, tag))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .find_map(|(_, _, tag)| Lang::from_tag(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn a_token_stands_for_a_conversation_it_does_not_reveal() {
        let token = new_token();
        let conversation = conversation_of(&token).expect("a token we made");
        assert_eq!(conversation.channel(), ChannelKind::Web);
        assert_eq!(conversation.user().len(), 32);
        assert!(!conversation.as_str().contains(&token));
        assert_eq!(conversation_of(&token), Some(conversation));
        assert_ne!(conversation_of(&new_token()), conversation_of(&token));
        for forged in [
            "",
            "x",
            &"a".repeat(27),
            &token.to_uppercase(),
            "ilou0123456789abcdefghjkmn",
        ] {
            assert_eq!(conversation_of(forged), None, "{forged}");
        }
    }

    #[test]
    fn the_bearer_header_comes_before_the_cookie() {
        let h = headers(&[("cookie", "a=b; schalter_chat=fromcookie; c=d")]);
        assert_eq!(token(&h).as_deref(), Some("fromcookie"));
        let h = headers(&[
            ("cookie", "schalter_chat=fromcookie"),
            ("authorization", "Bearer frombearer"),
        ]);
        assert_eq!(token(&h).as_deref(), Some("frombearer"));
        assert_eq!(token(&headers(&[])), None);
    }

    #[test]
    fn only_the_own_and_the_allowed_origins_may_act() {
        let origins = Origins {
            allowed: vec![
                "https://www.heidelberg.de".into(),
                "http://localhost:8000".into(),
            ],
            trusted_proxies: vec![],
        };
        let own = headers(&[
            ("host", "chat.example.org"),
            ("origin", "https://chat.example.org"),
        ]);
        assert_eq!(origins.check(&own, true), Ok(From::Own));
        let city = headers(&[
            ("host", "chat.example.org"),
            ("origin", "https://www.heidelberg.de"),
        ]);
        assert_eq!(
            origins.check(&city, true),
            Ok(From::Embedding("https://www.heidelberg.de".into()))
        );
        let evil = headers(&[
            ("host", "chat.example.org"),
            ("origin", "https://evil.example"),
        ]);
        assert_eq!(origins.check(&evil, true), Err(()));
        assert_eq!(origins.check(&evil, false), Err(()));
        let bare = headers(&[("host", "chat.example.org")]);
        assert_eq!(origins.check(&bare, false), Ok(From::Own));
        assert_eq!(origins.check(&bare, true), Err(()));
        let referred = headers(&[
            ("host", "chat.example.org"),
            ("referer", "https://chat.example.org/chat/"),
        ]);
        assert_eq!(origins.check(&referred, true), Ok(From::Own));
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let origins = Origins {
            allowed: vec![],
            trusted_proxies: vec![proxy.into()],
        };
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 5.6.7.8")]);
        assert_eq!(
            origins.client(SocketAddr::new(proxy, 1), &h),
            "5.6.7.8".parse::<IpAddr>().unwrap()
        );
        let stranger: SocketAddr = "9.9.9.9:1".parse().unwrap();
        assert_eq!(origins.client(stranger, &h), stranger.ip());

        // A network of proxies (an ingress controller's pods): any of them is believed, and
        // a chain through two of them ends at the client.
        let pods = Origins {
            allowed: vec![],
            trusted_proxies: vec!["10.244.0.0/16".parse().unwrap()],
        };
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 10.244.3.7")]);
        let pod: SocketAddr = "10.244.1.9:80".parse().unwrap();
        assert_eq!(pods.client(pod, &h), "1.2.3.4".parse::<IpAddr>().unwrap());
        let outside: SocketAddr = "10.245.0.1:80".parse().unwrap();
        assert_eq!(pods.client(outside, &h), outside.ip());
    }

    #[test]
    fn the_browser_language_is_the_first_the_office_speaks() {
        let h = headers(&[("accept-language", "sw;q=0.9, ar-EG, en;q=0.8")]);
        assert_eq!(browser_lang(&h), Some(Lang::Ar));
        let h = headers(&[("accept-language", "sw, pl;q=0.2, de;q=0")]);
        assert_eq!(browser_lang(&h), Some(Lang::Pl));
        assert_eq!(browser_lang(&headers(&[])), None);
    }
}
