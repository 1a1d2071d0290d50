//! [`GroupTable`]: term counts per group (region), accumulated one document at a time, so
//! that a streaming pipeline keeps the vocabulary and the group totals, never the documents.

use indexmap::IndexMap;

use super::freq::{row, sort_unit, TermRow};
use super::group_counts::GroupCounts;
use super::intern::Interner;
use super::DocTerms;

/// Per-group term counts and document frequencies, fed with [`GroupTable::add`].
///
/// Terms are interned once (an id per distinct term), so memory grows with the vocabulary
/// and the number of groups, not with the corpus. Groups keep their first-seen order.
#[derive(Debug, Default, Clone)]
pub struct GroupTable {
    /// Distinct terms; a term's id is its index.
    terms: Interner,
    /// Per group, in first-seen order.
    groups: IndexMap<String, GroupAcc>,
    /// The (id, count) pairs of the document being added (kept for its allocation).
    scratch: Vec<(u32, u64)>,
}

/// One group's totals.
#[derive(Debug, Default, Clone)]
pub(crate) struct GroupAcc {
    /// Word tokens of the group's documents (the per-10k denominator).
    pub(crate) tokens: u64,
    /// Term id → (count, documents of the group containing it).
    pub(crate) counts: GroupCounts,
}

impl GroupTable {
    /// An empty table.
    pub fn new() -> GroupTable {
        GroupTable::default()
    }

    /// Adds one document's counts to its group.
    pub fn add(&mut self, group: &str, doc: &DocTerms) {
        let acc = match self.groups.get_index_of(group) {
            Some(i) => &mut self.groups[i],
            None => self.groups.entry(group.to_string()).or_default(),
        };
        acc.tokens += doc.tokens();
        // Ids first (the interner's table is mostly in cache), then the group's counts in
        // one go (their slots are not: see GroupCounts).
        self.scratch.clear();
        self.scratch
            .extend(doc.counts().map(|(t, c)| (self.terms.intern(t), c)));
        acc.counts.add_doc(&self.scratch);
    }

    /// The groups, in first-seen order.
    pub fn groups(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.groups.keys().map(String::as_str)
    }

    /// The number of distinct terms.
    pub fn vocabulary(&self) -> usize {
        self.terms.len()
    }

