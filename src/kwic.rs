//! Keyword in context (KWIC) over cleaned documents.
//!
//! Each hit carries the document id, its group (region), up to `window_chars` characters
//! of left and right context, the matched keyword, and its byte offset both in the cleaned
//! text and in the raw text (through the document's [`OffsetMap`]).
//!
//! Cleaning has already converted Traditional documents to Simplified, so patterns are
//! converted too (OpenCC `t2s`) by [`Pattern::literal`] and [`Pattern::regex`]: a
//! Traditional pattern such as `兩張皮` finds `两张皮`. The pattern as given is kept as an
//! alternative, because t2s also changes a few characters that Simplified text uses
//! (`乾` → `干`, while `乾坤` stays).
//!
//! Line breaks (`\n`, `\r`) inside contexts and keywords are shown as `⏎` (one character,
//! so the window width is unchanged and a paragraph boundary stays visible); tabs become
//! spaces. Presentation (alignment, truncation) is left to the caller.

use crate::error::{Error, Result};
use crate::offsets::OffsetMap;
use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use serde::Serialize;

/// One cleaned document to search.
#[derive(Debug, Clone, Copy)]
pub struct KwicDoc<'a> {
    /// The document id.
    pub id: &'a str,
    /// Its group (e.g. region).
    pub group: &'a str,
    /// The cleaned text.
    pub text: &'a str,
    /// The map from cleaned to raw byte offsets.
    pub map: &'a OffsetMap,
}

/// What to search for. Build it with [`Pattern::literal`] or [`Pattern::regex`] to get
/// the Traditional → Simplified conversion; the variants themselves match as written.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// A literal string, matched left to right without overlaps.
    Literal(String),
    /// A regular expression (matches left to right without overlaps; empty matches are
    /// skipped).
    Regex(regex::Regex),
}

fn t2s(s: &str) -> Result<String> {
    let cc = OpenCC::from_config(BuiltinConfig::T2s)
        .map_err(|e| Error::Usage(format!("cannot load the Traditional→Simplified table: {e}")))?;
    Ok(cc.convert(s))
}

impl Pattern {
    /// A literal pattern that also matches its Traditional → Simplified conversion.
    ///
    /// When the conversion changes nothing this is `Pattern::Literal(s)`; otherwise it is
    /// a regex matching either the converted form (tried first) or the form as given, so
    /// `兩張皮` finds `两张皮`, and a single character that t2s would change (`乾` → `干`)
    /// still finds itself in Simplified text (`乾坤`). An empty pattern is refused.
    pub fn literal(s: &str) -> Result<Pattern> {
        if s.is_empty() {
            return Err(Error::Usage("kwic: the pattern is empty".into()));
        }
        let conv = t2s(s)?;
        if conv == s {
            return Ok(Pattern::Literal(s.to_string()));
        }
        let src = format!("{}|{}", regex::escape(&conv), regex::escape(s));
        regex::Regex::new(&src)
            .map(Pattern::Regex)
            .map_err(|e| Error::Usage(format!("kwic: cannot build a pattern from {s:?}: {e}")))
    }

    /// A regular expression that also matches the Traditional → Simplified conversion of
    /// its source (regex syntax is ASCII, so only Han characters change): when the
    /// conversion changes the source, the two are combined as `(?:converted)|(?:given)`.
    pub fn regex(s: &str) -> Result<Pattern> {
        let bad =
            |e: regex::Error| Error::Usage(format!("kwic: bad regular expression {s:?}: {e}"));
        // Check the pattern as given first, so errors name what the user wrote.
        let given = regex::Regex::new(s).map_err(bad)?;
        let conv = t2s(s)?;
        if conv == s {
            return Ok(Pattern::Regex(given));
        }
        regex::Regex::new(&format!("(?:{conv})|(?:{s})"))
            .map(Pattern::Regex)
            .map_err(bad)
    }

    /// Byte ranges of the non-empty, non-overlapping matches in `text`.
    fn find(&self, text: &str) -> Vec<(usize, usize)> {
        match self {
            Pattern::Literal(p) if p.is_empty() => Vec::new(),
            Pattern::Literal(p) => text
                .match_indices(p.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .collect(),
            Pattern::Regex(r) => r
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| (m.start(), m.end()))
                .collect(),
        }
    }
}

/// One keyword-in-context hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// The document id.
    pub doc: String,
    /// The document's group.
    pub group: String,
    /// Up to `window_chars` characters before the keyword.
    pub left: String,
    /// The matched text.
    pub keyword: String,
    /// Up to `window_chars` characters after the keyword.
    pub right: String,
    /// Byte offset of the keyword in the cleaned text.
    pub offset: usize,
    /// Byte offset of the keyword in the raw text.
    pub raw_offset: usize,
    /// End (exclusive) of the keyword in the raw text.
    pub raw_end: usize,
}

/// Shows line breaks as `⏎` and tabs as spaces.
fn display(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' => '⏎',
            '\t' => ' ',
            c => c,
        })
        .collect()
}

