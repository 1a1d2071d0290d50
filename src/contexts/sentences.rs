//! Sentence contexts: the sentences of a cleaned text ([`sentences`]), and, for a
//! co-occurrence that only needs the sentences holding some offsets and the number of the
//! others, those sentences alone ([`sentences_holding`]).
//!
//! A sentence ends after `。！？；!?;` (and the closing quotes right after it) or at a line
//! break; a segment that is only white space is not a sentence. Both functions walk the
//! boundaries found by one search of the text ([`for_each_boundary`]).

use std::ops::Range;

/// The sentence ranges of a cleaned text (byte ranges; sentence-final punctuation and a
/// following closing quote stay with their sentence; empty sentences are skipped).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for_each_sentence(text, |r| out.push(r));
    out
}

/// The sentences of `text` holding some of the sorted offsets `starts`: for each such
/// sentence, in text order, `each` gets the range of the indices of `starts` in it (the
/// offsets `o` with `sentence.start <= o < sentence.end`). Returns the number of sentences
/// of the whole text, `sentences(text).len()`.
pub(crate) fn sentences_holding(
    text: &str,
    starts: &[usize],
    mut each: impl FnMut(Range<usize>),
) -> u64 {
    let mut n = 0;
    let mut k = 0;
    for_each_sentence(text, |r| {
        n += 1;
        // Offsets before the sentence (in a blank segment or on a line break) are in none.
        while starts.get(k).is_some_and(|&o| o < r.start) {
            k += 1;
        }
        if starts.get(k).is_some_and(|&o| o < r.end) {
            let hi = k + starts[k..].partition_point(|&o| o < r.end);
            each(k..hi);
            k = hi;
        }
    });
    n
}

/// Hands each sentence of `text` (see [`sentences`]) to `f`, in order.
fn for_each_sentence(text: &str, mut f: impl FnMut(Range<usize>)) {
    // A byte scan: every terminator and closing quote is ASCII or a three-byte character
    // whose bytes cannot start inside another character, so no character is decoded. No
    // boundary lies inside a terminator's closing quotes (they hold no terminator and no
    // line break), so the boundaries of one scan are all the sentence boundaries.
    let b = text.as_bytes();
    let mut start = 0;
    for_each_boundary(b, |j| {
        let (end, next) = if b[j] == b'\n' {
            (j, j + 1)
        } else {
            let e = sentence_end(b, j);
            (e, e)
        };
        // A segment ended by a terminator holds it, so only a line's may be blank.
        if b[j] != b'\n' || !text[start..end].trim().is_empty() {
            f(start..end);
        }
        start = next;
    });
    if start < text.len() && !text[start..].trim().is_empty() {
        f(start..text.len());
    }
}

/// The end of the sentence whose terminator starts at `j`: after the terminator and the
/// closing quotes right after it.
fn sentence_end(b: &[u8], j: usize) -> usize {
    let at = |j: usize| b.get(j).copied().unwrap_or(0);
    let mut e = j + terminator(at(j), at(j + 1), at(j + 2));
    loop {
        match closing(at(e), at(e + 1), at(e + 2)) {
            0 => return e,
            q => e += q,
        }
    }
}

/// Hands to `f`, in order, every offset of `b` where a line break or a sentence terminator
/// starts: the three-byte terminators are found by one SIMD multi-pattern search
/// ([`wide_terminators`]), the ASCII ones and the line breaks by `memchr`, and the three
/// sorted streams are merged. Without that search (no SIMD for it), [`scan_boundaries`].
fn for_each_boundary(b: &[u8], mut f: impl FnMut(usize)) {
    let Some(wide) = wide_terminators() else {
        return scan_boundaries(b, f);
    };
    let mut wide = wide.find_iter(b).map(|m| m.start()).peekable();
    let mut narrow = memchr::memchr3_iter(b'!', b'?', b';', b).peekable();
    let mut lines = memchr::memchr_iter(b'\n', b).peekable();
    loop {
        // The streams hold different bytes, so never the same offset.
        let (w, n, l) = (
            wide.peek().copied().unwrap_or(usize::MAX),
            narrow.peek().copied().unwrap_or(usize::MAX),
            lines.peek().copied().unwrap_or(usize::MAX),
        );
        let j = w.min(n).min(l);
        if j == usize::MAX {
            return;
        }
        if j == w {
            wide.next();
        } else if j == n {
            narrow.next();
        } else {
            lines.next();
        }
        f(j);
    }
}

