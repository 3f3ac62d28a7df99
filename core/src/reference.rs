//! Booking references: 8 random characters of Crockford base32 shown as `XXXX-XXXX`.
//! 40 random bits make them hard to guess, but they only name a booking: acting on it still
//! requires being its owner. Anything that grants access on its own uses [`secret_token`].

use rand::Rng;

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new random reference like `7KQ2-M9XD`.
pub fn new_reference() -> String {
    let mut rng = rand::rng();
    let mut out = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            out.push('-');
        }
        out.push(CROCKFORD[rng.random_range(0..32)] as char);
    }
    out
}

/// Reads what a person typed or pasted as a reference: case-insensitive, with or without
/// dashes and spaces, ignoring direction marks copied from right-to-left text, Persian and
/// Arabic-Indic digits as digits, with Crockford's substitutions (O → 0, I and L → 1). `None`
/// if it cannot be one.
pub fn parse_reference(input: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(8);
    for c in crate::matching::clean_input(input).chars() {
        if c.is_whitespace() || crate::matching::is_bidi_mark(c) {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            // Hyphens and dashes of every kind, as keyboards and apps replace them.
            '-' | '_' | '‐' | '‑' | '‒' | '–' | '—' | '−' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !CROCKFORD.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        chars.push(c);
    }
    if chars.len() != 8 {
        return None;
    }
    let mut out: String = chars[..4].iter().collect();
    out.push('-');
    out.extend(&chars[4..]);
    Some(out)
}

/// A URL-safe secret with 128 random bits, for links that grant access by themselves.
pub fn secret_token() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    let mut out = String::with_capacity(26);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(CROCKFORD[((acc >> bits) & 31) as usize].to_ascii_lowercase() as char);
        }
    }
    if bits > 0 {
        out.push(CROCKFORD[((acc << (5 - bits)) & 31) as usize].to_ascii_lowercase() as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_match_the_documented_format() {
        for _ in 0..1000 {
            let r = new_reference();
            assert_eq!(r.len(), 9);
            assert_eq!(&r[4..5], "-");
            assert!(
                r.chars()
                    .filter(|c| *c != '-')
                    .all(|c| CROCKFORD.contains(&(c as u8)))
            );
        }
    }

    #[test]
    fn references_are_not_sequential() {
        let a: std::collections::HashSet<_> = (0..1000).map(|_| new_reference()).collect();
        assert!(a.len() > 990);
    }

    #[test]
    fn typed_references_are_normalised() {
        assert_eq!(parse_reference("7kq2m9xd").as_deref(), Some("7KQ2-M9XD"));
        assert_eq!(parse_reference(" 7KQ2-M9XD ").as_deref(), Some("7KQ2-M9XD"));
        assert_eq!(parse_reference("ok12-3456").as_deref(), Some("0K12-3456"));
        assert_eq!(parse_reference("7KQ2-M9X"), None);
        assert_eq!(parse_reference("7KQ2-M9XU"), None); // U is not Crockford
        assert_eq!(parse_reference("ÄKQ2-M9XD"), None);
    }

    #[test]
    fn references_copied_from_right_to_left_text_are_read() {
        // As Fluent isolates it in an Arabic or Persian reply, and as apps copy it.
        assert_eq!(
            parse_reference("\u{2068}Y4NY-0M81\u{2069}").as_deref(),
            Some("Y4NY-0M81")
        );
        assert_eq!(
            parse_reference("\u{200F}y4ny 0m81\u{200E}").as_deref(),
            Some("Y4NY-0M81")
        );
        assert_eq!(parse_reference("Y4NY–0M81").as_deref(), Some("Y4NY-0M81"));
        assert_eq!(
            parse_reference("y4ny\u{a0}\u{2011}0m81").as_deref(),
            Some("Y4NY-0M81")
        );
        // Persian digits for the digits.
        assert_eq!(parse_reference("Y۴NY-۰M۸۱").as_deref(), Some("Y4NY-0M81"));
    }

    #[test]
    fn secret_tokens_carry_128_bits() {
        let t = secret_token();
        assert_eq!(t.len(), 26); // ceil(128 / 5)
        assert_ne!(t, secret_token());
    }
}
