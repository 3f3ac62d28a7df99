//! The check a document passes before it is kept: its type from its content, its size, and
//! what it must not carry.
//!
//! The type is read from the magic bytes only; a file's name and the type a client declares
//! are whatever the sender chose, so an executable called `mietvertrag.pdf` is refused like
//! any other file that is not one of the four accepted types.
//!
//! A PDF is refused, not cleaned, when it carries scripts, launch actions, attached files or
//! encryption: rewriting a PDF risks changing what a landlord signed, and an encrypted one
//! cannot be looked into at all. An image is cleaned, never re-encoded: its metadata segments
//! are dropped (JPEG, PNG) or blanked in place (HEIC), so the picture itself stays bit for bit.
//!
//! The one piece of metadata kept is the orientation, since phones store a photo's rotation
//! there instead of rotating the pixels, and without it a clerk sees the photo sideways. A
//! JPEG's EXIF Orientation (tag 0x0112) is written into a fresh EXIF segment holding nothing
//! else; a HEIC's rotation is its `irot` property, not EXIF, so blanking EXIF leaves it alone.
//! A PNG's `eXIf` chunk goes whole, as few viewers honour it.
//!
//! No input panics: every length read from a file goes through `get` and checked arithmetic.

use std::ops::Range;

use img_parts::jpeg::markers;
#[cfg(test)]
use img_parts::{
    Bytes,
    jpeg::{Jpeg, JpegSegment},
    png::Png,
};

/// The kinds of document the office accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Pdf,
    Jpeg,
    Png,
    Heic,
}

impl Kind {
    /// The media type to store and serve the document with.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Heic => "image/heic",
        }
    }

    /// The kind as stored with a document and counted in the metrics.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Jpeg => "jpeg",
            Kind::Png => "png",
            Kind::Heic => "heic",
        }
    }

    /// The kind of a stored [`Kind::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        [Kind::Pdf, Kind::Jpeg, Kind::Png, Kind::Heic]
            .into_iter()
            .find(|k| k.name() == name)
    }

    /// The file name extension to store the document with, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
            Kind::Heic => "heic",
        }
    }
}

/// A document that passed the check: the bytes to keep, which for an image are the cleaned
/// ones, not those received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub kind: Kind,
    pub bytes: Vec<u8>,
}

/// Why a document is not kept. Channels word each for the citizen; the messages here are for
/// logs only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {max_bytes} bytes")]
    TooLarge { max_bytes: usize },
    /// Not a PDF, JPEG, PNG or HEIC by its content, whatever its name.
    #[error("the file is not a PDF, JPEG, PNG or HEIC")]
    NotAccepted,
    /// A PDF with JavaScript or a launch action.
    #[error("the PDF contains JavaScript or a launch action")]
    PdfActive,
    /// A PDF with attached files.
    #[error("the PDF contains embedded files")]
    PdfEmbedded,
    /// A PDF with an `/Encrypt` dictionary, whose content cannot be checked.
    #[error("the PDF is encrypted")]
    PdfEncrypted,
    /// The file has the magic bytes of an accepted type but does not parse as one (truncated,
    /// damaged, or built in a way the check cannot handle safely).
    #[error("the file cannot be read")]
    Unreadable,
}

impl Refusal {
    /// The message (in `locales/*/documents.ftl`) that tells the citizen why and what to do
    /// instead; `document-refused-too-large` takes `$mb`.
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::Empty => "document-refused-empty",
            Refusal::TooLarge { .. } => "document-refused-too-large",
            Refusal::NotAccepted => "document-refused-not-accepted",
            Refusal::PdfActive => "document-refused-pdf-active",
            Refusal::PdfEmbedded => "document-refused-pdf-embedded",
            Refusal::PdfEncrypted => "document-refused-pdf-encrypted",
            Refusal::Unreadable => "document-refused-unreadable",
        }
    }
}

/// The kind from the magic bytes. HEIC is told by its `ftyp` brands here, since `infer` names
/// only some of the HEVC brands `image/heif` and calls others video.
pub(super) fn kind_of(bytes: &[u8]) -> Option<Kind> {
    if has_hevc_image_brand(bytes) {
        return Some(Kind::Heic);
    }
    match infer::get(bytes)?.mime_type() {
        "application/pdf" => Some(Kind::Pdf),
        "image/jpeg" => Some(Kind::Jpeg),
        "image/png" => Some(Kind::Png),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// PDF: `pdf_scan.rs`

// ---------------------------------------------------------------------------------------------
// JPEG

/// Drops the metadata segments of a JPEG and anything after its end, keeping the colour
/// profile and the JFIF/Adobe headers a decoder needs.
///
/// The orientation alone survives the EXIF segment: when the first EXIF segment before the
/// scan says the picture is rotated or mirrored (Orientation 2 to 8), a new EXIF segment with
/// only that tag takes its place right after the JFIF header, so that viewers still turn the
/// photo upright. Any EXIF that cannot be read safely is dropped without a trace; it never
/// costs the citizen the image.
///
/// `img-parts` parses the segments up to the first scan and hands the rest of the file over
/// as that scan's data; the rest is walked here, since later scans of a progressive JPEG may
/// be preceded by segments too, and what follows the end of the image (the further images of
/// a multi-picture file, each with its own EXIF, or any appended data) must go as well.
#[cfg(test)] // The whole-file reference the stage is tested against.
pub(super) fn strip_jpeg(bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let mut jpeg =
        Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| Refusal::Unreadable)?;
    let segments = jpeg.segments_mut();
    let orientation = segments
        .iter()
        .find(|segment| segment.marker() == markers::APP1 && segment.contents().starts_with(EXIF))
        .and_then(|segment| exif_orientation(segment.contents()));
    segments.retain(|segment| keep_jpeg_segment(segment.marker(), segment.contents()));
    if let Some((order, value)) = orientation {
        // Right after SOI and the JFIF header, where readers look for EXIF.
        let at = segments
            .iter()
            .take_while(|segment| segment.marker() == markers::APP0)
            .count();
        let exif = orientation_exif(order, value);
        segments.insert(
            at,
            JpegSegment::new_with_contents(markers::APP1, exif.into()),
        );
    }
    // The first scan carries the rest of the file; without one there is no image.
    let scan = segments
        .iter_mut()
        .find(|segment| segment.has_entropy())
        .ok_or(Refusal::Unreadable)?;
    let rest = jpeg_rest_cleaned(&scan.clone().encoder().bytes()).ok_or(Refusal::Unreadable)?;
    *scan = JpegSegment::new_with_entropy(markers::SOS, scan.contents().clone(), rest.into());
    Ok(jpeg.encoder().bytes().to_vec())
}

pub(super) fn keep_jpeg_segment(marker: u8, contents: &[u8]) -> bool {
    match marker {
        // JFIF, not its JFXX extension, whose thumbnail may show what was cropped.
        markers::APP0 => contents.starts_with(b"JFIF\0"),
        markers::APP2 => contents.starts_with(b"ICC_PROFILE\0"),
        markers::APP14 => contents.starts_with(b"Adobe"),
        // EXIF and XMP (APP1), maker notes, MPF, IPTC and the rest.
        markers::APP0..=markers::APP15 | markers::COM => false,
        _ => true,
    }
}

/// The start of an EXIF APP1 segment's contents, before the TIFF structure.
pub(super) const EXIF: &[u8] = b"Exif\0\0";
/// The EXIF (TIFF) tag of the orientation.
const ORIENTATION_TAG: u16 = 0x0112;
/// The TIFF field type SHORT (unsigned 16-bit), the orientation's.
const TIFF_SHORT: u16 = 3;

/// The byte order of a TIFF structure, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ByteOrder {
    /// `II*\0`
    Little,
    /// `MM\0*`
    Big,
}