    /// The term of an id.
    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms.term(id)
    }

    /// The groups' accumulators, in first-seen order.
    pub(crate) fn accs(&self) -> impl Iterator<Item = (&str, &GroupAcc)> + '_ {
        self.groups.iter().map(|(g, a)| (g.as_str(), a))
    }

    /// Corpus totals: count per term id (indexed by id) and word tokens.
    pub(crate) fn corpus_counts(&self) -> (Vec<u64>, u64) {
        let mut counts = vec![0u64; self.terms.len()];
        let mut tokens = 0;
        for a in self.groups.values() {
            tokens += a.tokens;
            for (id, (c, _)) in a.counts.iter() {
                if let Some(x) = counts.get_mut(id as usize) {
                    *x += c;
                }
            }
        }
        (counts, tokens)
    }

    /// The `n` most frequent terms of the corpus (count descending, then term ascending).
    pub fn top_terms(&self, n: usize) -> Vec<String> {
        let (counts, _) = self.corpus_counts();
        let mut v: Vec<(u64, &str)> = counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(id, &c)| (c, self.term(id as u32)))
            .collect();
        let cmp = |x: &(u64, &str), y: &(u64, &str)| y.0.cmp(&x.0).then_with(|| x.1.cmp(y.1));
        if v.len() > n {
            v.select_nth_unstable_by(n, cmp);
            v.truncate(n);
        }
        v.sort_by(cmp);
        v.into_iter().map(|(_, t)| t.to_string()).collect()
    }

    /// Per group (first-seen order): the counts of `items` (in `items` order, zero counts
    /// left out) and the group's word tokens.
    pub fn item_counts(&self, items: &[String]) -> Vec<(String, IndexMap<String, u64>, u64)> {
        let ids: Vec<Option<u32>> = items.iter().map(|i| self.terms.get(i)).collect();
        self.groups
            .iter()
            .map(|(g, a)| {
                let counts: IndexMap<String, u64> = items
                    .iter()
                    .zip(&ids)
                    .filter_map(|(item, id)| {
                        let c = id.and_then(|id| a.counts.get(id)).map_or(0, |e| e.0);
                        (c > 0).then(|| (item.clone(), c))
                    })
                    .collect();
                (g.clone(), counts, a.tokens)
            })
            .collect()
    }

    /// Every row of the `--by group` frequency table (see [`super::frequencies`], whose
    /// order and fields these are).
    pub fn rows(&self) -> Vec<TermRow> {
        self.top_rows(usize::MAX)
    }

    /// The first `n` rows of each group of [`GroupTable::rows`], built without building the
    /// others.
    pub fn top_rows(&self, n: usize) -> Vec<TermRow> {
        // Number of groups using each term (the idf of the group-level TF-IDF).
        let mut group_df = vec![0u64; self.terms.len()];
        for a in self.groups.values() {
            for (id, _) in a.counts.iter() {
                if let Some(x) = group_df.get_mut(id as usize) {
                    *x += 1;
                }
            }
        }
        let n_units = self.groups.len() as f64;
        let mut rows = Vec::new();
        for (g, a) in &self.groups {
            let mut ids: Vec<(u64, &str, u32)> = a
                .counts
                .iter()
                .map(|(id, (c, _))| (c, self.term(id), id))
                .collect();
            // Count descending, then term ascending: select the first n, then sort them.
            let cmp = |x: &(u64, &str, u32), y: &(u64, &str, u32)| {
                y.0.cmp(&x.0).then_with(|| x.1.cmp(y.1))
            };
            if ids.len() > n {
                ids.select_nth_unstable_by(n, cmp);
                ids.truncate(n);
            }
            let start = rows.len();
            for (c, t, id) in ids {
                let df = a.counts.get(id).map_or(0, |e| e.1);
                let gdf = group_df.get(id as usize).copied().unwrap_or(1);
                rows.push(row(t, c, a.tokens, df, n_units, gdf, g, None));
            }
            sort_unit(&mut rows[start..]);
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::super::{frequencies, top, By, DocInput};
    use super::*;

    fn doc(id: &str, group: &str, pairs: &[(&str, u64)], tokens: u64) -> DocInput {
        DocInput::of(id, group, pairs, tokens)
    }

    #[test]
    fn streaming_table_equals_the_batch_table() {
        let docs = vec![
            doc("d1", "湖北", &[("党建", 3), ("治理", 1), ("乙", 1)], 100),
            doc("d2", "浙江", &[("党建", 1), ("共富", 4)], 50),
            doc("d3", "湖北", &[("党建", 2), ("物业", 2), ("甲", 1)], 100),
        ];
        let mut t = GroupTable::new();
        for d in &docs {
            t.add(&d.group, &d.terms);
        }
        // frequencies(By::Group) is built on this table, so compare with hand values:
        // 湖北 党建 3+2 = 5 of 200 tokens → 250 per 10k, df 2, in both groups → tfidf 0.
        let batch = frequencies(&docs, By::Group);
        let hb: Vec<(&str, u64)> = batch
            .iter()
            .filter(|r| r.group == "湖北")
            .map(|r| (r.term.as_str(), r.count))
            .collect();
        assert_eq!(
            hb,
            [("党建", 5), ("物业", 2), ("乙", 1), ("治理", 1), ("甲", 1)]
        );
        assert!((batch[0].per10k - 250.0).abs() < 1e-9);
        assert_eq!((batch[0].df, batch[0].tfidf), (2, 0.0));
        assert_eq!(t.rows(), batch);
        for n in 0..5 {
            assert_eq!(t.top_rows(n), top(&batch, n), "n = {n}");
        }
        // 党建 治理 乙 共富 物业 甲.
        assert_eq!(t.vocabulary(), 6);
        assert_eq!(t.groups().collect::<Vec<_>>(), ["湖北", "浙江"]);
    }
}
