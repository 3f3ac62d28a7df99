//! The bot's login: once with a password, then the stored session (same device, same keys).
//! The session file is a secret: written readable by its owner only, and sealed under
//! `SCHALTER_MATRIX_STORE_PASSPHRASE` when one is configured ([`sealed`]). A plain file from
//! before the passphrase (or from an earlier version) is sealed in place at the next start.

mod sealed;

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
        let session = read(&session_file, config.matrix_store_passphrase.as_deref())?;
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
    write(
        &session_file,
        &session,
        config.matrix_store_passphrase.as_deref(),
    )?;
    Ok((client, false))
}

/// The stored session: opened with the passphrase if sealed; a plain one is sealed in place
/// when a passphrase is configured.
fn read(path: &Path, passphrase: Option<&str>) -> Result<MatrixSession> {
    let text = std::fs::read_to_string(path)?;
    let value: serde_json::Value =
        serde_json::from_str(&text).context("session.json is not JSON")?;
    if value.get("sealed").is_some() {
        let envelope: sealed::Envelope =
            serde_json::from_value(value).context("session.json is unreadable")?;
        let passphrase = passphrase.context(
            "session.json is sealed: set SCHALTER_MATRIX_STORE_PASSPHRASE to the passphrase \
             it was sealed under",
        )?;
        let plain = sealed::open(passphrase, &envelope)?;
        return serde_json::from_slice(&plain).context("session.json is unreadable");
    }
    let session: MatrixSession =
        serde_json::from_value(value).context("session.json is unreadable")?;
    if passphrase.is_some() {
        write(path, &session, passphrase)?;
        tracing::info!(target: "matrix", "session.json sealed under the store passphrase");
    }
    Ok(session)
}

/// Writes the session, sealed when there is a passphrase: to a new file that then replaces
/// the old one, so that a process killed in between leaves one whole file.
fn write(path: &Path, session: &MatrixSession, passphrase: Option<&str>) -> Result<()> {
    let plain = serde_json::to_string(session)?;
    let text = match passphrase {
        Some(p) => serde_json::to_string(&sealed::seal(p, plain.as_bytes()))?,
        None => plain,
    };
    let fresh = path.with_extension("json.new");
    write_private(&fresh, &text)?;
    std::fs::rename(&fresh, path).with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
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
    f.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::{device_id, user_id};
    use matrix_sdk::{SessionMeta, SessionTokens};

    use super::*;

    fn session() -> MatrixSession {
        MatrixSession {
            meta: SessionMeta {
                user_id: user_id!("@schalter:example.org").to_owned(),
                device_id: device_id!("SCHALTERDEV").to_owned(),
            },
            tokens: SessionTokens {
                access_token: "syt_the_bots_token".to_owned(),
                refresh_token: None,
            },
        }
    }

    /// Whether `read` is the session of [`session`] (the SDK's type does not compare).
    fn same(read: &MatrixSession) -> bool {
        serde_json::to_value(read).unwrap() == serde_json::to_value(session()).unwrap()
    }

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "schalter-session-{name}-{}",
            hex::encode(rand::random::<[u8; 8]>())
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("session.json")
    }

    #[test]
    fn a_plain_session_is_sealed_in_place_when_a_passphrase_is_set() {
        let path = scratch("migrate");
        write(&path, &session(), None).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("syt_the_bots_token")
        );
        // Read without a passphrase: left as it is.
        assert!(same(&read(&path, None).unwrap()));
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("syt_the_bots_token")
        );
        // Read with one: the same session, and the file is sealed from now on.
        assert!(same(&read(&path, Some("pass")).unwrap()));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("syt_the_bots_token") && !text.contains("SCHALTERDEV"));
        assert!(same(&read(&path, Some("pass")).unwrap()));
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(&path).unwrap().permissions(),
        );
        assert_eq!(mode & 0o777, 0o600);
        assert!(!path.with_extension("json.new").exists());
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }

    #[test]
    fn a_sealed_session_needs_its_passphrase() {
        let path = scratch("sealed");
        write(&path, &session(), Some("pass")).unwrap();
        let missing = read(&path, None).unwrap_err().to_string();
        assert!(
            missing.contains("SCHALTER_MATRIX_STORE_PASSPHRASE"),
            "{missing}"
        );
        let wrong = format!("{:#}", read(&path, Some("other")).unwrap_err());
        assert!(wrong.contains("does not open"), "{wrong}");
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}