impl ByteOrder {
    /// The 16-bit field at `at` in `data`, if it is all there.
    fn u16_at(self, data: &[u8], at: usize) -> Option<u16> {
        let bytes = data.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(match self {
            ByteOrder::Little => u16::from_le_bytes(bytes),
            ByteOrder::Big => u16::from_be_bytes(bytes),
        })
    }

    /// The 32-bit field at `at` in `data`, if it is all there.
    fn u32_at(self, data: &[u8], at: usize) -> Option<u32> {
        let bytes = data.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(match self {
            ByteOrder::Little => u32::from_le_bytes(bytes),
            ByteOrder::Big => u32::from_be_bytes(bytes),
        })
    }

    fn u16_bytes(self, value: u16) -> [u8; 2] {
        match self {
            ByteOrder::Little => value.to_le_bytes(),
            ByteOrder::Big => value.to_be_bytes(),
        }
    }

    fn u32_bytes(self, value: u32) -> [u8; 4] {
        match self {
            ByteOrder::Little => value.to_le_bytes(),
            ByteOrder::Big => value.to_be_bytes(),
        }
    }
}

/// The orientation an EXIF APP1 segment's IFD0 gives, with the segment's byte order, when it
/// is one that turns or mirrors the picture (2 to 8). `None` for upright (1), for no
/// orientation, and for anything malformed: an IFD outside the data, more entries than fit,
/// an orientation of another type or count, or a value outside 1 to 8.
pub(super) fn exif_orientation(contents: &[u8]) -> Option<(ByteOrder, u16)> {
    let tiff = contents.strip_prefix(EXIF)?;
    let order = match tiff.get(0..4)? {
        b"II*\0" => ByteOrder::Little,
        b"MM\0*" => ByteOrder::Big,
        _ => return None,
    };
    // Offsets count from the TIFF header.
    let ifd0 = usize::try_from(order.u32_at(tiff, 4)?).ok()?;
    let count = usize::from(order.u16_at(tiff, ifd0)?);
    let entries_start = ifd0.checked_add(2)?;
    let entries_end = count.checked_mul(12)?.checked_add(entries_start)?;
    // The whole directory must be there, however many entries precede the orientation.
    let entries = tiff.get(entries_start..entries_end)?;
    let entry = entries
        .chunks_exact(12)
        .find(|entry| order.u16_at(entry, 0) == Some(ORIENTATION_TAG))?;
    if order.u16_at(entry, 2)? != TIFF_SHORT || order.u32_at(entry, 4)? != 1 {
        return None;
    }
    // A single SHORT sits in the first two bytes of the value field.
    let value = order.u16_at(entry, 8)?;
    (2..=8).contains(&value).then_some((order, value))
}

/// The contents of an EXIF APP1 segment holding only the orientation: `Exif\0\0`, a TIFF
/// header in `order`, and an IFD0 with the one entry and no next IFD.
pub(super) fn orientation_exif(order: ByteOrder, value: u16) -> Vec<u8> {
    let mut out = EXIF.to_vec();
    out.extend_from_slice(match order {
        ByteOrder::Little => b"II*\0",
        ByteOrder::Big => b"MM\0*",
    });
    // IFD0 right after the 8-byte header.
    out.extend_from_slice(&order.u32_bytes(8));
    out.extend_from_slice(&order.u16_bytes(1));
    out.extend_from_slice(&order.u16_bytes(ORIENTATION_TAG));
    out.extend_from_slice(&order.u16_bytes(TIFF_SHORT));
    out.extend_from_slice(&order.u32_bytes(1));
    out.extend_from_slice(&order.u16_bytes(value));
    out.extend_from_slice(&[0, 0]);
    // No next IFD.
    out.extend_from_slice(&order.u32_bytes(0));
    out
}

