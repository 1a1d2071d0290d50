//! Protected strings: formulations (提法) such as `1+5+N`, `三治融合` or `党建+` that must come
//! out of segmentation as single tokens.

use aho_corasick::{AhoCorasick, MatchKind};

/// A compiled set of protected strings, matched leftmost-longest and without overlap.
///
/// Build it once per corpus and pass it to [`super::Segmenter::cut_protected`]. The set is
/// an Aho-Corasick automaton (thousands of formulations are common in a large corpus; an
/// alternation in a regex fell back to its slow NFA engine there and cost four times the
/// segmentation itself).
#[derive(Debug, Clone, Default)]
pub struct Protected {
    ac: Option<AhoCorasick>,
    /// Fixed byte ranges of one particular text (see [`Protected::at_spans`]).
    spans: Option<Vec<(usize, usize)>>,
}

impl Protected {
    /// Compiles the protected strings; empty strings are ignored, duplicates are harmless.
    /// Should the automaton not build (it cannot for plain strings short of memory limits),
    /// nothing is protected rather than panicking.
    pub fn new<S: AsRef<str>>(strings: &[S]) -> Protected {
        let mut words: Vec<&str> = strings
            .iter()
            .map(|s| s.as_ref())
            .filter(|s| !s.is_empty())
            .collect();
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return Protected::default();
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .ok();
        Protected { ac, spans: None }
    }

    /// Protection of known byte ranges of ONE text (e.g. the formulations the extractor
    /// found in it, which already include every occurrence of a form known in the corpus):
    /// no search at all. Overlapping ranges are resolved leftmost-longest; ranges that do
    /// not fall on char boundaries of the text are ignored by [`Protected::find_iter`].
    pub fn at_spans(mut spans: Vec<(usize, usize)>) -> Protected {
        spans.retain(|&(s, e)| e > s);
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            if kept.last().is_none_or(|&(_, pe)| s >= pe) {
                kept.push((s, e));
            }
        }
        Protected {
            ac: None,
            spans: Some(kept),
        }
    }

    /// True when there is nothing to protect.
    pub fn is_empty(&self) -> bool {
        self.ac.is_none() && self.spans.as_ref().is_none_or(|s| s.is_empty())
    }

    /// Byte ranges of the protected occurrences in `text`, in order, non-overlapping.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        let fixed = self.spans.iter().flat_map(move |spans| {
            spans.iter().copied().filter(move |&(s, e)| {
                e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
            })
        });
        let searched = self
            .ac
            .iter()
            .flat_map(move |ac| ac.find_iter(text).map(|m| (m.start(), m.end())));
        fixed.chain(searched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftmost_longest_non_overlapping() {
        let p = Protected::new(&["党建", "党建+", "建+网格", "1+5+N"]);
        let text = "推行党建+网格和1+5+N模式";
        let found: Vec<&str> = p.find_iter(text).map(|(s, e)| &text[s..e]).collect();
        // At 党: 党建+ (longest at the leftmost start) wins over 党建; 建+网格 overlaps it and is
        // not reported.
        assert_eq!(found, vec!["党建+", "1+5+N"]);
    }

    #[test]
    fn fixed_spans_resolve_overlaps_leftmost_longest() {
        let text = "推行党建+网格和1+5+N模式";
        // 党建+ = bytes 6..13, 党建 = 6..12, 建+网格 = 9..19 (overlaps), 1+5+N = 22..27.
        let p = Protected::at_spans(vec![(22, 27), (6, 12), (9, 19), (6, 13)]);
        let found: Vec<&str> = p.find_iter(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, vec!["党建+", "1+5+N"]);
        // Ranges off char boundaries are ignored.
        let p = Protected::at_spans(vec![(1, 4)]);
        assert_eq!(p.find_iter(text).count(), 0);
    }

    #[test]
    fn empty_set() {
        let p = Protected::new::<&str>(&[]);
        assert!(p.is_empty());
        assert_eq!(p.find_iter("abc").count(), 0);
        assert!(Protected::new(&[""]).is_empty());
    }
}
