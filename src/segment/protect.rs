//! Protected strings: formulations (提法) such as `1+5+N`, `三治融合` or `党建+` that must come
//! out of segmentation as single tokens.

use regex::Regex;

/// A compiled set of protected strings, matched leftmost-longest and without overlap.
///
/// Build it once per corpus and pass it to [`super::Segmenter::cut_protected`].
#[derive(Debug, Clone, Default)]
pub struct Protected {
    re: Option<Regex>,
}

impl Protected {
    /// Compiles the protected strings; empty strings are ignored, duplicates are harmless.
    /// Should the set exceed the regex size limit (64 MB compiled), nothing is protected
    /// rather than panicking.
    pub fn new<S: AsRef<str>>(strings: &[S]) -> Protected {
        let mut words: Vec<&str> = strings
            .iter()
            .map(|s| s.as_ref())
            .filter(|s| !s.is_empty())
            .collect();
        // Longest first (ties by string, for a stable pattern): the regex engine takes the
        // first alternative that matches at the leftmost position, so this gives
        // leftmost-longest matching.
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        if words.is_empty() {
            return Protected { re: None };
        }
        let pattern = words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        // An escaped alternation of literals always compiles unless it exceeds the size
        // limit; in that case fall back to no protection rather than panic.
        let re = regex::RegexBuilder::new(&pattern)
            .size_limit(64 << 20)
            .build()
            .ok();
        Protected { re }
    }

    /// True when there is nothing to protect.
    pub fn is_empty(&self) -> bool {
        self.re.is_none()
    }

    /// Byte ranges of the protected occurrences in `text`, in order, non-overlapping.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.re
            .iter()
            .flat_map(move |re| re.find_iter(text).map(|m| (m.start(), m.end())))
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
    fn empty_set() {
        let p = Protected::new::<&str>(&[]);
        assert!(p.is_empty());
        assert_eq!(p.find_iter("abc").count(), 0);
        assert!(Protected::new(&[""]).is_empty());
    }
}
