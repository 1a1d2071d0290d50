//! Encoding detection and strict decoding.
//!
//! Order of tests for one file's bytes: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), then
//! UTF-16 without a mark (NUL bytes, all at odd offsets for LE or all at even ones for BE:
//! the high bytes of ASCII characters), then strict UTF-8, then a chardetng guess restricted to the Chinese legacy encodings GB18030
//! (a superset of GBK/GB2312, used on the mainland) and Big5 (Traditional, Taiwan/Hong Kong).
//! A decode is accepted only if it needs no replacement character. A file that no single
//! encoding decodes is tried line by line (`mixed`: a GBK page appended to a UTF-8
//! file); if a line decodes in none, the file is rejected with the byte offset of the
//! first bad byte.

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030};

/// How many leading bytes are inspected for NUL bytes when deciding that a file is binary
/// (the same heuristic as git's: text never holds NUL, binary formats almost always do early).
pub const BINARY_SNIFF_LEN: usize = 8000;

/// Successfully decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding's display name: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`,
    /// `UTF-16BE (BOM)`, `GB18030`, `Big5`, or a forced encoding's name.
    pub encoding: String,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes near the start (and no UTF-16 byte-order mark): a binary file.
    Binary,
    /// No supported encoding decodes the bytes; `offset` is the 0-based offset of the first
    /// byte that is not valid UTF-8 (or not valid in the forced encoding).
    Undecodable {
        /// Offset of the first bad byte.
        offset: u64,
        /// Human-readable detail of what was tried.
        detail: String,
    },
    /// The forced encoding label is not known to encoding_rs.
    UnknownLabel(String),
}

/// True if the first [`BINARY_SNIFF_LEN`] bytes hold a NUL byte and the file is not UTF-16
/// (with a byte-order mark, or without one by [`utf16_without_bom`]): UTF-16 text
/// legitimately holds NUL bytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    head.contains(&0) && utf16_without_bom(bytes).is_none()
}

/// UTF-16 without a byte-order mark, as some Windows tools write it: an even length, NUL
/// bytes in the first [`BINARY_SNIFF_LEN`] bytes, all of them at odd offsets (little-endian:
/// `a` is `61 00`) or all at even ones (big-endian), and in those first bytes no control
/// character but tab, line feed, form feed and carriage return, and no malformed unit (but
/// a surrogate pair cut by the end of the sniffed bytes); and either not valid UTF-8 or a
/// NUL in at least a quarter of the bytes (so UTF-8 with a stray NUL stays binary). Binary
/// formats put NUL bytes at both parities or fail the decode. The whole file is decoded strictly later.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    let (mut even, mut odd, mut nuls) = (false, false, 0usize);
    for (i, _) in head.iter().enumerate().filter(|(_, b)| **b == 0) {
        nuls += 1;
        if i % 2 == 0 {
            even = true;
        } else {
            odd = true;
        }
    }
    // UTF-8 with a stray NUL is not UTF-16: Chinese UTF-16 is almost never valid UTF-8, and
    // UTF-16 that is (mostly ASCII) has a NUL in about every other byte.
    if nuls * 4 < head.len() && prefix_is_utf8(head) {
        return None;
    }
    let encoding = match (even, odd) {
        (true, false) => encoding_rs::UTF_16BE,
        (false, true) => encoding_rs::UTF_16LE,
        _ => return None,
    };
    let (text, _) = encoding.decode_without_bom_handling(head);
    let text = text.strip_suffix('\u{FFFD}').unwrap_or(&text);
    let bad =
        |c: char| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    (!text.chars().any(bad)).then_some(encoding)
}

