//! A file on its way in: read a piece at a time as the channel delivers it, its kind told from
//! its first bytes, fed through its kind's [`Stage`], and what is to be kept digested and cut
//! into sealed chunks ready to be written. Nothing here holds more than a chunk and a piece of
//! the file (a stage says where it holds more).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::check::kind_of;
use super::image_stages::{HeicStage, JpegStage, PngStage};
use super::pdf_scan::PdfScan;
use super::sealed::{CHUNK, DocumentKey};
use super::stage::Stage;
use super::{Checked, Kind, Refusal};

/// Bytes read before the kind is told: more than any accepted kind's signature needs (a HEIC's
/// `ftyp` box with its list of brands is the longest, a few dozen bytes).
const HEAD: usize = 4096;

/// Checks a document a citizen sent and returns the bytes to keep.
///
/// The size is checked before anything is parsed, so an oversized file costs nothing.
/// `max_bytes` comes from the catalogue.
/// The same stages take a file piece by piece as it arrives (see `intake.rs`); this is the
/// check of a file held whole (the tests, a benchmark).
pub fn check(bytes: &[u8], max_bytes: usize) -> Result<Checked, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.len() > max_bytes {
        return Err(Refusal::TooLarge { max_bytes });
    }
    let kind = kind_of(bytes).ok_or(Refusal::NotAccepted)?;
    let mut stage = stage_for(kind);
    let mut kept = Vec::with_capacity(bytes.len());
    stage.feed(bytes, &mut kept)?;
    stage.finish(&mut kept)?;
    Ok(Checked { kind, bytes: kept })
}

/// The stage that checks a file of `kind` as it arrives.
fn stage_for(kind: Kind) -> Box<dyn Stage> {
    match kind {
        Kind::Pdf => Box::new(PdfScan::new()),
        Kind::Jpeg => Box::new(JpegStage::new()),
        Kind::Png => Box::new(PngStage::new()),
        Kind::Heic => Box::new(HeicStage::new()),
    }
}

/// See the module.
pub(super) struct Intake<'k> {
    key: &'k DocumentKey,
    id: &'k str,
    max_bytes: usize,
    received: usize,
    /// The first bytes, until the kind is told.
    head: Vec<u8>,
    stage: Option<(Kind, Box<dyn Stage>)>,
    digest: Hmac<Sha256>,
    kept: usize,
    /// What the stage passed on and is not sealed yet: less than a chunk, plus a piece.
    plain: Vec<u8>,
    sealed: usize,
}

/// A file that passed its check, with the chunks that were still to be written.
pub(super) struct Arrived {
    pub kind: Kind,
    /// The bytes kept (for an image, the cleaned ones).
    pub size: usize,
    pub digest: String,
    pub last: Vec<(i64, Vec<u8>)>,
}

impl<'k> Intake<'k> {
    pub(super) fn new(key: &'k DocumentKey, id: &'k str, max_bytes: usize) -> Self {
        Self {
            key,
            id,
            max_bytes,
            received: 0,
            head: Vec::new(),
            stage: None,
            digest: key.digester(),
            kept: 0,
            plain: Vec::new(),
            sealed: 0,
        }
    }

    /// Bytes received so far.
    pub(super) fn received(&self) -> usize {
        self.received
    }

    /// Takes the next piece; returns the chunks now complete, sealed, each with its number.
    /// A file past the size limit is refused as soon as the limit is passed.
    pub(super) fn feed(&mut self, piece: &[u8]) -> Result<Vec<(i64, Vec<u8>)>, Refusal> {
        self.received = self.received.saturating_add(piece.len());
        if self.received > self.max_bytes {
            return Err(Refusal::TooLarge {
                max_bytes: self.max_bytes,
            });
        }
        let mut out = Vec::new();
        match &mut self.stage {
            Some((_, stage)) => stage.feed(piece, &mut out)?,
            None => {
                self.head.extend_from_slice(piece);
                if self.head.len() < HEAD {
                    return Ok(Vec::new());
                }
                self.start(&mut out)?;
            }
        }
        self.pass_on(&out);
        Ok(self.seal_full())
    }

    /// The file ended: its kind, digest and the chunks still to be written, or the refusal.
    pub(super) fn finish(&mut self) -> Result<Arrived, Refusal> {
        if self.received == 0 {
            return Err(Refusal::Empty);
        }
        let mut out = Vec::new();
        if self.stage.is_none() {
            self.start(&mut out)?;
        }
        let Some((kind, stage)) = &mut self.stage else {
            return Err(Refusal::NotAccepted);
        };
        let kind = *kind;
        stage.finish(&mut out)?;
        self.pass_on(&out);
        let mut last = self.seal_full();
        let seq = self.sealed;
        last.push((seq as i64, self.key.seal(self.id, seq, true, &self.plain)));
        Ok(Arrived {
            kind,
            size: self.kept,
            digest: hex::encode(self.digest.clone().finalize().into_bytes()),
            last,
        })
    }

