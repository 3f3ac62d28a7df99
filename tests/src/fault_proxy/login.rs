//! The login-response rewrite that keeps a client on the proxy.

/// A login response naming the proxy as the homeserver (`well_known` `m.homeserver`), or
/// `None` if it names none. In production the homeserver's `public_baseurl`, which Synapse puts
/// there, is its reverse proxy; in tests it is Synapse's own port, and matrix-sdk follows it by
/// default (`respect_login_well_known`), so a client would leave the proxy right after login.
pub(super) fn advertise_proxy(body: &[u8], proxy_url: &str) -> Option<Vec<u8>> {
    let mut login: serde_json::Value = serde_json::from_slice(body).ok()?;
    let base_url = login
        .get_mut("well_known")?
        .get_mut("m.homeserver")?
        .get_mut("base_url")?;
    *base_url = format!("{proxy_url}/").into();
    serde_json::to_vec(&login).ok()
}
