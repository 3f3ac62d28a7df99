//! The stages of the three image kinds: the cleaning of `check.rs` ([`strip_jpeg`],
//! [`strip_png`], [`blank_heic_metadata`]) done on a file that arrives piece by piece.
//!
//! The invariant: for every file, however it is cut, a stage passes on in total exactly the
//! bytes its whole-file function returns, and refuses exactly when that function does (every
//! refusal of the three is [`Refusal::Unreadable`], so a stage may refuse as soon as the outcome
//! is certain). The tests hold each stage to its function on fixtures and on thousands of
//! mutations of them. The exceptions, where the function reads a whole file the stage must not
//! hold, are two caps, each far above what a camera or phone writes:
//!
//! - a JPEG whose kept segments between its JFIF header and its first EXIF segment (or, without
//!   one, its first scan) exceed [`JPEG_MAX_HELD`] is refused, where `strip_jpeg` keeps it;
//! - a HEIC whose `meta` box exceeds [`HEIC_MAX_META`] is refused, where
//!   `blank_heic_metadata` cleans it.
//!
//! [`strip_jpeg`]: super::check::strip_jpeg
//! [`strip_png`]: super::check::strip_png
//! [`blank_heic_metadata`]: super::check::blank_heic_metadata

use std::mem;
use std::ops::Range;

use img_parts::jpeg::markers;

use super::Refusal;
use super::check::{
    EXIF, PNG_METADATA_CHUNKS, exif_orientation, keep_jpeg_segment, metadata_extents,
    orientation_exif,
};
use super::stage::Stage;

// ---------------------------------------------------------------------------------------------
// JPEG

/// The most a JPEG's kept segments may take while the stage cannot yet tell whether a fresh
/// orientation segment goes before them. An ICC profile is the only large kept segment (a CMYK
/// print profile is under 1 MiB) and phones write EXIF before it, so nothing is held for them.
pub(super) const JPEG_MAX_HELD: usize = 4 * 1024 * 1024;

/// A JPEG's cleaning, as [`strip_jpeg`](super::check::strip_jpeg) does it.
///
/// Before the first scan the segments are read one at a time, as `img-parts` reads them
/// (bytes between segments and markers without a length skipped, fill bytes ignored); the
/// orientation segment goes after the leading JFIF headers, so the kept segments after those
/// are held until the first EXIF segment or the first scan tells whether it is needed.
/// From the first scan on, the data streams through a small state machine that does what
/// `jpeg_rest_cleaned` does.
///
/// Memory: the segment being read (at most 64 KiB) and the held segments (at most
/// [`JPEG_MAX_HELD`]); nothing of the scans.
pub(super) struct JpegStage {
    state: JpegState,
    /// The segment being read: marker, length and contents, as they are written out.
    segment: Vec<u8>,
    orientation: Orientation,
    /// Whether every segment kept so far is a JFIF header (APP0), so that the orientation's
    /// place, right after them, is still ahead.
    in_headers: bool,
    /// Kept segments after the JFIF headers, while the orientation is unknown.
    held: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JpegState {
    /// How many bytes of the start-of-image marker have been read.
    Start(u8),
    /// Between segments before the first scan: everything up to the next 0xFF is skipped.
    Between,
    /// After a 0xFF before the first scan: fill bytes, then a marker.
    Marker,
    /// A segment being read into `segment`, before the first scan or after it.
    Segment { scanning: bool },
    /// Entropy-coded data.
    Data,
    /// After a 0xFF in entropy-coded data.
    DataMarker,
    /// After the end of the image: everything else is dropped.
    Done,
}

/// What the first EXIF segment said, once it has been read (or the first scan was reached
/// without one): the orientation segment to write, if any.
enum Orientation {
    Unknown,
    Known(Option<Vec<u8>>),
}

impl JpegStage {
    pub(super) fn new() -> Self {
        Self {
            state: JpegState::Start(0),
            segment: Vec::new(),
            orientation: Orientation::Unknown,
            in_headers: true,
            held: Vec::new(),
        }
    }

    /// A whole segment before the first scan.
    fn header_segment(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        let segment = mem::take(&mut self.segment);
        let marker = segment.get(1).copied().unwrap_or_default();
        let contents = segment.get(4..).unwrap_or_default();
        if matches!(self.orientation, Orientation::Unknown) {
            if marker == markers::APP1 && contents.starts_with(EXIF) {
                let exif = exif_orientation(contents)
                    .map(|(order, value)| {
                        encoded_segment(markers::APP1, &orientation_exif(order, value))
                    })
                    .transpose()?;
                self.know_orientation(exif, out);
            } else if marker == markers::SOS {
                self.know_orientation(None, out);
            }
        }
        if keep_jpeg_segment(marker, contents) {
            self.kept(&segment, out)?;
        }
        if marker == markers::SOS {
            self.state = JpegState::Data;
            // Nothing is held from here on.
            self.held = Vec::new();
        } else {
            self.state = JpegState::Between;
        }
        self.segment = segment;
        self.segment.clear();
        Ok(())
    }

    fn know_orientation(&mut self, exif: Option<Vec<u8>>, out: &mut Vec<u8>) {
        if !self.in_headers {
            // Its place is passed: it goes before what was held for it.
            if let Some(exif) = &exif {
                out.extend_from_slice(exif);
            }
            out.append(&mut self.held);
        }
        self.orientation = Orientation::Known(exif);
    }

    /// A segment before the first scan that is kept.
    fn kept(&mut self, segment: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        if self.in_headers {
            if segment.get(1) == Some(&markers::APP0) {
                out.extend_from_slice(segment);
                return Ok(());
            }
            self.in_headers = false;
            if let Orientation::Known(Some(exif)) = &self.orientation {
                out.extend_from_slice(exif);
            }
        }
        match self.orientation {
            Orientation::Known(_) => out.extend_from_slice(segment),
            Orientation::Unknown => {
                if self.held.len().saturating_add(segment.len()) > JPEG_MAX_HELD {
                    return Err(Refusal::Unreadable);
                }
                self.held.extend_from_slice(segment);
            }
        }
        Ok(())
    }

    /// Starts reading the segment of `marker`.
    fn open_segment(&mut self, marker: u8, scanning: bool) {
        self.segment.clear();
        self.segment.extend_from_slice(&[0xFF, marker]);
        self.state = JpegState::Segment { scanning };
    }

