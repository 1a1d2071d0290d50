//! Files whose lines come in different encodings: a scraper that appended a GBK page to a
//! UTF-8 file, or pasted one Big5 paragraph into a GB18030 one. No single encoding decodes
//! such a file, but each of its lines decodes in one of them.
//!
//! [`decode_by_line`] is the loader's last resort, tried only after the whole file failed in
//! UTF-8, GB18030 and Big5. A line feed (0x0A) is never part of a multi-byte character in
//! any of these encodings (their trail bytes are 0x30 or above), so the file splits safely
//! into lines. Each line is tried as UTF-8 first, then GB18030, then Big5, each strictly and
//! preferring a decode without Private Use Area characters (the sign of the wrong legacy
//! encoding), exactly as a whole file is judged.

use super::encoding::{decode_legacy, Decoded};
use encoding_rs::{BIG5, GB18030};

/// The encodings a line may be in, in the order they are tried and named.
const NAMES: [&str; 3] = ["UTF-8", "GB18030", "Big5"];

/// Decodes `bytes` line by line, each line in the first of UTF-8, GB18030, Big5 that
/// decodes it strictly (a legacy decode without Private Use Area characters preferred).
///
/// The encoding is named after the encodings used by lines with non-ASCII bytes, in that
/// fixed order, e.g. `UTF-8 + GB18030 (by line)`. Fails with the byte offset of the first
/// line no encoding decodes (the offset of its first byte that is not UTF-8), or with
/// `None` when fewer than two encodings were needed, which means the file was not mixed
/// (the whole-file decode would have succeeded) and the caller's own error stands.
pub fn decode_by_line(bytes: &[u8]) -> Result<Decoded, Option<u64>> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut used = [false; 3];
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        let line = &bytes[start..end];
        let (decoded, which) = decode_line(line).ok_or_else(|| {
            let bad = std::str::from_utf8(line).map_or_else(|e| e.valid_up_to(), |_| 0);
            Some((start + bad) as u64)
        })?;
        if !line.is_ascii() {
            used[which] = true;
        }
        text.push_str(&decoded);
        start = end;
    }
    if used.iter().filter(|&&u| u).count() < 2 {
        return Err(None);
    }
    let names: Vec<&str> = NAMES
        .iter()
        .zip(used)
        .filter(|&(_, u)| u)
        .map(|(n, _)| *n)
        .collect();
    Ok(Decoded {
        text,
        encoding: format!("{} (by line)", names.join(" + ")),
    })
}

/// One line's text and the index in [`NAMES`] of the encoding that decoded it.
fn decode_line(line: &[u8]) -> Option<(std::borrow::Cow<'_, str>, usize)> {
    if let Ok(s) = std::str::from_utf8(line) {
        return Some((s.into(), 0));
    }
    let (text, encoding) = decode_legacy(line, &[GB18030, BIG5]).ok()?;
    Some((text.into(), if encoding == GB18030 { 1 } else { 2 }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::Encoding;

    /// Encodes `s` in `label` with encoding_rs (the test's second method is the encoder,
    /// not the decoder under test).
    fn encode(label: &str, s: &str) -> Vec<u8> {
        let (bytes, _, bad) = Encoding::for_label(label.as_bytes()).unwrap().encode(s);
        assert!(!bad);
        bytes.into_owned()
    }

    #[test]
    fn a_gbk_line_in_a_utf8_file() {
        let a = "坚持党建引领，推进基层治理。\n";
        let b = "红色物业建设取得成效。\n";
        let mut bytes = a.repeat(3).into_bytes();
        bytes.extend(encode("gbk", b));
        bytes.extend(a.as_bytes());
        let d = decode_by_line(&bytes).unwrap();
        assert_eq!(d.text, format!("{}{b}{a}", a.repeat(3)));
        assert_eq!(d.encoding, "UTF-8 + GB18030 (by line)");
    }

    #[test]
    fn a_big5_line_in_a_utf8_file_without_a_final_line_feed() {
        let a = "三治融合\r\n";
        let b = "兩區一中心";
        let mut bytes = a.as_bytes().to_vec();
        bytes.extend(encode("big5", b));
        let d = decode_by_line(&bytes).unwrap();
        assert_eq!(d.text, format!("{a}{b}"));
        assert_eq!(d.encoding, "UTF-8 + Big5 (by line)");
    }

    #[test]
    fn one_encoding_is_not_mixed() {
        // Every line GB18030 (ASCII lines do not count as UTF-8): not a mixed file.
        let mut bytes = encode("gbk", "党建引领\n");
        bytes.extend(b"abc\n");
        assert_eq!(decode_by_line(&bytes), Err(None));
    }

    #[test]
    fn a_line_in_no_encoding_is_reported_at_its_first_bad_byte() {
        // 0xFF is a lead byte in no encoding here; the second line starts at byte 13.
        let mut bytes = "党建引领\n".as_bytes().to_vec();
        assert_eq!(bytes.len(), 13);
        bytes.extend(b"ab\xFF\xFF\n");
        assert_eq!(decode_by_line(&bytes), Err(Some(15)));
    }
}