/// The data after the first scan header, given as the encoded scan segment (marker, length,
/// header, then everything after it), cut after the end-of-image marker and without metadata
/// segments between scans. `None` for a file that ends before its end-of-image marker.
#[cfg(test)] // The whole-file reference the stage is tested against.
fn jpeg_rest_cleaned(scan: &[u8]) -> Option<Vec<u8>> {
    let header_length = usize::from(u16::from_be_bytes([*scan.get(2)?, *scan.get(3)?]));
    let mut at = header_length.checked_add(2)?;
    let mut out = Vec::with_capacity(scan.len().saturating_sub(at));
    loop {
        let byte = *scan.get(at)?;
        if byte != 0xFF {
            out.push(byte);
            at = at.checked_add(1)?;
            continue;
        }
        let marker = *scan.get(at.checked_add(1)?)?;
        match marker {
            // A fill byte before a marker.
            0xFF => {
                out.push(0xFF);
                at = at.checked_add(1)?;
            }
            markers::EOI => {
                out.extend_from_slice(&[0xFF, markers::EOI]);
                return Some(out);
            }
            markers::SOI => return None,
            // Stuffed 0xFF, restart markers, and the other markers without a length.
            0x00..=0xBF | markers::RST0..=markers::RST7 => {
                out.extend_from_slice(&[0xFF, marker]);
                at = at.checked_add(2)?;
            }
            _ => {
                let length_at = at.checked_add(2)?;
                let length = u16::from_be_bytes([
                    *scan.get(length_at)?,
                    *scan.get(length_at.checked_add(1)?)?,
                ]);
                let end = length_at.checked_add(usize::from(length))?;
                let segment = scan.get(at..end)?;
                let contents = segment.get(4..)?;
                if keep_jpeg_segment(marker, contents) {
                    out.extend_from_slice(segment);
                }
                at = end;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// PNG

/// Chunks that carry metadata: EXIF, the three kinds of text (author, comment, software,
/// XMP in `iTXt`), and the time of the last change.
pub(super) const PNG_METADATA_CHUNKS: [[u8; 4]; 5] =
    [*b"eXIf", *b"tEXt", *b"iTXt", *b"zTXt", *b"tIME"];

/// Drops the metadata chunks of a PNG, and anything after `IEND`. `img-parts` checks every
/// chunk's CRC on reading and writes the kept chunks as they were.
#[cfg(test)] // The whole-file reference the stage is tested against.
pub(super) fn strip_png(bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let mut png =
        Png::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|_| Refusal::Unreadable)?;
    let chunks = png.chunks_mut();
    let framed = chunks.first().is_some_and(|chunk| &chunk.kind() == b"IHDR")
        && chunks.last().is_some_and(|chunk| &chunk.kind() == b"IEND");
    if !framed {
        return Err(Refusal::Unreadable);
    }
    chunks.retain(|chunk| !PNG_METADATA_CHUNKS.contains(&chunk.kind()));
    Ok(png.encoder().bytes().to_vec())
}

// ---------------------------------------------------------------------------------------------
// HEIC
//
// Hand-written because no maintained Rust crate removes metadata from a HEIF file: the image
// crates decode HEIC only through libheif (C), and re-encoding would change the picture
// anyway. Blanking in place needs only the box structure (ISO/IEC 14496-12) and the item
// boxes of HEIF (ISO/IEC 23008-12): the `Exif` items and the XMP `mime` items are found in
// `iinf`, their bytes in `iloc`, and those bytes are overwritten with zeros, so every offset
// in the file stays valid and the image data is untouched.
//
// The orientation needs no saving here, unlike a JPEG's: HEIF rotates and mirrors an image
// with its `irot` and `imir` item properties in `iprp`, which readers apply and which are not
// metadata items, so they are kept as they are while the EXIF copy of the orientation is
// blanked.

/// `ftyp` brands of HEVC-coded HEIF images and sequences. A file with only `mif1` may be AVIF
/// or JPEG in HEIF, which the office does not accept.
const HEVC_BRANDS: [&[u8; 4]; 6] = [b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"];

/// The content type of an XMP packet stored as a `mime` item.
const XMP_CONTENT_TYPE: &[u8] = b"application/rdf+xml";

/// Whether the file starts with an `ftyp` box naming a HEVC image brand, as major brand or as
/// a compatible one.
fn has_hevc_image_brand(bytes: &[u8]) -> bool {
    let Some(Ok(ftyp)) = Boxes::new(bytes).next() else {
        return false;
    };
    if &ftyp.kind != b"ftyp" {
        return false;
    }
    // The major brand, the minor version, then the compatible brands.
    let major = ftyp.body.get(0..4);
    let compatible = ftyp.body.get(8..).unwrap_or_default().chunks_exact(4);
    major
        .into_iter()
        .chain(compatible)
        .any(|brand| HEVC_BRANDS.iter().any(|hevc| hevc.as_slice() == brand))
}

#[cfg(test)] // The whole-file reference the stage is tested against.
pub(super) fn blank_heic_metadata(bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let mut meta = None;
    for item in Boxes::new(bytes) {
        let item = item?;
        match &item.kind {
            // Two of them would leave it to each reader which one counts.
            b"meta" if meta.replace(item.body).is_some() => return Err(Refusal::Unreadable),
            // An image sequence's tracks keep their own metadata (`udta`), not walked here.
            b"moov" => return Err(Refusal::Unreadable),
            _ => {}
        }
    }
    let extents = metadata_extents(meta.ok_or(Refusal::Unreadable)?, bytes.len())?;
    let mut out = bytes.to_vec();
    for extent in extents {
        out.get_mut(extent).ok_or(Refusal::Unreadable)?.fill(0);
    }
    Ok(out)
}

/// The file ranges to blank, from the body of the file's one `meta` box: the extents of its
/// EXIF and XMP items, each inside a file of `file_len` bytes. None when it lists no such item
/// (its `iloc` is then not read at all).
pub(super) fn metadata_extents(meta: &[u8], file_len: usize) -> Result<Vec<Range<usize>>, Refusal> {
    let (version, children) = full_box(meta)?;
    if version != 0 {
        return Err(Refusal::Unreadable);
    }
    let [hdlr, iinf, iloc] = single_boxes(children, [b"hdlr", b"iinf", b"iloc"])?;
    let (_, hdlr) = full_box(hdlr.ok_or(Refusal::Unreadable)?)?;
    // pre_defined (4 bytes), then the handler type: images are `pict`.
    if hdlr.get(4..8) != Some(b"pict".as_slice()) {
        return Err(Refusal::Unreadable);
    }
    let metadata_items = metadata_items(iinf.ok_or(Refusal::Unreadable)?)?;
    if metadata_items.is_empty() {
        return Ok(Vec::new());
    }
    item_extents(iloc.ok_or(Refusal::Unreadable)?, &metadata_items, file_len)
}

/// The bodies of the boxes of the given kinds among `children`; a kind found twice is refused.
fn single_boxes<'a, const N: usize>(
    children: &'a [u8],
    kinds: [&[u8; 4]; N],
) -> Result<[Option<&'a [u8]>; N], Refusal> {
    let mut found = [None; N];
    for child in Boxes::new(children) {
        let child = child?;
        if let Some(slot) = kinds
            .iter()
            .position(|kind| **kind == child.kind)
            .and_then(|index| found.get_mut(index))
            && slot.replace(child.body).is_some()
        {
            return Err(Refusal::Unreadable);
        }
    }
    Ok(found)
}

/// The ids of the items holding EXIF or XMP, from the item information box.
fn metadata_items(iinf: &[u8]) -> Result<Vec<u32>, Refusal> {
    let (version, body) = full_box(iinf)?;
    let mut reader = Reader::new(body);
    // The entry count; the entries are read as the boxes they are.
    if version == 0 {
        reader.u16()?;
    } else {
        reader.u32()?;
    }
    let mut items = Vec::new();
    for entry in Boxes::new(reader.rest()) {
        let entry = entry?;
        if &entry.kind != b"infe" {
            continue;
        }
        let (version, body) = full_box(entry.body)?;
        let mut reader = Reader::new(body);
        // Versions 0 and 1 predate item types; HEIF requires 2 or 3.
        let id = match version {
            2 => u32::from(reader.u16()?),
            3 => reader.u32()?,
            _ => return Err(Refusal::Unreadable),
        };
        let _protection_index = reader.u16()?;
        let item_type = reader.bytes(4)?;
        let _name = reader.string();
        let is_metadata = match item_type {
            b"Exif" => true,
            b"mime" => is_xmp_content_type(reader.string()),
            _ => false,
        };
        if is_metadata {
            items.push(id);
        }
    }
    Ok(items)
}

/// Whether a `mime` item's content type is XMP's, ignoring case and parameters.
fn is_xmp_content_type(content_type: &[u8]) -> bool {
    let media_type = content_type
        .split(|&byte| byte == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    media_type.eq_ignore_ascii_case(XMP_CONTENT_TYPE)
}

/// The file ranges of the given items' extents, from the item location box (versions 0 to 2).
///
/// Only what can be blanked safely passes: an extent given as file offsets (construction
/// method 0) in this file (data reference 0), of a stated length, inside the file. Any other
/// way of storing a metadata item is refused; other items may be stored however they like.
fn item_extents(iloc: &[u8], items: &[u32], file_len: usize) -> Result<Vec<Range<usize>>, Refusal> {
    let (version, body) = full_box(iloc)?;
    if version > 2 {
        return Err(Refusal::Unreadable);
    }
    let mut reader = Reader::new(body);
    let sizes = reader.u8()?;
    let (offset_size, length_size) = (sizes >> 4, sizes & 0x0F);
    let sizes = reader.u8()?;
    let base_offset_size = sizes >> 4;
    let index_size = if version == 0 { 0 } else { sizes & 0x0F };
    let item_count = if version < 2 {
        u32::from(reader.u16()?)
    } else {
        reader.u32()?
    };
    let mut extents = Vec::new();
    // Each item takes bytes, so a count larger than the box ends in an error, not a long loop.
    for _ in 0..item_count {
        let id = if version < 2 {
            u32::from(reader.u16()?)
        } else {
            reader.u32()?
        };
        let construction_method = if version == 0 {
            0
        } else {
            reader.u16()? & 0x000F
        };
        let data_reference_index = reader.u16()?;
        let base_offset = reader.uint(base_offset_size)?;
        let extent_count = reader.u16()?;
        let wanted = items.contains(&id);
        if wanted && (construction_method != 0 || data_reference_index != 0) {
            return Err(Refusal::Unreadable);
        }
        for _ in 0..extent_count {
            if index_size > 0 {
                reader.uint(index_size)?;
            }
            let offset = reader.uint(offset_size)?;
            let length = reader.uint(length_size)?;
            if !wanted {
                continue;
            }
            // A length of 0 means "to the end of the data", which would blank the image too.
            if length == 0 {
                return Err(Refusal::Unreadable);
            }
            let start = base_offset.checked_add(offset).ok_or(Refusal::Unreadable)?;
            let end = start.checked_add(length).ok_or(Refusal::Unreadable)?;
            let start = usize::try_from(start).map_err(|_| Refusal::Unreadable)?;
            let end = usize::try_from(end).map_err(|_| Refusal::Unreadable)?;
            if end > file_len {
                return Err(Refusal::Unreadable);
            }
            extents.push(start..end);
        }
    }
    Ok(extents)
}

/// A full box's version, and its body after version and flags.
fn full_box(body: &[u8]) -> Result<(u8, &[u8]), Refusal> {
    let version = *body.first().ok_or(Refusal::Unreadable)?;
    let rest = body.get(4..).ok_or(Refusal::Unreadable)?;
    Ok((version, rest))
}

/// One ISOBMFF box: its four-character type and its body (after size, type and large size).
struct IsoBox<'a> {
    kind: [u8; 4],
    body: &'a [u8],
}

/// The boxes laid one after another in `data`; an error ends the iteration.
struct Boxes<'a> {
    rest: &'a [u8],
}

impl<'a> Boxes<'a> {
    fn new(data: &'a [u8]) -> Self {
        Self { rest: data }
    }

    fn read(&mut self) -> Result<IsoBox<'a>, Refusal> {
        let mut reader = Reader::new(self.rest);
        let size = reader.u32()?;
        let kind: [u8; 4] = reader
            .bytes(4)?
            .try_into()
            .map_err(|_| Refusal::Unreadable)?;
        let (header, size) = match size {
            // Up to the end of the enclosing data.
            0 => (8, self.rest.len()),
            1 => {
                let large = usize::try_from(reader.u64()?).map_err(|_| Refusal::Unreadable)?;
                (16, large)
            }
            size => (8, usize::try_from(size).map_err(|_| Refusal::Unreadable)?),
        };
        let whole = self.rest.get(..size).ok_or(Refusal::Unreadable)?;
        let body = whole.get(header..).ok_or(Refusal::Unreadable)?;
        self.rest = self.rest.get(size..).unwrap_or_default();
        Ok(IsoBox { kind, body })
    }
}

impl<'a> Iterator for Boxes<'a> {
    type Item = Result<IsoBox<'a>, Refusal>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let read = self.read();
        if read.is_err() {
            self.rest = &[];
        }
        Some(read)
    }
}

