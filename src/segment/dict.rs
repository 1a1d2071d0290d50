//! Dictionary files in jieba's format: one entry per line, `word [freq [pos]]`, separated by
//! whitespace. Blank lines and lines starting with `#` are skipped (jieba itself would add a
//! comment line as a word; `scripts/jieba_tokens.py` applies the same rules).

use std::path::Path;

use crate::error::{Error, Result};

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictEntry<'a> {
    /// The word.
    pub word: &'a str,
    /// Its frequency; `None` lets jieba suggest one (as `jieba.add_word` does in Python).
    pub freq: Option<usize>,
    /// Its part-of-speech tag, if given.
    pub tag: Option<&'a str>,
}

/// Parses a dictionary text; `path` is only used in error messages, which name the 1-based line.
pub fn parse_dict<'a>(path: &Path, text: &'a str) -> Result<Vec<DictEntry<'a>>> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line_no = i as u64 + 1;
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let freq = match parts.next() {
            None => None,
            Some(f) => Some(f.parse::<usize>().map_err(|_| {
                Error::at_line(
                    path,
                    line_no,
                    format!("frequency `{f}` of `{word}` is not a whole number (expected `word [freq [pos]]`)"),
                )
            })?),
        };
        let tag = parts.next();
        if parts.next().is_some() {
            return Err(Error::at_line(
                path,
                line_no,
                format!("too many fields for `{word}` (expected `word [freq [pos]]`)"),
            ));
        }
        entries.push(DictEntry { word, freq, tag });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_skips_comments() {
        let text = "# comment\n\n党建引领 2000 vn\n红色物业\n基层治理 5\n";
        let e = parse_dict(Path::new("d.txt"), text).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(
            e[0],
            DictEntry {
                word: "党建引领",
                freq: Some(2000),
                tag: Some("vn")
            }
        );
        assert_eq!(
            e[1],
            DictEntry {
                word: "红色物业",
                freq: None,
                tag: None
            }
        );
        assert_eq!(e[2].freq, Some(5));
    }

    #[test]
    fn bad_frequency_names_file_and_line() {
        let err = parse_dict(Path::new("user.txt"), "a 1\nb x\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("user.txt") && msg.contains(":2"), "{msg}");
    }

    #[test]
    fn domain_dictionary_parses() {
        let e = parse_dict(Path::new("domain.txt"), super::super::DOMAIN_DICT).unwrap();
        assert!(e.len() >= 30);
        assert!(e
            .iter()
            .all(|e| e.freq.is_some() && e.word.chars().count() >= 2));
    }
}