/// The searcher of the three-byte terminators `。！？；` (Teddy, SIMD), built once; `None`
/// where the CPU lacks the instructions it needs.
fn wide_terminators() -> Option<&'static aho_corasick::packed::Searcher> {
    static SEARCHER: std::sync::OnceLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            aho_corasick::packed::Config::new()
                .builder()
                .extend(["。", "！", "？", "；"])
                .build()
        })
        .as_ref()
}

/// Bytes tested at once by [`scan_boundaries`].
const BLOCK: usize = 32;

/// [`for_each_boundary`] by a portable byte scan: one pass over blocks of [`BLOCK`] bytes
/// (the last one padded with zeros); each block's test is vectorised, then its hits are
/// taken in order.
fn scan_boundaries(b: &[u8], mut f: impl FnMut(usize)) {
    let mut pad = [0u8; BLOCK + 2];
    let mut i = 0;
    while i < b.len() {
        let w: &[u8; BLOCK + 2] = match b.get(i..).and_then(<[u8]>::first_chunk) {
            Some(w) => w,
            None => {
                let rest = b.get(i..).unwrap_or_default();
                pad.fill(0);
                if let Some(p) = pad.get_mut(..rest.len()) {
                    p.copy_from_slice(rest);
                }
                &pad
            }
        };
        // One flag byte per position (vectorised), then the set ones, 8 at a time.
        let mut flags = [0u8; BLOCK];
        for (j, fl) in flags.iter_mut().enumerate() {
            *fl = u8::from((w[j] == b'\n') | is_terminator(w[j], w[j + 1], w[j + 2]));
        }
        for (k, c) in flags.chunks_exact(8).enumerate() {
            let mut word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            while word != 0 {
                f(i + 8 * k + (word.trailing_zeros() / 8) as usize);
                word &= word - 1;
            }
        }
        i += BLOCK;
    }
}

/// True when a sentence terminator's UTF-8 encoding starts with `x y z` (see
/// [`terminator`]). Branch-free, so that the block scans vectorise.
fn is_terminator(x: u8, y: u8, z: u8) -> bool {
    let one = (x == b'!') | (x == b'?') | (x == b';');
    let three = ((x == 0xE3) & (y == 0x80) & (z == 0x82))
        | ((x == 0xEF) & (y == 0xBC) & ((z == 0x81) | (z == 0x9F) | (z == 0x9B)));
    one | three
}

/// The byte length of the sentence terminator whose UTF-8 encoding starts with `x y z`, 0
/// if none: `!` `?` `;`, `。` (E3 80 82), `！` (EF BC 81), `？` (EF BC 9F), `；` (EF BC 9B).
fn terminator(x: u8, y: u8, z: u8) -> usize {
    match (is_terminator(x, y, z), x < 0x80) {
        (false, _) => 0,
        (true, true) => 1,
        (true, false) => 3,
    }
}