/// Big-endian fields read one after another; running out of bytes is [`Refusal::Unreadable`].
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Self { rest: data }
    }

    fn bytes(&mut self, count: usize) -> Result<&'a [u8], Refusal> {
        let taken = self.rest.get(..count).ok_or(Refusal::Unreadable)?;
        self.rest = self.rest.get(count..).unwrap_or_default();
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Refusal> {
        self.bytes(N)?.try_into().map_err(|_| Refusal::Unreadable)
    }

    fn u8(&mut self) -> Result<u8, Refusal> {
        Ok(u8::from_be_bytes(self.array()?))
    }

    fn u16(&mut self) -> Result<u16, Refusal> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, Refusal> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, Refusal> {
        Ok(u64::from_be_bytes(self.array()?))
    }

    /// An unsigned integer of 0, 4 or 8 bytes, the sizes `iloc` allows; a size of 0 reads 0.
    fn uint(&mut self, size: u8) -> Result<u64, Refusal> {
        match size {
            0 => Ok(0),
            4 => self.u32().map(u64::from),
            8 => self.u64(),
            _ => Err(Refusal::Unreadable),
        }
    }

    /// A NUL-terminated string without its NUL; a missing NUL ends it at the end of the data.
    fn string(&mut self) -> &'a [u8] {
        let end = self
            .rest
            .iter()
            .position(|&byte| byte == 0)
            .unwrap_or(self.rest.len());
        let string = self.rest.get(..end).unwrap_or_default();
        self.rest = self.rest.get(end.saturating_add(1)..).unwrap_or_default();
        string
    }

    fn rest(&self) -> &'a [u8] {
        self.rest
    }
}

#[cfg(test)]
pub(super) mod tests {
    #[test]
    fn every_refusal_is_told_in_every_language() {
        let i18n = crate::I18n::builtin();
        for refusal in [
            Refusal::Empty,
            Refusal::TooLarge { max_bytes: 10 },
            Refusal::NotAccepted,
            Refusal::PdfActive,
            Refusal::PdfEmbedded,
            Refusal::PdfEncrypted,
            Refusal::Unreadable,
        ] {
            for lang in crate::Lang::ALL {
                assert!(
                    i18n.has(lang, refusal.message_id()),
                    "{refusal:?} in {lang:?}"
                );
            }
        }
    }

    use lopdf::{Document, Object, SaveOptions, dictionary};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::documents::intake::check;