/// Decodes `bytes` strictly with `encoding` (no BOM handling). Returns the offset of the
/// first malformed byte on failure.
pub fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, u64> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let mut pos = 0usize;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[pos..], &mut out, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => {
                // Cannot happen with the capacity above, but grow and go on if it does.
                out.reserve(bytes.len() - pos + 16);
            }
            DecoderResult::Malformed(bad, after) => {
                // `pos` is just past the bytes consumed; the malformed sequence of `bad`
                // bytes ended `after` bytes before it.
                let end = pos.saturating_sub(after as usize);
                return Err(end.saturating_sub(bad as usize) as u64);
            }
        }
    }
}

/// `bytes` as a `String` without copying them, if they are valid UTF-8 (else the bytes
/// back). The check is encoding_rs's, about ten times faster than `String::from_utf8` on
/// Chinese text (0.7 ms against 8 ms for 7 MB): the loader and the spill of the streaming
/// pipeline validate every byte of the corpus, 3-4% of a run with the standard check.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if Encoding::utf8_valid_up_to(&bytes) != bytes.len() {
        return Err(bytes);
    }
    // SAFETY: `utf8_valid_up_to` has just checked that every byte of `bytes` is part of
    // valid UTF-8 (it returns the length of the longest valid prefix).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// [`decode`] of bytes the caller gives away: UTF-8 input without a BOM (the usual case)
/// becomes the text without a copy; everything else goes through [`decode`].
pub fn decode_owned(bytes: Vec<u8>, forced: Option<&str>) -> Result<Decoded, DecodeError> {
    if forced.is_some() || Encoding::for_bom(&bytes).is_some() || looks_binary(&bytes) {
        return decode(&bytes, forced);
    }
    match utf8_string(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: "UTF-8".into(),
        }),
        Err(bytes) => decode(&bytes, forced),
    }
}

/// Detects the encoding of `bytes` (or uses the `forced` label) and decodes strictly.
pub fn decode(bytes: &[u8], forced: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some(label) = forced {
        let encoding = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| DecodeError::UnknownLabel(label.to_string()))?;
        // A BOM of the forced encoding is still dropped; the text never starts with U+FEFF.
        let (body, bom) = match Encoding::for_bom(bytes) {
            Some((enc, len)) if enc == encoding => (&bytes[len..], len),
            _ => (bytes, 0),
        };
        return decode_strict(encoding, body)
            .map(|text| Decoded {
                text,
                encoding: display_name(encoding),
            })
            .map_err(|offset| DecodeError::Undecodable {
                offset: offset + bom as u64,
                detail: format!("not valid {}", display_name(encoding)),
            });
    }
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        let name = format!("{} (BOM)", display_name(encoding));
        return decode_strict(encoding, &bytes[len..])
            .map(|text| Decoded {
                text,
                encoding: name.clone(),
            })
            .map_err(|offset| DecodeError::Undecodable {
                offset: offset + len as u64,
                detail: format!("not valid {name}"),
            });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let name = format!("{} (no BOM)", display_name(encoding));
        return decode_strict(encoding, bytes)
            .map(|text| Decoded {
                text,
                encoding: name.clone(),
            })
            .map_err(|offset| DecodeError::Undecodable {
                offset,
                detail: format!("not valid {name}"),
            });
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    // encoding_rs validates UTF-8 faster than `std::str::from_utf8` on CJK text; the error
    // offset still comes from the standard library.
    if let Some(text) =
        encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: "UTF-8".into(),
        });
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: "UTF-8".into(),
            })
        }
        Err(e) => e.valid_up_to() as u64,
    };
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // The guess decides which candidate is tried first; the other is still tried, because
    // chardetng may guess e.g. windows-1252 for short or mostly-ASCII texts.
    let candidates: [&'static Encoding; 2] = if guess == BIG5 {
        [BIG5, GB18030]
    } else {
        [GB18030, BIG5]
    };
    let mut tried = vec![format!("not UTF-8 (byte {utf8_error})")];
    match decode_legacy(bytes, &candidates) {
        Ok((text, encoding)) => {
            return Ok(Decoded {
                text,
                encoding: display_name(encoding),
            })
        }
        Err(failures) => {
            tried.extend(failures.into_iter().map(|(encoding, offset)| {
                format!("not {} (byte {offset})", display_name(encoding))
            }))
        }
    }
    let offset = match super::mixed::decode_by_line(bytes) {
        Ok(decoded) => return Ok(decoded),
        Err(Some(line_offset)) => {
            tried.push(format!("nor line by line (byte {line_offset})"));
            line_offset
        }
        Err(None) => utf8_error,
    };
    Err(DecodeError::Undecodable {
        offset,
        detail: format!(
            "bytes decode in no supported encoding: {}; use --encoding to force one",
            tried.join(", ")
        ),
    })
}

