//! The bot's login: once with a password, then the stored session (same device, same keys).
//! The session file is a secret and is written readable by its owner only.

use std::path::Path;

use anyhow::{Context, Result, bail};
use matrix_sdk::Client;
use matrix_sdk::authentication::matrix::MatrixSession;

use crate::config::Config;

/// Logs in, or restores the stored session (`true`: same device, same keys, and a sync token
/// to continue from).
pub(super) async fn login(config: &Config) -> Result<(Client, bool)> {
    let homeserver = config
        .matrix_homeserver
        .as_deref()
        .context("SCHALTER_MATRIX_HOMESERVER")?;
    let store = &config.matrix_store;
    std::fs::create_dir_all(store).with_context(|| format!("cannot create {}", store.display()))?;
    let session_file = store.join("session.json");
    let client = Client::builder()
        .homeserver_url(homeserver)
        .sqlite_store(store.join("sdk"), config.matrix_store_passphrase.as_deref())
        .build()
        .await
        .context("cannot reach the Matrix homeserver")?;
    if session_file.exists() {
        let text = std::fs::read_to_string(&session_file)?;
        let session: MatrixSession =
            serde_json::from_str(&text).context("session.json is unreadable")?;
        client
            .restore_session(session)
            .await
            .context("cannot restore the Matrix session")?;
        return Ok((client, true));
    }
    let (Some(user), Some(password)) = (&config.matrix_user, &config.matrix_password) else {
        bail!("SCHALTER_MATRIX_USER and SCHALTER_MATRIX_PASSWORD are needed for the first login");
    };
    client
        .matrix_auth()
        .login_username(user, password)
        .initial_device_display_name("Schalter")
        .await
        .context("Matrix login failed")?;
    let session = client
        .matrix_auth()
        .session()
        .context("no session after login")?;
    write_private(&session_file, &serde_json::to_string(&session)?)?;
    Ok((client, false))
}

/// Writes a secret file readable by its owner only.
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    Ok(())
}
