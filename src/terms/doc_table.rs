//! [`DocTable`]: the per-document frequency table (`tifa terms --by doc`), accumulated one
//! document at a time, keeping each document's top rows only.

use indexmap::IndexMap;

use super::freq::{row, TermRow};
use super::intern::Interner;
use super::DocTerms;

/// The rows of [`super::frequencies`] with [`super::By::Doc`], cut to the first `top` of each
/// document as [`super::top`] does, built without holding every document's counts.
///
/// A row's `df` and `tfidf` need the corpus-wide document frequency of its term, known only
/// after the last document. So each document keeps its `top` terms (count descending, then
/// term ascending: the order of its rows), and the document frequencies of all terms are
/// counted in a table indexed by interned term. Memory grows with documents × `top` and
/// with the vocabulary, not with the corpus's term counts (all of them would be about a
/// gigabyte for a gigabyte of text).
#[derive(Debug, Default, Clone)]
pub struct DocTable {
    /// Rows kept per document (`usize::MAX`: all).
    top: usize,
    /// Distinct terms; a term's id is its index.
    terms: Interner,
    /// Documents containing each term, by term id.
    df: Vec<u64>,
    /// Documents added, per group in first-seen order, in input order within a group.
    groups: IndexMap<String, Vec<KeptDoc>>,
    /// Documents added.
    docs: u64,
}

/// A document's kept terms.
#[derive(Debug, Clone)]
struct KeptDoc {
    id: String,
    /// Word tokens (the per-10k denominator).
    tokens: u64,
    /// (term id, count), in row order.
    terms: Vec<(u32, u64)>,
}

impl DocTable {
    /// An empty table keeping the first `top` rows of each document (`usize::MAX`: all).
    pub fn new(top: usize) -> DocTable {
        DocTable {
            top,
            ..DocTable::default()
        }
    }

    /// Adds one document's counts.
    pub fn add(&mut self, id: &str, group: &str, terms: &DocTerms) {
        self.docs += 1;
        let mut kept: Vec<(u64, &str, u32)> = Vec::with_capacity(terms.len());
        for (t, c) in terms.counts() {
            let tid = self.terms.intern(t);
            match self.df.get_mut(tid as usize) {
                Some(n) => *n += 1,
                None => self.df.push(1),
            }
            kept.push((c, t, tid));
        }
        let order = |x: &(u64, &str, u32), y: &(u64, &str, u32)| y.0.cmp(&x.0).then(x.1.cmp(y.1));
        if kept.len() > self.top {
            kept.select_nth_unstable_by(self.top, order);
            kept.truncate(self.top);
        }
        kept.sort_unstable_by(order);
        // A fresh vector of exactly the kept length: collecting from `kept.into_iter()` would
        // reuse `kept`'s allocation, sized for all of the document's terms.
        let mut rows = Vec::with_capacity(kept.len());
        rows.extend(kept.iter().map(|&(c, _, tid)| (tid, c)));
        let doc = KeptDoc {
            id: id.to_string(),
            tokens: terms.tokens(),
            terms: rows,
        };
        match self.groups.get_mut(group) {
            Some(v) => v.push(doc),
            None => {
                self.groups.insert(group.to_string(), vec![doc]);
            }
        }
    }

    /// The rows: groups in first-seen order, documents in input order within a group, then
    /// count descending, then term ascending.
    pub fn rows(&self) -> Vec<TermRow> {
        let n = self.docs as f64;
        let mut rows = Vec::new();
        for (group, docs) in &self.groups {
            for d in docs {
                for &(tid, c) in &d.terms {
                    let df = self.df.get(tid as usize).copied().unwrap_or(1);
                    let term = self.terms.term(tid);
                    rows.push(row(term, c, d.tokens, df, n, df, group, Some(&d.id)));
                }
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::super::{frequencies, top, By, DocInput};
    use super::*;
    use proptest::prelude::*;

    fn doc(id: &str, group: &str, pairs: &[(&str, u64)], tokens: u64) -> DocInput {
        DocInput::of(id, group, pairs, tokens)
    }

    fn table(docs: &[DocInput], n: usize) -> DocTable {
        let mut t = DocTable::new(n);
        for d in docs {
            t.add(&d.id, &d.group, &d.terms);
        }
        t
    }

    #[test]
    fn rows_by_hand() {
        let docs = vec![
            doc("d1", "湖北", &[("党建", 3), ("治理", 1)], 100),
            doc("d2", "浙江", &[("党建", 1), ("共富", 4)], 50),
            doc("d3", "湖北", &[("党建", 2), ("物业", 2)], 100),
        ];
        let rows = table(&docs, 1).rows();
        // Top 1 per document: d1 党建 3; d3 党建 2 and 物业 2 tie, 党 (U+515A) sorts before
        // 物 (U+7269); d2 共富 4. Groups: 湖北 (d1, d3), then 浙江.
        let got: Vec<(&str, &str, u64, u64)> = rows
            .iter()
            .map(|r| (r.doc.as_deref().unwrap(), r.term.as_str(), r.count, r.df))
            .collect();
        assert_eq!(
            got,
            [
                ("d1", "党建", 3, 3),
                ("d3", "党建", 2, 3),
                ("d2", "共富", 4, 1)
            ]
        );
        // 共富: in 1 of 3 documents, tfidf = 4 × ln 3 = 4.394449…; per10k = 4 / 50 × 10⁴.
        assert!((rows[2].tfidf - 4.0 * 3f64.ln()).abs() < 1e-12);
        assert_eq!(rows[2].per10k, 800.0);
        // 党建 is in every document: idf ln(3/3) = 0.
        assert_eq!(rows[0].tfidf, 0.0);
    }

    proptest! {
        /// The table equals the whole-corpus method (`frequencies` then `top`) on random
        /// corpora with many ties, at every cut.
        #[test]
        fn equals_frequencies_then_top(
            spec in proptest::collection::vec(
                (0usize..3, proptest::collection::vec((0usize..6, 1u64..4), 0..6), 0u64..30),
                0..8,
            ),
            n in 0usize..5,
        ) {
            let words = ["甲", "乙", "丙丁", "a", "ab", "党建"];
            let docs: Vec<DocInput> = spec
                .iter()
                .enumerate()
                .map(|(i, (g, pairs, tokens))| {
                    let pairs: Vec<(&str, u64)> =
                        pairs.iter().map(|&(w, c)| (words[w], c)).collect();
                    doc(&format!("d{i}"), ["湖北", "浙江", "(none)"][*g], &pairs, *tokens)
                })
                .collect();
            let cut = if n == 0 { usize::MAX } else { n };
            let want = top(&frequencies(&docs, By::Doc), cut);
            prop_assert_eq!(table(&docs, cut).rows(), want);
        }
    }
}