    #[cfg(test)]
    fn holding(&self) -> usize {
        self.segment.capacity() + self.held.capacity()
    }
}

impl Stage for JpegStage {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        let mut rest = input;
        while let Some((&byte, after)) = rest.split_first() {
            match self.state {
                JpegState::Start(seen) => {
                    let expected = if seen == 0 { 0xFF } else { markers::SOI };
                    if byte != expected {
                        return Err(Refusal::Unreadable);
                    }
                    if seen == 0 {
                        self.state = JpegState::Start(1);
                    } else {
                        out.extend_from_slice(&[0xFF, markers::SOI]);
                        self.state = JpegState::Between;
                    }
                    rest = after;
                }
                JpegState::Between => match rest.iter().position(|&byte| byte == 0xFF) {
                    Some(at) => {
                        rest = rest.get(at.saturating_add(1)..).unwrap_or_default();
                        self.state = JpegState::Marker;
                    }
                    None => rest = &[],
                },
                JpegState::Marker => {
                    rest = after;
                    match byte {
                        0xFF => {}
                        // An image that ends before its first scan has none.
                        markers::EOI => return Err(Refusal::Unreadable),
                        marker if has_length(marker) => self.open_segment(marker, false),
                        _ => self.state = JpegState::Between,
                    }
                }
                JpegState::Segment { scanning } => {
                    let (tail, whole) = read_segment(&mut self.segment, rest)?;
                    rest = tail;
                    if !whole {
                        continue;
                    }
                    if scanning {
                        let contents = self.segment.get(4..).unwrap_or_default();
                        let marker = self.segment.get(1).copied().unwrap_or_default();
                        if keep_jpeg_segment(marker, contents) {
                            out.extend_from_slice(&self.segment);
                        }
                        self.segment.clear();
                        self.state = JpegState::Data;
                    } else {
                        self.header_segment(out)?;
                    }
                }
                JpegState::Data => match rest.iter().position(|&byte| byte == 0xFF) {
                    Some(at) => {
                        out.extend_from_slice(rest.get(..at).unwrap_or_default());
                        rest = rest.get(at.saturating_add(1)..).unwrap_or_default();
                        self.state = JpegState::DataMarker;
                    }
                    None => {
                        out.extend_from_slice(rest);
                        rest = &[];
                    }
                },
                JpegState::DataMarker => {
                    rest = after;
                    match byte {
                        // A fill byte: the 0xFF before it is passed on, this one may start a
                        // marker.
                        0xFF => out.push(0xFF),
                        markers::EOI => {
                            out.extend_from_slice(&[0xFF, markers::EOI]);
                            self.state = JpegState::Done;
                        }
                        markers::SOI => return Err(Refusal::Unreadable),
                        // Stuffed 0xFF, restart markers, and the other markers without a length.
                        0x00..=0xBF | markers::RST0..=markers::RST7 => {
                            out.extend_from_slice(&[0xFF, byte]);
                            self.state = JpegState::Data;
                        }
                        marker => self.open_segment(marker, true),
                    }
                }
                JpegState::Done => rest = &[],
            }
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut Vec<u8>) -> Result<(), Refusal> {
        // Anything short of the end-of-image marker after a scan is a file cut short.
        if self.state == JpegState::Done {
            Ok(())
        } else {
            Err(Refusal::Unreadable)
        }
    }
}

/// Whether a marker is followed by a length and contents, as `img-parts` tells it.
fn has_length(marker: u8) -> bool {
    matches!(
        marker,
        markers::SOF0..=markers::SOF15
            | markers::SOS..=markers::EXP
            | markers::APP0..=markers::APP15
            | markers::JPG0..=markers::JPG13
            | markers::COM
    )
}

/// Reads into `segment` (which holds at least its marker) what `input` has of it; returns
/// the rest of `input` and whether the segment is whole. A length below 2 cannot be.
fn read_segment<'a>(segment: &mut Vec<u8>, input: &'a [u8]) -> Result<(&'a [u8], bool), Refusal> {
    let mut rest = input;
    for wanted in [Some(4), None] {
        let total = match wanted {
            Some(total) => total,
            None => {
                let length = segment
                    .get(2..4)
                    .and_then(|length| <[u8; 2]>::try_from(length).ok())
                    .map(u16::from_be_bytes)
                    .ok_or(Refusal::Unreadable)?;
                if length < 2 {
                    return Err(Refusal::Unreadable);
                }
                usize::from(length).saturating_add(2)
            }
        };
        let missing = total.saturating_sub(segment.len());
        let (taken, tail) = rest.split_at(missing.min(rest.len()));
        segment.extend_from_slice(taken);
        rest = tail;
        if segment.len() < total {
            return Ok((rest, false));
        }
    }
    Ok((rest, true))
}

/// A segment as written: marker, length, contents.
fn encoded_segment(marker: u8, contents: &[u8]) -> Result<Vec<u8>, Refusal> {
    let length = contents
        .len()
        .checked_add(2)
        .and_then(|length| u16::try_from(length).ok())
        .ok_or(Refusal::Unreadable)?;
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(contents);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// PNG

const PNG_SIGNATURE: [u8; 8] = *b"\x89PNG\r\n\x1a\n";

/// A PNG's cleaning, as [`strip_png`](super::check::strip_png) does it: chunk by chunk, a
/// kept chunk passed on as it comes (`img-parts` writes kept chunks back unchanged), a
/// metadata chunk skipped, every chunk's CRC computed as its data passes and checked, and
/// everything after `IEND` dropped.
///
/// Memory: a chunk header, a CRC and its state; nothing of any chunk's data.
pub(super) struct PngStage {
    state: PngState,
    /// The chunk header or CRC being read.
    field: [u8; 8],
    /// The type of the chunk being read.
    kind: [u8; 4],
    /// Whether the chunk being read is passed on.
    keep: bool,
    /// Whether no chunk was read yet: the first must be `IHDR`.
    first: bool,
    crc: crc32fast::Hasher,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PngState {
    /// How many bytes of the signature have been read.
    Signature(usize),
    /// How many bytes of a chunk's length and type have been read into `field`.
    Header(usize),
    /// How many bytes of the chunk's data are still to come.
    Data(usize),
    /// How many bytes of the chunk's CRC have been read into `field`.
    Crc(usize),
    /// After `IEND`: everything else is dropped.
    Done,
}

impl PngStage {
    pub(super) fn new() -> Self {
        Self {
            state: PngState::Signature(0),
            field: [0; 8],
            kind: [0; 4],
            keep: false,
            first: true,
            crc: crc32fast::Hasher::new(),
        }
    }

    /// Reads into `field` up to `len` bytes of it from `rest`, of which `got` are there;
    /// returns how many there are now and the rest of `rest`.
    fn read_field<'a>(&mut self, got: usize, len: usize, rest: &'a [u8]) -> (usize, &'a [u8]) {
        let missing = len.saturating_sub(got);
        let (taken, tail) = rest.split_at(missing.min(rest.len()));
        let end = got.saturating_add(taken.len());
        if let Some(field) = self.field.get_mut(got..end) {
            field.copy_from_slice(taken);
        }
        (end, tail)
    }

    fn chunk_header(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        let [l0, l1, l2, l3, k0, k1, k2, k3] = self.field;
        self.kind = [k0, k1, k2, k3];
        if mem::replace(&mut self.first, false) && &self.kind != b"IHDR" {
            return Err(Refusal::Unreadable);
        }
        self.keep = !PNG_METADATA_CHUNKS.contains(&self.kind);
        if self.keep {
            out.extend_from_slice(&self.field);
        }
        self.crc = crc32fast::Hasher::new();
        self.crc.update(&self.kind);
        let length = usize::try_from(u32::from_be_bytes([l0, l1, l2, l3]))
            .map_err(|_| Refusal::Unreadable)?;
        self.state = PngState::Data(length);
        Ok(())
    }

    fn chunk_end(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        let [c0, c1, c2, c3, ..] = self.field;
        let crc = mem::replace(&mut self.crc, crc32fast::Hasher::new()).finalize();
        if crc != u32::from_be_bytes([c0, c1, c2, c3]) {
            return Err(Refusal::Unreadable);
        }
        if self.keep {
            out.extend_from_slice(&[c0, c1, c2, c3]);
        }
        self.state = if &self.kind == b"IEND" {
            PngState::Done
        } else {
            PngState::Header(0)
        };
        Ok(())
    }
}

impl Stage for PngStage {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        self.advance(input, out)
    }

    fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        // No more input moves a last chunk without data on to its CRC, which is missing.
        self.advance(&[], out)?;
        if self.state == PngState::Done {
            Ok(())
        } else {
            Err(Refusal::Unreadable)
        }
    }
}