/// True if `bytes` start with valid UTF-8 (a multi-byte character cut at the end of the
/// sample is allowed): used to decide whether a large CSV/JSONL file can be streamed.
pub fn prefix_is_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

/// Decodes `bytes` strictly in the first of `candidates` (legacy Chinese encodings) whose
/// text has no Private Use Area character, else in the first that decodes them at all.
/// Big5 bytes are nearly always also valid GB18030 (and vice versa), but the wrong one
/// yields Private Use Area characters, hence the preference. Fails with each candidate and
/// the offset of its first bad byte.
pub(super) fn decode_legacy(
    bytes: &[u8],
    candidates: &[&'static Encoding],
) -> Result<(String, &'static Encoding), Vec<(&'static Encoding, u64)>> {
    let mut failures = Vec::new();
    let mut fallback = None;
    for &encoding in candidates {
        match decode_strict(encoding, bytes) {
            Ok(text) if !has_private_use(&text) => return Ok((text, encoding)),
            Ok(text) => {
                fallback.get_or_insert((text, encoding));
            }
            Err(offset) => failures.push((encoding, offset)),
        }
    }
    fallback.ok_or(failures)
}

/// True if `text` holds a Private Use Area character (U+E000–U+F8FF): the sign of a
/// decode with the wrong legacy Chinese encoding.
fn has_private_use(text: &str) -> bool {
    text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c))
}

