//! Step 7: repeated material. Within a document: a sentence repeated back to back inside
//! a paragraph, a paragraph that repeats an earlier one, and a prose fragment whose whole
//! text is part of another paragraph (the torn first copy of a repeated passage).

use super::chars::{ends_final, find3, is_clause, is_closer, is_final, is_sentence_end};
use super::{rebuild, CleanReport, Stage};
use crate::terms::FxBuild;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

/// Paragraphs shorter than this (in characters) are never removed as duplicates within a
/// document: headings and salutations such as 各位代表！ "Deputies!" legitimately recur.
pub const MIN_DUP_CHARS: usize = 20;
/// A repeated sentence shorter than this (in characters) is kept (`是。是。`).
const MIN_DUP_SENTENCE: usize = 8;
/// A fragment must have at least this many characters (and a clause break) to be
/// removed for being contained in another paragraph.
const MIN_FRAGMENT: usize = 10;
/// Only paragraphs up to this many characters are tested for containment (torn
/// fragments are short; this bounds the quadratic search).
const MAX_FRAGMENT: usize = 120;
/// A torn fragment is looked for only in paragraphs at most this many paragraphs away
/// (torn copies sit next to the page break that tore them; this keeps the search
/// linear in the document length).
const FRAGMENT_WINDOW: usize = 6;

/// Byte ranges (relative to `s`) of the sentences of `s`: each ends after a run of
/// sentence-final punctuation and any closing quotes; a tail without one is a sentence.
#[cfg(test)]
pub(crate) fn sentences(s: &str) -> Vec<Range<usize>> {
    Sentences::new(s).collect()
}

/// The sentences of a text, as `sentences` gives them, one at a time.
pub(crate) struct Sentences<'a> {
    s: &'a str,
    /// Where the next sentence starts.
    start: usize,
}

