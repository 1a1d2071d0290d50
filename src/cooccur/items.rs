//! Item × item co-occurrence: counting contexts and association measures.

use super::matrix::{finite_or, Matrix};
use crate::terms::FxBuild;
use indexmap::IndexSet;
use serde::Serialize;
use std::collections::HashMap;

/// Co-occurrence counts over a sequence of contexts.
///
/// A *context* is a set of items: a sentence's, a paragraph's or a document's items, or a
/// token window (see [`Cooccurrence::add_windows`]). Following KH Coder and quanteda's
/// `fcm(..., count = "boolean")`, each context counts **once** per unordered pair of
/// distinct items it contains, however often they occur in it; likewise the context
/// frequency `n_a` of an item is the number of contexts containing it and `N` is the number
/// of contexts added, **including contexts without any item** (they are part of the base
/// rate that PMI compares against).
///
/// Items are interned to `u32` ids in first-seen order; pair counts live in a
/// `HashMap<(u32, u32), u64>` with the smaller id first. Both hash with the Fx hash (the maps
/// are probed once per item occurrence); nothing is ever iterated out of the hash map
/// without sorting.
#[derive(Debug, Clone, Default)]
pub struct Cooccurrence {
    items: IndexSet<String, FxBuild>,
    freq: Vec<u64>,
    pairs: HashMap<(u32, u32), u64, FxBuild>,
    contexts: u64,
    scratch: Vec<u32>,
}

/// An association measure between two items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Association {
    /// `n_ab`, the number of contexts containing both.
    #[default]
    Count,
    /// Pointwise mutual information, `log2(n_ab · N / (n_a · n_b))`.
    Pmi,
    /// Normalised PMI, `PMI / −log2(n_ab / N)`, in [−1, 1]; exactly 1 when
    /// `n_ab = n_a = n_b` (perfect co-occurrence), including the 0/0 case `n_ab = N`.
    Npmi,
    /// Jaccard, `n_ab / (n_a + n_b − n_ab)`.
    Jaccard,
}

/// The statistics of one co-occurring pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairStat {
    /// The first item (the smaller by Unicode code point order).
    pub a: String,
    /// The second item.
    pub b: String,
    /// `n_ab`: contexts containing both.
    pub count: u64,
    /// `n_a`: contexts containing `a`.
    pub n_a: u64,
    /// `n_b`: contexts containing `b`.
    pub n_b: u64,
    /// PMI (see [`Association::Pmi`]).
    pub pmi: f64,
    /// NPMI (see [`Association::Npmi`]).
    pub npmi: f64,
    /// Jaccard (see [`Association::Jaccard`]).
    pub jaccard: f64,
}

impl PairStat {
    /// The value of `measure` for this pair.
    pub fn value(&self, measure: Association) -> f64 {
        match measure {
            Association::Count => self.count as f64,
            Association::Pmi => self.pmi,
            Association::Npmi => self.npmi,
            Association::Jaccard => self.jaccard,
        }
    }
}

/// PMI, NPMI and Jaccard from `n_ab`, `n_a`, `n_b` and `N`, always finite.
///
/// For `n_ab = 0` (never together): PMI 0 (no finite value exists; 0 reads as "no
/// evidence"), NPMI −1 (its limit), Jaccard 0. Inconsistent inputs (`n_ab > n_a`, ...)
/// cannot arise from [`Cooccurrence`]; they still give finite numbers.
pub fn measures(n_ab: u64, n_a: u64, n_b: u64, n: u64) -> (f64, f64, f64) {
    let union = (n_a + n_b).saturating_sub(n_ab);
    let jaccard = if union == 0 {
        0.0
    } else {
        n_ab as f64 / union as f64
    };
    if n_ab == 0 || n_a == 0 || n_b == 0 || n == 0 {
        return (0.0, -1.0, jaccard);
    }
    let (ab, a, b, n) = (n_ab as f64, n_a as f64, n_b as f64, n as f64);
    let pmi = finite_or((ab * n / (a * b)).log2(), 0.0);
    let h = -(ab / n).log2();
    // Exactly 1 for perfect co-occurrence (n_ab = n_a = n_b), avoiding rounding to 0.999…,
    // and for the 0/0 case n_ab = N.
    let npmi = if h <= 0.0 || (n_ab == n_a && n_ab == n_b) {
        1.0
    } else {
        finite_or(pmi / h, 0.0).clamp(-1.0, 1.0)
    };
    (pmi, npmi, jaccard)
}