/// The display name of an encoding: encoding_rs names, except the Chinese legacy ones in
/// their usual upper-case spelling (`GB18030`, `GBK`).
pub fn display_name(encoding: &'static Encoding) -> String {
    match encoding.name() {
        "gb18030" => "GB18030".into(),
        "GBK" => "GBK".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode("党建".as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("党建", "UTF-8"));
        let d = decode(b"\xEF\xBB\xBFab", None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("ab", "UTF-8 (BOM)")
        );
    }

    #[test]
    fn utf16_with_bom() {
        // "党" is U+515A: LE bytes 5A 51, BE bytes 51 5A.
        let d = decode(&[0xFF, 0xFE, 0x5A, 0x51], None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("党", "UTF-16LE (BOM)")
        );
        let d = decode(&[0xFE, 0xFF, 0x51, 0x5A], None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("党", "UTF-16BE (BOM)")
        );
    }

    #[test]
    fn gbk_bytes() {
        // 党建 in GBK: B5 B3 BD A8 (checked with `printf 党建 | iconv -t GBK | xxd`).
        let d = decode(&[0xB5, 0xB3, 0xBD, 0xA8], None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("党建", "GB18030"));
    }

    #[test]
    fn undecodable_offset() {
        // 'a','b','c' are fine; 0xFF is invalid as UTF-8, GB18030 and Big5 lead byte.
        match decode(b"abc\xFF\xFF", None) {
            Err(DecodeError::Undecodable { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binary_and_empty() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", None),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"", None).unwrap().text, "");
    }

    #[test]
    fn utf16_without_a_mark_is_found_by_its_nul_bytes() {
        // 党建 1+5+N, written out by hand: 党 U+515A, 建 U+5EFA, then ASCII with NUL high bytes.
        let units: [u16; 8] = [0x515A, 0x5EFA, 0x20, 0x31, 0x2B, 0x35, 0x2B, 0x4E];
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        for (bytes, name) in [(le, "UTF-16LE (no BOM)"), (be, "UTF-16BE (no BOM)")] {
            assert!(!looks_binary(&bytes));
            let d = decode(&bytes, None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding.as_str()), ("党建 1+5+N", name));
            assert_eq!(decode_owned(bytes, None).unwrap().text, "党建 1+5+N");
        }
        // NUL bytes at both parities, or at one parity with a control character: binary.
        assert_eq!(decode(b"ab\0\0cd\0x", None), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x01\0a\0", None), Err(DecodeError::Binary));
        // UTF-8 Chinese with one stray NUL at an odd offset ("党建" is 6 bytes, then "a",
        // NUL): valid UTF-8 with few NULs, so binary, not UTF-16 garbage.
        assert_eq!(
            decode("党建a\0推进".as_bytes(), None),
            Err(DecodeError::Binary)
        );
        // An odd length cannot be UTF-16.
        assert_eq!(decode(b"a\0b", None), Err(DecodeError::Binary));
        // A sniffed head that cuts a surrogate pair (U+20000 is D840 DC00) is still UTF-16;
        // a lone surrogate in the whole file is an error at its offset.
        let head = [0x61, 0, 0x40, 0xD8];
        assert!(!looks_binary(&head));
        match decode(&head, None) {
            Err(DecodeError::Undecodable { offset, detail }) => {
                assert_eq!(
                    (offset, detail.as_str()),
                    (2, "not valid UTF-16LE (no BOM)")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prefix_check_allows_cut_character() {
        let s = "党建".as_bytes();
        assert!(prefix_is_utf8(&s[..4])); // 党 (3 bytes) + first byte of 建
        assert!(!prefix_is_utf8(b"a\xFFb"));
    }

    #[test]
    fn utf8_string_agrees_with_the_standard_check_by_hand() {
        for b in [
            "党建引领".as_bytes().to_vec(),
            b"abc".to_vec(),
            Vec::new(),
            vec![0xE5, 0x85],       // a character cut short
            vec![0xC0, 0x80],       // overlong NUL
            vec![0xED, 0xA0, 0x80], // a surrogate
            vec![b'a', 0xFF, b'b'],
            "全角１＋５＋Ｎ\r\n".as_bytes().to_vec(),
        ] {
            let std = String::from_utf8(b.clone()).ok();
            assert_eq!(utf8_string(b.clone()).ok(), std, "{b:?}");
        }
    }

    proptest::proptest! {
        /// Any bytes: valid exactly when the standard library says so, with the same text.
        #[test]
        fn utf8_string_agrees_with_the_standard_check(b in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            proptest::prop_assert_eq!(utf8_string(b.clone()).ok(), String::from_utf8(b).ok());
        }

        /// Valid text cut anywhere: the same verdict as the standard library.
        #[test]
        fn utf8_string_agrees_on_cut_text(t in "[党建a１+\\n]{0,12}", cut in 0usize..40) {
            let b = t.as_bytes();
            let b = b[..cut.min(b.len())].to_vec();
            proptest::prop_assert_eq!(utf8_string(b.clone()).ok(), String::from_utf8(b).ok());
        }
    }

    #[test]
    fn decode_owned_equals_decode() {
        let cases: Vec<Vec<u8>> = vec![
            "党建引领".as_bytes().to_vec(),
            [&[0xEF, 0xBB, 0xBF][..], "党建".as_bytes()].concat(),
            vec![0xB5, 0xB3, 0xBD, 0xA8],
            vec![0xFF, 0xFE, 0x5A, 0x51],
            vec![b'a', 0, b'b'],
        ];
        for b in cases {
            let a = decode(&b, None);
            let o = decode_owned(b.clone(), None);
            assert_eq!(format!("{a:?}"), format!("{o:?}"), "{b:?}");
        }
        let forced = decode_owned("党".as_bytes().to_vec(), Some("utf-8")).unwrap();
        assert_eq!(forced.text, "党");
    }
}