impl<'a> Sentences<'a> {
    pub(crate) fn new(s: &'a str) -> Sentences<'a> {
        Sentences { s, start: 0 }
    }
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (s, start) = (self.s, self.start);
        if start >= s.len() {
            return None;
        }
        let Some((at, n)) = next_end(s.as_bytes(), start) else {
            self.start = s.len();
            return Some(start..s.len());
        };
        let mut end = at + n;
        while let Some(d) = s.get(end..).and_then(|r| r.chars().next()) {
            if is_sentence_end(d) || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        self.start = end;
        Some(start..end)
    }
}

/// The offset and byte length of the first [`is_sentence_end`] character starting at or
/// after `i` (a character boundary), by a byte scan ([`find3`]: this split runs over
/// every paragraph).
fn next_end(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let at = |j: usize| b.get(j).copied().unwrap_or(0);
    find3(b, i, |x, y, z| end_len(x, y, z) != 0).map(|j| (j, end_len(at(j), at(j + 1), at(j + 2))))
}

/// The byte length of the [`is_sentence_end`] character whose UTF-8 encoding starts with
/// the bytes `x y z` (0 when none does): `!` `?`, `。` (E3 80 82), `！` (EF BC 81),
/// `？` (EF BC 9F) and `…` (E2 80 A6). Branch-free, so that [`next_end`] vectorises.
fn end_len(x: u8, y: u8, z: u8) -> usize {
    let one = (x == b'!') | (x == b'?');
    let three = ((x == 0xE3) & (y == 0x80) & (z == 0x82))
        | ((x == 0xEF) & (y == 0xBC) & ((z == 0x81) | (z == 0x9F)))
        | ((x == 0xE2) & (y == 0x80) & (z == 0xA6));
    usize::from(one) | (3 * usize::from(three))
}

/// True when `t` occurs in `o` as a torn piece: `t` ends mid-sentence, or its
/// occurrence in `o` starts mid-sentence (`逐一签` + `字,按手印…`). A whole sentence
/// that `o` merely quotes or repeats after a `：` is not torn.
fn is_torn_part(t: &str, o: &str) -> bool {
    // Prefilter with the longest head of at most 32 bytes (about ten characters): a needle
    // that short is looked for with SIMD and no searcher to set up, and rarely occurs by
    // chance, so the full search runs almost only where `t` occurs.
    let mut cut = t.len().min(32);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    if !o.contains(&t[..cut]) {
        return false;
    }
    let Some(pos) = o.find(t) else {
        return false;
    };
    !ends_final(t)
        || o[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| !(is_final(c) || is_closer(c)))
}

/// Removes repeated material from `st` (see the module docs). Returns `None` when
/// nothing is removed.
pub(crate) fn dedup(st: &Stage, report: &mut CleanReport) -> Option<Stage> {
    let text = &st.text;
    // Sentences repeated back to back. The pieces kept of paragraph `k` are
    // `pieces[ends[k - 1]..ends[k]]` (one piece, the paragraph, when nothing is removed).
    let mut pieces: Vec<Range<usize>> = Vec::with_capacity(st.paras.len());
    let mut ends: Vec<usize> = Vec::with_capacity(st.paras.len());
    let mut dup_sentences = 0;
    for p in &st.paras {
        let para = &text[p.clone()];
        let first = pieces.len();
        let mut last: Option<&str> = None;
        for s in Sentences::new(para) {
            let cur = &para[s.clone()];
            if last == Some(cur) && cur.chars().count() >= MIN_DUP_SENTENCE {
                dup_sentences += 1;
                continue;
            }
            last = Some(cur);
            let r = p.start + s.start..p.start + s.end;
            match pieces.get_mut(first..).and_then(|g| g.last_mut()) {
                Some(k) if k.end == r.start => k.end = r.end,
                _ => pieces.push(r),
            }
        }
        ends.push(pieces.len());
    }
    let groups: Vec<&[Range<usize>]> = ends
        .iter()
        .scan(0, |from, &to| {
            let g = &pieces[*from..to];
            *from = to;
            Some(g)
        })
        .collect();
    // Whole paragraphs (after the sentence step).
    let texts: Vec<Cow<'_, str>> = groups
        .iter()
        .map(|g| match g {
            [r] => Cow::Borrowed(&text[r.clone()]),
            _ => Cow::Owned(g.iter().map(|r| &text[r.clone()]).collect()),
        })
        .collect();
    let mut keep = vec![true; texts.len()];
    let mut seen: HashSet<&str, FxBuild> =
        HashSet::with_capacity_and_hasher(texts.len(), FxBuild::default());
    let mut dup_paragraphs = 0;
    for (k, t) in texts.iter().enumerate() {
        // At most 4 bytes per char: 4 * MIN_DUP_CHARS bytes or more hold enough chars.
        if t.len() < MIN_DUP_CHARS
            || (t.len() < 4 * MIN_DUP_CHARS && t.chars().count() < MIN_DUP_CHARS)
        {
            continue;
        }
        if !seen.insert(t) {
            keep[k] = false;
            dup_paragraphs += 1;
        }
    }
    for (k, t) in texts.iter().enumerate() {
        if !keep[k] || t.len() > 4 * MAX_FRAGMENT || !t.chars().any(is_clause) {
            continue;
        }
        let n = t.chars().count();
        if !(MIN_FRAGMENT..=MAX_FRAGMENT).contains(&n) {
            continue;
        }
        let lo = k.saturating_sub(FRAGMENT_WINDOW);
        let hi = (k + FRAGMENT_WINDOW + 1).min(texts.len());
        let inside = (lo..hi).any(|j| {
            let o = &texts[j];
            j != k && keep[j] && o.len() > t.len() && is_torn_part(t, o)
        });
        if inside {
            keep[k] = false;
            dup_paragraphs += 1;
        }
    }
    if dup_sentences == 0 && dup_paragraphs == 0 {
        return None;
    }
    report.dup_sentences += dup_sentences;
    report.dup_paragraphs += dup_paragraphs;
    Some(rebuild(
        st,
        groups
            .into_iter()
            .zip(keep)
            .filter_map(|(g, k)| k.then_some(g)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn torn_parts() {
        assert!(is_torn_part(
            "字,按手印,发放分红款。",
            "在分红现场,逐一签字,按手印,发放分红款。"
        ));
        assert!(is_torn_part(
            "在分红现场,居民们有序",
            "在分红现场,居民们有序排队。"
        ));
        assert!(!is_torn_part(
            "现在，我代表省政府报告工作。",
            "各位代表：现在，我代表省政府报告工作。"
        ));
    }

    /// The definition, char by char: the reference for the byte scan of [`sentences`].
    fn sentences_by_char(s: &str) -> Vec<Range<usize>> {
        let mut v = Vec::new();
        let mut start = 0;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !is_sentence_end(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_sentence_end(d) || is_closer(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            v.push(start..end);
            start = end;
        }
        if start < s.len() {
            v.push(start..s.len());
        }
        v
    }

    #[test]
    fn byte_scan_splits_like_the_char_definition() {
        for s in [
            "",
            "。",
            "!!",
            "甲。乙！？”丙…）丁",
            "a?b!c\"d'e",
            "“好！”他说。（完）】尾",
            "、，：；“”‘’（）《》【】",
            "🙂。🙂",
            "…………",
        ] {
            assert_eq!(sentences(s), sentences_by_char(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_scan_splits_like_the_char_definition_on_any_text(
            s in "[甲乙、，。！？…”’」』）)》〉】!?\"'a 🙂\n]{0,120}"
        ) {
            proptest::prop_assert_eq!(sentences(&s), sentences_by_char(&s));
        }

        #[test]
        fn block_skip_splits_like_the_char_definition_on_sparse_marks(
            s in "([甲乙，、a 🙂”）]{0,50}[。！？…!?]?){0,6}"
        ) {
            proptest::prop_assert_eq!(sentences(&s), sentences_by_char(&s));
        }
    }

    #[test]
    fn byte_test_matches_every_sentence_end() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let e = c.encode_utf8(&mut buf).as_bytes();
            let at = |j: usize| e.get(j).copied().unwrap_or(0);
            let n = end_len(at(0), at(1), at(2));
            assert_eq!(n > 0, is_sentence_end(c), "{c:?}");
            assert!(n == 0 || n == e.len(), "{c:?}");
        }
    }

    #[test]
    fn block_skip_splits_like_the_char_definition_on_long_text() {
        // Marks at every offset around block edges, in text longer than several blocks.
        let filler = "党建引领发展，“好”";
        for mark in ["。", "！", "？", "!", "?", "…", "。”", "?!"] {
            for k in 0..40 {
                let s: String =
                    filler.repeat(k / 3 + 1) + &"a".repeat(k) + mark + &filler.repeat(8) + mark;
                assert_eq!(sentences(&s), sentences_by_char(&s), "{s}");
            }
        }
    }

    #[test]
    fn splits_sentences_with_closing_quotes() {
        let s = "他说:“好!”然后走了。尾巴";
        let v: Vec<&str> = sentences(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(v, ["他说:“好!”", "然后走了。", "尾巴"]);
    }
}
