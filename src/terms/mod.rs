//! Term counts per document, and frequency tables per document or per group (region).
//!
//! The pipeline for one document is: segment ([`crate::segment`], with protected
//! formulations), count every *word token* (a token with a letter or digit, see [`is_word`]),
//! and count the tokens the [`TermFilter`] keeps as terms.
//!
//! **Denominator.** The token total of a document ([`DocTerms::tokens`]), used for the
//! relative frequency per 10,000 tokens and for keyness, counts all word tokens *before*
//! stopword, length, number and POS filtering: whitespace and punctuation are excluded,
//! everything else is included. So per-10k figures do not change when the stopword list does.

mod doc_table;
mod filter;
mod freq;
mod group_counts;
mod hash;
mod intern;
mod sort;
mod table;

use std::collections::HashMap;

pub use doc_table::DocTable;
pub use filter::{is_amount, is_word, Stopwords, TermFilter, BUILTIN_STOPWORDS};
pub use freq::{frequencies, top, By, DocInput, TermRow};
pub use hash::{FxBuild, FxHasher};
pub use intern::Interner;
pub use table::GroupTable;

use crate::segment::{Protected, Segmenter, Selection, TokenClass};

/// The term counts of one document: sorted by term (byte order), with the word-token total.
///
/// The terms are stored back to back in one string (two allocations per document instead of
/// one per distinct term), which keeps counting cheap beside segmentation and memory small on
/// large corpora.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTerms {
    /// All terms, concatenated in sorted order.
    arena: String,
    /// Per term: byte start in `arena`, byte length, count.
    entries: Vec<(u32, u32, u64)>,
    tokens: u64,
}

