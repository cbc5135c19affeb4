//! Whole files as text: UTF-8 (with or without a byte-order mark) and UTF-16 with a
//! byte-order mark are read; NUL bytes mean binary data. Streaming formats (CSV, JSON)
//! are UTF-8 only and refuse a UTF-16 file up front instead of rejecting every row.

/// Why a file's bytes are not a posting's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary data (a NUL byte at byte {offset}), not a text posting")]
    Binary { offset: usize },
    #[error("invalid UTF-8 at line {line}, byte {offset} (save the file as UTF-8)")]
    InvalidUtf8 { line: usize, offset: usize },
    #[error("invalid UTF-16 at byte {offset}")]
    InvalidUtf16 { offset: usize },
}

impl DecodeError {
    /// The 1-based line the problem is on, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            DecodeError::InvalidUtf8 { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// The UTF-16 byte-order mark a file starts with: `Some(true)` big-endian.
pub fn utf16_bom(head: &[u8]) -> Option<bool> {
    match head {
        [0xFE, 0xFF, ..] => Some(true),
        [0xFF, 0xFE, ..] => Some(false),
        _ => None,
    }
}

/// Decodes a whole file. A UTF-8 byte-order mark is dropped.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if let Some(big_endian) = utf16_bom(&bytes) {
        return decode_utf16(&bytes[2..], big_endian);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        DecodeError::InvalidUtf8 { line, offset }
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Result<String, DecodeError> {
    let units = bytes.chunks(2).map(|pair| match (pair, big_endian) {
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        // An odd trailing byte cannot be a code unit: make it a lone surrogate, an error.
        _ => 0xDC00,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    for (index, unit) in char::decode_utf16(units).enumerate() {
        match unit {
            Ok('\0') => {
                return Err(DecodeError::Binary {
                    offset: 2 + 2 * index,
                })
            }
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(DecodeError::InvalidUtf16 {
                    offset: 2 + 2 * index,
                })
            }
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_utf16_and_binary() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFHi".to_vec()).unwrap(), "Hi");
        let le: Vec<u8> = [0xFF, 0xFE, b'H', 0, 0xE9, 0].to_vec();
        assert_eq!(decode_text(le).unwrap(), "H\u{e9}");
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'H', 0xD8, 0x3D, 0xDE, 0x00].to_vec();
        assert_eq!(decode_text(be).unwrap(), "H\u{1F600}");
        assert_eq!(
            decode_text(b"a\0b".to_vec()),
            Err(DecodeError::Binary { offset: 1 })
        );
        assert_eq!(
            decode_text(b"ok\nCaf\xe9".to_vec()),
            Err(DecodeError::InvalidUtf8 { line: 2, offset: 6 })
        );
        assert!(decode_text([0xFF, 0xFE, b'H'].to_vec()).is_err());
    }
}
