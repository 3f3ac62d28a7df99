//! Files a citizen might send for their checklist, made here so that the tests say what is in
//! them: a small PDF (each with its own text, so two are never the same file), a PDF with
//! JavaScript, a photo with a GPS position, an executable renamed to `.pdf`.

/// A PDF of `objects` (numbered from 1) with a correct cross-reference table.
fn pdf_of(objects: &[&str], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", index + 1).as_bytes());
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

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const PAGE: &str = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

/// A one-page PDF whose info dictionary holds `title`: a different title, a different file.
pub fn pdf(title: &str) -> Vec<u8> {
    let info = format!("<< /Title ({title}) >>");
    pdf_of(&[CATALOG, PAGES, PAGE, &info], "/Info 4 0 R")
}

/// A PDF that runs JavaScript when opened.
pub fn pdf_with_javascript() -> Vec<u8> {
    pdf_of(
        &[
            "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            PAGES,
            PAGE,
            "<< /S /JavaScript /JS (app.alert('hello')) >>",
        ],
        "",
    )
}

/// The start of a Windows executable, named like a PDF by whoever sends it.
pub fn executable() -> Vec<u8> {
    let mut out = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".to_vec();
    out.resize(512, 0);
    out
}

/// The GPS tag of [`photo_with_gps`]'s EXIF (`GPSInfo`, 0x8825, little-endian) and the
/// latitude it holds: neither may reach a clerk.
pub const GPS_TAG: [u8; 2] = [0x25, 0x88];

fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
    let length = u16::try_from(contents.len() + 2).expect("a short segment");
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(contents);
    out
}

/// A JPEG as a phone writes it: JFIF, then EXIF with a GPS position (52° 31′ N), then the
/// picture. `seed` changes a byte of the picture, so that photos differ.
pub fn photo_with_gps(seed: u8) -> Vec<u8> {
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&[0x02, 0x00, 5, 0, 3, 0, 0, 0, 44, 0, 0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    for value in [52u32, 1, 31, 1, 0, 1] {
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8];
    out.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    out.extend(segment(0xE1, &exif));
    out.extend(segment(0xDB, &[0; 65]));
    out.extend(segment(0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
    out.extend(segment(0xC4, &[0; 17]));
    out.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
    out.extend_from_slice(&[0x12, seed, 0x34, 0x56]);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// Whether `haystack` holds `needle`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Bytes that do not compress, as a scan's image data does not (xorshift, seeded).
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// A one-page PDF as a scanner makes it: the page shows one greyscale image of `width` ×
/// `height` pixels (unfiltered, so a byte a pixel), and the info dictionary holds `title`.
pub fn scanned_pdf(title: &str, width: usize, height: usize, seed: u64) -> Vec<u8> {
    let pixels = noise(width * height, seed);
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    let objects: [Vec<u8>; 4] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /XObject << /Im1 5 0 R >> >> >>"
            .to_vec(),
        format!("<< /Title ({title}) >>").into_bytes(),
    ];
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    offsets.push(out.len());
    out.extend_from_slice(
        format!(
            "5 0 obj\n<< /Type /XObject /Subtype /Image /Width {width} /Height {height} \
             /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n",
            pixels.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&pixels);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 6 /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}
