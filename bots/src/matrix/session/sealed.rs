//! `session.json` sealed under `SCHALTER_MATRIX_STORE_PASSPHRASE`, like the SDK's store.
//!
//! The file holds the bot's access token: whoever reads it acts as the bot. With a passphrase
//! configured it is kept as a JSON envelope: a key derived from the passphrase by Argon2id
//! (its parameters and random salt stored beside it, so they can grow later), and the
//! session's JSON sealed with XChaCha20-Poly1305 under a random nonce, the envelope's version
//! as associated data. The same primitives as the SDK's store cipher and the documents key;
//! no format of our own beyond the envelope.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

/// The envelope's version, also its associated data.
const VERSION: u8 = 1;
const AAD: &[u8] = b"schalter session.json v1";

/// What a sealed `session.json` holds. The `sealed` field tells it from the SDK's plain
/// session, which has no such field.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Envelope {
    sealed: u8,
    kdf: String,
    m_cost: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
    nonce: String,
    ciphertext: String,
}

/// Why a sealed file does not open.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub(super) enum OpenError {
    #[error("session.json is sealed in a format this version does not know ({0})")]
    Format(String),
    #[error(
        "session.json does not open with SCHALTER_MATRIX_STORE_PASSPHRASE \
         (another passphrase, or the file was altered)"
    )]
    Passphrase,
}

fn key(passphrase: &str, salt: &[u8], params: Params) -> Result<[u8; 32], OpenError> {
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| OpenError::Format(e.to_string()))?;
    Ok(key)
}

/// `plain` sealed under `passphrase`, with Argon2id's default cost (19 MiB, 2 passes).
pub(super) fn seal(passphrase: &str, plain: &[u8]) -> Envelope {
    let params = Params::default();
    let salt: [u8; 16] = rand::random();
    let nonce: [u8; 24] = rand::random();
    let key = key(passphrase, &salt, params.clone()).expect("the default parameters are valid");
    let ciphertext = XChaCha20Poly1305::new((&key).into())
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plain,
                aad: AAD,
            },
        )
        .expect("a session always seals");
    Envelope {
        sealed: VERSION,
        kdf: "argon2id".to_owned(),
        m_cost: params.m_cost(),
        t_cost: params.t_cost(),
        p_cost: params.p_cost(),
        salt: B64.encode(salt),
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ciphertext),
    }
}

/// The plain session in `envelope`, if `passphrase` is the one it was sealed under.
pub(super) fn open(passphrase: &str, envelope: &Envelope) -> Result<Vec<u8>, OpenError> {
    if envelope.sealed != VERSION || envelope.kdf != "argon2id" {
        return Err(OpenError::Format(format!(
            "version {}, {}",
            envelope.sealed, envelope.kdf
        )));
    }
    let bad = |what: &str| OpenError::Format(format!("bad {what}"));
    let params = Params::new(envelope.m_cost, envelope.t_cost, envelope.p_cost, Some(32))
        .map_err(|e| OpenError::Format(e.to_string()))?;
    let salt = B64.decode(&envelope.salt).map_err(|_| bad("salt"))?;
    let nonce: [u8; 24] = B64
        .decode(&envelope.nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| bad("nonce"))?;
    let ciphertext = B64
        .decode(&envelope.ciphertext)
        .map_err(|_| bad("ciphertext"))?;
    let key = key(passphrase, &salt, params)?;
    XChaCha20Poly1305::new((&key).into())
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &ciphertext,
                aad: AAD,
            },
        )
        .map_err(|_| OpenError::Passphrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SESSION: &[u8] = br#"{"user_id":"@schalter:example.org","access_token":"syt_secret"}"#;

    #[test]
    fn a_sealed_session_opens_with_its_passphrase_only() {
        let envelope = seal("the passphrase", SESSION);
        let text = serde_json::to_string(&envelope).unwrap();
        assert!(!text.contains("syt_secret") && !text.contains("schalter:example"));
        let read: Envelope = serde_json::from_str(&text).unwrap();
        assert_eq!(open("the passphrase", &read).unwrap(), SESSION);
        assert_eq!(open("another one", &read), Err(OpenError::Passphrase));
    }

    #[test]
    fn an_altered_envelope_does_not_open() {
        let mut envelope = seal("p", SESSION);
        let mut bytes = B64.decode(&envelope.ciphertext).unwrap();
        bytes[0] ^= 1;
        envelope.ciphertext = B64.encode(bytes);
        assert_eq!(open("p", &envelope), Err(OpenError::Passphrase));
        let mut envelope = seal("p", SESSION);
        envelope.salt = B64.encode([0u8; 16]);
        assert_eq!(open("p", &envelope), Err(OpenError::Passphrase));
        let mut envelope = seal("p", SESSION);
        envelope.sealed = 2;
        assert!(matches!(open("p", &envelope), Err(OpenError::Format(_))));
    }

    #[test]
    fn two_seals_of_the_same_session_differ() {
        let a = seal("p", SESSION);
        let b = seal("p", SESSION);
        assert_ne!(a.salt, b.salt);
        assert_ne!(a.ciphertext, b.ciphertext);
    }
}