impl Cooccurrence {
    /// An empty counter.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts from a list of contexts, each a list of items (duplicates within a context
    /// are counted once).
    pub fn from_contexts<C, S>(contexts: impl IntoIterator<Item = C>) -> Self
    where
        C: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut c = Self::new();
        for ctx in contexts {
            c.add(ctx);
        }
        c
    }

    /// The id of `item`, interning it if new. (Ids are `u32`: more than 2³² distinct items
    /// would need far more memory than the strings themselves allow, so no check.)
    fn intern(&mut self, item: &str) -> u32 {
        if let Some(i) = self.items.get_index_of(item) {
            return i as u32;
        }
        let (i, _) = self.items.insert_full(item.to_string());
        self.freq.push(0);
        i as u32
    }

    /// Adds one context. Its items are deduplicated before counting.
    pub fn add<S: AsRef<str>>(&mut self, items: impl IntoIterator<Item = S>) {
        let mut ids = std::mem::take(&mut self.scratch);
        ids.clear();
        for it in items {
            let id = self.intern(it.as_ref());
            ids.push(id);
        }
        self.add_ids(&mut ids);
        self.scratch = ids;
    }

    /// Adds `n` contexts without any item (they only count in `N`).
    pub fn add_empty(&mut self, n: u64) {
        self.contexts += n;
    }

    fn add_ids(&mut self, ids: &mut Vec<u32>) {
        ids.sort_unstable();
        ids.dedup();
        self.contexts += 1;
        for (k, &a) in ids.iter().enumerate() {
            self.freq[a as usize] += 1;
            for &b in &ids[k + 1..] {
                *self.pairs.entry((a, b)).or_insert(0) += 1;
            }
        }
    }

    /// Adds the token-window contexts of one text.
    ///
    /// `occurrences` are `(token position, item)` pairs of one document (any order).
    /// **Definition:** every item occurrence at position `p` anchors one context: the set of
    /// items occurring at positions `p − n ..= p + n` (itself included). So `N` grows by the
    /// number of occurrences, and a pair at most `n` tokens apart is counted once for
    /// each anchor whose window covers both (at least twice, once from each end: nearer
    /// pairs are covered by more anchors, a built-in proximity weighting). A text with
    /// no occurrences adds nothing.
    ///
    /// This differs from quanteda's `fcm(context = "window", window = n)`, which counts
    /// every occurrence pair within `n` tokens (`count = "frequency"`, optionally
    /// weighted by distance) and has no notion of a number of contexts `N`; here `N`,
    /// `n_a` and `n_ab` are all counts of the same windows, so PMI and NPMI stay proper
    /// probability ratios.
    pub fn add_windows<S: AsRef<str>>(&mut self, occurrences: &[(usize, S)], n: usize) {
        let mut occ: Vec<(usize, u32)> = Vec::with_capacity(occurrences.len());
        for (p, s) in occurrences {
            let id = self.intern(s.as_ref());
            occ.push((*p, id));
        }
        occ.sort_unstable();
        let mut ids = std::mem::take(&mut self.scratch);
        let mut lo = 0;
        let mut hi = 0;
        for k in 0..occ.len() {
            let p = occ[k].0;
            while occ[lo].0 < p.saturating_sub(n) {
                lo += 1;
            }
            while hi < occ.len() && occ[hi].0 <= p.saturating_add(n) {
                hi += 1;
            }
            ids.clear();
            ids.extend(occ[lo..hi].iter().map(|&(_, id)| id));
            self.add_ids(&mut ids);
        }
        self.scratch = ids;
    }

    /// `N`, the number of contexts added.
    pub fn n_contexts(&self) -> u64 {
        self.contexts
    }

    /// The number of distinct items seen.
    pub fn n_items(&self) -> usize {
        self.items.len()
    }

    /// `n_a`: the number of contexts containing `item`.
    pub fn item_count(&self, item: &str) -> u64 {
        self.items.get_index_of(item).map_or(0, |i| self.freq[i])
    }

    /// `n_ab`: the number of contexts containing both `a` and `b` (0 when `a == b`; use
    /// [`Cooccurrence::item_count`] for that).
    pub fn pair_count(&self, a: &str, b: &str) -> u64 {
        match (self.items.get_index_of(a), self.items.get_index_of(b)) {
            (Some(x), Some(y)) if x != y => {
                let key = (x.min(y) as u32, x.max(y) as u32);
                self.pairs.get(&key).copied().unwrap_or(0)
            }
            _ => 0,
        }
    }

    fn stat(&self, x: u32, y: u32, n_ab: u64) -> PairStat {
        let (sx, sy) = (&self.items[x as usize], &self.items[y as usize]);
        let (a, b, n_a, n_b) = if sx <= sy {
            (sx, sy, self.freq[x as usize], self.freq[y as usize])
        } else {
            (sy, sx, self.freq[y as usize], self.freq[x as usize])
        };
        let (pmi, npmi, jaccard) = measures(n_ab, n_a, n_b, self.contexts);
        PairStat {
            a: a.clone(),
            b: b.clone(),
            count: n_ab,
            n_a,
            n_b,
            pmi,
            npmi,
            jaccard,
        }
    }

    /// The pairs with `n_ab ≥ min_count`, sorted by `measure` (descending), then count
    /// (descending), then `(a, b)` (ascending); at most `limit` of them when given.
    pub fn top_pairs(
        &self,
        measure: Association,
        min_count: u64,
        limit: Option<usize>,
    ) -> Vec<PairStat> {
        let mut v: Vec<PairStat> = self
            .pairs
            .iter()
            .filter(|&(_, &c)| c >= min_count.max(1))
            .map(|(&(x, y), &c)| self.stat(x, y, c))
            .collect();
        v.sort_by(|p, q| {
            q.value(measure)
                .total_cmp(&p.value(measure))
                .then(q.count.cmp(&p.count))
                .then_with(|| p.a.cmp(&q.a))
                .then_with(|| p.b.cmp(&q.b))
        });
        if let Some(l) = limit {
            v.truncate(l);
        }
        v
    }

    /// The items by context frequency (descending), then item (ascending).
    pub fn items_by_frequency(&self) -> Vec<(&str, u64)> {
        let mut v: Vec<(&str, u64)> = self
            .items
            .iter()
            .zip(&self.freq)
            .map(|(s, &f)| (s.as_str(), f))
            .collect();
        v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        v
    }

    /// The symmetric matrix of `measure` over the `top_k` most frequent items (order of
    /// [`Cooccurrence::items_by_frequency`]).
    ///
    /// Off-diagonal cells with `n_ab < min_count` (or never together) hold the "never
    /// together" value of [`measures`] (0, or −1 for NPMI). The diagonal applies the
    /// formula with `n_ab = n_a = n_b`: Count `n_a`, Jaccard 1, NPMI 1, PMI `log2(N / n_a)`.
    pub fn matrix(&self, measure: Association, top_k: usize, min_count: u64) -> Matrix {
        let top: Vec<(&str, u64)> = self.items_by_frequency().into_iter().take(top_k).collect();
        let ids: Vec<u32> = top
            .iter()
            .filter_map(|(s, _)| self.items.get_index_of(*s).map(|i| i as u32))
            .collect();
        let k = ids.len();
        let mut values = vec![vec![0.0; k]; k];
        for i in 0..k {
            let fi = self.freq[ids[i] as usize];
            values[i][i] = self.stat(ids[i], ids[i], fi).value(measure);
            for j in i + 1..k {
                let key = (ids[i].min(ids[j]), ids[i].max(ids[j]));
                let mut c = self.pairs.get(&key).copied().unwrap_or(0);
                if c < min_count {
                    c = 0;
                }
                let v = self.stat(ids[i], ids[j], c).value(measure);
                values[i][j] = v;
                values[j][i] = v;
            }
        }
        let labels: Vec<String> = top.iter().map(|(s, _)| s.to_string()).collect();
        Matrix {
            rows: labels.clone(),
            cols: labels,
            values,
        }
    }
}