    /// Tells the kind from the first bytes and feeds them to its stage.
    fn start(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        let kind = kind_of(&self.head).ok_or(Refusal::NotAccepted)?;
        let mut stage = stage_for(kind);
        stage.feed(&self.head, out)?;
        self.head = Vec::new();
        self.stage = Some((kind, stage));
        Ok(())
    }

    fn pass_on(&mut self, out: &[u8]) {
        self.digest.update(out);
        self.kept = self.kept.saturating_add(out.len());
        self.plain.extend_from_slice(out);
    }

    /// Seals every chunk known not to be the last: a chunk is the last only once the file
    /// ended, so a full chunk waits until a byte follows it.
    fn seal_full(&mut self) -> Vec<(i64, Vec<u8>)> {
        let mut chunks = Vec::new();
        let mut start = 0;
        while self.plain.len() - start > CHUNK {
            let seq = self.sealed;
            chunks.push((
                seq as i64,
                self.key
                    .seal(self.id, seq, false, &self.plain[start..start + CHUNK]),
            ));
            self.sealed += 1;
            start += CHUNK;
        }
        self.plain.drain(..start);
        chunks
    }
}

#[cfg(test)]
mod tests {
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;

    const MAX: usize = 10 << 20;

    /// A one-page PDF whose page stream holds `len` bytes that do not compress.
    fn pdf(len: usize, seed: u64) -> Vec<u8> {
        let mut rng = StdRng::seed_from_u64(seed);
        let data: Vec<u8> = (0..len).map(|_| rng.random()).collect();
        let mut out = b"%PDF-1.7\n".to_vec();
        out.extend_from_slice(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        out.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        out.extend_from_slice(
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n",
        );
        out.extend_from_slice(format!("4 0 obj\n<< /Length {len} >>\nstream\n").as_bytes());
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n");
        out.extend_from_slice(b"startxref\n0\n%%EOF\n");
        out
    }

    /// What arrived: the sealed chunks in order, the kind, the size kept and the digest.
    type Whole = (Vec<Vec<u8>>, Kind, usize, String);

    /// The file fed in random pieces: the chunks in order, and what `finish` said.
    fn arrive(key: &DocumentKey, id: &str, bytes: &[u8], seed: u64) -> Result<Whole, Refusal> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut intake = Intake::new(key, id, MAX);
        let mut chunks = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            let n = rng.random_range(1..=rest.len().min(100_000));
            let (piece, after) = rest.split_at(n);
            for (seq, chunk) in intake.feed(piece)? {
                assert_eq!(seq as usize, chunks.len(), "chunks come in order");
                chunks.push(chunk);
            }
            rest = after;
        }
        let arrived = intake.finish()?;
        for (seq, chunk) in arrived.last {
            assert_eq!(seq as usize, chunks.len(), "chunks come in order");
            chunks.push(chunk);
        }
        Ok((chunks, arrived.kind, arrived.size, arrived.digest))
    }

    #[test]
    fn a_file_in_pieces_opens_to_what_the_whole_check_keeps() {
        let key = DocumentKey::from_bytes(&[7; 32]);
        // Below a chunk, exactly one and two chunks of page data, and a few megabytes.
        for (n, len) in [100, CHUNK, 2 * CHUNK, 3_000_000].into_iter().enumerate() {
            let bytes = pdf(len, n as u64);
            let (chunks, kind, size, digest) = arrive(&key, "doc", &bytes, n as u64).unwrap();
            let whole = check(&bytes, MAX).unwrap();
            assert_eq!(kind, Kind::Pdf);
            assert_eq!(size, whole.bytes.len());
            assert_eq!(chunks.len(), whole.bytes.len().div_ceil(CHUNK));
            assert_eq!(key.open_all("doc", &chunks).unwrap(), whole.bytes);
            assert_eq!(digest, key.digest(&whole.bytes), "the same digest as whole");
            // Sealed for this document only.
            assert!(key.open_all("other", &chunks).is_err());
        }
    }

    #[test]
    fn a_file_past_the_limit_is_refused_while_it_arrives() {
        let key = DocumentKey::from_bytes(&[7; 32]);
        let mut intake = Intake::new(&key, "doc", 1000);
        let bytes = pdf(2000, 1);
        assert!(intake.feed(&bytes[..1000]).is_ok());
        assert_eq!(
            intake.feed(&bytes[1000..1001]).err(),
            Some(Refusal::TooLarge { max_bytes: 1000 })
        );
    }

    #[test]
    fn short_empty_and_unknown_files_are_told_apart() {
        let key = DocumentKey::from_bytes(&[7; 32]);
        let finish = |bytes: &[u8]| {
            let mut intake = Intake::new(&key, "doc", MAX);
            intake.feed(bytes).and_then(|_| intake.finish()).err()
        };
        assert_eq!(finish(b""), Some(Refusal::Empty));
        assert_eq!(finish(b"MZ\x90\x00"), Some(Refusal::NotAccepted));
        assert_eq!(finish(&[b'x'; 10_000]), Some(Refusal::NotAccepted));
        assert_eq!(finish(b"%PDF-1.7\n"), Some(Refusal::Unreadable));
    }
}