impl PngStage {
    /// Reads `input` as far as it goes.
    fn advance(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        let mut rest = input;
        loop {
            match self.state {
                PngState::Done => return Ok(()),
                // A chunk without data goes on to its CRC without waiting for more input.
                PngState::Data(0) => self.state = PngState::Crc(0),
                _ if rest.is_empty() => return Ok(()),
                PngState::Signature(got) => {
                    let missing = PNG_SIGNATURE.len().saturating_sub(got);
                    let (taken, tail) = rest.split_at(missing.min(rest.len()));
                    let end = got.saturating_add(taken.len());
                    if PNG_SIGNATURE.get(got..end) != Some(taken) {
                        return Err(Refusal::Unreadable);
                    }
                    if end == PNG_SIGNATURE.len() {
                        out.extend_from_slice(&PNG_SIGNATURE);
                        self.state = PngState::Header(0);
                    } else {
                        self.state = PngState::Signature(end);
                    }
                    rest = tail;
                }
                PngState::Header(got) => {
                    let (got, tail) = self.read_field(got, 8, rest);
                    rest = tail;
                    if got == 8 {
                        self.chunk_header(out)?;
                    } else {
                        self.state = PngState::Header(got);
                    }
                }
                PngState::Data(left) => {
                    let (taken, tail) = rest.split_at(left.min(rest.len()));
                    self.crc.update(taken);
                    if self.keep {
                        out.extend_from_slice(taken);
                    }
                    self.state = PngState::Data(left.saturating_sub(taken.len()));
                    rest = tail;
                }
                PngState::Crc(got) => {
                    let (got, tail) = self.read_field(got, 4, rest);
                    rest = tail;
                    if got == 4 {
                        self.chunk_end(out)?;
                    } else {
                        self.state = PngState::Crc(got);
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HEIC

/// The largest `meta` box the stage reads. It holds the item list, their locations and
/// properties: some kilobytes for a photo, some hundred for a large grid image.
pub(super) const HEIC_MAX_META: usize = 4 * 1024 * 1024;

/// A HEIC's blanking, as [`blank_heic_metadata`](super::check::blank_heic_metadata) does it.
///
/// The top-level boxes are walked as they come. Until the `meta` box has been read, the file
/// is held: that box says which bytes to blank, and they may lie anywhere, before it too.
/// Then what was held is blanked and passed on, and the rest streams through with the ranges
/// of the EXIF and XMP items zeroed as they pass; that the last of those ranges lies inside
/// the file is known only at its end.
///
/// Memory: in the usual layout (`ftyp`, `meta`, then `mdat`) the `ftyp` and the `meta` box
/// (at most [`HEIC_MAX_META`]), then the ranges to blank. A file whose `meta` box follows its
/// `mdat` (which the format allows) is held up to the end of its `meta`, that is nearly whole:
/// the one case held whole, bounded only by the size limit the file is received under.
pub(super) struct HeicStage {
    /// The offset in the file of the next byte fed.
    at: usize,
    walk: Walk,
    /// The top-level box header being read.
    header: [u8; 16],
    meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    /// How many bytes of a top-level box header have been read into `header`.
    Header(usize),
    /// The body of a box, `left` bytes of it still to come; `meta` for the `meta` box.
    Body { left: usize, meta: bool },
    /// The body of a box that runs to the end of the file (a size of 0).
    ToEnd { meta: bool },
}

enum Meta {
    /// The `meta` box is not read yet: the file so far is held, its body starting at
    /// `body` once its header has passed.
    Awaited { held: Vec<u8>, body: usize },
    /// The `meta` box is read: the file ranges to blank, sorted and apart, the first not yet
    /// passed at `next`; `end`, the furthest end, must be inside the file.
    Read {
        blanks: Vec<Range<usize>>,
        next: usize,
        end: usize,
    },
}

impl HeicStage {
    pub(super) fn new() -> Self {
        Self {
            at: 0,
            walk: Walk::Header(0),
            header: [0; 16],
            meta: Meta::Awaited {
                held: Vec::new(),
                body: 0,
            },
        }
    }

    /// Passes on (or holds) the next bytes of the file.
    fn pass(&mut self, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        match &mut self.meta {
            Meta::Awaited { held, body } => {
                held.extend_from_slice(bytes);
                if self.walk == (Walk::ToEnd { meta: true })
                    && held.len().saturating_sub(*body) > HEIC_MAX_META
                {
                    return Err(Refusal::Unreadable);
                }
            }
            Meta::Read { blanks, next, .. } => {
                let from = out.len();
                out.extend_from_slice(bytes);
                blank(
                    out.get_mut(from..).unwrap_or_default(),
                    self.at,
                    blanks,
                    next,
                );
            }
        }
        self.at = self
            .at
            .checked_add(bytes.len())
            .ok_or(Refusal::Unreadable)?;
        Ok(())
    }

    /// A whole top-level box header of `len` bytes.
    fn open_box(&mut self, len: usize, out: &mut Vec<u8>) -> Result<(), Refusal> {
        let [
            s0,
            s1,
            s2,
            s3,
            k0,
            k1,
            k2,
            k3,
            l0,
            l1,
            l2,
            l3,
            l4,
            l5,
            l6,
            l7,
        ] = self.header;
        let kind = [k0, k1, k2, k3];
        let size = match u32::from_be_bytes([s0, s1, s2, s3]) {
            0 => None,
            1 => Some(
                usize::try_from(u64::from_be_bytes([l0, l1, l2, l3, l4, l5, l6, l7]))
                    .map_err(|_| Refusal::Unreadable)?,
            ),
            size => Some(usize::try_from(size).map_err(|_| Refusal::Unreadable)?),
        };
        let meta = &kind == b"meta";
        match &mut self.meta {
            // Two of them would leave it to each reader which one counts.
            Meta::Read { .. } if meta => return Err(Refusal::Unreadable),
            Meta::Awaited { body, .. } if meta => *body = self.at,
            _ => {}
        }
        // An image sequence's tracks keep their own metadata, not walked by the check.
        if &kind == b"moov" {
            return Err(Refusal::Unreadable);
        }
        match size {
            None => self.walk = Walk::ToEnd { meta },
            Some(size) => {
                let left = size.checked_sub(len).ok_or(Refusal::Unreadable)?;
                if meta && left > HEIC_MAX_META {
                    return Err(Refusal::Unreadable);
                }
                self.walk = Walk::Body { left, meta };
                if left == 0 {
                    self.close_box(meta, out)?;
                }
            }
        }
        Ok(())
    }

    fn close_box(&mut self, meta: bool, out: &mut Vec<u8>) -> Result<(), Refusal> {
        self.walk = Walk::Header(0);
        if meta { self.read_meta(out) } else { Ok(()) }
    }

    /// Reads the `meta` box that ends here, and passes on what was held, blanked.
    fn read_meta(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        let Meta::Awaited { held, body } = &mut self.meta else {
            return Err(Refusal::Unreadable);
        };
        // Whether the extents lie inside the file is checked at its end.
        let mut extents = metadata_extents(held.get(*body..).unwrap_or_default(), usize::MAX)?;
        extents.sort_unstable_by_key(|extent| extent.start);
        let mut blanks: Vec<Range<usize>> = Vec::with_capacity(extents.len());
        for extent in extents {
            match blanks.last_mut() {
                Some(last) if extent.start <= last.end => last.end = last.end.max(extent.end),
                _ => blanks.push(extent),
            }
        }
        let end = blanks.last().map_or(0, |last| last.end);
        let mut next = 0;
        let mut held = mem::take(held);
        blank(&mut held, 0, &blanks, &mut next);
        out.append(&mut held);
        self.meta = Meta::Read { blanks, next, end };
        Ok(())
    }

    #[cfg(test)]
    fn holding(&self) -> usize {
        match &self.meta {
            Meta::Awaited { held, .. } => held.capacity(),
            Meta::Read { blanks, .. } => blanks.capacity() * size_of::<Range<usize>>(),
        }
    }
}

/// Zeroes what of `blanks`, from `next` on, falls in `bytes`, which start at file offset
/// `offset`; moves `next` past the ranges that end in them.
fn blank(bytes: &mut [u8], offset: usize, blanks: &[Range<usize>], next: &mut usize) {
    let end = offset.saturating_add(bytes.len());
    while let Some(range) = blanks.get(*next) {
        if range.start >= end {
            break;
        }
        let from = range.start.saturating_sub(offset);
        let to = range.end.min(end).saturating_sub(offset);
        if let Some(part) = bytes.get_mut(from..to) {
            part.fill(0);
        }
        if range.end > end {
            break;
        }
        *next = next.saturating_add(1);
    }
}

impl Stage for HeicStage {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Refusal> {
        let mut rest = input;
        while !rest.is_empty() {
            match self.walk {
                Walk::Header(got) => {
                    // Eight bytes, and eight more for a large size (a size field of 1).
                    let len: usize = if got >= 4 && self.header.get(0..4) == Some(&[0, 0, 0, 1]) {
                        16
                    } else {
                        8
                    };
                    let (taken, tail) = rest.split_at(len.saturating_sub(got).min(rest.len()));
                    let end = got.saturating_add(taken.len());
                    if let Some(field) = self.header.get_mut(got..end) {
                        field.copy_from_slice(taken);
                    }
                    self.pass(taken, out)?;
                    rest = tail;
                    let large = self.header.get(0..4) == Some(&[0, 0, 0, 1]);
                    if end == 16 || (end == 8 && !large) {
                        self.open_box(end, out)?;
                    } else {
                        self.walk = Walk::Header(end);
                    }
                }
                Walk::Body { left, meta } => {
                    let (taken, tail) = rest.split_at(left.min(rest.len()));
                    self.pass(taken, out)?;
                    rest = tail;
                    let left = left.saturating_sub(taken.len());
                    self.walk = Walk::Body { left, meta };
                    if left == 0 {
                        self.close_box(meta, out)?;
                    }
                }
                Walk::ToEnd { .. } => {
                    self.pass(rest, out)?;
                    rest = &[];
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), Refusal> {
        match self.walk {
            Walk::Header(0) => {}
            Walk::ToEnd { meta } => {
                if meta {
                    self.read_meta(out)?;
                }
            }
            // A box cut short.
            Walk::Header(_) | Walk::Body { .. } => return Err(Refusal::Unreadable),
        }
        match self.meta {
            Meta::Read { end, .. } if end <= self.at => Ok(()),
            // No `meta` box, or an item beyond the end of the file.
            _ => Err(Refusal::Unreadable),
        }
    }
}

#[cfg(test)]
mod tests {
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::documents::check::tests::{
        HeicItem, JpegFixture, PNG_SIGNATURE as SIGNATURE, chunk, exif_item, exif_with_gps,
        exif_with_orientation, full_iso_box, heic, image_item, infe, iso_box, jpeg_fixture,
        jpeg_with, png_fixture, segment, xmp_item,
    };
    use crate::documents::check::{ByteOrder, blank_heic_metadata, strip_jpeg, strip_png};

    type Whole = fn(&[u8]) -> Result<Vec<u8>, Refusal>;

    /// Feeds `input` to `stage` in pieces of the sizes `size` gives (0 gives an empty piece),
    /// then finishes it.
    fn fed(
        mut stage: impl Stage,
        input: &[u8],
        mut size: impl FnMut() -> usize,
    ) -> Result<Vec<u8>, Refusal> {
        let mut out = Vec::new();
        let mut rest = input;
        while !rest.is_empty() {
            let (piece, tail) = rest.split_at(size().min(rest.len()));
            stage.feed(piece, &mut out)?;
            rest = tail;
        }
        stage.finish(&mut out)?;
        Ok(out)
    }

    /// Asserts that the stage gives what `whole` gives for `input`, fed whole, a byte at a
    /// time and in random pieces; returns that.
    fn assert_streams_like<S: Stage>(
        new: fn() -> S,
        whole: Whole,
        input: &[u8],
        seed: u64,
    ) -> Result<Vec<u8>, Refusal> {
        let expected = whole(input);
        assert_eq!(fed(new(), input, || usize::MAX), expected, "fed whole");
        assert_eq!(fed(new(), input, || 1), expected, "fed byte by byte");
        let mut rng = StdRng::seed_from_u64(seed);
        for max in [3, 17, 300, 5_000] {
            assert_eq!(
                fed(new(), input, || rng.random_range(0..=max)),
                expected,
                "fed in pieces of up to {max} bytes"
            );
        }
        expected
    }

    // --- JPEG -------------------------------------------------------------------------------

    fn jfif() -> Vec<u8> {
        segment(markers::APP0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    }

    fn icc() -> Vec<u8> {
        segment(markers::APP2, b"ICC_PROFILE\0\x01\x01fake colour profile")
    }

    fn exif(order: ByteOrder, orientation: u16) -> Vec<u8> {
        segment(markers::APP1, &exif_with_orientation(order, orientation))
    }

    fn orientation(order: ByteOrder, value: u16) -> Vec<u8> {
        segment(markers::APP1, &orientation_exif(order, value))
    }

    /// The tables, frame and scan header of a baseline JPEG.
    fn tables() -> Vec<u8> {
        [
            segment(markers::DQT, &[0; 65]),
            segment(markers::SOF0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
            segment(markers::DHT, &[0; 17]),
            segment(markers::SOS, &[1, 1, 0, 0, 63, 0]),
        ]
        .concat()
    }

    const SCAN: [u8; 9] = [
        0x12,
        0xFF,
        0x00,
        0x34,
        0xFF,
        0xFF,
        markers::RST3,
        0x56,
        0x78,
    ];
    const SOI: [u8; 2] = [0xFF, markers::SOI];
    const EOI: [u8; 2] = [0xFF, markers::EOI];

    /// A JPEG of the given segments before its tables, a scan and its end.
    fn jpeg(head: &[Vec<u8>]) -> Vec<u8> {
        [&SOI[..], &head.concat(), &tables(), &SCAN, &EOI].concat()
    }

    /// JPEGs that the check keeps (each with what it keeps, where the check's own tests do not
    /// say) and JPEGs it refuses.
    fn jpeg_fixtures() -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
        let JpegFixture { input, expected } = jpeg_fixture();
        let comment = segment(markers::COM, b"Hauptstrasse 1");
        let le6 = exif(ByteOrder::Little, 6);
        let plain = jpeg(&[]);
        // Up to the end of the scan, without the end of image.
        let body = &plain[..plain.len() - 2];
        let mut fixtures = vec![
            (input, Some(expected.clone())),
            (expected.clone(), Some(expected.clone())),
            // Orientation known before any kept segment but JFIF: nothing is held.
            (
                jpeg(&[jfif(), comment.clone(), le6.clone(), icc()]),
                Some(jpeg(&[jfif(), orientation(ByteOrder::Little, 6), icc()])),
            ),
            // EXIF after kept segments: those are held, the orientation goes before them.
            (
                jpeg(&[jfif(), icc(), comment.clone(), le6.clone()]),
                Some(jpeg(&[jfif(), orientation(ByteOrder::Little, 6), icc()])),
            ),
            // EXIF before the JFIF header: the orientation still follows it.
            (
                jpeg(&[exif(ByteOrder::Big, 8), jfif(), jfif(), icc()]),
                Some(jpeg(&[
                    jfif(),
                    jfif(),
                    orientation(ByteOrder::Big, 8),
                    icc(),
                ])),
            ),
            // Without a JFIF header it follows the start of image.
            (
                jpeg(&[icc(), exif(ByteOrder::Big, 3)]),
                Some(jpeg(&[orientation(ByteOrder::Big, 3), icc()])),
            ),
            // Only the first EXIF segment counts, even when upright.
            (
                jpeg(&[jfif(), exif(ByteOrder::Little, 1), icc(), le6.clone()]),
                Some(jpeg(&[jfif(), icc()])),
            ),
            // No EXIF: everything after the JFIF header is held until the scan.
            (
                jpeg(&[jfif(), icc(), comment.clone(), jfif()]),
                Some(jpeg(&[jfif(), icc(), jfif()])),
            ),
            (jpeg(&[]), Some(jpeg(&[]))),
            // Garbage, fill bytes and markers without a length between segments are dropped.
            (
                [
                    &SOI[..],
                    &[0x00, 0x12, 0xFF, 0xFF],
                    &jfif(),
                    &[0xFF, markers::RST1, 0xFF, markers::SOI, 0x42],
                    &le6,
                    &tables(),
                    &SCAN,
                    &EOI,
                ]
                .concat(),
                Some(jpeg(&[jfif(), orientation(ByteOrder::Little, 6)])),
            ),
            // A segment between scans after fill bytes, which are kept.
            (
                [body, &[0xFF, 0xFF], &comment, &[0x9A], &EOI, b"appended"].concat(),
                Some([body, &[0xFF, 0xFF, 0x9A], &EOI].concat()),
            ),
        ];
        for (head, _) in [
            jpeg_with(true, &[segment(markers::APP1, &exif_with_gps())], &[]),
            jpeg_with(false, &[exif(ByteOrder::Big, 8)], &[]),
        ] {
            fixtures.push((head, None));
        }
        let refused = [
            expected[..expected.len() - 2].to_vec(),
            vec![0xFF, 0xD8, 0xFF, 0xD9, 0, 0],
            vec![0xFF, 0xD8],
            vec![0xFF],
            vec![0xFF, 0xD9],
            // A start of image inside the scan.
            [body, &SOI, &EOI].concat(),
            // A segment after the scan with a length below 2.
            [body, &[0xFF, markers::COM, 0, 1, 0xFF], &EOI].concat(),
            // A header segment with a length below 2, and one running past the end.
            [
                &SOI[..],
                &[0xFF, markers::APP0, 0, 0],
                &tables(),
                &SCAN,
                &EOI,
            ]
            .concat(),
            [&SOI[..], &[0xFF, markers::APP0, 0xFF, 0xFF, 1, 2]].concat(),
            // The scan header ends the file.
            [&SOI[..], &tables()].concat(),
        ];
        fixtures.extend(refused.into_iter().map(|bytes| (bytes, None)));
        fixtures
    }

    #[test]
    fn a_jpeg_fed_in_any_pieces_is_cleaned_as_whole() {
        let mut refused = 0;
        for (seed, (input, expected)) in jpeg_fixtures().into_iter().enumerate() {
            let out = assert_streams_like(JpegStage::new, strip_jpeg, &input, seed as u64);
            if let Some(expected) = expected {
                assert_eq!(out.as_ref(), Ok(&expected), "fixture {seed}");
            }
            refused += usize::from(out.is_err());
        }
        assert_eq!(refused, 10, "the refused fixtures");
    }

    /// Random changes to a file: bytes set (often to what means most in these formats),
    /// the end cut or extended, bytes inserted or removed.
    fn mutated(rng: &mut StdRng, file: &[u8]) -> Vec<u8> {
        let mut bytes = file.to_vec();
        let len = bytes.len().max(1);
        match rng.random_range(0..5) {
            0 => {
                for _ in 0..rng.random_range(1..5) {
                    let at = rng.random_range(0..len);
                    let value = [0x00, 0x01, 0xFF, markers::EOI, markers::SOS, rng.random()]
                        [rng.random_range(0..6)];
                    if let Some(byte) = bytes.get_mut(at) {
                        *byte = value;
                    }
                }
            }
            1 => bytes.truncate(rng.random_range(0..len)),
            2 => {
                let mut tail = vec![0; rng.random_range(1..64)];
                rng.fill(&mut tail[..]);
                bytes.extend_from_slice(&tail);
            }
            3 => {
                let at = rng.random_range(0..=bytes.len());
                let mut piece = vec![0; rng.random_range(1..16)];
                rng.fill(&mut piece[..]);
                bytes.splice(at..at, piece);
            }
            _ => {
                let at = rng.random_range(0..len).min(bytes.len());
                let end = (at + rng.random_range(1..16)).min(bytes.len());
                bytes.drain(at..end);
            }
        }
        bytes
    }

    /// Feeds thousands of mutations of `fixtures` to the stage in random pieces; asserts it
    /// gives what `whole` gives every time, and that both outcomes occur.
    fn assert_mutations_stream_like<S: Stage>(
        new: fn() -> S,
        whole: Whole,
        fixtures: &[Vec<u8>],
        seed: u64,
    ) {
        let mut rng = StdRng::seed_from_u64(seed);
        let (mut kept, mut refused) = (0, 0);
        for round in 0..3_000 {
            let bytes = mutated(&mut rng, &fixtures[round % fixtures.len()]);
            let expected = whole(&bytes);
            let max = [1, 7, 64, 4096][round % 4];
            let mut pieces = StdRng::seed_from_u64(round as u64);
            let out = fed(new(), &bytes, || pieces.random_range(0..=max));
            assert_eq!(out, expected, "round {round}: {bytes:02X?}");
            if expected.is_ok() {
                kept += 1;
            } else {
                refused += 1;
            }
        }
        assert!(
            kept > 300 && refused > 300,
            "{kept} kept, {refused} refused"
        );
    }

    #[test]
    fn mutated_jpegs_fed_in_pieces_are_cleaned_or_refused_as_whole() {
        let fixtures: Vec<Vec<u8>> = jpeg_fixtures()
            .into_iter()
            .filter(|(_, expected)| expected.is_some())
            .map(|(input, _)| input)
            .collect();
        assert_mutations_stream_like(JpegStage::new, strip_jpeg, &fixtures, 0x1AE6);
    }

    /// `len` bytes of entropy-coded data: random bytes, each 0xFF stuffed, with restart
    /// markers now and then.
    fn entropy_coded(rng: &mut StdRng, len: usize) -> Vec<u8> {
        let mut random = vec![0; len];
        rng.fill(&mut random[..]);
        let mut out = Vec::with_capacity(len + len / 128);
        for (at, byte) in random.into_iter().enumerate() {
            out.push(byte);
            if byte == 0xFF {
                out.push(0x00);
            }
            if at % 100_000 == 99_999 {
                out.extend_from_slice(&[0xFF, markers::RST0 + (at / 100_000 % 8) as u8]);
            }
        }
        out
    }

    #[test]
    fn a_ten_megabyte_jpeg_streams_through_holding_only_a_segment() {
        let mut rng = StdRng::seed_from_u64(0xB16);
        let scan = entropy_coded(&mut rng, 10 * 1024 * 1024);
        let comment = segment(markers::COM, b"Hauptstrasse 1");
        let input = [
            &SOI[..],
            &jfif(),
            &icc(),
            &exif(ByteOrder::Little, 6),
            &comment,
            &tables(),
            &scan,
            &EOI,
            &exif(ByteOrder::Little, 6),
        ]
        .concat();
        let expected = [
            &SOI[..],
            &jfif(),
            &orientation(ByteOrder::Little, 6),
            &icc(),
            &tables(),
            &scan,
            &EOI,
        ]
        .concat();
        assert_eq!(strip_jpeg(&input).as_ref(), Ok(&expected));
        let mut stage = JpegStage::new();
        let mut out = Vec::new();
        let mut rest = &input[..];
        while !rest.is_empty() {
            let size = [1, 100, 65_536, 1 << 20][rng.random_range(0..4)];
            let (piece, tail) = rest.split_at(rng.random_range(1..=size).min(rest.len()));
            stage.feed(piece, &mut out).unwrap();
            assert!(stage.holding() <= 2 * 65_540, "{}", stage.holding());
            rest = tail;
        }
        stage.finish(&mut out).unwrap();
        assert!(out == expected, "the cleaned JPEG differs");
    }

    #[test]
    fn a_jpeg_holding_more_than_the_cap_before_its_orientation_is_refused() {
        // 70 ICC segments of about 64 KiB: 4.4 MiB held while no EXIF has been seen.
        let profile: Vec<Vec<u8>> = (1..=70u8)
            .map(|at| {
                let mut contents = b"ICC_PROFILE\0".to_vec();
                contents.extend_from_slice(&[at, 70]);
                contents.resize(65_000, at);
                segment(markers::APP2, &contents)
            })
            .collect();
        let held = jpeg(&[&[jfif()][..], &profile].concat());
        // strip_jpeg reads the whole file and keeps it; the stage would have to hold it.
        assert_eq!(strip_jpeg(&held).as_ref(), Ok(&held));
        assert_eq!(
            fed(JpegStage::new(), &held, || 4096),
            Err(Refusal::Unreadable)
        );
        // With EXIF first, nothing is held and the same profile passes.
        let streamed = jpeg(&[&[jfif(), exif(ByteOrder::Big, 6)][..], &profile].concat());
        let expected = strip_jpeg(&streamed).unwrap();
        assert_eq!(fed(JpegStage::new(), &streamed, || 4096), Ok(expected));
    }

    // --- PNG --------------------------------------------------------------------------------

    fn png_fixtures() -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
        let (input, expected) = png_fixture();
        let iend = chunk(b"IEND", &[]);
        let ihdr_end = SIGNATURE.len() + 25;
        let mut bad_metadata_crc = input.clone();
        // The last byte of the eXIf chunk's CRC, right after IHDR: dropped, still checked.
        let exif_len = 12 + exif_with_gps().len() - 6;
        bad_metadata_crc[ihdr_end + exif_len - 1] ^= 1;
        let mut bad_crc = expected.clone();
        let last = bad_crc.len() - 1;
        bad_crc[last] ^= 1;
        vec![
            (input.clone(), Some(expected.clone())),
            (expected.clone(), Some(expected.clone())),
            (
                [&input[..], b"appended after the end"].concat(),
                Some(expected.clone()),
            ),
            // IEND with data is still the end.
            (
                [
                    &expected[..expected.len() - 12],
                    &chunk(b"IEND", b"xy"),
                    &iend,
                ]
                .concat(),
                Some([&expected[..expected.len() - 12], &chunk(b"IEND", b"xy")].concat()),
            ),
            (bad_metadata_crc, None),
            (bad_crc, None),
            (expected[..expected.len() - 12].to_vec(), None),
            (expected[..expected.len() - 1].to_vec(), None),
            (expected[..ihdr_end + 3].to_vec(), None),
            // The first chunk is not IHDR.
            ([SIGNATURE, &iend, &expected[8..]].concat(), None),
            ([SIGNATURE, &iend].concat(), None),
            (SIGNATURE.to_vec(), None),
            (SIGNATURE[..5].to_vec(), None),
            (b"\x89PNX\r\n\x1a\n".to_vec(), None),
        ]
    }

    #[test]
    fn a_png_fed_in_any_pieces_is_cleaned_as_whole() {
        let mut refused = 0;
        for (seed, (input, expected)) in png_fixtures().into_iter().enumerate() {
            let out = assert_streams_like(PngStage::new, strip_png, &input, seed as u64);
            if let Some(expected) = expected {
                assert_eq!(out.as_ref(), Ok(&expected), "fixture {seed}");
            }
            refused += usize::from(out.is_err());
        }
        assert_eq!(refused, 10, "the refused fixtures");
    }

    #[test]
    fn mutated_pngs_fed_in_pieces_are_cleaned_or_refused_as_whole() {
        let fixtures: Vec<Vec<u8>> = png_fixtures()
            .into_iter()
            .filter(|(_, expected)| expected.is_some())
            .map(|(input, _)| input)
            .collect();
        assert_mutations_stream_like(PngStage::new, strip_png, &fixtures, 0x96);
    }

    #[test]
    fn a_ten_megabyte_png_streams_through() {
        let mut rng = StdRng::seed_from_u64(0xB19);
        let mut data = vec![0; 10 * 1024 * 1024];
        rng.fill(&mut data[..]);
        let (_, small) = png_fixture();
        let ihdr = &small[8..33];
        let idat = chunk(b"IDAT", &data);
        let iend = chunk(b"IEND", &[]);
        let text = chunk(b"tEXt", b"Author\0Erika Mustermann");
        let input = [SIGNATURE, ihdr, &text, &idat, &text, &iend].concat();
        let expected = [SIGNATURE, ihdr, &idat, &iend].concat();
        assert!(strip_png(&input) == Ok(expected.clone()));
        let out = fed(PngStage::new(), &input, || rng.random_range(1..=1 << 20));
        assert!(out == Ok(expected), "the cleaned PNG differs");
        // A dropped chunk this large is skipped, CRC and all.
        let big_text = chunk(b"zTXt", &data);
        let input = [SIGNATURE, ihdr, &big_text, &iend].concat();
        let out = fed(PngStage::new(), &input, || rng.random_range(1..=1 << 20));
        assert_eq!(out, Ok([SIGNATURE, ihdr, &iend].concat()));
    }

    // --- HEIC -------------------------------------------------------------------------------

    /// A HEIC of `ftyp`, an `mdat` with the data of `before` (if any), `meta` listing all
    /// items (and `extra` boxes inside it), and an `mdat` with the data of `after` (if any);
    /// with where each item's data lies, `before` first.
    fn heic_laid_out(
        before: &[HeicItem],
        after: &[HeicItem],
        extra: &[u8],
    ) -> (Vec<u8>, Vec<Range<usize>>) {
        let ftyp = iso_box(b"ftyp", b"heic\0\0\0\0mif1heic");
        let items: Vec<&HeicItem> = before.iter().chain(after).collect();
        let build_meta = |offsets: &[u32]| {
            let hdlr = full_iso_box(b"hdlr", 0, b"\0\0\0\0pict\0\0\0\0\0\0\0\0\0\0\0\0\0");
            let mut iinf = u16::try_from(items.len()).unwrap().to_be_bytes().to_vec();
            let mut iloc = vec![0x44, 0x00];
            iloc.extend_from_slice(&u16::try_from(items.len()).unwrap().to_be_bytes());
            for (item, offset) in items.iter().zip(offsets) {
                iinf.extend_from_slice(&item.infe);
                iloc.extend_from_slice(&u16::try_from(item.id).unwrap().to_be_bytes());
                iloc.extend_from_slice(&[0, 0, 0, 1]);
                iloc.extend_from_slice(&offset.to_be_bytes());
                iloc.extend_from_slice(&u32::try_from(item.data.len()).unwrap().to_be_bytes());
            }
            let iinf = full_iso_box(b"iinf", 0, &iinf);
            let iloc = full_iso_box(b"iloc", 0, &iloc);
            full_iso_box(b"meta", 0, &[&hdlr[..], &iinf, &iloc, extra].concat())
        };
        let mdat = |items: &[HeicItem]| {
            if items.is_empty() {
                Vec::new()
            } else {
                iso_box(
                    b"mdat",
                    &items
                        .iter()
                        .flat_map(|item| item.data.clone())
                        .collect::<Vec<_>>(),
                )
            }
        };
        let (first, second) = (mdat(before), mdat(after));
        let meta_len = build_meta(&vec![0; items.len()]).len();
        let mut ranges = Vec::new();
        let mut at = ftyp.len() + 8;
        for item in before {
            ranges.push(at..at + item.data.len());
            at += item.data.len();
        }
        let mut at = ftyp.len() + first.len() + meta_len + 8;
        for item in after {
            ranges.push(at..at + item.data.len());
            at += item.data.len();
        }
        let offsets: Vec<u32> = ranges.iter().map(|range| range.start as u32).collect();
        let file = [ftyp, first, build_meta(&offsets), second].concat();
        (file, ranges)
    }

    fn heic_fixtures() -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
        let blanked = |(file, ranges): (Vec<u8>, Vec<Range<usize>>), which: &[usize]| {
            let mut out = file.clone();
            for &index in which {
                out[ranges[index].clone()].fill(0);
            }
            (file, Some(out))
        };
        let (plain, _) = heic(0, &[image_item(2, 0)]);
        let (usual, _) = heic(0, &[image_item(2, 0), exif_item(2, 0)]);
        let mut fixtures = vec![
            blanked(heic(0, &[image_item(2, 0), exif_item(2, 0)]), &[1]),
            blanked(
                heic(2, &[image_item(3, 0), exif_item(3, 0), xmp_item(3)]),
                &[1, 2],
            ),
            blanked(heic(1, &[image_item(2, 1), exif_item(2, 0)]), &[1]),
            (plain.clone(), Some(plain.clone())),
            // The mdat before the meta box: held until it comes.
            blanked(
                heic_laid_out(&[image_item(2, 0), exif_item(2, 0), xmp_item(2)], &[], b""),
                &[1, 2],
            ),
            // Metadata on both sides of the meta box.
            blanked(
                heic_laid_out(&[exif_item(2, 0)], &[image_item(2, 0), xmp_item(2)], b""),
                &[0, 2],
            ),
            // A box with a large size after the rest, and one running to the end.
            blanked(
                {
                    let (file, ranges) = heic(0, &[image_item(2, 0), exif_item(2, 0)]);
                    let mut free = vec![0, 0, 0, 1];
                    free.extend_from_slice(b"free");
                    free.extend_from_slice(&20u64.to_be_bytes());
                    free.extend_from_slice(b"four");
                    ([&file[..], &free, &iso_box(b"skip", b"")].concat(), ranges)
                },
                &[1],
            ),
            blanked(
                {
                    let (file, ranges) = heic(0, &[image_item(2, 0), exif_item(2, 0)]);
                    (
                        [&file[..], &[0, 0, 0, 0], b"free", b"to the end"].concat(),
                        ranges,
                    )
                },
                &[1],
            ),
        ];
        // The meta box last, running to the end of the file (a size of 0).
        let (mut to_end, ranges) = heic_laid_out(&[image_item(2, 0), exif_item(2, 0)], &[], b"");
        let meta_at = 24 + 8 + ranges.iter().map(ExactSizeIterator::len).sum::<usize>();
        assert_eq!(&to_end[meta_at + 4..meta_at + 8], b"meta");
        to_end[meta_at..meta_at + 4].fill(0);
        fixtures.push(blanked((to_end, ranges), &[1]));
        let refused = [
            heic(1, &[image_item(2, 0), exif_item(2, 1)]).0,
            usual[..usual.len() - 10].to_vec(),
            usual[..usual.len() - 1].to_vec(),
            [&usual[..], &[0, 0, 0, 9]].concat(),
            [&usual[..], &iso_box(b"meta", b"")].concat(),
            [&usual[..], &iso_box(b"moov", b"")].concat(),
            [&usual[..], &[0, 0, 0, 7], b"free"].concat(),
            [&usual[..], &[0, 0, 0, 1], b"free", &15u64.to_be_bytes()].concat(),
            // No meta box at all.
            usual[..24].to_vec(),
            Vec::new(),
        ];
        fixtures.extend(refused.into_iter().map(|bytes| (bytes, None)));
        fixtures
    }

    #[test]
    fn a_heic_fed_in_any_pieces_is_blanked_as_whole() {
        let mut refused = 0;
        for (seed, (input, expected)) in heic_fixtures().into_iter().enumerate() {
            let out = assert_streams_like(HeicStage::new, blank_heic_metadata, &input, seed as u64);
            if let Some(expected) = expected {
                assert_eq!(out.as_ref(), Ok(&expected), "fixture {seed}");
            }
            refused += usize::from(out.is_err());
        }
        assert_eq!(refused, 10, "the refused fixtures");
    }

    #[test]
    fn mutated_heics_fed_in_pieces_are_blanked_or_refused_as_whole() {
        let fixtures: Vec<Vec<u8>> = heic_fixtures()
            .into_iter()
            .filter(|(_, expected)| expected.is_some())
            .map(|(input, _)| input)
            .collect();
        assert_mutations_stream_like(HeicStage::new, blank_heic_metadata, &fixtures, 0x4E1C);
    }

    #[test]
    fn a_large_heic_streams_after_its_meta_box_and_is_held_when_its_mdat_comes_first() {
        let mut rng = StdRng::seed_from_u64(0x4E1D);
        let mut data = vec![0; 10 * 1024 * 1024];
        rng.fill(&mut data[..]);
        let big = || HeicItem {
            id: 4,
            infe: infe(2, 4, b"hvc1", b""),
            data: data.clone(),
            construction_method: 0,
        };
        for mdat_first in [false, true] {
            let (input, ranges) = if mdat_first {
                heic_laid_out(&[image_item(2, 0), exif_item(2, 0)], &[big()], b"")
            } else {
                heic_laid_out(&[], &[exif_item(2, 0), big()], b"")
            };
            let mut expected = input.clone();
            expected[ranges[if mdat_first { 1 } else { 0 }].clone()].fill(0);
            assert!(blank_heic_metadata(&input) == Ok(expected.clone()));
            let mut stage = HeicStage::new();
            let mut out = Vec::new();
            for piece in input.chunks(rng.random_range(1..=1 << 20)) {
                stage.feed(piece, &mut out).unwrap();
                if !mdat_first && out.len() > 4096 {
                    assert!(stage.holding() < 4096, "{}", stage.holding());
                }
            }
            stage.finish(&mut out).unwrap();
            assert!(out == expected, "the blanked HEIC differs ({mdat_first})");
        }
    }

    #[test]
    fn a_heic_meta_box_over_the_cap_is_refused() {
        let padding = iso_box(b"free", &vec![0; HEIC_MAX_META]);
        let (input, _) = heic_laid_out(&[], &[image_item(2, 0), exif_item(2, 0)], &padding);
        // blank_heic_metadata reads it; the stage will not hold it.
        assert!(blank_heic_metadata(&input).is_ok());
        assert_eq!(
            fed(HeicStage::new(), &input, || 4096),
            Err(Refusal::Unreadable)
        );
        // Just under the cap, it is read like any other.
        let padding = iso_box(b"free", &vec![0; HEIC_MAX_META - 4096]);
        let (input, _) = heic_laid_out(&[], &[image_item(2, 0), exif_item(2, 0)], &padding);
        let expected = blank_heic_metadata(&input);
        assert!(expected.is_ok());
        assert!(fed(HeicStage::new(), &input, || 4096) == expected);
    }
}