/// Finds every match of `pattern` in `docs`, in document order, then by offset.
///
/// Contexts are counted in characters (Unicode scalar values), not bytes, and stop at the
/// ends of the document.
pub fn kwic(docs: &[KwicDoc<'_>], pattern: &Pattern, window_chars: usize) -> Vec<Hit> {
    let mut hits = Vec::new();
    for d in docs {
        for (start, end) in pattern.find(d.text) {
            let (Some(before), Some(kw), Some(after)) = (
                d.text.get(..start),
                d.text.get(start..end),
                d.text.get(end..),
            ) else {
                continue; // unreachable for matches on char boundaries; never panic
            };
            let left_start = before
                .char_indices()
                .rev()
                .nth(window_chars.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            let left = if window_chars == 0 {
                ""
            } else {
                &before[left_start..]
            };
            let right_end = after
                .char_indices()
                .nth(window_chars)
                .map_or(after.len(), |(i, _)| i);
            let raw = d.map.range_to_raw(start..end);
            hits.push(Hit {
                doc: d.id.to_string(),
                group: d.group.to_string(),
                left: display(left),
                keyword: display(kw),
                right: display(&after[..right_end]),
                offset: start,
                raw_offset: raw.start,
                raw_end: raw.end,
            });
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::MapBuilder;

    fn doc<'a>(text: &'a str, map: &'a OffsetMap) -> KwicDoc<'a> {
        KwicDoc {
            id: "d1",
            group: "g",
            text,
            map,
        }
    }

    #[test]
    fn windows_count_characters_not_bytes() {
        let id = OffsetMap::identity();
        let text = "破解党建业务两张皮问题\n推动发展";
        let hits = kwic(&[doc(text, &id)], &Pattern::literal("两张皮").unwrap(), 3);
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        // 3 characters either side; the newline is shown as ⏎.
        assert_eq!(h.keyword, "两张皮");
        assert_eq!(h.left, "建业务");
        assert_eq!(h.right, "问题⏎");
        // "破解党建业务" = 6 characters × 3 bytes = 18
        assert_eq!((h.offset, h.raw_offset, h.raw_end), (18, 18, 27));
    }

    #[test]
    fn windows_stop_at_document_ends_and_zero_window() {
        let id = OffsetMap::identity();
        let text = "红色物业进小区";
        let h = kwic(
            &[doc(text, &id)],
            &Pattern::literal("红色物业").unwrap(),
            20,
        );
        assert_eq!((h[0].left.as_str(), h[0].right.as_str()), ("", "进小区"));
        let h = kwic(&[doc(text, &id)], &Pattern::literal("小区").unwrap(), 0);
        assert_eq!((h[0].left.as_str(), h[0].right.as_str()), ("", ""));
    }

    #[test]
    fn traditional_pattern_matches_simplified_text() {
        let id = OffsetMap::identity();
        let text = "防止“两张皮”";
        let hits = kwic(&[doc(text, &id)], &Pattern::literal("兩張皮").unwrap(), 2);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].keyword, "两张皮");
        let hits = kwic(&[doc(text, &id)], &Pattern::regex("兩.皮").unwrap(), 2);
        assert_eq!(hits.len(), 1);
        // t2s turns a lone 乾 into 干; the given form still matches Simplified 乾坤.
        let text = "扭转乾坤，干事创业";
        let hits = kwic(&[doc(text, &id)], &Pattern::literal("乾").unwrap(), 1);
        let kws: Vec<&str> = hits.iter().map(|h| h.keyword.as_str()).collect();
        assert_eq!(kws, ["乾", "干"]);
        assert!(matches!(
            Pattern::literal("两张皮"),
            Ok(Pattern::Literal(_))
        ));
    }

    #[test]
    fn regex_hits_in_order_and_empty_matches_skipped() {
        let id = OffsetMap::identity();
        let text = "党建+文化、党建+四点半学校";
        let hits = kwic(
            &[doc(text, &id)],
            &Pattern::regex(r"党建\+\p{Han}{2}").unwrap(),
            1,
        );
        let kws: Vec<&str> = hits.iter().map(|h| h.keyword.as_str()).collect();
        assert_eq!(kws, ["党建+文化", "党建+四点"]);
        assert_eq!(hits[1].left, "、");
        assert!(kwic(&[doc(text, &id)], &Pattern::regex("x*").unwrap(), 3).is_empty());
        assert!(Pattern::literal("").is_err());
        assert!(Pattern::regex("(").is_err());
    }

    #[test]
    fn raw_offsets_through_offset_map() {
        // raw "發(fā)展红色物业" cleaned "發展红色物业": the gloss "(fā)" (5 bytes) is deleted.
        let raw = "發(fā)展红色物业";
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, raw.len());
        b.push_copy("發", 0);
        let rest = raw.find('展').unwrap_or(0); // 3 + 5 = 8
        b.push_copy(&raw[rest..], rest);
        let (text, map) = b.finish();
        assert_eq!(text, "發展红色物业");
        let hits = kwic(
            &[doc(&text, &map)],
            &Pattern::literal("红色物业").unwrap(),
            5,
        );
        let h = &hits[0];
        // cleaned offset: 發 展 = 6 bytes; raw: 發 (3) + (fā) (5) + 展 (3) = 11
        assert_eq!((h.offset, h.raw_offset), (6, 11));
        assert_eq!(&raw[h.raw_offset..h.raw_end], "红色物业");
        assert_eq!(h.left, "發展");
    }
}