impl DocTerms {
    /// Segments `text` and counts its terms. Protected strings come out as single tokens; with
    /// a POS filter the text is tagged (slower) and protected strings carry the tag
    /// [`crate::segment::PROTECTED_TAG`].
    pub fn count<'t>(
        seg: &'t Segmenter,
        filter: &TermFilter,
        text: &'t str,
        protected: &Protected,
    ) -> DocTerms {
        let mut tokens = 0u64;
        let kept: Vec<(&'t str, u64)> = if filter.pos.is_some() {
            // About one distinct word per 20 bytes of text in the provinces corpus (2842 per
            // 57 KB document on the bench corpus): pre-size so the map never grows.
            let mut map: HashMap<&'t str, u64, FxBuild> =
                HashMap::with_capacity_and_hasher(text.len() / 20, FxBuild::default());
            for (tok, tag) in seg.tag(text, protected) {
                if is_word(tok) {
                    tokens += 1;
                    if filter.keeps_pos(tag) {
                        *map.entry(tok).or_insert(0) += 1;
                    }
                }
            }
            map.into_iter().filter(|(t, _)| filter.keeps(t)).collect()
        } else {
            // Count every word token, and judge each distinct word once (neither depends on
            // the context); with the segment cache, once per thread.
            let class = |t: &str| {
                let word = is_word(t);
                TokenClass {
                    word,
                    kept: word && filter.keeps(t),
                }
            };
            let sel = Selection {
                key: filter.key(),
                class: &class,
            };
            let counted = seg.count_selected(text, protected, &sel);
            tokens = counted.words;
            counted.kept
        };
        DocTerms::from_sorted(&sort::sorted(&kept), tokens)
    }

    /// Builds from terms sorted ascending and unique.
    fn from_sorted(counts: &[(&str, u64)], tokens: u64) -> DocTerms {
        let mut arena = String::with_capacity(counts.iter().map(|c| c.0.len()).sum());
        let mut entries = Vec::with_capacity(counts.len());
        for (t, c) in counts {
            // A document longer than 4 GB is not a realistic input; saturate rather than panic.
            let start = u32::try_from(arena.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(t.len()).unwrap_or(u32::MAX);
            arena.push_str(t);
            entries.push((start, len, *c));
        }
        DocTerms {
            arena,
            entries,
            tokens,
        }
    }

    /// Builds counts from term/count pairs (summing repeated terms, dropping zero counts) and a
    /// token total; the total is raised to the sum of the counts if it is smaller.
    pub fn from_counts<S: Into<String>>(
        pairs: impl IntoIterator<Item = (S, u64)>,
        tokens: u64,
    ) -> DocTerms {
        let mut map: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
        for (t, c) in pairs {
            if c > 0 {
                *map.entry(t.into()).or_insert(0) += c;
            }
        }
        let counts: Vec<(&str, u64)> = map.iter().map(|(t, c)| (t.as_str(), *c)).collect();
        let kept: u64 = counts.iter().map(|c| c.1).sum();
        DocTerms::from_sorted(&counts, tokens.max(kept))
    }

    fn term(&self, e: &(u32, u32, u64)) -> &str {
        let (s, l) = (e.0 as usize, e.1 as usize);
        self.arena.get(s..s + l).unwrap_or("")
    }

    /// The kept terms and their counts, sorted by term.
    pub fn counts(&self) -> impl ExactSizeIterator<Item = (&str, u64)> + '_ {
        self.entries.iter().map(move |e| (self.term(e), e.2))
    }

    /// The number of distinct kept terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no term was kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The count of one term (0 if absent).
    pub fn get(&self, term: &str) -> u64 {
        self.entries
            .binary_search_by(|e| self.term(e).cmp(term))
            .map_or(0, |i| self.entries[i].2)
    }

    /// The word-token total (the per-10k denominator; see the module documentation).
    pub fn tokens(&self) -> u64 {
        self.tokens
    }

    /// The number of kept term tokens (sum of the counts).
    pub fn kept(&self) -> u64 {
        self.entries.iter().map(|e| e.2).sum()
    }

    /// The counts sorted by count descending, ties by term ascending.
    pub fn by_count(&self) -> Vec<(&str, u64)> {
        let mut v: Vec<(&str, u64)> = self.counts().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::SegmentOptions;

    #[test]
    fn counts_and_denominator() {
        let seg = Segmenter::new(&SegmentOptions::default()).unwrap();
        let text = "我们坚持党建引领，推进三治融合。党建引领是2026年的重点！";
        let p = Protected::new(&["三治融合"]);
        let d = DocTerms::count(&seg, &TermFilter::default(), text, &p);
        // Word tokens, by hand from the cut (checked below): 我们 坚持 党建引领 推进 三治融合
        // 党建引领 是 2026 年 的 重点 = 11 (the four punctuation marks are not words).
        let toks = seg.cut(text, &["三治融合"]);
        assert_eq!(
            toks.join("/"),
            "我们/坚持/党建引领/，/推进/三治融合/。/党建引领/是/2026/年/的/重点/！"
        );
        assert_eq!(d.tokens(), 11);
        // Kept: 坚持 1, 党建引领 2, 推进 1, 三治融合 1, 重点 1 (我们/是/的/年 stopwords,
        // 2026 a number).
        assert_eq!(d.get("党建引领"), 2);
        assert_eq!(d.get("三治融合"), 1);
        assert_eq!(d.get("我们"), 0);
        assert_eq!(d.kept(), 6);
        assert_eq!(d.by_count()[0], ("党建引领", 2));
        let terms: Vec<&str> = d.counts().map(|c| c.0).collect();
        assert!(terms.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(terms.len(), d.len());
    }

    #[test]
    fn pos_filter_counts_nouns_only() {
        let seg = Segmenter::new(&SegmentOptions::default()).unwrap();
        let f = TermFilter {
            pos: Some(["n".to_string(), "nz".to_string()].into()),
            ..TermFilter::default()
        };
        let d = DocTerms::count(
            &seg,
            &f,
            "推进三治融合，建设红色物业",
            &Protected::new(&["三治融合"]),
        );
        assert_eq!(d.get("三治融合"), 1, "{:?}", d.by_count());
        assert_eq!(d.get("红色物业"), 1, "{:?}", d.by_count());
        assert_eq!(d.get("推进"), 0);
        assert_eq!(d.get("建设"), 0);
        assert_eq!(d.tokens(), 4);
    }

    #[test]
    fn from_counts_merges() {
        let d = DocTerms::from_counts([("乙", 2), ("甲", 1), ("乙", 3), ("丙", 0)], 3);
        assert_eq!(d.get("乙"), 5);
        assert_eq!(d.len(), 2);
        assert_eq!(d.tokens(), 6);
    }
}