    /// Where `needle` first occurs in `haystack`.
    pub(in crate::documents) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack
            .windows(needle.len())
            .position(|window| window == needle)
    }

    /// The catalogue's limit.
    const MAX: usize = 10 * 1024 * 1024;

    // --- PDF fixtures -----------------------------------------------------------------------

    pub(in crate::documents) const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
    pub(in crate::documents) const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    pub(in crate::documents) const PAGE: &str =
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

    /// A PDF of the given objects, numbered from 1, with a correct cross-reference table and
    /// `trailer` added to the trailer dictionary (which names object 1 as the catalog).
    pub(in crate::documents) fn pdf(objects: &[&str], trailer: &str) -> Vec<u8> {
        pdf_bytes(
            &objects
                .iter()
                .map(|object| object.as_bytes().to_vec())
                .collect::<Vec<_>>(),
            trailer,
        )
    }

    /// [`pdf`] of objects that need not be text (a stream of random bytes).
    pub(in crate::documents) fn pdf_bytes(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        for (index, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
            out.extend_from_slice(object);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    pub(in crate::documents) fn minimal_pdf() -> Vec<u8> {
        pdf(&[CATALOG, PAGES, PAGE], "")
    }

    /// A PDF written by lopdf with object streams, so that every dictionary is compressed
    /// inside one; with `script`, the catalog opens an indirect JavaScript action.
    pub(in crate::documents) fn pdf_with_object_streams(script: bool) -> Vec<u8> {
        let mut document = Document::with_version("1.7");
        let pages = document.new_object_id();
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        document.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages };
        if script {
            let action = document.add_object(dictionary! {
                "S" => "JavaScript",
                "JS" => Object::string_literal("app.alert(1)"),
            });
            catalog.set("OpenAction", action);
        }
        let catalog = document.add_object(catalog);
        document.trailer.set("Root", catalog);
        let options = SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(6)
            .build();
        let mut bytes = Vec::new();
        document.save_with_options(&mut bytes, options).unwrap();
        bytes
    }

    #[test]
    fn a_minimal_pdf_is_accepted_unchanged() {
        let bytes = minimal_pdf();
        let checked = check(&bytes, MAX).unwrap();
        assert_eq!(
            checked,
            Checked {
                kind: Kind::Pdf,
                bytes
            }
        );
    }

    #[test]
    fn a_pdf_with_object_streams_is_accepted() {
        assert_eq!(
            check(&pdf_with_object_streams(false), MAX).unwrap().kind,
            Kind::Pdf
        );
    }

    #[test]
    fn a_pdf_opening_with_javascript_is_active() {
        let catalog =
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>";
        assert_eq!(
            check(&pdf(&[catalog, PAGES, PAGE], ""), MAX),
            Err(Refusal::PdfActive)
        );
    }

    #[test]
    fn a_pdf_with_a_launch_action_is_active() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>";
        assert_eq!(
            check(&pdf(&[catalog, PAGES, PAGE], ""), MAX),
            Err(Refusal::PdfActive)
        );
    }

    #[test]
    fn a_script_reached_only_through_a_reference_is_found() {
        // The page's open action is object 4, whose script is object 5; no dictionary holding
        // the catalog mentions JavaScript.
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O 4 0 R >> >>";
        let action = "<< /S /JavaScript /JS 5 0 R >>";
        let script = "(app.launchURL\\(\"https://example.org\"\\))";
        let bytes = pdf(&[CATALOG, PAGES, page, action, script], "");
        assert_eq!(check(&bytes, MAX), Err(Refusal::PdfActive));
    }

    #[test]
    fn a_script_named_with_hex_escapes_is_found() {
        let catalog =
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (x) >> >>";
        assert_eq!(
            check(&pdf(&[catalog, PAGES, PAGE], ""), MAX),
            Err(Refusal::PdfActive)
        );
    }

    #[test]
    fn a_script_hidden_in_a_compressed_object_stream_is_found() {
        let bytes = pdf_with_object_streams(true);
        assert!(
            find(&bytes, b"JavaScript").is_none(),
            "the action must be compressed"
        );
        assert_eq!(check(&bytes, MAX), Err(Refusal::PdfActive));
    }

    #[test]
    fn a_cycle_of_references_does_not_loop() {
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Next 4 0 R >>";
        let bytes = pdf(
            &[
                CATALOG,
                PAGES,
                page,
                "<< /Next 5 0 R >>",
                "<< /Next 4 0 R >>",
            ],
            "",
        );
        assert_eq!(
            check(&bytes, MAX).map(|checked| checked.kind),
            Ok(Kind::Pdf)
        );
    }

    #[test]
    fn a_pdf_with_attached_files_is_refused() {
        let catalog = "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>";
        let filespec = "<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>";
        let file = "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream";
        let bytes = pdf(&[catalog, PAGES, PAGE, filespec, file], "");
        assert_eq!(check(&bytes, MAX), Err(Refusal::PdfEmbedded));
    }

    #[test]
    fn an_attached_file_outside_the_names_tree_is_found() {
        // A file attachment annotation: no /EmbeddedFiles, but a file specification with /EF.
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [<< /Subtype /FileAttachment /FS 4 0 R >>] >>";
        let filespec = "<< /F (a.exe) /EF << /F 5 0 R >> >>";
        let file = "<< /Length 2 >>\nstream\nMZ\nendstream";
        let bytes = pdf(&[CATALOG, PAGES, page, filespec, file], "");
        assert_eq!(check(&bytes, MAX), Err(Refusal::PdfEmbedded));
    }

    #[test]
    fn an_encrypted_pdf_is_refused() {
        let encrypt = "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 \
             /O <0000000000000000000000000000000000000000000000000000000000000000> \
             /U <0000000000000000000000000000000000000000000000000000000000000000> >>";
        let bytes = pdf(
            &[CATALOG, PAGES, PAGE, encrypt],
            "/Encrypt 4 0 R /ID [<00> <00>]",
        );
        assert_eq!(check(&bytes, MAX), Err(Refusal::PdfEncrypted));
        // Nor does an encryption dictionary nobody can use make it merely unreadable.
        let bytes = pdf(
            &[CATALOG, PAGES, PAGE, "<< /Filter /Unknown >>"],
            "/Encrypt 4 0 R",
        );
        assert_eq!(check(&bytes, MAX), Err(Refusal::PdfEncrypted));
    }

    #[test]
    fn a_truncated_or_garbage_pdf_is_unreadable() {
        let bytes = minimal_pdf();
        let catalog_end = find(&bytes, b"endobj").unwrap();
        assert_eq!(check(&bytes[..catalog_end], MAX), Err(Refusal::Unreadable));
        assert_eq!(
            check(b"%PDF-1.7\nnot a document at all", MAX),
            Err(Refusal::Unreadable)
        );
        assert_eq!(check(b"%PDF-", MAX), Err(Refusal::Unreadable));
    }

    // --- JPEG fixtures ----------------------------------------------------------------------

    pub(in crate::documents) fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
        let length = u16::try_from(contents.len() + 2).unwrap();
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(contents);
        out
    }

    /// A little-endian TIFF structure as EXIF holds it: IFD0 with a pointer to a GPS IFD,
    /// which holds a latitude of 52° 31' 0".
    pub(in crate::documents) fn exif_with_gps() -> Vec<u8> {
        let mut tiff = b"II*\0".to_vec();
        tiff.extend_from_slice(&8u32.to_le_bytes());
        // IFD0: one entry, GPSInfo (0x8825, LONG) pointing at offset 26.
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
        // GPS IFD: GPSLatitude (0x0002, RATIONAL × 3) at offset 44.
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[0x02, 0x00, 5, 0, 3, 0, 0, 0, 44, 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
        for value in [52u32, 1, 31, 1, 0, 1] {
            tiff.extend_from_slice(&value.to_le_bytes());
        }
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        app1
    }

    pub(in crate::documents) struct JpegFixture {
        pub(in crate::documents) input: Vec<u8>,
        pub(in crate::documents) expected: Vec<u8>,
    }

    /// A progressive-style JPEG with EXIF, XMP, a comment and an IPTC block before the first
    /// scan, another EXIF between the scans and an appended EXIF after the end; `expected` is
    /// the same file without them.
    pub(in crate::documents) fn jpeg_fixture() -> JpegFixture {
        let jfif = segment(markers::APP0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        let exif = segment(markers::APP1, &exif_with_gps());
        let xmp = segment(
            markers::APP1,
            b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,31N</exif:GPSLatitude></x:xmpmeta>",
        );
        let icc = segment(markers::APP2, b"ICC_PROFILE\0\x01\x01fake colour profile");
        let iptc = segment(markers::APP13, b"Photoshop 3.0\0by Erika Mustermann");
        let comment = segment(markers::COM, b"Hauptstrasse 1, Berlin");
        let adobe = segment(markers::APP14, b"Adobe\0\x64\0\0\0\0\x01");
        let dqt = segment(markers::DQT, &[0; 65]);
        let sof = segment(markers::SOF2, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        let dht = segment(markers::DHT, &[0; 17]);
        let sos = segment(markers::SOS, &[1, 1, 0, 0, 63, 0]);
        // Entropy-coded data with a stuffed 0xFF and a restart marker.
        let scan = [0x12, 0xFF, 0x00, 0x34, 0xFF, markers::RST0, 0x56];
        let eoi = [0xFF, markers::EOI];

        let mut input = vec![0xFF, markers::SOI];
        let mut expected = input.clone();
        for part in [
            &jfif, &exif, &xmp, &icc, &iptc, &comment, &adobe, &dqt, &sof, &dht, &sos,
        ] {
            input.extend_from_slice(part);
        }
        for part in [&jfif, &icc, &adobe, &dqt, &sof, &dht, &sos] {
            expected.extend_from_slice(part);
        }
        for out in [&mut input, &mut expected] {
            out.extend_from_slice(&scan);
        }
        input.extend_from_slice(&exif);
        for out in [&mut input, &mut expected] {
            out.extend_from_slice(&dht);
            out.extend_from_slice(&sos);
            out.extend_from_slice(&scan);
            out.extend_from_slice(&eoi);
        }
        input.extend_from_slice(&exif);
        JpegFixture { input, expected }
    }

    #[test]
    fn a_jpeg_loses_its_exif_and_gps_but_keeps_its_colour_profile() {
        let JpegFixture { input, expected } = jpeg_fixture();
        let checked = check(&input, MAX).unwrap();
        assert_eq!(checked.kind, Kind::Jpeg);
        let out = checked.bytes;
        assert!(find(&out, b"Exif\0\0").is_none());
        assert!(find(&out, &[0x25, 0x88]).is_none(), "GPSInfo tag");
        assert!(find(&out, b"II*\0").is_none(), "TIFF header");
        assert!(find(&out, b"ns.adobe.com/xap").is_none());
        assert!(find(&out, b"Hauptstrasse").is_none());
        assert!(find(&out, b"Mustermann").is_none());
        assert!(out.starts_with(&[0xFF, 0xD8]));
        assert!(out.ends_with(&[0xFF, 0xD9]));
        assert!(find(&out, b"ICC_PROFILE\0").is_some());
        assert_eq!(out, expected);
    }

    #[test]
    fn a_jpeg_without_its_end_is_unreadable() {
        let JpegFixture { expected, .. } = jpeg_fixture();
        assert_eq!(
            check(&expected[..expected.len() - 2], MAX),
            Err(Refusal::Unreadable)
        );
        assert_eq!(
            check(&[0xFF, 0xD8, 0xFF, 0xD9, 0, 0], MAX),
            Err(Refusal::Unreadable)
        );
    }

    /// EXIF as a phone writes it, in the given byte order: IFD0 with the camera make, the
    /// orientation and a pointer to a GPS IFD holding a latitude of 52° 31' 0".
    pub(in crate::documents) fn exif_with_orientation(
        order: ByteOrder,
        orientation: u16,
    ) -> Vec<u8> {
        let u16b = |value: u16| order.u16_bytes(value);
        let u32b = |value: u32| order.u32_bytes(value);
        let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            [&u16b(tag)[..], &u16b(kind), &u32b(count), &value].concat()
        };
        let mut tiff = match order {
            ByteOrder::Little => b"II*\0".to_vec(),
            ByteOrder::Big => b"MM\0*".to_vec(),
        };
        tiff.extend_from_slice(&u32b(8));
        // IFD0 at 8: three entries, ending at 8 + 2 + 36 + 4 = 50.
        tiff.extend_from_slice(&u16b(3));
        tiff.extend_from_slice(&entry(0x010F, 2, 6, u32b(50))); // Make, ASCII
        let mut short = [0; 4];
        short[..2].copy_from_slice(&u16b(orientation));
        tiff.extend_from_slice(&entry(0x0112, 3, 1, short)); // Orientation, SHORT
        tiff.extend_from_slice(&entry(0x8825, 4, 1, u32b(56))); // GPSInfo, LONG
        tiff.extend_from_slice(&u32b(0));
        tiff.extend_from_slice(b"Pixel\0");
        // GPS IFD at 56: GPSLatitude (RATIONAL × 3) at 74.
        tiff.extend_from_slice(&u16b(1));
        tiff.extend_from_slice(&entry(0x0002, 5, 3, u32b(74)));
        tiff.extend_from_slice(&u32b(0));
        for value in [52u32, 1, 31, 1, 0, 1] {
            tiff.extend_from_slice(&u32b(value));
        }
        assert_eq!(tiff.len(), 98);
        [b"Exif\0\0".as_slice(), &tiff].concat()
    }

    /// A baseline JPEG with a JFIF header (when `jfif`) and the given segments before its
    /// tables, and the same JPEG with `kept` in their place.
    pub(in crate::documents) fn jpeg_with(
        jfif: bool,
        extra: &[Vec<u8>],
        kept: &[Vec<u8>],
    ) -> (Vec<u8>, Vec<u8>) {
        let head = [
            segment(markers::DQT, &[0; 65]),
            segment(markers::SOF0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
            segment(markers::DHT, &[0; 17]),
            segment(markers::SOS, &[1, 1, 0, 0, 63, 0]),
        ]
        .concat();
        let tail = [0x12, 0xFF, 0x00, 0x34, 0xFF, markers::EOI];
        let start = if jfif {
            [
                &[0xFF, markers::SOI][..],
                &segment(markers::APP0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"),
            ]
            .concat()
        } else {
            vec![0xFF, markers::SOI]
        };
        let build = |middle: &[Vec<u8>]| [&start[..], &middle.concat(), &head, &tail].concat();
        (build(extra), build(kept))
    }

    /// The EXIF segment contents expected for an orientation of 6, in each byte order.
    const ORIENTATION_6_LE: &[u8] =
        b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0";
    const ORIENTATION_6_BE: &[u8] =
        b"Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0";

    #[test]
    fn a_rotated_jpeg_keeps_only_its_orientation() {
        for (order, expected_exif, gps_tag) in [
            (ByteOrder::Little, ORIENTATION_6_LE, [0x25, 0x88]),
            (ByteOrder::Big, ORIENTATION_6_BE, [0x88, 0x25]),
        ] {
            assert_eq!(expected_exif.len(), 6 + 8 + 2 + 12 + 4);
            let exif = segment(markers::APP1, &exif_with_orientation(order, 6));
            let comment = segment(markers::COM, b"Hauptstrasse 1");
            let (input, expected) = jpeg_with(
                true,
                &[comment, exif],
                &[segment(markers::APP1, expected_exif)],
            );
            let checked = check(&input, MAX).unwrap();
            assert_eq!(checked.kind, Kind::Jpeg);
            let out = checked.bytes;
            assert_eq!(out, expected, "{order:?}");
            // The new segment comes right after SOI and JFIF (2 + 18 bytes).
            assert_eq!(&out[20..24], &[0xFF, markers::APP1, 0, 34]);
            assert_eq!(&out[24..56], expected_exif);
            assert!(find(&out, &gps_tag).is_none(), "GPSInfo tag");
            assert!(find(&out, b"Pixel").is_none(), "camera make");
            assert!(find(&out, &order.u32_bytes(52)).is_none(), "GPS latitude");
            assert_eq!(
                exif_orientation(expected_exif),
                Some((order, 6)),
                "the kept EXIF reads back"
            );
        }
    }

    #[test]
    fn without_a_jfif_header_the_orientation_follows_the_start_of_image() {
        let exif = segment(markers::APP1, &exif_with_orientation(ByteOrder::Big, 8));
        let out = check(&jpeg_with(false, &[exif], &[]).0, MAX).unwrap().bytes;
        let mut kept = ORIENTATION_6_BE.to_vec();
        kept[6 + 8 + 2 + 8 + 1] = 8;
        assert!(
            out.starts_with(&[&[0xFF, markers::SOI][..], &segment(markers::APP1, &kept)].concat())
        );
    }

    #[test]
    fn an_upright_jpeg_keeps_no_exif_at_all() {
        for order in [ByteOrder::Little, ByteOrder::Big] {
            let exif = segment(markers::APP1, &exif_with_orientation(order, 1));
            let (input, expected) = jpeg_with(true, &[exif], &[]);
            let out = check(&input, MAX).unwrap().bytes;
            assert_eq!(out, expected);
            assert!(find(&out, b"Exif\0\0").is_none());
        }
        // Nor does one whose EXIF has no orientation.
        let exif = segment(markers::APP1, &exif_with_gps());
        let (input, expected) = jpeg_with(true, &[exif], &[]);
        assert_eq!(check(&input, MAX).unwrap().bytes, expected);
    }

    #[test]
    fn a_jpeg_with_malformed_exif_is_kept_without_it() {
        let good = exif_with_orientation(ByteOrder::Little, 6);
        let set = |at: usize, bytes: &[u8]| {
            let mut exif = good.clone();
            exif[6 + at..6 + at + bytes.len()].copy_from_slice(bytes);
            exif
        };
        let malformed = [
            // IFD0 offset past the end, and at the very end of the address space.
            set(4, &200u32.to_le_bytes()),
            set(4, &u32::MAX.to_le_bytes()),
            // An entry count far larger than the data.
            set(8, &u16::MAX.to_le_bytes()),
            // Orientation as a LONG, twice, and out of range.
            set(10 + 12 + 2, &4u16.to_le_bytes()),
            set(10 + 12 + 4, &2u32.to_le_bytes()),
            set(10 + 12 + 8, &9u16.to_le_bytes()),
            // A byte order that is neither, and a TIFF header cut short.
            set(0, b"IM*\0"),
            good[..10].to_vec(),
            b"Exif\0\0".to_vec(),
        ];
        for exif in malformed {
            let (input, expected) = jpeg_with(true, &[segment(markers::APP1, &exif)], &[]);
            let checked = check(&input, MAX);
            assert_eq!(
                checked.as_ref().map(|checked| &checked.bytes),
                Ok(&expected),
                "{exif:02X?}"
            );
        }
    }

    // --- PNG fixtures -----------------------------------------------------------------------

    /// CRC-32 as PNG defines it, written out so the test does not trust img-parts' own.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    pub(in crate::documents) fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc32(&out[4..]).to_be_bytes());
        out
    }

    pub(in crate::documents) const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

    /// A PNG with every metadata chunk, and the same PNG without them.
    pub(in crate::documents) fn png_fixture() -> (Vec<u8>, Vec<u8>) {
        let ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let idat = chunk(
            b"IDAT",
            &[0x78, 0x9C, 0x63, 0xF8, 0x0F, 0x00, 0x01, 0x01, 0x01, 0x00],
        );
        let iend = chunk(b"IEND", &[]);
        let metadata = [
            chunk(b"eXIf", &exif_with_gps()[6..]),
            chunk(b"tEXt", b"Author\0Erika Mustermann"),
            chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>"),
            chunk(b"zTXt", b"Comment\0\0\x78\x9C\x03\x00\x00\x00\x00\x01"),
            chunk(b"tIME", &[0x07, 0xE9, 1, 2, 3, 4, 5]),
        ];
        let mut input = PNG_SIGNATURE.to_vec();
        input.extend_from_slice(&ihdr);
        input.extend_from_slice(&metadata[0]);
        input.extend_from_slice(&metadata[1]);
        input.extend_from_slice(&idat);
        for part in &metadata[2..] {
            input.extend_from_slice(part);
        }
        input.extend_from_slice(&iend);
        let expected = [PNG_SIGNATURE, &ihdr, &idat, &iend].concat();
        (input, expected)
    }

    #[test]
    fn a_png_loses_its_metadata_chunks_and_keeps_valid_crcs() {
        let (input, expected) = png_fixture();
        let checked = check(&input, MAX).unwrap();
        assert_eq!(checked.kind, Kind::Png);
        assert_eq!(checked.bytes, expected);
        // Each kept chunk's CRC is right.
        let mut rest = &checked.bytes[PNG_SIGNATURE.len()..];
        let mut kinds = Vec::new();
        while !rest.is_empty() {
            let length = u32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
            let (body, crc) = rest[4..].split_at(4 + length);
            assert_eq!(
                crc32(body),
                u32::from_be_bytes(crc[..4].try_into().unwrap())
            );
            kinds.push(body[..4].to_vec());
            rest = &crc[4..];
        }
        assert_eq!(
            kinds,
            [b"IHDR".to_vec(), b"IDAT".to_vec(), b"IEND".to_vec()]
        );
    }

    #[test]
    fn a_png_with_a_wrong_crc_or_without_its_end_is_unreadable() {
        let (_, mut png) = png_fixture();
        let without_end = png[..png.len() - 12].to_vec();
        assert_eq!(check(&without_end, MAX), Err(Refusal::Unreadable));
        let last = png.len() - 1;
        png[last] ^= 1;
        assert_eq!(check(&png, MAX), Err(Refusal::Unreadable));
    }

    // --- HEIC fixtures ----------------------------------------------------------------------

    pub(in crate::documents) fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(body.len() + 8)
            .unwrap()
            .to_be_bytes()
            .to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    pub(in crate::documents) fn full_iso_box(kind: &[u8; 4], version: u8, body: &[u8]) -> Vec<u8> {
        iso_box(kind, &[&[version, 0, 0, 0], body].concat())
    }

    /// An item information entry (version 2 or 3) of the given type; `extra` follows the name.
    pub(in crate::documents) fn infe(
        version: u8,
        id: u32,
        item_type: &[u8; 4],
        extra: &[u8],
    ) -> Vec<u8> {
        let mut body = if version == 2 {
            u16::try_from(id).unwrap().to_be_bytes().to_vec()
        } else {
            id.to_be_bytes().to_vec()
        };
        body.extend_from_slice(&[0, 0]);
        body.extend_from_slice(item_type);
        body.extend_from_slice(b"\0");
        body.extend_from_slice(extra);
        full_iso_box(b"infe", version, &body)
    }

    pub(in crate::documents) struct HeicItem {
        pub(in crate::documents) id: u32,
        pub(in crate::documents) infe: Vec<u8>,
        pub(in crate::documents) data: Vec<u8>,
        pub(in crate::documents) construction_method: u16,
    }

    /// A minimal HEIC: `ftyp`, `meta` (`hdlr` pict, `iinf`, `iloc` of the given version) and
    /// an `mdat` holding the items' data one after another. Returns the file and where each
    /// item's data lies in it. `iloc` version 2 uses 8-byte offsets from a base offset.
    pub(in crate::documents) fn heic(
        iloc_version: u8,
        items: &[HeicItem],
    ) -> (Vec<u8>, Vec<Range<usize>>) {
        let ftyp = iso_box(b"ftyp", b"heic\0\0\0\0mif1heic");
        let build_meta = |data_start: u64| {
            let hdlr = full_iso_box(b"hdlr", 0, b"\0\0\0\0pict\0\0\0\0\0\0\0\0\0\0\0\0\0");
            let mut iinf = u16::try_from(items.len()).unwrap().to_be_bytes().to_vec();
            for item in items {
                iinf.extend_from_slice(&item.infe);
            }
            let iinf = full_iso_box(b"iinf", 0, &iinf);
            let wide = iloc_version == 2;
            let mut iloc = if wide {
                vec![0x88, 0x80]
            } else {
                vec![0x44, 0x00]
            };
            let count = u32::try_from(items.len()).unwrap();
            if wide {
                iloc.extend_from_slice(&count.to_be_bytes());
            } else {
                iloc.extend_from_slice(&u16::try_from(count).unwrap().to_be_bytes());
            }
            let mut offset = 0u64;
            for item in items {
                if wide {
                    iloc.extend_from_slice(&item.id.to_be_bytes());
                } else {
                    iloc.extend_from_slice(&u16::try_from(item.id).unwrap().to_be_bytes());
                }
                if iloc_version > 0 {
                    iloc.extend_from_slice(&item.construction_method.to_be_bytes());
                }
                iloc.extend_from_slice(&[0, 0]); // data reference index
                if wide {
                    iloc.extend_from_slice(&data_start.to_be_bytes()); // base offset
                }
                iloc.extend_from_slice(&1u16.to_be_bytes());
                let length = item.data.len() as u64;
                if wide {
                    iloc.extend_from_slice(&offset.to_be_bytes());
                    iloc.extend_from_slice(&length.to_be_bytes());
                } else {
                    let absolute = u32::try_from(data_start + offset).unwrap();
                    iloc.extend_from_slice(&absolute.to_be_bytes());
                    iloc.extend_from_slice(&u32::try_from(length).unwrap().to_be_bytes());
                }
                offset += length;
            }
            let iloc = full_iso_box(b"iloc", iloc_version, &iloc);
            full_iso_box(b"meta", 0, &[hdlr, iinf, iloc].concat())
        };
        let data_start = ftyp.len() + build_meta(0).len() + 8;
        let meta = build_meta(data_start as u64);
        let mdat: Vec<u8> = items.iter().flat_map(|item| item.data.clone()).collect();
        let file = [ftyp, meta, iso_box(b"mdat", &mdat)].concat();
        let mut ranges = Vec::new();
        let mut start = data_start;
        for item in items {
            ranges.push(start..start + item.data.len());
            start += item.data.len();
        }
        (file, ranges)
    }

    pub(in crate::documents) fn image_item(version: u8, construction_method: u16) -> HeicItem {
        HeicItem {
            id: 1,
            infe: infe(version, 1, b"hvc1", b""),
            data: vec![0xAA; 32],
            construction_method,
        }
    }

    pub(in crate::documents) fn exif_item(version: u8, construction_method: u16) -> HeicItem {
        let mut data = 0u32.to_be_bytes().to_vec(); // offset of the TIFF header
        data.extend_from_slice(&exif_with_gps());
        HeicItem {
            id: 2,
            infe: infe(version, 2, b"Exif", b""),
            data,
            construction_method,
        }
    }

    pub(in crate::documents) fn xmp_item(version: u8) -> HeicItem {
        HeicItem {
            id: 3,
            infe: infe(version, 3, b"mime", b"Application/RDF+XML; charset=utf-8\0"),
            data: b"<x:xmpmeta><exif:GPSLatitude>52,31N</exif:GPSLatitude></x:xmpmeta>".to_vec(),
            construction_method: 0,
        }
    }

    /// Asserts that exactly the bytes in `blanked` became zeros and nothing else changed.
    fn assert_blanked(input: &[u8], output: &[u8], blanked: &[Range<usize>]) {
        assert_eq!(input.len(), output.len());
        for (at, (before, after)) in input.iter().zip(output).enumerate() {
            if blanked.iter().any(|range| range.contains(&at)) {
                assert_eq!(*after, 0, "byte {at} should be blank");
            } else {
                assert_eq!(before, after, "byte {at} should be unchanged");
            }
        }
    }

    #[test]
    fn a_heic_has_its_exif_blanked_in_place() {
        let (input, ranges) = heic(0, &[image_item(2, 0), exif_item(2, 0)]);
        let checked = check(&input, MAX).unwrap();
        assert_eq!(checked.kind, Kind::Heic);
        assert_blanked(&input, &checked.bytes, &ranges[1..]);
        assert!(input[ranges[1].clone()].iter().any(|&byte| byte != 0));
        assert!(find(&checked.bytes, b"II*\0").is_none(), "TIFF header");
    }

    #[test]
    fn a_heic_has_its_xmp_blanked_with_wide_item_locations() {
        let (input, ranges) = heic(2, &[image_item(3, 0), exif_item(3, 0), xmp_item(3)]);
        let checked = check(&input, MAX).unwrap();
        assert_blanked(&input, &checked.bytes, &ranges[1..]);
    }

    #[test]
    fn a_heic_image_stored_in_idat_is_fine_but_exif_there_is_refused() {
        // Construction method 1 (offsets into `idat`) is common for grid images; only the
        // metadata has to be at file offsets to be blanked safely.
        let (input, ranges) = heic(1, &[image_item(2, 1), exif_item(2, 0)]);
        assert_blanked(&input, &check(&input, MAX).unwrap().bytes, &ranges[1..]);
        let (input, _) = heic(1, &[image_item(2, 0), exif_item(2, 1)]);
        assert_eq!(check(&input, MAX), Err(Refusal::Unreadable));
    }

    #[test]
    fn a_heic_with_metadata_outside_the_file_is_unreadable() {
        let (mut input, _) = heic(0, &[image_item(2, 0), exif_item(2, 0)]);
        // Cut the mdat short: the Exif extent now points past the end.
        input.truncate(input.len() - 10);
        assert_eq!(check(&input, MAX), Err(Refusal::Unreadable));
    }

    #[test]
    fn a_heic_without_metadata_is_kept_unchanged() {
        let (input, _) = heic(0, &[image_item(2, 0)]);
        assert_eq!(check(&input, MAX).unwrap().bytes, input);
    }

    #[test]
    fn heif_files_without_a_hevc_brand_are_not_accepted() {
        let (mut input, _) = heic(0, &[image_item(2, 0)]);
        // ftyp: size, type, then major brand at 8 and compatible brands at 16.
        input[8..12].copy_from_slice(b"avif");
        input[20..24].copy_from_slice(b"avif");
        assert_eq!(check(&input, MAX), Err(Refusal::NotAccepted));
    }

    // --- Everything else --------------------------------------------------------------------

    #[test]
    fn other_types_are_not_accepted_whatever_their_name() {
        let padded = |head: &[u8]| [head, &[0u8; 64]].concat();
        let elf = padded(b"\x7fELF\x02\x01\x01\0");
        let exe = padded(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff");
        let docx = padded(b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml");
        let gif = padded(b"GIF89a\x01\0\x01\0\x80\0\0");
        let text = b"%!PS-Adobe-3.0 this is not a PDF".to_vec();
        for bytes in [elf, exe, docx, gif, text] {
            assert_eq!(
                check(&bytes, MAX),
                Err(Refusal::NotAccepted),
                "{:?}",
                &bytes[..8]
            );
        }
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(check(&[], MAX), Err(Refusal::Empty));
    }

    #[test]
    fn size_is_checked_before_anything_is_parsed() {
        let bytes = minimal_pdf();
        let max_bytes = bytes.len() - 1;
        assert_eq!(
            check(&bytes, max_bytes),
            Err(Refusal::TooLarge { max_bytes })
        );
        assert!(check(&bytes, bytes.len()).is_ok());
        // Garbage one byte too large is too large, not of the wrong type.
        assert_eq!(
            check(&[0; 11], 10),
            Err(Refusal::TooLarge { max_bytes: 10 })
        );
    }

    #[test]
    fn kinds_name_their_media_type_and_extension() {
        let named = [Kind::Pdf, Kind::Jpeg, Kind::Png, Kind::Heic]
            .map(|kind| (kind.mime(), kind.extension()));
        assert_eq!(
            named,
            [
                ("application/pdf", "pdf"),
                ("image/jpeg", "jpg"),
                ("image/png", "png"),
                ("image/heic", "heic"),
            ]
        );
    }

    #[test]
    fn no_input_panics() {
        let mut rng = StdRng::seed_from_u64(0x5C4A_17E2);
        let (heic_file, _) = heic(2, &[image_item(3, 0), exif_item(3, 0), xmp_item(3)]);
        let fixtures = [
            minimal_pdf(),
            pdf_with_object_streams(true),
            jpeg_fixture().input,
            png_fixture().0,
            heic_file,
            jpeg_with(
                true,
                &[segment(
                    markers::APP1,
                    &exif_with_orientation(ByteOrder::Big, 6),
                )],
                &[],
            )
            .0,
        ];
        // Random bytes, some behind a valid signature so that the parsers get to work.
        let heads: [&[u8]; 5] = [
            b"",
            b"%PDF-1.7\n",
            b"\xFF\xD8\xFF",
            PNG_SIGNATURE,
            &fixtures[4][..24],
        ];
        for round in 0..2_000 {
            let mut bytes = heads[round % heads.len()].to_vec();
            let mut tail = vec![0u8; rng.random_range(0..512)];
            rng.fill(&mut tail[..]);
            bytes.extend_from_slice(&tail);
            let _ = check(&bytes, MAX);
        }
        for fixture in &fixtures {
            for _ in 0..200 {
                let _ = check(&fixture[..rng.random_range(0..fixture.len())], MAX);
                let mut flipped = fixture.clone();
                for _ in 0..rng.random_range(1..5) {
                    let at = rng.random_range(0..flipped.len());
                    flipped[at] ^= 1 << rng.random_range(0..8);
                }
                let _ = check(&flipped, MAX);
            }
        }
    }
}