/// The byte length of the closing quote whose UTF-8 encoding starts with `x y z`, 0 if
/// none: `"`, `”` (E2 80 9D), `’` (E2 80 99), `」` (E3 80 8D), `』` (E3 80 8F).
fn closing(x: u8, y: u8, z: u8) -> usize {
    if x == b'"' {
        1
    } else if ((x == 0xE2) & (y == 0x80) & ((z == 0x9D) | (z == 0x99)))
        | ((x == 0xE3) & (y == 0x80) & ((z == 0x8D) | (z == 0x8F)))
    {
        3
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward char-by-char splitter, as a second method.
    fn sentences_by_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end_here = match c {
                '。' | '！' | '？' | '!' | '?' | '；' | ';' => {
                    let mut e = i + c.len_utf8();
                    while let Some(&(j, q)) = chars.peek() {
                        if matches!(q, '”' | '’' | '」' | '』' | '"') {
                            e = j + q.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    Some(e)
                }
                '\n' => Some(i),
                _ => None,
            };
            if let Some(e) = end_here {
                if !text[start..e].trim().is_empty() {
                    out.push(start..e);
                }
                start = if c == '\n' { i + 1 } else { e };
            }
        }
        if start < text.len() && !text[start..].trim().is_empty() {
            out.push(start..text.len());
        }
        out
    }

    /// [`sentences_holding`] by the full split: every sentence, its offsets by binary
    /// search.
    fn holding_by_split(text: &str, starts: &[usize]) -> (Vec<Range<usize>>, u64) {
        let all = sentences_by_chars(text);
        let held = all
            .iter()
            .map(|r| {
                let lo = starts.partition_point(|&o| o < r.start);
                let hi = starts.partition_point(|&o| o < r.end);
                lo..hi
            })
            .filter(|r| !r.is_empty())
            .collect();
        (held, all.len() as u64)
    }

    fn holding(text: &str, starts: &[usize]) -> (Vec<Range<usize>>, u64) {
        let mut held = Vec::new();
        let n = sentences_holding(text, starts, |r| held.push(r));
        (held, n)
    }

    /// Text pieces: terminators, closing quotes, line breaks, white space (including
    /// U+3000) and look-alikes of each (opening quotes, other fullwidth punctuation).
    const PIECES: [&str; 28] = [
        "党建", "引领", "。", "！", "？", "!", "?", ";", "；", "”", "’", "」", "』", "\"", "“",
        "「", "\n", " ", "\u{3000}", "，", "、", "a", "1", "〃", "】", "＂", "…", "\n\n",
    ];

    /// Text from pieces, and offsets taken from its character boundaries (`picks` index
    /// them, wrapping; the text's end included).
    fn text_and_starts(parts: &[&str], picks: &[usize]) -> (String, Vec<usize>) {
        let t: String = parts.concat();
        let bounds: Vec<usize> = t
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(t.len()))
            .collect();
        let mut starts: Vec<usize> = picks.iter().map(|&p| bounds[p % bounds.len()]).collect();
        starts.sort_unstable();
        (t, starts)
    }

    proptest! {
        #[test]
        fn byte_scan_equals_char_scan(parts in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..40)) {
            let t: String = parts.concat();
            prop_assert_eq!(sentences(&t), sentences_by_chars(&t));
        }

        #[test]
        fn holding_equals_the_full_split(
            parts in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..60),
            picks in prop::collection::vec(0usize..1000, 0..12),
        ) {
            let (t, starts) = text_and_starts(&parts, &picks);
            prop_assert_eq!(holding(&t, &starts), holding_by_split(&t, &starts));
        }

        /// The SIMD search and the portable scan find the same boundaries (both against
        /// the offsets of the characters that make them).
        #[test]
        fn boundary_searches_agree(
            parts in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..120),
        ) {
            let t: String = parts.concat();
            let by_chars: Vec<usize> = t
                .char_indices()
                .filter(|&(_, c)| matches!(c, '\n' | '。' | '！' | '？' | '；' | '!' | '?' | ';'))
                .map(|(i, _)| i)
                .collect();
            let mut found = Vec::new();
            for_each_boundary(t.as_bytes(), |j| found.push(j));
            prop_assert_eq!(&found, &by_chars);
            let mut scanned = Vec::new();
            scan_boundaries(t.as_bytes(), |j| scanned.push(j));
            prop_assert_eq!(&scanned, &by_chars);
        }

        /// Long sentences, so that the block scans (32 bytes at a time) are exercised.
        #[test]
        fn holding_equals_the_full_split_on_long_sentences(
            parts in prop::collection::vec(
                prop::sample::select(vec!["党建引领基层治理", "abcdefghij", "。", "？”", ";", "\n", "  "]),
                0..80,
            ),
            picks in prop::collection::vec(0usize..5000, 0..20),
        ) {
            let (t, starts) = text_and_starts(&parts, &picks);
            prop_assert_eq!(holding(&t, &starts), holding_by_split(&t, &starts));
        }
    }

    #[test]
    fn byte_scan_equals_char_scan_on_the_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
        for e in std::fs::read_dir(dir).unwrap() {
            let t = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert_eq!(sentences(&t), sentences_by_chars(&t));
            let starts: Vec<usize> = t.char_indices().map(|(i, _)| i).step_by(7).collect();
            assert_eq!(holding(&t, &starts), holding_by_split(&t, &starts));
        }
    }

    #[test]
    fn sentences_split_after_final_punctuation_and_quotes() {
        let t = "他说：“好。”然后走了！第二段\n新段落；末尾";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec!["他说：“好。”", "然后走了！", "第二段", "新段落；", "末尾"]
        );
    }

    /// By hand: "甲。”乙\n。\n  \n丙" has the sentences 甲。” (0..9), 乙 (9..12), 。 (13..16)
    /// and 丙 (20..23): the line of spaces is none. Offsets 0 and 3 (甲, 。) are in the
    /// first, 6 (”: the quote closes the first sentence) too, 12 (a line break) and 18 (a
    /// space) in none, 20 in the last.
    #[test]
    fn holding_by_hand() {
        let t = "甲。”乙\n。\n  \n丙";
        assert_eq!(holding(t, &[0, 3, 6, 12, 18, 20]), (vec![0..3, 5..6], 4));
        assert_eq!(holding(t, &[]), (vec![], 4));
        assert_eq!(holding("", &[0]), (vec![], 0));
        assert_eq!(holding(" \n", &[0, 1, 2]), (vec![], 0));
    }
}
