//! Documents at rest: encrypted with the office's documents key, in chunks.
//!
//! Each chunk is sealed with XChaCha20-Poly1305 (the RustCrypto `chacha20poly1305` crate, the
//! AEAD the Matrix SDK's own store encryption uses) under a random 192-bit nonce stored in front
//! of it. The associated data names the document, the chunk's place and whether it is the last
//! one, so a chunk moved to another document or place, or a file cut short, does not open.
//! Chunks, not one sealed blob: a file is written and read a chunk at a time, so neither the
//! database nor this process holds a whole file twice.
//!
//! The key is 256 bits from the configuration (`SCHALTER_DOCUMENTS_KEY`, 64 hex digits). Two
//! keys are derived from it by HMAC-SHA-256 with a label each: one seals, one computes the
//! digest by which the same file sent twice is recognised, so the digest stored beside a file
//! tells nothing about its content to whoever reads the database without the key.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Bytes of plain text a chunk holds (the last one fewer).
pub const CHUNK: usize = 256 * 1024;
const NONCE: usize = 24;

/// The documents key, with what is derived from it. Never printed.
#[derive(Clone)]
pub struct DocumentKey {
    seal: XChaCha20Poly1305,
    digest: [u8; 32],
}

impl std::fmt::Debug for DocumentKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DocumentKey(…)")
    }
}

/// Why a key from the configuration is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the documents key must be 64 hexadecimal digits (256 bits), e.g. from `openssl rand -hex 32`"
)]
pub struct BadKey;

/// A chunk that does not open: altered, moved, or sealed under another key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a document chunk does not open with the documents key")]
pub struct Unreadable;

fn derive(master: &[u8; 32], label: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(master).expect("HMAC takes any key");
    mac.update(label);
    mac.finalize().into_bytes().into()
}

impl DocumentKey {
    /// The key from its configured form: 64 hex digits, spaces around them ignored.
    pub fn from_hex(text: &str) -> Result<Self, BadKey> {
        let bytes = hex::decode(text.trim()).map_err(|_| BadKey)?;
        let master: [u8; 32] = bytes.try_into().map_err(|_| BadKey)?;
        Ok(Self::from_bytes(&master))
    }

    pub fn from_bytes(master: &[u8; 32]) -> Self {
        let seal = derive(master, b"schalter documents: seal");
        Self {
            seal: XChaCha20Poly1305::new((&seal).into()),
            digest: derive(master, b"schalter documents: digest"),
        }
    }

    /// A new random key in its configured form.
    pub fn generate_hex() -> String {
        hex::encode(rand::random::<[u8; 32]>())
    }

    /// The keyed digest of a file's bytes (hex): equal for equal files, meaningless without
    /// the key.
    pub fn digest(&self, bytes: &[u8]) -> String {
        let mut mac = self.digester();
        mac.update(bytes);
        hex::encode(mac.finalize().into_bytes())
    }

    /// The keyed digest of [`Self::digest`], fed a piece at a time.
    pub(super) fn digester(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as Mac>::new_from_slice(&self.digest).expect("HMAC takes any key")
    }

    /// Chunk `seq` of document `id`, sealed: nonce, then cipher text and tag.
    pub fn seal(&self, id: &str, seq: usize, last: bool, plain: &[u8]) -> Vec<u8> {
        let nonce: [u8; NONCE] = rand::random();
        let aad = associated(id, seq, last);
        let sealed = self
            .seal
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: &aad,
                },
            )
            .expect("a chunk of at most CHUNK bytes always seals");
        let mut out = Vec::with_capacity(NONCE + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Chunk `seq` of document `id` opened, if it is that chunk, sealed under this key.
    pub fn open(
        &self,
        id: &str,
        seq: usize,
        last: bool,
        sealed: &[u8],
    ) -> Result<Vec<u8>, Unreadable> {
        if sealed.len() < NONCE {
            return Err(Unreadable);
        }
        let (nonce, body) = sealed.split_at(NONCE);
        let nonce: [u8; NONCE] = nonce.try_into().map_err(|_| Unreadable)?;
        self.seal
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: body,
                    aad: &associated(id, seq, last),
                },
            )
            .map_err(|_| Unreadable)
    }

    /// A whole file sealed, chunk by chunk, each made only when it is taken (so a caller that
    /// writes them one at a time never holds a second whole copy).
    pub fn seal_chunks<'a>(
        &'a self,
        id: &'a str,
        bytes: &'a [u8],
    ) -> impl Iterator<Item = Vec<u8>> + Send + 'a {
        let count = bytes.len().div_ceil(CHUNK).max(1);
        (0..count).map(move |seq| {
            let start = seq * CHUNK;
            let end = (start + CHUNK).min(bytes.len());
            self.seal(id, seq, seq + 1 == count, &bytes[start..end])
        })
    }

    /// A whole file sealed, chunk by chunk.
    pub fn seal_all(&self, id: &str, bytes: &[u8]) -> Vec<Vec<u8>> {
        self.seal_chunks(id, bytes).collect()
    }

    /// A whole file opened from its chunks in order; fails if any chunk is missing, moved or
    /// altered.
    pub fn open_all(&self, id: &str, chunks: &[Vec<u8>]) -> Result<Vec<u8>, Unreadable> {
        let mut out = Vec::new();
        for (seq, chunk) in chunks.iter().enumerate() {
            out.extend(self.open(id, seq, seq + 1 == chunks.len(), chunk)?);
        }
        if chunks.is_empty() {
            return Err(Unreadable);
        }
        Ok(out)
    }
}

fn associated(id: &str, seq: usize, last: bool) -> Vec<u8> {
    format!("schalter-document\0{id}\0{seq}\0{}", u8::from(last)).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> DocumentKey {
        DocumentKey::from_hex(&"ab".repeat(32)).unwrap()
    }

    #[test]
    fn a_file_opens_to_the_same_bytes() {
        let bytes: Vec<u8> = (0..(CHUNK * 2 + 17)).map(|i| (i % 251) as u8).collect();
        let chunks = key().seal_all("d1", &bytes);
        assert_eq!(chunks.len(), 3);
        assert_eq!(key().open_all("d1", &chunks).unwrap(), bytes);
        // An empty file is one (empty) chunk.
        assert_eq!(
            key().open_all("d1", &key().seal_all("d1", b"")).unwrap(),
            b""
        );
    }

    #[test]
    fn sealed_chunks_hide_the_content_and_differ_each_time() {
        let bytes = b"%PDF-1.7 Wohnungsgeberbestaetigung".to_vec();
        let a = key().seal_all("d1", &bytes);
        let b = key().seal_all("d1", &bytes);
        assert_ne!(a, b);
        assert!(!a[0].windows(8).any(|w| w == b"Wohnungs"));
    }

    #[test]
    fn moved_cut_or_altered_chunks_do_not_open() {
        let bytes: Vec<u8> = (0..(CHUNK + 5)).map(|i| (i % 7) as u8).collect();
        let chunks = key().seal_all("d1", &bytes);
        // Another document's.
        assert_eq!(key().open_all("d2", &chunks), Err(Unreadable));
        // Cut short: the first chunk is not the last one.
        assert_eq!(key().open_all("d1", &chunks[..1]), Err(Unreadable));
        // Swapped.
        let swapped = vec![chunks[1].clone(), chunks[0].clone()];
        assert_eq!(key().open_all("d1", &swapped), Err(Unreadable));
        // A bit flipped.
        let mut altered = chunks.clone();
        altered[0][40] ^= 1;
        assert_eq!(key().open_all("d1", &altered), Err(Unreadable));
        // Another key.
        let other = DocumentKey::from_hex(&"cd".repeat(32)).unwrap();
        assert_eq!(other.open_all("d1", &chunks), Err(Unreadable));
        assert_eq!(key().open_all("d1", &[]), Err(Unreadable));
        assert_eq!(key().open("d1", 0, true, b"short"), Err(Unreadable));
    }

    #[test]
    fn the_digest_is_keyed() {
        assert_eq!(key().digest(b"x"), key().digest(b"x"));
        assert_ne!(key().digest(b"x"), key().digest(b"y"));
        let other = DocumentKey::from_hex(&"cd".repeat(32)).unwrap();
        assert_ne!(key().digest(b"x"), other.digest(b"x"));
    }

    #[test]
    fn only_256_bit_hex_keys_are_taken() {
        assert!(DocumentKey::from_hex(&format!(" {} \n", "0f".repeat(32))).is_ok());
        assert_eq!(DocumentKey::from_hex("abc").unwrap_err(), BadKey);
        assert_eq!(DocumentKey::from_hex(&"ab".repeat(31)).unwrap_err(), BadKey);
        assert_eq!(DocumentKey::from_hex(&"zz".repeat(32)).unwrap_err(), BadKey);
        assert_eq!(DocumentKey::generate_hex().len(), 64);
        assert!(DocumentKey::from_hex(&DocumentKey::generate_hex()).is_ok());
        assert_eq!(format!("{:?}", key()), "DocumentKey(…)");
    }
}
